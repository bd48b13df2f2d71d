import { randomUUID } from 'node:crypto';
import type { Actor } from '@frontdoor/auth';
import { mayPublishEvent } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import {
  EpisodePosition,
  isPublicEventType,
  PUBLIC_EVENT_TYPES,
  PathwayEvent,
  positionOf,
  stepEpisode,
  validateEvent,
  viewEpisode,
} from '@frontdoor/pathway';
import { Database, EpisodeEntity, EpisodeSetByDatabase, EpisodeStepColumns, Stores } from '@frontdoor/persistence';
import { episodeDetails, EpisodeDetails } from '../episodes/episode-details';
import { FrontDoorError } from '../errors/front-door-error';
import { episodeColumns, historyEntry, recordEffects, SYSTEM_ACTOR } from './record-step';

/** An event the chart takes from the episode's current snapshot, and where the episode was before it. */
interface AcceptedStep {
  before: EpisodePosition;
  step: Extract<ReturnType<typeof stepEpisode>, { accepted: true }>;
}

/** The public events an episode (as stored) takes now: what a refusal tells the client it may send. */
function publicEventsAllowed(episode: Pick<EpisodeEntity, 'machineVersion' | 'snapshot'>): string[] {
  return viewEpisode(episode.machineVersion, episode.snapshot).allowedEvents.filter((allowed) => isPublicEventType(allowed));
}

/** One step to take: an event on the episode as it was read, and what else goes with it. */
interface StepRequest<T> {
  actor: Actor;
  episode: EpisodeEntity;
  event: PathwayEvent;
  now: Date;
  answer: StepAnswer<T>;
  /** From If-Match: refuse the step unless the episode is still at this version. */
  expectedVersion?: number;
  /** Where the episode was, when the caller has already worked it out. */
  before?: EpisodePosition;
  /** Fields kept in history beside the event (e.g. a contribution's text). */
  historyPayload?: Record<string, unknown>;
  /** Writes of the caller's in the step's transaction; never deadlines (see `applyInternal`). */
  extraWrites?: (stores: Stores) => Promise<void>;
}

/** What a step returns, read inside its transaction once everything is written. */
type StepAnswer<T> = (stores: Stores, written: WrittenStep, now: Date) => Promise<T>;

/** What a step wrote, for its answer to finish with. */
interface WrittenStep {
  /** The episode as the step read it. */
  before: EpisodeEntity;
  columns: EpisodeStepColumns;
  /** What PostgreSQL set on the row as the step advanced it. */
  advanced: EpisodeSetByDatabase;
  /** A deadline that orders the queue started or ended: `next_due_at` must be worked out again. */
  queueOrderChanged: boolean;
}

/** The episode as it now stands, without reading it back: what the step set, and what PostgreSQL did. */
function episodeAfter(written: WrittenStep, setByDatabase: EpisodeSetByDatabase): EpisodeEntity {
  return Object.assign(new EpisodeEntity(), written.before, written.columns, setByDatabase);
}

/** A step's write found the episode changed, by Front Door alone, since it was read: take it again. */
class ChangedByFrontDoor extends Error {
  constructor(readonly conflict: FrontDoorError) {
    super(conflict.message);
  }
}

/** PostgreSQL's SQLSTATE for a transaction rolled back to break a deadlock. */
const DEADLOCK_DETECTED = '40P01';

/** How often a step is taken in all (see `run`). */
const STEP_ATTEMPTS = 3;

/** The answer of a step taken for Front Door's own use: the episode as it now stands. */
const theEpisode: StepAnswer<EpisodeEntity> = async (stores, written) => {
  const { tenant, id } = written.before;
  return episodeAfter(written, written.queueOrderChanged ? await stores.episodes.refreshNextDue(tenant, id) : written.advanced);
};

export interface ApplyEventCommand {
  actor: Actor;
  episodeId: string;
  /** The request body as the client sent it: `{ type, …fields }`. */
  body: unknown;
  /** From `If-Match`: refuse the step if the episode has changed since the client read it. */
  expectedVersion?: number;
}

/**
 * The one way a person changes an episode (ARCHITECTURE §3): load, check the actor may send
 * this event, validate it, run the pure transition, and write the new snapshot, history,
 * deadlines and messages in one transaction guarded by the episode's version.
 */
export class ApplyEvent {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  execute(command: ApplyEventCommand): Promise<EpisodeEntity> {
    return this.run(command, theEpisode);
  }

  /**
   * The step as a person's request answers it: the episode as it now is, shown to the actor who
   * took the step. That read goes in the access log in the step's own transaction, so the step
   * and its answer cost one commit; the episode is not read again, and its deadlines, the queue
   * order and the access log take one statement.
   */
  executeAndShow(command: ApplyEventCommand): Promise<EpisodeDetails> {
    return this.run(command, async (stores, written, now) => {
      const { actor } = command;
      const reader = { actorSub: actor.sub, actorRoles: actor.roles, action: 'episode.read', at: now };
      const shown = await stores.episodes.refreshAndShow(actor.tenant, written.before.id, reader);
      return episodeDetails(episodeAfter(written, shown.setByDatabase), shown.deadlines, now);
    });
  }

  /**
   * A step is taken again, from a fresh read, when nothing was written and nobody else's choice
   * is at stake: PostgreSQL undid it to break a deadlock, or (sent without If-Match) only Front
   * Door itself changed the episode meanwhile, e.g. recording an acknowledgement's delivery.
   * Another person's change in between is always a 409, so neither silently overrides the other.
   */
  private async run<T>(command: ApplyEventCommand, answer: StepAnswer<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.executeOnce(command, answer);
      } catch (error) {
        const again = (error as { code?: string }).code === DEADLOCK_DETECTED || error instanceof ChangedByFrontDoor;
        if (again && attempt < STEP_ATTEMPTS) continue;
        throw error instanceof ChangedByFrontDoor ? error.conflict : error;
      }
    }
  }

  /** Whether every change to the episode since `version` was Front Door's own (no person's). */
  private async changedOnlyByFrontDoor(episode: EpisodeEntity): Promise<boolean> {
    const since = (await this.db.read.history.forEpisode(episode.tenant, episode.id)).filter((entry) => entry.sequence > episode.version);
    return since.length > 0 && since.every((entry) => entry.actorSub === SYSTEM_ACTOR.sub);
  }

  private async executeOnce<T>({ actor, episodeId, body, expectedVersion }: ApplyEventCommand, answer: StepAnswer<T>): Promise<T> {
    const episode = await this.db.read.episodes.findById(actor.tenant, episodeId);
    if (!episode) throw FrontDoorError.notFound('Episode');

    const type = (body as { type?: unknown } | null)?.type;
    if (!isPublicEventType(type)) {
      throw FrontDoorError.invalid([{ field: 'type', message: `must be one of: ${PUBLIC_EVENT_TYPES.join(', ')}` }]);
    }
    if (!mayPublishEvent(actor, type)) {
      throw FrontDoorError.forbidden(`Your role may not send ${type}.`);
    }

    const now = this.clock.now();
    const before = positionOf(episode.machineVersion, episode.snapshot);
    const validation = validateEvent(body, before.context, now);
    if (!validation.ok) throw FrontDoorError.invalid(validation.errors);

    await this.checkScreening(episode, validation.event);
    const event = { ...validation.event, at: now.toISOString() } as PathwayEvent;
    if (event.type === 'REQUEST_AGENCY_CHECK') event.checkId = randomUUID();
    try {
      return await this.commit({ actor, episode, event, now, answer, expectedVersion, before });
    } catch (error) {
      const conflict = error instanceof FrontDoorError && error.code === 'version_conflict';
      if (conflict && expectedVersion === undefined && (await this.changedOnlyByFrontDoor(episode))) throw new ChangedByFrontDoor(error);
      throw error;
    }
  }

  /**
   * Screening can only forward to a case that is really open with a worker, and only merge into
   * a real, different contact of the same authority: otherwise the worry would go to nobody.
   */
  private async checkScreening(episode: EpisodeEntity, event: { type: string; outcome?: string; duplicateOfContactId?: string }) {
    if (event.type !== 'SCREEN') return;
    if (event.outcome === 'open_case') {
      const openCase = episode.openCaseEpisodeId ? await this.db.read.episodes.findById(episode.tenant, episode.openCaseEpisodeId) : null;
      if (!openCase?.isOpen || !openCase.workerId) {
        throw FrontDoorError.invalid([
          { field: 'outcome', message: 'open_case needs an open episode of this child with an allocated worker; there is none' },
        ]);
      }
    }
    if (event.outcome === 'duplicate' && event.duplicateOfContactId) {
      const earlier = await this.db.read.contacts.findById(episode.tenant, event.duplicateOfContactId);
      if (!earlier || earlier.id === episode.contactId) {
        throw FrontDoorError.invalid([{ field: 'duplicateOfContactId', message: 'must be another contact received by this front door' }]);
      }
    }
  }

  /**
   * Applies an event Front Door itself raises (an agency's answer, a referrer's contribution,
   * a delivery receipt) through the same transaction as a person's step. `extraWrites` runs in
   * that transaction; it must not change deadlines, which only the chart's effects do (the
   * queue order is worked out again from those effects alone).
   */
  async applyInternal(
    actor: Actor,
    episode: EpisodeEntity,
    event: PathwayEvent,
    historyPayload?: Record<string, unknown>,
    extraWrites?: (stores: Stores) => Promise<void>,
  ): Promise<EpisodeEntity> {
    return this.commit({ actor, episode, event, now: this.clock.now(), answer: theEpisode, historyPayload, extraWrites });
  }

  /**
   * The same, inside a transaction the caller already holds (several episodes stepped at once).
   * The caller should hold the episode's row lock, or be ready for a version conflict.
   */
  applyInternalWithin(stores: Stores, actor: Actor, episode: EpisodeEntity, event: PathwayEvent): Promise<EpisodeEntity> {
    const request = { actor, episode, event, now: this.clock.now(), answer: theEpisode };
    return this.writeStep(stores, request, this.accepted(request));
  }

  private async commit<T>(request: StepRequest<T>): Promise<T> {
    const accepted = this.accepted(request);
    return this.db.transaction((stores) => this.writeStep(stores, request, accepted));
  }

  /** The pure part: the client's version still current, and the chart taking the event. */
  private accepted({ episode, event, expectedVersion, before: known }: StepRequest<unknown>): AcceptedStep {
    const before = known ?? positionOf(episode.machineVersion, episode.snapshot);
    if (expectedVersion !== undefined && expectedVersion !== episode.version) {
      throw new FrontDoorError(
        'version_conflict',
        `The episode has changed since you read it (you had version ${expectedVersion}; it is now ${episode.version}). Reload and try again.`,
        undefined,
        publicEventsAllowed(episode),
      );
    }
    const step = stepEpisode(episode.machineVersion, episode.snapshot, event);
    if (!step.accepted) {
      throw new FrontDoorError(
        'event_not_accepted',
        `${event.type} is not accepted while the episode is at ${before.stage}.`,
        undefined,
        step.allowedEvents.filter((allowed) => isPublicEventType(allowed)),
      );
    }
    return { before, step };
  }

  /** Everything the step writes, in the caller's transaction, guarded by the episode's version. */
  private async writeStep<T>(stores: Stores, request: StepRequest<T>, { before, step }: AcceptedStep): Promise<T> {
    const { actor, episode, event, now, answer, historyPayload, extraWrites } = request;
    const columns = { ...episodeColumns(step), snapshot: step.snapshot };
    const entry = historyEntry({ actor, event, historyPayload, fromView: before, toView: step, now });
    const advanced = await stores.episodes.advance(episode.tenant, episode.id, episode.version, columns, entry);
    if (!advanced) {
      const current = await stores.episodes.findById(episode.tenant, episode.id);
      throw new FrontDoorError(
        'version_conflict',
        'Someone else changed this episode at the same moment; nothing was changed. Reload and try again.',
        undefined,
        current ? publicEventsAllowed(current) : [],
      );
    }
    // The contact is read only when the step sends a message (most steps do not).
    const sendsMessages = step.effects.some((effect) => effect.type === 'sendMessage');
    const contact = sendsMessages ? await stores.contacts.findById(episode.tenant, episode.contactId) : null;
    const openCase =
      event.type === 'SCREEN' && event.outcome === 'open_case' && episode.openCaseEpisodeId
        ? await stores.episodes.findById(episode.tenant, episode.openCaseEpisodeId)
        : null;
    const queueOrderChanged = await recordEffects({
      stores,
      actor,
      episode,
      contact,
      event,
      historyPayload,
      fromView: before,
      toView: step,
      effects: step.effects,
      now,
      openCase,
    });
    if (event.type === 'REQUEST_AGENCY_CHECK') {
      const deadline = step.effects.find(
        (effect) => effect.type === 'startDeadline' && effect.kind === 'agency_check' && effect.key === event.checkId,
      );
      await stores.agencyChecks.insert({
        id: event.checkId,
        tenant: episode.tenant,
        episodeId: episode.id,
        agency: event.agency,
        question: event.question,
        requestedBy: actor.sub,
        requestedAt: now,
        dueAt: new Date(deadline && deadline.type === 'startDeadline' ? deadline.dueAt : now),
        status: 'requested',
        summary: null,
        declinedReason: null,
        respondedBy: null,
        respondedAt: null,
        withdrawnAt: null,
      });
    }
    const withdrawn = step.effects.flatMap((effect) =>
      effect.type === 'cancelDeadline' && effect.kind === 'agency_check' ? [effect.key] : [],
    );
    await stores.agencyChecks.withdraw(episode.tenant, withdrawn, now);
    // An assessment or an amendment that records the child's disabilities keeps the child's
    // record current; the step's history holds what was recorded, by whom and when.
    if ((event.type === 'COMPLETE_ASSESSMENT' || event.type === 'AMEND_RECORD') && event.disabilities) {
      await stores.children.update(episode.tenant, episode.childId, { disabilities: event.disabilities });
    }
    await extraWrites?.(stores);
    return answer(stores, { before: episode, columns, advanced, queueOrderChanged }, now);
  }
}
