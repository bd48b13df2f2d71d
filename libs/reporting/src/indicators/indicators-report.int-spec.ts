import { Database, openDatabase } from '@frontdoor/persistence';
import { SettableClock } from '@frontdoor/config';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { reportingPeriod } from '../reporting-period';
import { IndicatorsReport } from './indicators-report';
import type { Indicators, IndicatorsResult } from './indicators.types';
import { FrontDoorHistory } from './testing/front-door-history.fixture';

/**
 * A small history whose every figure is known by hand, built through the real engine. The report
 * is for December 2026; the previous period is 31 October – 30 November 2026. All times are UTC;
 * from November to March that is London time, and London days are what count.
 *
 * | episode | received      | what happens                                                    | team now  |
 * | L1 Lena | 2 Feb         | family help decided 3 Feb, allocated south/w2; nothing since    | south     |
 * | L2 Mo   | 2 Mar         | CP plan from ICPC 23 Mar; review 2 held 23 Dec, due 22 Dec      | north     |
 * | Y1 Hal  | 1 Oct         | assessment; allocated 2 Dec; completed 16 Dec, 54 working days  | north     |
 * | CP1 Dee | 2 Nov         | ICPC 25 Nov (due 24th); core group 2 Dec; closed 4 Dec          | north     |
 * | Y2 Ivy  | 3 Nov         | assessment completed 20 Nov (13 working days), NFA, closed      | north     |
 * | X3 Cal  | 1 Dec         | redirected; acknowledged 3 Dec (late)                            | —         |
 * | X4 Dot  | 2 Dec         | duplicate of X3; decision message failed                        | —         |
 * | X5 Eve  | 3 Dec         | never screened, never acknowledged                              | —         |
 * | X2 Ben  | 7 Dec (logged 10 Dec, backdated) | decided 10 Dec: late; assessment in 10 days | south |
 * | CP2 Dee | 7 Dec         | re-referral; ICPC 31 Dec (due 31st): her second plan            | north     |
 * | Fay     | 14 Dec        | family help decided 15 Dec, allocated south/w3                  | south     |
 * | Gil     | 14 Dec (Fay's brother) | screened, rated, never decided; the timer fired        | —         |
 * | X1 Ann  | Thu 24 Dec    | NFA decided Tue 29 Dec: within 1 working day (25, 28 holidays)  | —         |
 */
describe('the master indicators on a small, exactly known history', () => {
  let dataSource: DataSource;
  let db: Database;
  let result: IndicatorsResult;
  const tenant = `ind-${randomUUID().slice(0, 8)}`;
  const otherTenant = `ind-other-${randomUUID().slice(0, 8)}`;
  const reportClock = new SettableClock(new Date('2027-01-11T12:00:00Z'));
  const december = reportingPeriod('2026-12-01', '2026-12-31');
  const ids: Record<string, string> = {};

  const child = (givenName: string, dateOfBirth = '2016-05-05', nhsNumber?: string) => ({
    givenName,
    familyName: 'Testcase',
    dateOfBirth,
    ...(nhsNumber ? { nhsNumber } : {}),
  });

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 4 });
    db = new Database(dataSource);
    const h = new FrontDoorHistory(db, tenant);

    // L1: open since February with family help and no step since the decision.
    let c = await h.contact({ at: '2026-02-02T10:00:00Z', sourceCode: '5D', children: [child('Lena')] });
    ids.L1 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-02-02T10:30:00Z');
    await h.decide(ids.L1, { screened: '2026-02-02T11:00:00Z', decided: '2026-02-03T10:00:00Z' }, 'family_help', 'green');
    await h.allocate(ids.L1, '2026-02-03T11:00:00Z', 'south', 'w2', 'Sam South');

    // L2: a child protection plan since March, reviewed (late) in December.
    c = await h.contact({ at: '2026-03-02T10:00:00Z', sourceCode: '6', children: [child('Mo')] });
    ids.L2 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-03-02T10:15:00Z');
    await h.decide(ids.L2, { screened: '2026-03-02T10:30:00Z', decided: '2026-03-02T13:00:00Z' }, 'strategy_discussion', 'red');
    await h.allocate(ids.L2, '2026-03-02T14:00:00Z', 'north', 'w1', 'Wyn North');
    await h.protect(ids.L2, { strategy: '2026-03-03T10:00:00Z', s47: '2026-03-20T10:00:00Z', icpc: '2026-03-23T10:00:00Z' });
    await h.step(ids.L2, '2026-04-01T10:00:00Z', { type: 'HOLD_CORE_GROUP', heldAt: '2026-04-01T10:00:00Z' });
    await h.step(ids.L2, '2026-06-22T10:00:00Z', { type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-06-22T10:00:00Z', outcome: 'continue' });
    await h.step(ids.L2, '2026-12-23T10:00:00Z', { type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-12-23T10:00:00Z', outcome: 'continue' });

    // Y1: an assessment finished late in December; allocated only on 2 December.
    c = await h.contact({ at: '2026-10-01T09:00:00Z', sourceCode: '2A', children: [child('Hal')] });
    ids.Y1 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-10-01T10:00:00Z');
    await h.decide(ids.Y1, { screened: '2026-10-01T11:00:00Z', decided: '2026-10-02T10:00:00Z' }, 'assessment');
    await h.allocate(ids.Y1, '2026-12-02T10:00:00Z', 'north', 'w1', 'Wyn North');
    await h.step(ids.Y1, '2026-12-03T10:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2026-12-03T10:00:00Z', seenAlone: true });
    await h.step(ids.Y1, '2026-12-16T10:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-12-16T10:00:00Z',
      outcome: 'family_help',
      factors: ['21'],
      primaryNeed: 'N1',
      reasonForDelay: 'The family moved away for six weeks.',
    });

    // CP1: Dee's first plan (ICPC one day late), closed in December.
    c = await h.contact({ at: '2026-11-02T09:00:00Z', sourceCode: '3B', children: [child('Dee', '2014-02-02', '9434765919')] });
    ids.CP1 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-11-02T09:15:00Z');
    await h.decide(ids.CP1, { screened: '2026-11-02T09:30:00Z', decided: '2026-11-02T12:00:00Z' }, 'strategy_discussion', 'red');
    await h.decisionMessage(ids.CP1, '2026-11-02T12:05:00Z', 'delivered');
    await h.allocate(ids.CP1, '2026-11-02T13:00:00Z', 'north', 'w1', 'Wyn North');
    await h.protect(ids.CP1, { strategy: '2026-11-03T10:00:00Z', s47: '2026-11-17T10:00:00Z', icpc: '2026-11-25T10:00:00Z' });
    await h.step(ids.CP1, '2026-12-02T10:00:00Z', { type: 'HOLD_CORE_GROUP', heldAt: '2026-12-02T10:00:00Z' });
    await h.step(ids.CP1, '2026-12-04T10:00:00Z', { type: 'CLOSE', closedAt: '2026-12-04T10:00:00Z', reason: 'RC7' });

    // Y2: an assessment in November, no further action.
    c = await h.contact({ at: '2026-11-03T09:00:00Z', sourceCode: '8', children: [child('Ivy')] });
    ids.Y2 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-11-03T10:00:00Z');
    await h.decide(ids.Y2, { screened: '2026-11-03T10:30:00Z', decided: '2026-11-03T12:00:00Z' }, 'assessment');
    await h.allocate(ids.Y2, '2026-11-03T13:00:00Z', 'north', 'w1', 'Wyn North');
    await h.step(ids.Y2, '2026-11-05T10:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2026-11-05T10:00:00Z', seenAlone: false });
    await h.step(ids.Y2, '2026-11-20T10:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-11-20T10:00:00Z',
      outcome: 'nfa',
      factors: ['21'],
      primaryNeed: 'N9',
    });

    // X3: redirected at once; the acknowledgement reached the referrer a day late.
    const x3 = await h.contact({ at: '2026-12-01T10:00:00Z', sourceCode: '2A', children: [child('Cal')] });
    ids.X3 = x3.episodeIds[0];
    await h.step(ids.X3, '2026-12-01T11:00:00Z', { type: 'SCREEN', outcome: 'redirect', redirectedTo: 'housing advice' });
    await h.decisionMessage(ids.X3, '2026-12-01T11:05:00Z', 'delivered');
    await h.acknowledged(x3.contactId, '2026-12-03T10:00:00Z');

    // X4: a duplicate of X3; the decision message could not be delivered.
    c = await h.contact({ at: '2026-12-02T09:00:00Z', sourceCode: '3A', children: [child('Dot')] });
    ids.X4 = c.episodeIds[0];
    await h.step(ids.X4, '2026-12-02T09:30:00Z', { type: 'SCREEN', outcome: 'duplicate', duplicateOfContactId: x3.contactId });
    await h.decisionMessage(ids.X4, '2026-12-02T09:35:00Z', 'failed');
    await h.acknowledged(c.contactId, '2026-12-02T10:00:00Z');

    // X5: nobody screened it.
    c = await h.contact({ at: '2026-12-03T09:00:00Z', sourceCode: '6', children: [child('Eve')] });
    ids.X5 = c.episodeIds[0];

    // X2: a police contact of Monday 7 December logged on Thursday 10th: its decision was already late.
    c = await h.contact({ at: '2026-12-10T09:00:00Z', receivedAt: '2026-12-07T08:00:00Z', sourceCode: '6', children: [child('Ben')] });
    ids.X2 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-12-10T09:05:00Z');
    await h.decide(ids.X2, { screened: '2026-12-10T09:30:00Z', decided: '2026-12-10T10:00:00Z' }, 'assessment');
    await h.allocate(ids.X2, '2026-12-10T11:00:00Z', 'south', 'w2', 'Sam South');
    await h.step(ids.X2, '2026-12-14T10:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2026-12-14T10:00:00Z', seenAlone: true });
    await h.step(ids.X2, '2026-12-21T10:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2026-12-21T10:00:00Z',
      outcome: 'cin_plan',
      factors: ['21'],
      primaryNeed: 'N1',
    });

    // CP2: Dee again, within 12 months: a second child protection plan, ICPC on the last day.
    c = await h.contact({ at: '2026-12-07T09:00:00Z', sourceCode: '3B', children: [child('Dee', '2014-02-02', '9434765919')] });
    ids.CP2 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-12-07T09:10:00Z');
    await h.decide(ids.CP2, { screened: '2026-12-07T09:30:00Z', decided: '2026-12-07T12:00:00Z' }, 'strategy_discussion', 'red');
    await h.decisionMessage(ids.CP2, '2026-12-07T12:05:00Z', 'delivered');
    await h.allocate(ids.CP2, '2026-12-07T13:00:00Z', 'north', 'w1', 'Wyn North');
    await h.protect(ids.CP2, { strategy: '2026-12-08T10:00:00Z', s47: '2026-12-18T10:00:00Z', icpc: '2026-12-31T10:00:00Z' });

    // Fay and Gil: one contact, two children; Fay decided in time, Gil never.
    c = await h.contact({ at: '2026-12-14T09:00:00Z', sourceCode: '1A', children: [child('Fay', '2017-07-07'), child('Gil', '2019-09-09')] });
    [ids.Fay, ids.Gil] = c.episodeIds;
    await h.acknowledged(c.contactId, '2026-12-14T11:00:00Z');
    await h.decide(ids.Fay, { screened: '2026-12-14T10:00:00Z', decided: '2026-12-15T11:00:00Z' }, 'family_help');
    await h.allocate(ids.Fay, '2026-12-15T12:00:00Z', 'south', 'w3', 'Tess South');
    await h.step(ids.Gil, '2026-12-14T10:00:00Z', { type: 'SCREEN', outcome: 'concern' });
    await h.step(ids.Gil, '2026-12-14T10:30:00Z', { type: 'RATE', rag: 'green', rationale: 'a sibling' });
    await h.timerFires(ids.Gil, 'decision', '2026-12-16T08:00:00Z');

    // X1: Christmas Eve; decided on Tuesday 29 December, the first working day after it.
    c = await h.contact({ at: '2026-12-24T10:00:00Z', sourceCode: '2A', children: [child('Ann')] });
    ids.X1 = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-12-24T12:00:00Z');
    await h.decide(ids.X1, { screened: '2026-12-24T11:00:00Z', decided: '2026-12-29T15:00:00Z' }, 'nfa', 'green');
    await h.decisionMessage(ids.X1, '2026-12-29T15:05:00Z', 'delivered');

    // January, after the period: in no figure of December or November.
    await h.contact({ at: '2027-01-11T09:00:00Z', sourceCode: '6', children: [child('Jon')] });

    // Another authority's December: none of it may appear.
    const other = new FrontDoorHistory(db, otherTenant);
    const o = await other.contact({ at: '2026-12-03T09:00:00Z', sourceCode: '6', children: [child('Zed')] });
    await other.decide(o.episodeIds[0], { screened: '2026-12-03T10:00:00Z', decided: '2026-12-09T10:00:00Z' }, 'assessment');
    await other.allocate(o.episodeIds[0], '2026-12-09T11:00:00Z', 'north', 'w1', 'Someone Else');

    result = await new IndicatorsReport(db, reportClock).run(tenant, december);
  }, 120_000);

  afterAll(() => dataSource.destroy());

  const current = (): Indicators => result.current.overall;
  const previous = (): Indicators => result.previous.overall;
  const team = (period: 'current' | 'previous', name: string | null): Indicators => {
    const found = result[period].byTeam.find((t) => t.team === name);
    if (!found) throw new Error(`no team ${name}`);
    return found.indicators;
  };
  const r = (numerator: number, denominator: number) => ({
    numerator,
    denominator,
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
  });

  it('reports December beside the 31 days before it', () => {
    expect(result.current).toMatchObject({ from: '2026-12-01', to: '2026-12-31', days: 31, asAt: '2027-01-01T00:00:00.000Z' });
    expect(result.previous).toMatchObject({ from: '2026-10-31', to: '2026-11-30', days: 31, asAt: '2026-12-01T00:00:00.000Z' });
    expect(result.current.byTeam.map((t) => t.team)).toEqual(['north', 'south', null]);
    expect(result.previous.byTeam.map((t) => t.team)).toEqual(['north', 'south', null]);
  });

  it('counts contacts per child by the date received (the backdated one in December), by source and screening outcome', () => {
    expect(current().contactsReceived).toEqual({ contacts: 7, children: 8 });
    const bySource = current().contactsBySource;
    expect(bySource['2A']).toEqual(r(2, 8));
    expect(bySource['3A']).toEqual(r(1, 8));
    expect(bySource['6']).toEqual(r(2, 8));
    expect(bySource['3B']).toEqual(r(1, 8));
    expect(bySource['1A']).toEqual(r(2, 8));
    expect(bySource['10']).toEqual(r(0, 8));
    expect(current().contactsByScreeningOutcome).toEqual({
      concern: r(5, 8),
      open_case: r(0, 8),
      redirect: r(1, 8),
      duplicate: r(1, 8),
      not_yet_screened: r(1, 8),
    });
    expect(previous().contactsReceived).toEqual({ contacts: 2, children: 2 });
    expect(previous().contactsBySource['3B']).toEqual(r(1, 2));
    expect(previous().contactsBySource['8']).toEqual(r(1, 2));
  });

  it('converts screened contacts to referrals, leaving out the one not yet screened', () => {
    expect(current().conversionToReferral).toEqual(r(5, 7));
    expect(previous().conversionToReferral).toEqual(r(2, 2));
  });

  it('counts decisions due in the period: the Christmas Eve referral decided on 29 December is in time, the backdated one and the undecided are not', () => {
    // Met: X3, X4, CP2, Fay, X1. Breached: X2 (backdated), Gil (timer fired), X5 (still open after its due time).
    expect(current().decisionsWithinOneWorkingDay).toEqual(r(5, 8));
    expect(previous().decisionsWithinOneWorkingDay).toEqual(r(2, 2));
  });

  it('counts referrers acknowledged within one working day, per child', () => {
    // Late: X3 (acknowledged on the 3rd), X2 (backdated), X5 (never).
    expect(current().acknowledgementsWithinOneWorkingDay).toEqual(r(5, 8));
    expect(previous().acknowledgementsWithinOneWorkingDay).toEqual(r(2, 2));
  });

  it('counts decisions made whose message reached the referrer', () => {
    // Made: X3, X4, X2, CP2, Fay, X1; delivered: X3, CP2, X1 (X4 failed; X2 and Fay still pending).
    expect(current().decisionsWithFeedbackDelivered).toEqual(r(3, 6));
    expect(previous().decisionsWithFeedbackDelivered).toEqual(r(1, 2));
  });

  it('counts assessments by completion date within 45 working days, with the days they took', () => {
    expect(current().assessmentsWithin45WorkingDays).toEqual(r(1, 2));
    expect(current().assessmentWorkingDays).toEqual({
      median: 10,
      bands: [
        { band: '0-10', share: r(1, 2) },
        { band: '11-20', share: r(0, 2) },
        { band: '21-30', share: r(0, 2) },
        { band: '31-45', share: r(0, 2) },
        { band: '46-60', share: r(1, 2) },
        { band: '61+', share: r(0, 2) },
      ],
    });
    expect(previous().assessmentsWithin45WorkingDays).toEqual(r(1, 1));
    expect(previous().assessmentWorkingDays.median).toBe(13);
    expect(previous().assessmentWorkingDays.bands[1]).toEqual({ band: '11-20', share: r(1, 1) });
  });

  it('counts conferences and core groups by the date they were held', () => {
    // CP2's ICPC on 31 December was due that day (15 working days after 8 December, over Christmas).
    expect(current().icpcsWithin15WorkingDays).toEqual(r(1, 1));
    expect(previous().icpcsWithin15WorkingDays).toEqual(r(0, 1));
    expect(current().firstCoreGroupsWithin10WorkingDays).toEqual(r(1, 1));
    expect(previous().firstCoreGroupsWithin10WorkingDays).toEqual(r(0, 0));
    expect(current().reviewConferencesOnTime).toEqual(r(0, 1));
    expect(previous().reviewConferencesOnTime).toEqual(r(0, 0));
  });

  it('counts re-referrals within 12 months and second child protection plans', () => {
    expect(current().reReferralsWithin12Months).toEqual(r(1, 5));
    expect(previous().reReferralsWithin12Months).toEqual(r(0, 2));
    expect(current().secondOrSubsequentCpPlans).toEqual(r(1, 1));
    expect(previous().secondOrSubsequentCpPlans).toEqual(r(0, 1));
  });

  it('measures caseload at the end of each period, by who held each case then', () => {
    expect(current().caseload).toEqual({
      perWorker: [
        { workerId: 'w1', workerName: 'Wyn North', team: 'north', openEpisodes: 3 },
        { workerId: 'w2', workerName: 'Sam South', team: 'south', openEpisodes: 2 },
        { workerId: 'w3', workerName: 'Tess South', team: 'south', openEpisodes: 1 },
      ],
      averagePerWorker: r(6, 3),
      unallocated: 2,
    });
    // On 1 December: CP1 not yet closed, Y1 not yet allocated.
    expect(previous().caseload).toEqual({
      perWorker: [
        { workerId: 'w1', workerName: 'Wyn North', team: 'north', openEpisodes: 2 },
        { workerId: 'w2', workerName: 'Sam South', team: 'south', openEpisodes: 1 },
      ],
      averagePerWorker: r(3, 2),
      unallocated: 1,
    });
  });

  it('measures how long referrals closed in the period were held open', () => {
    // X1 closed after 5 days, CP1 after 32; X3 and X4 were never referrals.
    expect(current().timeHeldOpen).toEqual({
      closed: 2,
      medianDays: 5,
      p90Days: 32,
      bands: [
        { band: '0-30', share: r(1, 2) },
        { band: '31-90', share: r(1, 2) },
        { band: '91-180', share: r(0, 2) },
        { band: '181-365', share: r(0, 2) },
        { band: '366+', share: r(0, 2) },
      ],
    });
    expect(previous().timeHeldOpen).toMatchObject({ closed: 1, medianDays: 17, p90Days: 17 });
  });

  it('finds episodes open more than 9 months without a review', () => {
    // At 1 January: L1 (no review since February) and L2 (review conference on 23 December).
    expect(current().openOverNineMonthsWithoutReview).toEqual({
      ...r(1, 2),
      episodes: [
        {
          episodeId: ids.L1,
          childId: expect.any(String),
          referralAt: '2026-02-02T10:00:00.000Z',
          lastReviewAt: '2026-02-03T10:00:00.000Z',
          team: 'south',
          workerId: 'w2',
          workerName: 'Sam South',
        },
      ],
    });
    // At 1 December L2 had been open less than 9 months.
    expect(previous().openOverNineMonthsWithoutReview).toMatchObject({ ...r(1, 1), episodes: [{ episodeId: ids.L1 }] });
  });

  it('gives each team its own figures, which add up to the authority’s', () => {
    expect(team('current', null).decisionsWithinOneWorkingDay).toEqual(r(3, 5));
    expect(team('current', 'south').decisionsWithinOneWorkingDay).toEqual(r(1, 2));
    expect(team('current', 'north').decisionsWithinOneWorkingDay).toEqual(r(1, 1));
    expect(team('current', 'south').assessmentsWithin45WorkingDays).toEqual(r(1, 1));
    expect(team('current', 'north').assessmentsWithin45WorkingDays).toEqual(r(0, 1));
    expect(team('current', 'south').caseload.averagePerWorker).toEqual(r(3, 2));
    expect(team('current', null).caseload).toEqual({ perWorker: [], averagePerWorker: r(0, 0), unallocated: 2 });
    // Fay's and Gil's contact counts once in south and once among the unallocated, once overall.
    expect(team('current', 'south').contactsReceived).toEqual({ contacts: 2, children: 2 });
    expect(team('current', null).contactsReceived).toEqual({ contacts: 5, children: 5 });
    expect(team('previous', null).caseload.unallocated).toBe(1);
    for (const key of ['decisionsWithinOneWorkingDay', 'acknowledgementsWithinOneWorkingDay', 'reReferralsWithin12Months'] as const) {
      const sum = result.current.byTeam.reduce(
        (acc, t) => ({ n: acc.n + t.indicators[key].numerator, d: acc.d + t.indicators[key].denominator }),
        { n: 0, d: 0 },
      );
      expect([sum.n, sum.d]).toEqual([current()[key].numerator, current()[key].denominator]);
    }
  });

  it('narrows to one team when asked', async () => {
    const south = await new IndicatorsReport(db, reportClock).run(tenant, december, 'south');
    expect(south.team).toBe('south');
    expect(south.current.byTeam.map((t) => t.team)).toEqual(['south']);
    expect(south.current.overall).toEqual(team('current', 'south'));
    expect(south.current.overall.openOverNineMonthsWithoutReview).toMatchObject(r(1, 1));
    expect(south.previous.overall.caseload.perWorker).toEqual([{ workerId: 'w2', workerName: 'Sam South', team: 'south', openEpisodes: 1 }]);
  });

  it('never shows another authority’s data', async () => {
    const other = await new IndicatorsReport(db, reportClock).run(otherTenant, december);
    expect(other.current.overall.contactsReceived).toEqual({ contacts: 1, children: 1 });
    expect(other.current.overall.caseload.perWorker).toEqual([{ workerId: 'w1', workerName: 'Someone Else', team: 'north', openEpisodes: 1 }]);
    // …and the figures above, for this authority, already leave it out (e.g. 7 contacts, not 8).
    expect(current().caseload.perWorker.map((w) => w.workerName)).not.toContain('Someone Else');
  });

  it('says what each indicator counts', () => {
    expect(Object.keys(result.definitions).sort()).toEqual(Object.keys(current()).sort());
  });
});
