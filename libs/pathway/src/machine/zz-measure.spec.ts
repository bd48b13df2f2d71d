import { getShortestPaths, getSimplePaths, getAdjacencyMap, type StatePath } from 'xstate/graph';
import type { EpisodeInput } from '../context';
import type { PathwayEffect } from '../effects';
import { PUBLIC_EVENT_TYPES, type PathwayEvent } from '../events';
import type { PathwayContext } from './pathway-context';
import { type PathwayMachine, pathwayMachineV1 } from './pathway.machine';
import { episodeInput } from './pathway-test-fixtures';
import { describePathways } from './describe-pathway';
import { startEpisode, stepEpisode, viewEpisode } from './run-pathway';

/**
 * Walks the chart (ARCHITECTURE §2): every state reachable, every path ends where a person has
 * something to do or in a final state, and on every path that ends, every deadline started is
 * met or cancelled (except the acknowledgement, met by delivery outside the chart).
 *
 * The event set has one concrete event per branch, each timed an hour after the episode's
 * latest step so that times always increase along a path. Two things keep the walk finite:
 * - snapshots are compared with their times blanked, so "the same place with the same facts"
 *   is one vertex however long it took to get there;
 * - facts that grow without bound are capped: one returned decision, two core groups, two
 *   continued review conferences.
 * Simple paths also leave out the two events that only touch the acknowledgement or note a
 * contribution (they can happen between any two steps and would multiply paths for nothing);
 * shortest paths include them.
 */

type Snapshot = ReturnType<PathwayMachine['resolveState']>;
const HOUR = 3_600_000;
const CONTACT_ID = '3f1c2b7e-9d4a-4c1e-8b2f-5a6d7e8f9a0b';

function eventsFrom(snapshot: Snapshot): PathwayEvent[] {
  const at = new Date(Date.parse(snapshot.context.lastStepAt) + HOUR).toISOString();
  return [
    { type: 'SCREEN', at, outcome: 'concern' },
    { type: 'SCREEN', at, outcome: 'open_case' },
    { type: 'SCREEN', at, outcome: 'redirect', redirectedTo: 'Adult social care' },
    { type: 'SCREEN', at, outcome: 'duplicate', duplicateOfContactId: CONTACT_ID },
    { type: 'RATE', at, rag: 'red', rationale: 'Disclosure' },
    { type: 'RATE', at, rag: 'green', rationale: 'Low level' },
    { type: 'REQUEST_AGENCY_CHECK', at, agency: 'police', question: 'Call-outs?', checkId: 'check-1' },
    { type: 'RESPOND_AGENCY_CHECK', at, checkId: 'check-1', summary: 'Two call-outs' },
    { type: 'RESPOND_AGENCY_CHECK', at, checkId: 'check-1', declined: true, reason: 'No consent' },
    ...(['nfa', 'family_help', 'assessment', 'strategy_discussion'] as const).map(
      (outcome): PathwayEvent => ({
        type: 'PROPOSE_DECISION',
        at,
        outcome,
        thresholdLevel: 3,
        rationale: 'r',
        feedbackForReferrer: 'f',
        signposting: outcome === 'nfa' ? 'Family hub' : undefined,
      }),
    ),
    { type: 'RETURN_DECISION', at, reason: 'Ask the school' },
    { type: 'APPROVE_DECISION', at },
    { type: 'ALLOCATE', at, workerId: 'w-1', team: 'North' },
    { type: 'RECORD_CHILD_SEEN', at, seenAt: at, seenAlone: true },
    ...(['nfa', 'family_help', 'cin_plan', 'strategy_discussion'] as const).map(
      (outcome): PathwayEvent => ({ type: 'COMPLETE_ASSESSMENT', at, completedAt: at, outcome, factors: ['21'], primaryNeed: 'N1' }),
    ),
    { type: 'HOLD_STRATEGY_DISCUSSION', at, heldAt: at, agencies: ['police'], outcome: 's47' },
    ...(['assessment', 'family_help', 'nfa'] as const).map(
      (nextStep): PathwayEvent => ({ type: 'HOLD_STRATEGY_DISCUSSION', at, heldAt: at, agencies: ['police'], outcome: 'no_s47', nextStep }),
    ),
    { type: 'COMPLETE_S47', at, completedAt: at, outcome: 'icpc' },
    ...(['assessment', 'family_help', 'nfa'] as const).map(
      (nextStep): PathwayEvent => ({ type: 'COMPLETE_S47', at, completedAt: at, outcome: 'no_icpc', nextStep }),
    ),
    { type: 'HOLD_ICPC', at, heldAt: at, outcome: 'cp_plan', category: 'NEG', familyGroupConferenceOffered: true },
    { type: 'HOLD_ICPC', at, heldAt: at, outcome: 'no_plan', familyGroupConferenceOffered: false },
    ...(['family_help', 'nfa'] as const).map(
      (nextStep): PathwayEvent => ({ type: 'HOLD_ICPC', at, heldAt: at, outcome: 'no_plan', familyGroupConferenceOffered: false, nextStep }),
    ),
    { type: 'HOLD_CORE_GROUP', at, heldAt: at },
    { type: 'HOLD_REVIEW_CONFERENCE', at, heldAt: at, outcome: 'continue' },
    { type: 'HOLD_REVIEW_CONFERENCE', at, heldAt: at, outcome: 'end' },
    { type: 'CLOSE', at, closedAt: at, reason: 'RC7' },
    { type: 'ACKNOWLEDGEMENT_DELIVERED', at, deliveredAt: at },
    { type: 'CONTRIBUTE', at, text: 'What I know' },
  ];
}

/**
 * A vertex of the walk: where the child is, which deadlines are open, and the facts that guards
 * and clocks still depend on there. Not when things happened, nor facts that only describe (a
 * rationale, a category), nor triage facts once the decision is made.
 */
function serializeState(snapshot: Snapshot): string {
  const { context } = snapshot;
  const facts: Record<string, unknown> = { openDeadlines: [...context.openDeadlines].sort() };
  if (snapshot.matches('triage')) {
    facts.rated = context.rag !== null;
    facts.awaitedChecks = Object.values(context.agencyChecks).map((check) => check.status === 'requested');
    facts.proposal = context.proposal?.outcome ?? null;
    facts.returned = context.returnedReasons.length;
  } else if (snapshot.status === 'active' && context.decision) {
    facts.allocated = context.workerId !== null;
    facts.assessment = context.assessment === null ? 'none' : context.assessment.completedAt === null ? 'open' : 'done';
  }
  if (snapshot.matches('cpPlan')) {
    facts.coreGroups = context.cpPlan?.coreGroups.length;
    facts.reviewConferences = context.cpPlan?.reviewConferences.length;
  }
  return JSON.stringify({ value: snapshot.value, facts });
}

function withinCaps(context: PathwayContext, event: PathwayEvent): boolean {
  switch (event.type) {
    case 'RETURN_DECISION':
      return context.returnedReasons.length < 1;
    case 'HOLD_CORE_GROUP':
      return (context.cpPlan?.coreGroups.length ?? 0) < 2;
    case 'HOLD_REVIEW_CONFERENCE':
      return event.outcome === 'end' || (context.cpPlan?.reviewConferences.length ?? 0) < 2;
    default:
      return true;
  }
}

const everywhereEvents = new Set(['ACKNOWLEDGEMENT_DELIVERED', 'CONTRIBUTE']);

function walkOptions(input: EpisodeInput, includeEverywhereEvents: boolean) {
  return {
    input,
    events: eventsFrom,
    serializeState,
    filterEvents: (snapshot: Snapshot, event: PathwayEvent) =>
      withinCaps(snapshot.context, event) && (includeEverywhereEvents || !everywhereEvents.has(event.type)),
  };
}

it('measure', () => {
  const input = episodeInput({ wantsInvolvement: true });
  for (const every of [false]) {
    let t = Date.now();
    const adj = getAdjacencyMap(pathwayMachineV1, walkOptions(input, every) as any);
    const n = Object.keys(adj).length;
    const e = Object.values(adj).reduce((a, v: any) => a + Object.keys(v.transitions).length, 0);
    const byValue: Record<string, number> = {};
    for (const k of Object.keys(adj)) { const v = JSON.stringify(JSON.parse(k).value); byValue[v] = (byValue[v] ?? 0) + 1; }
    console.log(byValue);
    const sample = Object.keys(adj).filter((k) => JSON.parse(k).value === 'familyHelp').slice(0, 30);
    console.log('every', every, 'vertices', n, 'edges', e, 'ms', Date.now() - t);
    t = Date.now();
    const sp = getShortestPaths(pathwayMachineV1, walkOptions(input, every));
    console.log('shortest', sp.length, 'ms', Date.now() - t);
    t = Date.now();
    const simple = getSimplePaths(pathwayMachineV1, walkOptions(input, every));
    console.log('simple', simple.length, 'ms', Date.now() - t, 'final', simple.filter(p => p.state.status === 'done').length, 'max len', Math.max(...simple.map(p => p.steps.length)));
  }
});
