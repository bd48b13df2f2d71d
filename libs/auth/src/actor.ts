/** Who may use Front Door (ARCHITECTURE §5). What each may do is decided in policy/policy-table.ts. */
export const ROLES = ['referrer', 'partner', 'practitioner', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The person behind a request, as their verified token describes them. */
export interface Actor {
  sub: string;
  name: string;
  /** Only roles Front Door knows; never empty. */
  roles: Role[];
  /** The local authority whose data this person may see (e.g. "865"). */
  tenant: string;
  /** The partner agency or referring organisation; always set for a partner. */
  agency: string | null;
  email: string | null;
  /** Optional claim `sourceCode`: a referrer's default CIN referral source (e.g. "5B"). */
  sourceCode: string | null;
}
