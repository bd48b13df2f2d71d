import type { CinChildRecord } from '../cin-record';

/**
 * A child whose census record breaks no rule in collection year 2026: an NFA referral, then an
 * assessment leading to a CIN plan and closure, then a strategy discussion, s47, ICPC and a child
 * protection plan still open on 31 March. Specs change one thing to break one rule.
 */
export function cleanChild(overrides: Partial<CinChildRecord> = {}): CinChildRecord {
  return {
    childId: '7f3e2a10-5b4c-4d2e-9f01-23456789abcd',
    laChildId: '7f3e2a105b4c4d2e9f01',
    upn: 'A123456789012',
    upnUnknown: null,
    birthDate: '2015-06-01',
    expectedBirthDate: null,
    sex: 'F',
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
    episodes: [
      {
        episodeId: 'e0000000-0000-4000-8000-000000000000',
        referralDate: '2025-04-10',
        referralSource: '1A',
        primaryNeed: null,
        closureDate: null,
        reasonForClosure: null,
        dateOfInitialCpc: null,
        referralNfa: true,
        decided: true,
        assessments: [],
        cinPlans: [],
        section47s: [],
        childProtectionPlans: [],
      },
      {
        episodeId: 'e1111111-1111-4111-8111-111111111111',
        referralDate: '2025-05-01',
        referralSource: '2A',
        primaryNeed: 'N1',
        closureDate: '2025-09-01',
        reasonForClosure: 'RC7',
        dateOfInitialCpc: null,
        referralNfa: false,
        decided: true,
        assessments: [{ startDate: '2025-05-02', authorisationDate: '2025-06-10', factors: ['3B'] }],
        cinPlans: [{ startDate: '2025-06-10', endDate: '2025-09-01' }],
        section47s: [],
        childProtectionPlans: [],
      },
      {
        episodeId: 'e2222222-2222-4222-8222-222222222222',
        referralDate: '2025-10-01',
        referralSource: '6',
        primaryNeed: 'N1',
        closureDate: null,
        reasonForClosure: null,
        dateOfInitialCpc: null,
        referralNfa: false,
        decided: true,
        assessments: [],
        cinPlans: [],
        // Thursday 2 October 2025 + 15 working days = Thursday 23 October.
        section47s: [{ startDate: '2025-10-02', initialCpcTarget: '2025-10-23', dateOfInitialCpc: '2025-10-16', icpcNotRequired: false }],
        childProtectionPlans: [
          { startDate: '2025-10-16', endDate: null, initialCategory: 'NEG', latestCategory: 'NEG', numberOfPreviousCpp: 0, reviewDates: ['2026-01-10'] },
        ],
      },
    ],
    ...overrides,
  };
}
