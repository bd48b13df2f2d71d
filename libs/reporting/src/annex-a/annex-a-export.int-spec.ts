import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { ApplyEvent, CreateContact } from '@frontdoor/engine';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { laChildIdOf, ReportingInputError } from '../cin-census';
import { ANNEX_A_COLUMNS } from './annex-a-columns';
import { AnnexAExport } from './annex-a-export';

/** Drives the real engine: one practitioner-manager, the clock set to each step's time. */
class FrontDoorHistory {
  readonly clock = new SettableClock(new Date('2025-04-01T09:00:00Z'));
  private readonly actor: Actor;

  constructor(
    private readonly db: Database,
    tenant: string,
  ) {
    this.actor = { sub: 'morgan', name: 'Morgan Manager', roles: ['practitioner', 'manager'], tenant, agency: null, email: null, sourceCode: null };
  }

  async contact(at: string, child: Record<string, unknown>, sourceCode: string) {
    this.clock.set(at);
    const created = await new CreateContact(this.db, this.clock, new AuthoritySettingsRegistry()).execute({
      actor: this.actor,
      input: {
        channel: 'phone',
        referrer: { name: 'Rae Referrer', sourceCode, email: 'rae@example.org', feedbackChannel: 'email' },
        children: [{ givenName: 'Test', familyName: 'Child', ...child }],
        concern: { summary: 'A worry', categories: ['neglect'], immediateRisk: false },
        consent: { obtained: true },
      },
    });
    return { episodeId: created.contact.episodes[0].id, childId: created.contact.episodes[0].childId };
  }

  async step(episodeId: string, at: string, body: Record<string, unknown>) {
    this.clock.set(at);
    await new ApplyEvent(this.db, this.clock).execute({ actor: this.actor, episodeId, body });
  }

  async decide(episodeId: string, at: string, decision: Record<string, unknown>) {
    const later = (minutes: number) => new Date(new Date(at).getTime() + minutes * 60_000).toISOString();
    await this.step(episodeId, at, { type: 'SCREEN', outcome: 'concern' });
    await this.step(episodeId, later(30), { type: 'PROPOSE_DECISION', thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f', ...decision });
    await this.step(episodeId, later(60), { type: 'APPROVE_DECISION' });
  }
}

describe('Ofsted Annex A lists of a known half-year', () => {
  let dataSource: DataSource;
  let db: Database;
  let annexA: AnnexAExport;
  const tenant = `annexa-${randomUUID().slice(0, 8)}`;
  const otherTenant = `annexa-${randomUUID().slice(0, 8)}`;
  let a: string; // Ada's LA child id: an NFA referral, then Family Help
  let b: string; // Bea: an assessment leading to a CIN plan
  let c: string; // Cal: strategy discussion, s47, ICPC, plan
  let r: string; // Rex: a contact redirected elsewhere
  let d: string; // Dee: Family Help, not yet allocated
  let e: string; // Eve: an assessment, not yet allocated
  let before: string; // a contact before the period
  let elsewhere: string; // another authority's child

  const FROM = '2025-06-01';
  const TO = '2025-11-30';
  const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
    annexA = new AnnexAExport(db);
    const h = new FrontDoorHistory(db, tenant);
    const ada = { dateOfBirth: '2016-03-04', sex: 'M', ethnicity: 'WIRI', nhsNumber: '9434765919' };

    const earlier = await h.contact('2025-05-20T09:00:00Z', { dateOfBirth: '2013-02-02', sex: 'F' }, '9');
    before = laChildIdOf(earlier.childId);

    const adaFirst = await h.contact('2025-06-02T09:00:00Z', ada, '1A');
    a = laChildIdOf(adaFirst.childId);
    await h.decide(adaFirst.episodeId, '2025-06-02T09:30:00Z', { outcome: 'nfa', thresholdLevel: 1, signposting: 'School nurse' });
    // The source was miscoded: the contact came from Ada's childminder.
    await h.step(adaFirst.episodeId, '2025-06-20T09:00:00Z', { type: 'AMEND_RECORD', reason: 'Source miscoded', referralSource: '1B' });

    const rex = await h.contact('2025-06-03T09:00:00Z', { dateOfBirth: '2015-01-01', sex: 'F' }, '8');
    r = laChildIdOf(rex.childId);
    await h.step(rex.episodeId, '2025-06-03T09:30:00Z', { type: 'SCREEN', outcome: 'redirect', redirectedTo: 'Housing' });

    const bea = await h.contact('2025-06-09T09:00:00Z', { dateOfBirth: '2012-09-15', sex: 'F', ethnicity: 'WBRI', disabilities: ['AUT'] }, '2A');
    b = laChildIdOf(bea.childId);
    await h.decide(bea.episodeId, '2025-06-09T09:30:00Z', { outcome: 'assessment', primaryNeed: 'N4' });
    // Names typed by people reach a spreadsheet: these two would run as formulas.
    await h.step(bea.episodeId, '2025-06-10T09:00:00Z', { type: 'ALLOCATE', workerId: 'sw-jo', team: '=west', workerName: '@Jo' });
    await h.step(bea.episodeId, '2025-06-12T09:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2025-06-12T09:00:00Z', seenAlone: true });
    await h.step(bea.episodeId, '2025-07-01T09:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2025-07-01T09:00:00Z',
      outcome: 'cin_plan',
      factors: ['3B'],
      primaryNeed: 'N5',
    });

    const cal = await h.contact('2025-09-01T08:00:00Z', { dateOfBirth: '2019-01-20', sex: 'F', disabilities: ['NONE'] }, '6');
    c = laChildIdOf(cal.childId);
    await h.decide(cal.episodeId, '2025-09-01T08:30:00Z', { outcome: 'strategy_discussion', thresholdLevel: 4, primaryNeed: 'N1' });
    await h.step(cal.episodeId, '2025-09-01T10:00:00Z', { type: 'ALLOCATE', workerId: 'sw-kai', team: 'east', workerName: 'Kai Jones' });
    await h.step(cal.episodeId, '2025-09-02T09:00:00Z', { type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2025-09-02T09:00:00Z', agencies: ['police'], outcome: 's47' });
    await h.step(cal.episodeId, '2025-09-10T09:00:00Z', { type: 'COMPLETE_S47', completedAt: '2025-09-10T09:00:00Z', outcome: 'icpc' });
    await h.step(cal.episodeId, '2025-09-16T09:00:00Z', {
      type: 'HOLD_ICPC',
      heldAt: '2025-09-16T09:00:00Z',
      outcome: 'cp_plan',
      category: 'PHY',
      familyGroupConferenceOffered: true,
    });

    const adaAgain = await h.contact('2025-09-15T09:00:00Z', ada, '2A');
    expect(laChildIdOf(adaAgain.childId)).toBe(a);
    await h.decide(adaAgain.episodeId, '2025-09-15T09:30:00Z', { outcome: 'family_help', thresholdLevel: 2, primaryNeed: 'N4' });
    await h.step(adaAgain.episodeId, '2025-09-16T09:00:00Z', { type: 'ALLOCATE', workerId: 'fh-sam', team: 'north', workerName: 'Sam Green' });
    await h.step(adaAgain.episodeId, '2025-11-03T10:00:00Z', { type: 'CLOSE', closedAt: '2025-11-03T10:00:00Z', reason: 'RC7' });

    const dee = await h.contact('2025-10-06T09:00:00Z', { dateOfBirth: '2014-04-04', sex: 'F', ethnicity: 'WBRI' }, '3A');
    d = laChildIdOf(dee.childId);
    await h.decide(dee.episodeId, '2025-10-06T09:30:00Z', { outcome: 'family_help', thresholdLevel: 2, primaryNeed: 'N4' });
    const eve = await h.contact('2025-10-07T09:00:00Z', { dateOfBirth: '2015-05-05', sex: 'F', ethnicity: 'WBRI' }, '3A');
    e = laChildIdOf(eve.childId);
    await h.decide(eve.episodeId, '2025-10-07T09:30:00Z', { outcome: 'assessment', thresholdLevel: 3, primaryNeed: 'N4' });

    const other = await new FrontDoorHistory(db, otherTenant).contact('2025-06-02T09:00:00Z', { dateOfBirth: '2016-03-04', sex: 'M' }, '1A');
    elsewhere = laChildIdOf(other.childId);
  });
  afterAll(() => dataSource.destroy());

  it.each([1, 2, 3, 4, 5] as const)('list %i starts with Ofsted’s header row', async (list) => {
    expect(lines(await annexA.run(tenant, list, FROM, TO))[0]).toBe(ANNEX_A_COLUMNS[list].map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
  });

  it('list 1: every contact in the period, redirected ones too, with its source', async () => {
    expect(lines(await annexA.run(tenant, 1, FROM, TO)).slice(1)).toEqual([
      // As amended by a manager.
      `${a},a) Male,b) WIRI,04/03/2016,9,02/06/2025,b) 1B: Individual`,
      `${r},b) Female,t) NOBT,01/01/2015,10,03/06/2025,s) 8: Other`,
      `${b},b) Female,a) WBRI,15/09/2012,12,09/06/2025,e) 2A: Schools`,
      `${c},b) Female,t) NOBT,20/01/2019,6,01/09/2025,q) 6: Police`,
      `${a},a) Male,b) WIRI,04/03/2016,9,15/09/2025,e) 2A: Schools`,
      `${d},b) Female,a) WBRI,04/04/2014,11,06/10/2025,g) 3A: Health services`,
      `${e},b) Female,a) WBRI,05/05/2015,10,07/10/2025,g) 3A: Health services`,
    ]);
  });

  it('list 2: Family Help, with its start, end and team', async () => {
    expect(lines(await annexA.run(tenant, 2, FROM, TO)).slice(1)).toEqual([
      `${a},a) Male,b) WIRI,04/03/2016,9,15/09/2025,03/11/2025,north`,
      // Not yet allocated: the front door has it.
      `${d},b) Female,a) WBRI,04/04/2014,11,06/10/2025,,Front door (MASH)`,
    ]);
  });

  it('list 3: referrals, NFA or not, counting the child’s referrals in the last 12 months', async () => {
    expect(lines(await annexA.run(tenant, 3, FROM, TO)).slice(1)).toEqual([
      // Decided at the front door: its team, and the worker who proposed the decision.
      `${a},a) Male,b) WIRI,04/03/2016,9,02/06/2025,b) 1B: Individual,a) Yes,1,Front door (MASH),Morgan Manager`,
      `${b},b) Female,a) WBRI,15/09/2012,12,09/06/2025,e) 2A: Schools,b) No,1,'=west,'@Jo`,
      `${c},b) Female,t) NOBT,20/01/2019,6,01/09/2025,q) 6: Police,b) No,1,east,Kai Jones`,
      `${a},a) Male,b) WIRI,04/03/2016,9,15/09/2025,e) 2A: Schools,b) No,2,north,Sam Green`,
      `${d},b) Female,a) WBRI,04/04/2014,11,06/10/2025,g) 3A: Health services,b) No,1,Front door (MASH),Morgan Manager`,
      `${e},b) Female,a) WBRI,05/05/2015,10,07/10/2025,g) 3A: Health services,b) No,1,Front door (MASH),Morgan Manager`,
    ]);
  });

  it('list 4: assessments, with the child seen and the outcome', async () => {
    expect(lines(await annexA.run(tenant, 4, FROM, TO)).slice(1)).toEqual([
      `${b},b) Female,a) WBRI,15/09/2012,12,a) Yes,09/06/2025,a) Yes,01/07/2025,a) Yes,'=west,'@Jo`,
      // Disability never recorded; not yet allocated.
      `${e},b) Female,a) WBRI,05/05/2015,10,c) Unknown,07/10/2025,b) No,,,Front door (MASH),Morgan Manager`,
    ]);
  });

  it('list 5: section 47 enquiries with their conferences', async () => {
    expect(lines(await annexA.run(tenant, 5, FROM, TO)).slice(1)).toEqual([
      `${c},b) Female,t) NOBT,20/01/2019,6,b) No,02/09/2025,b) No,16/09/2025,a) Yes,1,1,east,Kai Jones`,
    ]);
  });

  it('shows a list as it stood on the period’s last day', async () => {
    expect(lines(await annexA.run(tenant, 5, FROM, '2025-09-10')).slice(1)).toEqual([
      `${c},b) Female,t) NOBT,20/01/2019,6,b) No,02/09/2025,,,,1,0,east,Kai Jones`,
    ]);
    expect(lines(await annexA.run(tenant, 4, FROM, '2025-06-30')).slice(1)).toEqual([
      `${b},b) Female,a) WBRI,15/09/2012,12,a) Yes,09/06/2025,a) Yes,,,'=west,'@Jo`,
    ]);
  });

  it('never shows another authority’s children, nor contacts outside the period', async () => {
    for (const list of [1, 2, 3, 4, 5] as const) {
      const csv = await annexA.run(tenant, list, FROM, TO);
      expect(csv).not.toContain(elsewhere);
      expect(csv).not.toContain(before);
    }
    expect(lines(await annexA.run(otherTenant, 1, FROM, TO)).slice(1)).toEqual([`${elsewhere},a) Male,t) NOBT,04/03/2016,9,02/06/2025,a) 1A: Individual`]);
  });

  it('refuses a list that does not exist and a period that is not one', async () => {
    await expect(annexA.run(tenant, 6, FROM, TO)).rejects.toEqual(new ReportingInputError([{ field: 'list', message: 'must be an Annex A list from 1 to 5' }]));
    await expect(annexA.run(tenant, 1, TO, FROM)).rejects.toBeInstanceOf(ReportingInputError);
  });
});
