import type { TestApp } from './test-app';

/** A contact body as docs/api.md shows it, with overrides. */
export function contactBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'phone',
    referrer: {
      name: 'Sam Patel',
      role: 'Youth worker',
      organisation: 'Wiltshire Youth Service',
      sourceCode: '5B',
      email: 'sam.patel@example.org',
      phone: '01225 000000',
      wantsInvolvement: true,
      feedbackChannel: 'email',
    },
    children: [
      {
        givenName: 'Ada',
        familyName: 'Smith',
        dateOfBirth: '2014-05-02',
        sex: 'F',
        nhsNumber: '9434765919',
        ethnicity: 'WBRI',
        address: { line1: '1 High Street', town: 'Trowbridge', postcode: 'BA14 8AA' },
      },
    ],
    concern: { summary: 'Ada came to youth club hungry and with bruising.', categories: ['neglect'], immediateRisk: false },
    consent: { obtained: true, reasonIfNot: null },
    ...overrides,
  };
}

export interface Actors {
  practitioner: string;
  manager: string;
  auditor: string;
  referrer: string;
  partner: string;
  admin: string;
}

export async function actorsOf(app: TestApp): Promise<Actors> {
  return {
    practitioner: await app.token('practitioner', { sub: 'pat-practitioner', name: 'Pat Practitioner' }),
    manager: await app.token('manager', { sub: 'morgan-manager', name: 'Morgan Manager' }),
    auditor: await app.token('auditor', { sub: 'ari-auditor' }),
    referrer: await app.token('referrer', { sub: 'sam-referrer', name: 'Sam Patel', email: 'sam.patel@example.org' }),
    partner: await app.token('partner', { sub: 'pc-partner', agency: 'police' }),
    admin: await app.token('admin', { sub: 'ada-admin' }),
  };
}

export async function createContact(app: TestApp, token: string, body: Record<string, unknown> = contactBody()) {
  const response = await app.http().post('/api/v1/contacts').set('Authorization', `Bearer ${token}`).send(body);
  if (response.status !== 201) throw new Error(`contact not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as {
    id: string;
    reference: string;
    householdId: string;
    episodes: { id: string; childId: string; reReferral: boolean; openCaseEpisodeId: string | null }[];
  };
}

export function sendEvent(app: TestApp, token: string, episodeId: string, event: Record<string, unknown>) {
  return app.http().post(`/api/v1/episodes/${episodeId}/events`).set('Authorization', `Bearer ${token}`).send(event);
}

/** Sends an event that must be accepted; fails the test with the server's words if not. */
export async function step(app: TestApp, token: string, episodeId: string, event: Record<string, unknown>) {
  const response = await sendEvent(app, token, episodeId, event);
  if (response.status !== 200) {
    throw new Error(`${String(event.type)} refused: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export function getEpisode(app: TestApp, token: string, episodeId: string) {
  return app.http().get(`/api/v1/episodes/${episodeId}`).set('Authorization', `Bearer ${token}`);
}
