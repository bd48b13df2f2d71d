import { getNextTransitions, initialTransition, transition } from 'xstate';
import type { EpisodeContext, EpisodeInput } from '../context';
import type { PathwayEffect } from '../effects';
import { BESIDE_THE_CHART, type PathwayEvent, type PathwayEventType } from '../events';
import type { Stage } from '../stages';
import { candidateEvents } from './candidate-events';
import { effectsOf } from './effects-of-actions';
import { type PathwayContext, episodeFacts } from './pathway-context';
import type { PathwayMachine } from './pathway.machine';
import { CURRENT_PATHWAY_VERSION, PATHWAY_MACHINES } from './pathway-versions';

/**
 * The pure API the engine drives the pathway with. Nothing here runs an actor, reads a clock or
 * does I/O, and no XState type leaks out: snapshots go out and come back as plain JSON.
 */

export { CURRENT_PATHWAY_VERSION, PATHWAY_MACHINE_ID } from './pathway-versions';

/** Where an episode is on the pathway, and what is known of it. */
export interface EpisodePosition {
  stage: Stage;
  /** XState state value, e.g. `'screening'` or `{ triage: 'gatheringInformation' }`. */
  state: unknown;
  context: EpisodeContext;
  final: boolean;
}

/**
 * Its position and what may happen next. Working out the allowed events asks the chart about
 * every candidate event, so it is done only where someone is shown them (`viewEpisode`).
 */
export interface EpisodeView extends EpisodePosition {
  /** Every event type with an enabled transition now, public and internal; the engine filters. */
  allowedEvents: PathwayEventType[];
}

export type StepOutcome =
  | ({ accepted: true; snapshot: unknown; effects: PathwayEffect[] } & EpisodePosition)
  | { accepted: false; allowedEvents: PathwayEventType[] };

type Snapshot = ReturnType<PathwayMachine['resolveState']>;

export function startEpisode(input: EpisodeInput): { snapshot: unknown; effects: PathwayEffect[] } & EpisodePosition {
  const machine = machineFor(CURRENT_PATHWAY_VERSION);
  const [snapshot, actions] = initialTransition(machine, input);
  failOnError(snapshot);
  return { snapshot: persist(machine, snapshot), effects: effectsOf(actions), ...positionIn(snapshot) };
}

/**
 * Applies one event. Not accepted (no enabled transition) leaves the episode as it was. An event
 * taken beside the chart (BESIDE_THE_CHART: an amendment of the record) is accepted in every
 * state, open or closed, and changes nothing in it: the engine appends it to history and moves
 * the version on, as for every step.
 */
export function stepEpisode(machineVersion: number, persisted: unknown, event: PathwayEvent): StepOutcome {
  const machine = machineFor(machineVersion);
  const current = restore(machine, machineVersion, persisted);
  if (isBesideTheChart(event.type)) return { accepted: true, snapshot: persisted, effects: [], ...positionIn(current) };
  if (!current.can(event)) return { accepted: false, allowedEvents: allowedEventsOf(current) };
  const [next, actions] = transition(machine, current, event);
  failOnError(next);
  return { accepted: true, snapshot: persist(machine, next), effects: effectsOf(actions), ...positionIn(next) };
}

export function positionOf(machineVersion: number, persisted: unknown): EpisodePosition {
  return positionIn(restore(machineFor(machineVersion), machineVersion, persisted));
}

export function viewEpisode(machineVersion: number, persisted: unknown): EpisodeView {
  const snapshot = restore(machineFor(machineVersion), machineVersion, persisted);
  return { ...positionIn(snapshot), allowedEvents: allowedEventsOf(snapshot) };
}

function machineFor(version: number): PathwayMachine {
  const machine = PATHWAY_MACHINES[version];
  if (!machine) {
    const known = Object.keys(PATHWAY_MACHINES).join(', ');
    throw new Error(`Unknown pathway machine version ${String(version)} (known versions: ${known}).`);
  }
  return machine;
}

/** A chart that throws (a bad time in an internal event, say) must not be saved as a step. */
function failOnError(snapshot: Snapshot): void {
  if (snapshot.status !== 'error') return;
  throw snapshot.error instanceof Error ? snapshot.error : new Error(`The pathway failed: ${String(snapshot.error)}`);
}

function persist(machine: PathwayMachine, snapshot: Snapshot): unknown {
  // A deep copy through JSON, so what the engine stores is exactly what it will load.
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot)));
}

function restore(machine: PathwayMachine, version: number, persisted: unknown): Snapshot {
  if (typeof persisted !== 'object' || persisted === null || !('value' in persisted) || !('context' in persisted)) {
    throw new Error(`Not a persisted snapshot of pathway version ${version}: it has no state value and context.`);
  }
  const { value, context } = persisted as { value: unknown; context: unknown };
  if (typeof context !== 'object' || context === null) {
    throw new Error(`Not a persisted snapshot of pathway version ${version}: its context is not an object.`);
  }
  try {
    return machine.resolveState({ value: value as Snapshot['value'], context: context as PathwayContext });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot load a snapshot of pathway version ${version}: ${reason}`, { cause: error });
  }
}

function positionIn(snapshot: Snapshot): EpisodePosition {
  return {
    stage: stageOf(snapshot),
    state: snapshot.value,
    context: episodeFacts(snapshot.context),
    final: snapshot.status === 'done',
  };
}

/** The coarse stage of docs/api.md, from where the chart is. */
function stageOf(snapshot: Snapshot): Stage {
  if (snapshot.matches({ triage: 'awaitingSignOff' })) return 'awaiting_sign_off';
  if (snapshot.matches('triage')) return 'triage';
  if (snapshot.matches('screening')) return 'screening';
  if (snapshot.matches('familyHelp')) return 'family_help';
  if (snapshot.matches('assessment')) return 'assessment';
  if (snapshot.matches('childInNeed')) return 'child_in_need';
  if (snapshot.matches('strategyDiscussion')) return 'strategy_discussion';
  if (snapshot.matches('s47Enquiry')) return 's47_enquiry';
  if (snapshot.matches('awaitingIcpc')) return 'icpc';
  if (snapshot.matches('cpPlan')) return 'cp_plan';
  // forwarded, redirected, merged, closed
  return 'closed';
}

/**
 * Event types with a transition enabled now. Guards may look at an event's payload, so each
 * type is tried with one candidate event per branch (candidate-events.ts); only types that some
 * state the episode is in has a transition for are tried at all.
 */
function allowedEventsOf(snapshot: Snapshot): PathwayEventType[] {
  if (snapshot.status !== 'active') return [];
  const handled = new Set(getNextTransitions(snapshot).map((transition) => transition.eventType));
  const allowed = new Set<PathwayEventType>();
  for (const event of candidateEvents(snapshot.context)) {
    if (allowed.has(event.type) || !(handled.has(event.type) || handled.has('*'))) continue;
    if (snapshot.can(event)) allowed.add(event.type);
  }
  return [...allowed];
}

function isBesideTheChart(type: PathwayEventType): boolean {
  return (BESIDE_THE_CHART as readonly string[]).includes(type);
}
