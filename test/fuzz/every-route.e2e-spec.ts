/**
 * Fuzzing every route (issue 5, item 3): generated requests, wrong types, missing and extra
 * fields, huge strings, odd Unicode, injection-shaped text, out-of-order events, odd ids and
 * query strings, odd headers. For every one: never a 5xx (not even 503: PostgreSQL and Redis
 * are up); every 4xx in docs/api.md's error shape, a 400 from a JSON body naming its fields; and
 * nothing stored for the tenant when the request was refused.
 *
 * A new seed each run, printed at the start and with every failure; FUZZ_SEED=<seed> replays one
 * (FUZZ_SCALE scales the runs). Run alone:
 *   TEST_DATABASE_NAME=front_door_test_fuzz npx jest test/fuzz
 * FUZZ_LOG_LEVEL=error shows the api's own log of a 5xx (with its stack).
 */
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Role } from '../../libs/auth/src';
import { actorsOf, Actors, contactBody, createContact, step } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-database';
import { encode, eventBody, headerString, hugeString, ifMatch, junk, mutatedContact, nastyText, oddId, oddString, queryString } from './arbitraries';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** FUZZ_COLLECT=1: carry on past a failure and print one example of each kind found (for triage). */
const COLLECT = process.env.FUZZ_COLLECT === '1';
const collected = new Map<string, string>();
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

interface FuzzRequest {
  method: 'GET' | 'POST';
  path: string;
  role?: Role | 'none' | 'garbage';
  tokenOptions?: { sub?: string; tenant?: string; agency?: string; email?: string };
  body?: unknown;
  /** Sent as is, instead of JSON of `body`. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

interface Outcome {
  status: number;
  body: unknown;
}

const ROLES: Role[] = ['practitioner', 'manager', 'auditor', 'referrer', 'partner', 'admin'];

// Thousands of requests a property: on a busy machine one property can pass the default minute.
jest.setTimeout(300_000);

describe('every route, fuzzed', () => {
  let app: TestApp;
  let actors: Actors;
  let db: Client;
  let base: string;
  const tokens = new Map<string, string>();
  let sent = 0;
  const failures: string[] = [];

  // Ids the fuzzer picks from: this tenant's own, another tenant's, and made-up ones.
  const episodes: string[] = [];
  const contacts: string[] = [];
  const children: string[] = [];
  const checks: string[] = [];
  const referrerContacts: string[] = [];
  const otherTenant: { episode: string; contact: string; child: string } = { episode: '', contact: '', child: '' };

  const token = async (role: Role, options: FuzzRequest['tokenOptions'] = {}) => {
    const key = `${role}|${JSON.stringify(options)}`;
    if (!tokens.has(key)) tokens.set(key, await app.token(role, options));
    return tokens.get(key)!;
  };

  const counts = async () => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM contacts WHERE tenant = $1)::int AS contacts,
              (SELECT count(*) FROM episodes WHERE tenant = $1)::int AS episodes,
              (SELECT count(*) FROM episode_events WHERE tenant = $1)::int AS events,
              (SELECT count(*) FROM outbox_messages WHERE tenant = $1)::int AS outbox,
              (SELECT count(*) FROM agency_checks WHERE tenant = $1)::int AS checks,
              (SELECT count(*) FROM idempotency_records WHERE tenant = $1)::int AS idempotency`,
      [app.tenant],
    );
    return rows[0] as Record<string, number>;
  };

  const describeRequest = (r: FuzzRequest) => {
    const body = r.raw !== undefined ? `raw(${r.raw.length}): ${r.raw.slice(0, 300)}` : JSON.stringify(r.body)?.slice(0, 3000);
    return `${r.method} ${r.path.slice(0, 300)} as ${r.role ?? 'none'} ${JSON.stringify(r.tokenOptions ?? {})} headers=${JSON.stringify(r.headers ?? {})} body=${body}`;
  };

  /** Sends one request and checks the three properties; returns the outcome for route-specific checks. */
  async function check(r: FuzzRequest): Promise<Outcome> {
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    if (r.role === 'garbage') headers.authorization = 'Bearer not.a.jwt';
    else if (r.role && r.role !== 'none') headers.authorization = `Bearer ${await token(r.role, r.tokenOptions)}`;
    let payload: string | undefined;
    if (r.method === 'POST') {
      payload = r.raw ?? JSON.stringify(r.body) ?? '';
      headers['content-type'] = r.contentType ?? 'application/json';
    }
    const writes = r.method === 'POST';
    const before = writes ? await counts() : undefined;
    const response = await fetch(`${base}${r.path}`, { method: r.method, headers, body: payload });
    const text = await response.text();
    sent += 1;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: checked below for errors */
    }
    const status = response.status;
    const problem = (what: string) => {
      const message = `${what}\n  request: ${describeRequest(r)}\n  response: ${status} ${text.slice(0, 500)}`;
      failures.push(message);
      if (COLLECT) {
        const kind = `${what.split(':')[0]} ${r.method} ${r.path.replace(/\/[^/?]{8,}(?=\/|$|\?)/g, '/:id').split('?')[0]} ${status}`;
        if (!collected.has(kind)) collected.set(kind, message);
      }
      return new Error(message);
    };
    const fail = (what: string) => {
      const error = problem(what);
      if (!COLLECT) throw error;
    };
    if (status >= 500) fail('a 5xx for something a client sent');
    if (status >= 400) {
      const error = body as { statusCode?: unknown; error?: unknown; message?: unknown; details?: { field?: unknown }[] };
      if (typeof error !== 'object' || error === null || error.statusCode !== status || typeof error.error !== 'string' || typeof error.message !== 'string') {
        fail('a 4xx not in the error shape { statusCode, error, message }');
        return { status, body };
      }
      // (Express refuses a path whose %-escapes are not UTF-8 before any route sees the body.)
      const undecodablePath = /^Failed to decode param/.test(String(error.message));
      const fromJsonBody = r.method === 'POST' && r.raw === undefined && r.body !== null && typeof r.body === 'object' && status === 400 && !undecodablePath;
      if (fromJsonBody && (!Array.isArray(error.details) || error.details.length === 0 || error.details.some((d) => typeof d?.field !== 'string'))) {
        fail('a 400 for a JSON body that names no field');
      }
      if (writes) {
        const after = await counts();
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          fail(`stored from a rejected request: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
      }
    }
    return { status, body };
  }

  const roleFor = (allowed: Role[]) =>
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...allowed) },
      { weight: 2, arbitrary: fc.constantFrom(...ROLES) },
      { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const) },
    );
  const pick = (ids: () => string[]) => fc.nat().map((n) => ids()[n % ids().length]);
  const idFrom = (own: () => string[], other: () => string) =>
    fc.oneof({ weight: 5, arbitrary: pick(own) }, { weight: 1, arbitrary: fc.constant(0).map(other) }, { weight: 3, arbitrary: oddId });
  const pathId = (id: string) => encode(id);

  const assertProperty = async <T>(name: string, property: fc.IAsyncProperty<T>, numRuns: number) => {
    const started = Date.now();
    const before = sent;
    const result = await fc.check(property, { numRuns, seed: SEED, endOnFailure: true });
    console.log(`${name}: ${sent - before} requests in ${Date.now() - started} ms (seed ${SEED})`);
    if (result.failed) {
      throw new Error(`${name} failed (seed ${SEED}, path ${result.counterexamplePath}): ${String((result.errorInstance as Error)?.message ?? result.errorInstance)}`);
    }
  };

  beforeAll(async () => {
    // The fuzzer is one client sending thousands of contacts: the intake limit is raised so that
    // they reach validation instead of a 429.
    app = await startTestApp({ env: { LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent', INTAKE_RATE_LIMIT_PER_MINUTE: '1000000' } });
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
    actors = await actorsOf(app);
    db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();

    // Episodes in several states, so generated events meet each of them.
    const fresh = async (body = contactBody({ children: [{ givenName: `Seed${randomUUID().slice(0, 6)}`, familyName: 'Fuzz', dateOfBirth: '2015-03-03' }] })) => {
      const c = await createContact(app, actors.practitioner, body);
      contacts.push(c.id);
      children.push(...c.episodes.map((e) => e.childId));
      episodes.push(...c.episodes.map((e) => e.id));
      return c.episodes[0].id;
    };
    await fresh();
    const triage = await fresh();
    await step(app, actors.practitioner, triage, { type: 'SCREEN', outcome: 'concern' });
    for (let i = 0; i < 4; i++) {
      const id = await fresh();
      await step(app, actors.practitioner, id, { type: 'SCREEN', outcome: 'concern' });
      const checked = await app.http().post(`/api/v1/episodes/${id}/events`).set('Authorization', `Bearer ${actors.practitioner}`).send({ type: 'REQUEST_AGENCY_CHECK', agency: 'police', question: 'Known?' });
      expect(checked.status).toBe(200);
    }
    const signOff = await fresh();
    await step(app, actors.practitioner, signOff, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, signOff, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'assessment', thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f' });
    const assessment = await fresh();
    await step(app, actors.practitioner, assessment, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, assessment, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'assessment', thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, assessment, { type: 'APPROVE_DECISION' });
    await step(app, actors.manager, assessment, { type: 'ALLOCATE', workerId: 'sw-1', team: 'west' });
    const strategy = await fresh();
    await step(app, actors.practitioner, strategy, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, strategy, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'strategy_discussion', thresholdLevel: 4, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, strategy, { type: 'APPROVE_DECISION' });

    const { rows } = await db.query(`SELECT id FROM agency_checks WHERE tenant = $1`, [app.tenant]);
    checks.push(...rows.map((row: { id: string }) => row.id));

    // A referrer's own referral, in an assessment they asked to be involved in (contributions).
    const referrer = await token('referrer', { sub: 'sam-referrer', email: 'sam.patel@example.org' });
    const mine = await createContact(app, referrer, contactBody({ referrer: { name: 'Sam Patel', wantsInvolvement: true, feedbackChannel: 'portal' } }));
    referrerContacts.push(mine.id);
    const own = mine.episodes[0].id;
    await step(app, actors.practitioner, own, { type: 'SCREEN', outcome: 'concern' });
    await step(app, actors.practitioner, own, { type: 'PROPOSE_DECISION', primaryNeed: 'N1', outcome: 'assessment', thresholdLevel: 3, rationale: 'r', feedbackForReferrer: 'f' });
    await step(app, actors.manager, own, { type: 'APPROVE_DECISION' });
    await step(app, actors.manager, own, { type: 'ALLOCATE', workerId: 'sw-1', team: 'west' });
    episodes.push(own);

    // Another tenant's records: never revealed, never changed.
    const stranger = await app.token('practitioner', { tenant: `other-${app.tenant}` });
    const theirs = await createContact(app, stranger);
    Object.assign(otherTenant, { episode: theirs.episodes[0].id, contact: theirs.id, child: theirs.episodes[0].childId });
  }, 60_000);

  afterAll(async () => {
    console.log(`fuzz: ${sent} requests in all; ${failures.length} failure(s)`);
    if (COLLECT) console.log([...collected.entries()].map(([kind, example]) => `### ${kind}\n${example}`).join('\n\n'));
    await db?.end();
    await app?.close();
  });

  it('POST /api/v1/contacts: mutated bodies, 0 and 21 children, huge and odd text, odd Idempotency-Keys', async () => {
    await assertProperty(
      'contacts',
      fc.asyncProperty(
        mutatedContact,
        roleFor(['practitioner', 'referrer']),
        fc.option(headerString(300), { freq: 4 }),
        async ({ body }, role, key) => {
          await check({ method: 'POST', path: '/api/v1/contacts', role, body, headers: key === null ? {} : { 'idempotency-key': key } });
        },
      ),
      runs(1500),
    );
  });

  it('a referrer’s answer and view of a referral hold only what they sent, whatever children are already known', async () => {
    // Children known to social care, stored under names no referrer will type.
    const nhs = (stem: number) => {
      const digits = String(stem).padStart(9, '0').split('').map(Number);
      const checkDigit = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
      return checkDigit === 10 ? null : `${digits.join('')}${checkDigit === 11 ? 0 : checkDigit}`;
    };
    const known: string[] = [];
    for (let stem = 401_000_001; known.length < 3; stem++) {
      const number = nhs(stem);
      if (!number) continue;
      known.push(number);
      await createContact(app, actors.practitioner, contactBody({
        children: [{ givenName: 'Storedgiven', familyName: 'Storedfamily', dateOfBirth: '2012-01-01', nhsNumber: number, address: { postcode: 'SN1 1AA' } }],
      }));
    }
    const referrer = await token('referrer', { sub: 'oracle-prober', email: 'prober@example.org' });
    const name = fc.stringMatching(/^[A-Z][a-z]{1,11}$/);
    const typedChild = fc.record({
      givenName: name,
      familyName: name,
      dateOfBirth: fc.constantFrom('2012-01-01', '2016-07-30', '2020-02-29'),
      nhsNumber: fc.oneof(fc.constantFrom(...known), fc.integer({ min: 402_000_000, max: 402_999_999 }).map(nhs).filter((n): n is string => n !== null)),
    });
    await assertProperty(
      'referrer view',
      fc.asyncProperty(fc.array(typedChild, { minLength: 1, maxLength: 3 }), async (typed) => {
        const body = contactBody({ channel: 'portal', referrer: { name: 'Prober', sourceCode: '5B', feedbackChannel: 'portal' }, children: typed });
        const sent = await check({ method: 'POST', path: '/api/v1/contacts', role: 'referrer', tokenOptions: { sub: 'oracle-prober', email: 'prober@example.org' }, body });
        expect(sent.status).toBe(201);
        const answer = sent.body as { id: string; episodes: object[] };
        expect(Object.keys(answer).sort()).toEqual(['episodes', 'id', 'receivedAt', 'reference']);
        for (const episode of answer.episodes) expect(Object.keys(episode).sort()).toEqual(['id', 'stage']);
        const view = await app.http().get(`/api/v1/referrals/mine/${answer.id}`).set('Authorization', `Bearer ${referrer}`);
        expect(view.status).toBe(200);
        expect(view.body.children.map((c: { child: unknown }) => c.child)).toEqual(
          typed.map(({ givenName, familyName, dateOfBirth }) => ({ givenName, familyName, dateOfBirth, expectedDateOfBirth: null })),
        );
        expect(JSON.stringify([sent.body, view.body])).not.toMatch(/Stored|childId|reReferral|openCase|householdId/);
      }),
      runs(25),
    );
  });

  it('POST /api/v1/contacts: bodies that are not JSON objects, too large, or the wrong media type', async () => {
    await assertProperty(
      'raw bodies',
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('', '{', '{"channel":', 'null', '[]', '"text"', '42', 'true', '{"a":1}{"b":2}', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}'),
          hugeString.map((s) => JSON.stringify(contactBody({ concern: { summary: s, categories: ['neglect'], immediateRisk: false } }))),
          oddString,
        ),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/merge-patch+json'),
        fc.constantFrom('/api/v1/contacts', '/api/v1/episodes/EPISODE/events', '/api/v1/agency-checks/CHECK/response', '/api/v1/referrals/mine/CONTACT/contributions'),
        async (raw, contentType, template) => {
          const path = template.replace('EPISODE', episodes[0]).replace('CHECK', checks[0]).replace('CONTACT', referrerContacts[0]);
          const role: Role = path.includes('agency') ? 'partner' : path.includes('referrals') ? 'referrer' : 'practitioner';
          await check({ method: 'POST', path, role, tokenOptions: role === 'referrer' ? { sub: 'sam-referrer' } : undefined, raw, contentType });
        },
      ),
      runs(400),
    );
  });

  it('POST /api/v1/episodes/:id/events: every event type with mutated fields, in any state, with odd If-Match', async () => {
    await assertProperty(
      'events',
      fc.asyncProperty(
        idFrom(() => episodes, () => otherTenant.episode),
        eventBody,
        roleFor(['practitioner', 'manager']),
        ifMatch,
        async (id, body, role, version) => {
          await check({ method: 'POST', path: `/api/v1/episodes/${pathId(id)}/events`, role, body, headers: version === null ? {} : { 'if-match': version } });
        },
      ),
      runs(3400),
    );
  });

  it('the GET routes: odd ids, other tenants’ ids, odd query strings', async () => {
    const routes: { path: (id: string) => string; roles: Role[]; ids: () => string[]; other: () => string; keys: string[] }[] = [
      { path: () => '/api/v1/episodes', roles: ['practitioner', 'manager', 'auditor'], ids: () => episodes, other: () => otherTenant.episode, keys: ['stage', 'rag', 'overdue', 'team', 'workerId', 'open', 'householdId', 'page', 'pageSize'] },
      { path: (id) => `/api/v1/episodes/${id}`, roles: ['practitioner', 'manager', 'auditor'], ids: () => episodes, other: () => otherTenant.episode, keys: ['x'] },
      { path: (id) => `/api/v1/episodes/${id}/history`, roles: ['practitioner', 'manager', 'auditor'], ids: () => episodes, other: () => otherTenant.episode, keys: ['page'] },
      { path: (id) => `/api/v1/contacts/${id}`, roles: ['practitioner', 'manager'], ids: () => contacts, other: () => otherTenant.contact, keys: ['x'] },
      { path: (id) => `/api/v1/children/${id}`, roles: ['practitioner', 'manager', 'auditor'], ids: () => children, other: () => otherTenant.child, keys: ['x'] },
      { path: () => '/api/v1/referrals/mine', roles: ['referrer'], ids: () => referrerContacts, other: () => otherTenant.contact, keys: ['page', 'pageSize'] },
      { path: (id) => `/api/v1/referrals/mine/${id}`, roles: ['referrer'], ids: () => referrerContacts, other: () => otherTenant.contact, keys: ['x'] },
      { path: () => '/api/v1/agency-checks', roles: ['partner'], ids: () => checks, other: () => otherTenant.contact, keys: ['page', 'pageSize'] },
      { path: () => '/api/v1/messages', roles: ['manager'], ids: () => contacts, other: () => otherTenant.contact, keys: ['status', 'kind', 'page', 'pageSize'] },
      { path: () => '/api/v1/inbox', roles: ['practitioner', 'manager'], ids: () => contacts, other: () => otherTenant.contact, keys: ['page', 'pageSize'] },
      { path: () => '/api/v1/reports/indicators', roles: ['manager', 'auditor'], ids: () => contacts, other: () => otherTenant.contact, keys: ['from', 'to', 'team'] },
      { path: () => '/api/v1/reports/exceptions', roles: ['manager', 'auditor'], ids: () => contacts, other: () => otherTenant.contact, keys: ['marginWorkingDays', 'team'] },
      { path: () => '/api/v1/reports/caseload', roles: ['manager', 'auditor'], ids: () => contacts, other: () => otherTenant.contact, keys: ['team'] },
      { path: () => '/api/v1/exports/cin-census', roles: ['manager', 'auditor'], ids: () => contacts, other: () => otherTenant.contact, keys: ['year'] },
      { path: (id) => `/api/v1/exports/annex-a/${id}`, roles: ['manager', 'auditor'], ids: () => ['1', '2', '3', '4', '5', '0', '6', 'list1'], other: () => '99', keys: ['from', 'to'] },
      { path: () => '/api/v1/pathway', roles: [...ROLES], ids: () => contacts, other: () => otherTenant.contact, keys: ['x'] },
      { path: () => '/metrics', roles: ['admin'], ids: () => contacts, other: () => otherTenant.contact, keys: ['x'] },
      { path: () => '/health/live', roles: [...ROLES], ids: () => contacts, other: () => otherTenant.contact, keys: ['x'] },
      { path: () => '/docs-json', roles: [...ROLES], ids: () => contacts, other: () => otherTenant.contact, keys: ['x'] },
    ];
    await assertProperty(
      'GET routes',
      fc.asyncProperty(
        fc.nat(routes.length - 1).chain((index) => {
          const route = routes[index];
          return fc.tuple(fc.constant(route), idFrom(route.ids, route.other), roleFor(route.roles), queryString(route.keys));
        }),
        async ([route, id, role, query]) => {
          const sub = role === 'referrer' ? { sub: 'sam-referrer' } : undefined;
          await check({ method: 'GET', path: `${route.path(pathId(id))}${query ? `?${query}` : ''}`, role, tokenOptions: sub });
        },
      ),
      runs(4000),
    );
  });

  it('POST agency-check responses and referrer contributions with junk', async () => {
    const responseBody = fc.oneof(
      fc.record({ summary: fc.oneof(nastyText, oddString, junk, hugeString) }, { requiredKeys: [] }),
      fc.record({ declined: fc.oneof(fc.constant(true), junk), reason: fc.oneof(oddString, junk, hugeString) }, { requiredKeys: [] }),
      fc.record({ summary: oddString, declined: junk, reason: junk, extra: junk }, { requiredKeys: [] }),
      junk,
    );
    await assertProperty(
      'agency checks',
      fc.asyncProperty(idFrom(() => checks, () => otherTenant.contact), responseBody, roleFor(['partner']), fc.constantFrom('police', 'health', '', "'; DROP TABLE agency_checks; --"), async (id, body, role, agency) => {
        await check({ method: 'POST', path: `/api/v1/agency-checks/${pathId(id)}/response`, role, tokenOptions: role === 'partner' ? { agency: agency || 'police' } : undefined, body });
      }),
      runs(500),
    );
    const contribution = fc.oneof(fc.record({ text: fc.oneof(nastyText, oddString, junk, hugeString) }, { requiredKeys: [] }), fc.record({ text: oddString, extra: junk }), junk);
    await assertProperty(
      'contributions',
      fc.asyncProperty(idFrom(() => referrerContacts, () => otherTenant.contact), contribution, roleFor(['referrer']), fc.constantFrom('sam-referrer', 'someone-else'), async (id, body, role, sub) => {
        await check({ method: 'POST', path: `/api/v1/referrals/mine/${pathId(id)}/contributions`, role, tokenOptions: role === 'referrer' ? { sub } : undefined, body });
      }),
      runs(500),
    );
  });

  // What this fuzzer found, pinned down as plain requests: each must be refused (4xx), not a 500.
  it.each([
    ['a NUL in a contact’s concern summary (jsonb \\u0000)', { method: 'POST', path: '/api/v1/contacts', role: 'practitioner', body: contactBody({ concern: { summary: 'hungry\u0000', categories: ['neglect'], immediateRisk: false } }) }],
    ['a NUL in a child’s name (text column)', { method: 'POST', path: '/api/v1/contacts', role: 'practitioner', body: contactBody({ children: [{ givenName: 'A\u0000da', familyName: 'Fuzz', dateOfBirth: '2015-01-01' }] }) }],
    ['a NUL in a referrer’s contribution', { method: 'POST', path: '/api/v1/referrals/mine/REFERRER_CONTACT/contributions', role: 'referrer', tokenOptions: { sub: 'sam-referrer' }, body: { text: 'x\u0000' } }],
    ['a NUL in an event’s note', { method: 'POST', path: '/api/v1/episodes/EPISODE/events', role: 'practitioner', body: { type: 'RATE', rag: 'red', rationale: 'r\u0000' } }],
    ['a NUL in the exceptions report’s team', { method: 'GET', path: '/api/v1/reports/exceptions?team=a%00b', role: 'manager' }],
    ['a NUL in the caseload report’s team', { method: 'GET', path: '/api/v1/reports/caseload?team=a%00b', role: 'manager' }],
    ['a NUL in the indicators report’s team', { method: 'GET', path: '/api/v1/reports/indicators?from=2026-10-01&to=2026-10-31&team=a%00b', role: 'manager' }],
    ['a NUL in the queue’s team filter', { method: 'GET', path: '/api/v1/episodes?team=a%00b', role: 'manager' }],
    ['a lone surrogate in a referrer’s role', { method: 'POST', path: '/api/v1/contacts', role: 'practitioner', body: contactBody({ referrer: { name: 'Sam', role: 'Ada\udfff', sourceCode: '5B', email: 's@example.org', feedbackChannel: 'email' } }) }],
  ] as [string, FuzzRequest][])('refuses %s without a 5xx', async (_what, r) => {
    const request = { ...r, path: r.path.replace('REFERRER_CONTACT', referrerContacts[0]).replace('EPISODE', episodes[1]) };
    const { status } = await check(request);
    expect(status).toBeLessThan(500);
  });

  it('sent at least 10,000 requests, and found nothing', () => {
    expect(failures).toEqual([]);
    if (SCALE >= 1) expect(sent).toBeGreaterThanOrEqual(10_000);
  });
});
