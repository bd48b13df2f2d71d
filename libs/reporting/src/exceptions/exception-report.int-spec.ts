import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { FrontDoorHistory } from '../indicators/testing/front-door-history.fixture';
import { ExceptionReport } from './exception-report';
import { parseMarginWorkingDays } from './exception-margin';

/**
 * The exception report on Monday 11 January 2027, 12:00, over a small known history:
 *
 * - Eve (3 Dec): never screened nor acknowledged — both due end of Friday 4 Dec: red, 23 working days late.
 * - Gil (14 Dec): screened and rated green, never decided. The decision's timer fired (status
 *   breached, not done): red, 16 late; the MASH checks (3 working days) due end of 17 Dec: red, 14 late.
 * - Dee (7 Dec): child protection plan from the ICPC of 31 Dec; first core group due end of Friday
 *   15 Jan: amber only with a margin of 4 working days or more.
 * - Jon (11 Jan, 09:00): acknowledgement and decision due end of Tuesday 12 Jan: amber, 1 left.
 * - Kit (backdated, decided late) and Ann (Christmas Eve, decided 29 Dec): everything done — not listed.
 * - Another authority's overdue contact: never listed.
 */
describe('the RAG exception report', () => {
  let dataSource: DataSource;
  let db: Database;
  const tenant = `exc-${randomUUID().slice(0, 8)}`;
  const otherTenant = `exc-other-${randomUUID().slice(0, 8)}`;
  const now = new Date('2027-01-11T12:00:00Z');
  const ids: Record<string, string> = {};
  const references: Record<string, string> = {};

  const child = (givenName: string) => ({ givenName, familyName: 'Exception', dateOfBirth: '2015-01-15' });

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 4 });
    db = new Database(dataSource);
    const h = new FrontDoorHistory(db, tenant);
    const reference = async (name: string, contactId: string) => {
      references[name] = (await db.read.contacts.findById(tenant, contactId))!.reference;
    };

    let c = await h.contact({ at: '2026-12-03T09:00:00Z', sourceCode: '6', children: [child('Eve')] });
    ids.Eve = c.episodeIds[0];
    await reference('Eve', c.contactId);

    c = await h.contact({ at: '2026-12-14T09:00:00Z', sourceCode: '1A', children: [child('Gil')] });
    ids.Gil = c.episodeIds[0];
    await reference('Gil', c.contactId);
    await h.acknowledged(c.contactId, '2026-12-14T09:30:00Z');
    await h.step(ids.Gil, '2026-12-14T10:00:00Z', { type: 'SCREEN', outcome: 'concern' });
    await h.step(ids.Gil, '2026-12-14T10:30:00Z', { type: 'RATE', rag: 'green', rationale: 'no immediate danger' });
    await h.timerFires(ids.Gil, 'decision', '2026-12-16T08:00:00Z');

    c = await h.contact({ at: '2026-12-07T09:00:00Z', sourceCode: '3B', children: [child('Dee')] });
    ids.Dee = c.episodeIds[0];
    await reference('Dee', c.contactId);
    await h.acknowledged(c.contactId, '2026-12-07T09:10:00Z');
    await h.decide(ids.Dee, { screened: '2026-12-07T09:30:00Z', decided: '2026-12-07T12:00:00Z' }, 'strategy_discussion', 'red');
    await h.allocate(ids.Dee, '2026-12-07T13:00:00Z', 'north', 'w1', 'Wyn North');
    await h.protect(ids.Dee, { strategy: '2026-12-08T10:00:00Z', s47: '2026-12-18T10:00:00Z', icpc: '2026-12-31T10:00:00Z' });

    // Kit: logged on 10 December for 7 December, so late from the start; then done (breached, completed).
    c = await h.contact({ at: '2026-12-10T09:00:00Z', receivedAt: '2026-12-07T08:00:00Z', sourceCode: '6', children: [child('Kit')] });
    ids.Kit = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-12-10T09:05:00Z');
    await h.decide(ids.Kit, { screened: '2026-12-10T09:30:00Z', decided: '2026-12-10T10:00:00Z' }, 'family_help');
    await h.allocate(ids.Kit, '2026-12-10T11:00:00Z', 'south', 'w2', 'Sam South');

    c = await h.contact({ at: '2026-12-24T10:00:00Z', sourceCode: '2A', children: [child('Ann')] });
    ids.Ann = c.episodeIds[0];
    await h.acknowledged(c.contactId, '2026-12-24T12:00:00Z');
    await h.decide(ids.Ann, { screened: '2026-12-24T11:00:00Z', decided: '2026-12-29T15:00:00Z' }, 'nfa', 'green');

    c = await h.contact({ at: '2027-01-11T09:00:00Z', sourceCode: '6', children: [child('Jon')] });
    ids.Jon = c.episodeIds[0];
    await reference('Jon', c.contactId);

    const other = new FrontDoorHistory(db, otherTenant);
    await other.contact({ at: '2026-12-01T09:00:00Z', sourceCode: '6', children: [child('Zed')] });
    await other.contact({ at: '2027-01-11T09:00:00Z', sourceCode: '6', children: [child('Zoe')] });
  }, 60_000);

  afterAll(() => dataSource.destroy());

  const report = (margin: number, team?: string) => new ExceptionReport(db).run(tenant, now, margin, team);
  const line = (i: { episodeId: string; kind: string; rag: string; workingDaysLate: number | null; workingDaysLeft: number | null }) => {
    const name = Object.keys(ids).find((key) => ids[key] === i.episodeId);
    return `${i.rag} ${name} ${i.kind} ${i.rag === 'red' ? `late ${i.workingDaysLate}` : `left ${i.workingDaysLeft}`}`;
  };

  it('lists reds from the longest overdue, then ambers from the soonest due', async () => {
    const list = await report(2);
    expect(list.items.map(line)).toEqual([
      'red Eve acknowledgement late 23',
      'red Eve decision late 23',
      'red Gil decision late 16',
      'red Gil mash_checks late 14',
      'amber Jon acknowledgement left 1',
      'amber Jon decision left 1',
    ]);
    expect(list.counts).toEqual({
      red: 4,
      amber: 2,
      byKind: [
        { kind: 'acknowledgement', red: 1, amber: 1 },
        { kind: 'decision', red: 2, amber: 1 },
        { kind: 'mash_checks', red: 1, amber: 0 },
      ],
    });
    expect(list.amberUntil).toBe('2027-01-13T23:59:59.999Z');
    expect(list).toMatchObject({ total: 6, page: 1, pageSize: 6 });
  });

  it('answers a page at a time, of one kind or rating, with the counts of the whole list', async () => {
    const page = (view: object) => new ExceptionReport(db).run(tenant, now, 2, undefined, view);
    const second = await page({ page: 2, pageSize: 4 });
    expect(second.items.map(line)).toEqual(['amber Jon acknowledgement left 1', 'amber Jon decision left 1']);
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4, counts: { red: 4, amber: 2 } });
    const decisions = await page({ kind: 'decision', pageSize: 50 });
    expect(decisions.items.map(line)).toEqual(['red Eve decision late 23', 'red Gil decision late 16', 'amber Jon decision left 1']);
    expect(decisions.total).toBe(3);
    const ambers = await page({ rag: 'amber', pageSize: 50 });
    expect(ambers.items.map(line)).toEqual(['amber Jon acknowledgement left 1', 'amber Jon decision left 1']);
    expect(ambers).toMatchObject({ total: 2, counts: { red: 4, amber: 2 } });
  });

  it('gives each line the child, episode, contact, team, worker and due time', async () => {
    const list = await report(4);
    expect(list.items.map(line).slice(4)).toEqual([
      'amber Jon acknowledgement left 1',
      'amber Jon decision left 1',
      'amber Dee core_group left 4',
    ]);
    expect(list.items[6]).toMatchObject({
      rag: 'amber',
      kind: 'core_group',
      key: '',
      status: 'open',
      dueAt: '2027-01-15T23:59:59.999Z',
      startedAt: '2026-12-31T10:00:00.000Z',
      episodeId: ids.Dee,
      childId: expect.any(String),
      contactReference: references.Dee,
      stage: 'cp_plan',
      episodeRag: 'red',
      team: 'north',
      workerId: 'w1',
      workerName: 'Wyn North',
      workingDaysLate: null,
      workingDaysLeft: 4,
    });
    expect(list.items[0]).toMatchObject({
      episodeId: ids.Eve,
      contactReference: references.Eve,
      dueAt: '2026-12-04T23:59:59.999Z',
      stage: 'screening',
      team: null,
      workerId: null,
    });
  });

  it('keeps a breach the timer recorded on the list until the step is done', async () => {
    const gil = (await report(2)).items.find((i) => i.episodeId === ids.Gil && i.kind === 'decision');
    expect(gil).toMatchObject({ status: 'breached', rag: 'red', contactReference: references.Gil, dueAt: '2026-12-15T23:59:59.999Z' });
  });

  it('leaves out what was done, late or not, and what was stopped', async () => {
    const listed = new Set((await report(60)).items.map((i) => i.episodeId));
    expect(listed.has(ids.Kit)).toBe(false);
    expect(listed.has(ids.Ann)).toBe(false);
  });

  it('with no margin, lists only what is already late', async () => {
    const list = await report(0);
    expect(list.counts).toMatchObject({ red: 4, amber: 0 });
    expect(list.amberUntil).toBe('2027-01-11T23:59:59.999Z');
  });

  it('narrows to one team when asked', async () => {
    expect((await report(4, 'north')).items.map(line)).toEqual(['amber Dee core_group left 4']);
    expect((await report(4, 'south')).items).toEqual([]);
  });

  it('never lists another authority’s deadlines', async () => {
    const other = await new ExceptionReport(db).run(otherTenant, now, 2);
    expect(other.counts).toMatchObject({ red: 2, amber: 2 });
    const ours = new Set(Object.values(ids));
    expect(other.items.every((i) => !ours.has(i.episodeId))).toBe(true);
    const list = await report(2);
    expect(list.items.every((i) => Object.values(ids).includes(i.episodeId))).toBe(true);
  });

  it('refuses a margin that is not a whole number of working days', async () => {
    await expect(report(-1)).rejects.toThrow(RangeError);
    await expect(report(1.5)).rejects.toThrow(RangeError);
    expect(parseMarginWorkingDays(undefined)).toEqual({ ok: true, marginWorkingDays: 2 });
    expect(parseMarginWorkingDays('5')).toEqual({ ok: true, marginWorkingDays: 5 });
    expect(parseMarginWorkingDays('two')).toMatchObject({ ok: false, problems: [{ field: 'marginWorkingDays' }] });
    expect(parseMarginWorkingDays('61')).toMatchObject({ ok: false, problems: [{ field: 'marginWorkingDays' }] });
  });
});
