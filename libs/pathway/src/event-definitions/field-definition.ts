import type { EpisodeContext } from '../context';
import type { PathwayEvent, PublicEventType } from '../events';

/**
 * The shape of an event's definition: each field's name, type, when it is required, its code
 * list and limits, in words a person reads; and beside them the rules that need more than one
 * field, or the episode. The validator, the OpenAPI schema and the step forms are all derived
 * from these definitions, so they cannot disagree.
 */

/** Free text (rationales, feedback, notes). */
export const TEXT_MAX = 5000;
/** Names and ids (an agency, a worker, a team). */
export const NAME_MAX = 200;

/** Another field of the same event having a given value (`outcome is nfa`), or with `not`, any other value (`outcome is not nfa`). */
export interface Condition {
  field: string;
  is: string;
  not?: true;
}

/**
 * Whether a field must be given. A conditional field is left alone (optional) while the field
 * its condition reads is missing or invalid: that field's own error says what is wrong.
 */
export type Presence =
  | 'required'
  | 'optional'
  /** Required when the condition holds (`because`, if given, says why); otherwise optional, or refused. */
  | { requiredWhen: Condition; otherwise: 'optional' | 'refused'; because?: string }
  /** Optional when the condition holds; refused otherwise. */
  | { allowedWhen: Condition };

/** A code list: the codes, and how to name them in a message when listing them all would not help. */
interface Codes {
  codes: readonly string[];
  /** `a CIN assessment factor code (e.g. 1B, 3A, 21)`; by default the codes are listed. */
  codesDescribed?: string;
}

/** What one item of a list is. */
export type ListItemDefinition = { type: 'text'; maxLength: number } | ({ type: 'code' } & Codes);

/** What one field holds. */
export type FieldType =
  | { type: 'text'; maxLength: number }
  | ({ type: 'code' } & Codes)
  | { type: 'boolean' }
  | { type: 'integer'; minimum: number; maximum: number }
  | { type: 'uuid' }
  /** When the step happened: ISO 8601 with an offset. Its rules against the episode are contextual rules. */
  | { type: 'dateTime' }
  | { type: 'list'; items: ListItemDefinition; itemsDescribed: string; unique?: boolean };

export type FieldDefinition = FieldType & {
  /** What the field is, for a person filling it in. */
  description: string;
  presence: Presence;
};

/** The episode an event is for, as its rules see it. */
export interface EpisodeAtStep {
  context: EpisodeContext;
  now: Date;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Filled in by the engine, never by a client. */
type EngineFields = 'at' | 'checkId';

/** A public event as a client may send it, once valid. */
export type ValidatedEvent = DistributiveOmit<Extract<PathwayEvent, { type: PublicEventType }>, EngineFields>;

/** The event of one type, as a client sends it once valid. */
export type ValidatedEventOf<T extends PublicEventType> = Extract<ValidatedEvent, { type: T }>;

/** The fields a client gives for an event of type T (all but `type`). */
export type FieldNameOf<T extends PublicEventType> = Exclude<keyof ValidatedEventOf<T>, 'type'> & string;

/**
 * A rule that needs more than its own field's value: another field, or the episode (the step
 * before, the 45-working-day assessment timescale). It runs once every field has been read,
 * only while its field has no problem, and sees the fields that are valid so far.
 */
export interface ContextualRule<T extends PublicEventType> {
  field: FieldNameOf<T>;
  /** The rule in words, shown beside the field. */
  description: string;
  /** The problem with the event in this episode (a message about `field`), or undefined. */
  check(event: Partial<ValidatedEventOf<T>>, episode: EpisodeAtStep): string | undefined;
}

/** Fields of which a body must give at least one (each optional by itself): `must amend at least one of: …`. */
export interface AtLeastOneOf<T extends PublicEventType> {
  fields: readonly FieldNameOf<T>[];
  /** What the body does with them, for the message: `amend`. */
  verb: string;
}

/** One event a person sends: its fields in the order a person gives them, and its rules. */
export interface EventDefinition<T extends PublicEventType> {
  type: T;
  /** What the step is, in the domain's words. */
  summary: string;
  fields: { [K in FieldNameOf<T>]-?: FieldDefinition };
  rules: ContextualRule<T>[];
  /** When the body as a whole must give at least one of some optional fields (named as `body`). */
  atLeastOneOf?: AtLeastOneOf<T>;
}

/** The definitions of every public event, by type. */
export type EventDefinitions = { [T in PublicEventType]: EventDefinition<T> };

/** How a condition reads in a sentence: `outcome is nfa`, `outcome is not nfa`. */
export function conditionInWords({ field, is, not }: Condition): string {
  return `${field} is ${not ? 'not ' : ''}${is}`;
}

/** Whether a condition holds for the value its field has. */
export function conditionHolds({ is, not }: Condition, value: unknown): boolean {
  return not ? value !== is : value === is;
}

/** The sentence a body that gives none of the fields is refused with. */
export function atLeastOneOfInWords({ fields, verb }: AtLeastOneOf<PublicEventType>): string {
  return `must ${verb} at least one of: ${fields.join(', ')}`;
}

/** Whether a field must be given, in a sentence for a person: "Required when outcome is nfa." */
export function presenceInWords(presence: Presence): string {
  if (presence === 'required') return 'Required.';
  if (presence === 'optional') return 'Optional.';
  if ('allowedWhen' in presence) return `Only allowed when ${conditionInWords(presence.allowedWhen)}.`;
  const otherwise = presence.otherwise === 'refused' ? 'not allowed otherwise' : 'optional otherwise';
  const because = presence.because ? ` (${presence.because})` : '';
  return `Required when ${conditionInWords(presence.requiredWhen)}${because}; ${otherwise}.`;
}
