import { parseEventTime } from './event-time';

export interface FieldError {
  field: string;
  message: string;
}

/** Free text (rationales, feedback, notes). */
export const TEXT_MAX = 5000;
/** Names and ids (an agency, a worker, a team). */
export const NAME_MAX = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CodeListRules {
  /** What the list holds, for "must be a non-empty list of …". */
  describe: string;
  /** The message for an item not in the code list. */
  itemMessage: string;
  /** A code that means "none" and may only be given alone, with the message when it is not. */
  alone?: { code: string; message: string };
}

export interface Presence {
  /** Required (true), optional (false), or only allowed when a condition holds. */
  required?: boolean;
  /** Why it is required, appended to "is required": "when outcome is nfa". */
  requiredWhen?: string;
  /** Set when the field does not apply: a value given is refused with this condition. */
  onlyWhen?: string;
}

/**
 * Reads the fields of one request body, collecting an error for every bad field rather than
 * stopping at the first. Every field it is asked about counts as known; `unknownFields()` names
 * the rest. `null` counts as absent.
 */
export class FieldReader {
  readonly errors: FieldError[] = [];
  private readonly known = new Set<string>(['type']);

  constructor(private readonly body: Record<string, unknown>) {}

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  hasErrorFor(field: string): boolean {
    return this.errors.some((error) => error.field === field);
  }

  /** Whether the body leaves this field out (absent or null). */
  isAbsent(field: string): boolean {
    return this.body[field] === undefined || this.body[field] === null;
  }

  unknownFields(): string[] {
    return Object.keys(this.body).filter((field) => !this.known.has(field));
  }

  text(field: string, presence: Presence = {}, max = TEXT_MAX): string | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.invalid(field, 'must be a string');
    if (value.trim() === '') return this.invalid(field, 'must not be empty');
    if (value.length > max) return this.invalid(field, `must be at most ${max} characters`);
    return value;
  }

  name(field: string, presence: Presence = {}): string | undefined {
    return this.text(field, presence, NAME_MAX);
  }

  oneOf<T extends string>(field: string, values: readonly T[], presence: Presence = {}): T | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      return this.invalid(field, `must be one of: ${values.join(', ')}`);
    }
    return value as T;
  }

  boolean(field: string, presence: Presence = {}): boolean | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.invalid(field, 'must be true or false');
    return value;
  }

  integer(field: string, min: number, max: number, presence: Presence = {}): number | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.invalid(field, `must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  uuid(field: string, presence: Presence = {}): string | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !UUID.test(value)) return this.invalid(field, 'must be a UUID');
    return value;
  }

  /** A non-empty list; each item is read by `item`, which names its own errors (`agencies[2]`). */
  list<T>(
    field: string,
    describe: string,
    item: (value: unknown, itemField: string) => T | undefined,
    presence: Presence = {},
  ): T[] | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) return this.invalid(field, `must be a non-empty list of ${describe}`);
    const items = value.map((entry, index) => item(entry, `${field}[${index}]`));
    return items.every((entry) => entry !== undefined) ? (items as T[]) : undefined;
  }

  /**
   * A non-empty list of codes from a code list, none repeated, and the list's "none" code (if it
   * has one: 21 "no factors identified", NONE "no disability") only by itself.
   */
  codeList(field: string, codes: readonly string[], rules: CodeListRules, presence: Presence = {}): string[] | undefined {
    const seen = new Set<string>();
    const list = this.list(
      field,
      rules.describe,
      (value, itemField) => {
        if (typeof value !== 'string' || !codes.includes(value)) return this.invalid(itemField, rules.itemMessage);
        if (seen.has(value)) return this.invalid(itemField, `repeats ${value}`);
        seen.add(value);
        return value;
      },
      presence,
    );
    if (list && rules.alone && list.includes(rules.alone.code) && list.length > 1) return this.invalid(field, rules.alone.message);
    return list;
  }

  /** A list item that is a name: a non-empty string of at most NAME_MAX characters. */
  nameItem = (value: unknown, itemField: string): string | undefined => {
    if (typeof value !== 'string') return this.invalid(itemField, 'must be a string');
    if (value.trim() === '') return this.invalid(itemField, 'must not be empty');
    if (value.length > NAME_MAX) return this.invalid(itemField, `must be at most ${NAME_MAX} characters`);
    return value;
  };

  /**
   * When a step happened, as the person gives it: an ISO 8601 instant with an offset, not in
   * the future and not before the episode's previous step.
   */
  stepTime(field: string, now: Date, previousStepAt: string, presence: Presence = {}): string | undefined {
    const value = this.present(field, presence);
    if (value === undefined) return undefined;
    const time = typeof value === 'string' ? parseEventTime(value) : null;
    if (time === null) {
      return this.invalid(field, 'must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T09:15:00Z');
    }
    if (time.getTime() > now.getTime()) return this.invalid(field, 'must not be in the future');
    const previous = new Date(previousStepAt);
    if (time.getTime() < previous.getTime()) {
      return this.invalid(field, `must not be before the previous step (${previous.toISOString()})`);
    }
    return value as string;
  }

  private present(field: string, { required = true, requiredWhen, onlyWhen }: Presence): unknown {
    this.known.add(field);
    const value = this.body[field];
    const absent = value === undefined || value === null;
    if (onlyWhen !== undefined) {
      if (!absent) this.fail(field, `is only allowed when ${onlyWhen}`);
      return undefined;
    }
    if (absent) {
      if (required) this.fail(field, requiredWhen ? `is required when ${requiredWhen}` : 'is required');
      return undefined;
    }
    return value;
  }

  private invalid(field: string, message: string): undefined {
    this.fail(field, message);
    return undefined;
  }
}
