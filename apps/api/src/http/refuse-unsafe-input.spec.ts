import { MAX_ARRAY_ITEMS, MAX_DEPTH, namedProblems, unsafeInputProblems } from './refuse-unsafe-input';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('input no route could want', () => {
  it('names a body nested 3,000 deep, without overflowing the stack', () => {
    expect(unsafeInputProblems(nested(3000), 'body')).toEqual([
      { field: `${Array(MAX_DEPTH).fill('0').join('.')}`, message: `is nested too deeply (at most ${MAX_DEPTH} levels)` },
    ]);
  });

  it('takes a body as deep as a real one', () => {
    expect(unsafeInputProblems({ children: [{ address: { postcode: 'BA14 8AA' } }] }, 'body')).toEqual([]);
    expect(unsafeInputProblems(nested(MAX_DEPTH), 'body')).toEqual([]);
  });

  it('refuses a list too long without reading its items', () => {
    const children = Array.from({ length: 20_000 }, () => ({ givenName: '\u0000' }));
    expect(unsafeInputProblems({ children }, 'body')).toEqual([
      { field: 'children', message: `has 20000 items; at most ${MAX_ARRAY_ITEMS} are accepted` },
    ]);
  });

  it('refuses prototype keys like any unknown field, wherever they are', () => {
    const body = JSON.parse('{"__proto__":{"admin":true},"referrer":{"constructor":{"prototype":{}}}}');
    expect(unsafeInputProblems(body, 'body')).toEqual([
      { field: '__proto__', message: 'is not allowed' },
      { field: 'referrer.constructor', message: 'is not allowed' },
    ]);
  });

  it('names text PostgreSQL cannot store, in values and keys', () => {
    expect(unsafeInputProblems({ a: 'x\u0000', ['b\u0000']: 1, c: ['\ud800'] }, 'body').map((p) => p.field).sort()).toEqual(['a', 'b\u0000', 'c.0']);
    expect(unsafeInputProblems('\u0000', 'query')).toEqual([{ field: 'query', message: 'must be valid Unicode text without NUL characters' }]);
  });

  it('names at most 20 problems in one answer and says how many more there were', () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ field: `f${i}`, message: 'm' }));
    const named = namedProblems(many, 'Invalid.');
    expect(named.details).toHaveLength(20);
    expect(named.message).toBe('Invalid. The first 20 problems are listed; 45 more were omitted.');
    expect(namedProblems(many.slice(0, 3), 'Invalid.')).toEqual({ message: 'Invalid.', details: many.slice(0, 3) });
  });
});
