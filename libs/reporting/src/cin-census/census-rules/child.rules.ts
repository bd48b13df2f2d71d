/** DfE CIN census validation rules: Child identifiers and characteristics, and how a child's episodes sit together. */
import { shiftDay } from '../../reporting-period';
import { isCinCode, NO_DISABILITY } from '../cin-codes';
import type { CinEpisodeRecord } from '../cin-record';
import { before, type CinRule, childRule, episodeRule } from './define-rule';


export const laChildIdPresent = childRule('8500', 'LA Child ID missing', (child) => !child.laChildId);

export const laChildIdAtMost20 = childRule('1570', 'LA Child ID must not be longer than 20 characters', (child) =>
  child.laChildId.length > 20 ? child.laChildId : null,
);

export const laChildIdAlphanumeric = childRule('1580', 'LA Child ID must not contain any non-alphanumeric characters', (child) =>
  /^[A-Za-z0-9]*$/.test(child.laChildId) ? null : child.laChildId,
);

export const laChildIdUnique = childRule('8510', 'More than one child record with the same LA Child ID', (child, { all }) =>
  all.filter((other) => other.laChildId === child.laChildId).length > 1 ? child.laChildId : null,
);

export const upnFormat = childRule(
  'FD-UPN',
  'UPN must be a letter, 11 digits and a final digit or letter (DfE schema)',
  (child) => child.upn !== null && !/^[A-Za-z]\d{11}[A-Za-z0-9]$/.test(child.upn) && child.upn,
);

export const upnUnknownReason = childRule(
  'FD-UPN-UNKNOWN',
  'UPN unknown reason must be UN1 to UN7, and only given when there is no UPN',
  (child) => child.upnUnknown !== null && (child.upn !== null || !isCinCode('upnUnknown', child.upnUnknown)) && child.upnUnknown,
);

export const birthOrExpectedBirth = childRule(
  '8525',
  'Either Date of Birth or Expected Date of Birth must be provided (but not both)',
  (child) => (child.birthDate === null) === (child.expectedBirthDate === null),
);

export const sexCode = childRule('4180', 'Sex must be provided and equal M, F, or U', (child) => !isCinCode('sex', child.sex) && String(child.sex));

export const unbornSex = childRule(
  '8750',
  'Sex must equal U for an unborn child',
  (child) => child.birthDate === null && child.expectedBirthDate !== null && child.sex !== 'U',
);

export const ethnicityCode = childRule(
  '4220',
  'Ethnicity is missing or invalid (see Ethnicity table)',
  (child) => !isCinCode('ethnicity', child.ethnicity) && String(child.ethnicity),
);

export const disabilityCodes = childRule('8540', 'Child’s disability is missing or invalid (see Disability table)', (child) => {
  const invalid = child.disabilities.filter((code) => !isCinCode('disability', code));
  if (invalid.length > 0) return invalid.join(', ');
  // The code list: required for a child with a date of birth who has any referral that was not NFA.
  return child.disabilities.length === 0 && child.birthDate !== null && child.episodes.some((e) => !e.referralNfa) && 'none recorded';
});

export const noDisabilityAlone = childRule(
  '8790',
  'Disability information includes both None and other values',
  (child) => child.disabilities.includes(NO_DISABILITY) && child.disabilities.length > 1 && child.disabilities.join(', '),
);

export const disabilitiesNotRepeated = childRule(
  '8794',
  'Child has two or more disabilities with the same code',
  (child) => new Set(child.disabilities).size !== child.disabilities.length && child.disabilities.join(', '),
);

export const birthInCollectionPeriod = childRule(
  '8520',
  'Date of Birth is after data collection period (must be on or before the end of the census period)',
  (child, { year }) => year !== null && child.birthDate !== null && child.birthDate > year.lastDay && child.birthDate,
);

export const upnUnknownOnlyWhenAllNfa = childRule(
  '8772',
  'UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action',
  (child) => child.upnUnknown === 'UN7' && child.episodes.some((e) => !e.referralNfa),
);

export const referralNotLongBeforeBirth = episodeRule(
  '8606',
  'Child referral date is more than 40 weeks before DOB or expected DOB',
  (episode, child) => {
    const birth = child.birthDate ?? child.expectedBirthDate;
    return birth !== null && episode.referralDate < shiftDay(birth, -280) && `referral ${episode.referralDate}, birth ${birth}`;
  },
);

export const episodesDoNotOverlap = episodeRule('8820', 'The dates on the CIN episodes for this child overlap', (episode, child, { year }) =>
  child.episodes
    .filter((other) => other !== episode && episode.referralDate >= other.referralDate)
    .filter((other) => {
      if (other.closureDate !== null) return episode.referralDate < other.closureDate;
      // An open referral runs to the census date, unless it was NFA.
      return !other.referralNfa && (year === null || episode.referralDate < year.lastDay || episode.referralDate === other.referralDate);
    })
    .map((other) => `referral ${episode.referralDate} falls within the episode referred ${other.referralDate}`),
);

const isOpenCase = (e: CinEpisodeRecord) => e.closureDate === null && !e.referralNfa;

export const oneOpenCase = childRule(
  '8815',
  'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action',
  (child) => child.episodes.filter(isOpenCase).length > 1 && child.episodes.filter(isOpenCase).map((e) => `referral ${e.referralDate}`).join(', '),
);

export const openCaseIsLatest = episodeRule(
  '8816',
  'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
  (episode, child) =>
    isOpenCase(episode) &&
    child.episodes.some((other) => before(episode.referralDate, other.referralDate)) &&
    `open since referral ${episode.referralDate}`,
);

/** The child's record and how its episodes sit together. */
export const CHILD_RULES: readonly CinRule[] = [
  laChildIdPresent,
  laChildIdAtMost20,
  laChildIdAlphanumeric,
  laChildIdUnique,
  upnFormat,
  upnUnknownReason,
  birthOrExpectedBirth,
  sexCode,
  unbornSex,
  ethnicityCode,
  disabilityCodes,
  noDisabilityAlone,
  disabilitiesNotRepeated,
  birthInCollectionPeriod,
  upnUnknownOnlyWhenAllNfa,
  referralNotLongBeforeBirth,
  episodesDoNotOverlap,
  oneOpenCase,
  openCaseIsLatest,
];
