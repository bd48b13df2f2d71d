import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';

/**
 * The sweep (ARCHITECTURE §4): every open deadline whose due time has passed is recorded as
 * breached — at its due time, not when the sweep noticed — so a breach exists even if nobody
 * opens the case. Safe to run from several workers at once.
 */
export class RecordDueBreaches {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async execute(limit = 500): Promise<number> {
    const now = this.clock.now();
    const rows: { id: string }[] = await this.db.dataSource.query(
      `UPDATE deadlines SET status = 'breached', breached_at = due_at
        WHERE id IN (
          SELECT id FROM deadlines WHERE status = 'open' AND due_at < $1
          ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, limit],
    );
    return rows.length;
  }
}
