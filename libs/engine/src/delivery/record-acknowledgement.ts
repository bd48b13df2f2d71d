import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { ApplyEvent } from '../apply-event/apply-event';
import { SYSTEM_ACTOR } from '../apply-event/record-step';
import { FrontDoorError } from '../errors/front-door-error';

/**
 * The acknowledgement reached the referrer: the acknowledgement deadline of every child in the
 * contact is met (or breached) at the delivery time (Working Together: within one working
 * day). Open episodes take the step through the engine, so it is in their history; an episode
 * already ended at screening has its deadline settled directly.
 */
export class RecordAcknowledgement {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly applyEvent: ApplyEvent,
  ) {}

  async execute(tenant: string, contactId: string, deliveredAt: Date): Promise<void> {
    const episodes = await this.db.read.episodes.forContact(tenant, contactId);
    for (const { id } of episodes) {
      for (let tries = 1; ; tries += 1) {
        const episode = await this.db.read.episodes.findById(tenant, id);
        if (!episode) break;
        try {
          if (episode.isOpen) {
            await this.applyEvent.applyInternal({ ...SYSTEM_ACTOR, tenant }, episode, {
              type: 'ACKNOWLEDGEMENT_DELIVERED',
              at: this.clock.now().toISOString(),
              deliveredAt: deliveredAt.toISOString(),
            });
          } else {
            await this.db.transaction(async (stores) => {
              await stores.deadlines.complete(tenant, id, { kind: 'acknowledgement', key: '' }, deliveredAt);
            });
          }
          break;
        } catch (error) {
          // Someone moved the episode on at the same moment: read it again and retry (the job
          // retries the whole delivery follow-up if the episode stays that busy).
          if (error instanceof FrontDoorError && error.code === 'version_conflict' && tries < 5) continue;
          // The chart no longer waits for it (e.g. already met): nothing more to do.
          if (error instanceof FrontDoorError && error.code === 'event_not_accepted') break;
          throw error;
        }
      }
    }
  }
}
