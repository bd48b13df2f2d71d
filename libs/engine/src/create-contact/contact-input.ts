import type { Address } from '@frontdoor/persistence';

export const CONTACT_CHANNELS = ['portal', 'phone', 'email', 'letter', 'police_notification', 'in_person'] as const;
export const FEEDBACK_CHANNELS = ['email', 'portal', 'webhook'] as const;
export const CONCERN_CATEGORIES = [
  'neglect',
  'physical',
  'sexual',
  'emotional',
  'domestic_abuse',
  'risk_outside_home',
  'exploitation',
  'trafficking',
  'other',
] as const;

/** A contact as the api has parsed and validated it (docs/api.md, POST /contacts). */
export interface ContactInput {
  channel: (typeof CONTACT_CHANNELS)[number];
  receivedAt?: string;
  referrer: {
    name: string;
    role?: string | null;
    organisation?: string | null;
    sourceCode?: string | null;
    email?: string | null;
    phone?: string | null;
    wantsInvolvement?: boolean;
    feedbackChannel?: (typeof FEEDBACK_CHANNELS)[number];
  };
  children: ChildInput[];
  concern: { summary: string; categories: string[]; immediateRisk: boolean };
  consent: { obtained: boolean; reasonIfNot?: string | null };
}

export interface ChildInput {
  givenName: string;
  familyName: string;
  dateOfBirth?: string | null;
  expectedDateOfBirth?: string | null;
  sex?: string | null;
  nhsNumber?: string | null;
  upn?: string | null;
  ethnicity?: string | null;
  /** CIN census disability codes, when the referrer knows them (NONE for none). */
  disabilities?: string[] | null;
  address?: Partial<Address> | null;
}

export interface CreatedContact {
  id: string;
  reference: string;
  receivedAt: string;
  householdId: string;
  episodes: { id: string; childId: string; stage: string; version: number; reReferral: boolean; openCaseEpisodeId: string | null }[];
}
