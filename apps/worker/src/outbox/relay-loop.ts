import { Logger } from '@nestjs/common';
import { OUTBOX_CHANNEL } from '@frontdoor/persistence';
import { Client } from 'pg';
import { OutboxRelay } from './outbox-relay';

/**
 * Runs the relay: at once when PostgreSQL notifies that a step committed new messages
 * (LISTEN/NOTIFY on a real server), and on a short poll as the backstop — the only wake-up in
 * embedded mode, where notifications do not cross connections.
 */
export class RelayLoop {
  private readonly logger = new Logger('OutboxRelay');
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly options: { databaseUrl: string | null; pollMs: number },
  ) {}

  async start(): Promise<void> {
    if (this.options.databaseUrl) await this.listen(this.options.databaseUrl);
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.wake();
  }

  private async listen(databaseUrl: string): Promise<void> {
    try {
      const client = new Client({ connectionString: databaseUrl, application_name: 'front-door-relay' });
      client.on('notification', () => this.wake());
      client.on('error', (error) => {
        this.logger.warn(`listener lost (${error.message}); polling until it is back`);
        this.listener = null;
        if (!this.stopped) setTimeout(() => void this.listen(databaseUrl), 2000).unref();
      });
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`cannot listen for new messages (${(error as Error).message}); polling`);
      if (!this.stopped) setTimeout(() => void this.listen(databaseUrl), 2000).unref();
    }
  }

  /** Asks for a pass; passes never overlap, and a wake during one asks for another. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const moved = await this.relay.relay();
          if (moved.messages + moved.timers > 0) this.again = true;
        } catch (error) {
          this.logger.warn(`relay pass failed; the rows wait for the next pass: ${(error as Error).message}`);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}
