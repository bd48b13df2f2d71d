import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { RecordAcknowledgement } from './record-acknowledgement';

/**
 * A provider that accepted a message (GOV.UK Notify) reports what became of it: delivered, or
 * failed for good — which makes the message an exception managers see.
 */
export class SettleProviderReceipt {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly acknowledgements: RecordAcknowledgement,
  ) {}

  async execute(idempotencyKey: string, outcome: 'delivered' | 'failed', reason: string | null, at: string | null = null): Promise<boolean> {
    const message = await this.db.read.messageDelivery.findByIdempotencyKey(idempotencyKey);
    if (!message) return false;
    // Judged on when the provider says it happened, not when its callback reached us.
    const reported = at ? new Date(at) : null;
    const when = reported && !Number.isNaN(reported.getTime()) && reported <= this.clock.now() ? reported : this.clock.now();
    if (outcome === 'delivered') {
      await this.db.read.messageDelivery.markDelivered(message.id, when, null);
      if (message.kind === 'acknowledgement') await this.acknowledgements.execute(message.tenant, message.contactId, when);
    } else {
      await this.db.read.messageDelivery.markFailed(message.id, when, reason ?? 'the provider could not deliver it');
    }
    return true;
  }
}
