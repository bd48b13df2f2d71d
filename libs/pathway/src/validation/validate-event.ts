import type { EpisodeContext } from '../context';
import { isPublicEventType, PUBLIC_EVENT_TYPES } from '../events';
import { EVENT_RULES, type ValidatedEvent } from './event-rules';
import { type FieldError, FieldReader } from './field-reader';

export type { FieldError } from './field-reader';
export type { ValidatedEvent } from './event-rules';

export type EventValidation = { ok: true; event: ValidatedEvent } | { ok: false; errors: FieldError[] };

/**
 * Checks the body of POST /episodes/:id/events (docs/api.md) against the episode it is for. Every bad
 * field is named, unknown fields are refused, and messages are in plain English. Whether the
 * event is accepted in the episode's current state is the chart's question (409), not this one.
 *
 * The event returned has no `at` (the engine stamps it), nor what the engine fills in itself
 * (an agency check's `checkId`).
 */
export function validateEvent(raw: unknown, context: EpisodeContext, now: Date): EventValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const body = raw as Record<string, unknown>;
  if (!isPublicEventType(body.type)) {
    return { ok: false, errors: [{ field: 'type', message: `must be one of: ${PUBLIC_EVENT_TYPES.join(', ')}` }] };
  }
  const reader = new FieldReader(body);
  const event = EVENT_RULES[body.type](reader, { context, now });
  for (const field of reader.unknownFields()) reader.fail(field, 'is not allowed');
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return { ok: true, event: withoutAbsentFields(event) };
}

/** Optional fields not given are left out rather than set to undefined. */
function withoutAbsentFields<T extends object>(event: T): T {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined)) as T;
}
