import type { Actor } from '@frontdoor/auth';
import { DEMO_MAILBOX, renderMessage } from '@frontdoor/notifications';
import { Database } from '@frontdoor/persistence';
import type { Paginated } from '../episodes/episode-queries';

/** A manager's view of messages: a failed one is an exception to act on, never a silence. */
export class MessageQueries {
  constructor(private readonly db: Database) {}

  async list(actor: Actor, filters: { status?: string; kind?: string }, page: { page: number; pageSize: number }): Promise<Paginated<unknown>> {
    const [messages, total] = await this.db.read.outbox.listForTenant(actor.tenant, filters, page);
    const attempts = await this.db.read.outbox.attemptsOf(messages.map((m) => m.id));
    return {
      items: messages.map((message) => ({
        id: message.id,
        kind: message.kind,
        contactId: message.contactId,
        episodeId: message.episodeId,
        audience: message.recipient.audience,
        channel: message.recipient.channel,
        status: message.status,
        createdAt: message.createdAt.toISOString(),
        queuedAt: message.queuedAt?.toISOString() ?? null,
        deliveredAt: message.deliveredAt?.toISOString() ?? null,
        failedAt: message.failedAt?.toISOString() ?? null,
        lastError: message.lastError,
        attempts: attempts
          .filter((a) => a.messageId === message.id)
          .map((a) => ({
            attempt: a.attempt,
            channel: a.channel,
            outcome: a.outcome,
            startedAt: a.startedAt.toISOString(),
            finishedAt: a.finishedAt.toISOString(),
            error: a.error,
          })),
      })),
      total,
      ...page,
    };
  }

  /** The embedded demo's mailbox: every email Front Door would have sent, as its recipient would read it. */
  async demoMailbox(actor: Actor, page: { page: number; pageSize: number }): Promise<Paginated<unknown>> {
    const [messages, total] = await this.db.read.outbox.deliveredThrough(actor.tenant, DEMO_MAILBOX, page);
    return {
      items: messages.map((message) => {
        const rendered = renderMessage(message.kind, message.content, { now: message.createdAt, recipientName: message.recipient.name });
        return {
          id: message.id,
          kind: message.kind,
          to: { name: message.recipient.name, address: message.recipient.address },
          deliveredAt: message.deliveredAt?.toISOString() ?? null,
          subject: rendered.subject,
          body: rendered.body,
        };
      }),
      total,
      ...page,
    };
  }

  /** What Front Door has told this member of staff: forwarded contacts, and (managers) breached deadlines. */
  async inbox(actor: Actor, page: { page: number; pageSize: number }): Promise<Paginated<unknown>> {
    const [messages, total] = await this.db.read.outbox.staffInbox(actor.tenant, actor.sub, actor.roles.includes('manager'), page);
    return {
      items: messages.map((message) => {
        const rendered = renderMessage(message.kind, message.content, { now: message.createdAt, recipientName: actor.name });
        return {
          id: message.id,
          kind: message.kind,
          contactId: message.contactId,
          episodeId: message.episodeId,
          createdAt: message.createdAt.toISOString(),
          subject: rendered.subject,
          body: rendered.body,
        };
      }),
      total,
      ...page,
    };
  }
}
