import { NO_DISABILITY, NO_FACTORS_IDENTIFIED } from './cin-codes';
import type { CodeListRules } from './field-reader';

/** How the census code lists people send are read (FieldReader.codeList): assessment factors and disabilities. */
export const ASSESSMENT_FACTORS: CodeListRules = {
  describe: 'CIN assessment factor codes',
  itemMessage: 'must be a CIN assessment factor code (e.g. 1B, 3A, 21)',
  alone: { code: NO_FACTORS_IDENTIFIED, message: `must not list other factors with ${NO_FACTORS_IDENTIFIED} (no factors identified)` },
};

export const DISABILITIES: CodeListRules = {
  describe: 'CIN disability codes',
  itemMessage: 'must be a CIN disability code: NONE, MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT or DDA',
  alone: { code: NO_DISABILITY, message: `must not list other disabilities with ${NO_DISABILITY} (no disability)` },
};
