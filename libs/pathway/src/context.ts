import type {
  AssessmentOutcome,
  ClosureReason,
  CpCategory,
  DecisionOutcome,
  PrimaryNeed,
  RagRating,
  ScreeningOutcome,
} from './events';

/** How long a step may take: working days (end of day, Europe/London), clock hours, or months. */
export type Timescale = { workingDays: number } | { hours: number } | { months: number };

/** The per-authority settings the pathway needs (ARCHITECTURE §6); shipped defaults in config. */
export interface PathwaySettings {
  /** MASH information gathering by RAG rating. Defaults: red 4 hours, amber 1, green 3 working days. */
  ragTimescales: Record<RagRating, Timescale>;
  /** Strategy discussion from the decision to hold one. Local default 1 working day. */
  strategyDiscussion: Timescale;
}

/** What the engine knows when an episode starts: one child named in one contact. */
export interface EpisodeInput {
  /** When the contact was received (the referral date); may be backdated by a practitioner. */
  receivedAt: string;
  immediateRisk: boolean;
  wantsInvolvement: boolean;
  settings: PathwaySettings;
}

export interface AgencyCheckState {
  agency: string;
  requestedAt: string;
  status: 'requested' | 'returned' | 'declined';
  answeredAt: string | null;
}

export interface ProposalState {
  outcome: DecisionOutcome;
  thresholdLevel: 1 | 2 | 3 | 4;
  rationale: string;
  feedbackForReferrer: string;
  signposting: string | null;
  primaryNeed: PrimaryNeed | null;
  proposedAt: string;
}

export interface DecisionState extends ProposalState {
  decidedAt: string;
}

/**
 * Everything the chart remembers about one child's episode. It is persisted inside the
 * snapshot; the engine copies the fields lists and reports need (rag, worker, outcome, …)
 * onto the episode row.
 */
export interface EpisodeContext {
  receivedAt: string;
  immediateRisk: boolean;
  wantsInvolvement: boolean;
  settings: PathwaySettings;
  /** The time of the latest step; an event's own time may not be before it. */
  lastStepAt: string;

  screening: {
    outcome: ScreeningOutcome;
    at: string;
    note: string | null;
    duplicateOfContactId: string | null;
    redirectedTo: string | null;
  } | null;
  rag: RagRating | null;
  ragRationale: string | null;
  agencyChecks: Record<string, AgencyCheckState>;
  proposal: ProposalState | null;
  returnedReasons: string[];
  decision: DecisionState | null;

  workerId: string | null;
  workerName: string | null;
  /** How an involved referrer can reach the allocated worker (email or phone). */
  workerContact: string | null;
  team: string | null;

  assessment: {
    startedAt: string;
    childSeenAt: string | null;
    seenAlone: boolean | null;
    completedAt: string | null;
    outcome: AssessmentOutcome | null;
    factors: string[];
    primaryNeed: PrimaryNeed | null;
    feedbackForReferrer: string | null;
    reasonForDelay: string | null;
  } | null;
  strategyDiscussion: {
    requestedAt: string;
    heldAt: string | null;
    agencies: string[];
    outcome: 's47' | 'no_s47' | null;
  } | null;
  s47: { startedAt: string; completedAt: string | null; outcome: 'icpc' | 'no_icpc' | null } | null;
  icpc: {
    heldAt: string;
    outcome: 'cp_plan' | 'no_plan';
    category: CpCategory | null;
    familyGroupConferenceOffered: boolean;
  } | null;
  cpPlan: {
    startedAt: string;
    category: CpCategory;
    coreGroups: string[];
    reviewConferences: string[];
    endedAt: string | null;
  } | null;
  closure: { closedAt: string; reason: ClosureReason | null } | null;
}

/** A contact becomes a referral (CIN census) when screening finds a concern for children's social care. */
export function isReferral(context: Pick<EpisodeContext, 'screening'>): boolean {
  return context.screening?.outcome === 'concern';
}
