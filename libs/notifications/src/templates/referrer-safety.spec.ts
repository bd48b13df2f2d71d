import fc from 'fast-check';
import type { RenderedMessage } from './message-template';
import { FULL_CONTENT } from '../testing/message-content.fixture';
import { renderMessage, TEMPLATED_MESSAGE_KINDS } from './render-message';

/**
 * DOMAIN §5: feedback never carries the internal rationale, other agencies' information, or
 * anything about another person. Templates read only the facts they name, so whatever else a
 * step (or a bug) puts in `content` must make no difference to what leaves.
 */
const FORBIDDEN_FIELDS = [
  'rationale',
  'ragRationale',
  'agencyChecks',
  'otherChildren',
  'returnedReasons',
  'note',
  'reasonForDelay',
  'thresholdLevel',
  'factors',
  'referrer',
];

const everything = (message: RenderedMessage) => `${message.subject}\n${message.body}\n${JSON.stringify(message.data)}`;

const secret = fc.string({ minLength: 6, maxLength: 40, unit: 'grapheme' }).filter((s) => s.trim().length >= 6);
const forbiddenValue = fc.oneof(
  secret,
  fc.record({ agency: secret, summary: secret }),
  fc.array(fc.record({ givenName: secret, dateOfBirth: secret }), { minLength: 1, maxLength: 3 }),
);

describe('what a message may say', () => {
  it('is unchanged by anything in content its template does not name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATED_MESSAGE_KINDS),
        fc.dictionary(fc.constantFrom(...FORBIDDEN_FIELDS), forbiddenValue, { minKeys: 1 }),
        (kind, extra) => {
          const clean = renderMessage(kind, FULL_CONTENT[kind]);
          const tainted = renderMessage(kind, { ...FULL_CONTENT[kind], ...extra });
          expect(tainted).toEqual(clean);
        },
      ),
    );
  });

  it('never shows a random string put in a forbidden field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATED_MESSAGE_KINDS), fc.constantFrom(...FORBIDDEN_FIELDS), secret, (kind, field, value) => {
        const clean = everything(renderMessage(kind, FULL_CONTENT[kind]));
        fc.pre(!clean.includes(value) && !clean.includes(JSON.stringify(value).slice(1, -1)));
        const output = everything(renderMessage(kind, { ...FULL_CONTENT[kind], [field]: value }));
        expect(output).not.toContain(value);
        expect(output).not.toContain(JSON.stringify(value).slice(1, -1));
      }),
    );
  });

  it('never says "undefined" or "null", whichever facts are missing', () => {
    const plain = fc.string({ maxLength: 30 }).filter((s) => !/undefined|null|nan/i.test(s));
    const missing = fc.constantFrom(null, '', '  ', 'null', 'undefined', 42, { nested: true }, ['list']);
    const kindAndContent = fc.constantFrom(...TEMPLATED_MESSAGE_KINDS).chain((kind) => {
      const { reference, ...facts } = FULL_CONTENT[kind];
      const fields = Object.fromEntries(
        Object.entries(facts).map(([field, value]) => [field, fc.oneof(fc.constant(value), plain, missing)]),
      );
      return fc.tuple(fc.constant(kind), fc.record(fields, { requiredKeys: [] }).map((content) => ({ ...content, reference })));
    });
    fc.assert(
      fc.property(kindAndContent, ([kind, content]) => {
        const output = everything(renderMessage(kind, content, { now: new Date('2025-03-07T12:00:00Z') }));
        expect(output).not.toMatch(/undefined|null|NaN|Invalid Date|\[object/);
      }),
    );
  });
});
