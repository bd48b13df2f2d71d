import fc from 'fast-check';
import { PUBLIC_EVENT_TYPES } from '../../libs/pathway/src/events';
import { contactBody } from '../support/front-door-client';

/** Text that has broken other systems: injection shapes, odd Unicode, NUL, RTL, emoji, lone surrogates. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE contacts; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '{"$where": "sleep(1000)"}',
  '$where',
  '$gt',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\ufeff',
  '\u200b',
  'Z̸̢̛a̵l̷g̶o̴',
  '\r\n\t',
  '../../../../etc/passwd',
  '%00',
  '%zz',
  '\\',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '1e309',
  '9434765919',
  '0000000000',
  '9434765918',
  'RC1',
  'N9',
  'red',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '2026-11-23T10:00:00Z',
  '1900-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2099-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-000000000000',
];

const ODD_CHARS = ['a', 'Z', '0', ' ', '\u0000', '\ud800', '\udc00', '😀', '\u202e', 'é', 'ß', '\u200b', "'", '"', '\\', '<', '>', '{', '}', '$', '%', '\n'];

export const oddString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 20 }),
);

/** Long strings: up to and past the 256 KB body limit (→ 413). */
export const hugeString = fc
  .tuple(fc.constantFrom('x', 'é', '😀', '\u0000', "'"), fc.constantFrom(201, 1_001, 10_001, 70_000, 140_000, 300_000))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

export const oddNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 21, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, -1e308, 0.5, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON-ish junk: wrong types, arrays where objects belong and vice versa. */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    oddString,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(oddString, fc.constantFrom('$where', '__proto__', 'constructor', 'type')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

export const valueOrJunk = (valid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: junk }, { weight: 1, arbitrary: hugeString });

// ------------------------------------------------------------------ contacts

const CONTACT_PATHS = [
  [],
  ['channel'],
  ['receivedAt'],
  ['referrer'],
  ['referrer', 'name'],
  ['referrer', 'role'],
  ['referrer', 'organisation'],
  ['referrer', 'sourceCode'],
  ['referrer', 'email'],
  ['referrer', 'phone'],
  ['referrer', 'wantsInvolvement'],
  ['referrer', 'feedbackChannel'],
  ['children'],
  ['children', 0],
  ['children', 0, 'givenName'],
  ['children', 0, 'familyName'],
  ['children', 0, 'dateOfBirth'],
  ['children', 0, 'expectedDateOfBirth'],
  ['children', 0, 'sex'],
  ['children', 0, 'nhsNumber'],
  ['children', 0, 'upn'],
  ['children', 0, 'ethnicity'],
  ['children', 0, 'address'],
  ['children', 0, 'address', 'line1'],
  ['children', 0, 'address', 'town'],
  ['children', 0, 'address', 'postcode'],
  ['concern'],
  ['concern', 'summary'],
  ['concern', 'categories'],
  ['concern', 'categories', 0],
  ['concern', 'immediateRisk'],
  ['consent'],
  ['consent', 'obtained'],
  ['consent', 'reasonIfNot'],
] as const;

type Mutation =
  | { kind: 'set'; path: readonly (string | number)[]; value: unknown }
  | { kind: 'delete'; path: readonly (string | number)[] }
  | { kind: 'extra'; path: readonly (string | number)[]; key: string; value: unknown };

const DATES = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-11-24', '2099-01-01', '1800-01-01', '0001-01-01', '2026-1-1', '20260101', '2014-05-02T00:00:00Z'),
  fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const TIMES = fc.oneof(
  fc.constantFrom('2026-11-23T09:00:00Z', '2026-11-24T09:00:00Z', '2099-01-01T00:00:00Z', '1900-01-01T00:00:00Z', '2026-11-23T09:00:00', '2026-11-23 09:00:00Z', '0000-01-01T00:00:00Z'),
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const NHS = fc.oneof(fc.constantFrom('9434765919', '943 476 5919', '9434765918', '0000000000', '123', '94347659190'), fc.stringMatching(/^\d{10}$/));

/** Text that passes the field's own rules but carries NUL, lone surrogates, RTL, emoji or injection shapes. */
export const nastyText = fc
  .tuple(fc.constantFrom('Ada', 'police', 'sw-1', 'north', 'because'), fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '😀', "'; DROP TABLE contacts; --", '{{7*7}}', '<script>', '\ufeff', '$where'))
  .map(([text, odd]) => `${text}${odd}`);

const TEXT_FIELDS = ['name', 'role', 'organisation', 'givenName', 'familyName', 'line1', 'town', 'summary', 'reasonIfNot'];

const plausibleFor: Record<string, fc.Arbitrary<unknown>> = {
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, nastyText])),
  channel: fc.constantFrom('portal', 'phone', 'email', 'letter', 'police_notification', 'in_person', 'pigeon'),
  receivedAt: TIMES,
  dateOfBirth: DATES,
  expectedDateOfBirth: DATES,
  nhsNumber: NHS,
  sourceCode: fc.constantFrom('1A', '5B', '10', '11', '5b'),
  sex: fc.constantFrom('F', 'M', 'U', 'X', 'f'),
  postcode: fc.constantFrom('BA14 8AA', 'ba148aa', 'ZZ99 9ZZ', 'SW1A1AA', '12345'),
  children: fc.oneof(
    fc.constant([]),
    fc.integer({ min: 1, max: 21 }).map((n) => Array.from({ length: n }, (_, i) => ({ givenName: `C${i}`, familyName: 'Fuzz', dateOfBirth: '2015-01-01' }))),
  ),
  categories: fc.array(fc.constantFrom('neglect', 'physical', 'sexual', 'other', 'bogus'), { maxLength: 12 }),
};

const mutation: fc.Arbitrary<Mutation> = fc.constantFrom(...CONTACT_PATHS).chain((path): fc.Arbitrary<Mutation> => {
  const last = String(path[path.length - 1] ?? '');
  const valid = plausibleFor[last] ?? fc.constant(undefined);
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), path: fc.constant(path), value: valueOrJunk(valid) }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constant(path) }),
    fc.record({ kind: fc.constant('extra' as const), path: fc.constant(path), key: fc.oneof(oddString, fc.constantFrom('$where', '__proto__', 'tenant', 'id', 'referrerSub')), value: junk }),
  );
});

function apply(body: Record<string, unknown>, m: Mutation): unknown {
  if (m.path.length === 0) {
    if (m.kind === 'set') return m.value;
    if (m.kind === 'delete') return {};
    if (m.kind !== 'extra') return body;
    body[m.key] = m.value;
    return body;
  }
  let node: unknown = body;
  for (const step of m.path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return body;
    node = (node as Record<string | number, unknown>)[step];
  }
  if (node === null || typeof node !== 'object') return body;
  const last = m.path[m.path.length - 1];
  const target = node as Record<string | number, unknown>;
  if (m.kind === 'set') target[last] = m.value;
  else if (m.kind === 'delete') delete target[last];
  else {
    const inner = target[last];
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) (inner as Record<string, unknown>)[m.key] = m.value;
    else target[m.key] = m.value;
  }
  return body;
}

/** A valid contact body (as docs/api.md shows it) with one to four mutations anywhere in it. */
export const mutatedContact: fc.Arbitrary<{ body: unknown; mutations: Mutation[] }> = fc
  .tuple(fc.array(mutation, { minLength: 0, maxLength: 4 }), fc.nat(1_000_000))
  .map(([mutations, salt]) => {
    // A different child each time, so the bodies that pass are new contacts, not duplicates.
    let body: unknown = JSON.parse(JSON.stringify(contactBody({ channel: 'phone' })));
    (body as { children: { givenName: string }[] }).children[0].givenName = `Fuzz${salt}`;
    for (const m of mutations) body = body !== null && typeof body === 'object' && !Array.isArray(body) ? apply(body as Record<string, unknown>, m) : body;
    return { body, mutations };
  });

// ------------------------------------------------------------------ events

const ANY_TIME = TIMES;
const orNasty = (valid: fc.Arbitrary<unknown>) => fc.oneof(valid, nastyText);
const EVENT_TEXT_FIELDS = ['note', 'redirectedTo', 'rationale', 'agency', 'question', 'feedbackForReferrer', 'signposting', 'reason', 'workerId', 'team', 'workerName', 'workerContact', 'reasonForDelay'];
const EVENT_FIELDS_PLAIN: Record<string, fc.Arbitrary<unknown>> = {
  outcome: fc.constantFrom('concern', 'open_case', 'redirect', 'duplicate', 'nfa', 'family_help', 'assessment', 'strategy_discussion', 'cin_plan', 's47', 'no_s47', 'icpc', 'no_icpc', 'cp_plan', 'no_plan', 'continue', 'end', 'jail'),
  note: fc.constantFrom('n', 'a note'),
  duplicateOfContactId: fc.constantFrom('00000000-0000-4000-8000-000000000000', 'not-a-uuid'),
  redirectedTo: fc.constantFrom('Early Help', 'CAMHS'),
  rag: fc.constantFrom('red', 'amber', 'green', 'purple'),
  rationale: fc.constantFrom('because'),
  agency: fc.constantFrom('police', 'health', 'school'),
  question: fc.constantFrom('Known to you?'),
  thresholdLevel: fc.constantFrom(0, 1, 2, 3, 4, 5, '3', 2.5),
  feedbackForReferrer: fc.constantFrom('Thank you'),
  signposting: fc.constantFrom('Family hub'),
  primaryNeed: fc.constantFrom('N0', 'N9', 'N10'),
  reason: fc.constantFrom('RC1', 'RC9', 'RC10', 'Not needed'),
  workerId: fc.constantFrom('sw-1', 'sw-2'),
  team: fc.constantFrom('north', 'west'),
  workerName: fc.constantFrom('Jo Worker'),
  workerContact: fc.constantFrom('jo@example.org', '01225 111111'),
  seenAt: ANY_TIME,
  seenAlone: fc.boolean(),
  completedAt: ANY_TIME,
  factors: fc.array(fc.constantFrom('21', '1A', '2B', '99', 'zz'), { maxLength: 4 }),
  reasonForDelay: fc.constantFrom('Family moved'),
  heldAt: ANY_TIME,
  agencies: fc.array(fc.oneof(fc.constantFrom('police', 'health', ''), nastyText), { maxLength: 3 }),
  nextStep: fc.constantFrom('assessment', 'family_help', 'nfa', 'child_in_need', 'jail'),
  category: fc.constantFrom('NEG', 'PHY', 'SAB', 'EMO', 'MUL', 'XXX'),
  familyGroupConferenceOffered: fc.boolean(),
  closedAt: ANY_TIME,
  text: fc.constantFrom('contribution'),
  at: ANY_TIME,
  checkId: fc.constantFrom('00000000-0000-4000-8000-000000000000'),
  actor: junk,
  version: oddNumber,
};
const EVENT_FIELDS: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
  Object.entries(EVENT_FIELDS_PLAIN).map(([name, valid]) => [name, EVENT_TEXT_FIELDS.includes(name) ? orNasty(valid) : valid]),
);
const FIELD_NAMES = Object.keys(EVENT_FIELDS);

export const eventType = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PUBLIC_EVENT_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom('TELEPORT', 'screen', 'ACKNOWLEDGEMENT_DELIVERED', 'CONTRIBUTE', 'DEADLINE_BREACHED', 'AGENCY_CHECK_ANSWERED', '__proto__') },
  { weight: 1, arbitrary: junk },
);

/** An event body: a type, a handful of fields (plausible, junk or huge), sometimes not an object at all. */
export const eventBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc
    .tuple(
      eventType,
      fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { maxLength: 6 }).chain((names) =>
        fc.tuple(...names.map((name) => fc.oneof({ weight: 3, arbitrary: EVENT_FIELDS[name] }, { weight: 1, arbitrary: valueOrJunk(EVENT_FIELDS[name]) }).map((v) => [name, v] as const))),
      ),
      fc.option(fc.tuple(oddString, junk), { freq: 5 }),
      fc.boolean(),
    )
    .map(([type, fields, extra, omitType]) => {
      const body: Record<string, unknown> = omitType ? {} : { type };
      for (const [name, value] of fields) body[name] = value;
      if (extra) body[extra[0]] = extra[1];
      return body;
    }) },
  { weight: 1, arbitrary: junk },
);

/** If-Match: absent most of the time, otherwise plausible and not. */
export const ifMatch = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 12 }).map(String),
    fc.integer({ min: 0, max: 12 }).map((n) => `"${n}"`),
    fc.integer({ min: 0, max: 12 }).map((n) => `W/"${n}"`),
    fc.constantFrom('*', '', ' ', '999999999', '9999999999', '-1', '1.5', '1e3', 'abc', '"', '0x10', '"4', "4'; DROP TABLE episodes; --"),
    fc.string({ unit: fc.constantFrom('1', '"', 'W', '/', ' ', ',', 'x'), maxLength: 12 }),
  ),
  { freq: 3 },
);

/** Header values must be ISO-8859-1 and free of CR/LF to be sent at all. */
export const headerString = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', ' ', '"', "'", ';', '\t', 'é', 'ÿ', '%', '$'), maxLength }),
    fc.constantFrom("'; DROP TABLE idempotency_records; --", '{{7*7}}', '<script>', '$where', 'k'.repeat(255), 'k'.repeat(256), 'k'.repeat(4000)),
  );

// ------------------------------------------------------------------ ids and query strings

export const oddId = fc.oneof(
  fc.constantFrom('not-a-uuid', '0', '-1', '00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', "1' OR '1'='1", '%00', '😀', 'null', '{{7*7}}', 'a'.repeat(2000)),
  fc.uuid(),
  oddString.filter((s) => s.length > 0),
);

export const QUERY_VALUES = fc.oneof(
  fc.constantFrom('-1', '0', '1', '1e9', '1.5', '99999999999999999999', 'maybe', 'true', 'false', 'TRUE', '', '2026-02-30', '2026-13-01', '2026-11-01', '2025-04-01', '2099-12-31', '0001-01-01', '2026', '-2026', 'NaN', 'Infinity', 'screening', 'closed', 'red', 'failed', '%', '%zz'),
  oddString,
);

/** Raw query keys, including qs's bracket syntax (objects and arrays) and junk. */
export const queryKey = (known: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((k) => `${k}[]`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), fc.constantFrom('$where', '$gt', '0', '__proto__', 'a')).map(([k, s]) => `${k}[${s}]`) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '$where', 'junk', 'page', 'pageSize') },
  );

/** encodeURIComponent, except a lone surrogate becomes the (invalid UTF-8) bytes of its code unit. */
export function encode(value: string): string {
  let out = '';
  for (const ch of value) {
    // for..of walks code points: a lone surrogate comes out alone.
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += `%ED%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

export const queryString = (known: readonly string[]) =>
  fc.array(fc.tuple(queryKey(known), QUERY_VALUES, fc.boolean()), { maxLength: 5 }).map((pairs) =>
    pairs
      .map(([k, v, raw]) => `${encode(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${raw && /^[\w.%-]*$/.test(v) ? v : encode(v)}`)
      .join('&'),
  );
