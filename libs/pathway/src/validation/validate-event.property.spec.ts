import fc from 'fast-check';
import { PUBLIC_EVENT_TYPES } from '../events';
import { episodeInput } from '../machine/pathway-test-fixtures';
import { startEpisode } from '../machine/run-pathway';
import { validateEvent } from './validate-event';

const context = startEpisode(episodeInput()).context;
const NOW = new Date('2026-03-10T12:00:00.000Z');

/** Any JSON a client could send, often with a real event type so the field rules are reached. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.record({ type: fc.constantFrom(...PUBLIC_EVENT_TYPES) }).chain((head) =>
    fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue()).map((rest) => ({ ...rest, ...head })),
  ),
);

describe('validating whatever a client sends', () => {
  it('never throws, and either accepts or names each bad field in words', () => {
    fc.assert(
      fc.property(body, (raw) => {
        const result = validateEvent(raw, context, NOW);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(typeof error.field).toBe('string');
          expect(error.message).toMatch(/^[a-z].+/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
