import fc from 'fast-check';
import { PermanentDeliveryError, TransientDeliveryError } from './channels/channel';
import {
  isPermanent,
  MAX_DELIVERY_ATTEMPTS,
  nextRetryDelayMs,
  RETRY_MAX_DELAY_MS,
  retryDelayCeilingMs,
  retryDelayMs,
} from './delivery-policy';
import { MessageTemplateError } from './templates/message-template';

const unitInterval = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('delivery policy', () => {
  it('waits between nothing and 30 minutes, whatever the attempt', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), unitInterval, (attempts, r) => {
        const delay = retryDelayMs(attempts, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(RETRY_MAX_DELAY_MS);
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it('stays in bounds even when the random source misbehaves', () => {
    for (const r of [NaN, -1, 2, Infinity]) {
      const delay = retryDelayMs(3, () => r);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(retryDelayCeilingMs(3));
    }
    expect(retryDelayMs(NaN, () => 0.5)).toBeLessThanOrEqual(5_000);
  });

  it('lets the upper bound grow with each attempt until it reaches the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (attempts) => {
        const here = retryDelayCeilingMs(attempts);
        const next = retryDelayCeilingMs(attempts + 1);
        expect(next).toBeGreaterThanOrEqual(here);
        if (here < RETRY_MAX_DELAY_MS) expect(next).toBeGreaterThan(here);
      }),
    );
    expect([1, 2, 3, 4].map(retryDelayCeilingMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayCeilingMs(7)).toBe(320_000);
    expect(retryDelayCeilingMs(MAX_DELIVERY_ATTEMPTS - 1)).toBe(RETRY_MAX_DELAY_MS);
    expect(retryDelayCeilingMs(10)).toBe(RETRY_MAX_DELAY_MS);
  });

  it('uses the whole range up to the bound (full jitter)', () => {
    expect(retryDelayMs(2, () => 0)).toBe(0);
    expect(retryDelayMs(2, () => 0.999_999)).toBe(9_999);
  });

  it('honours a receiver’s Retry-After when it is longer than the backoff', () => {
    expect(nextRetryDelayMs(new TransientDeliveryError('slow down', 120_000), 1, () => 0.5)).toBe(120_000);
    expect(nextRetryDelayMs(new TransientDeliveryError('slow down', 1_000), 3, () => 0.5)).toBe(10_000);
    expect(nextRetryDelayMs(new Error('socket hang up'), 1, () => 0.5)).toBe(2_500);
  });

  it('stops at once only when retrying cannot help', () => {
    expect(isPermanent(new PermanentDeliveryError('550 no such mailbox'))).toBe(true);
    expect(isPermanent(new MessageTemplateError('unknown_message_kind', 'no template'))).toBe(true);
    expect(isPermanent(new TransientDeliveryError('451 try later'))).toBe(false);
    expect(isPermanent(new Error('connection terminated'))).toBe(false);
    expect(isPermanent('a string')).toBe(false);
  });
});
