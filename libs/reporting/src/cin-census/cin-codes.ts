import { CIN_ASSESSMENT_FACTOR_CODES, CLOSURE_REASONS, CP_CATEGORIES, DISABILITY_CODES, PRIMARY_NEEDS, REFERRAL_SOURCE_CODES } from '@frontdoor/pathway';

/**
 * The CIN census code lists the return is checked against (DfE CIN census specification;
 * reference/cin-codes.json). The pathway already holds the lists it validates events
 * with; the rest are copied here because a library reads no files. cin-codes.spec.ts checks
 * every list against the reference, so none can drift.
 */
export const CIN_CODES = {
  referralSource: REFERRAL_SOURCE_CODES,
  primaryNeed: PRIMARY_NEEDS,
  categoryOfAbuse: CP_CATEGORIES,
  reasonForClosure: CLOSURE_REASONS,
  assessmentFactors: CIN_ASSESSMENT_FACTOR_CODES,
  sex: ['M', 'F', 'U'],
  upnUnknown: ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'],
  ethnicity: [
    'ABAN', 'AIND', 'AOTH', 'APKN', 'BAFR', 'BCRB', 'BOTH', 'CHNE', 'MOTH', 'MWAS',
    'MWBA', 'MWBC', 'NOBT', 'OOTH', 'REFU', 'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM',
  ],
  disability: DISABILITY_CODES,
} as const satisfies Record<string, readonly string[]>;

export type CinCodeList = keyof typeof CIN_CODES;

export function isCinCode(list: CinCodeList, value: string | null | undefined): boolean {
  return value != null && (CIN_CODES[list] as readonly string[]).includes(value);
}

/** Ethnicity when it was not recorded: "information not yet obtained". */
export const ETHNICITY_NOT_OBTAINED = 'NOBT';
/** "No disability": the only code when given (the pathway's code list). */
export { NO_DISABILITY } from '@frontdoor/pathway';
/** UPN unknown: "child not of school age". */
export const UPN_NOT_SCHOOL_AGE = 'UN1';
/** UPN unknown: "referral with no further action" (every referral of the child was NFA). */
export const UPN_REFERRAL_NFA = 'UN7';
/** "No factors identified": must be the only factor. */
export const NO_FACTORS_IDENTIFIED = '21';
