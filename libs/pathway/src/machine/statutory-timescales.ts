import type { Timescale } from '../context';

/**
 * The timescales fixed by law and practice (DOMAIN §4, Working Together to Safeguard Children).
 * Local ones (RAG rating, strategy discussion) come from the authority's settings instead.
 */

/** Acknowledge the referral and decide next steps within one working day of it. */
export const REFERRAL_RESPONSE: Timescale = { workingDays: 1 };
/** The child and family assessment concludes within 45 working days of the referral date. */
export const ASSESSMENT_WORKING_DAYS = 45;
export const ASSESSMENT: Timescale = { workingDays: ASSESSMENT_WORKING_DAYS };
/** The ICPC within 15 working days of the strategy discussion at which the s47 was started. */
export const INITIAL_CONFERENCE: Timescale = { workingDays: 15 };
/** The first core group within 10 working days of the ICPC. */
export const FIRST_CORE_GROUP: Timescale = { workingDays: 10 };
/** The first review conference within 3 months of the ICPC… */
export const FIRST_REVIEW: Timescale = { months: 3 };
/** …and later ones at intervals of not more than 6 months. */
export const LATER_REVIEW: Timescale = { months: 6 };
