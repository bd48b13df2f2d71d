import { ageInYears, isReferral } from '@frontdoor/pathway';
import { shiftMonths } from '../reporting-period';
import {
  type ChildSource,
  dayOf,
  type EpisodeSource,
  episodeTimeline,
  type EpisodeTimeline,
  laChildIdOf,
  latestAmendments,
  NO_DISABILITY,
} from '../cin-census';
import { type AnnexAList, ETHNICITY, FRONT_DOOR_TEAM, GENDER, GENDER_NOT_RECORDED, NO, SOURCE, SOURCE_UNKNOWN, UNKNOWN, YES } from './annex-a-columns';

export interface AnnexASource {
  children: ChildSource[];
  /** Episodes open at any point from 12 months before the period to its end (for the "last 12 months" counts). */
  episodes: EpisodeSource[];
}

export interface AnnexAPeriod {
  /** First London day, YYYY-MM-DD. */
  from: string;
  /** Last London day, included. */
  to: string;
}

export type AnnexARow = (string | number)[];

/**
 * The rows of one Annex A list for a period, oldest first. A row is in the list when its event
 * (contact, referral, start or end of an assessment, enquiry or conference) falls in the period;
 * what is recorded after the period's last day is not shown, so a list reads as it stood then.
 */
export function annexARows(list: AnnexAList, source: AnnexASource, period: AnnexAPeriod): AnnexARow[] {
  const lists = new AnnexALists(source, period);
  const build = {
    1: () => lists.contacts(),
    2: () => lists.earlyHelp(),
    3: () => lists.referrals(),
    4: () => lists.assessments(),
    5: () => lists.section47s(),
  };
  const rows = build[list]();
  return rows.sort((a, b) => a.day.localeCompare(b.day) || a.key.localeCompare(b.key)).map((row) => row.cells);
}

interface Dated {
  day: string;
  key: string;
  cells: AnnexARow;
}

class AnnexALists {
  private readonly children: Map<string, ChildSource>;
  private readonly referralEpisodes: EpisodeSource[];
  private readonly referralDays = new Map<string, string[]>();
  private readonly timelines = new Map<string, EpisodeTimeline>();

  constructor(
    private readonly source: AnnexASource,
    private readonly period: AnnexAPeriod,
  ) {
    this.children = new Map(source.children.map((child) => [child.id, child]));
    this.referralEpisodes = source.episodes.filter((episode) => isReferral(episode.context));
    for (const episode of this.referralEpisodes) {
      this.referralDays.set(episode.childId, [...(this.referralDays.get(episode.childId) ?? []), dayOf(episode.referralAt)]);
    }
  }

  contacts(): Dated[] {
    return this.source.episodes
      .filter((episode) => this.inPeriod(dayOf(episode.referralAt)))
      .map((episode) => {
        const day = dayOf(episode.referralAt);
        return this.row(episode, day, [ukDate(day), sourceLabel(sourceOf(episode))]);
      });
  }

  /** Family Help is Front Door's early help (DOMAIN §3): a period in it stands for an early help assessment. */
  earlyHelp(): Dated[] {
    return this.referralEpisodes.flatMap((episode) =>
      this.timelineOf(episode)
        .familyHelp.map((period) => ({ start: dayOf(period.startedAt), end: this.asAtEnd(period.endedAt) }))
        .filter(({ start, end }) => start <= this.period.to && (end === null || end >= this.period.from))
        // Early help is completed by the allocated team, or by the front door until one is allocated.
        .map(({ start, end }) => this.row(episode, start, [ukDate(start), end ? ukDate(end) : '', allocation(episode)[0]])),
    );
  }

  referrals(): Dated[] {
    return this.referralEpisodes
      .filter((episode) => this.inPeriod(dayOf(episode.referralAt)))
      .map((episode) => {
        const day = dayOf(episode.referralAt);
        const decision = episode.context.decision;
        const nfa = decision?.outcome === 'nfa' && this.asAtEnd(decision.decidedAt) !== null;
        // Repeat referrals: the child's referrals in the 12 months up to and including this one.
        const referrals = countInYearTo(this.referralDays.get(episode.childId) ?? [], day);
        return this.row(episode, day, [ukDate(day), sourceLabel(sourceOf(episode)), nfa ? YES : NO, referrals, ...allocation(episode)]);
      });
  }

  assessments(): Dated[] {
    return this.referralEpisodes.flatMap((episode) =>
      this.timelineOf(episode)
        .assessments.map((assessment) => ({ assessment, start: dayOf(assessment.startedAt), authorised: this.asAtEnd(assessment.completedAt) }))
        .filter(({ start, authorised }) => start <= this.period.to && (this.inPeriod(start) || (authorised !== null && this.inPeriod(authorised))))
        .map(({ assessment, start, authorised }) =>
          this.row(episode, start, [
            this.disability(episode),
            ukDate(start),
            this.asAtEnd(assessment.childSeenAt) ? YES : NO,
            authorised ? ukDate(authorised) : '',
            // Family Help carries section 17 support (DOMAIN §1): only "no further action" is no.
            authorised ? (assessment.outcome === 'nfa' ? NO : YES) : '',
            ...allocation(episode),
          ]),
        ),
    );
  }

  section47s(): Dated[] {
    const s47Starts = new Map<string, string[]>();
    const conferences = new Map<string, string[]>();
    for (const episode of this.referralEpisodes) {
      for (const s47 of this.timelineOf(episode).section47s) {
        s47Starts.set(episode.childId, [...(s47Starts.get(episode.childId) ?? []), dayOf(s47.startedAt)]);
        const icpc = this.asAtEnd(s47.icpcAt);
        if (icpc) conferences.set(episode.childId, [...(conferences.get(episode.childId) ?? []), icpc]);
      }
    }
    return this.referralEpisodes.flatMap((episode) =>
      this.timelineOf(episode)
        .section47s.map((s47) => ({
          s47,
          start: dayOf(s47.startedAt),
          icpc: this.asAtEnd(s47.icpcAt),
          notRequired: this.asAtEnd(s47.icpcNotRequiredAt),
        }))
        .filter(({ start, icpc }) => start <= this.period.to && (this.inPeriod(start) || (icpc !== null && this.inPeriod(icpc))))
        .map(({ s47, start, icpc, notRequired }) =>
          this.row(episode, start, [
            this.disability(episode),
            ukDate(start),
            notRequired ? YES : icpc ? NO : '',
            icpc ? ukDate(icpc) : '',
            icpc ? (s47.icpcOutcome === 'cp_plan' ? YES : NO) : '',
            // The child's enquiries and conferences in the 12 months up to the list's last day.
            countInYearTo(s47Starts.get(episode.childId) ?? [], this.period.to),
            countInYearTo(conferences.get(episode.childId) ?? [], this.period.to),
            ...allocation(episode),
          ]),
        ),
    );
  }

  /** The five columns every list starts with; age on the day of the row's event. */
  private row(episode: EpisodeSource, day: string, rest: AnnexARow): Dated {
    const child = this.children.get(episode.childId);
    if (!child) throw new Error(`Child ${episode.childId} of episode ${episode.episodeId} was not loaded`);
    const cells: AnnexARow = [
      laChildIdOf(child.id),
      (child.sex && GENDER[child.sex]) || GENDER_NOT_RECORDED,
      child.ethnicity ? (ETHNICITY[child.ethnicity] ?? child.ethnicity) : ETHNICITY.NOBT,
      child.dateOfBirth ? ukDate(child.dateOfBirth) : '',
      child.dateOfBirth && child.dateOfBirth <= day ? ageInYears(child.dateOfBirth, day) : '',
      ...rest,
    ];
    return { day, key: `${child.id}:${episode.episodeId}`, cells };
  }

  /** "Does the child have a disability": from the child's CIN disability codes, unknown if never recorded. */
  private disability(episode: EpisodeSource): string {
    const codes = this.children.get(episode.childId)?.disabilities;
    if (!codes || codes.length === 0) return UNKNOWN;
    return codes.some((code) => code !== NO_DISABILITY) ? YES : NO;
  }

  private timelineOf(episode: EpisodeSource): EpisodeTimeline {
    let timeline = this.timelines.get(episode.episodeId);
    if (!timeline) {
      timeline = episodeTimeline(episode.steps);
      this.timelines.set(episode.episodeId, timeline);
    }
    return timeline;
  }

  private inPeriod(day: string): boolean {
    return day >= this.period.from && day <= this.period.to;
  }

  private asAtEnd(instant: Date | string | null | undefined): string | null {
    if (!instant) return null;
    const day = dayOf(instant);
    return day <= this.period.to ? day : null;
  }
}

/** DD/MM/YYYY, as Ofsted's template writes dates. */
export function ukDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

function sourceLabel(code: string | null): string {
  return code ? (SOURCE[code] ?? code) : SOURCE_UNKNOWN;
}

/** The referral source, as a manager last corrected it (AMEND_RECORD) or as the referrer gave it. */
function sourceOf(episode: EpisodeSource): string | null {
  return latestAmendments(episode.steps).referralSource ?? episode.sourceCode;
}

/**
 * Allocated team and worker. Until a worker is allocated the child is the front door's: its team,
 * and the worker who proposed the decision (or, before one, screened the contact).
 */
function allocation(episode: EpisodeSource): [string, string] {
  const frontDoorWorker =
    episode.steps.findLast((step) => step.type === 'PROPOSE_DECISION')?.actorName ??
    episode.steps.findLast((step) => step.type === 'SCREEN')?.actorName ??
    '';
  if (!episode.team && !episode.workerId) return [FRONT_DOOR_TEAM, frontDoorWorker];
  return [episode.team ?? FRONT_DOOR_TEAM, episode.workerName ?? episode.workerId ?? frontDoorWorker];
}

/** How many of `days` fall in the 12 months up to and including `day`. */
function countInYearTo(days: string[], day: string): number {
  const yearBefore = shiftMonths(day, -12);
  return days.filter((d) => d > yearBefore && d <= day).length;
}
