import type { EpisodeContext } from '../context';
import { EVENT_DEFINITIONS } from '../event-definitions';
import {
  atLeastOneOfInWords,
  type Condition,
  conditionHolds,
  conditionInWords,
  type ContextualRule,
  type EventDefinition,
  type FieldDefinition,
  type Presence,
  type ValidatedEvent,
} from '../event-definitions/field-definition';
import { isPublicEventType, PUBLIC_EVENT_TYPES, type PublicEventType } from '../events';
import { type FieldError, readField } from './read-field';

export type { FieldError } from './read-field';
export type { ValidatedEvent } from '../event-definitions/field-definition';

export type EventValidation = { ok: true; event: ValidatedEvent } | { ok: false; errors: FieldError[] };

/**
 * Checks the body of POST /episodes/:id/events (docs/api.md) against its event's definition
 * (event-definitions/) and the episode it is for. Every bad field is named, unknown fields are
 * refused, `null` counts as absent, and messages are in plain English. Whether the event is
 * accepted in the episode's current state is the chart's question (409), not this one.
 *
 * The event returned has no `at` (the engine stamps it), nor what the engine fills in itself
 * (an agency check's `checkId`), nor the optional fields not given.
 */
export function validateEvent(raw: unknown, context: EpisodeContext, now: Date): EventValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const body = raw as Record<string, unknown>;
  if (!isPublicEventType(body.type)) {
    return { ok: false, errors: [{ field: 'type', message: `must be one of: ${PUBLIC_EVENT_TYPES.join(', ')}` }] };
  }
  const definition = EVENT_DEFINITIONS[body.type] as unknown as EventDefinition<PublicEventType>;
  const fields = Object.entries(definition.fields) as [string, FieldDefinition][];
  const valid: Record<string, unknown> = {};
  const errors = new Map<string, FieldError[]>(fields.map(([field]) => [field, []]));

  // In definition order: a condition reads a field defined before the one it governs.
  for (const [field, definition] of fields) {
    const given = !isAbsent(body[field]);
    const presence = presenceNow(definition.presence, valid);
    if (presence === 'refused' && given) errors.get(field)!.push({ field, message: refusedMessage(definition.presence) });
    else if (presence === 'required' && !given) errors.get(field)!.push({ field, message: requiredMessage(definition.presence) });
    else if (given) {
      const reading = readField(field, definition, body[field]);
      if (reading.ok) valid[field] = reading.value;
      else errors.get(field)!.push(...reading.errors);
    }
  }
  for (const rule of definition.rules as ContextualRule<PublicEventType>[]) {
    if (errors.get(rule.field)!.length > 0) continue;
    const message = rule.check(valid as never, { context, now });
    if (message === undefined) continue;
    errors.get(rule.field)!.push({ field: rule.field, message });
    delete valid[rule.field];
  }
  const atLeastOne = definition.atLeastOneOf;
  const noneGiven = atLeastOne !== undefined && atLeastOne.fields.every((field) => isAbsent(body[field]));
  const bodyErrors = noneGiven ? [{ field: 'body', message: atLeastOneOfInWords(atLeastOne) }] : [];
  const unknown = Object.keys(body).filter((field) => field !== 'type' && !errors.has(field));
  const all = [...[...errors.values()].flat(), ...bodyErrors, ...unknown.map((field) => ({ field, message: 'is not allowed' }))];
  if (all.length > 0) return { ok: false, errors: all };
  return { ok: true, event: { type: body.type, ...valid } as ValidatedEvent };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * Whether a field must, may or must not be given, now that the fields before it are read. A
 * condition on a field that is missing or invalid is not judged (the field is optional): that
 * field's own problem is the one to fix.
 */
function presenceNow(presence: Presence, valid: Record<string, unknown>): 'required' | 'optional' | 'refused' {
  if (presence === 'required' || presence === 'optional') return presence;
  const condition = conditionOf(presence);
  if (valid[condition.field] === undefined) return 'optional';
  if (conditionHolds(condition, valid[condition.field])) return 'requiredWhen' in presence ? 'required' : 'optional';
  return 'allowedWhen' in presence ? 'refused' : presence.otherwise;
}

function conditionOf(presence: Exclude<Presence, 'required' | 'optional'>): Condition {
  return 'allowedWhen' in presence ? presence.allowedWhen : presence.requiredWhen;
}

function refusedMessage(presence: Presence): string {
  return typeof presence === 'object' ? `is only allowed when ${conditionInWords(conditionOf(presence))}` : 'is not allowed';
}

function requiredMessage(presence: Presence): string {
  if (typeof presence !== 'object' || !('requiredWhen' in presence)) return 'is required';
  const because = presence.because ? ` (${presence.because})` : '';
  return `is required when ${conditionInWords(presence.requiredWhen)}${because}`;
}
