import { PermanentDeliveryError, TransientDeliveryError } from './channels/channel';
import { MessageTemplateError } from './templates/message-template';

/**
 * Tries before a message is marked failed and raised to managers. With the backoff below the
 * eleven waits are at most 5 s, 10 s, … 30 min: up to about 1.7 hours of trying (about half
 * that on average), so a mail server down for a quarter of an hour loses nothing.
 */
export const MAX_DELIVERY_ATTEMPTS = 12;
export const RETRY_BASE_DELAY_MS = 5_000;
export const RETRY_MAX_DELAY_MS = 30 * 60_000;

/**
 * The most we wait before the next try after `attemptsMade` failed attempts: 5 s, 10 s, 20 s, …
 * doubling up to 30 minutes.
 */
export function retryDelayCeilingMs(attemptsMade: number): number {
  const failures = Number.isFinite(attemptsMade) ? Math.max(1, Math.floor(attemptsMade)) : 1;
  // 2 ** 30 already dwarfs the cap; bounding the exponent keeps the arithmetic finite.
  return Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** Math.min(failures - 1, 30));
}

/**
 * Exponential backoff with full jitter: anywhere from 0 to the ceiling, so receivers that come
 * back up are not hit by every waiting message at once. `random` returns [0, 1), like Math.random.
 */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random): number {
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * retryDelayCeilingMs(attemptsMade));
}

/**
 * The wait before the next try after `error`: the backoff, or longer when the receiver said when
 * to come back (Retry-After), which we honour.
 */
export function nextRetryDelayMs(error: unknown, attemptsMade: number, random: () => number = Math.random): number {
  const backoff = retryDelayMs(attemptsMade, random);
  const asked = error instanceof TransientDeliveryError ? error.retryAfterMs : undefined;
  return asked !== undefined && Number.isFinite(asked) && asked > backoff ? Math.ceil(asked) : backoff;
}

/**
 * True when trying again cannot help: the channel said so, or the message cannot be written.
 * Anything else (a network error, a database blip, a bug) is retried, within MAX_DELIVERY_ATTEMPTS.
 */
export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentDeliveryError || error instanceof MessageTemplateError;
}
