import { Logger } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import { nextRetryDelayMs } from '@frontdoor/notifications';
import { queueConnectionOptions } from '@frontdoor/persistence';
import { DeliverMessage, FinalDeliveryFailure, FireDeadline } from '@frontdoor/engine';
import { DEADLINE_QUEUE, DeadlineJob, DELIVERY_QUEUE, DeliveryJob } from '@frontdoor/queues';

/**
 * The processors: thin — each takes a job's id and calls one use case. Delivery retries with
 * exponential backoff and full jitter; a final failure stops retrying at once.
 */
export class QueueWorkers {
  private readonly logger = new Logger('QueueWorkers');
  private readonly workers: Worker[] = [];

  constructor(
    private readonly deliver: DeliverMessage,
    private readonly fire: FireDeadline,
    private readonly redisUrl: string | null,
    private readonly prefix: string,
    private readonly concurrency = 8,
  ) {}

  start(): void {
    const connection = () => queueConnectionOptions(this.redisUrl ?? undefined, 'worker');
    const delivery = new Worker<DeliveryJob>(
      DELIVERY_QUEUE,
      async (job) => {
        const attempt = job.attemptsMade + 1;
        try {
          return await this.deliver.execute(job.data.messageId, attempt, attempt >= (job.opts.attempts ?? 1));
        } catch (error) {
          if (error instanceof FinalDeliveryFailure) throw new UnrecoverableError(error.message);
          throw error;
        }
      },
      {
        connection: connection(),
        prefix: this.prefix,
        concurrency: this.concurrency,
        // Exponential backoff with full jitter, or the receiver's Retry-After when that is longer.
        settings: { backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => nextRetryDelayMs(error, attemptsMade) },
      },
    );
    const deadlines = new Worker<DeadlineJob>(DEADLINE_QUEUE, (job) => this.fire.execute(job.data.deadlineId), {
      connection: connection(),
      prefix: this.prefix,
      concurrency: 4,
    });
    // A job the queue failed for good without our processor settling it (it stalled twice when
    // workers died mid-send) still becomes a failed message managers can see.
    delivery.on('failed', (job, error) => {
      if (!job?.finishedOn) return;
      void this.deliver.abandon(job.data.messageId, error.message).catch((e: Error) => this.logger.warn(`could not record abandoned delivery: ${e.message}`));
    });
    for (const worker of [delivery, deadlines]) {
      worker.on('error', (error) => this.logger.warn(`queue worker: ${error.message}`));
      this.workers.push(worker);
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
  }
}
