import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { ApplyEvent, CreateContact } from '@frontdoor/engine';
import { Database, openDatabase } from '@frontdoor/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../../../../test/support/test-database';
import { laChildIdOf } from './build-cin-records';
import { CinCensusExport } from './cin-census-export';
import { ReportingInputError } from './reporting-errors';
import { all, childNames, leaves, one, parseXml, type ParsedElement } from './testing/parse-xml';

/**
 * A small, exactly known year built through the real engine (contacts, events, history) on the
 * real PostgreSQL, exported as the DfE would receive it.
 */
class FrontDoorHistory {
  readonly clock = new SettableClock(new Date('2025-04-01T09:00:00Z'));
  private readonly actor: Actor;

  constructor(
    private readonly db: Database,
    readonly tenant: string,
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
        children: [{ givenName: 'Test', familyName: randomUUID(), ...child }],
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

  /** Screened as a new concern, decided and signed off half an hour apart from `at`. */
  async decide(episodeId: string, at: string, decision: Record<string, unknown>) {
    const t = new Date(at).getTime();
    const later = (minutes: number) => new Date(t + minutes * 60_000).toISOString();
    await this.step(episodeId, at, { type: 'SCREEN', outcome: 'concern' });
    await this.step(episodeId, later(30), {
      type: 'PROPOSE_DECISION',
      thresholdLevel: 3,
      rationale: 'Internal rationale',
      feedbackForReferrer: 'Thank you; this is what happens next.',
      ...decision,
    });
    await this.step(episodeId, later(60), { type: 'APPROVE_DECISION' });
  }
}

describe('the CIN census export of a known year', () => {
  let dataSource: DataSource;
  let db: Database;
  const tenant = `cin-${randomUUID().slice(0, 8)}`;
  const otherTenant = `cin-${randomUUID().slice(0, 8)}`;
  const ids: Record<'nfa' | 'cinPlan' | 'childProtection' | 'closed' | 'redirected' | 'elsewhere', { episodeId: string; childId: string }> = {} as never;
  let xml: string;
  let doc: ParsedElement;

  beforeAll(async () => {
    dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 2 });
    db = new Database(dataSource);
    const h = new FrontDoorHistory(db, tenant);

    // 1. A referral with no further action.
    ids.nfa = await h.contact('2025-06-02T09:00:00Z', { dateOfBirth: '2016-03-04', sex: 'M', ethnicity: 'WIRI' }, '1A');
    await h.decide(ids.nfa.episodeId, '2025-06-02T09:30:00Z', { outcome: 'nfa', thresholdLevel: 1, signposting: 'School nurse drop-in' });

    // 2. An assessment leading to a child in need plan; the case closes after 31 March.
    ids.cinPlan = await h.contact('2025-06-09T09:00:00Z', { dateOfBirth: '2012-09-15', sex: 'F', ethnicity: 'WBRI', upn: 'K865123456789', disabilities: ['LD'] }, '2A');
    await h.decide(ids.cinPlan.episodeId, '2025-06-09T09:30:00Z', { outcome: 'assessment', primaryNeed: 'N4' });
    await h.step(ids.cinPlan.episodeId, '2025-06-10T09:00:00Z', { type: 'ALLOCATE', workerId: 'sw-jo', team: 'west', workerName: 'Jo Smith' });
    await h.step(ids.cinPlan.episodeId, '2025-06-12T09:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2025-06-12T09:00:00Z', seenAlone: true });
    await h.step(ids.cinPlan.episodeId, '2025-07-01T09:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2025-07-01T09:00:00Z',
      outcome: 'cin_plan',
      factors: ['3B', '4B'],
      primaryNeed: 'N5',
      // The assessment finds more than the referrer knew.
      disabilities: ['LD', 'AUT'],
    });
    await h.step(ids.cinPlan.episodeId, '2026-04-20T09:00:00Z', { type: 'CLOSE', closedAt: '2026-04-20T09:00:00Z', reason: 'RC7' });

    // 3. Strategy discussion, s47, ICPC and a child protection plan with reviews, open on 31 March.
    ids.childProtection = await h.contact('2025-09-01T08:00:00Z', { dateOfBirth: '2019-01-20', sex: 'F', disabilities: ['NONE'] }, '6');
    await h.decide(ids.childProtection.episodeId, '2025-09-01T08:30:00Z', { outcome: 'strategy_discussion', thresholdLevel: 4, primaryNeed: 'N1' });
    const cp = ids.childProtection.episodeId;
    await h.step(cp, '2025-09-01T10:00:00Z', { type: 'ALLOCATE', workerId: 'sw-kai', team: 'east', workerName: 'Kai Jones' });
    await h.step(cp, '2025-09-02T09:00:00Z', { type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2025-09-02T09:00:00Z', agencies: ['police', 'health'], outcome: 's47' });
    await h.step(cp, '2025-09-10T09:00:00Z', { type: 'COMPLETE_S47', completedAt: '2025-09-10T09:00:00Z', outcome: 'icpc' });
    await h.step(cp, '2025-09-16T09:00:00Z', {
      type: 'HOLD_ICPC',
      heldAt: '2025-09-16T09:00:00Z',
      outcome: 'cp_plan',
      category: 'NEG',
      familyGroupConferenceOffered: true,
    });
    await h.step(cp, '2025-09-23T09:00:00Z', { type: 'HOLD_CORE_GROUP', heldAt: '2025-09-23T09:00:00Z' });
    await h.step(cp, '2025-12-09T10:00:00Z', { type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2025-12-09T10:00:00Z', outcome: 'continue' });
    await h.step(cp, '2026-03-10T10:00:00Z', { type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-03-10T10:00:00Z', outcome: 'continue' });

    // 4. An assessment that finds no further action: closed (RC8).
    ids.closed = await h.contact('2025-10-06T09:00:00Z', { dateOfBirth: '2010-11-30', sex: 'M', ethnicity: 'WBRI' }, '3A');
    await h.decide(ids.closed.episodeId, '2025-10-06T09:30:00Z', { outcome: 'assessment', primaryNeed: 'N4' });
    await h.step(ids.closed.episodeId, '2025-10-07T09:00:00Z', { type: 'ALLOCATE', workerId: 'sw-jo', team: 'west' });
    await h.step(ids.closed.episodeId, '2025-10-08T09:00:00Z', { type: 'RECORD_CHILD_SEEN', seenAt: '2025-10-08T09:00:00Z', seenAlone: false });
    await h.step(ids.closed.episodeId, '2025-10-20T09:00:00Z', {
      type: 'COMPLETE_ASSESSMENT',
      completedAt: '2025-10-20T09:00:00Z',
      outcome: 'nfa',
      factors: ['21'],
      primaryNeed: 'N9',
    });
    // A manager corrects the closed record: what the pathway never asked, and what was wrong.
    await h.step(ids.closed.episodeId, '2026-01-12T09:00:00Z', {
      type: 'AMEND_RECORD',
      reason: 'Audit: disability not recorded; need and factors miscoded',
      disabilities: ['HEAR'],
      primaryNeed: 'N2',
      assessmentFactors: ['1B'],
    });
    await h.step(ids.closed.episodeId, '2026-01-13T09:00:00Z', { type: 'AMEND_RECORD', reason: 'Second look', primaryNeed: 'N3', referralSource: '3B' });

    // Not referrals: a contact redirected to another service; and another authority's child.
    ids.redirected = await h.contact('2025-06-03T09:00:00Z', { dateOfBirth: '2015-01-01', sex: 'F' }, '8');
    await h.step(ids.redirected.episodeId, '2025-06-03T09:30:00Z', { type: 'SCREEN', outcome: 'redirect', redirectedTo: 'Housing' });
    const elsewhere = new FrontDoorHistory(db, otherTenant);
    ids.elsewhere = await elsewhere.contact('2025-06-02T09:00:00Z', { dateOfBirth: '2016-03-04', sex: 'M' }, '1A');
    await elsewhere.decide(ids.elsewhere.episodeId, '2025-06-02T09:30:00Z', { outcome: 'nfa', thresholdLevel: 1, signposting: 'GP' });

    const result = await new CinCensusExport(db, { laCodeOf: () => '865' }).run(tenant, 2026, new Date('2026-05-01T09:00:00Z'));
    if (!result.ok) throw new Error(`the clean year was refused: ${JSON.stringify(result.problems, null, 2)}`);
    xml = result.xml;
    doc = parseXml(xml);
  });
  afterAll(() => dataSource.destroy());

  const childOf = (key: keyof typeof ids) => {
    const found = all(doc, 'Children/Child').filter((c) => one(c, 'ChildIdentifiers/LAchildID').text === laChildIdOf(ids[key].childId));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('passes every rule and parses as well-formed XML for collection year 2026', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message>')).toBe(true);
    expect(leaves(one(doc, 'Header/CollectionDetails'))).toEqual({ Collection: 'CIN', Year: '2026', ReferenceDate: '2026-03-31' });
    expect(one(doc, 'Header/Source/LEA').text).toBe('865');
  });

  it('holds exactly the four referred children: not the redirected contact, not another authority’s child', () => {
    const children = all(doc, 'Children/Child').map((c) => one(c, 'ChildIdentifiers/LAchildID').text);
    expect(children.sort()).toEqual(['nfa', 'cinPlan', 'childProtection', 'closed'].map((k) => laChildIdOf(ids[k as keyof typeof ids].childId)).sort());
    expect(xml).not.toContain(laChildIdOf(ids.elsewhere.childId));
    expect(xml).not.toContain(laChildIdOf(ids.redirected.childId));
  });

  it('writes the NFA referral as a flag on the referral, with UPN unknown UN7', () => {
    const child = childOf('nfa');
    expect(leaves(one(child, 'ChildIdentifiers'))).toEqual({
      LAchildID: laChildIdOf(ids.nfa.childId),
      UPNunknown: 'UN7',
      PersonBirthDate: '2016-03-04',
      Sex: 'M',
    });
    expect(leaves(one(child, 'ChildCharacteristics'))).toEqual({ Ethnicity: 'WIRI' });
    expect(childNames(one(child, 'CINdetails'))).toEqual(['CINreferralDate', 'ReferralSource', 'ReferralNFA']);
    expect(leaves(one(child, 'CINdetails'))).toEqual({ CINreferralDate: '2025-06-02', ReferralSource: '1A', ReferralNFA: 'true' });
  });

  it('writes the assessment and child in need plan, open on 31 March though closed in April', () => {
    const child = childOf('cinPlan');
    expect(leaves(one(child, 'ChildIdentifiers'))).toMatchObject({ UPN: 'K865123456789', PersonBirthDate: '2012-09-15', Sex: 'F' });
    expect(all(child, 'ChildCharacteristics/Disabilities/Disability').map((d) => d.text)).toEqual(['LD', 'AUT']);
    const details = one(child, 'CINdetails');
    expect(childNames(details)).toEqual(['CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'Assessments', 'CINPlanDates', 'ReferralNFA']);
    expect(leaves(details)).toEqual({ CINreferralDate: '2025-06-09', ReferralSource: '2A', PrimaryNeedCode: 'N5', ReferralNFA: 'false' });
    expect(leaves(one(details, 'Assessments'))).toEqual({ AssessmentActualStartDate: '2025-06-09', AssessmentAuthorisationDate: '2025-07-01' });
    expect(all(details, 'Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors').map((f) => f.text)).toEqual(['3B', '4B']);
    expect(leaves(one(details, 'CINPlanDates'))).toEqual({ CINPlanStartDate: '2025-07-01' });
  });

  it('writes the s47 with its ICPC target and conference, and the child protection plan with its reviews', () => {
    const child = childOf('childProtection');
    expect(leaves(one(child, 'ChildCharacteristics'))).toEqual({ Ethnicity: 'NOBT' });
    expect(all(child, 'ChildCharacteristics/Disabilities/Disability').map((d) => d.text)).toEqual(['NONE']);
    const details = one(child, 'CINdetails');
    expect(childNames(details)).toEqual(['CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'Section47', 'ReferralNFA', 'ChildProtectionPlans']);
    expect(leaves(details)).toEqual({ CINreferralDate: '2025-09-01', ReferralSource: '6', PrimaryNeedCode: 'N1', ReferralNFA: 'false' });
    expect(leaves(one(details, 'Section47'))).toEqual({
      S47ActualStartDate: '2025-09-02',
      // Tuesday 2 September 2025 + 15 working days.
      InitialCPCtarget: '2025-09-23',
      DateOfInitialCPC: '2025-09-16',
      ICPCnotRequired: 'false',
    });
    const plan = one(details, 'ChildProtectionPlans');
    expect(leaves(plan)).toEqual({ CPPstartDate: '2025-09-16', InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'NEG', NumberOfPreviousCPP: '0' });
    expect(all(plan, 'Reviews/CPPreviewDate').map((r) => r.text)).toEqual(['2025-12-09', '2026-03-10']);
  });

  it('writes the closed case with its closure date and reason, as a manager last amended it', () => {
    expect(all(childOf('closed'), 'ChildCharacteristics/Disabilities/Disability').map((d) => d.text)).toEqual(['HEAR']);
    const details = one(childOf('closed'), 'CINdetails');
    expect(leaves(details)).toEqual({
      CINreferralDate: '2025-10-06',
      ReferralSource: '3B',
      PrimaryNeedCode: 'N3',
      CINclosureDate: '2025-10-20',
      ReasonForClosure: 'RC8',
      ReferralNFA: 'false',
    });
    expect(leaves(one(details, 'Assessments'))).toEqual({ AssessmentActualStartDate: '2025-10-06', AssessmentAuthorisationDate: '2025-10-20' });
    expect(all(details, 'Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors').map((f) => f.text)).toEqual(['1B']);
  });

  it('refuses a year with records the DfE would reject, saying what to fix child by child', async () => {
    const badTenant = `cin-${randomUUID().slice(0, 8)}`;
    const h = new FrontDoorHistory(db, badTenant);
    // No date of birth (8525).
    const bad = await h.contact('2025-07-01T09:00:00Z', { sex: 'F' }, '5B');
    await h.decide(bad.episodeId, '2025-07-01T09:30:00Z', { outcome: 'assessment', primaryNeed: 'N4' });
    const good = await h.contact('2025-07-02T09:00:00Z', { dateOfBirth: '2011-01-01', sex: 'M' }, '5B');
    await h.decide(good.episodeId, '2025-07-02T09:30:00Z', { outcome: 'nfa', thresholdLevel: 1, signposting: 'Youth club' });

    const result = await new CinCensusExport(db, { laCodeOf: () => '865' }).run(badTenant, '2026', new Date('2026-05-01T09:00:00Z'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.byChild).toEqual([
      {
        child: bad.childId,
        laChildId: laChildIdOf(bad.childId),
        problems: [
          { episode: null, rule: '8525', message: 'Either Date of Birth or Expected Date of Birth must be provided (but not both)' },
        ],
      },
    ]);
  });

  it('refuses a year that has not begun, and a tenant with no DfE authority number', async () => {
    await expect(new CinCensusExport(db, { laCodeOf: () => '865' }).run(tenant, 2027, new Date('2026-03-01T09:00:00Z'))).rejects.toBeInstanceOf(
      ReportingInputError,
    );
    await expect(new CinCensusExport(db).run(tenant, 2026, new Date('2026-05-01T09:00:00Z'))).rejects.toThrow(/three-digit DfE local authority number/);
  });
});
