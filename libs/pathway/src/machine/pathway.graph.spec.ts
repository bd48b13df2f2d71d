import { initialTransition, transition } from 'xstate';
import { getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import type { EpisodeInput } from '../context';
import type { PathwayEffect } from '../effects';
import { PUBLIC_EVENT_TYPES, type PathwayEvent } from '../events';
import { describePathways } from './describe-pathway';
import { effectsOf } from './effects-of-actions';
import { candidateEvents } from './candidate-events';
import { episodeFacts, type PathwayContext } from './pathway-context';
import { type PathwayMachine, pathwayMachineV1 } from './pathway.machine';
import { episodeInput } from './pathway-test-fixtures';
import { viewEpisode } from './run-pathway';

/**
 * Walks the chart with xstate/graph (ARCHITECTURE §2): every state reachable; every path ends in
 * a final state or where a person has something to do; on every path, deadlines are met or
 * cancelled only while open, and on every path that ends, every deadline started has been met
 * or cancelled (except the acknowledgement, met by delivery outside the chart).
 *
 * The event set has one concrete event per branch (below), each timed an hour after the
 * episode's latest step so that times increase along every path. To keep the walk finite and
 * quick:
 * - a vertex is where the child is plus the facts guards and clocks depend on there (see
 *   `vertexOf`), not when things happened; triage facts are dropped once the decision is made;
 * - facts that could grow for ever are capped: one returned decision, two core groups, two
 *   continued review conferences;
 * - simple paths leave out ACKNOWLEDGEMENT_DELIVERED and CONTRIBUTE, which can fall between any
 *   two steps and would multiply paths for nothing (shortest paths include them);
 * - simple paths are walked in two legs that meet at the decision: from the contact to the
 *   decision (or an end at screening), then from each state a decision leads to. Nothing leads
 *   back into triage, so every simple path of the whole chart is one path of each leg joined at
 *   a decision vertex, and the chart's record of open deadlines there (checked at the end of
 *   the first leg) is where the second starts.
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
const serialized = new WeakMap<Snapshot, string>();
function serializeState(snapshot: Snapshot): string {
  let key = serialized.get(snapshot);
  if (key === undefined) {
    key = vertexOf(snapshot);
    serialized.set(snapshot, key);
  }
  return key;
}

function vertexOf(snapshot: Snapshot): string {
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

type Path = StatePath<Snapshot, PathwayEvent>;

const isDecided = (snapshot: Snapshot) => !snapshot.matches('screening') && !snapshot.matches('triage');

const leafStateOf = (snapshot: Snapshot): string =>
  typeof snapshot.value === 'string'
    ? snapshot.value
    : Object.entries(snapshot.value).map(([parent, child]) => `${parent}.${String(child)}`)[0];

/** Leaf states: the places a child can be. */
const LEAF_STATES = (() => {
  const { states } = describePathways()[0];
  return states.filter((state) => !states.some((other) => other.startsWith(`${state}.`))).sort();
})();

/** The effects of one edge; edges are shared by many paths, so each is computed once. */
const edgeEffects = new WeakMap<Snapshot, Map<string, PathwayEffect[]>>();
function effectsOfStep(from: Snapshot, event: PathwayEvent): PathwayEffect[] {
  let byEvent = edgeEffects.get(from);
  if (!byEvent) edgeEffects.set(from, (byEvent = new Map()));
  const key = JSON.stringify(event);
  let effects = byEvent.get(key);
  if (!effects) {
    effects = effectsOf(transition(pathwayMachineV1, from, event)[1]);
    byEvent.set(key, effects);
  }
  return effects;
}

/**
 * Follows a path's deadline effects, from the deadlines open where it starts, failing on a
 * start of an open deadline or a meet or cancel of one that is not open. Returns what is open
 * at the end.
 */
function openDeadlinesAlong(path: Path, openAtStart: readonly string[]): Set<string> {
  const open = new Set(openAtStart);
  for (let i = 1; i < path.steps.length; i++) {
    for (const effect of effectsOfStep(path.steps[i - 1].state, path.steps[i].event)) {
      if (effect.type === 'sendMessage') continue;
      const id = effect.key === '' ? effect.kind : `${effect.kind}:${effect.key}`;
      const problem =
        effect.type === 'startDeadline' ? (open.has(id) ? 'started while open' : null) : open.has(id) ? null : `${effect.type} while not open`;
      if (problem) throw new Error(`${id} ${problem} on the path ${route(path)}`);
      if (effect.type === 'startDeadline') open.add(id);
      else open.delete(id);
    }
  }
  return open;
}

const route = (path: Path) => path.steps.map((step) => step.event.type).join(' → ');

/**
 * The clocks that may be running while a child is in each place: only those the next step
 * there can meet, or closing can cancel. A clock left running after its step can no longer
 * happen (an ICPC clock in Family Help, say) would be breached for nothing.
 */
const CLOCKS_BY_STATE: Record<string, readonly string[]> = {
  // mash_checks: a child at immediate risk is red, its clock running, from the moment it arrives.
  screening: ['acknowledgement', 'decision', 'mash_checks'],
  'triage.gatheringInformation': ['acknowledgement', 'decision', 'mash_checks', 'agency_check'],
  'triage.awaitingSignOff': ['acknowledgement', 'decision', 'agency_check'],
  familyHelp: ['acknowledgement'],
  'assessment.awaitingAllocation': ['acknowledgement', 'assessment'],
  'assessment.allocated': ['acknowledgement', 'assessment'],
  'assessment.childSeen': ['acknowledgement', 'assessment'],
  childInNeed: ['acknowledgement'],
  strategyDiscussion: ['acknowledgement', 'strategy_discussion'],
  s47Enquiry: ['acknowledgement', 'icpc'],
  awaitingIcpc: ['acknowledgement', 'icpc'],
  cpPlan: ['acknowledgement', 'core_group', 'review_conference'],
  forwarded: ['acknowledgement'],
  redirected: ['acknowledgement'],
  merged: ['acknowledgement'],
  closed: ['acknowledgement'],
};

function checkPaths(paths: Path[], openAtStart: readonly string[]): void {
  for (const path of paths) {
    const end = path.state;
    const open = openDeadlinesAlong(path, openAtStart);
    // The chart's own record of what is open is what its effects say is open.
    expect([...open].sort()).toEqual([...end.context.openDeadlines].sort());
    const place = leafStateOf(end);
    const stray = [...open].filter((id) => !CLOCKS_BY_STATE[place].includes(id.split(':')[0]));
    if (stray.length > 0) throw new Error(`${stray.join(', ')} still running in ${place} after ${route(path)}`);
    if (end.status === 'done') {
      open.delete('acknowledgement');
      if (open.size > 0) throw new Error(`${[...open].join(', ')} left open at the end of ${route(path)}`);
    } else if (!waitsForAPerson(end)) {
      throw new Error(`Nobody can act at the end of ${route(path)}`);
    }
  }
}

/** Some public event is allowed, seen through the engine's own view of the snapshot. */
const waiting = new Map<string, boolean>();
function waitsForAPerson(snapshot: Snapshot): boolean {
  const vertex = serializeState(snapshot);
  let answer = waiting.get(vertex);
  if (answer === undefined) waiting.set(vertex, (answer = anyPublicEventAllowed(snapshot)));
  return answer;
}

function anyPublicEventAllowed(snapshot: Snapshot): boolean {
  const persisted: unknown = JSON.parse(JSON.stringify(pathwayMachineV1.getPersistedSnapshot(snapshot)));
  return viewEpisode(1, persisted).allowedEvents.some((type) => (PUBLIC_EVENT_TYPES as readonly string[]).includes(type));
}

/** The deadlines the episode starts with, from the initial transition's own effects. */
function openAtContact(input: EpisodeInput): string[] {
  return effectsOf(initialTransition(pathwayMachineV1, input)[1]).flatMap((effect) =>
    effect.type === 'startDeadline' ? [effect.key === '' ? effect.kind : `${effect.kind}:${effect.key}`] : [],
  );
}

const INPUTS: [string, EpisodeInput][] = [
  ['an ordinary contact from a referrer who wants to stay involved', episodeInput({ wantsInvolvement: true })],
  ['a contact that says the child is at immediate risk', episodeInput({ immediateRisk: true })],
];

const WALK_TIMEOUT = 60_000;

describe.each(INPUTS)('walking the chart: %s', (name, input) => {
  it(
    'reaches every state by a shortest path, each ending in a final state or where someone acts',
    () => {
      const paths = getShortestPaths(pathwayMachineV1, walkOptions(input, true));
      expect([...new Set(paths.map((path) => leafStateOf(path.state)))].sort()).toEqual(LEAF_STATES);
      checkPaths(paths, openAtContact(input));
      console.info(`${name}: ${paths.length} shortest paths`);
    },
    WALK_TIMEOUT,
  );

  it(
    'lists as allowed exactly the candidate events the chart would take, in every state reached',
    () => {
      for (const { state } of getShortestPaths(pathwayMachineV1, walkOptions(input, true))) {
        const persisted: unknown = JSON.parse(JSON.stringify(pathwayMachineV1.getPersistedSnapshot(state)));
        const taken = state.status === 'active' ? candidateEvents(episodeFacts(state.context)).filter((event) => state.can(event)) : [];
        const everyCandidateTried = taken.map((event) => event.type);
        expect(viewEpisode(1, persisted).allowedEvents.sort()).toEqual([...new Set(everyCandidateTried)].sort());
      }
    },
    WALK_TIMEOUT,
  );

  it(
    'meets or cancels every deadline it starts, on every simple path to an end',
    () => {
      const toDecision = getSimplePaths(pathwayMachineV1, { ...walkOptions(input, false), stopWhen: isDecided });
      checkPaths(toDecision, openAtContact(input));

      const decisions = new Map<string, Snapshot>();
      for (const path of toDecision) {
        if (isDecided(path.state) && path.state.status === 'active') decisions.set(serializeState(path.state), path.state);
      }
      const reached = new Set(toDecision.map((path) => leafStateOf(path.state)));
      let afterDecision = 0;
      let whole = toDecision.filter((path) => path.state.status === 'done').length;
      for (const [vertex, decided] of decisions) {
        const paths = getSimplePaths(pathwayMachineV1, { ...walkOptions(input, false), fromState: decided });
        checkPaths(paths, decided.context.openDeadlines);
        paths.forEach((path) => reached.add(leafStateOf(path.state)));
        afterDecision += paths.length;
        const prefixes = toDecision.filter((path) => serializeState(path.state) === vertex).length;
        whole += prefixes * paths.filter((path) => path.state.status === 'done').length;
      }

      expect([...reached].sort()).toEqual(LEAF_STATES);
      console.info(
        `${name}: ${toDecision.length} simple paths to the decision, ${afterDecision} from ${decisions.size} decision states; ` +
          `${whole} whole simple paths end in a final state`,
      );
    },
    WALK_TIMEOUT,
  );
});
