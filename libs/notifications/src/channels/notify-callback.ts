import { createHash, timingSafeEqual } from 'node:crypto';

/** What a GOV.UK Notify delivery receipt means for the message it is about. */
export interface NotifyDeliveryReceipt {
  /** Notify's `reference`: the idempotency key we sent, which finds the outbox message. */
  idempotencyKey: string;
  /** `pending`: Notify is still trying (it normally calls back only with a final status). */
  outcome: 'delivered' | 'failed' | 'pending';
  /** Why it failed, in words a manager can act on; null otherwise. */
  reason: string | null;
  /** Notify's id for the notification. */
  providerReference: string | null;
  /** When Notify reached its final state (`completed_at`), if it said. */
  at: string | null;
}

const FAILURE_REASONS: Record<string, string> = {
  'permanent-failure': 'GOV.UK Notify could not deliver the email: the address does not exist or its provider refused it',
  'temporary-failure':
    'GOV.UK Notify could not deliver the email after trying for 72 hours: the inbox may be full or its provider not answering',
  'technical-failure': 'GOV.UK Notify could not send the email because of a technical problem at Notify',
};

const IN_PROGRESS = new Set(['created', 'sending', 'pending', 'sent', 'accepted']);

/**
 * A Notify delivery-status callback as the outcome of one of our messages, or null when the body
 * is not one (no reference to match it by, or a status Notify does not send). Pure: the route
 * authenticates the call (see isAuthorisedNotifyCallback) and records the result. The
 * recipient's address (`to`) is deliberately not carried on.
 */
export function readNotifyCallback(body: unknown): NotifyDeliveryReceipt | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { id, reference, status, completed_at: completedAt } = body as Record<string, unknown>;
  if (typeof reference !== 'string' || reference.trim() === '' || typeof status !== 'string') return null;
  const receipt = {
    idempotencyKey: reference,
    reason: null,
    providerReference: typeof id === 'string' ? id : null,
    at: typeof completedAt === 'string' ? completedAt : null,
  };
  if (status === 'delivered') return { ...receipt, outcome: 'delivered' };
  if (Object.hasOwn(FAILURE_REASONS, status)) return { ...receipt, outcome: 'failed', reason: FAILURE_REASONS[status] };
  if (IN_PROGRESS.has(status)) return { ...receipt, outcome: 'pending' };
  return null;
}

/**
 * Notify sends the bearer token configured for the callback; compare it without leaking its
 * length or contents through timing (hashing first makes the lengths equal).
 */
export function isAuthorisedNotifyCallback(authorization: string | null | undefined, expectedToken: string | null | undefined): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!given || !expectedToken) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expectedToken));
}
