/**
 * One child as the CIN census reports them (DfE CIN census specification, modules
 * ChildIdentifiers, ChildCharacteristics, CINdetails and below). Dates are London calendar
 * days, YYYY-MM-DD; codes are CIN census codes. The records are plain data: build-cin-records.ts
 * makes them from Front Door's episodes, validation-rules.ts checks them, cin-census-xml.ts
 * writes them.
 */
export interface CinChildRecord {
  /** Front Door's child id (a UUID): how a manager finds the child to fix a problem. */
  childId: string;
  /** LAchildID: at most 20 alphanumeric characters (DfE rules 1570, 1580), derived from childId. */
  laChildId: string;
  upn: string | null;
  /** UN1–UN7, given only when there is no UPN. */
  upnUnknown: string | null;
  birthDate: string | null;
  /** Given only for a child not yet born. */
  expectedBirthDate: string | null;
  /** M, F or U (U for an unborn child). */
  sex: string | null;
  ethnicity: string | null;
  disabilities: string[];
  /** The child's CIN episodes in the year, oldest referral first. */
  episodes: CinEpisodeRecord[];
}

export interface CinEpisodeRecord {
  /** Front Door's episode id: which referral a problem is about. */
  episodeId: string;
  referralDate: string;
  referralSource: string | null;
  primaryNeed: string | null;
  closureDate: string | null;
  reasonForClosure: string | null;
  /** An ICPC recorded on the episode rather than in a Section47 group (never by Front Door). */
  dateOfInitialCpc: string | null;
  referralNfa: boolean;
  /** Whether the referral has a signed-off decision yet (not written; rule 8610 reads it). */
  decided: boolean;
  assessments: CinAssessmentRecord[];
  cinPlans: CinPlanRecord[];
  section47s: CinSection47Record[];
  childProtectionPlans: CinChildProtectionPlanRecord[];
}

export interface CinAssessmentRecord {
  startDate: string;
  authorisationDate: string | null;
  factors: string[];
}

export interface CinPlanRecord {
  startDate: string;
  endDate: string | null;
}

export interface CinSection47Record {
  startDate: string;
  initialCpcTarget: string | null;
  dateOfInitialCpc: string | null;
  icpcNotRequired: boolean;
}

export interface CinChildProtectionPlanRecord {
  startDate: string;
  endDate: string | null;
  initialCategory: string | null;
  latestCategory: string | null;
  numberOfPreviousCpp: number;
  reviewDates: string[];
}
