import type { CinChildRecord, CinEpisodeRecord } from './cin-record';
import { collectionYear } from './collection-year';
import { ReportingInputError } from './reporting-errors';
import { type CinProblem, type ChildProblems, problemsByChild, validateCinRecords } from './validation-rules';
import { element, renderXmlDocument, valueElement, type XmlElement } from './xml-writer';

export interface CinCensusHeader {
  /** The DfE's three-digit local authority (LEA) number, e.g. "865" for Wiltshire. */
  laCode: string;
  /** The collection year: 2026 is 1 April 2025 – 31 March 2026. */
  year: number;
  generatedAt: Date;
  /** SoftwareCode in the header; "Front Door" unless told. */
  softwareCode?: string;
  /** SerialNo in the header: three digits or more, "001" unless told. */
  serialNo?: string;
}

/** The return breaks DfE validation rules; it is not written. The problems say what to fix, child by child. */
export class CinCensusRefusedError extends Error {
  readonly code = 'cin_census_invalid' as const;
  readonly byChild: ChildProblems[];

  constructor(readonly problems: CinProblem[]) {
    const children = new Set(problems.map((p) => p.child)).size;
    super(
      `The CIN census return was not produced: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ` +
        `${children} child${children === 1 ? "'s record" : "ren's records"} would make the DfE reject it. Fix them and export again.`,
    );
    this.name = 'CinCensusRefusedError';
    this.byChild = problemsByChild(problems);
  }
}

/**
 * The CIN census XML (DfE CIN census business and technical specification: Message, Header,
 * Children/Child with ChildIdentifiers, ChildCharacteristics and CINdetails, elements in the
 * schema's order). Refuses, with every problem, when a record breaks a validation rule.
 * Since 2024-25 the DfE collects <Sex> (M, F, U) where <GenderCurrent> used to be.
 */
export function renderCinCensus(records: readonly CinChildRecord[], header: CinCensusHeader): string {
  const invalid = validateCinRecords(records, collectionYear(header.year));
  if (invalid.length > 0) throw new CinCensusRefusedError(invalid);
  return writeCinCensusXml(records, header);
}

/**
 * The XML of the records as they are, unchecked: renderCinCensus checks them first, and
 * CinCensusExport checks them once and shows a draft beside its problem list.
 */
export function writeCinCensusXml(records: readonly CinChildRecord[], header: CinCensusHeader): string {
  const problems = headerProblems(header);
  if (problems.length > 0) throw new ReportingInputError(problems);
  const year = collectionYear(header.year);
  return renderXmlDocument(
    element(
      'Message',
      element(
        'Header',
        element('CollectionDetails', valueElement('Collection', 'CIN'), valueElement('Year', year.year), valueElement('ReferenceDate', year.lastDay)),
        element(
          'Source',
          valueElement('SourceLevel', 'L'),
          valueElement('LEA', header.laCode),
          valueElement('SoftwareCode', header.softwareCode ?? 'Front Door'),
          valueElement('SerialNo', header.serialNo ?? '001'),
          valueElement('DateTime', `${header.generatedAt.toISOString().slice(0, 19)}Z`),
        ),
      ),
      element('Children', records.map(childElement)),
    ),
  );
}

function headerProblems(header: CinCensusHeader): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!/^\d{3}$/.test(header.laCode)) problems.push({ field: 'laCode', message: 'must be the three-digit DfE local authority number' });
  if (!Number.isInteger(header.year) || header.year < 2000 || header.year > 9999) {
    problems.push({ field: 'year', message: 'must be a collection year' });
  }
  if (!(header.generatedAt instanceof Date) || Number.isNaN(header.generatedAt.getTime())) {
    problems.push({ field: 'generatedAt', message: 'must be a time' });
  }
  if (header.serialNo !== undefined && !/^\d{3,}$/.test(header.serialNo)) {
    problems.push({ field: 'serialNo', message: 'must be three digits or more' });
  }
  return problems;
}

function childElement(child: CinChildRecord): XmlElement {
  return element(
    'Child',
    element(
      'ChildIdentifiers',
      valueElement('LAchildID', child.laChildId),
      valueElement('UPN', child.upn),
      valueElement('UPNunknown', child.upnUnknown),
      valueElement('PersonBirthDate', child.birthDate),
      valueElement('ExpectedPersonBirthDate', child.expectedBirthDate),
      valueElement('Sex', child.sex),
    ),
    element(
      'ChildCharacteristics',
      valueElement('Ethnicity', child.ethnicity),
      child.disabilities.length > 0 && element('Disabilities', child.disabilities.map((code) => valueElement('Disability', code))),
    ),
    child.episodes.map(episodeElement),
  );
}

function episodeElement(episode: CinEpisodeRecord): XmlElement {
  return element(
    'CINdetails',
    valueElement('CINreferralDate', episode.referralDate),
    valueElement('ReferralSource', episode.referralSource),
    valueElement('PrimaryNeedCode', episode.primaryNeed),
    valueElement('CINclosureDate', episode.closureDate),
    valueElement('ReasonForClosure', episode.reasonForClosure),
    valueElement('DateOfInitialCPC', episode.dateOfInitialCpc),
    episode.assessments.map((assessment) =>
      element(
        'Assessments',
        valueElement('AssessmentActualStartDate', assessment.startDate),
        valueElement('AssessmentAuthorisationDate', assessment.authorisationDate),
        assessment.factors.length > 0 &&
          element('FactorsIdentifiedAtAssessment', assessment.factors.map((factor) => valueElement('AssessmentFactors', factor))),
      ),
    ),
    episode.cinPlans.map((plan) =>
      element('CINPlanDates', valueElement('CINPlanStartDate', plan.startDate), valueElement('CINPlanEndDate', plan.endDate)),
    ),
    episode.section47s.map((s47) =>
      element(
        'Section47',
        valueElement('S47ActualStartDate', s47.startDate),
        valueElement('InitialCPCtarget', s47.initialCpcTarget),
        valueElement('DateOfInitialCPC', s47.dateOfInitialCpc),
        valueElement('ICPCnotRequired', s47.icpcNotRequired),
      ),
    ),
    valueElement('ReferralNFA', episode.referralNfa),
    episode.childProtectionPlans.map((plan) =>
      element(
        'ChildProtectionPlans',
        valueElement('CPPstartDate', plan.startDate),
        valueElement('CPPendDate', plan.endDate),
        valueElement('InitialCategoryOfAbuse', plan.initialCategory),
        valueElement('LatestCategoryOfAbuse', plan.latestCategory),
        valueElement('NumberOfPreviousCPP', plan.numberOfPreviousCpp),
        plan.reviewDates.length > 0 && element('Reviews', plan.reviewDates.map((date) => valueElement('CPPreviewDate', date))),
      ),
    ),
  );
}
