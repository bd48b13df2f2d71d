/** Small helpers the network channels share. */

/**
 * A Retry-After header in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | string[] | number | null | undefined, now: Date = new Date()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

const ADDRESS = /[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@]+/g;

/**
 * Error text from a receiver, with any email address taken out: failure reasons are stored and
 * may be logged, and ARCHITECTURE §4 keeps personal data out of logs.
 */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>').slice(0, 500);
}

/**
 * A plausible single mailbox: one @, no spaces, brackets or separators, a dot in the domain.
 * Deliberately simple — the receiving server is the judge — but it stops an empty, malformed or
 * multi-recipient address (or a header injection) before anything is sent.
 */
export function isEmailAddress(address: string | null | undefined): address is string {
  if (typeof address !== 'string' || address.length > 254) return false;
  return /^[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@.]+(\.[^\s<>()[\]\\,;:"@.]+)+$/.test(address);
}
