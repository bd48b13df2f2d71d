import type { Caseload } from '../workload/caseload.types';
import type { Band, Ratio } from './ratio';

/** The master set of indicators (DOMAIN §6) for one period, for the authority or one team. */
export interface Indicators {
  /** Contacts received in the period: contact records, and children named in them (one episode each). */
  contactsReceived: { contacts: number; children: number };
  /** Children's contacts by CIN referral source code: share of all children's contacts received. */
  contactsBySource: Record<string, Ratio>;
  /** Children's contacts by screening outcome (and those not yet screened): share of all received. */
  contactsByScreeningOutcome: Record<'concern' | 'open_case' | 'redirect' | 'duplicate' | 'not_yet_screened', Ratio>;
  /** Referrals (screened as a new concern) among children's contacts already screened. */
  conversionToReferral: Ratio;
  /** Decisions made within 1 working day of the referral, among decisions due in the period. */
  decisionsWithinOneWorkingDay: Ratio;
  /** Referrers acknowledged within 1 working day, among acknowledgements due in the period. */
  acknowledgementsWithinOneWorkingDay: Ratio;
  /** Decisions (due in the period and made) whose decision message reached the referrer. */
  decisionsWithFeedbackDelivered: Ratio;
  /** Assessments completed in the period within 45 working days of the referral. */
  assessmentsWithin45WorkingDays: Ratio;
  /** Working days those assessments took: bands, and the median (nearest rank). */
  assessmentWorkingDays: { bands: Band[]; median: number | null };
  /** ICPCs held in the period within 15 working days of the strategy discussion. */
  icpcsWithin15WorkingDays: Ratio;
  /** First core groups held in the period within 10 working days of the ICPC. */
  firstCoreGroupsWithin10WorkingDays: Ratio;
  /** Review conferences held in the period by their due date (3 months, then 6-monthly). */
  reviewConferencesOnTime: Ratio;
  /** Referrals in the period within 12 months of the child's previous referral. */
  reReferralsWithin12Months: Ratio;
  /** Child protection plans started in the period when the child had an earlier plan. */
  secondOrSubsequentCpPlans: Ratio;
  /** Open episodes per allocated worker, at the end of the period (or now if sooner). */
  caseload: Caseload;
  /** Referrals closed in the period: calendar days from referral to closure. */
  timeHeldOpen: { closed: number; medianDays: number | null; p90Days: number | null; bands: Band[] };
  /** Episodes open more than 9 months at the end of the period with no review in the last 9 months. */
  openOverNineMonthsWithoutReview: Ratio & { episodes: DriftingEpisode[] };
}

export interface DriftingEpisode {
  episodeId: string;
  childId: string;
  referralAt: string;
  /** The latest review step (see open-without-review.section.ts), or null if none was ever recorded. */
  lastReviewAt: string | null;
  team: string | null;
  workerId: string | null;
  workerName: string | null;
}

export interface PeriodIndicators {
  from: string;
  to: string;
  days: number;
  /** The instant caseload and drift are taken at. */
  asAt: string;
  overall: Indicators;
  /** The same teams in both periods, named teams A–Z then null (not yet allocated to a team). */
  byTeam: { team: string | null; indicators: Indicators }[];
}

export interface IndicatorsResult {
  tenant: string;
  /** The one team asked for, or null for the whole authority. */
  team: string | null;
  generatedAt: string;
  current: PeriodIndicators;
  previous: PeriodIndicators;
  /** What each indicator counts, in words, for the reader of the numbers. */
  definitions: Record<keyof Indicators, string>;
}
