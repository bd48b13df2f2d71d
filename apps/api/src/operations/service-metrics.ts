import { Database } from '@frontdoor/persistence';
import { FrontDoorQueues } from '@frontdoor/queues';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics read from where the truth is — PostgreSQL and the queues — so the figures
 * are the deployment's, whichever api process is scraped.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  constructor(
    private readonly db: Database,
    private readonly queues: FrontDoorQueues,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'front_door_process_' });
    const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => Promise<void>) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        async collect() {
          await collect(this);
        },
      });

    gauge('front_door_history_entries', 'Steps applied to episodes so far (history entries written)', [], async (g) => {
      const [row] = await this.db.dataSource.query(`SELECT last_value FROM episode_events_id_seq`);
      g.set(Number(row.last_value));
    });
    gauge('front_door_deadlines', 'Deadlines by kind and status', ['kind', 'status'], async (g) => {
      g.reset();
      const rows: { kind: string; status: string; n: number }[] = await this.db.dataSource.query(
        `SELECT kind, status, count(*)::int AS n FROM deadlines GROUP BY kind, status`,
      );
      for (const row of rows) g.set({ kind: row.kind, status: row.status }, row.n);
    });
    gauge('front_door_messages', 'Messages by kind and delivery status', ['kind', 'status'], async (g) => {
      g.reset();
      const rows: { kind: string; status: string; n: number }[] = await this.db.dataSource.query(
        `SELECT kind, status, count(*)::int AS n FROM outbox_messages GROUP BY kind, status`,
      );
      for (const row of rows) g.set({ kind: row.kind, status: row.status }, row.n);
    });
    gauge(
      'front_door_decision_delivery_seconds',
      'Decision to delivered, for decision messages delivered in the last 24 hours',
      ['quantile'],
      async (g) => {
        const [row] = await this.db.dataSource.query(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p50,
                  percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p95,
                  percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p99
             FROM outbox_messages WHERE kind = 'decision' AND status = 'delivered' AND delivered_at > now() - interval '24 hours'`,
        );
        for (const [column, quantile] of [['p50', '0.5'], ['p95', '0.95'], ['p99', '0.99']]) g.set({ quantile }, Number(row[column] ?? 0));
      },
    );
    gauge('front_door_queue_jobs', 'Jobs by queue and state', ['queue', 'state'], async (g) => {
      g.reset();
      for (const queue of this.queues.all) {
        try {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          for (const [state, n] of Object.entries(counts)) g.set({ queue: queue.name, state }, n);
        } catch {
          // The queue store is down: its jobs cannot be counted; the outbox still holds the work.
        }
      }
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
