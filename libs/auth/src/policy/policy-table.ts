import { isPublicEventType, type PublicEventType } from '@frontdoor/pathway';
import { type Actor, ROLES, type Role } from '../actor';

export interface PermissionRule {
  /** Who may. A person holding any one of these roles is allowed. */
  readonly roles: readonly Role[];
  /** Whether it changes anything: the auditor's role is read-only (ARCHITECTURE §5). */
  readonly writes: boolean;
  /** Finishes "Your role may not …" in a 403. */
  readonly action: string;
}

/**
 * The one table of who may do what (ARCHITECTURE §5), one row per kind of request in docs/api.md.
 * Controllers name a row with `@Requires('…')`; nothing else grants access. Which records a
 * person sees within a permission (their tenant, a referrer's own contacts, a partner's own
 * agency) is decided where the data is read, not here.
 */
const RULES = {
  'contacts.create': { roles: ['referrer', 'practitioner'], writes: true, action: 'record a contact' },
  'contacts.read': { roles: ['practitioner', 'manager'], writes: false, action: 'read contacts' },
  'episodes.list': { roles: ['practitioner', 'manager', 'auditor'], writes: false, action: 'list episodes' },
  'episodes.read': { roles: ['practitioner', 'manager', 'auditor'], writes: false, action: "read a child's episode" },
  'episodes.history': {
    roles: ['practitioner', 'manager', 'auditor'],
    writes: false,
    action: "read an episode's history",
  },
  'children.read': { roles: ['practitioner', 'manager', 'auditor'], writes: false, action: "read a child's record" },
  // Each event then has its own roles (EVENT_ROLES below); this row only opens the door.
  'events.send': { roles: ['practitioner', 'manager'], writes: true, action: 'act on an episode' },
  'referrals.readOwn': { roles: ['referrer'], writes: false, action: 'read referrals as their referrer' },
  'referrals.contribute': { roles: ['referrer'], writes: true, action: 'contribute to a referral' },
  'agencyChecks.list': { roles: ['partner'], writes: false, action: 'list agency checks' },
  'agencyChecks.respond': { roles: ['partner'], writes: true, action: 'respond to an agency check' },
  'reports.read': { roles: ['manager', 'auditor'], writes: false, action: 'read reports' },
  'messages.read': { roles: ['manager'], writes: false, action: 'read messages and their delivery' },
  'inbox.read': { roles: ['practitioner', 'manager'], writes: false, action: 'read a staff inbox' },
  'demoMailbox.read': { roles: ['manager', 'admin'], writes: false, action: "read the demo's mailbox" },
  'exports.read': { roles: ['manager', 'auditor'], writes: false, action: 'download statutory returns' },
  'accessLog.read': { roles: ['manager', 'auditor'], writes: false, action: 'read the access log' },
  'pathway.read': { roles: ROLES, writes: false, action: 'read the pathway' },
  'queues.admin': { roles: ['admin'], writes: true, action: 'administer the job queues' },
  // Operations routes of docs/api.md; /health/* alone is public.
  'metrics.read': { roles: ['admin'], writes: false, action: 'read service metrics' },
  'docs.read': { roles: ROLES, writes: false, action: 'read the API documentation' },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof RULES;

export const PERMISSIONS = Object.keys(RULES) as Permission[];

export const PERMISSION_RULES: Readonly<Record<Permission, PermissionRule>> = RULES;

export const POLICY: Readonly<Record<Permission, readonly Role[]>> = Object.fromEntries(
  PERMISSIONS.map((permission): [Permission, readonly Role[]] => [permission, RULES[permission].roles]),
) as Record<Permission, readonly Role[]>;

/** Who may send each event to an episode (docs/api.md, the event table of POST /api/v1/episodes/:id/events). */
export const EVENT_ROLES: Readonly<Record<PublicEventType, readonly Role[]>> = {
  SCREEN: ['practitioner', 'manager'],
  RATE: ['practitioner', 'manager'],
  REQUEST_AGENCY_CHECK: ['practitioner', 'manager'],
  PROPOSE_DECISION: ['practitioner', 'manager'],
  // A decision is a manager's to sign off or send back, and theirs to allocate.
  APPROVE_DECISION: ['manager'],
  RETURN_DECISION: ['manager'],
  ALLOCATE: ['manager'],
  RECORD_CHILD_SEEN: ['practitioner', 'manager'],
  COMPLETE_ASSESSMENT: ['practitioner', 'manager'],
  HOLD_STRATEGY_DISCUSSION: ['practitioner', 'manager'],
  COMPLETE_S47: ['practitioner', 'manager'],
  HOLD_ICPC: ['manager'],
  HOLD_CORE_GROUP: ['practitioner', 'manager'],
  HOLD_REVIEW_CONFERENCE: ['manager'],
  CLOSE: ['manager'],
  // A correction of the statutory record, on open and closed episodes alike, is a manager's.
  AMEND_RECORD: ['manager'],
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}

export function rolesFor(permission: Permission): readonly Role[] {
  return isPermission(permission) ? RULES[permission].roles : [];
}

export function isAllowed(actor: Actor, permission: Permission): boolean {
  const allowed = rolesFor(permission);
  return actor.roles.some((role) => allowed.includes(role));
}

/** Words for a 403: "Your role may not " + this. */
export function describePermission(permission: Permission): string {
  return isPermission(permission) ? RULES[permission].action : 'do this';
}

/**
 * Whether the actor may send this event. Takes any string, because the type comes from a request
 * body: an internal event (RESPOND_AGENCY_CHECK, deadline events) or an unknown one is never allowed.
 */
export function mayPublishEvent(actor: Actor, type: PublicEventType | (string & {})): boolean {
  if (!isPublicEventType(type)) return false;
  const allowed = EVENT_ROLES[type];
  return actor.roles.some((role) => allowed.includes(role));
}
