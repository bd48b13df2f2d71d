import { BESIDE_THE_CHART, type PathwayEventType } from '../events';
import { describePathways } from './describe-pathway';

/** Every member of the PathwayEvent union; the record makes the compiler check none is missed. */
const EVERY_EVENT_TYPE = Object.keys({
  SCREEN: 1,
  RATE: 1,
  REQUEST_AGENCY_CHECK: 1,
  RESPOND_AGENCY_CHECK: 1,
  PROPOSE_DECISION: 1,
  APPROVE_DECISION: 1,
  RETURN_DECISION: 1,
  ALLOCATE: 1,
  RECORD_CHILD_SEEN: 1,
  COMPLETE_ASSESSMENT: 1,
  HOLD_STRATEGY_DISCUSSION: 1,
  COMPLETE_S47: 1,
  HOLD_ICPC: 1,
  HOLD_CORE_GROUP: 1,
  HOLD_REVIEW_CONFERENCE: 1,
  CLOSE: 1,
  ACKNOWLEDGEMENT_DELIVERED: 1,
  CONTRIBUTE: 1,
  AMEND_RECORD: 1,
} satisfies Record<PathwayEventType, 1>);

describe('describing the pathway', () => {
  const [v1] = describePathways();

  it('describes each machine version in use', () => {
    expect(describePathways().map(({ id, version }) => ({ id, version }))).toEqual([{ id: 'pathway', version: 1 }]);
  });

  it('lists every state as a dotted path, named for where the child is', () => {
    expect(v1.states).toEqual([
      'screening',
      'triage',
      'triage.gatheringInformation',
      'triage.awaitingSignOff',
      'familyHelp',
      'assessment',
      'assessment.awaitingAllocation',
      'assessment.allocated',
      'assessment.childSeen',
      'childInNeed',
      'strategyDiscussion',
      's47Enquiry',
      'awaitingIcpc',
      'cpPlan',
      'forwarded',
      'redirected',
      'merged',
      'closed',
    ]);
  });

  it('lists every event the chart handles', () => {
    // Events taken beside the chart (AMEND_RECORD) are the engine's, not the chart's.
    expect(v1.events).toEqual(EVERY_EVENT_TYPE.filter((type) => !(BESIDE_THE_CHART as readonly string[]).includes(type)).sort());
  });

  it('draws a Mermaid state diagram from the definition', () => {
    expect(v1.mermaid.split('\n')[0]).toBe('stateDiagram-v2');
    expect(v1.mermaid).toContain('  [*] --> screening');
    expect(v1.mermaid).toContain('  screening --> forwarded : SCREEN [isAboutOpenCase]');
    expect(v1.mermaid).toContain('  triage_awaitingSignOff --> triage_gatheringInformation : RETURN_DECISION');
    expect(v1.mermaid).toContain(
      '  strategyDiscussion --> assessment_allocated : HOLD_STRATEGY_DISCUSSION [stepsDownTo(assessment) and hasAllocatedWorker]',
    );
    expect(v1.mermaid).toContain('    state "childSeen" as assessment_childSeen');
    expect(v1.mermaid).toContain('  closed --> [*]');
    expect(v1.mermaid).toContain('In every open state: ACKNOWLEDGEMENT_DELIVERED');
  });
});
