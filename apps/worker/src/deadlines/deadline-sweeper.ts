import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SweepDueDeadlines } from '@frontdoor/engine';

/**
 * The periodic sweep of due deadlines: fires any whose delayed job Redis lost. A pass never
 * overlaps the one before; a failing pass is logged and the next one tries again.
 */
export class DeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
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
