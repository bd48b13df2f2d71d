import type { Indicators } from './indicators.types';

/**
 * What each figure counts, in words, returned with the figures. "Due in the period" and "done in
 * the period" use London days, both ends included. The code beside each query says the same.
 */
export const INDICATOR_DEFINITIONS: Record<keyof Indicators, string> = {
  contactsReceived:
    'Contacts received in the period (by date received, backdated where a practitioner logged one late), and the children named in them.',
  contactsBySource:
    "Children's contacts received in the period by the referrer's CIN referral source code / all children's contacts received.",
  contactsByScreeningOutcome:
    "Children's contacts received in the period by screening outcome (or not yet screened) / all children's contacts received.",
  conversionToReferral:
    "Children's contacts received in the period screened as a new concern (a referral) / those screened so far.",
  decisionsWithinOneWorkingDay:
    'Decision deadlines due in the period that were met / those met or breached (still open after the due time counts as breached). Due: end of the first working day after the referral.',
  acknowledgementsWithinOneWorkingDay:
    'Acknowledgement deadlines due in the period met by delivery to the referrer / those met or breached.',
  decisionsWithFeedbackDelivered:
    'Decisions due in the period and made whose decision message reached the referrer (status delivered) / decisions due in the period and made.',
  assessmentsWithin45WorkingDays:
    'Assessments completed in the period within 45 working days of the referral / assessments completed in the period.',
  assessmentWorkingDays:
    'Assessments completed in the period by working days from referral to completion, in bands (each band / all completed); median by nearest rank.',
  icpcsWithin15WorkingDays:
    'Initial child protection conferences held in the period within 15 working days of the strategy discussion that started the s47 / ICPCs held in the period.',
  firstCoreGroupsWithin10WorkingDays:
    'First core groups held in the period within 10 working days of the ICPC / first core groups held in the period.',
  reviewConferencesOnTime:
    'Review conferences held in the period by their due date (3 months after the ICPC, then 6 months after the previous review) / review conferences held in the period.',
  reReferralsWithin12Months:
    "Referrals received in the period where the child had another referral in the 12 months before / referrals received in the period.",
  secondOrSubsequentCpPlans:
    'Child protection plans started in the period (at the ICPC) where the child had a plan that started earlier / plans started in the period.',
  caseload:
    'Episodes open at the end of the period (or now, if sooner) by the worker allocated at that instant; average = allocated open episodes / workers holding at least one.',
  timeHeldOpen:
    'Referrals closed in the period: calendar days from referral to closure, median and 90th percentile (nearest rank), and bands (each / all closed).',
  openOverNineMonthsWithoutReview:
    'Episodes open at the end of the period (or now) that had been open more than 9 months and had no review in the last 9 months / episodes then open more than 9 months. A review is a decision approved, the child seen, an assessment completed, a strategy discussion, an s47 concluded, an ICPC, a core group or a review conference.',
};
