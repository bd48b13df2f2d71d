/** DfE CIN census validation rules: CIN details: the referral, its source and need, its closure, and what an NFA referral or a closed case may hold. */
import { isCinCode } from '../cin-codes';
import { before, type CinRule, episodeRule } from './define-rule';


export const referralSourceCode = episodeRule(
  '8866',
  'Source of Referral is missing or an invalid code',
  (episode) => !isCinCode('referralSource', episode.referralSource) && String(episode.referralSource),
);

export const primaryNeedCode = episodeRule(
  '8650',
  'Primary Need Code invalid (see Primary Need table in CIN census code set)',
  (episode) => episode.primaryNeed !== null && !isCinCode('primaryNeed', episode.primaryNeed) && episode.primaryNeed,
);

/** The DfE asks it of every referral that is not NFA; Front Door can only ask it once one is decided. */
export const primaryNeedForFurtherAction = episodeRule(
  '8610',
  'Primary Need code is missing for a referral which led to further action.',
  (episode) => episode.decided && !episode.referralNfa && episode.primaryNeed === null,
);

export const closureReasonCode = episodeRule(
  '8640',
  'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
  (episode) => episode.reasonForClosure !== null && !isCinCode('reasonForClosure', episode.reasonForClosure) && episode.reasonForClosure,
);

export const closureHasReason = episodeRule(
  '8805',
  'A CIN case cannot have a CIN closure date without a Reason for Closure',
  (episode) => episode.closureDate !== null && episode.reasonForClosure === null,
);

export const reasonHasClosure = episodeRule(
  '8810',
  'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
  (episode) => episode.reasonForClosure !== null && episode.closureDate === null,
);

export const closureNotBeforeReferral = episodeRule(
  '8630',
  'CIN Closure Date is before CIN Referral Date for the same CIN episode',
  (episode) => before(episode.closureDate, episode.referralDate) && `referral ${episode.referralDate}, closure ${episode.closureDate}`,
);

export const closureInYear = episodeRule(
  '8620',
  'CIN Closure Date present and does not fall within the Census year',
  (episode, _child, { year }) =>
    year !== null &&
    episode.closureDate !== null &&
    (episode.closureDate < year.firstDay || episode.closureDate > year.lastDay) &&
    episode.closureDate,
);

export const noActivityAfterClosure = episodeRule('8565', 'Activity shown after a case has been closed', (episode) => {
  const closed = episode.closureDate;
  if (closed === null) return null;
  const dates = [
    episode.dateOfInitialCpc,
    ...episode.assessments.flatMap((a) => [a.startDate, a.authorisationDate]),
    ...episode.cinPlans.flatMap((p) => [p.startDate, p.endDate]),
    ...episode.section47s.flatMap((s) => [s.startDate, s.dateOfInitialCpc]),
    ...episode.childProtectionPlans.flatMap((p) => [p.startDate, p.endDate, ...p.reviewDates]),
  ];
  const after = dates.filter((date): date is string => date !== null && date > closed);
  return after.length > 0 && `closed ${closed}, activity on ${after.join(', ')}`;
});

export const noActivityAfterClosedAfterAssessment = episodeRule(
  '2990',
  'Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or ' +
    '‘case closed after assessment, referred to early help’.',
  (episode) =>
    (episode.reasonForClosure === 'RC8' || episode.reasonForClosure === 'RC9') &&
    (episode.cinPlans.length > 0 || episode.section47s.length > 0 || episode.childProtectionPlans.length > 0 || episode.dateOfInitialCpc !== null) &&
    `${episode.reasonForClosure} with a CIN plan, section 47 enquiry or child protection plan`,
);

export const nfaHasNoCinPlan = episodeRule(
  '4000',
  'CIN Plan details provided for a referral with no further action',
  (episode) => episode.referralNfa && episode.cinPlans.length > 0,
);

export const nfaHasNoActivity = episodeRule(
  '8831',
  'Activity is recorded against a case marked as a referral with no further action',
  (episode) => episode.referralNfa && (episode.assessments.length > 0 || episode.section47s.length > 0 || episode.dateOfInitialCpc !== null),
);

export const nfaHasNoChildProtection = episodeRule(
  '8832',
  'Child Protection details provided for a referral with no further action.',
  (episode) => episode.referralNfa && episode.childProtectionPlans.length > 0,
);

export const referralInCollectionPeriod = episodeRule(
  '8600',
  'Child referral date missing or after data collection period',
  (episode, _child, { year }) => !episode.referralDate || (year !== null && episode.referralDate > year.lastDay && episode.referralDate),
);

/** The referral, its source and need, its closure, and what an NFA referral or a closed case may hold. */
export const CIN_DETAILS_RULES: readonly CinRule[] = [
  referralSourceCode,
  primaryNeedCode,
  primaryNeedForFurtherAction,
  closureReasonCode,
  closureHasReason,
  reasonHasClosure,
  closureNotBeforeReferral,
  closureInYear,
  noActivityAfterClosure,
  noActivityAfterClosedAfterAssessment,
  nfaHasNoCinPlan,
  nfaHasNoActivity,
  nfaHasNoChildProtection,
  referralInCollectionPeriod,
];
