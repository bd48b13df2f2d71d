import { SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import type { Actor } from '@frontdoor/auth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { EpisodeQueries } from '../episodes/episode-queries';
import { practitionerOf, receiveContact } from '../testing/receive-contact.fixture';
import { FrontDoorError } from '../errors/front-door-error';
import { ApplyEvent } from './apply-event';
import { SYSTEM_ACTOR } from './record-step';

/** The engine against the real PostgreSQL with the real migrations (applied by the global setup). */
describe('applyEvent on the real database', () => {
  let dataSource: DataSource;
  let db: Database;
  const clock = new SettableClock(new Date('2026-11-23T10:00:00Z'));
  const tenant = `int-${randomUUID().slice(0, 8)}`;
  const practitioner = practitionerOf(tenant);

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 4 });
    db = new Database(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const newEpisode = async () => (await receiveContact(db, clock, practitioner)).episodes[0].id;

  const counts = async (episodeId: string) => {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM episode_events WHERE episode_id = $1)::int AS history,
              (SELECT count(*) FROM deadlines WHERE episode_id = $1)::int AS deadlines,
              (SELECT count(*) FROM outbox_messages WHERE episode_id = $1)::int AS messages,
              (SELECT version FROM episodes WHERE id = $1) AS version`,
      [episodeId],
    );
    return row as { history: number; deadlines: number; messages: number; version: number };
  };

  it('advances an episode only from the version it was read at, with its history entry or not at all (the conditional update)', async () => {
    const id = await newEpisode();
    const read = (await db.read.episodes.findById(tenant, id))!;
    const columns = { ...read, stage: 'triage', state: { triage: 'gatheringInformation' } };
    const entry = {
      type: 'SCREEN',
      payload: { outcome: 'concern' },
      actorSub: 'p1',
      actorName: 'P One',
      actorRoles: ['practitioner'],
      fromState: 'screening',
      toState: { triage: 'gatheringInformation' },
      fromStage: 'screening',
      toStage: 'triage',
      occurredAt: clock.now(),
      recordedAt: clock.now(),
    };
    expect(await db.read.episodes.advance(tenant, id, 1, columns, entry)).toMatchObject({ version: 2, nextDueAt: read.nextDueAt });
    expect(await db.read.episodes.advance(tenant, id, 1, { ...columns, stage: 'closed' }, entry)).toBeNull();
    expect(await db.read.episodes.findById(tenant, id)).toMatchObject({ stage: 'triage', state: { triage: 'gatheringInformation' }, version: 2 });
    const history = await db.read.history.forEpisode(tenant, id);
    expect(history.map(({ sequence, type, fromState, toState }) => ({ sequence, type, fromState, toState }))).toEqual([
      { sequence: 1, type: 'CONTACT_RECEIVED', fromState: null, toState: 'screening' },
      { sequence: 2, type: 'SCREEN', fromState: 'screening', toState: { triage: 'gatheringInformation' } },
    ]);
  });

  it('starts an episode with its first history entry, its deadlines and its place in the queue, in one go', async () => {
    const id = await newEpisode();
    const episode = (await db.read.episodes.findById(tenant, id))!;
    const deadlines = await db.read.deadlines.forEpisode(tenant, id);
    expect(deadlines.map(({ kind, status }) => ({ kind, status }))).toEqual([
      { kind: 'acknowledgement', status: 'open' },
      { kind: 'decision', status: 'open' },
    ]);
    // The decision orders the queue; the acknowledgement (owed to the referrer) does not.
    expect(episode.nextDueAt).toEqual(deadlines.find((d) => d.kind === 'decision')!.dueAt);
    expect((await db.read.episodes.refreshNextDue(tenant, id)).nextDueAt).toEqual(episode.nextDueAt);
    const history = await db.read.history.forEpisode(tenant, id);
    expect(history).toMatchObject([{ sequence: 1, type: 'CONTACT_RECEIVED', actorSub: 'p1', actorRoles: ['practitioner'], fromState: null, toStage: 'screening' }]);
  });

  it('answers with the episode exactly as stored, without reading it back', async () => {
    const id = await newEpisode();
    const apply = new ApplyEvent(db, clock);
    const screened = await apply.execute({ actor: practitioner, episodeId: id, body: { type: 'SCREEN', outcome: 'concern' } });
    const rated = await apply.execute({ actor: practitioner, episodeId: id, body: { type: 'RATE', rag: 'red', rationale: 'Injury seen' } });
    expect(screened.version).toBe(2);
    expect({ ...rated }).toEqual({ ...(await db.read.episodes.findById(tenant, id)) });
    expect(rated.nextDueAt).not.toBeNull(); // the red RAG's MASH-checks clock orders the queue

    // A step that changes no deadline leaves the queue order as it was, and still answers the row as stored.
    const proposed = await apply.execute({
      actor: practitioner,
      episodeId: id,
      body: { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'family_help', thresholdLevel: 2, rationale: 'Needs support', feedbackForReferrer: 'Thank you' },
    });
    const returned = await apply.execute({ actor: { ...practitioner, sub: 'm1', roles: ['manager'] }, episodeId: id, body: { type: 'RETURN_DECISION', reason: 'Wait for the police' } });
    expect({ ...returned }).toEqual({ ...(await db.read.episodes.findById(tenant, id)) });
    // Meeting the acknowledgement (owed to the referrer, outside the queue order) leaves the order as it was too.
    const acknowledged = await apply.applyInternal({ ...SYSTEM_ACTOR, tenant }, returned, {
      type: 'ACKNOWLEDGEMENT_DELIVERED',
      at: clock.now().toISOString(),
      deliveredAt: clock.now().toISOString(),
    });
    expect({ ...acknowledged }).toEqual({ ...(await db.read.episodes.findById(tenant, id)) });
    expect(acknowledged.nextDueAt).toEqual(proposed.nextDueAt);
    expect(returned).toMatchObject({ stage: 'triage', version: 5 });
    expect(returned.nextDueAt).toEqual(proposed.nextDueAt);
  });

  it('shows the person who took a step the episode as anyone reading it next would see it, and logs that read', async () => {
    const id = await newEpisode();
    const apply = new ApplyEvent(db, clock);
    await apply.execute({ actor: practitioner, episodeId: id, body: { type: 'SCREEN', outcome: 'concern' } });
    const shown = await apply.executeAndShow({ actor: practitioner, episodeId: id, body: { type: 'RATE', rag: 'amber', rationale: 'Bruise' } });
    const reads = await dataSource.query(`SELECT actor_sub, action, at FROM access_log WHERE subject_id = $1 ORDER BY id`, [id]);
    expect(reads).toEqual([{ actor_sub: 'p1', action: 'episode.read', at: clock.now() }]);

    expect(shown).toEqual(await new EpisodeQueries(db, clock).episode(practitioner, id));
    expect(shown.deadlines.map((d) => d.kind)).toEqual(expect.arrayContaining(['acknowledgement', 'decision']));
    expect(shown.allowedEvents).toContain('PROPOSE_DECISION');
  });

  it('refuses a stale expected version without writing anything', async () => {
    const id = await newEpisode();
    const before = await counts(id);
    const apply = new ApplyEvent(db, clock);
    await expect(apply.execute({ actor: practitioner, episodeId: id, body: { type: 'SCREEN', outcome: 'concern' }, expectedVersion: 7 })).rejects.toMatchObject({
      code: 'version_conflict',
    });
    expect(await counts(id)).toEqual(before);
  });

  describe('when Front Door changes the episode between reading it and writing the step', () => {
    /** SCREEN read version 1, then the acknowledgement's delivery was recorded (version 2) before it wrote. */
    async function raceWithAcknowledgement(apply: ApplyEvent, id: string, expectedVersion?: number, recordedBy: Actor = SYSTEM_ACTOR) {
      const stale = (await db.read.episodes.findById(tenant, id))!;
      await apply.applyInternal({ ...recordedBy, tenant }, stale, {
        type: 'ACKNOWLEDGEMENT_DELIVERED',
        at: clock.now().toISOString(),
        deliveredAt: clock.now().toISOString(),
      });
      const findById = jest.spyOn(db.read.episodes, 'findById').mockResolvedValueOnce(stale);
      try {
        return await apply.execute({ actor: practitioner, episodeId: id, body: { type: 'SCREEN', outcome: 'concern' }, expectedVersion });
      } finally {
        findById.mockRestore();
      }
    }

    it('takes a step sent without If-Match on the episode as it now is', async () => {
      const id = await newEpisode();
      const screened = await raceWithAcknowledgement(new ApplyEvent(db, clock), id);
      expect(screened).toMatchObject({ stage: 'triage', version: 3 });
      const history = await db.read.history.forEpisode(tenant, id);
      expect(history.map((h) => h.type)).toEqual(['CONTACT_RECEIVED', 'ACKNOWLEDGEMENT_DELIVERED', 'SCREEN']);
    });

    it('refuses a step sent without If-Match when a person changed the episode meanwhile, writing nothing', async () => {
      const id = await newEpisode();
      await expect(raceWithAcknowledgement(new ApplyEvent(db, clock), id, undefined, { ...practitioner, sub: 'another-practitioner' })).rejects.toMatchObject({
        code: 'version_conflict',
      });
      expect(await counts(id)).toMatchObject({ history: 2, version: 2 });
    });

    it('refuses a step sent with If-Match, writing nothing', async () => {
      const id = await newEpisode();
      await expect(raceWithAcknowledgement(new ApplyEvent(db, clock), id, 1)).rejects.toMatchObject({ code: 'version_conflict' });
      expect(await counts(id)).toMatchObject({ history: 2, version: 2 });
    });
  });

  it('leaves no history, deadline or outbox row behind when the transaction fails', async () => {
    const id = await newEpisode();
    const apply = new ApplyEvent(db, clock);
    await apply.execute({ actor: practitioner, episodeId: id, body: { type: 'SCREEN', outcome: 'concern' } });
    const before = await counts(id);
    const episode = (await db.read.episodes.findById(tenant, id))!;
    // REQUEST_AGENCY_CHECK starts a deadline and writes a message and a check row; then a later write fails.
    const failing = apply.applyInternal(
      practitioner,
      episode,
      { type: 'REQUEST_AGENCY_CHECK', at: clock.now().toISOString(), agency: 'police', question: 'Known?', checkId: randomUUID() },
      undefined,
      async () => {
        throw new FrontDoorError('unavailable', 'the disk is full');
      },
    );
    await expect(failing).rejects.toThrow('the disk is full');
    expect(await counts(id)).toEqual(before);
    const checks = await dataSource.query(`SELECT count(*)::int AS n FROM agency_checks WHERE episode_id = $1`, [id]);
    expect(checks[0].n).toBe(0);
  });

  it('keeps history append-only: the database refuses to edit or delete it', async () => {
    const id = await newEpisode();
    await expect(dataSource.query(`UPDATE episode_events SET type = 'X' WHERE episode_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM episode_events WHERE episode_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE episode_events CASCADE`)).rejects.toThrow(/append-only/);
  });

  it('does not find one tenant’s episode from another tenant', async () => {
    const id = await newEpisode();
    expect(await db.read.episodes.findById('someone-else', id)).toBeNull();
  });
});
