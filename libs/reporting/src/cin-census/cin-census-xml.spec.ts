import { CinCensusRefusedError, renderCinCensus } from './cin-census-xml';
import { ReportingInputError } from './reporting-errors';
import { cleanChild } from './testing/clean-records';
import { all, childNames, leaves, one, parseXml } from './testing/parse-xml';

const header = { laCode: '865', year: 2026, generatedAt: new Date('2026-05-04T09:30:15.250Z') };

describe('the CIN census XML', () => {
  const doc = parseXml(renderCinCensus([cleanChild()], header));

  it('is a Message with the DfE header for the collection year', () => {
    expect(doc.name).toBe('Message');
    expect(childNames(doc)).toEqual(['Header', 'Children']);
    expect(leaves(one(doc, 'Header/CollectionDetails'))).toEqual({ Collection: 'CIN', Year: '2026', ReferenceDate: '2026-03-31' });
    expect(leaves(one(doc, 'Header/Source'))).toEqual({
      SourceLevel: 'L',
      LEA: '865',
      SoftwareCode: 'Front Door',
      SerialNo: '001',
      DateTime: '2026-05-04T09:30:15Z',
    });
  });

  it('writes the child identifiers and characteristics in the schema order', () => {
    const child = one(doc, 'Children/Child');
    expect(childNames(child)).toEqual(['ChildIdentifiers', 'ChildCharacteristics', 'CINdetails', 'CINdetails', 'CINdetails']);
    expect(childNames(one(child, 'ChildIdentifiers'))).toEqual(['LAchildID', 'UPN', 'PersonBirthDate', 'Sex']);
    expect(leaves(one(child, 'ChildIdentifiers'))).toEqual({ LAchildID: '7f3e2a105b4c4d2e9f01', UPN: 'A123456789012', PersonBirthDate: '2015-06-01', Sex: 'F' });
    expect(leaves(one(child, 'ChildCharacteristics'))).toEqual({ Ethnicity: 'WBRI' });
    expect(all(child, 'ChildCharacteristics/Disabilities/Disability').map((d) => d.text)).toEqual(['NONE']);
  });

  it('writes each referral with its modules in the schema order', () => {
    const [nfa, cin, cp] = all(doc, 'Children/Child/CINdetails');
    expect(childNames(nfa)).toEqual(['CINreferralDate', 'ReferralSource', 'ReferralNFA']);
    expect(leaves(nfa)).toEqual({ CINreferralDate: '2025-04-10', ReferralSource: '1A', ReferralNFA: 'true' });

    expect(childNames(cin)).toEqual([
      'CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate', 'ReasonForClosure', 'Assessments', 'CINPlanDates', 'ReferralNFA',
    ]);
    expect(childNames(one(cin, 'Assessments'))).toEqual(['AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'FactorsIdentifiedAtAssessment']);
    expect(all(cin, 'Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors').map((f) => f.text)).toEqual(['3B']);
    expect(leaves(one(cin, 'CINPlanDates'))).toEqual({ CINPlanStartDate: '2025-06-10', CINPlanEndDate: '2025-09-01' });

    expect(childNames(cp)).toEqual(['CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'Section47', 'ReferralNFA', 'ChildProtectionPlans']);
    expect(leaves(one(cp, 'Section47'))).toEqual({
      S47ActualStartDate: '2025-10-02',
      InitialCPCtarget: '2025-10-23',
      DateOfInitialCPC: '2025-10-16',
      ICPCnotRequired: 'false',
    });
    const plan = one(cp, 'ChildProtectionPlans');
    expect(childNames(plan)).toEqual(['CPPstartDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP', 'Reviews']);
    expect(all(plan, 'Reviews/CPPreviewDate').map((r) => r.text)).toEqual(['2026-01-10']);
  });

  it('refuses to write a return that breaks a rule, listing the problems child by child', () => {
    const bad = cleanChild();
    bad.episodes[1].reasonForClosure = null;
    bad.sex = 'Q';
    try {
      renderCinCensus([cleanChild({ childId: 'fine', laChildId: 'fine' }), bad], header);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(CinCensusRefusedError);
      const refused = error as CinCensusRefusedError;
      expect(refused.code).toBe('cin_census_invalid');
      expect(refused.message).toBe(
        "The CIN census return was not produced: 2 problems in 1 child's record would make the DfE reject it. Fix them and export again.",
      );
      expect(refused.byChild).toEqual([
        {
          child: bad.childId,
          laChildId: bad.laChildId,
          problems: [
            { episode: null, rule: '4180', message: 'Sex must be provided and equal M, F, or U (Q)' },
            { episode: bad.episodes[1].episodeId, rule: '8805', message: 'A CIN case cannot have a CIN closure date without a Reason for Closure' },
          ],
        },
      ]);
    }
  });

  it('refuses a header it cannot write', () => {
    expect(() => renderCinCensus([cleanChild()], { ...header, laCode: 'Wiltshire' })).toThrow(ReportingInputError);
    expect(() => renderCinCensus([cleanChild()], { ...header, generatedAt: new Date('nonsense') })).toThrow(/generatedAt must be a time/);
  });

  it('writes an authority with no children in the year as an empty Children element', () => {
    expect(childNames(parseXml(renderCinCensus([], header)))).toEqual(['Header', 'Children']);
  });
});
