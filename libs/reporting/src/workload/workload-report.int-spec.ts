import { SettableClock } from '@frontdoor/config';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { FrontDoorHistory } from '../indicators/testing/front-door-history.fixture';
import { WorkloadReport } from './workload-report';

/**
 * - Amy: family help from 2 Nov, allocated north/w1 on 3 Nov, moved to south/w2 on 10 Dec.
 * - Bo: assessment from 5 Nov, allocated north/w1, closed on 1 Dec.
 * - Cy: a contact of 5 Dec, not yet allocated.
 */
describe('caseload per worker and team, at any instant', () => {
  let dataSource: DataSource;
  let db: Database;
  const tenant = `wl-${randomUUID().slice(0, 8)}`;
  const clock = new SettableClock(new Date('2027-01-05T12:00:00Z'));

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
    const h = new FrontDoorHistory(db, tenant);
    const child = (givenName: string) => ({ givenName, familyName: 'Workload', dateOfBirth: '2012-12-12' });

    const [amy] = (await h.contact({ at: '2026-11-02T09:00:00Z', sourceCode: '2A', children: [child('Amy')] })).episodeIds;
    await h.decide(amy, { screened: '2026-11-02T10:00:00Z', decided: '2026-11-02T12:00:00Z' }, 'family_help');
    await h.allocate(amy, '2026-11-03T10:00:00Z', 'north', 'w1', 'Wyn North');
    await h.allocate(amy, '2026-12-10T10:00:00Z', 'south', 'w2', 'Sam South');

    const [bo] = (await h.contact({ at: '2026-11-05T09:00:00Z', sourceCode: '6', children: [child('Bo')] })).episodeIds;
    await h.decide(bo, { screened: '2026-11-05T10:00:00Z', decided: '2026-11-05T12:00:00Z' }, 'assessment');
    await h.allocate(bo, '2026-11-05T13:00:00Z', 'north', 'w1', 'Wyn North');
    await h.step(bo, '2026-11-10T10:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2026-11-10T10:00:00Z', seenAlone: true });
    // An assessment finding no further action closes the case (RC8).
    await h.step(bo, '2026-12-01T10:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-12-01T10:00:00Z',
      outcome: 'nfa',
      factors: ['21'],
      primaryNeed: 'N9',
    });

    await h.contact({ at: '2026-12-05T09:00:00Z', sourceCode: '6', children: [child('Cy')] });
  }, 60_000);

  afterAll(() => dataSource.destroy());

  it('counts who held each case at an earlier instant, from history', async () => {
    const report = await new WorkloadReport(db, clock).run(tenant, { asAt: new Date('2026-11-20T00:00:00Z') });
    expect(report.overall).toEqual({
      perWorker: [{ workerId: 'w1', workerName: 'Wyn North', team: 'north', openEpisodes: 2 }],
      averagePerWorker: { numerator: 2, denominator: 1, value: 2 },
      unallocated: 0,
    });
    expect(report.byTeam.map((t) => t.team)).toEqual(['north']);
  });

  it('follows a reallocation and a closure, and counts the unallocated under no team', async () => {
    const report = await new WorkloadReport(db, clock).run(tenant, { asAt: new Date('2026-12-20T00:00:00Z') });
    expect(report.overall.perWorker).toEqual([{ workerId: 'w2', workerName: 'Sam South', team: 'south', openEpisodes: 1 }]);
    expect(report.overall.unallocated).toBe(1);
    expect(report.byTeam.map((t) => [t.team, t.caseload.perWorker.length, t.caseload.unallocated])).toEqual([
      ['south', 1, 0],
      [null, 0, 1],
    ]);
  });

  it('is taken now when no instant (or a future one) is given', async () => {
    const now = await new WorkloadReport(db, clock).run(tenant);
    expect(now.asAt).toBe('2027-01-05T12:00:00.000Z');
    const future = await new WorkloadReport(db, clock).run(tenant, { asAt: new Date('2030-01-01T00:00:00Z') });
    expect(future.asAt).toBe(now.asAt);
    expect(future.overall).toEqual(now.overall);
  });

  it('narrows to one team', async () => {
    const north = await new WorkloadReport(db, clock).run(tenant, { asAt: new Date('2026-12-20T00:00:00Z'), team: 'north' });
    expect(north.overall.perWorker).toEqual([]);
    expect(north.overall.unallocated).toBe(0);
  });

  it('shows no other authority’s cases', async () => {
    const other = await new WorkloadReport(db, clock).run(`wl-none-${randomUUID().slice(0, 8)}`);
    expect(other.overall).toEqual({ perWorker: [], averagePerWorker: { numerator: 0, denominator: 0, value: null }, unallocated: 0 });
  });
});
