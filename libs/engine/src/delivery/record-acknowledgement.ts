import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { ApplyEvent } from '../apply-event/apply-event';
import { SYSTEM_ACTOR } from '../apply-event/record-step';
import { FrontDoorError } from '../errors/front-door-error';

/**
 * The acknowledgement reached the referrer: the acknowledgement deadline of every child in the
 * contact is met (or breached) at the delivery time (Working Together: within one working
 * day). Open episodes take the step through the engine, so it is in their history; an episode
 * already ended at screening has its deadline settled directly. All the contact's episodes are
 * locked and stepped in one transaction: one commit however many children, and no person's step
 * can land between the read and the write.
 */
export class RecordAcknowledgement {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly applyEvent: ApplyEvent,
  ) {}

  async execute(tenant: string, contactId: string, deliveredAt: Date): Promise<void> {
    await this.db.transaction(async (stores) => {
      for (const episode of await stores.episodes.lockForContact(tenant, contactId)) {
        if (!episode.isOpen) {
          await stores.deadlines.complete(tenant, episode.id, { kind: 'acknowledgement', key: '' }, deliveredAt);
          continue;
        }
        const event = { type: 'ACKNOWLEDGEMENT_DELIVERED', at: this.clock.now().toISOString(), deliveredAt: deliveredAt.toISOString() } as const;
        try {
          await this.applyEvent.applyInternalWithin(stores, { ...SYSTEM_ACTOR, tenant }, episode, event);
        } catch (error) {
          // The chart no longer waits for it (e.g. already met): nothing more to do. The check is
          // the chart's own, before anything is written, so the transaction goes on unharmed.
          if (error instanceof FrontDoorError && error.code === 'event_not_accepted') continue;
          throw error;
        }
      }
    });
  }
}
