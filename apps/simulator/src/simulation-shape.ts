/** What a simulation is asked for and what it reports: the seed evidence's volumes and mix. */

/** The seed evidence (DOMAIN §2): contacts a month and what they are about. */
export const CONTACTS_PER_MONTH = 4616;
export const CONTACT_MIX = { open_case: 59, other_agency: 14, concern: 19, police_duplicate: 8 } as const;
export type ContactKind = keyof typeof CONTACT_MIX;

export interface SimulationOptions {
  tenant: string;
  months: number;
  scale: number;
  seed: number;
  /** The first instant of the simulated period. */
  start: Date;
  /** Reports progress now and then (the CLI prints it to stderr). */
  onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationProgress {
  simulatedAt: Date;
  contacts: number;
  steps: number;
  elapsedMs: number;
}

export interface SimulationSummary {
  tenant: string;
  from: string;
  to: string;
  contacts: number;
  episodes: number;
  steps: number;
  screening: Record<'concern' | 'open_case' | 'redirect' | 'duplicate', number>;
  decisions: Record<'nfa' | 'family_help' | 'assessment' | 'strategy_discussion', number>;
  referrals: number;
  assessmentsCompleted: number;
  assessmentOutcomes: Record<string, number>;
  strategyDiscussions: number;
  s47Enquiries: number;
  icpcs: number;
  cpPlansStarted: number;
  cpPlansEnded: number;
  closures: number;
  /** AMEND_RECORD steps: disabilities a manager recorded after the decision. */
  amendments: number;
  stillOpenAtEnd: number;
  breaches: { assessment: number; strategyDiscussion: number; icpc: number; coreGroup: number; reviewConference: number };
  rejectedSteps: number;
  /** Messages the simulated post delivered, and those it could not (bounced addresses, partner systems down). */
  messages: { delivered: number; failed: number };
  elapsedMs: number;
  contactsPerSecond: number;
  stepsPerSecond: number;
}
