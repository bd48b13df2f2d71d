import { randomUUID } from 'node:crypto';
import { OUTSIDE_THE_QUEUE_ORDER } from '@frontdoor/pathway';
import { EntityManager } from 'typeorm';
import type { AccessLogEntity } from '../entities/access-log.entity';
import { DeadlineEntity } from '../entities/deadline.entity';
import { EpisodeEntity } from '../entities/episode.entity';
import { DEADLINE_ORDER, NewDeadline } from './deadlines.repository';
import type { NewHistoryEntry } from './history.repository';
import { hydrate, jsonb, prefixedColumns, returnedRows } from './raw-sql';
import { scoped, scopedRow } from './tenant-scope';

export interface EpisodeFilters {
  stage?: string;
  rag?: string;
  overdue?: boolean;
  team?: string;
  workerId?: string;
  open?: boolean;
  householdId?: string;
  childId?: string;
  contactId?: string;
}

export interface Page {
  page: number;
  pageSize: number;
}

export class EpisodesRepository {
  constructor(private readonly manager: EntityManager) {}

  findById(tenant: string, id: string): Promise<EpisodeEntity | null> {
    return scopedRow(this.manager, EpisodeEntity, 'e', tenant, { where: 'e.id = $2', parameters: [id] });
  }

  /**
   * The front-door queue, most urgent first: a child said to be at immediate risk (red from
   * intake) until they are screened, whatever else is due; then overdue, then soonest due, then
   * red before amber.
   */
  async list(tenant: string, filters: EpisodeFilters, page: Page, now: Date): Promise<[EpisodeEntity[], number]> {
    const q = scoped(this.manager, EpisodeEntity, 'e', tenant);
    if (filters.stage) q.andWhere('e.stage = :stage', { stage: filters.stage });
    if (filters.rag) q.andWhere('e.rag = :rag', { rag: filters.rag });
    if (filters.team) q.andWhere('e.team = :team', { team: filters.team });
    if (filters.workerId) q.andWhere('e.worker_id = :workerId', { workerId: filters.workerId });
    if (filters.householdId) q.andWhere('e.household_id = :householdId', { householdId: filters.householdId });
    if (filters.childId) q.andWhere('e.child_id = :childId', { childId: filters.childId });
    if (filters.contactId) q.andWhere('e.contact_id = :contactId', { contactId: filters.contactId });
    if (filters.open !== undefined) q.andWhere('e.is_open = :open', { open: filters.open });
    if (filters.overdue === true) q.andWhere('e.next_due_at < :now', { now });
    if (filters.overdue === false) q.andWhere('(e.next_due_at IS NULL OR e.next_due_at >= :now)', { now });
    q.orderBy(`CASE WHEN e.stage = 'screening' AND e.rag = 'red' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('e.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy(`CASE e.rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE 3 END`, 'ASC')
      .addOrderBy('e.referral_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize);
    return q.getManyAndCount();
  }

  /** Earlier episodes of one child, newest first (for matching and the child's record). */
  forChild(tenant: string, childId: string): Promise<EpisodeEntity[]> {
    return scoped(this.manager, EpisodeEntity, 'e', tenant)
      .andWhere('e.child_id = :childId', { childId })
      .orderBy('e.referral_at', 'DESC')
      .getMany();
  }

  forContact(tenant: string, contactId: string): Promise<EpisodeEntity[]> {
    return scoped(this.manager, EpisodeEntity, 'e', tenant)
      .andWhere('e.contact_id = :contactId', { contactId })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** The episode, locked (FOR UPDATE) until the caller's transaction ends. */
  lockById(tenant: string, id: string): Promise<EpisodeEntity | null> {
    return scoped(this.manager, EpisodeEntity, 'e', tenant).andWhere('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The contact's episodes, locked (FOR UPDATE) until the caller's transaction ends: no step can land between. */
  lockForContact(tenant: string, contactId: string): Promise<EpisodeEntity[]> {
    return scoped(this.manager, EpisodeEntity, 'e', tenant)
      .andWhere('e.contact_id = :contactId', { contactId })
      .orderBy('e.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * A new episode with its first history entry and its first deadlines, in one statement; its
   * place in the queue is its soonest deadline that orders the queue (all are open).
   */
  async insertStarted(episode: EpisodeEntity, entry: StepHistoryEntry, deadlines: NewDeadline[]): Promise<void> {
    await this.manager.query(
      `WITH started AS (
         SELECT * FROM unnest($35::uuid[], $36::text[], $37::text[], $38::timestamptz[], $39::timestamptz[])
           AS d(id, kind, key, started_at, due_at)),
       episode AS (
         INSERT INTO episodes (id, tenant, contact_id, child_id, household_id, machine_id, machine_version, snapshot, version,
                               stage, state, rag, team, worker_id, worker_name, outcome, is_open, referral_at, re_referral,
                               open_case_episode_id, closed_at, created_at, updated_at, next_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                 (SELECT min(due_at) FROM started WHERE kind <> ALL($23)))
         RETURNING id, tenant, version, next_due_at, created_at, updated_at),
       entry AS (
         INSERT INTO episode_events (tenant, episode_id, sequence, ${HISTORY_COLUMNS})
         SELECT tenant, id, version, ${placeholders(24, HISTORY_COLUMN_COUNT)} FROM episode),
       deadlines AS (
         INSERT INTO deadlines (id, tenant, episode_id, kind, key, started_at, due_at, status)
         SELECT d.id, e.tenant, e.id, d.kind, d.key, d.started_at, d.due_at, 'open' FROM episode e, started d)
       SELECT id FROM episode`,
      [
        episode.id,
        episode.tenant,
        episode.contactId,
        episode.childId,
        episode.householdId,
        episode.machineId,
        episode.machineVersion,
        jsonb(episode.snapshot),
        episode.stage,
        jsonb(episode.state),
        episode.rag,
        episode.team,
        episode.workerId,
        episode.workerName,
        episode.outcome,
        episode.isOpen,
        episode.referralAt,
        episode.reReferral,
        episode.openCaseEpisodeId,
        episode.closedAt,
        episode.createdAt,
        episode.updatedAt,
        OUTSIDE_THE_QUEUE_ORDER,
        ...historyValues(entry),
        deadlines.map(() => randomUUID()),
        deadlines.map((d) => d.ref.kind),
        deadlines.map((d) => d.ref.key),
        deadlines.map((d) => d.startedAt),
        deadlines.map((d) => d.dueAt),
      ],
    );
  }

  /**
   * One step of an existing episode, in one statement: the conditional update that makes
   * concurrent changes safe (it matches only if nobody changed the episode since it was read;
   * TypeORM's @VersionColumn does not guard updates) and, only if it matched, the step's entry
   * in the history under the new version. Answers what PostgreSQL set on the row, or null, and
   * nothing written, if the version moved on.
   */
  async advance(
    tenant: string,
    id: string,
    expectedVersion: number,
    columns: EpisodeStepColumns,
    entry: StepHistoryEntry,
  ): Promise<EpisodeSetByDatabase | null> {
    const [row] = returnedRows<SetByDatabaseRow>(
      await this.manager.query(
        `WITH stepped AS (
           UPDATE episodes SET stage = $4, state = $5, rag = $6, team = $7, worker_id = $8, worker_name = $9, outcome = $10,
                  is_open = $11, closed_at = $12, snapshot = $13, version = version + 1, updated_at = now()
            WHERE id = $1 AND tenant = $2 AND version = $3
            RETURNING tenant, id, version, next_due_at, created_at, updated_at),
         entry AS (
           INSERT INTO episode_events (tenant, episode_id, sequence, ${HISTORY_COLUMNS})
           SELECT tenant, id, version, ${placeholders(14, HISTORY_COLUMN_COUNT)} FROM stepped)
         SELECT next_due_at, version, created_at, updated_at FROM stepped`,
        [
          id,
          tenant,
          expectedVersion,
          columns.stage,
          jsonb(columns.state),
          columns.rag,
          columns.team,
          columns.workerId,
          columns.workerName,
          columns.outcome,
          columns.isOpen,
          columns.closedAt,
          jsonb(columns.snapshot),
          ...historyValues(entry),
        ],
      ),
    );
    return row ? setByDatabase(row) : null;
  }

  /**
   * Recomputes the soonest outstanding due time that orders the queue (the pathway's
   * `ordersTheQueue`), and returns what the database itself sets on the row (so a step need not
   * read the episode back).
   */
  async refreshNextDue(tenant: string, id: string): Promise<EpisodeSetByDatabase> {
    const result: unknown = await this.manager.query(`${REFRESH_NEXT_DUE} RETURNING next_due_at, version, created_at, updated_at`, [
      id,
      tenant,
      OUTSIDE_THE_QUEUE_ORDER,
    ]);
    const [row] = returnedRows<SetByDatabaseRow>(result);
    if (!row) throw new Error(`episode ${id} of ${tenant} is not there to refresh`);
    return setByDatabase(row);
  }

  /**
   * What a person's step answers, in one statement inside the step's transaction: the queue
   * order recomputed (as `refreshNextDue`), the episode's deadlines as the step left them, and
   * the person's read of the episode written to the access log (ARCHITECTURE §5).
   */
  async refreshAndShow(
    tenant: string,
    id: string,
    reader: Pick<AccessLogEntity, 'actorSub' | 'actorRoles' | 'action' | 'at'>,
  ): Promise<{ setByDatabase: EpisodeSetByDatabase; deadlines: DeadlineEntity[] }> {
    const rows: (SetByDatabaseRow & Record<string, unknown>)[] = await this.manager.query(
      `WITH refreshed AS (${REFRESH_NEXT_DUE} RETURNING id, tenant, next_due_at, version, created_at, updated_at),
       logged AS (
         INSERT INTO access_log (tenant, actor_sub, actor_roles, action, subject_type, subject_id, at)
         SELECT tenant, $4, $5, $6, 'episode', id, $7 FROM refreshed)
       SELECT r.next_due_at, r.version, r.created_at, r.updated_at, ${prefixedColumns(this.manager, DeadlineEntity, 'd')}
         FROM refreshed r LEFT JOIN deadlines d ON d.tenant = r.tenant AND d.episode_id = r.id
        ORDER BY ${DEADLINE_ORDER.join(', ')}`,
      [id, tenant, OUTSIDE_THE_QUEUE_ORDER, reader.actorSub, reader.actorRoles, reader.action, reader.at],
    );
    if (rows.length === 0) throw new Error(`episode ${id} of ${tenant} is not there to show`);
    const withDeadlines = rows.filter((row) => row.d_id !== null);
    return { setByDatabase: setByDatabase(rows[0]), deadlines: hydrate(this.manager, DeadlineEntity, withDeadlines, 'd_') };
  }
}

/** A step's history entry as the statements here write it: its columns (after tenant, episode and sequence) and their values. */
const HISTORY_COLUMNS =
  'type, payload, actor_sub, actor_name, actor_roles, from_state, to_state, from_stage, to_stage, occurred_at, recorded_at';
const HISTORY_COLUMN_COUNT = HISTORY_COLUMNS.split(',').length;

function historyValues(entry: StepHistoryEntry): unknown[] {
  return [
    entry.type,
    jsonb(entry.payload),
    entry.actorSub,
    entry.actorName,
    entry.actorRoles,
    jsonb(entry.fromState),
    jsonb(entry.toState),
    entry.fromStage,
    entry.toStage,
    entry.occurredAt,
    entry.recordedAt,
  ];
}

/** `$first, …` for `count` parameters. */
function placeholders(first: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}

/** The queue order of episode $1 of tenant $2, leaving out deadlines of the kinds in $3. */
const REFRESH_NEXT_DUE = `UPDATE episodes SET next_due_at = (
   SELECT min(d.due_at) FROM deadlines d
    WHERE d.tenant = episodes.tenant AND d.episode_id = episodes.id AND d.kind <> ALL($3)
      AND (d.status = 'open' OR (d.status = 'breached' AND d.completed_at IS NULL AND d.cancelled_at IS NULL)))
  WHERE id = $1 AND tenant = $2`;

interface SetByDatabaseRow {
  next_due_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function setByDatabase(row: SetByDatabaseRow): EpisodeSetByDatabase {
  return { nextDueAt: row.next_due_at, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The columns of an episode a step sets: the chart's snapshot and the copies of it that lists and reports use. */
export type EpisodeStepColumns = Pick<
  EpisodeEntity,
  'stage' | 'state' | 'rag' | 'team' | 'workerId' | 'workerName' | 'outcome' | 'isOpen' | 'closedAt' | 'snapshot'
>;

/** A step's history entry; its episode and sequence (the new version) come from the step's update. */
export type StepHistoryEntry = Omit<NewHistoryEntry, 'tenant' | 'episodeId' | 'sequence'>;

/** The columns of an episode that PostgreSQL sets rather than the step. */
export type EpisodeSetByDatabase = Pick<EpisodeEntity, 'nextDueAt' | 'version' | 'createdAt' | 'updatedAt'>;
