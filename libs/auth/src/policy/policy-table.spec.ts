import { PUBLIC_EVENT_TYPES } from '@frontdoor/pathway';
import { type Actor, ROLES, type Role } from '../actor';
import {
  describePermission,
  EVENT_ROLES,
  isAllowed,
  mayPublishEvent,
  type Permission,
  PERMISSION_RULES,
  PERMISSIONS,
  POLICY,
  rolesFor,
} from './policy-table';

const actor = (...roles: Role[]): Actor => ({
  sub: 'someone',
  name: 'Someone',
  roles,
  tenant: '865',
  agency: roles.includes('partner') ? 'police' : null,
  email: null,
  sourceCode: null,
});

/** docs/api.md and ARCHITECTURE §5, written out again by hand so the table is checked against the contract. */
const EXPECTED: Record<Permission, Role[]> = {
  'contacts.create': ['referrer', 'practitioner'],
  'contacts.read': ['practitioner', 'manager'],
  'episodes.list': ['practitioner', 'manager', 'auditor'],
  'episodes.read': ['practitioner', 'manager', 'auditor'],
  'episodes.history': ['practitioner', 'manager', 'auditor'],
  'children.read': ['practitioner', 'manager', 'auditor'],
  'events.send': ['practitioner', 'manager'],
  'referrals.readOwn': ['referrer'],
  'referrals.contribute': ['referrer'],
  'agencyChecks.list': ['partner'],
  'agencyChecks.respond': ['partner'],
  'reports.read': ['manager', 'auditor'],
  'messages.read': ['manager'],
  'inbox.read': ['practitioner', 'manager'],
  'demoMailbox.read': ['manager', 'admin'],
  'exports.read': ['manager', 'auditor'],
  'accessLog.read': ['manager', 'auditor'],
  'pathway.read': [...ROLES],
  'queues.admin': ['admin'],
  'metrics.read': ['admin'],
  'docs.read': [...ROLES],
};

/** docs/api.md, the event table of POST /api/v1/episodes/:id/events. */
const EXPECTED_EVENT_ROLES: Record<string, Role[]> = {
  SCREEN: ['practitioner', 'manager'],
  RATE: ['practitioner', 'manager'],
  REQUEST_AGENCY_CHECK: ['practitioner', 'manager'],
  PROPOSE_DECISION: ['practitioner', 'manager'],
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
  // Front Door addition: a correction of the statutory record.
  AMEND_RECORD: ['manager'],
};

describe('the policy table', () => {
  it('has a rule for every permission and no other', () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(POLICY).sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(PERMISSIONS)('lets at least one known role %s, and says what it is for', (permission) => {
    expect(rolesFor(permission).length).toBeGreaterThan(0);
    for (const role of rolesFor(permission)) expect(ROLES).toContain(role);
    expect(describePermission(permission)).toMatch(/^[a-z]/);
  });

  describe.each(PERMISSIONS)('%s', (permission) => {
    it.each(ROLES)(`is decided for %s as docs/api.md says`, (role) => {
      expect(isAllowed(actor(role), permission)).toBe(EXPECTED[permission].includes(role));
    });
  });

  it('gives the auditor no permission that changes anything', () => {
    const writes = PERMISSIONS.filter((permission) => PERMISSION_RULES[permission].writes);
    expect(writes).toEqual(
      expect.arrayContaining(['contacts.create', 'events.send', 'referrals.contribute', 'agencyChecks.respond']),
    );
    for (const permission of writes) expect(rolesFor(permission)).not.toContain('auditor');
  });

  it.each(['referrer', 'partner'] as const)('gives a %s no report, export, message, episode or child permission', (role) => {
    const internal = PERMISSIONS.filter((p) => /^(reports|exports|messages|episodes|children|contacts\.read|events)\b/.test(p));
    expect(internal.length).toBeGreaterThanOrEqual(9);
    for (const permission of internal) expect(isAllowed(actor(role), permission)).toBe(false);
  });

  it('allows a person with several roles what any one of them allows', () => {
    expect(isAllowed(actor('auditor', 'practitioner'), 'events.send')).toBe(true);
  });

  it('allows nothing for a permission that is not in the table', () => {
    expect(isAllowed(actor(...ROLES), 'constructor' as Permission)).toBe(false);
    expect(isAllowed(actor(...ROLES), 'toString' as Permission)).toBe(false);
  });
});

describe('who may send each event', () => {
  it('covers every public event', () => {
    expect(Object.keys(EVENT_ROLES).sort()).toEqual([...PUBLIC_EVENT_TYPES].sort());
    expect(Object.keys(EXPECTED_EVENT_ROLES).sort()).toEqual([...PUBLIC_EVENT_TYPES].sort());
  });

  describe.each([...PUBLIC_EVENT_TYPES])('%s', (type) => {
    it.each(ROLES)('is decided for %s as docs/api.md says', (role) => {
      expect(mayPublishEvent(actor(role), type)).toBe(EXPECTED_EVENT_ROLES[type].includes(role));
    });

    it('needs no role beyond those who may send events at all', () => {
      for (const role of EVENT_ROLES[type]) expect(POLICY['events.send']).toContain(role);
    });
  });

  it('lets nobody send an internal or unknown event', () => {
    for (const type of ['RESPOND_AGENCY_CHECK', 'DEADLINE_BREACHED', 'constructor', '']) {
      expect(mayPublishEvent(actor(...ROLES), type)).toBe(false);
    }
  });
});
