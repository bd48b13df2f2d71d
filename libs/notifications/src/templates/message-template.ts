/** What a template produces: the words a person reads, and the same facts as data for partner systems. */
export interface RenderedMessage {
  subject: string;
  /** Plain text, paragraphs separated by a blank line. */
  body: string;
  /** The structured subset of the facts that is safe for the reader (webhook JSON, Notify personalisation). */
  data: Record<string, unknown>;
}

/** Facts that belong to the delivery, not to the step: none of them is ever about the child's case. */
export interface RenderOptions {
  /** The reader's own name, for the greeting ("Dear Sam Patel,"); absent: "Hello,". */
  recipientName?: string | null;
  /** How to reach the front door, e.g. "01632 960 123"; absent: the message says "contact the front door". */
  frontDoorPhone?: string | null;
  /** When the message is rendered: a breached deadline says how overdue it was at this moment. */
  now?: Date;
}

export type MessageTemplate = (content: Readonly<Record<string, unknown>>, options: RenderOptions) => RenderedMessage;

export type MessageTemplateErrorCode = 'unknown_message_kind' | 'missing_message_fact';

/** A message that cannot be written: rendering it again will not help, so delivery stops at once. */
export class MessageTemplateError extends Error {
  constructor(
    readonly code: MessageTemplateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageTemplateError';
  }
}

/**
 * A named fact as text, or null when it is absent, empty or not text. Templates read facts only
 * through this (never by spreading `content`), so a field no template names can never leak.
 */
export function fact(content: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = content[name];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  // A value that was stringified upstream from nothing is still nothing.
  if (text === '' || /^(null|undefined)$/i.test(text)) return null;
  return text;
}

export function requiredFact(content: Readonly<Record<string, unknown>>, name: string, kind: string): string {
  const value = fact(content, name);
  if (value === null) {
    throw new MessageTemplateError('missing_message_fact', `a ${kind} message needs a ${name}, and none was recorded`);
  }
  return value;
}

/** The data object without the facts that are absent (so no `null` reaches a partner system). */
export function presentOnly(data: Record<string, string | null>): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (value !== null) present[key] = value;
  return present;
}

/** Joins the paragraphs that have something to say. */
export function paragraphs(...parts: (string | null | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n');
}

export function greeting(options: RenderOptions): string {
  const name = options.recipientName?.trim();
  return name && !/^(null|undefined)$/i.test(name) ? `Dear ${name},` : 'Hello,';
}

export const REFERRER_SIGN_OFF = 'With thanks,\nThe front door team, children’s social care';
export const STAFF_SIGN_OFF = 'Front Door';

/** How a referrer reaches the front door, in a sentence that reads with or without a number. */
export function contactTheFrontDoor(options: RenderOptions): string {
  const phone = options.frontDoorPhone?.trim();
  return phone ? `call the front door on ${phone}` : 'contact the front door';
}

/** What to do when worried again: every referrer message ends with it (Working Together: anyone can refer). */
export function ifYouAreWorried(childName: string | null, options: RenderOptions, reference: string): string {
  const about = childName ? `about ${childName}` : 'about the child';
  return (
    `If you are worried ${about} again, or something changes, please ${contactTheFrontDoor(options)} ` +
    `and quote reference ${reference}. If a child is in immediate danger, call 999.`
  );
}

/** An instant as a person reads it, in UK time: "2:15pm on Tuesday 4 March 2025"; null if it is not a date. */
export function whenReadable(iso: string | null): string | null {
  const instant = instantOf(iso);
  if (!instant) return null;
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, part.value]));
  const day = `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  // Deadlines fall due at the last moment of a London day.
  if (hour === 23 && minute === 59) return `the end of ${day}`;
  if (hour === 12 && minute === 0) return `midday on ${day}`;
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
  return `${clock} on ${day}`;
}

/** The date alone: "Tuesday 4 March 2025". */
export function dayReadable(instant: Date): string {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

export function instantOf(iso: string | null): Date | null {
  if (iso === null) return null;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** A length of time in plain words, to the minute: "2 days 3 hours", "45 minutes". */
export function durationReadable(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
