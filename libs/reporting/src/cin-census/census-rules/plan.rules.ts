/** DfE CIN census validation rules: CIN plans, section 47 enquiries and initial conferences, child protection plans. */
import { dueAt, endOfLondonDay, INITIAL_CONFERENCE, weekdayOf } from '@frontdoor/pathway';
import { dayOf } from '../census-dates';
import { isCinCode } from '../cin-codes';
import type { CinChildProtectionPlanRecord, CinPlanRecord } from '../cin-record';
import { before, type CinRule, each, episodeRule, childRule, type Verdict } from './define-rule';

// CIN plans

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

// Section 47 enquiries and initial conferences

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
  '2884',
  'An Initial Child Protection Conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
  (episode) => episode.dateOfInitialCpc !== null && episode.section47s.some((s) => s.dateOfInitialCpc !== null),
);

// Child protection plans

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

// Plans and conferences in the census year, and plans that overlap

type Period = CinPlanRecord | CinChildProtectionPlanRecord;

/**
 * The DfE's overlap test (rules 4014, 8940): a plan starting on or after another's start and on or
 * before its end (an open plan's end: the census date, or for ever when no year is given).
 */
function overlapping(plans: readonly Period[], lastDay: string | null): Verdict[] {
  return plans.flatMap((plan, i) =>
    plans.slice(i + 1).map((other) => {
      const [first, second] = plan.startDate <= other.startDate ? [plan, other] : [other, plan];
      return second.startDate <= (first.endDate ?? lastDay ?? '9999-12-31') && `plans from ${first.startDate} and ${second.startDate}`;
    }),
  );
}

const inYear = (day: string | null, year: { firstDay: string; lastDay: string } | null) =>
  day === null || year === null || (day >= year.firstDay && day <= year.lastDay);

export const cinPlanStartsInPeriod = episodeRule('4010', 'CIN Plan start date is missing or out of data collection period', (episode, _child, { year }) =>
  each(episode.cinPlans, (p) => (!p.startDate || (year !== null && p.startDate > year.lastDay)) && `plan from ${p.startDate}`),
);

export const cinPlanEndsInYear = episodeRule('4013', 'CIN Plan end date must fall within the census year', (episode, _child, { year }) =>
  each(episode.cinPlans, (p) => !inYear(p.endDate, year) && `plan ended ${p.endDate}`),
);

export const oneOpenCinPlan = childRule(
  '4004',
  'This child is showing more than one open CIN Plan, i.e. with no End Date',
  (child) => child.episodes.flatMap((e) => e.cinPlans).filter((p) => p.endDate === null).length > 1,
);

export const cinPlansDoNotOverlap = childRule('4014', 'CIN Plan data contains overlapping dates', (child, { year }) =>
  overlapping(child.episodes.flatMap((e) => e.cinPlans), year?.lastDay ?? null),
);

export const noReviewDuringCinPlan = episodeRule(
  '4003',
  'A CPP review date is shown as being held at the same time as an open CIN Plan.',
  (episode) =>
    episode.childProtectionPlans.flatMap((cp) =>
      cp.reviewDates.map(
        (review) =>
          review !== cp.endDate &&
          episode.cinPlans.some((cin) => cin.startDate <= review && (cin.endDate === null || review <= cin.endDate)) &&
          `review ${review}`,
      ),
    ),
);

export const conferenceOnWeekday = episodeRule('8875', 'The Date of Initial Child Protection Conference cannot be a weekend', (episode) =>
  [episode.dateOfInitialCpc, ...episode.section47s.map((s) => s.dateOfInitialCpc)].map(
    (icpc) => icpc !== null && [0, 6].includes(weekdayOf(icpc)) && icpc,
  ),
);

export const conferenceInYear = episodeRule('8715', 'Date of Initial Child Protection Conference must fall within the census year', (episode, _child, { year }) =>
  [episode.dateOfInitialCpc, ...episode.section47s.map((s) => s.dateOfInitialCpc)].map((icpc) => !inYear(icpc, year) && icpc),
);

export const openS47StartedInYear = episodeRule(
  '8740',
  'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
  (episode, _child, { year }) =>
    each(episode.section47s, (s) => s.dateOfInitialCpc === null && !s.icpcNotRequired && !inYear(s.startDate, year) && `s47 ${s.startDate}`),
);

export const oneOpenS47 = episodeRule(
  '8839',
  'Within one CINDetails group there are 2 or more open S47 Assessments',
  (episode) => episode.section47s.filter((s) => s.dateOfInitialCpc === null && !s.icpcNotRequired).length > 1,
);

export const cpPlanNotBeforeReferral = episodeRule('1105', 'The child protection plan start date cannot be before the referral date', (episode) =>
  each(episode.childProtectionPlans, (p) => before(p.startDate, episode.referralDate) && `referral ${episode.referralDate}, plan ${p.startDate}`),
);

export const cpPlanStartsInPeriod = episodeRule(
  '8720',
  'Child Protection Plan Start Date missing or out of data collection period',
  (episode, _child, { year }) => each(episode.childProtectionPlans, (p) => (!p.startDate || (year !== null && p.startDate > year.lastDay)) && `plan ${p.startDate}`),
);

export const cpPlanEndsInYear = episodeRule('8930', 'Child Protection Plan End Date must fall within the census year', (episode, _child, { year }) =>
  each(episode.childProtectionPlans, (p) => !inYear(p.endDate, year) && `plan ended ${p.endDate}`),
);

export const oneOpenCpPlan = childRule(
  '8935',
  'This child is showing more than one open Child Protection plan, i.e. with no End Date',
  (child) => child.episodes.flatMap((e) => e.childProtectionPlans).filter((p) => p.endDate === null).length > 1,
);

export const cpPlansDoNotOverlap = childRule('8940', 'Child Protection Plan data contains overlapping dates', (child, { year }) =>
  overlapping(child.episodes.flatMap((e) => e.childProtectionPlans), year?.lastDay ?? null),
);

/** CIN plans, section 47 enquiries and initial conferences, child protection plans. */
export const PLAN_RULES: readonly CinRule[] = [
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
  cinPlanStartsInPeriod,
  cinPlanEndsInYear,
  oneOpenCinPlan,
  cinPlansDoNotOverlap,
  noReviewDuringCinPlan,
  conferenceOnWeekday,
  conferenceInYear,
  openS47StartedInYear,
  oneOpenS47,
  cpPlanNotBeforeReferral,
  cpPlanStartsInPeriod,
  cpPlanEndsInYear,
  oneOpenCpPlan,
  cpPlansDoNotOverlap,
];
