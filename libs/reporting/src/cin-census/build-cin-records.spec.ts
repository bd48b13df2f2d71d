import type { EpisodeContext } from '@frontdoor/pathway';
import { buildCinRecords, type CinSource, laChildIdOf } from './build-cin-records';
import { collectionYear } from './collection-year';
import type { ChildSource, EpisodeSource } from './episode-source';
import type { HistoryStep } from './episode-timeline';

const year = collectionYear(2026);
const CHILD = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function child(overrides: Partial<ChildSource> = {}): ChildSource {
  return { id: CHILD, dateOfBirth: '2014-05-02', expectedDateOfBirth: null, sex: 'F', upn: null, ethnicity: 'WBRI', disabilities: ['NONE'], ...overrides };
}

const step = (type: string, fromStage: string | null, toStage: string, at: string, payload: Record<string, unknown> = {}): HistoryStep => ({
  type,
  fromStage,
  toStage,
  occurredAt: new Date(at),
  payload,
});

function episode(id: string, referralAt: string, context: Partial<EpisodeContext>, steps: HistoryStep[] = []): EpisodeSource {
  return {
    episodeId: id,
    childId: CHILD,
    contactId: `contact-${id}`,
    referralAt: new Date(referralAt),
    sourceCode: '3A',
    context: { screening: { outcome: 'concern' }, decision: null, closure: null, ...context } as EpisodeContext,
    steps,
    team: null,
    workerId: null,
    workerName: null,
  };
}

const decided = (outcome: string, decidedAt: string, primaryNeed: string | null = null) =>
  ({ decision: { outcome, decidedAt, primaryNeed } }) as unknown as Partial<EpisodeContext>;

const build = (episodes: EpisodeSource[], children: ChildSource[] = [child()], planStarts: CinSource['planStarts'] = []) =>
  buildCinRecords({ children, episodes, planStarts }, year);

describe('building census records from episodes', () => {
  it('derives a 20-character alphanumeric LAchildID from the child id', () => {
    expect(laChildIdOf(CHILD)).toBe('0a1b2c3d4e5f4a6b8c7d');
  });

  it('counts only referrals: a contact screened away is not one', () => {
    const forwarded = episode('f', '2025-06-01T09:00:00Z', { screening: { outcome: 'open_case' } } as Partial<EpisodeContext>);
    expect(build([forwarded])).toEqual([]);
  });

  it('takes referrals open at any point in the year and no others', () => {
    const records = build([
      episode('closed-before', '2024-06-01T09:00:00Z', { ...decided('family_help', '2024-06-01T12:00:00Z', 'N4'), closure: { closedAt: '2025-03-20T10:00:00Z', reason: 'RC7' } }),
      episode('nfa-before', '2025-03-31T09:00:00Z', decided('nfa', '2025-03-31T15:00:00Z')),
      episode('open-from-before', '2024-11-01T09:00:00Z', decided('family_help', '2024-11-01T12:00:00Z', 'N4')),
      episode('after', '2026-04-01T09:00:00Z', {}),
      // 00:30 on 1 April in London is still 31 March in UTC.
      episode('first-minute', '2025-03-31T23:30:00Z', decided('nfa', '2025-04-01T10:00:00Z')),
    ]);
    expect(records[0].episodes.map((e) => [e.episodeId, e.referralDate])).toEqual([
      ['open-from-before', '2024-11-01'],
      ['first-minute', '2025-04-01'],
    ]);
  });

  it('reports as at 31 March: what happened after it is left out', () => {
    const steps = [
      step('APPROVE_DECISION', 'awaiting_sign_off', 'assessment', '2026-03-02T10:00:00Z'),
      step('COMPLETE_ASSESSMENT', 'assessment', 'child_in_need', '2026-04-10T10:00:00Z', { outcome: 'cin_plan', factors: ['3B'], primaryNeed: 'N5' }),
      step('CLOSE', 'child_in_need', 'closed', '2026-05-01T10:00:00Z', { reason: 'RC7' }),
    ];
    const [record] = build([
      episode('late', '2026-03-02T09:00:00Z', { ...decided('assessment', '2026-03-02T10:00:00Z', 'N4'), closure: { closedAt: '2026-05-01T10:00:00Z', reason: 'RC7' } }, steps),
    ]);
    expect(record.episodes[0]).toMatchObject({
      closureDate: null,
      reasonForClosure: null,
      primaryNeed: 'N4',
      assessments: [{ startDate: '2026-03-02', authorisationDate: null, factors: [] }],
      cinPlans: [],
    });
  });

  it('reads an NFA referral as the flag alone, with no closure', () => {
    const [record] = build([episode('nfa', '2025-06-01T09:00:00Z', { ...decided('nfa', '2025-06-01T15:00:00Z'), closure: { closedAt: '2025-06-01T15:00:00Z', reason: null } })]);
    expect(record.episodes[0]).toMatchObject({ referralNfa: true, decided: true, closureDate: null, reasonForClosure: null });
    expect(record.upnUnknown).toBe('UN7');
  });

  it('keeps every assessment, s47, plan and CIN plan of an episode, from its history', () => {
    const steps = [
      step('APPROVE_DECISION', 'awaiting_sign_off', 'assessment', '2025-05-01T10:00:00Z'),
      step('RECORD_CHILD_SEEN', 'assessment', 'assessment', '2025-05-02T10:00:00Z'),
      step('COMPLETE_ASSESSMENT', 'assessment', 'strategy_discussion', '2025-05-20T10:00:00Z', { outcome: 'strategy_discussion', factors: ['16A'], primaryNeed: 'N1' }),
      step('HOLD_STRATEGY_DISCUSSION', 'strategy_discussion', 's47_enquiry', '2025-05-21T10:00:00Z', { outcome: 's47' }),
      step('COMPLETE_S47', 's47_enquiry', 'assessment', '2025-05-28T10:00:00Z', { outcome: 'no_icpc', nextStep: 'assessment' }),
      step('COMPLETE_ASSESSMENT', 'assessment', 'strategy_discussion', '2025-06-20T10:00:00Z', { outcome: 'strategy_discussion', factors: ['21'], primaryNeed: 'N2' }),
      step('HOLD_STRATEGY_DISCUSSION', 'strategy_discussion', 's47_enquiry', '2025-06-23T10:00:00Z', { outcome: 's47' }),
      step('COMPLETE_S47', 's47_enquiry', 'icpc', '2025-07-01T10:00:00Z', { outcome: 'icpc' }),
      step('HOLD_ICPC', 'icpc', 'cp_plan', '2025-07-08T10:00:00Z', { outcome: 'cp_plan', category: 'EMO' }),
      step('HOLD_CORE_GROUP', 'cp_plan', 'cp_plan', '2025-07-15T10:00:00Z'),
      step('HOLD_REVIEW_CONFERENCE', 'cp_plan', 'cp_plan', '2025-10-01T10:00:00Z', { outcome: 'continue' }),
      step('HOLD_REVIEW_CONFERENCE', 'cp_plan', 'child_in_need', '2026-02-02T10:00:00Z', { outcome: 'end' }),
      step('CLOSE', 'child_in_need', 'closed', '2026-03-30T10:00:00Z', { reason: 'RC7' }),
    ];
    const earlierPlan = { childId: CHILD, startedAt: new Date('2023-01-10T10:00:00Z') };
    const thisPlan = { childId: CHILD, startedAt: new Date('2025-07-08T10:00:00Z') };
    const [record] = build(
      [episode('long', '2025-05-01T09:00:00Z', { ...decided('assessment', '2025-05-01T10:00:00Z'), closure: { closedAt: '2026-03-30T10:00:00Z', reason: 'RC7' } }, steps)],
      [child()],
      [earlierPlan, thisPlan],
    );
    expect(record.episodes[0]).toEqual({
      episodeId: 'long',
      referralDate: '2025-05-01',
      referralSource: '3A',
      primaryNeed: 'N2',
      closureDate: '2026-03-30',
      reasonForClosure: 'RC7',
      dateOfInitialCpc: null,
      referralNfa: false,
      decided: true,
      assessments: [
        { startDate: '2025-05-01', authorisationDate: '2025-05-20', factors: ['16A'] },
        { startDate: '2025-05-28', authorisationDate: '2025-06-20', factors: ['21'] },
      ],
      cinPlans: [{ startDate: '2026-02-02', endDate: '2026-03-30' }],
      section47s: [
        // Wednesday 21 May 2025 + 15 working days (bank holiday Monday 26 May) = Thursday 12 June.
        { startDate: '2025-05-21', initialCpcTarget: '2025-06-12', dateOfInitialCpc: null, icpcNotRequired: true },
        { startDate: '2025-06-23', initialCpcTarget: '2025-07-14', dateOfInitialCpc: '2025-07-08', icpcNotRequired: false },
      ],
      childProtectionPlans: [
        {
          startDate: '2025-07-08',
          endDate: '2026-02-02',
          initialCategory: 'EMO',
          latestCategory: 'EMO',
          numberOfPreviousCpp: 1,
          reviewDates: ['2025-10-01', '2026-02-02'],
        },
      ],
    });
  });

  it('takes an s47 closed before any conference as one not required', () => {
    const steps = [
      step('HOLD_STRATEGY_DISCUSSION', 'strategy_discussion', 's47_enquiry', '2025-09-01T10:00:00Z', { outcome: 's47' }),
      step('CLOSE', 's47_enquiry', 'closed', '2025-09-05T10:00:00Z', { reason: 'RC5' }),
    ];
    const [record] = build([episode('moved', '2025-09-01T09:00:00Z', { ...decided('strategy_discussion', '2025-09-01T09:30:00Z', 'N1'), closure: { closedAt: '2025-09-05T10:00:00Z', reason: 'RC5' } }, steps)]);
    expect(record.episodes[0].section47s).toEqual([{ startDate: '2025-09-01', initialCpcTarget: '2025-09-22', dateOfInitialCpc: null, icpcNotRequired: true }]);
  });

  it('describes the child as the census asks', () => {
    const unborn = child({ dateOfBirth: null, expectedDateOfBirth: '2026-07-01', sex: 'F', ethnicity: null });
    const [record] = build([episode('u', '2026-01-05T09:00:00Z', decided('assessment', '2026-01-05T12:00:00Z', 'N1'))], [unborn]);
    expect(record).toMatchObject({
      laChildId: '0a1b2c3d4e5f4a6b8c7d',
      birthDate: null,
      expectedBirthDate: '2026-07-01',
      sex: 'U',
      ethnicity: 'NOBT',
      disabilities: ['NONE'],
      upn: null,
      upnUnknown: 'UN1',
    });
  });

  it.each([
    ['M', 'M'],
    ['F', 'F'],
    ['X', 'U'],
    [null, 'U'],
  ])('writes sex %p as %s', (sex, code) => {
    const [record] = build([episode('s', '2025-06-01T09:00:00Z', {})], [child({ sex })]);
    expect(record.sex).toBe(code);
  });
});
