import type { CinChildRecord } from './cin-record';
import { collectionYear } from './collection-year';
import { cleanChild } from './testing/clean-records';
import { CIN_RULES, problemsByChild, validateCinRecords } from './validation-rules';

const year = collectionYear(2026);
const codesOf = (records: CinChildRecord[]) => validateCinRecords(records, year).map((p) => p.rule);

/** A copy of the clean child with one thing broken. */
function broken(change: (child: CinChildRecord) => void): CinChildRecord[] {
  const child = structuredClone(cleanChild());
  change(child);
  return [child];
}
const [nfa, cin, cp] = [0, 1, 2];

const cases: [string, string, CinChildRecord[]][] = [
  ['8500', 'an empty LA child id', broken((c) => (c.laChildId = ''))],
  ['1570', 'an LA child id of 21 characters', broken((c) => (c.laChildId = 'a'.repeat(21)))],
  ['1580', 'an LA child id with a hyphen', broken((c) => (c.laChildId = 'abc-123'))],
  ['8510', 'two children with one LA child id', [cleanChild(), cleanChild({ childId: 'another-child' })]],
  ['FD-UPN', 'a UPN of the wrong shape', broken((c) => (c.upn = 'A12345'))],
  ['FD-UPN-UNKNOWN', 'a UPN unknown reason beside a UPN', broken((c) => (c.upnUnknown = 'UN1'))],
  ['8525', 'neither a date of birth nor an expected one', broken((c) => (c.birthDate = null))],
  ['4180', 'sex X', broken((c) => (c.sex = 'X'))],
  ['8750', 'an unborn child recorded as female', broken((c) => Object.assign(c, { birthDate: null, expectedBirthDate: '2026-06-01', sex: 'F' }))],
  ['4220', 'no ethnicity', broken((c) => (c.ethnicity = null))],
  ['8540', 'a disability code that does not exist', broken((c) => (c.disabilities = ['XYZ']))],
  ['8606', 'a referral more than 40 weeks before birth', broken((c) => (c.birthDate = '2026-12-01'))],
  ['8820', 'a referral inside another open episode', broken((c) => c.episodes.push({ ...structuredClone(c.episodes[cin]), episodeId: 'overlap', referralDate: '2025-06-01' }))],
  ['8866', 'referral source 11', broken((c) => (c.episodes[cin].referralSource = '11'))],
  ['8650', 'primary need N10', broken((c) => (c.episodes[cin].primaryNeed = 'N10'))],
  ['8610', 'no primary need for a referral that led to an assessment', broken((c) => (c.episodes[cin].primaryNeed = null))],
  ['8640', 'reason for closure RC10', broken((c) => (c.episodes[cin].reasonForClosure = 'RC10'))],
  ['8805', 'a closure with no reason', broken((c) => (c.episodes[cin].reasonForClosure = null))],
  ['8810', 'a reason with no closure', broken((c) => (c.episodes[cp].reasonForClosure = 'RC7'))],
  ['8630', 'a closure before the referral', broken((c) => (c.episodes[cin].closureDate = '2025-04-30'))],
  ['8620', 'a closure after 31 March', broken((c) => (c.episodes[cin].closureDate = '2026-04-02'))],
  ['8565', 'an assessment authorised after the case closed', broken((c) => (c.episodes[cin].assessments[0].authorisationDate = '2025-10-01'))],
  ['2990', 'a CIN plan on a case closed after assessment (RC8)', broken((c) => (c.episodes[cin].reasonForClosure = 'RC8'))],
  ['4000', 'a CIN plan on an NFA referral', broken((c) => (c.episodes[nfa].cinPlans = [{ startDate: '2025-04-11', endDate: null }]))],
  ['8831', 'an assessment on an NFA referral', broken((c) => (c.episodes[nfa].assessments = [{ startDate: '2025-04-11', authorisationDate: null, factors: [] }]))],
  ['8832', 'a child protection plan on an NFA referral', broken((c) => (c.episodes[nfa].childProtectionPlans = structuredClone(c.episodes[cp].childProtectionPlans)))],
  ['1103', 'an assessment starting before the referral', broken((c) => (c.episodes[cin].assessments[0].startDate = '2025-04-20'))],
  ['8608', 'an assessment authorised before it started', broken((c) => (c.episodes[cin].assessments[0].authorisationDate = '2025-05-01'))],
  ['8614', 'factors on an assessment not yet authorised', broken((c) => (c.episodes[cin].assessments[0].authorisationDate = null))],
  ['8897', 'an authorised assessment with no factors', broken((c) => (c.episodes[cin].assessments[0].factors = []))],
  ['FD-FACTOR', 'factor 99Z', broken((c) => (c.episodes[cin].assessments[0].factors = ['99Z']))],
  ['8869', 'factor 21 beside another', broken((c) => (c.episodes[cin].assessments[0].factors = ['21', '3B']))],
  ['8898', 'a factor given twice', broken((c) => (c.episodes[cin].assessments[0].factors = ['3B', '3B']))],
  ['8867', 'a closed case with an assessment never authorised', broken((c) => Object.assign(c.episodes[cin].assessments[0], { authorisationDate: null, factors: [] }))],
  ['4015', 'a CIN plan before the referral', broken((c) => (c.episodes[cin].cinPlans[0].startDate = '2025-04-01'))],
  ['4011', 'a CIN plan ending before it starts', broken((c) => (c.episodes[cin].cinPlans[0].endDate = '2025-06-01'))],
  ['4001', 'a CIN plan during a child protection plan', broken((c) => (c.episodes[cp].cinPlans = [{ startDate: '2025-11-01', endDate: null }]))],
  ['2889', 'an s47 starting before the referral', broken((c) => (c.episodes[cp].section47s[0].startDate = '2025-09-30'))],
  ['8615', 'an ICPC before its s47 started', broken((c) => (c.episodes[cp].section47s[0].dateOfInitialCpc = '2025-10-01'))],
  ['1104', 'an ICPC before the referral', broken((c) => (c.episodes[cp].section47s[0].dateOfInitialCpc = '2025-09-30'))],
  ['FD-ICPC-NOT-REQUIRED', 'an ICPC said to be not required yet held', broken((c) => (c.episodes[cp].section47s[0].icpcNotRequired = true))],
  [
    '8868',
    'a closed case whose s47 shows neither an ICPC nor that none was required',
    broken((c) => {
      Object.assign(c.episodes[cp], { closureDate: '2026-03-01', reasonForClosure: 'RC7', childProtectionPlans: [] });
      c.episodes[cp].section47s[0].dateOfInitialCpc = null;
    }),
  ],
  ['FD-ICPC-TARGET', 'an ICPC target that is not 15 working days on', broken((c) => (c.episodes[cp].section47s[0].initialCpcTarget = '2025-10-20'))],
  ['2884', 'an ICPC recorded on the episode and in its s47', broken((c) => (c.episodes[cp].dateOfInitialCpc = '2025-10-16'))],
  ['8905', 'initial category XYZ', broken((c) => (c.episodes[cp].childProtectionPlans[0].initialCategory = 'XYZ'))],
  ['8910', 'no latest category', broken((c) => (c.episodes[cp].childProtectionPlans[0].latestCategory = null))],
  ['8925', 'a plan ending before it starts', broken((c) => (c.episodes[cp].childProtectionPlans[0].endDate = '2025-10-01'))],
  ['8840', 'a plan starting and ending on one day', broken((c) => Object.assign(c.episodes[cp].childProtectionPlans[0], { endDate: '2025-10-16', reviewDates: [] }))],
  ['8841', 'a review on the day the plan started', broken((c) => (c.episodes[cp].childProtectionPlans[0].reviewDates = ['2025-10-16']))],
  ['FD-REVIEW-AFTER-END', 'a review after the plan ended', broken((c) => (c.episodes[cp].childProtectionPlans[0].endDate = '2025-12-01'))],
  ['2885', 'a plan starting the day after its conference', broken((c) => (c.episodes[cp].childProtectionPlans[0].startDate = '2025-10-17'))],
  ['FD-PREVIOUS-CPP', 'a negative count of earlier plans', broken((c) => (c.episodes[cp].childProtectionPlans[0].numberOfPreviousCpp = -1))],
  // Rules found missing by running data-to-insight's open validator over Front Door's returns.
  ['8790', 'NONE beside a disability', broken((c) => (c.disabilities = ['NONE', 'MOB']))],
  ['8794', 'a disability given twice', broken((c) => (c.disabilities = ['MOB', 'MOB']))],
  ['8520', 'a birth after 31 March', broken((c) => (c.birthDate = '2026-05-01'))],
  ['8772', 'UPN unknown UN7 for a child with a referral that went further', broken((c) => Object.assign(c, { upn: null, upnUnknown: 'UN7' }))],
  ['8815', 'two open cases', broken((c) => Object.assign(c.episodes[cin], { closureDate: null, reasonForClosure: null }))],
  ['8816', 'an open case that is not the latest referral', broken((c) => Object.assign(c.episodes[cin], { closureDate: null, reasonForClosure: null }))],
  ['8600', 'a referral after 31 March', broken((c) => (c.episodes[cp].referralDate = '2026-04-05'))],
  ['8696', 'an assessment authorised after 31 March', broken((c) => (c.episodes[cin].assessments[0].authorisationDate = '2026-04-02'))],
  ['8736', 'an open assessment started before the year', broken((c) => (c.episodes[cp].assessments = [{ startDate: '2025-03-01', authorisationDate: null, factors: [] }]))],
  [
    '8896',
    'two open assessments in one referral',
    broken((c) => (c.episodes[cp].assessments = ['2025-10-02', '2025-10-03'].map((startDate) => ({ startDate, authorisationDate: null, factors: [] })))),
  ],
  ['4010', 'a CIN plan starting after 31 March', broken((c) => (c.episodes[cin].cinPlans[0].startDate = '2026-04-02'))],
  ['4013', 'a CIN plan ending after 31 March', broken((c) => (c.episodes[cin].cinPlans[0].endDate = '2026-04-02'))],
  ['4004', 'two open CIN plans', broken((c) => { c.episodes[cin].cinPlans[0].endDate = null; c.episodes[cp].cinPlans = [{ startDate: '2025-10-02', endDate: null }]; })],
  ['4014', 'overlapping CIN plans', broken((c) => (c.episodes[cp].cinPlans = [{ startDate: '2025-08-01', endDate: '2025-08-20' }]))],
  ['4003', 'a review during an open CIN plan', broken((c) => (c.episodes[cp].cinPlans = [{ startDate: '2025-12-01', endDate: '2026-02-01' }]))],
  ['8875', 'an ICPC on a Saturday', broken((c) => (c.episodes[cp].section47s[0].dateOfInitialCpc = '2025-10-18'))],
  ['8715', 'an ICPC after 31 March', broken((c) => (c.episodes[cp].section47s[0].dateOfInitialCpc = '2026-04-02'))],
  ['8740', 'an s47 without a conference, started before the year', broken((c) => Object.assign(c.episodes[cp].section47s[0], { startDate: '2025-03-01', dateOfInitialCpc: null }))],
  ['8839', 'two open s47 enquiries in one referral', broken((c) => { c.episodes[cp].section47s[0].dateOfInitialCpc = null; c.episodes[cp].section47s.push({ startDate: '2025-10-03', initialCpcTarget: '2025-10-24', dateOfInitialCpc: null, icpcNotRequired: false }); })],
  ['1105', 'a plan starting before the referral', broken((c) => (c.episodes[cp].childProtectionPlans[0].startDate = '2025-09-30'))],
  ['8720', 'a plan starting after 31 March', broken((c) => (c.episodes[cp].childProtectionPlans[0].startDate = '2026-04-05'))],
  ['8930', 'a plan ending after 31 March', broken((c) => (c.episodes[cp].childProtectionPlans[0].endDate = '2026-04-05'))],
  ['8935', 'two open child protection plans', broken((c) => (c.episodes[cin].childProtectionPlans = [{ startDate: '2025-06-01', endDate: null, initialCategory: 'NEG', latestCategory: 'NEG', numberOfPreviousCpp: 0, reviewDates: [] }]))],
  ['8940', 'overlapping child protection plans', broken((c) => (c.episodes[cin].childProtectionPlans = [{ ...{ startDate: '2025-06-01', endDate: null, initialCategory: 'NEG', latestCategory: 'NEG', numberOfPreviousCpp: 0, reviewDates: [] }, endDate: '2025-10-20' }]))],
];

describe('the CIN census validation rules', () => {
  it('pass a clean year', () => {
    expect(validateCinRecords([cleanChild()], year)).toEqual([]);
  });

  it.each(cases)('rule %s catches %s', (code, _what, records) => {
    expect(codesOf(records)).toContain(code);
  });

  it('has a crafted bad record for every rule', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(CIN_RULES.map((rule) => rule.code)));
  });

  it('gives each rule a code and a plain message', () => {
    expect(new Set(CIN_RULES.map((rule) => rule.code)).size).toBe(CIN_RULES.length);
    for (const rule of CIN_RULES) expect(rule.message.length).toBeGreaterThan(10);
  });

  it('says which child and referral a problem is in, and what to look at', () => {
    const [problem] = validateCinRecords(broken((c) => (c.episodes[cin].closureDate = '2025-04-30')), year).filter((p) => p.rule === '8630');
    expect(problem).toEqual({
      child: '7f3e2a10-5b4c-4d2e-9f01-23456789abcd',
      laChildId: '7f3e2a105b4c4d2e9f01',
      episode: 'e1111111-1111-4111-8111-111111111111',
      rule: '8630',
      message: 'CIN Closure Date is before CIN Referral Date for the same CIN episode (referral 2025-05-01, closure 2025-04-30)',
    });
  });

  it('lists problems child by child', () => {
    const second = structuredClone(cleanChild({ childId: 'c2', laChildId: 'c2' }));
    second.ethnicity = 'XXXX';
    second.sex = null;
    const grouped = problemsByChild(validateCinRecords([cleanChild(), second], year));
    expect(grouped).toEqual([
      {
        child: 'c2',
        laChildId: 'c2',
        problems: [
          { episode: null, rule: '4180', message: 'Sex must be provided and equal M, F, or U (null)' },
          { episode: null, rule: '4220', message: 'Ethnicity is missing or invalid (see Ethnicity table) (XXXX)' },
        ],
      },
    ]);
  });

  it('leaves the census-year rules out when no year is given', () => {
    expect(validateCinRecords(broken((c) => (c.episodes[cin].closureDate = '2026-04-02'))).map((p) => p.rule)).not.toContain('8620');
  });
});
