/**
 * What happened to a child in one episode, read from its append-only history: every
 * assessment, child in need plan, Family Help period, section 47 enquiry and child protection
 * plan, in order. The chart's context keeps only the latest of each (a second assessment after
 * a step-down replaces the first); the census wants them all, so the history is the source.
 *
 * Each history row carries the stage before and after the step, so a period starts when a step
 * enters a stage and ends when one leaves it; the step's own time (`occurred_at`: a meeting's
 * heldAt, an assessment's completedAt, a closure's closedAt) dates it.
 */

export interface HistoryStep {
  type: string;
  payload: Record<string, unknown>;
  fromStage: string | null;
  toStage: string;
  occurredAt: Date;
  /** Who took the step, as history names them (Annex A names the worker who decided). */
  actorName?: string | null;
}

export interface TimelineAssessment {
  startedAt: Date;
  childSeenAt: Date | null;
  completedAt: Date | null;
  outcome: string | null;
  factors: string[];
  primaryNeed: string | null;
}

export interface TimelinePeriod {
  startedAt: Date;
  endedAt: Date | null;
}

export interface TimelineSection47 {
  /** The strategy discussion that started the enquiry (DOMAIN §4: the ICPC clock runs from it). */
  startedAt: Date;
  completedAt: Date | null;
  icpcAt: Date | null;
  icpcOutcome: 'cp_plan' | 'no_plan' | null;
  /** When it became clear no conference would be held: the s47 found none needed, or the case closed first. */
  icpcNotRequiredAt: Date | null;
}

export interface TimelineCpPlan extends TimelinePeriod {
  category: string | null;
  reviews: Date[];
}

export interface EpisodeTimeline {
  assessments: TimelineAssessment[];
  cinPlans: TimelinePeriod[];
  familyHelp: TimelinePeriod[];
  section47s: TimelineSection47[];
  cpPlans: TimelineCpPlan[];
}

export function episodeTimeline(steps: readonly HistoryStep[]): EpisodeTimeline {
  const timeline: EpisodeTimeline = { assessments: [], cinPlans: [], familyHelp: [], section47s: [], cpPlans: [] };
  for (const step of steps) {
    recordStep(timeline, step);
    if (step.fromStage !== null && step.fromStage !== step.toStage) leaveStage(timeline, step);
    if (step.fromStage !== step.toStage) enterStage(timeline, step);
  }
  return timeline;
}

function recordStep(timeline: EpisodeTimeline, step: HistoryStep): void {
  const at = step.occurredAt;
  const assessment = timeline.assessments.at(-1);
  const s47 = timeline.section47s.at(-1);
  switch (step.type) {
    case 'RECORD_CHILD_SEEN':
      if (assessment && !assessment.completedAt) assessment.childSeenAt ??= at;
      break;
    case 'COMPLETE_ASSESSMENT':
      if (assessment && !assessment.completedAt) {
        assessment.completedAt = at;
        assessment.outcome = text(step.payload.outcome);
        assessment.factors = Array.isArray(step.payload.factors) ? step.payload.factors.map(String) : [];
        assessment.primaryNeed = text(step.payload.primaryNeed);
      }
      break;
    case 'COMPLETE_S47':
      if (s47 && !s47.completedAt) {
        s47.completedAt = at;
        if (step.payload.outcome === 'no_icpc') s47.icpcNotRequiredAt = at;
      }
      break;
    case 'HOLD_ICPC': {
      const outcome = step.payload.outcome === 'cp_plan' ? 'cp_plan' : 'no_plan';
      if (s47 && !s47.icpcAt && !s47.icpcNotRequiredAt) {
        s47.icpcAt = at;
        s47.icpcOutcome = outcome;
      }
      if (outcome === 'cp_plan') {
        timeline.cpPlans.push({ startedAt: at, endedAt: null, category: text(step.payload.category), reviews: [] });
      }
      break;
    }
    case 'HOLD_REVIEW_CONFERENCE': {
      const plan = timeline.cpPlans.at(-1);
      if (plan && !plan.endedAt) plan.reviews.push(at);
      break;
    }
  }
}

function leaveStage(timeline: EpisodeTimeline, step: HistoryStep): void {
  const at = step.occurredAt;
  switch (step.fromStage) {
    case 'child_in_need':
      endOpen(timeline.cinPlans, at);
      break;
    case 'family_help':
      endOpen(timeline.familyHelp, at);
      break;
    case 'cp_plan':
      endOpen(timeline.cpPlans, at);
      break;
    case 's47_enquiry':
    case 'icpc': {
      // Closed, or stepped down, before any conference: none was held, so none was required.
      const s47 = timeline.section47s.at(-1);
      if (step.toStage !== 'icpc' && s47 && !s47.icpcAt && !s47.icpcNotRequiredAt) s47.icpcNotRequiredAt = at;
      break;
    }
  }
}

function enterStage(timeline: EpisodeTimeline, step: HistoryStep): void {
  const at = step.occurredAt;
  switch (step.toStage) {
    case 'assessment':
      timeline.assessments.push({ startedAt: at, childSeenAt: null, completedAt: null, outcome: null, factors: [], primaryNeed: null });
      break;
    case 'child_in_need':
      timeline.cinPlans.push({ startedAt: at, endedAt: null });
      break;
    case 'family_help':
      timeline.familyHelp.push({ startedAt: at, endedAt: null });
      break;
    case 's47_enquiry':
      timeline.section47s.push({ startedAt: at, completedAt: null, icpcAt: null, icpcOutcome: null, icpcNotRequiredAt: null });
      break;
  }
}

function endOpen(periods: TimelinePeriod[], at: Date): void {
  const open = periods.at(-1);
  if (open && !open.endedAt) open.endedAt = at;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
