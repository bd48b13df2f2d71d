import type { Actor } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { isReferral, positionOf } from '@frontdoor/pathway';
import { Database, EpisodeFilters, Page, Stores } from '@frontdoor/persistence';
import { FrontDoorError } from '../errors/front-door-error';
import { episodeDetails, EpisodeDetails } from './episode-details';
import { queueItem, QueueItem } from './queue-item';

/**
 * Writes who read which children and episodes, and when (ARCHITECTURE §5), in one insert:
 * through `db.read` for a read on its own, or a transaction's stores when the read is part of a step.
 */
export function logReads(
  stores: Stores,
  actor: Actor,
  action: string,
  subjects: { subjectType: 'child' | 'episode' | 'contact'; subjectId: string }[],
  at: Date,
): Promise<void> {
  return stores.accessLog.recordMany(
    subjects.map((subject) => ({ tenant: actor.tenant, actorSub: actor.sub, actorRoles: actor.roles, action, ...subject, at })),
  );
}

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Reads of episodes, contacts and children for staff. Every read of a child's record or an
 * episode is written to the access log (who, what, when).
 */
export class EpisodeQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  private async logAccess(actor: Actor, action: string, subjectType: 'child' | 'episode' | 'contact', subjectId: string) {
    await logReads(this.db.read, actor, action, [{ subjectType, subjectId }], this.clock.now());
  }

  async episode(actor: Actor, id: string): Promise<EpisodeDetails> {
    const episode = await this.db.read.episodes.findById(actor.tenant, id);
    if (!episode) throw FrontDoorError.notFound('Episode');
    await this.logAccess(actor, 'episode.read', 'episode', id);
    const deadlines = await this.db.read.deadlines.forEpisode(actor.tenant, id);
    return episodeDetails(episode, deadlines, this.clock.now());
  }

  /** The queue: children said to be at immediate risk and not yet screened first, then the soonest due. */
  async list(actor: Actor, filters: EpisodeFilters, page: Page): Promise<Paginated<QueueItem>> {
    const now = this.clock.now();
    const [episodes, total] = await this.db.read.episodes.list(actor.tenant, filters, page, now);
    const [deadlines, children, contacts] = await Promise.all([
      this.db.read.deadlines.forEpisodes(actor.tenant, episodes.map((e) => e.id)),
      this.db.read.children.findByIds(actor.tenant, [...new Set(episodes.map((e) => e.childId))]),
      this.db.read.contacts.findByIds(actor.tenant, [...new Set(episodes.map((e) => e.contactId))]),
    ]);
    await logReads(this.db.read, actor, 'episode.list', episodes.map((e) => ({ subjectType: 'episode' as const, subjectId: e.id })), now);
    const items = episodes.map((episode) =>
      queueItem(
        episodeDetails(episode, deadlines.filter((d) => d.episodeId === episode.id), now),
        children.find((child) => child.id === episode.childId),
        contacts.find((contact) => contact.id === episode.contactId),
        now,
      ),
    );
    return { items, total, ...page };
  }

  async history(actor: Actor, id: string) {
    const episode = await this.db.read.episodes.findById(actor.tenant, id);
    if (!episode) throw FrontDoorError.notFound('Episode');
    await this.logAccess(actor, 'episode.history', 'episode', id);
    const entries = await this.db.read.history.forEpisode(actor.tenant, id);
    return {
      episodeId: id,
      total: entries.length,
      page: 1,
      pageSize: entries.length,
      items: entries.map((entry) => ({
        sequence: entry.sequence,
        type: entry.type,
        actor: { sub: entry.actorSub, name: entry.actorName, roles: entry.actorRoles },
        occurredAt: entry.occurredAt.toISOString(),
        recordedAt: entry.recordedAt.toISOString(),
        fromStage: entry.fromStage,
        toStage: entry.toStage,
        fromState: entry.fromState,
        toState: entry.toState,
        payload: entry.payload,
      })),
    };
  }

  async contact(actor: Actor, id: string) {
    const contact = await this.db.read.contacts.findById(actor.tenant, id);
    if (!contact) throw FrontDoorError.notFound('Contact');
    await this.logAccess(actor, 'contact.read', 'contact', id);
    const episodes = await this.db.read.episodes.forContact(actor.tenant, id);
    const children = await this.db.read.children.findByIds(
      actor.tenant,
      episodes.map((e) => e.childId),
    );
    const deadlines = await this.db.read.deadlines.forEpisodes(
      actor.tenant,
      episodes.map((e) => e.id),
    );
    const messages = await this.db.read.outbox.forContact(actor.tenant, id);
    const now = this.clock.now();
    await logReads(
      this.db.read,
      actor,
      'contact.read',
      [
        ...episodes.map((e) => ({ subjectType: 'episode' as const, subjectId: e.id })),
        ...children.map((c) => ({ subjectType: 'child' as const, subjectId: c.id })),
      ],
      now,
    );
    return {
      id: contact.id,
      reference: contact.reference,
      channel: contact.channel,
      receivedAt: contact.receivedAt.toISOString(),
      householdId: contact.householdId,
      referrer: contact.referrer,
      concern: contact.concern,
      consent: contact.consent,
      episodes: episodes.map((episode) => ({
        ...episodeDetails(
          episode,
          deadlines.filter((d) => d.episodeId === episode.id),
          now,
        ),
        child: children.find((c) => c.id === episode.childId) ?? null,
      })),
      messages: messages.map((message) => ({
        id: message.id,
        kind: message.kind,
        episodeId: message.episodeId,
        audience: message.recipient.audience,
        channel: message.recipient.channel,
        status: message.status,
        createdAt: message.createdAt.toISOString(),
        deliveredAt: message.deliveredAt?.toISOString() ?? null,
      })),
    };
  }

  /**
   * The child's record as the person deciding needs it (DOMAIN §2, §8): identifiers, every
   * episode, referrals in the last 12 months, earlier child protection plans, and any open
   * episode with its allocated worker.
   */
  async child(actor: Actor, id: string) {
    const child = await this.db.read.children.findById(actor.tenant, id);
    if (!child) throw FrontDoorError.notFound('Child');
    await this.logAccess(actor, 'child.read', 'child', id);
    const now = this.clock.now();
    const yearAgo = new Date(now);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const episodes = await this.db.read.episodes.forChild(actor.tenant, id);
    const contacts = await this.db.read.contacts.findByIds(actor.tenant, [...new Set(episodes.map((e) => e.contactId))]);
    const summaries = episodes.map((episode) => {
      const context = positionOf(episode.machineVersion, episode.snapshot).context;
      const contact = contacts.find((c) => c.id === episode.contactId);
      return {
        id: episode.id,
        contactId: episode.contactId,
        reference: contact?.reference ?? null,
        referralAt: episode.referralAt.toISOString(),
        stage: episode.stage,
        outcome: episode.outcome,
        open: episode.isOpen,
        rag: episode.rag,
        team: episode.team,
        workerId: episode.workerId,
        workerName: episode.workerName,
        reReferral: episode.reReferral,
        closedAt: episode.closedAt?.toISOString() ?? null,
        isReferral: isReferral(context),
        cpPlan: context.cpPlan,
      };
    });
    const open = summaries.filter((e) => e.open);
    return {
      id: child.id,
      givenName: child.givenName,
      familyName: child.familyName,
      dateOfBirth: child.dateOfBirth,
      expectedDateOfBirth: child.expectedDateOfBirth,
      sex: child.sex,
      nhsNumber: child.nhsNumber,
      upn: child.upn,
      ethnicity: child.ethnicity,
      address: child.address,
      episodes: summaries.map(({ cpPlan: _plan, ...summary }) => summary),
      referralsInLast12Months: summaries.filter((e) => e.isReferral && new Date(e.referralAt) >= yearAgo).length,
      childProtectionPlans: summaries
        .filter((e) => e.cpPlan !== null)
        .map((e) => ({ episodeId: e.id, startedAt: e.cpPlan!.startedAt, endedAt: e.cpPlan!.endedAt, category: e.cpPlan!.category })),
      openEpisodes: open.map((e) => ({ id: e.id, stage: e.stage, workerId: e.workerId, workerName: e.workerName, team: e.team })),
      allocatedWorker: open.find((e) => e.workerId)?.workerName ?? open.find((e) => e.workerId)?.workerId ?? null,
    };
  }
}
