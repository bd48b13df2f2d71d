import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { MAX_DELIVERY_ATTEMPTS } from '@frontdoor/notifications';
import { DeadlineJob, DeliveryJob, FrontDoorQueues, JOB_RETENTION } from '@frontdoor/queues';

const BATCH = 200;
/** A queued message not delivered after this long is queued again, in case Redis lost its job. */
const REQUEUE_AFTER_MS = 15 * 60_000;

/**
 * Moves work that a committed step left in PostgreSQL onto the queues: pending messages become
 * delivery jobs, and open deadlines without a timer get a delayed job that fires at the due
 * time. Rows are locked with SKIP LOCKED so several workers can relay at once, and a job's id
 * is the row's id, so relaying a row twice is harmless. If the queue is unreachable the rows
 * stay as they are and the next pass tries again: nothing is lost.
 */
export class OutboxRelay {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly queues: FrontDoorQueues,
  ) {}

  /** One pass. Returns how many messages and timers it moved. */
  async relay(): Promise<{ messages: number; timers: number }> {
    const messages = await this.relayMessages();
    const timers = await this.scheduleTimers();
    return { messages, timers };
  }

  private relayMessages(): Promise<number> {
    return this.db.transaction(async (stores) => {
      const ids = await stores.messageDelivery.lockPending(BATCH, new Date(this.clock.now().getTime() - REQUEUE_AFTER_MS));
      if (ids.length === 0) return 0;
      await this.queues.delivery.addBulk(
        ids.map((messageId) => ({
          name: 'deliver',
          data: { messageId } satisfies DeliveryJob,
          opts: { jobId: messageId, attempts: MAX_DELIVERY_ATTEMPTS, backoff: { type: 'custom' }, ...JOB_RETENTION },
        })),
      );
      await stores.messageDelivery.markQueued(ids, this.clock.now());
      return ids.length;
    });
  }

  private scheduleTimers(): Promise<number> {
    return this.db.transaction(async (stores) => {
      const deadlines = await stores.deadlineTimers.lockUnscheduledDeadlines(BATCH);
      if (deadlines.length === 0) return 0;
      const now = this.clock.now().getTime();
      await this.queues.deadlines.addBulk(
        deadlines.map(({ id, dueAt }) => ({
          name: 'fire',
          data: { deadlineId: id } satisfies DeadlineJob,
          // A moment after the due time, so the re-check in PostgreSQL sees it past due.
          opts: { jobId: `deadline-${id}`, delay: Math.max(0, dueAt.getTime() - now + 1000), attempts: 5, backoff: { type: 'exponential', delay: 5000 }, ...JOB_RETENTION },
        })),
      );
      await stores.deadlineTimers.markTimersScheduled(
        deadlines.map((d) => d.id),
        this.clock.now(),
      );
      return deadlines.length;
    });
  }
}
