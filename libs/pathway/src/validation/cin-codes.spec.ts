import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CIN_ASSESSMENT_FACTOR_CODES, REFERRAL_SOURCE_CODES } from './cin-codes';

/** The DfE code lists as data (reference/cin-codes.json, copied from the project's shared reference); the library itself reads no files. */
const reference = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../reference/cin-codes.json'), 'utf8'),
) as { assessmentFactors: Record<string, string>; referralSource: Record<string, string> };

describe('CIN census code lists', () => {
  it('has exactly the assessment factor codes of the reference', () => {
    expect([...CIN_ASSESSMENT_FACTOR_CODES].sort()).toEqual(Object.keys(reference.assessmentFactors).sort());
  });

  it('has exactly the referral source codes of the reference', () => {
    expect([...REFERRAL_SOURCE_CODES].sort()).toEqual(Object.keys(reference.referralSource).sort());
  });
});
