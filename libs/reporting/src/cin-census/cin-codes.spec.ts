import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CIN_CODES } from './cin-codes';

/** The DfE code lists as data (reference/cin-codes.json, copied from the project's shared reference); the library itself reads no files. */
const reference = JSON.parse(readFileSync(resolve(__dirname, '../../../../reference/cin-codes.json'), 'utf8')) as Record<
  string,
  Record<string, string> | { codes: string[] }
>;

const keysOf = (list: string) => {
  const entry = reference[list];
  return 'codes' in entry && Array.isArray(entry.codes) ? [...(entry.codes as string[])] : Object.keys(entry);
};

describe('the census code lists', () => {
  it.each(Object.keys(CIN_CODES) as (keyof typeof CIN_CODES)[])('has exactly the %s codes of cin-codes.json', (list) => {
    expect([...CIN_CODES[list]].sort()).toEqual(keysOf(list).sort());
  });
});
