import { dueAt, endOfLondonDay, INITIAL_CONFERENCE } from '@frontdoor/pathway';
import { shiftDay } from '../reporting-period';
import { dayOf } from './census-dates';
import { isCinCode, NO_DISABILITY, NO_FACTORS_IDENTIFIED } from './cin-codes';
import type { CinChildRecord, CinEpisodeRecord } from './cin-record';
import type { CollectionYear } from './collection-year';

/**
 * The DfE's CIN census validation rules that apply to what Front Door records, checked before a
 * return is written: the DfE rejects a return that breaks them. Codes and messages are the
 * DfE's (CIN census validation rules, 2024-25 and 2025-26) where it has such a rule; rules
 * coded `FD-…` are Front Door's own checks of what the DfE's XML schema or code lists require.
 */
export interface CinProblem {
  /** Front Door's child id: where a manager goes to fix it. */
  child: string;
  /** The LAchildID the return would carry. */
  laChildId: string;
  /** The referral (episode) the problem is in, when it is in one. */
  episode: string | null;
  rule: string;
  message: string;
}

export interface CinRule {
  code: string;
  message: string;
  check(child: CinChildRecord, context: RuleContext): Finding[];
}

export interface RuleContext {
  /** Rules about the census year itself are skipped when the year is not given. */
  year: CollectionYear | null;
  all: readonly CinChildRecord[];
}

interface Finding {
  episode: string | null;
  detail: string | null;
}

/** What a check says: nothing wrong (false, null, undefined), wrong (true), or wrong with a detail. */
type Verdict = boolean | string | null | undefined;

function childRule(code: string, message: string, test: (child: CinChildRecord, context: RuleContext) => Verdict | Verdict[]): CinRule {
  return {
    code,
    message,
    check: (child, context) => findings(test(child, context), null),
  };
}

function episodeRule(
  code: string,
  message: string,
  test: (episode: CinEpisodeRecord, child: CinChildRecord, context: RuleContext) => Verdict | Verdict[],
): CinRule {
  return {
    code,
    message,
    check: (child, context) => child.episodes.flatMap((episode) => findings(test(episode, child, context), episode.episodeId)),
  };
}

function findings(verdicts: Verdict | Verdict[], episode: string | null): Finding[] {
  return [verdicts]
    .flat()
    .filter((verdict) => verdict !== false && verdict !== null && verdict !== undefined && verdict !== '')
    .map((verdict) => ({ episode, detail: typeof verdict === 'string' ? verdict : null }));
}

const before = (a: string | null, b: string | null) => a !== null && b !== null && a < b;
const each = <T>(items: readonly T[], test: (item: T) => Verdict): Verdict[] => items.map(test);

// Child identifiers and characteristics -------------------------------------------------------

export const laChildIdPresent = childRule('8500', 'LA Child ID missing', (child) => !child.laChildId);

export const laChildIdAtMost20 = childRule('1570', 'LA Child ID must not be longer than 20 characters', (child) =>
  child.laChildId.length > 20 ? child.laChildId : null,
);

export const laChildIdAlphanumeric = childRule('1580', 'LA Child ID must not contain any non-alphanumeric characters', (child) =>
  /^[A-Za-z0-9]*$/.test(child.laChildId) ? null : child.laChildId,
);

export const laChildIdUnique = childRule('8510', 'More than one child record with the same LA Child ID', (child, { all }) =>
  all.filter((other) => other.laChildId === child.laChildId).length > 1 ? child.laChildId : null,
);

export const upnFormat = childRule(
  'FD-UPN',
  'UPN must be a letter, 11 digits and a final digit or letter (DfE schema)',
  (child) => child.upn !== null && !/^[A-Za-z]\d{11}[A-Za-z0-9]$/.test(child.upn) && child.upn,
);

export const upnUnknownReason = childRule(
  'FD-UPN-UNKNOWN',
  'UPN unknown reason must be UN1 to UN7, and only given when there is no UPN',
  (child) => child.upnUnknown !== null && (child.upn !== null || !isCinCode('upnUnknown', child.upnUnknown)) && child.upnUnknown,
);

export const birthOrExpectedBirth = childRule(
  '8525',
  'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
  (child) => (child.birthDate === null) === (child.expectedBirthDate === null),
);

export const sexCode = childRule('4180', 'Sex must be provided and equal M, F, or U', (child) => !isCinCode('sex', child.sex) && String(child.sex));

export const unbornSex = childRule(
  '8750',
  'Sex must equal U for an unborn child',
  (child) => child.birthDate === null && child.expectedBirthDate !== null && child.sex !== 'U',
);

export const ethnicityCode = childRule(
  '4220',
  'Ethnicity is missing or invalid (see Ethnicity table)',
  (child) => !isCinCode('ethnicity', child.ethnicity) && String(child.ethnicity),
);

export const disabilityCodes = childRule('8540', 'Child’s disability is missing or invalid (see Disability table)', (child) => {
  const invalid = child.disabilities.filter((code) => !isCinCode('disability', code));
  if (invalid.length > 0) return invalid.join(', ');
  if (child.disabilities.includes(NO_DISABILITY) && child.disabilities.length > 1) return `${NO_DISABILITY} with other disabilities`;
  // The code list: required for a child with a date of birth who has any referral that was not NFA.
  return child.disabilities.length === 0 && child.birthDate !== null && child.episodes.some((e) => !e.referralNfa) && 'none recorded';
});

export const referralNotLongBeforeBirth = episodeRule(
  '8606',
  'Child referral date is more than 40 weeks before DOB or expected DOB',
  (episode, child) => {
    const birth = child.birthDate ?? child.expectedBirthDate;
    return birth !== null && episode.referralDate < shiftDay(birth, -280) && `referral ${episode.referralDate}, birth ${birth}`;
  },
);

export const episodesDoNotOverlap = episodeRule('8820', 'The dates on the CIN episodes for this child overlap', (episode, child, { year }) =>
  child.episodes
    .filter((other) => other !== episode && episode.referralDate >= other.referralDate)
    .filter((other) => {
      if (other.closureDate !== null) return episode.referralDate < other.closureDate;
      // An open referral runs to the census date, unless it was NFA.
      return !other.referralNfa && (year === null || episode.referralDate < year.lastDay || episode.referralDate === other.referralDate);
    })
    .map((other) => `referral ${episode.referralDate} falls within the episode referred ${other.referralDate}`),
);

// CIN details ---------------------------------------------------------------------------------

export const referralSourceCode = episodeRule(
  '8866',
  'Source of Referral is missing or an invalid code',
  (episode) => !isCinCode('referralSource', episode.referralSource) && String(episode.referralSource),
);

export const primaryNeedCode = episodeRule(
  '8650',
  'Primary Need Code invalid (see Primary Need table in CIN census code set)',
  (episode) => episode.primaryNeed !== null && !isCinCode('primaryNeed', episode.primaryNeed) && episode.primaryNeed,
);

/** The DfE asks it of every referral that is not NFA; Front Door can only ask it once one is decided. */
export const primaryNeedForFurtherAction = episodeRule(
  '8610',
  'Primary Need code is missing for a referral which led to further action.',
  (episode) => episode.decided && !episode.referralNfa && episode.primaryNeed === null,
);

export const closureReasonCode = episodeRule(
  '8640',
  'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
  (episode) => episode.reasonForClosure !== null && !isCinCode('reasonForClosure', episode.reasonForClosure) && episode.reasonForClosure,
);

export const closureHasReason = episodeRule(
  '8805',
  'A CIN case cannot have a CIN closure date without a Reason for Closure',
  (episode) => episode.closureDate !== null && episode.reasonForClosure === null,
);

export const reasonHasClosure = episodeRule(
  '8810',
  'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
  (episode) => episode.reasonForClosure !== null && episode.closureDate === null,
);

export const closureNotBeforeReferral = episodeRule(
  '8630',
  'CIN Closure Date is before CIN Referral Date for the same CIN episode',
  (episode) => before(episode.closureDate, episode.referralDate) && `referral ${episode.referralDate}, closure ${episode.closureDate}`,
);

export const closureInYear = episodeRule(
  '8620',
  'CIN Closure Date present and does not fall within the Census year',
  (episode, _child, { year }) =>
    year !== null &&
    episode.closureDate !== null &&
    (episode.closureDate < year.firstDay || episode.closureDate > year.lastDay) &&
    episode.closureDate,
);

export const noActivityAfterClosure = episodeRule('8565', 'Activity shown after a case has been closed', (episode) => {
  const closed = episode.closureDate;
  if (closed === null) return null;
  const dates = [
    episode.dateOfInitialCpc,
    ...episode.assessments.flatMap((a) => [a.startDate, a.authorisationDate]),
    ...episode.cinPlans.flatMap((p) => [p.startDate, p.endDate]),
    ...episode.section47s.flatMap((s) => [s.startDate, s.dateOfInitialCpc]),
    ...episode.childProtectionPlans.flatMap((p) => [p.startDate, p.endDate, ...p.reviewDates]),
  ];
  const after = dates.filter((date): date is string => date !== null && date > closed);
  return after.length > 0 && `closed ${closed}, activity on ${after.join(', ')}`;
});

export const noActivityAfterClosedAfterAssessment = episodeRule(
  '2990',
  'Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or ' +
    '‘case closed after assessment, referred to early help’.',
  (episode) =>
    (episode.reasonForClosure === 'RC8' || episode.reasonForClosure === 'RC9') &&
    (episode.cinPlans.length > 0 || episode.section47s.length > 0 || episode.childProtectionPlans.length > 0 || episode.dateOfInitialCpc !== null) &&
    `${episode.reasonForClosure} with a CIN plan, section 47 enquiry or child protection plan`,
);

export const nfaHasNoCinPlan = episodeRule(
  '4000',
  'CIN Plan details provided for a referral with no further action',
  (episode) => episode.referralNfa && episode.cinPlans.length > 0,
);

export const nfaHasNoActivity = episodeRule(
  '8831',
  'Activity is recorded against a case marked as a referral with no further action',
  (episode) => episode.referralNfa && (episode.assessments.length > 0 || episode.section47s.length > 0 || episode.dateOfInitialCpc !== null),
);

export const nfaHasNoChildProtection = episodeRule(
  '8832',
  'Child Protection details provided for a referral with no further action.',
  (episode) => episode.referralNfa && episode.childProtectionPlans.length > 0,
);

// Assessments ---------------------------------------------------------------------------------

export const assessmentNotBeforeReferral = episodeRule('1103', 'The assessment start date cannot be before the referral date', (episode) =>
  each(episode.assessments, (a) => before(a.startDate, episode.referralDate) && `referral ${episode.referralDate}, assessment ${a.startDate}`),
);

export const assessmentAuthorisedAfterStart = episodeRule('8608', 'Assessment Start Date cannot be later than its End Date', (episode) =>
  each(episode.assessments, (a) => before(a.authorisationDate, a.startDate) && `start ${a.startDate}, authorised ${a.authorisationDate}`),
);

export const factorsOnlyWhenCompleted = episodeRule(
  '8614',
  'Parental or child factors at assessment should only be present for a completed assessment.',
  (episode) => each(episode.assessments, (a) => a.authorisationDate === null && a.factors.length > 0 && `assessment started ${a.startDate}`),
);

export const factorsWhenCompleted = episodeRule(
  '8897',
  'Parental or child factors at assessment information is missing from a completed assessment',
  (episode) =>
    each(episode.assessments, (a) => a.authorisationDate !== null && a.factors.length === 0 && `assessment authorised ${a.authorisationDate}`),
);

export const factorCodes = episodeRule(
  'FD-FACTOR',
  'Assessment factor code invalid (see the Factors identified at the end of assessment table)',
  (episode) => each(episode.assessments, (a) => a.factors.filter((f) => !isCinCode('assessmentFactors', f)).join(', ')),
);

export const noFactorsIdentifiedAlone = episodeRule(
  '8869',
  'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
  (episode) => each(episode.assessments, (a) => a.factors.includes(NO_FACTORS_IDENTIFIED) && a.factors.length > 1 && a.factors.join(', ')),
);

export const factorsNotRepeated = episodeRule('8898', 'The assessment has more than one parental or child factors with the same code', (episode) =>
  each(episode.assessments, (a) => new Set(a.factors).size !== a.factors.length && a.factors.join(', ')),
);

export const closedAssessmentsCompleted = episodeRule(
  '8867',
  'CIN episode is shown as closed, however Assessment is not shown as completed',
  (episode) => episode.closureDate !== null && each(episode.assessments, (a) => a.authorisationDate === null && `assessment started ${a.startDate}`),
);

// CIN plans -----------------------------------------------------------------------------------

export const cinPlanNotBeforeReferral = episodeRule('4015', 'The CIN Plan start date cannot be before the referral date', (episode) =>
  each(episode.cinPlans, (p) => before(p.startDate, episode.referralDate) && `referral ${episode.referralDate}, plan ${p.startDate}`),
);

export const cinPlanEndsAfterStart = episodeRule('4011', 'CIN Plan End Date earlier than Start Date', (episode) =>
  each(episode.cinPlans, (p) => before(p.endDate, p.startDate) && `start ${p.startDate}, end ${p.endDate}`),
);

export const cinPlanNotDuringCpPlan = episodeRule('4001', 'A CIN Plan cannot run concurrently with a Child Protection Plan', (episode) =>
  episode.cinPlans.flatMap((cin) =>
    episode.childProtectionPlans.map(
      (cp) =>
        (cp.endDate === null || cin.startDate < cp.endDate) &&
        (cin.endDate === null || cp.startDate < cin.endDate) &&
        `CIN plan from ${cin.startDate}, child protection plan from ${cp.startDate}`,
    ),
  ),
);

// Section 47 enquiries and initial conferences --------------------------------------------------

export const s47NotBeforeReferral = episodeRule('2889', 'The S47 start date cannot be before the referral date.', (episode) =>
  each(episode.section47s, (s) => before(s.startDate, episode.referralDate) && `referral ${episode.referralDate}, s47 ${s.startDate}`),
);

export const s47StartsByConference = episodeRule(
  '8615',
  'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
  (episode) => each(episode.section47s, (s) => before(s.dateOfInitialCpc, s.startDate) && `s47 ${s.startDate}, ICPC ${s.dateOfInitialCpc}`),
);

export const conferenceNotBeforeReferral = episodeRule(
  '1104',
  'The date of the initial child protection conference cannot be before the referral date',
  (episode) =>
    [episode.dateOfInitialCpc, ...episode.section47s.map((s) => s.dateOfInitialCpc)].map(
      (icpc) => before(icpc, episode.referralDate) && `referral ${episode.referralDate}, ICPC ${icpc}`,
    ),
);

export const icpcNotRequiredConsistent = episodeRule(
  'FD-ICPC-NOT-REQUIRED',
  'ICPCnotRequired cannot be true when a date of initial child protection conference is recorded',
  (episode) => each(episode.section47s, (s) => s.icpcNotRequired && s.dateOfInitialCpc !== null && `ICPC ${s.dateOfInitialCpc}`),
);

export const closedS47Completed = episodeRule(
  '8868',
  'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
  (episode) =>
    episode.closureDate !== null &&
    each(episode.section47s, (s) => s.dateOfInitialCpc === null && !s.icpcNotRequired && `s47 started ${s.startDate}`),
);

export const icpcTarget = episodeRule(
  'FD-ICPC-TARGET',
  'InitialCPCtarget must be 15 working days after the S47 start date (the strategy discussion)',
  (episode) =>
    each(episode.section47s, (s) => {
      const target = dayOf(dueAt(endOfLondonDay(s.startDate), INITIAL_CONFERENCE));
      return s.initialCpcTarget !== target && `s47 ${s.startDate}: target ${String(s.initialCpcTarget)}, expected ${target}`;
    }),
);

export const icpcRecordedOnce = episodeRule(
  '8863',
  'An Initial Child Protection Conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
  (episode) => episode.dateOfInitialCpc !== null && episode.section47s.some((s) => s.dateOfInitialCpc !== null),
);

// Child protection plans ----------------------------------------------------------------------

export const initialCategoryCode = episodeRule(
  '8905',
  'Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  (episode) => each(episode.childProtectionPlans, (p) => !isCinCode('categoryOfAbuse', p.initialCategory) && String(p.initialCategory)),
);

export const latestCategoryCode = episodeRule(
  '8910',
  'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  (episode) => each(episode.childProtectionPlans, (p) => !isCinCode('categoryOfAbuse', p.latestCategory) && String(p.latestCategory)),
);

export const cpPlanEndsAfterStart = episodeRule('8925', 'Child Protection Plan End Date earlier than Start Date', (episode) =>
  each(episode.childProtectionPlans, (p) => before(p.endDate, p.startDate) && `start ${p.startDate}, end ${p.endDate}`),
);

export const cpPlanNotOneDay = episodeRule('8840', 'Child Protection Plan cannot start and end on the same day', (episode) =>
  each(episode.childProtectionPlans, (p) => p.endDate === p.startDate && p.startDate),
);

export const reviewAfterPlanStart = episodeRule(
  '8841',
  'The review date cannot be on the same day or before the Child protection Plan start date.',
  (episode) =>
    episode.childProtectionPlans.flatMap((p) => p.reviewDates.map((r) => r <= p.startDate && `plan ${p.startDate}, review ${r}`)),
);

export const reviewNotAfterPlanEnd = episodeRule(
  'FD-REVIEW-AFTER-END',
  'A child protection plan review date cannot be after the plan’s end date',
  (episode) =>
    episode.childProtectionPlans.flatMap((p) =>
      p.reviewDates.map((r) => p.endDate !== null && r > p.endDate && `plan ended ${p.endDate}, review ${r}`),
    ),
);

export const planStartsAtConference = episodeRule(
  '2885',
  'Child protection plan shown as starting a different day to the initial child protection conference.',
  (episode, _child, { year }) => {
    const conferences = new Set([episode.dateOfInitialCpc, ...episode.section47s.map((s) => s.dateOfInitialCpc)].filter((d) => d !== null));
    // A plan that started before the year may have its conference in an earlier return.
    const startedInYear = episode.childProtectionPlans.filter((p) => year === null || p.startDate >= year.firstDay);
    return startedInYear.map((p) => !conferences.has(p.startDate) && `plan ${p.startDate}`);
  },
);

export const previousPlansCount = episodeRule(
  'FD-PREVIOUS-CPP',
  'NumberOfPreviousCPP must be a whole number, 0 or more',
  (episode) =>
    each(episode.childProtectionPlans, (p) => {
      const count = p.numberOfPreviousCpp;
      return !(Number.isInteger(count) && count >= 0) && String(count);
    }),
);

/** Every rule, in the order a manager would work through a child's record. */
export const CIN_RULES: readonly CinRule[] = [
  laChildIdPresent,
  laChildIdAtMost20,
  laChildIdAlphanumeric,
  laChildIdUnique,
  upnFormat,
  upnUnknownReason,
  birthOrExpectedBirth,
  sexCode,
  unbornSex,
  ethnicityCode,
  disabilityCodes,
  referralNotLongBeforeBirth,
  episodesDoNotOverlap,
  referralSourceCode,
  primaryNeedCode,
  primaryNeedForFurtherAction,
  closureReasonCode,
  closureHasReason,
  reasonHasClosure,
  closureNotBeforeReferral,
  closureInYear,
  noActivityAfterClosure,
  noActivityAfterClosedAfterAssessment,
  nfaHasNoCinPlan,
  nfaHasNoActivity,
  nfaHasNoChildProtection,
  assessmentNotBeforeReferral,
  assessmentAuthorisedAfterStart,
  factorsOnlyWhenCompleted,
  factorsWhenCompleted,
  factorCodes,
  noFactorsIdentifiedAlone,
  factorsNotRepeated,
  closedAssessmentsCompleted,
  cinPlanNotBeforeReferral,
  cinPlanEndsAfterStart,
  cinPlanNotDuringCpPlan,
  s47NotBeforeReferral,
  s47StartsByConference,
  conferenceNotBeforeReferral,
  icpcNotRequiredConsistent,
  closedS47Completed,
  icpcTarget,
  icpcRecordedOnce,
  initialCategoryCode,
  latestCategoryCode,
  cpPlanEndsAfterStart,
  cpPlanNotOneDay,
  reviewAfterPlanStart,
  reviewNotAfterPlanEnd,
  planStartsAtConference,
  previousPlansCount,
];

/** Every problem in the records, child by child (in the records' order), each rule in turn. */
export function validateCinRecords(records: readonly CinChildRecord[], year: CollectionYear | null = null): CinProblem[] {
  const context: RuleContext = { year, all: records };
  return records.flatMap((child) =>
    CIN_RULES.flatMap((rule) =>
      rule.check(child, context).map((finding) => ({
        child: child.childId,
        laChildId: child.laChildId,
        episode: finding.episode,
        rule: rule.code,
        message: finding.detail ? `${rule.message} (${finding.detail})` : rule.message,
      })),
    ),
  );
}

export interface ChildProblems {
  child: string;
  laChildId: string;
  problems: { episode: string | null; rule: string; message: string }[];
}

/** The problem list as a manager works through it: one entry per child. */
export function problemsByChild(problems: readonly CinProblem[]): ChildProblems[] {
  const byChild = new Map<string, ChildProblems>();
  for (const { child, laChildId, episode, rule, message } of problems) {
    const entry = byChild.get(child) ?? { child, laChildId, problems: [] };
    entry.problems.push({ episode, rule, message });
    byChild.set(child, entry);
  }
  return [...byChild.values()];
}
