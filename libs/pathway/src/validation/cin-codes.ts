/**
 * CIN census code lists (DfE CIN census specification; reference/cin-codes.json).
 * Copied here because libs/pathway reads no files; cin-codes.spec.ts checks
 * the copy against the reference so the two cannot drift.
 */
export const CIN_ASSESSMENT_FACTOR_CODES = [
  '1A', // Alcohol misuse - child
  '1B', // Alcohol misuse - parent/carer
  '1C', // Alcohol misuse - other person in household
  '2A', // Drug misuse - child
  '2B', // Drug misuse - parent/carer
  '2C', // Drug misuse - other person in household
  '3A', // Domestic violence - child
  '3B', // Domestic violence - parent/carer
  '3C', // Domestic violence - other person in household
  '4A', // Mental health - child
  '4B', // Mental health - parent/carer
  '4C', // Mental health - other person in household
  '5A', // Learning disability - child
  '5B', // Learning disability - parent/carer
  '5C', // Learning disability - other person in household
  '6A', // Physical disability or illness - child
  '6B', // Physical disability or illness - parent/carer
  '6C', // Physical disability or illness - other person in household
  '7A', // Young carer
  '8B', // Privately fostered - overseas children who intend to return
  '8C', // Privately fostered - overseas children who intend to stay
  '8D', // Privately fostered - UK children in educational placements
  '8E', // Privately fostered - UK children making alternative family arrangements
  '8F', // Privately fostered - other
  '9A', // Unaccompanied asylum-seeking child
  '10A', // Missing
  '11A', // Child sexual exploitation
  '12A', // Trafficking
  '13A', // Gangs
  '14A', // Socially unacceptable behaviour
  '15A', // Self-harm
  '16A', // Neglect
  '17A', // Emotional abuse
  '18B', // Physical abuse - child on child
  '18C', // Physical abuse - adult on child
  '19B', // Sexual abuse - child on child
  '19C', // Sexual abuse - adult on child
  '20', // Other
  '21', // No factors identified (must be the only factor)
  '22A', // Female genital mutilation
  '23A', // Abuse linked to faith or belief
  '24A', // Child criminal exploitation
] as const;
export type CinAssessmentFactorCode = (typeof CIN_ASSESSMENT_FACTOR_CODES)[number];

/** "No factors identified": must be the only factor when given. */
export const NO_FACTORS_IDENTIFIED: CinAssessmentFactorCode = '21';

/** CIN census referral source codes ("referralSource" in the same file): who raised the contact. */
export const REFERRAL_SOURCE_CODES = [
  '1A', // Individual - family member, relative or carer
  '1B', // Individual - acquaintance (including neighbours and child minders)
  '1C', // Individual - self
  '1D', // Individual - other (including strangers)
  '2A', // Schools
  '2B', // Education services
  '3A', // Health services - GP
  '3B', // Health services - health visitor
  '3C', // Health services - school nurse
  '3D', // Health services - other primary health services
  '3E', // Health services - A&E
  '3F', // Health services - other (e.g. hospice)
  '4', // Housing (LA housing or housing association)
  '5A', // LA services - social care (e.g. adult social care)
  '5B', // LA services - other internal (e.g. youth offending, excluding housing)
  '5C', // LA services - external (e.g. another local authority's adult social care)
  '5D', // LA services - early help
  '6', // Police
  '7', // Other legal agency (courts, probation, immigration, CAFCASS, prison)
  '8', // Other (children's centres, independent agency providers, voluntary organisations)
  '9', // Anonymous
  '10', // Unknown
] as const;
export type ReferralSourceCode = (typeof REFERRAL_SOURCE_CODES)[number];

/** CIN census disability codes ("disability" in the same file): each a child has, or NONE alone. */
export const DISABILITY_CODES = [
  'NONE', // No disability
  'MOB', // Mobility
  'HAND', // Hand function
  'PC', // Personal care
  'INC', // Incontinence
  'COMM', // Communication
  'LD', // Learning
  'HEAR', // Hearing
  'VIS', // Vision
  'BEH', // Behaviour
  'CON', // Consciousness
  'AUT', // Diagnosed with autism or Asperger syndrome
  'DDA', // Other DDA
] as const;
export type DisabilityCode = (typeof DISABILITY_CODES)[number];

/** "No disability": must be the only code when given. */
export const NO_DISABILITY: DisabilityCode = 'NONE';
