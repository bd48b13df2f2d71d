import { ageInYears, dueAt, INITIAL_CONFERENCE, isReferral } from '@frontdoor/pathway';
import { dayOf } from './census-dates';
import { latestAmendments } from './amendments';
import { ETHNICITY_NOT_OBTAINED, UPN_NOT_SCHOOL_AGE, UPN_REFERRAL_NFA } from './cin-codes';
import type { CinChildRecord, CinEpisodeRecord } from './cin-record';
import type { CollectionYear } from './collection-year';
import type { ChildSource, EpisodeSource } from './episode-source';
import { episodeTimeline } from './episode-timeline';

export interface CinSource {
  children: ChildSource[];
  episodes: EpisodeSource[];
  /** Every child protection plan each child has ever started here (for NumberOfPreviousCPP). */
  planStarts: { childId: string; startedAt: Date }[];
}

/**
 * The census records of a collection year: per child, each CIN referral (an episode screened
 * as a new concern) open at any point from 1 April to 31 March, with the assessments, plans,
 * enquiries and conferences of the year. The return is as at 31 March: anything dated after it
 * is left out (a closure on 2 April leaves the episode open), because the DfE refuses dates
 * beyond the census year.
 */
export function buildCinRecords(source: CinSource, year: CollectionYear): CinChildRecord[] {
  const children = new Map(source.children.map((child) => [child.id, child]));
  const planStarts = new Map<string, Date[]>();
  for (const plan of source.planStarts) planStarts.set(plan.childId, [...(planStarts.get(plan.childId) ?? []), plan.startedAt]);
  const episodesByChild = new Map<string, CinEpisodeRecord[]>();
  for (const episode of source.episodes) {
    if (!isReferral(episode.context)) continue;
    const record = episodeRecord(episode, year, planStarts.get(episode.childId) ?? []);
    if (!record) continue;
    episodesByChild.set(episode.childId, [...(episodesByChild.get(episode.childId) ?? []), record]);
  }
  const records: CinChildRecord[] = [];
  for (const [childId, episodes] of episodesByChild) {
    const child = children.get(childId);
    if (!child) throw new Error(`Child ${childId} of a CIN episode was not loaded`);
    episodes.sort((a, b) => a.referralDate.localeCompare(b.referralDate) || a.episodeId.localeCompare(b.episodeId));
    records.push(childRecord(child, episodes, year));
  }
  return records.sort((a, b) => a.laChildId.localeCompare(b.laChildId));
}

/**
 * LAchildID: the DfE allows at most 20 letters and digits (rules 1570, 1580), so a UUID's 36
 * characters do not fit. The first 20 hex digits of the child's UUID (80 bits) are unique in
 * practice, and a manager can still find the child by them; rule 8510 catches a collision.
 */
export function laChildIdOf(childId: string): string {
  return childId.replace(/-/g, '').slice(0, 20).toLowerCase();
}

function childRecord(child: ChildSource, episodes: CinEpisodeRecord[], year: CollectionYear): CinChildRecord {
  const unborn = !child.dateOfBirth && !!child.expectedDateOfBirth;
  return {
    childId: child.id,
    laChildId: laChildIdOf(child.id),
    upn: child.upn,
    upnUnknown: child.upn ? null : upnUnknownReason(child, episodes, year),
    birthDate: child.dateOfBirth,
    expectedBirthDate: child.dateOfBirth ? null : child.expectedDateOfBirth,
    sex: unborn ? 'U' : sexCode(child.sex),
    ethnicity: child.ethnicity ?? ETHNICITY_NOT_OBTAINED,
    // Never recorded is left out, not written as NONE: rule 8540 asks for it where the DfE needs it.
    disabilities: child.disabilities ?? [],
    episodes,
  };
}

/** Front Door takes F, M, U and X ("neither"); the census has M, F and U. */
function sexCode(sex: string | null): string {
  return sex === 'M' || sex === 'F' ? sex : 'U';
}

/** UN7 when every referral was NFA; UN1 when the child is not of school age on 31 March. */
function upnUnknownReason(child: ChildSource, episodes: CinEpisodeRecord[], year: CollectionYear): string | null {
  if (episodes.every((episode) => episode.referralNfa)) return UPN_REFERRAL_NFA;
  if (!child.dateOfBirth) return UPN_NOT_SCHOOL_AGE;
  const age = ageInYears(child.dateOfBirth, year.lastDay);
  return age < 5 || age >= 16 ? UPN_NOT_SCHOOL_AGE : null;
}

function episodeRecord(episode: EpisodeSource, year: CollectionYear, planStarts: Date[]): CinEpisodeRecord | null {
  const referralDate = dayOf(episode.referralAt);
  if (referralDate > year.lastDay) return null;
  // A date after 31 March is not yet known to the return.
  const asAtYearEnd = (instant: Date | string | null | undefined): string | null => {
    if (!instant) return null;
    const day = dayOf(instant);
    return day <= year.lastDay ? day : null;
  };
  const endedBeforeYear = (day: string | null) => day !== null && day < year.firstDay;

  const { context } = episode;
  const referralNfa = context.decision?.outcome === 'nfa';
  // An NFA referral is not a CIN case: it has no closure, only the flag (the pathway closes it
  // with no CIN reason). Other episodes close with the manager's CIN reason.
  const closureDate = referralNfa ? null : asAtYearEnd(context.closure?.closedAt);
  const lastActive = referralNfa ? asAtYearEnd(context.decision?.decidedAt) : closureDate;
  if (endedBeforeYear(lastActive)) return null;

  const timeline = episodeTimeline(episode.steps);
  // A manager's correction (AMEND_RECORD) stands in for what the pathway recorded.
  const amended = latestAmendments(episode.steps);
  const completed = timeline.assessments.filter((a) => a.completedAt && a.primaryNeed);
  const primaryNeed =
    amended.primaryNeed ??
    completed.filter((a) => asAtYearEnd(a.completedAt)).at(-1)?.primaryNeed ??
    context.decision?.primaryNeed ??
    completed.at(-1)?.primaryNeed ??
    null;
  const lastCompleted = timeline.assessments.findLast((a) => a.completedAt !== null);
  const lastPlan = timeline.cpPlans.at(-1);

  return {
    episodeId: episode.episodeId,
    referralDate,
    referralSource: amended.referralSource ?? episode.sourceCode,
    primaryNeed,
    closureDate,
    reasonForClosure: closureDate ? (amended.reasonForClosure ?? context.closure?.reason ?? null) : null,
    dateOfInitialCpc: null,
    referralNfa,
    decided: context.decision !== null,
    assessments: timeline.assessments
      .filter((a) => asAtYearEnd(a.startedAt) && !endedBeforeYear(asAtYearEnd(a.completedAt)))
      .map((a) => {
        const authorisationDate = asAtYearEnd(a.completedAt);
        const factors = a === lastCompleted && amended.assessmentFactors ? amended.assessmentFactors : a.factors;
        return { startDate: dayOf(a.startedAt), authorisationDate, factors: authorisationDate ? [...factors] : [] };
      }),
    cinPlans: timeline.cinPlans
      .filter((plan) => asAtYearEnd(plan.startedAt) && !endedBeforeYear(asAtYearEnd(plan.endedAt)))
      .map((plan) => ({ startDate: dayOf(plan.startedAt), endDate: asAtYearEnd(plan.endedAt) })),
    section47s: timeline.section47s
      .filter((s47) => asAtYearEnd(s47.startedAt) && !endedBeforeYear(asAtYearEnd(s47.icpcAt ?? s47.icpcNotRequiredAt)))
      .map((s47) => ({
        startDate: dayOf(s47.startedAt),
        // Working Together: the ICPC within 15 working days of the strategy discussion.
        initialCpcTarget: dayOf(dueAt(s47.startedAt, INITIAL_CONFERENCE)),
        dateOfInitialCpc: asAtYearEnd(s47.icpcAt),
        icpcNotRequired: asAtYearEnd(s47.icpcNotRequiredAt) !== null,
      })),
    childProtectionPlans: timeline.cpPlans
      .filter((plan) => asAtYearEnd(plan.startedAt) && !endedBeforeYear(asAtYearEnd(plan.endedAt)))
      .map((plan) => ({
        startDate: dayOf(plan.startedAt),
        endDate: asAtYearEnd(plan.endedAt),
        // Front Door records the category when the plan starts; a manager's amendment corrects it.
        initialCategory: (plan === lastPlan && amended.categoryOfAbuse) || plan.category,
        latestCategory: (plan === lastPlan && amended.categoryOfAbuse) || plan.category,
        numberOfPreviousCpp: planStarts.filter((start) => start.getTime() < plan.startedAt.getTime()).length,
        reviewDates: plan.reviews.map((review) => dayOf(review)).filter((day) => day >= year.firstDay && day <= year.lastDay),
      })),
  };
}
