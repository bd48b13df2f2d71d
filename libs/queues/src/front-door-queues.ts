import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Environment } from '@frontdoor/config';
import { EmbeddedQueueBackend, queueConnectionOptions, useEmbeddedQueueBackend } from '@frontdoor/persistence';

export const DELIVERY_QUEUE = 'front-door-delivery';
export const DEADLINE_QUEUE = 'front-door-deadlines';

/** Jobs carry ids only; PostgreSQL holds the state (ARCHITECTURE §4). */
export interface DeliveryJob {
  messageId: string;
}
export interface DeadlineJob {
  deadlineId: string;
}

/** Finished jobs are kept briefly; failed ones for a month, for whoever investigates. */
export const JOB_RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/**
 * The queues of Front Door, as producers. On Redis when REDIS_URL is set; otherwise on
 * BullMQ's PostgreSQL backend over an embedded PGlite (ARCHITECTURE §9).
 */
export class FrontDoorQueues {
  private constructor(
    readonly delivery: Queue<DeliveryJob>,
    readonly deadlines: Queue<DeadlineJob>,
    private readonly embedded: EmbeddedQueueBackend | null,
  ) {}

  static async open(env: Pick<Environment, 'redisUrl' | 'dataDir' | 'queuePrefix'>): Promise<FrontDoorQueues> {
    const embedded = env.redisUrl ? null : await useEmbeddedQueueBackend({ dataDir: env.dataDir });
    const connection = () => queueConnectionOptions(env.redisUrl ?? undefined, 'producer');
    const queues = new FrontDoorQueues(
      new Queue<DeliveryJob>(DELIVERY_QUEUE, { connection: connection(), prefix: env.queuePrefix }),
      new Queue<DeadlineJob>(DEADLINE_QUEUE, { connection: connection(), prefix: env.queuePrefix }),
      embedded,
    );
    // Redis being down is a state to ride out, not a crash: the outbox keeps the work, and the
    // relay's next pass queues it once Redis is back.
    const logger = new Logger('Queues');
    for (const queue of queues.all) queue.on('error', (error) => logger.warn(`${queue.name}: ${error.message}`));
    return queues;
  }

  get all(): Queue[] {
    return [this.delivery, this.deadlines];
  }

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  /** Close workers first (the caller's job), then these queues, then the embedded backend. */
  async close(): Promise<void> {
    await Promise.allSettled(this.all.map((queue) => queue.close()));
    await this.embedded?.close();
  }
}
