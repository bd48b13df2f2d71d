import type { Actor } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { ChildAsNamed, ContactEntity, Database, EpisodeEntity } from '@frontdoor/persistence';
import { ApplyEvent } from '../apply-event/apply-event';
import { FrontDoorError } from '../errors/front-door-error';
import { logReads, Paginated } from '../episodes/episode-queries';
import { referrerChildView } from './referrer-child-view';

/**
 * The referrer's side (DOMAIN §5): their own contacts only, and only what they need — the
 * decision in the words written for them, who to talk to if they asked to stay involved, the
 * assessment's outcome, and the messages sent to them with their delivery status. Never the
 * internal rationale, agency checks, or anything about another person.
 */
export class ReferrerView {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly applyEvent: ApplyEvent,
  ) {}

  async list(actor: Actor, page: { page: number; pageSize: number }): Promise<Paginated<unknown>> {
    const [contacts, total] = await this.db.read.contacts.listForReferrer(actor.tenant, actor.sub, page);
    const items = [];
    for (const contact of contacts) items.push(await this.view(actor, contact));
    return { items, total, ...page };
  }

  async one(actor: Actor, contactId: string) {
    return this.view(actor, await this.ownContact(actor, contactId));
  }

  /** An involved referrer adds what they know to the open assessment; it joins the episode's history. */
  async contribute(actor: Actor, contactId: string, text: string) {
    const contact = await this.ownContact(actor, contactId);
    if (!contact.referrer.wantsInvolvement) {
      throw FrontDoorError.forbidden('You did not ask to stay involved with this referral, so there is no assessment to contribute to.');
    }
    const episodes = (await this.db.read.episodes.forContact(actor.tenant, contactId)).filter(
      (episode) => episode.isOpen && episode.stage === 'assessment',
    );
    if (episodes.length === 0) {
      throw new FrontDoorError('event_not_accepted', 'There is no open assessment for this referral to contribute to.', undefined, []);
    }
    const now = this.clock.now().toISOString();
    for (const { id } of episodes) {
      // A worker's step may land at the same moment: read again and retry, and never show the
      // referrer the staff's view of a conflict.
      for (let tries = 1; ; tries += 1) {
        const episode = await this.db.read.episodes.findById(actor.tenant, id);
        if (!episode) break;
        try {
          await this.applyEvent.applyInternal(actor, episode, { type: 'CONTRIBUTE', at: now, text }, { text });
          break;
        } catch (error) {
          if (!(error instanceof FrontDoorError) || error.code !== 'version_conflict' || tries >= 5) {
            throw error instanceof FrontDoorError && error.code !== 'invalid_input'
              ? new FrontDoorError('event_not_accepted', 'Your contribution could not be added just now; please try again.', undefined, [])
              : error;
          }
        }
      }
    }
    return { contactId, reference: contact.reference, receivedAt: now, episodes: episodes.length };
  }

  private async ownContact(actor: Actor, contactId: string): Promise<ContactEntity> {
    const contact = await this.db.read.contacts.findById(actor.tenant, contactId);
    // Another referrer's contact is not revealed: 404, as if it did not exist.
    if (!contact || contact.referrerSub !== actor.sub) throw FrontDoorError.notFound('Referral');
    return contact;
  }

  private async view(actor: Actor, contact: ContactEntity) {
    const episodes = await this.db.read.episodes.forContact(contact.tenant, contact.id);
    await logReads(this.db.read, actor, 'referral.read', episodes.map((e) => ({ subjectType: 'episode' as const, subjectId: e.id })), this.clock.now());
    const messages = (await this.db.read.outbox.forContact(contact.tenant, contact.id)).filter((m) => m.recipient.audience === 'referrer');
    return {
      id: contact.id,
      reference: contact.reference,
      receivedAt: contact.receivedAt.toISOString(),
      // In the order the referrer named them.
      children: inOrderNamed(episodes, contact).map(({ episode, named }) => referrerChildView(episode, named, contact)),
      messages: messages.map((message) => ({
        id: message.id,
        kind: message.kind,
        channel: message.recipient.channel,
        status: message.status,
        createdAt: message.createdAt.toISOString(),
        deliveredAt: message.deliveredAt?.toISOString() ?? null,
      })),
    };
  }
}

function inOrderNamed(episodes: EpisodeEntity[], contact: ContactEntity): { episode: EpisodeEntity; named: ChildAsNamed | null }[] {
  const named = contact.childrenAsNamed ?? [];
  const position = (episode: EpisodeEntity) => {
    const at = named.findIndex((child) => child.episodeId === episode.id);
    return at === -1 ? named.length : at;
  };
  return [...episodes]
    .sort((a, b) => position(a) - position(b))
    .map((episode) => ({ episode, named: named.find((child) => child.episodeId === episode.id) ?? null }));
}
