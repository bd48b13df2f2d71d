import type { FieldType, ListItemDefinition } from '../event-definitions/field-definition';
import { parseEventTime } from './event-time';

export interface FieldError {
  field: string;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A field's value checked against its type: the value, or the problems (a list names its items: `factors[2]`). */
export type FieldReading = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

const fails = (field: string, message: string): FieldReading => ({ ok: false, errors: [{ field, message }] });
const holds = (value: unknown): FieldReading => ({ ok: true, value });

/** Reads a value that is present (not undefined or null) as the field's definition says. */
export function readField(field: string, definition: FieldType, value: unknown): FieldReading {
  switch (definition.type) {
    case 'text':
    case 'code':
      return readItem(field, definition, value);
    case 'boolean':
      return typeof value === 'boolean' ? holds(value) : fails(field, 'must be true or false');
    case 'integer': {
      const { minimum, maximum } = definition;
      const whole = typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum;
      return whole ? holds(value) : fails(field, `must be a whole number from ${minimum} to ${maximum}`);
    }
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? holds(value) : fails(field, 'must be a UUID');
    case 'dateTime':
      return typeof value === 'string' && parseEventTime(value) !== null
        ? holds(value)
        : fails(field, 'must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T09:15:00Z');
    case 'list':
      return readList(field, definition, value);
  }
}

function readList(field: string, definition: Extract<FieldType, { type: 'list' }>, value: unknown): FieldReading {
  if (!Array.isArray(value) || value.length === 0) return fails(field, `must be a non-empty list of ${definition.itemsDescribed}`);
  const errors: FieldError[] = [];
  const seen = new Set<unknown>();
  value.forEach((item, index) => {
    const itemField = `${field}[${index}]`;
    const reading = readItem(itemField, definition.items, item);
    if (!reading.ok) errors.push(...reading.errors);
    else if (definition.unique && seen.has(item)) errors.push({ field: itemField, message: `repeats ${String(item)}` });
    seen.add(item);
  });
  return errors.length > 0 ? { ok: false, errors } : holds(value);
}

function readItem(field: string, definition: ListItemDefinition, value: unknown): FieldReading {
  if (definition.type === 'code') {
    const known = typeof value === 'string' && definition.codes.includes(value);
    return known ? holds(value) : fails(field, `must be ${definition.codesDescribed ?? `one of: ${definition.codes.join(', ')}`}`);
  }
  if (typeof value !== 'string') return fails(field, 'must be a string');
  if (value.trim() === '') return fails(field, 'must not be empty');
  if (value.length > definition.maxLength) return fails(field, `must be at most ${definition.maxLength} characters`);
  return holds(value);
}
