import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { FireDeadline } from './fire-deadline';
import { SweepDueDeadlines } from './sweep-due-deadlines';

@Injectable()
class DeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineSweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly sweep: SweepDueDeadlines,
    private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        const { breached, failed } = await this.sweep.execute();
        if (breached > 0) this.logger.log(`recorded ${breached} breached deadline(s)`);
        for (const { deadlineId, reason } of failed) this.logger.warn(`deadline ${deadlineId} could not be fired; the next sweep tries again: ${reason}`);
      } catch (error) {
        this.logger.warn(`deadline sweep failed; will retry: ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    await this.running;
  }
}

/** The worker's periodic sweep of due deadlines (runs in the worker, or in `npm start`'s one process). */
@Module({})
export class DeadlineSweepModule {
  static forRoot(options: { intervalMs?: number } = {}): DynamicModule {
    return {
      module: DeadlineSweepModule,
      providers: [
        { provide: FireDeadline, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new FireDeadline(db, clock) },
        {
          provide: SweepDueDeadlines,
          inject: [Database, Clock, FireDeadline],
          useFactory: (db: Database, clock: Clock, fire: FireDeadline) => new SweepDueDeadlines(db, clock, fire),
        },
        {
          provide: DeadlineSweeper,
          inject: [SweepDueDeadlines],
          useFactory: (sweep: SweepDueDeadlines) => new DeadlineSweeper(sweep, options.intervalMs ?? 30_000),
        },
      ],
      exports: [FireDeadline, SweepDueDeadlines],
    };
  }
}
