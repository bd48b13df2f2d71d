import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Client } from 'pg';
import {
  EVENT_ROLES,
  PERMISSION_RULES,
  PERMISSIONS,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSION,
  ROLES,
  type Permission,
  type Role,
} from '../../libs/auth/src';
import { PUBLIC_EVENT_TYPES } from '../../libs/pathway/src';
import { laChildIdOf } from '../../libs/reporting/src';
import { contactBody, createContact, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-database';

/**
 * The access matrix (issue 5 item 4), generated from the policy table: every route × every role ×
 * own / other tenant × own / other referrer × own / other agency, against real records. Expected:
 *   role not in PERMISSION_RULES[permission].roles            → 403 (whatever the record)
 *   role allowed, the record is theirs                         → the route's success status(es)
 *   role allowed, the record is another tenant's / referrer's / agency's → 404
 *   role allowed, a list route, "other" situation              → 200 and the record is not in it
 * plus every event type × role from EVENT_ROLES, and the access log for every successful read.
 */

type Situation = 'own' | 'otherTenant' | 'otherReferrer' | 'otherAgency' | 'anonymous';
type Kind = 'list' | 'record' | 'global';

interface Ctx {
  app: TestApp;
  /** tokens[situation][role] */
  token: (role: Role, situation: Situation) => Promise<string | undefined>;
  ids: Record<string, string>;
  seq: () => number;
}

interface Probe {
  path: string;
  body?: Record<string, unknown>;
}

interface RouteSpec {
  method: 'GET' | 'POST';
  /** Template as the controller declares it (`:id` params), used to check the catalogue is complete. */
  template: string;
  permission: Permission;
  kind: Kind;
  situations: Situation[];
  ok: number[];
  probe: (ctx: Ctx, role: Role, situation: Situation) => Probe | Promise<Probe>;
  /** For list routes: the id that must be present for "own" and absent otherwise. */
  listed?: (ctx: Ctx) => string;
  listIds?: (body: any) => string[];
  /** Access-log entries a successful call must leave. */
  logs?: (ctx: Ctx, body: any) => { subject_type: string; subject_id: string }[];
  /** Not a Nest controller route (Express middleware mounted in configureApp). */
  middleware?: boolean;
  /** A 4xx that is about the request or the tenant's data, never about access: also counts as allowed. */
  alsoOk?: (status: number, body: any) => boolean;
}

/** Everything of the matrix's own tenant that another tenant must never be shown, LA child ids included. */
const ownIds = (c: Ctx): string[] => {
  const ids = Object.values(c.ids);
  return [...ids, laChildIdOf(c.ids.child)];
};

const items = (body: any): string[] => (body?.items ?? []).map((i: { id: string }) => i.id);

const CATALOGUE: RouteSpec[] = [
  {
    method: 'POST', template: '/api/v1/contacts', permission: 'contacts.create', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [201],
    probe: (_c, role) => ({ path: '/api/v1/contacts', body: contactBody(role === 'referrer' ? { channel: 'portal' } : {}) }),
  },
  {
    method: 'GET', template: '/api/v1/contacts/:id', permission: 'contacts.read', kind: 'record',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: (c) => ({ path: `/api/v1/contacts/${c.ids.contact}` }),
    logs: (_c, body) => [
      ...body.episodes.map((e: { id: string }) => ({ subject_type: 'episode', subject_id: e.id })),
      ...body.episodes.map((e: { childId: string }) => ({ subject_type: 'child', subject_id: e.childId })),
    ],
  },
  {
    method: 'GET', template: '/api/v1/episodes', permission: 'episodes.list', kind: 'list',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/episodes?pageSize=200' }),
    listed: (c) => c.ids.episode, listIds: items,
    logs: (_c, body) => items(body).map((id) => ({ subject_type: 'episode', subject_id: id })),
  },
  {
    method: 'GET', template: '/api/v1/episodes/:id', permission: 'episodes.read', kind: 'record',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: (c) => ({ path: `/api/v1/episodes/${c.ids.episode}` }),
    logs: (c) => [{ subject_type: 'episode', subject_id: c.ids.episode }],
  },
  {
    method: 'GET', template: '/api/v1/episodes/:id/history', permission: 'episodes.history', kind: 'record',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: (c) => ({ path: `/api/v1/episodes/${c.ids.episode}/history` }),
    logs: (c) => [{ subject_type: 'episode', subject_id: c.ids.episode }],
  },
  {
    method: 'POST', template: '/api/v1/episodes/:id/events', permission: 'events.send', kind: 'record',
    situations: ['own', 'otherTenant'], ok: [200],
    // RATE may be sent again and again in triage: a fair probe of the door itself.
    probe: (c) => ({ path: `/api/v1/episodes/${c.ids.triage}/events`, body: { type: 'RATE', rag: 'amber', rationale: 'matrix' } }),
    logs: (c) => [{ subject_type: 'episode', subject_id: c.ids.triage }],
  },
  {
    method: 'GET', template: '/api/v1/children/:id', permission: 'children.read', kind: 'record',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: (c) => ({ path: `/api/v1/children/${c.ids.child}` }),
    logs: (c) => [{ subject_type: 'child', subject_id: c.ids.child }],
  },
  {
    method: 'GET', template: '/api/v1/referrals/mine', permission: 'referrals.readOwn', kind: 'list',
    situations: ['own', 'otherTenant', 'otherReferrer'], ok: [200],
    probe: () => ({ path: '/api/v1/referrals/mine?pageSize=200' }),
    listed: (c) => c.ids.referral, listIds: items,
  },
  {
    method: 'GET', template: '/api/v1/referrals/mine/:contactId', permission: 'referrals.readOwn', kind: 'record',
    situations: ['own', 'otherTenant', 'otherReferrer'], ok: [200],
    probe: (c) => ({ path: `/api/v1/referrals/mine/${c.ids.referral}` }),
    logs: (c) => [{ subject_type: 'episode', subject_id: c.ids.referralEpisode }],
  },
  {
    method: 'POST', template: '/api/v1/referrals/mine/:contactId/contributions', permission: 'referrals.contribute', kind: 'record',
    situations: ['own', 'otherTenant', 'otherReferrer'], ok: [201],
    probe: (c) => ({ path: `/api/v1/referrals/mine/${c.ids.referral}/contributions`, body: { text: `From the matrix ${c.seq()}` } }),
  },
  {
    method: 'GET', template: '/api/v1/agency-checks', permission: 'agencyChecks.list', kind: 'list',
    situations: ['own', 'otherTenant', 'otherAgency'], ok: [200],
    probe: () => ({ path: '/api/v1/agency-checks?pageSize=200' }),
    listed: (c) => c.ids.check, listIds: items,
  },
  {
    method: 'POST', template: '/api/v1/agency-checks/:id/response', permission: 'agencyChecks.respond', kind: 'record',
    situations: ['own', 'otherTenant', 'otherAgency'], ok: [200],
    probe: (c) => ({ path: `/api/v1/agency-checks/${c.ids.check}/response`, body: { summary: 'Known to the health visitor' } }),
  },
  {
    method: 'GET', template: '/api/v1/reports/indicators', permission: 'reports.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/reports/indicators?from=2026-10-01&to=2026-10-31' }),
  },
  {
    method: 'GET', template: '/api/v1/reports/exceptions', permission: 'reports.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/reports/exceptions' }),
  },
  {
    method: 'GET', template: '/api/v1/reports/caseload', permission: 'reports.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/reports/caseload' }),
  },
  {
    method: 'GET', template: '/api/v1/exports/cin-census', permission: 'exports.read', kind: 'global',
    // 422: the return would break DfE rules — about the data, not about access.
    situations: ['own', 'otherTenant'], ok: [200, 422],
    probe: () => ({ path: '/api/v1/exports/cin-census?year=2026' }),
    // The test tenants are not three-digit LA codes, so the census says 400 about the tenant: not access.
    alsoOk: (status, body) => status === 400 && body?.details?.[0]?.field === 'tenant',
  },
  {
    method: 'GET', template: '/api/v1/exports/annex-a/:list', permission: 'exports.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/exports/annex-a/1?from=2026-04-01&to=2026-11-30' }),
  },
  {
    method: 'GET', template: '/api/v1/access-log', permission: 'accessLog.read', kind: 'list',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: (c) => ({ path: `/api/v1/access-log?childId=${c.ids.child}&pageSize=200` }),
    listed: (c) => c.ids.child, listIds: (body) => (body?.items ?? []).map((i: { subjectId: string }) => i.subjectId),
  },
  {
    method: 'GET', template: '/api/v1/messages', permission: 'messages.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/messages' }),
  },
  {
    method: 'GET', template: '/api/v1/demo-mailbox', permission: 'demoMailbox.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/demo-mailbox' }),
  },
  {
    method: 'GET', template: '/api/v1/inbox', permission: 'inbox.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/inbox' }),
  },
  {
    method: 'GET', template: '/api/v1/pathway', permission: 'pathway.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/api/v1/pathway' }),
  },
  {
    method: 'GET', template: '/metrics', permission: 'metrics.read', kind: 'global',
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/metrics' }),
  },
  {
    method: 'GET', template: '/docs-json', permission: 'docs.read', kind: 'global', middleware: true,
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/docs-json' }),
  },
  {
    method: 'GET', template: '/docs', permission: 'docs.read', kind: 'global', middleware: true,
    situations: ['own', 'otherTenant'], ok: [200, 301],
    probe: () => ({ path: '/docs' }),
  },
  {
    method: 'GET', template: '/admin/queues', permission: 'queues.admin', kind: 'global', middleware: true,
    situations: ['own', 'otherTenant'], ok: [200],
    probe: () => ({ path: '/admin/queues' }),
  },
];

/** Routes that are public by design (no bearer token): docs/api.md's /health/*, and GOV.UK Notify's callback (own auth). */
const PUBLIC_ROUTES = ['GET /health/live', 'GET /health/ready', 'POST /api/v1/notify/callbacks'];

const SITUATION_ORDER: Situation[] = ['anonymous', 'otherTenant', 'otherReferrer', 'otherAgency', 'own'];
const SHORT: Record<Situation, string> = { own: '', otherTenant: 't', otherReferrer: 'r', otherAgency: 'a', anonymous: '' };

// ---- events: how to bring a fresh episode to a state where each event is accepted ----------------
type Body = Record<string, unknown>;
const at = (app: TestApp) => {
  app.clock.advance(60_000);
  return app.clock.now().toISOString();
};
const EV: Record<string, (app: TestApp) => Body> = {
  SCREEN: () => ({ type: 'SCREEN', outcome: 'concern' }),
  RATE: () => ({ type: 'RATE', rag: 'amber', rationale: 'matrix' }),
  REQUEST_AGENCY_CHECK: () => ({ type: 'REQUEST_AGENCY_CHECK', agency: 'education', question: 'Attendance?' }),
  PROPOSE_ASSESSMENT: () => ({ type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'assessment', thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f' }),
  PROPOSE_SD: () => ({ type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'strategy_discussion', thresholdLevel: 4, rationale: 'r', feedbackForReferrer: 'f' }),
  PROPOSE_FH: () => ({ type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'family_help', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f' }),
  APPROVE_DECISION: () => ({ type: 'APPROVE_DECISION', note: 'Agreed' }),
  RETURN_DECISION: () => ({ type: 'RETURN_DECISION', reason: 'Ask health first' }),
  ALLOCATE: () => ({ type: 'ALLOCATE', workerId: 'sw-jo', team: 'west' }),
  RECORD_CHILD_SEEN: (app) => ({ type: 'RECORD_CHILD_SEEN', seenAt: at(app), seenAlone: true }),
  COMPLETE_ASSESSMENT: (app) => ({
    type: 'COMPLETE_ASSESSMENT', completedAt: at(app), outcome: 'cin_plan', factors: ['3B'], primaryNeed: 'N1', feedbackForReferrer: 'f',
  }),
  HOLD_STRATEGY_DISCUSSION: (app) => ({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: at(app), agencies: ['police', 'health'], outcome: 's47' }),
  COMPLETE_S47: (app) => ({ type: 'COMPLETE_S47', completedAt: at(app), outcome: 'icpc' }),
  HOLD_ICPC: (app) => ({ type: 'HOLD_ICPC', heldAt: at(app), outcome: 'cp_plan', category: 'NEG', familyGroupConferenceOffered: true }),
  HOLD_CORE_GROUP: (app) => ({ type: 'HOLD_CORE_GROUP', heldAt: at(app) }),
  // A day on: the DfE rejects a review on the day the plan started (rule 8841).
  HOLD_REVIEW_CONFERENCE: (app) => {
    app.clock.advance(24 * 3_600_000);
    return { type: 'HOLD_REVIEW_CONFERENCE', heldAt: at(app), outcome: 'continue' };
  },
  CLOSE: (app) => ({ type: 'CLOSE', closedAt: at(app), reason: 'RC7' }),
  AMEND_RECORD: () => ({ type: 'AMEND_RECORD', reason: 'Audit found the need miscoded', primaryNeed: 'N3' }),
};
const CP = ['SCREEN', 'PROPOSE_SD', 'APPROVE_DECISION', 'ALLOCATE', 'HOLD_STRATEGY_DISCUSSION', 'COMPLETE_S47', 'HOLD_ICPC'];
const PATH_TO: Record<string, string[]> = {
  SCREEN: [],
  RATE: ['SCREEN'],
  REQUEST_AGENCY_CHECK: ['SCREEN'],
  PROPOSE_DECISION: ['SCREEN'],
  APPROVE_DECISION: ['SCREEN', 'PROPOSE_ASSESSMENT'],
  RETURN_DECISION: ['SCREEN', 'PROPOSE_ASSESSMENT'],
  ALLOCATE: ['SCREEN', 'PROPOSE_ASSESSMENT', 'APPROVE_DECISION'],
  RECORD_CHILD_SEEN: ['SCREEN', 'PROPOSE_ASSESSMENT', 'APPROVE_DECISION', 'ALLOCATE'],
  COMPLETE_ASSESSMENT: ['SCREEN', 'PROPOSE_ASSESSMENT', 'APPROVE_DECISION', 'ALLOCATE', 'RECORD_CHILD_SEEN'],
  HOLD_STRATEGY_DISCUSSION: CP.slice(0, 4),
  COMPLETE_S47: CP.slice(0, 5),
  HOLD_ICPC: CP.slice(0, 6),
  HOLD_CORE_GROUP: CP,
  HOLD_REVIEW_CONFERENCE: CP,
  CLOSE: ['SCREEN', 'PROPOSE_FH', 'APPROVE_DECISION', 'ALLOCATE'],
  AMEND_RECORD: ['SCREEN', 'PROPOSE_FH', 'APPROVE_DECISION'],
};
const eventBody = (type: string, app: TestApp): Body => (type === 'PROPOSE_DECISION' ? EV.PROPOSE_ASSESSMENT(app) : EV[type](app));

describe('the access matrix, generated from the policy table', () => {
  let app: TestApp;
  let ctx: Ctx;
  let otherTenant: string;
  const tokens = new Map<string, string>();
  const matrix = new Map<string, Map<Role | 'none', string[]>>();
  const mismatches: string[] = [];
  const expectedLogs: { actor_sub: string; subject_type: string; subject_id: string; what: string }[] = [];
  let cells = 0;
  const started = Date.now();

  const subOf = (role: Role, situation: Situation) =>
    situation === 'otherTenant' ? `${role}-elsewhere` : situation === 'otherReferrer' && role === 'referrer' ? 'referrer-other' : situation === 'otherAgency' && role === 'partner' ? 'partner-other-agency' : `${role}-own`;

  async function tokenFor(role: Role, situation: Situation): Promise<string | undefined> {
    if (situation === 'anonymous') return undefined;
    const key = `${role}:${situation}`;
    if (!tokens.has(key)) {
      const agency = role === 'partner' ? (situation === 'otherAgency' ? 'education' : 'health') : role === 'referrer' ? 'school' : undefined;
      tokens.set(
        key,
        await app.token(role, {
          sub: subOf(role, situation),
          tenant: situation === 'otherTenant' ? otherTenant : app.tenant,
          ...(agency ? { agency } : {}),
          ...(role === 'referrer' ? { email: 'sam.patel@example.org', name: 'Sam Patel' } : {}),
        }),
      );
    }
    return tokens.get(key);
  }

  function send(method: 'GET' | 'POST', path: string, token: string | undefined, body?: Body) {
    let req = method === 'GET' ? app.http().get(path) : app.http().post(path);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return method === 'POST' ? req.send(body ?? {}) : req;
  }

  function record(row: string, role: Role | 'none', cell: string) {
    if (!matrix.has(row)) matrix.set(row, new Map());
    const r = matrix.get(row)!;
    r.set(role, [...(r.get(role) ?? []), cell]);
  }

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-23T09:00:00Z' });
    otherTenant = `${app.tenant}-other`;
    let n = 0;
    ctx = { app, token: tokenFor, ids: {}, seq: () => ++n };
    const manager = (await tokenFor('manager', 'own'))!;
    const practitioner = (await tokenFor('practitioner', 'own'))!;

    // A contact a practitioner logged: its episode and child are read by the matrix.
    const logged = await createContact(app, practitioner);
    ctx.ids.contact = logged.id;
    ctx.ids.episode = logged.episodes[0].id;
    ctx.ids.child = logged.episodes[0].childId;

    // An episode in triage for the events door.
    const triage = await createContact(app, practitioner);
    ctx.ids.triage = triage.episodes[0].id;
    await step(app, manager, ctx.ids.triage, EV.SCREEN(app));

    // An agency check addressed to health.
    const checked = await createContact(app, practitioner);
    await step(app, manager, checked.episodes[0].id, EV.SCREEN(app));
    await step(app, manager, checked.episodes[0].id, { type: 'REQUEST_AGENCY_CHECK', agency: 'health', question: 'Known to the health visitor?' });
    const open = await send('GET', '/api/v1/agency-checks', await tokenFor('partner', 'own'));
    ctx.ids.check = open.body.items[0].id;

    // The own referrer's contact, asking to be involved, in an allocated assessment (contributions open);
    // and another referrer's contact in the same state.
    for (const [key, sub] of [['referral', 'own'], ['otherReferral', 'otherReferrer']] as const) {
      const contact = await createContact(app, (await tokenFor('referrer', sub))!, contactBody({ channel: 'portal' }));
      ctx.ids[key] = contact.id;
      ctx.ids[`${key}Episode`] = contact.episodes[0].id;
      for (const e of ['SCREEN', 'PROPOSE_ASSESSMENT', 'APPROVE_DECISION', 'ALLOCATE']) await step(app, manager, contact.episodes[0].id, EV[e](app));
    }
  });

  afterAll(async () => {
    const roles: (Role | 'none')[] = ['none', ...ROLES];
    const lines = [...matrix.entries()].map(([row, byRole]) =>
      [row.padEnd(52), ...roles.map((r) => (byRole.get(r) ?? []).join(' ').padEnd(r === 'none' ? 6 : 18))].join('|'),
    );
    console.log(
      [
        `ACCESS MATRIX: ${cells} cells in ${((Date.now() - started) / 1000).toFixed(1)} s; suffix t=other tenant, r=other referrer, a=other agency; * = MISMATCH`,
        ['route'.padEnd(52), ...roles.map((r) => r.padEnd(r === 'none' ? 6 : 18))].join('|'),
        ...lines,
        ...(mismatches.length ? ['MISMATCHES:', ...mismatches] : ['no mismatches']),
      ].join('\n'),
    );
    await app.close();
  });

  it('catalogues every route the controllers declare, and every permission of the policy table', () => {
    const declared: string[] = [];
    const undeclared: string[] = [];
    const publicRoutes: string[] = [];
    for (const module of app.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
        if (!controller?.prototype) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (method === undefined) continue;
          const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
          const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
          const route = `${RequestMethod[method]} ${path}`;
          const permission = Reflect.getMetadata(REQUIRED_PERMISSION, handler) ?? Reflect.getMetadata(REQUIRED_PERMISSION, controller);
          const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
          if (permission) declared.push(`${route} ${permission}`);
          else if (isPublic) publicRoutes.push(route);
          else undeclared.push(route);
        }
      }
    }
    const catalogued = CATALOGUE.filter((r) => !r.middleware).map((r) => `${r.method} ${r.template} ${r.permission}`);
    expect({ missingFromCatalogue: declared.filter((d) => !catalogued.includes(d)) }).toEqual({ missingFromCatalogue: [] });
    expect({ notInControllers: catalogued.filter((c) => !declared.includes(c)) }).toEqual({ notInControllers: [] });
    expect(undeclared).toEqual([]);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(PERMISSIONS.filter((p) => !CATALOGUE.some((r) => r.permission === p))).toEqual([]);
    expect([...PUBLIC_EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_ROLES).sort());
  });

  for (const route of CATALOGUE) {
    it(`${route.method} ${route.template} [${route.permission}]`, async () => {
      const allowed = PERMISSION_RULES[route.permission].roles as readonly Role[];
      const rowName = `${route.method} ${route.template}`;
      const local: string[] = [];
      const situations = SITUATION_ORDER.filter((s) => s === 'anonymous' || route.situations.includes(s));
      for (const situation of situations) {
        const roles: Role[] = situation === 'anonymous' ? ['admin'] : [...ROLES];
        for (const role of roles) {
          // "Other referrer" and "other agency" vary only the referrer / the partner; others are already "own".
          if (situation === 'otherReferrer' && role !== 'referrer') continue;
          if (situation === 'otherAgency' && role !== 'partner') continue;
          const token = await tokenFor(role, situation);
          const probe = await route.probe(ctx, role, situation);
          const response = await send(route.method, probe.path, token, probe.body);
          cells++;
          const isAllowed = allowed.includes(role);
          let expected: number[];
          let why = '';
          if (situation === 'anonymous') expected = [401];
          else if (!isAllowed) expected = [403];
          else if (situation === 'own' || route.kind !== 'record') expected = route.ok;
          else expected = [404];
          let ok =
            expected.includes(response.status) ||
            (isAllowed && situation !== 'anonymous' && expected === route.ok && !!route.alsoOk?.(response.status, response.body));
          if (ok && route.listed && isAllowed && situation !== 'anonymous' && response.status === 200) {
            const present = route.listIds!(response.body).includes(route.listed(ctx));
            if (present !== (situation === 'own')) {
              ok = false;
              why = present ? ' (lists a record not theirs)' : ' (own record missing from list)';
            }
          }
          // What a tenant-wide route (reports, exports, messages, inbox) answers another tenant
          // holds nothing of this one's: no id of its contacts, episodes, children or checks.
          if (ok && situation === 'otherTenant' && response.status < 300) {
            const text = response.text ?? JSON.stringify(response.body);
            const shown = ownIds(ctx).filter((id) => text.includes(id));
            if (shown.length > 0) {
              ok = false;
              why = ` (shows another tenant's ${shown.join(', ')})`;
            }
          }
          if (!ok) {
            local.push(
              `${rowName} as ${situation === 'anonymous' ? 'no token' : role} (${situation}): expected ${expected.join('|')}, got ${response.status}${why} ${JSON.stringify(response.body)?.slice(0, 160)}`,
            );
          }
          if (response.status < 300 && route.logs && situation !== 'anonymous') {
            for (const entry of route.logs(ctx, response.body)) {
              expectedLogs.push({ actor_sub: subOf(role, situation), ...entry, what: `${rowName} as ${role} (${situation})` });
            }
          }
          record(rowName, situation === 'anonymous' ? 'none' : role, `${response.status}${SHORT[situation]}${ok ? '' : '*'}`);
        }
      }
      mismatches.push(...local);
      expect(local).toEqual([]);
    });
  }

  it('POST /api/v1/episodes/:id/events: every event type × role of EVENT_ROLES, on an episode where it would be accepted', async () => {
    const manager = (await tokenFor('manager', 'own'))!;
    const local: string[] = [];
    const prepare = async (type: string) => {
      const contact = await createContact(app, (await tokenFor('practitioner', 'own'))!);
      const id = contact.episodes[0].id;
      for (const e of PATH_TO[type]) await step(app, manager, id, EV[e](app));
      return id;
    };
    for (const type of PUBLIC_EVENT_TYPES) {
      const allowed = EVENT_ROLES[type] as readonly Role[];
      const shared = await prepare(type);
      // Refusals first, on an episode where the event would be accepted.
      const probes: [Role, Situation][] = [
        ...ROLES.filter((r) => !allowed.includes(r)).map((r): [Role, Situation] => [r, 'own']),
        ...allowed.map((r): [Role, Situation] => [r, 'otherTenant']),
      ];
      for (const [role, situation] of probes) {
        const response = await send('POST', `/api/v1/episodes/${shared}/events`, await tokenFor(role, situation), eventBody(type, app));
        cells++;
        const expected = situation === 'otherTenant' ? 404 : 403;
        const ok = response.status === expected;
        if (!ok) local.push(`POST events ${type} as ${role} (${situation}): expected ${expected}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
        record(`EVENT ${type}`, role, `${response.status}${SHORT[situation]}${ok ? '' : '*'}`);
      }
      // Then each allowed role on its own episode in the right state: accepted.
      let first = true;
      for (const role of allowed) {
        const id = first ? shared : await prepare(type);
        first = false;
        const response = await send('POST', `/api/v1/episodes/${id}/events`, await tokenFor(role, 'own'), eventBody(type, app));
        cells++;
        const ok = response.status === 200;
        if (!ok) local.push(`POST events ${type} as ${role} (own): expected 200, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        else expectedLogs.push({ actor_sub: subOf(role, 'own'), subject_type: 'episode', subject_id: id, what: `EVENT ${type} as ${role}` });
        record(`EVENT ${type}`, role, `${response.status}${ok ? '' : '*'}`);
      }
    }
    mismatches.push(...local);
    expect(local).toEqual([]);
  });

  it('never tells a referrer whether a child is known: the answer and their view hold only what they sent', async () => {
    const practitioner = (await tokenFor('practitioner', 'own'))!;
    const referrer = (await tokenFor('referrer', 'own'))!;
    const child = (givenName: string, nhsNumber: string) => ({
      givenName, familyName: 'Smyth', dateOfBirth: '2014-05-02', nhsNumber, address: { postcode: 'BA14 8AA' },
    });
    // The child is known: a practitioner logged a contact about them, with an open episode.
    await createContact(app, practitioner, contactBody({ children: [{ ...child('Adelaide', '9434765870') }] }));
    const local: string[] = [];
    const answers: Record<string, any> = {};
    for (const [label, nhsNumber] of [['known', '9434765870'], ['unknown', '9434765889']] as const) {
      const sent = await send('POST', '/api/v1/contacts', referrer, contactBody({ channel: 'portal', children: [child('Addie', nhsNumber)] }));
      if (sent.status !== 201) local.push(`${label}: POST /contacts answered ${sent.status}`);
      answers[label] = sent.body;
      const keys = Object.keys(sent.body).sort();
      if (keys.join() !== 'episodes,id,receivedAt,reference') local.push(`${label}: the referrer's answer has ${keys.join()}`);
      for (const episode of sent.body.episodes ?? []) {
        if (Object.keys(episode).sort().join() !== 'id,stage') local.push(`${label}: an episode in the answer has ${Object.keys(episode).join()}`);
      }
      const view = await send('GET', `/api/v1/referrals/mine/${sent.body.id}`, referrer);
      const shown = view.body.children?.[0];
      if (shown?.childName !== 'Addie' || shown?.child?.givenName !== 'Addie') {
        local.push(`${label}: the referrer's view names the child ${JSON.stringify(shown?.childName)}, not the name they typed`);
      }
      if (JSON.stringify(view.body).includes('Adelaide')) local.push(`${label}: the referrer's view shows the stored child's name`);
    }
    mismatches.push(...local);
    expect(local).toEqual([]);
  });

  it('writes every successful read of a child or an episode to access_log', async () => {
    expect(expectedLogs.length).toBeGreaterThan(0);
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ actor_sub: string; subject_type: string; subject_id: string }>(
        'SELECT DISTINCT actor_sub, subject_type, subject_id::text AS subject_id FROM access_log WHERE tenant = ANY($1)',
        [[app.tenant, otherTenant]],
      );
      const seen = new Set(rows.map((r) => `${r.actor_sub}|${r.subject_type}|${r.subject_id}`));
      const missing = expectedLogs.filter((e) => !seen.has(`${e.actor_sub}|${e.subject_type}|${e.subject_id}`)).map((e) => `not logged: ${e.what} → ${e.subject_type} ${e.subject_id}`);
      // Nobody in the other tenant read anything of this tenant's: no log row may say they did.
      const ours = new Set([ctx.ids.episode, ctx.ids.child, ctx.ids.triage, ctx.ids.referralEpisode]);
      const leaked = rows.filter((r) => r.actor_sub.endsWith('-elsewhere') && ours.has(r.subject_id)).map((r) => `logged a read that was refused: ${JSON.stringify(r)}`);
      mismatches.push(...missing, ...leaked);
      expect([...missing, ...leaked]).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
