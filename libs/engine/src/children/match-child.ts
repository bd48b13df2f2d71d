import { randomUUID } from 'node:crypto';
import { ChildEntity, EpisodeEntity, Stores } from '@frontdoor/persistence';
import { isReferral, positionOf } from '@frontdoor/pathway';
import type { ChildInput } from '../create-contact/contact-input';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number';


export interface MatchedChild {
  child: ChildEntity;
  matchedBy: 'nhs_number' | 'name_birth_postcode' | null;
  /** This child had a referral within the 12 months before this contact (CIN re-referral). */
  reReferral: boolean;
  /** An open episode with an allocated worker: screening can forward to them. */
  openCaseEpisode: EpisodeEntity | null;
}

export const nameKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');
export const postcodeKey = (postcode: string | null | undefined): string | null =>
  postcode ? postcode.replace(/\s+/g, '').toUpperCase() : null;

/**
 * Finds the child this contact is about among the tenant's known children (DOMAIN §8): a valid
 * NHS number matches exactly; otherwise name, date of birth and postcode together. An unknown
 * child is recorded. A match fills in identifiers the earlier record lacked.
 */
export async function matchOrRecordChild(
  stores: Stores,
  tenant: string,
  input: ChildInput,
  receivedAt: Date,
): Promise<MatchedChild> {
  const nhsNumber = input.nhsNumber ? normaliseNhsNumber(input.nhsNumber) : null;
  const keys = {
    givenNameKey: nameKey(input.givenName),
    familyNameKey: nameKey(input.familyName),
    dateOfBirth: input.dateOfBirth ?? null,
    postcodeKey: postcodeKey(input.address?.postcode),
  };

  let matchedBy: MatchedChild['matchedBy'] = null;
  let child: ChildEntity | null = null;
  if (nhsNumber && isValidNhsNumber(nhsNumber)) {
    child = await stores.children.findByNhsNumber(tenant, nhsNumber);
    if (child) matchedBy = 'nhs_number';
  }
  if (!child) {
    child = await stores.children.findByNameBirthAndPostcode(tenant, keys);
    // A record already holding a different NHS number is another child with the same details.
    if (child && nhsNumber && child.nhsNumber && child.nhsNumber !== nhsNumber) child = null;
    if (child) matchedBy = 'name_birth_postcode';
  }

  if (!child) {
    child = {
      id: randomUUID(),
      tenant,
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      ...keys,
      expectedDateOfBirth: input.expectedDateOfBirth ?? null,
      sex: input.sex ?? null,
      nhsNumber,
      upn: input.upn ?? null,
      ethnicity: input.ethnicity ?? null,
      disabilities: input.disabilities ?? null,
      address: input.address
        ? { line1: input.address.line1 ?? null, town: input.address.town ?? null, postcode: input.address.postcode ?? null }
        : null,
      createdAt: receivedAt,
    };
    await stores.children.insert(child);
    return { child, matchedBy: null, reReferral: false, openCaseEpisode: null };
  }

  const fillIn: Partial<ChildEntity> = {};
  if (!child.nhsNumber && nhsNumber) fillIn.nhsNumber = nhsNumber;
  if (!child.upn && input.upn) fillIn.upn = input.upn;
  if (!child.ethnicity && input.ethnicity) fillIn.ethnicity = input.ethnicity;
  if (!child.dateOfBirth && input.dateOfBirth) fillIn.dateOfBirth = input.dateOfBirth;
  // What a new contact says of the child's disabilities is the latest word on them.
  if (input.disabilities && input.disabilities.join() !== (child.disabilities ?? []).join()) fillIn.disabilities = input.disabilities;
  if (Object.keys(fillIn).length > 0) {
    await stores.children.update(tenant, child.id, fillIn);
    Object.assign(child, fillIn);
  }

  const earlier = await stores.episodes.forChild(tenant, child.id);
  const yearBefore = new Date(receivedAt);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  const reReferral = earlier.some(
    (episode) =>
      isReferral(positionOf(episode.machineVersion, episode.snapshot).context) &&
      episode.referralAt <= receivedAt &&
      episode.referralAt >= yearBefore,
  );
  const openCaseEpisode = earlier.find((episode) => episode.isOpen && episode.workerId !== null) ?? null;
  return { child, matchedBy, reReferral, openCaseEpisode };
}
