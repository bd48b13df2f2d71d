import { EntityManager } from 'typeorm';
import { DeadlineEntity } from '../entities/deadline.entity';

/**
 * Deadline timers: open deadlines the relay gives a delayed job, the ones the sweep finds due,
 * and the breach a timer records. Like delivery, this acts across tenants by the ids jobs carry;
 * an episode's deadlines as people see them are the deadlines repository's (tenant-scoped).
 */
export class DeadlineTimersRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Open deadlines with no timer yet, locked for the one relay that will set them. Call inside a transaction. */
  async lockUnscheduledDeadlines(limit: number): Promise<{ id: string; dueAt: Date }[]> {
    const rows: { id: string; due_at: Date }[] = await this.manager.query(
      `SELECT id, due_at FROM deadlines WHERE status = 'open' AND timer_scheduled_at IS NULL ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, dueAt: row.due_at }));
  }

  async markTimersScheduled(ids: string[], at: Date): Promise<void> {
    await this.manager.query(`UPDATE deadlines SET timer_scheduled_at = $2 WHERE id = ANY($1)`, [ids, at]);
  }

  /** Open deadlines already due (their timer lost, or never set): the sweep's work. */
  async dueDeadlineIds(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM deadlines WHERE status = 'open' AND due_at < $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** One deadline, unlocked: to learn its episode, which a step locks first (episode, then deadline). */
  findDeadline(id: string): Promise<DeadlineEntity | null> {
    return this.manager.getRepository(DeadlineEntity).createQueryBuilder('d').where('d.id = :id', { id }).getOne();
  }

  /** Locks one deadline for the timer that fires it. Call inside a transaction. */
  lockDeadline(id: string): Promise<DeadlineEntity | null> {
    return this.manager
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  async markBreached(id: string): Promise<void> {
    await this.manager.query(`UPDATE deadlines SET status = 'breached', breached_at = due_at WHERE id = $1 AND status = 'open'`, [id]);
  }
}
