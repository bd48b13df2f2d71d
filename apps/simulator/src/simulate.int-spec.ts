import { randomUUID } from 'node:crypto';
import { Database, openDatabase } from '@frontdoor/persistence';
import { ANNEX_A_COLUMNS, AnnexAExport, CinCensusExport } from '@frontdoor/reporting';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../test/support/test-database';
import { runSimulation } from './run-simulation';
import type { SimulationSummary } from './simulator';

/**
 * One simulated month at 1% of the seed evidence's volume (~46 contacts), through the real
 * engine on the real PostgreSQL, in a tenant of its own.
 */
describe('the simulated front door', () => {
  let dataSource: DataSource;
  const tenant = `sim-${randomUUID().slice(0, 8)}`;
  let summary: SimulationSummary;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 4 });
    summary = await runSimulation(dataSource, { tenant, months: 1, scale: 0.01, seed: 42, start: new Date('2025-04-01T00:00:00Z') });
  }, 120_000);
  afterAll(() => dataSource.destroy());

  it('creates about the contacts the evidence gives a month, at the chosen scale, with no step refused', async () => {
    expect(summary.contacts).toBeGreaterThanOrEqual(40);
    expect(summary.contacts).toBeLessThanOrEqual(55);
    expect(summary.rejectedSteps).toBe(0);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM contacts WHERE tenant = $1`, [tenant]);
    expect(count).toBe(summary.contacts);
  });

  it('uses every screening outcome and reaches a completed assessment and a child protection plan', async () => {
    for (const outcome of ['concern', 'open_case', 'redirect', 'duplicate'] as const) expect(summary.screening[outcome]).toBeGreaterThan(0);
    const stages = await dataSource.query(
      `SELECT outcome, count(*)::int AS count FROM episodes WHERE tenant = $1 AND outcome IN ('forwarded', 'redirected', 'merged') GROUP BY outcome`,
      [tenant],
    );
    expect(stages.map((row: { outcome: string }) => row.outcome).sort()).toEqual(['forwarded', 'merged', 'redirected']);
    expect(summary.assessmentsCompleted).toBeGreaterThan(0);
    expect(summary.cpPlansStarted).toBeGreaterThan(0);
    const [{ plans }] = await dataSource.query(`SELECT count(*)::int AS plans FROM episodes WHERE tenant = $1 AND stage = 'cp_plan'`, [tenant]);
    expect(plans).toBeGreaterThan(0);
  });

  it('delivers most messages within hours, a few not at all, and meets most acknowledgements on time', async () => {
    const { delivered, failed } = summary.messages;
    expect(delivered).toBeGreaterThan(summary.contacts);
    expect(failed).toBeLessThan(delivered * 0.1);
    const [row] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
         FROM outbox_messages WHERE tenant = $1`,
      [tenant],
    );
    expect(row).toMatchObject({ delivered, failed });
    const [acks] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'met')::int AS met, count(*)::int AS all
         FROM deadlines WHERE tenant = $1 AND kind = 'acknowledgement'`,
      [tenant],
    );
    expect(acks.met / acks.all).toBeGreaterThan(0.8);
  });

  it('fills every Annex A column Ofsted needs: teams and workers, and whether the child has a disability', async () => {
    const annexA = new AnnexAExport(new Database(dataSource));
    const blanks: string[] = [];
    for (const list of [2, 3, 4, 5] as const) {
      const columns: readonly string[] = ANNEX_A_COLUMNS[list];
      const needed = ['Allocated Team', 'Allocated Worker', 'Organisation completing assessment', 'Does the Child have a Disability'];
      const rows = (await annexA.run(tenant, list, '2025-04-01', '2025-04-30')).split('\r\n').slice(1, -1);
      if (list === 3) expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const cells = row.split(',');
        for (const column of needed.filter((name) => columns.includes(name))) {
          const cell = cells[columns.indexOf(column)];
          if (cell === '' || cell === 'c) Unknown') blanks.push(`list ${list} ${column}: ${row}`);
        }
      }
    }
    expect(blanks).toEqual([]);
  });

  it('produces a CIN census return that breaks none of the rules Front Door checks', async () => {
    const result = await new CinCensusExport(new Database(dataSource), { laCodeOf: () => '865' }).run(tenant, 2026, new Date(summary.to));
    if (!result.ok) throw new Error(`CIN census refused:\n${result.byChild.map((c) => JSON.stringify(c)).join('\n')}`);
    expect(result.ok).toBe(true);
    expect(result.referrals).toBeGreaterThan(0);
  });
});
