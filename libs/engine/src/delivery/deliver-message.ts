import { Clock } from '@frontdoor/config';
import { ChannelRegistry, DeliveryReceipt, isPermanent, renderMessage } from '@frontdoor/notifications';
import { AttemptSettlement, Database, MessageAttemptEntity, OutboxMessageEntity } from '@frontdoor/persistence';
import { RecordAcknowledgement } from './record-acknowledgement';

export type DeliveryResult = 'delivered' | 'accepted' | 'already_done' | 'missing';

/** A failure after which the message will not be tried again; the job must not retry. */
export class FinalDeliveryFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FinalDeliveryFailure';
  }
}

/**
 * Sends one message: load it, render its template, send it through its channel, and record the
 * attempt. A transient failure is thrown for the queue to retry with backoff; a permanent one,
 * or the last attempt, marks the message failed — an exception managers see, never a silence.
 */
export class DeliverMessage {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly channels: ChannelRegistry,
    private readonly acknowledgements: RecordAcknowledgement,
  ) {}

  async execute(messageId: string, attempt: number, isLastAttempt: boolean): Promise<DeliveryResult> {
    const message = await this.db.read.messageDelivery.findMessage(messageId);
    if (!message) return 'missing';
    if (message.status === 'delivered') {
      // Delivered before a crash cut the follow-up short: finish it (it is idempotent).
      await this.afterDelivery(message, message.deliveredAt ?? this.clock.now());
      return 'already_done';
    }
    if (message.status === 'failed' || message.status === 'sent') return 'already_done';

    const startedAt = this.clock.now();
    let channelName = message.recipient.channel as string;
    let receipt: DeliveryReceipt;
    let sentAt: Date;
    try {
      const rendered = renderMessage(message.kind, message.content, { now: startedAt, recipientName: message.recipient.name });
      const channel = this.channels.for(message.recipient);
      channelName = channel.name;
      receipt = await channel.send({
        id: message.id,
        tenant: message.tenant,
        kind: message.kind,
        idempotencyKey: message.idempotencyKey,
        recipient: message.recipient,
        ...rendered,
      });
      const finishedAt = (sentAt = this.clock.now());
      const tried = { attempt, channel: channelName, startedAt, finishedAt, outcome: receipt.status, error: null, providerReference: receipt.providerReference };
      await this.recordAttempt(message, tried, receipt.status === 'delivered' ? { status: 'delivered', at: finishedAt } : { status: 'sent' });
    } catch (error) {
      const permanent = isPermanent(error);
      const reason = (error as Error).message ?? String(error);
      const finishedAt = this.clock.now();
      const outcome = permanent ? 'permanent_failure' : 'transient_failure';
      const tried = { attempt, channel: channelName, startedAt, finishedAt, outcome, error: reason, providerReference: null } as const;
      await this.recordAttempt(message, tried, permanent || isLastAttempt ? { status: 'failed', at: finishedAt, error: reason } : null);
      if (permanent || isLastAttempt) throw new FinalDeliveryFailure(reason);
      throw error;
    }
    // Outside the send's try: the message was delivered, whatever happens next. Should the
    // follow-up fail, the job's retry finds it delivered and finishes only the follow-up.
    if (receipt.status === 'delivered') await this.afterDelivery(message, sentAt);
    return receipt.status;
  }

  /**
   * The queue gave up on a message without this use case having settled it (for example the
   * worker died while sending it, twice): it must not stay `queued` in silence.
   */
  async abandon(messageId: string, reason: string): Promise<void> {
    const message = await this.db.read.messageDelivery.findMessage(messageId);
    if (!message || (message.status !== 'pending' && message.status !== 'queued')) return;
    const at = this.clock.now();
    const tried = {
      attempt: message.attempts + 1,
      channel: message.recipient.channel,
      startedAt: at,
      finishedAt: at,
      outcome: 'permanent_failure',
      error: reason,
      providerReference: null,
    } as const;
    await this.recordAttempt(message, tried, { status: 'failed', at, error: `Delivery was abandoned: ${reason}` });
  }

  /** Every attempt is kept, with what it did to the message, at once (errors cut to 2,000 characters). */
  private recordAttempt(
    message: OutboxMessageEntity,
    tried: Pick<MessageAttemptEntity, 'attempt' | 'channel' | 'startedAt' | 'finishedAt' | 'outcome' | 'error' | 'providerReference'>,
    settlement: AttemptSettlement | null,
  ): Promise<void> {
    const cut = (text: string) => text.slice(0, 2000);
    return this.db.read.messageDelivery.recordAttempt(
      { tenant: message.tenant, messageId: message.id, ...tried, error: tried.error === null ? null : cut(tried.error) },
      settlement?.status === 'failed' ? { ...settlement, error: cut(settlement.error) } : settlement,
    );
  }

  private async afterDelivery(message: OutboxMessageEntity, deliveredAt: Date): Promise<void> {
    if (message.kind === 'acknowledgement') await this.acknowledgements.execute(message.tenant, message.contactId, deliveredAt);
  }
}
