import { getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
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

const stateIdOf = (snapshot: Snapshot): string =>
  typeof snapshot.value === 'string'
    ? snapshot.value
    : Object.entries(snapshot.value).map(([parent, child]) => `${parent}.${String(child)}`)[0];

/** Leaf states: the places a child can be. */
const LEAF_STATES = describePathways()[0].states.filter(
  (state) => !describePathways()[0].states.some((other) => other.startsWith(`${state}.`)),
);

/** Replays a path through the engine's API, checking the deadline bookkeeping on the way. */
function replay(path: StatePath<Snapshot, PathwayEvent>, input: EpisodeInput): { open: Set<string>; final: boolean } {
  const started = startEpisode(input);
  const open = new Set<string>();
  let snapshot = started.snapshot;
  let final = started.final;
  const apply = (effects: PathwayEffect[]) => {
    for (const effect of effects) {
      if (effect.type === 'sendMessage') continue;
      const id = `${effect.kind}:${effect.key}`;
      if (effect.type === 'startDeadline') {
        expect({ starting: id, alreadyOpen: open.has(id) }).toEqual({ starting: id, alreadyOpen: false });
        open.add(id);
      } else {
        expect({ [effect.type]: id, open: open.has(id) }).toEqual({ [effect.type]: id, open: true });
        open.delete(id);
      }
    }
  };
  apply(started.effects);
  for (const step of path.steps) {
    if (step.event.type === 'xstate.init') continue;
    const outcome = stepEpisode(1, snapshot, step.event);
    if (!outcome.accepted) throw new Error(`${step.event.type} refused on replay`);
    apply(outcome.effects);
    snapshot = outcome.snapshot;
    final = outcome.final;
  }
  return { open, final };
}

function checkPaths(paths: StatePath<Snapshot, PathwayEvent>[], input: EpisodeInput): void {
  for (const path of paths) {
    const end = path.state;
    // Every path ends in a final state or where a person has something to do.
    const waitsForAPerson = allowedEventsOf(end).some((type) => (PUBLIC_EVENT_TYPES as readonly string[]).includes(type));
    expect({ state: end.value, final: end.status === 'done', waitsForAPerson }).toEqual(
      expect.objectContaining(end.status === 'done' ? { final: true } : { waitsForAPerson: true }),
    );
    const { open, final } = replay(path, input);
    if (final) {
      open.delete('acknowledgement:');
      expect({ state: end.value, openDeadlines: [...open] }).toEqual({ state: end.value, openDeadlines: [] });
    }
  }
}

/** The allowed events of a walked snapshot, through the engine's own view of it. */
function allowedEventsOf(snapshot: Snapshot): string[] {
  const persisted: unknown = JSON.parse(JSON.stringify(pathwayMachineV1.getPersistedSnapshot(snapshot)));
  return viewEpisode(1, persisted).allowedEvents;
}

const INPUTS: Record<string, EpisodeInput> = {
  'an ordinary contact from an involved referrer': episodeInput({ wantsInvolvement: true }),
  'a contact that says the child is at immediate risk': episodeInput({ immediateRisk: true }),
};

describe.each(Object.entries(INPUTS))('walking the chart: %s', (_name, input) => {
  it('reaches every state by a shortest path, and each ends where someone acts or in a final state', () => {
    const paths = getShortestPaths(pathwayMachineV1, walkOptions(input, true));
    const reached = new Set(paths.map((path) => stateIdOf(path.state)));
    expect([...reached].sort()).toEqual([...LEAF_STATES].sort());
    checkPaths(paths, input);
  });

  it.skip('meets or cancels every deadline it starts on every simple path to a final state', () => {
    const paths = getSimplePaths(pathwayMachineV1, walkOptions(input, false));
    const reached = new Set(paths.map((path) => stateIdOf(path.state)));
    expect([...reached].sort()).toEqual([...LEAF_STATES].sort());
    const toFinal = paths.filter((path) => path.state.status === 'done');
    expect(toFinal.length).toBeGreaterThan(0);
    console.info(`${_name}: ${paths.length} simple paths, ${toFinal.length} of them to a final state`);
    checkPaths(paths, input);
  });
});
