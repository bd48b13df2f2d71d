/** DfE CIN census validation rules: Assessments and their factors. */
import { isCinCode, NO_FACTORS_IDENTIFIED } from '../cin-codes';
import { before, type CinRule, each, episodeRule } from './define-rule';


export const assessmentNotBeforeReferral = episodeRule('1103', 'The assessment start date cannot be before the referral date', (episode) =>
  each(episode.assessments, (a) => before(a.startDate, episode.referralDate) && `referral ${episode.referralDate}, assessment ${a.startDate}`),
);

export const assessmentAuthorisedAfterStart = episodeRule('8608', 'Assessment Start Date cannot be later than its End Date', (episode) =>
  each(episode.assessments, (a) => before(a.authorisationDate, a.startDate) && `start ${a.startDate}, authorised ${a.authorisationDate}`),
);

export const factorsOnlyWhenCompleted = episodeRule(
  '8614',
  'Parental or child factors at assessment should only be present for a completed assessment.',
  (episode) => each(episode.assessments, (a) => a.authorisationDate === null && a.factors.length > 0 && `assessment started ${a.startDate}`),
);

export const factorsWhenCompleted = episodeRule(
  '8897',
  'Parental or child factors at assessment information is missing from a completed assessment',
  (episode) =>
    each(episode.assessments, (a) => a.authorisationDate !== null && a.factors.length === 0 && `assessment authorised ${a.authorisationDate}`),
);

export const factorCodes = episodeRule(
  'FD-FACTOR',
  'Assessment factor code invalid (see the Factors identified at the end of assessment table)',
  (episode) => each(episode.assessments, (a) => a.factors.filter((f) => !isCinCode('assessmentFactors', f)).join(', ')),
);

export const noFactorsIdentifiedAlone = episodeRule(
  '8869',
  'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
  (episode) => each(episode.assessments, (a) => a.factors.includes(NO_FACTORS_IDENTIFIED) && a.factors.length > 1 && a.factors.join(', ')),
);

export const factorsNotRepeated = episodeRule('8898', 'The assessment has more than one parental or child factors with the same code', (episode) =>
  each(episode.assessments, (a) => new Set(a.factors).size !== a.factors.length && a.factors.join(', ')),
);

export const closedAssessmentsCompleted = episodeRule(
  '8867',
  'CIN episode is shown as closed, however Assessment is not shown as completed',
  (episode) => episode.closureDate !== null && each(episode.assessments, (a) => a.authorisationDate === null && `assessment started ${a.startDate}`),
);

export const assessmentAuthorisedInYear = episodeRule('8696', 'Assessment end date must fall within the census year', (episode, _child, { year }) =>
  each(
    episode.assessments,
    (a) => year !== null && a.authorisationDate !== null && (a.authorisationDate < year.firstDay || a.authorisationDate > year.lastDay) && a.authorisationDate,
  ),
);

export const openAssessmentStartedInYear = episodeRule(
  '8736',
  'For an Assessment that has not been completed, the start date must fall within the census year',
  (episode, _child, { year }) =>
    each(
      episode.assessments,
      (a) => year !== null && a.authorisationDate === null && (a.startDate < year.firstDay || a.startDate > year.lastDay) && `started ${a.startDate}`,
    ),
);

export const oneOpenAssessment = episodeRule(
  '8896',
  'Within one CINDetails group there are 2 or more open Assessments groups',
  (episode) => episode.assessments.filter((a) => a.authorisationDate === null).length > 1,
);

/** Assessments and their factors. */
export const ASSESSMENT_RULES: readonly CinRule[] = [
  assessmentNotBeforeReferral,
  assessmentAuthorisedAfterStart,
  factorsOnlyWhenCompleted,
  factorsWhenCompleted,
  factorCodes,
  noFactorsIdentifiedAlone,
  factorsNotRepeated,
  closedAssessmentsCompleted,
  assessmentAuthorisedInYear,
  openAssessmentStartedInYear,
  oneOpenAssessment,
];
