/**
 * The front door's everyday decision, as a practitioner and a manager make it: screen as a
 * concern, rate amber, propose an outcome, and a manager signs it off. The outcome rotates so
 * sign-off both closes episodes (nfa) and opens the next stage's deadlines.
 */
const OUTCOMES = [
  { outcome: 'nfa', thresholdLevel: 1, signposting: 'The school nurse drop-in on Tuesdays' },
  { outcome: 'family_help', thresholdLevel: 2 },
  { outcome: 'assessment', thresholdLevel: 3 },
] as const;

export interface FlowStep {
  role: 'practitioner' | 'manager';
  body: Record<string, unknown>;
}

export function decisionFlow(index: number): FlowStep[] {
  const decision = OUTCOMES[index % OUTCOMES.length];
  return [
    { role: 'practitioner', body: { type: 'SCREEN', outcome: 'concern', note: 'New worry' } },
    { role: 'practitioner', body: { type: 'RATE', rag: 'amber', rationale: 'Bruising, no disclosure' } },
    {
      role: 'practitioner',
      body: {
        type: 'PROPOSE_DECISION',
        primaryNeed: 'N1',
        ...decision,
        rationale: 'Police hold two earlier call-outs to the address',
        feedbackForReferrer: 'Thank you. We have decided what happens next.',
      },
    },
    { role: 'manager', body: { type: 'APPROVE_DECISION', note: 'Agreed' } },
  ];
}

export const STEPS_PER_FLOW = 4;
