import type { EpisodeContext } from '@frontdoor/pathway';
import { positionOf, SCREENED_OUT_OUTCOMES } from '@frontdoor/pathway';
import { ChildEntity, ContactEntity, Database, EpisodeEntity, EpisodeEventEntity, scoped, Stores } from '@frontdoor/persistence';
import type { HistoryStep } from './episode-timeline';

/**
 * What the statutory returns read about a tenant's children and episodes, in a few
 * tenant-scoped queries (never one per episode): the episodes in a window, their contacts'
 * referral sources, their histories, and their children. Read them inside `readConsistently`
 * so every query sees the same moment.
 */
export interface EpisodeSource {
  episodeId: string;
  childId: string;
  contactId: string;
  /** When the contact was received: the referral date (possibly backdated by a practitioner). */
  referralAt: Date;
  /** The CIN referral source code the referrer gave (contacts.referrer.sourceCode). */
  sourceCode: string | null;
  context: EpisodeContext;
  steps: HistoryStep[];
  team: string | null;
  workerId: string | null;
  workerName: string | null;
}

export interface ChildSource {
  id: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  sex: string | null;
  upn: string | null;
  ethnicity: string | null;
  /** CIN census disability codes as last recorded; null when never recorded. */
  disabilities: string[] | null;
}

export interface EpisodeWindow {
  /** Episodes received before this instant… */
  receivedBefore: Date;
  /** …and not closed before this one. */
  openOnOrAfter: Date;
  /** Leave out contacts screened away (forwarded, redirected, merged): they are never referrals. */
  referralsOnly: boolean;
  /** Load only these kinds of step of each episode's history (a list of contacts needs only the amendments). */
  stepTypes?: readonly string[];
}

// Bound parameter lists: a year of a large authority holds tens of thousands of episodes.
const CHUNK = 1000;

/**
 * One read-only REPEATABLE READ transaction: an episode that moves on while a report or return
 * is being read cannot appear with a snapshot from before the step and a history from after it.
 * JIT is off inside it: on years of history the planner's cost estimates cross the JIT threshold
 * though each query reads one month by index, and compiling cost more than the query
 * (bench/reporting-bench.ts: 1.58× → 1.05× for 10× history).
 */
export function readConsistently<T>(db: Database, read: (stores: Stores) => Promise<T>): Promise<T> {
  return db.dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    await manager.query('SET LOCAL jit = off');
    return read(new Stores(manager));
  });
}

export async function loadEpisodes(stores: Stores, tenant: string, window: EpisodeWindow): Promise<EpisodeSource[]> {
  const manager = stores.manager;
  const query = scoped(manager, EpisodeEntity, 'e', tenant)
    .andWhere('e.referral_at < :before', { before: window.receivedBefore })
    // An episode has closed_at exactly when it is no longer open; asking by is_open lets the
    // open-episode and closed-at indexes answer, instead of every referral since records began.
    .andWhere('(e.is_open OR e.closed_at >= :after)', { after: window.openOnOrAfter })
    .orderBy('e.referral_at', 'ASC')
    .addOrderBy('e.id', 'ASC');
  if (window.referralsOnly) {
    query.andWhere('(e.outcome IS NULL OR e.outcome NOT IN (:...screenedOut))', { screenedOut: Object.values(SCREENED_OUT_OUTCOMES) });
  }
  const episodes = await query.getMany();
  if (episodes.length === 0) return [];

  const sources = new Map<string, string | null>();
  for (const ids of chunks([...new Set(episodes.map((e) => e.contactId))])) {
    const contacts = await scoped(manager, ContactEntity, 'c', tenant)
      .select(['c.id', 'c.referrer'])
      .andWhere('c.id IN (:...ids)', { ids })
      .getMany();
    for (const contact of contacts) sources.set(contact.id, contact.referrer?.sourceCode ?? null);
  }

  const steps = new Map<string, HistoryStep[]>();
  for (const ids of chunks(episodes.map((e) => e.id))) {
    const rows = await scoped(manager, EpisodeEventEntity, 'h', tenant)
      .select(['h.episodeId', 'h.sequence', 'h.type', 'h.payload', 'h.fromStage', 'h.toStage', 'h.occurredAt', 'h.actorName'])
      .andWhere('h.episode_id IN (:...ids)', { ids })
      .andWhere(window.stepTypes ? 'h.type IN (:...types)' : 'TRUE', { types: window.stepTypes })
      .orderBy('h.episode_id', 'ASC')
      .addOrderBy('h.sequence', 'ASC')
      .getMany();
    for (const row of rows) {
      const list = steps.get(row.episodeId) ?? [];
      list.push({
        type: row.type,
        payload: row.payload,
        fromStage: row.fromStage,
        toStage: row.toStage,
        occurredAt: row.occurredAt,
        actorName: row.actorName,
      });
      steps.set(row.episodeId, list);
    }
  }

  return episodes.map((episode) => ({
    episodeId: episode.id,
    childId: episode.childId,
    contactId: episode.contactId,
    referralAt: episode.referralAt,
    sourceCode: sources.get(episode.contactId) ?? null,
    context: positionOf(episode.machineVersion, episode.snapshot).context,
    steps: steps.get(episode.id) ?? [],
    team: episode.team,
    workerId: episode.workerId,
    workerName: episode.workerName,
  }));
}

export async function loadChildren(stores: Stores, tenant: string, childIds: string[]): Promise<ChildSource[]> {
  const children: ChildEntity[] = [];
  for (const ids of chunks([...new Set(childIds)])) children.push(...(await stores.children.findByIds(tenant, ids)));
  return children.map((child) => ({
    id: child.id,
    dateOfBirth: child.dateOfBirth,
    expectedDateOfBirth: child.expectedDateOfBirth,
    sex: child.sex,
    upn: child.upn,
    ethnicity: child.ethnicity,
    disabilities: child.disabilities,
  }));
}

/**
 * Every child protection plan these children have ever started in this authority (an ICPC that
 * made a plan), for NumberOfPreviousCPP: earlier plans may lie in episodes long closed.
 */
export async function loadPlanStarts(stores: Stores, tenant: string, childIds: string[]): Promise<{ childId: string; startedAt: Date }[]> {
  const starts: { childId: string; startedAt: Date }[] = [];
  for (const ids of chunks([...new Set(childIds)])) {
    const rows: { child_id: string; occurred_at: Date }[] = await scoped(stores.manager, EpisodeEventEntity, 'h', tenant)
      .innerJoin(EpisodeEntity, 'e', 'e.id = h.episode_id AND e.tenant = h.tenant')
      .select(['e.child_id AS child_id', 'h.occurred_at AS occurred_at'])
      .andWhere(`h.type = 'HOLD_ICPC'`)
      .andWhere(`h.payload ->> 'outcome' = 'cp_plan'`)
      .andWhere('e.child_id IN (:...ids)', { ids })
      .getRawMany();
    for (const row of rows) starts.push({ childId: row.child_id, startedAt: new Date(row.occurred_at) });
  }
  return starts;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
