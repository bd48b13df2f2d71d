/**
 * Ofsted's Annex A lists 1–5 (ILACS inspection data request: "Annex A – data set and lists"),
 * column names and cell values exactly as Ofsted's Excel template spells them. Source followed:
 * the Annex A template as reproduced in Social Finance's LIIA tools schema
 * (SocialFinanceDigitalLabs/liia-tools, liiatools/annex_a_pipeline/spec/Annex_A_schema.yml,
 * the current schema beside the 2020 one). Change these only against a newer Ofsted template.
 */

const CHILD_COLUMNS = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'] as const;

export const ANNEX_A_COLUMNS = {
  /** List 1: contacts. */
  1: [...CHILD_COLUMNS, 'Date of Contact', 'Contact Source'],
  /** List 2: early help (Family Help, DOMAIN §3). */
  2: [...CHILD_COLUMNS, 'Assessment start date', 'Assessment completion date', 'Organisation completing assessment'],
  /** List 3: referrals. */
  3: [
    ...CHILD_COLUMNS,
    'Date of referral',
    'Referral Source',
    'Referral NFA?',
    'Number of Referrals in Last 12 Months',
    'Allocated Team',
    'Allocated Worker',
  ],
  /** List 4: assessments. */
  4: [
    ...CHILD_COLUMNS,
    'Does the Child have a Disability',
    'Continuous Assessment Start Date',
    'Child Seen During Continuous Assessment',
    'Continuous Assessment Date of Authorisation',
    "Was the child assessed as requiring LA children's social care support?",
    'Allocated Team',
    'Allocated Worker',
  ],
  /** List 5: section 47 enquiries and initial child protection conferences. */
  5: [
    ...CHILD_COLUMNS,
    'Does the Child have a Disability',
    'Strategy discussion initiating Section 47 Enquiry Start Date',
    'Was an Initial Child Protection Conference deemed unnecessary?',
    'Date of Initial Child Protection Conference',
    'Did the Initial Child Protection Conference Result in a Child Protection Plan',
    'Number of Section 47 Enquiries in the last 12 months',
    'Number of ICPCs in the last 12 months',
    'Allocated Team',
    'Allocated Worker',
  ],
} as const satisfies Record<1 | 2 | 3 | 4 | 5, readonly string[]>;

export type AnnexAList = keyof typeof ANNEX_A_COLUMNS;
export const ANNEX_A_LISTS = [1, 2, 3, 4, 5] as const satisfies readonly AnnexAList[];

/** The team a child is with while the front door (MASH) decides, before any allocation. */
export const FRONT_DOOR_TEAM = 'Front door (MASH)';

/** The template's answers to its yes/no questions. */
export const YES = 'a) Yes';
export const NO = 'b) No';
export const UNKNOWN = 'c) Unknown';

/** Gender as the template lists it, from Front Door's sex (F, M, U, X for neither). */
export const GENDER: Record<string, string> = { M: 'a) Male', F: 'b) Female', U: 'c) Not stated/recorded', X: 'd) Neither' };
export const GENDER_NOT_RECORDED = GENDER.U;

/**
 * Ethnicity as the template lists it. The LIIA copy gives "s)" to both REFU and NOBT, which
 * cannot both be right; NOBT is written "t)" here, following on from REFU.
 */
export const ETHNICITY: Record<string, string> = {
  WBRI: 'a) WBRI',
  WIRI: 'b) WIRI',
  WIRT: 'c) WIRT',
  WOTH: 'd) WOTH',
  WROM: 'e) WROM',
  MWBC: 'f) MWBC',
  MWBA: 'g) MWBA',
  MWAS: 'h) MWAS',
  MOTH: 'i) MOTH',
  AIND: 'j) AIND',
  APKN: 'k) APKN',
  ABAN: 'l) ABAN',
  AOTH: 'm) AOTH',
  BCRB: 'n) BCRB',
  BAFR: 'o) BAFR',
  BOTH: 'p) BOTH',
  CHNE: 'q) CHNE',
  OOTH: 'r) OOTH',
  REFU: 's) REFU',
  NOBT: 't) NOBT',
};

/** Contact and referral source: the CIN census referral source codes, as the template words them. */
export const SOURCE: Record<string, string> = {
  '1A': 'a) 1A: Individual',
  '1B': 'b) 1B: Individual',
  '1C': 'c) 1C: Individual',
  '1D': 'd) 1D: Individual',
  '2A': 'e) 2A: Schools',
  '2B': 'f) 2B: Education services',
  '3A': 'g) 3A: Health services',
  '3B': 'h) 3B: Health services',
  '3C': 'i) 3C: Health services',
  '3D': 'j) 3D: Health services',
  '3E': 'k) 3E: Health services',
  '3F': 'l) 3F: Health services',
  '4': 'm) 4: Housing',
  '5A': 'n) 5A: LA services',
  '5B': 'o) 5B: LA services',
  '5C': 'p) 5C: LA services',
  '5D': 'p1) 5D: LA services',
  '6': 'q) 6: Police',
  '7': 'r) 7: Other legal agency',
  '8': 's) 8: Other',
  '9': 't) 9: Anonymous',
  '10': 'u) 10: Unknown',
};
export const SOURCE_UNKNOWN = SOURCE['10'];
