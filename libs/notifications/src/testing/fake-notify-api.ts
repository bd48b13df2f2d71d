import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Notify API key for tests: `{name}-{service id}-{secret}`, as Notify issues them. */
export const FAKE_NOTIFY_SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
export const FAKE_NOTIFY_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const FAKE_NOTIFY_API_KEY = `front_door_test-${FAKE_NOTIFY_SERVICE_ID}-${FAKE_NOTIFY_SECRET}`;

export interface NotifyEmailRequest {
  template_id: string;
  email_address: string;
  personalisation?: Record<string, string>;
  reference?: string;
  email_reply_to_id?: string;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeNotifyApi {
  baseUrl: string;
  /** Every email Notify accepted, with the id it gave and its status (`sending` until set). */
  sent: (NotifyEmailRequest & { id: string; status: string })[];
  /** Every request, in order, as `METHOD path`. */
  requests: string[];
  /** Answer the next POST /v2/notifications/email with this instead of accepting it. */
  answerNextEmailWith(answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

/**
 * Speaks as much of the GOV.UK Notify API as the Notify channel uses, on 127.0.0.1: it checks
 * the bearer JWT as Notify does (HS256 with the key's secret, `iss` the service id, `iat`
 * recent), accepts emails with 201, lists them by reference, and answers errors in Notify's shape.
 */
export async function startFakeNotifyApi(): Promise<FakeNotifyApi> {
  const sent: FakeNotifyApi['sent'] = [];
  const requests: string[] = [];
  const scripted: ScriptedAnswer[] = [];

  const server = createServer(async (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const body = await readBody(request);
    const authError = checkToken(request.headers.authorization);
    if (authError) return answer(response, 403, notifyError(403, 'AuthError', authError));
    const url = new URL(request.url ?? '/', 'http://notify.test');

    if (request.method === 'POST' && url.pathname === '/v2/notifications/email') {
      const next = scripted.shift();
      if (next) return answer(response, next.status, next.body, next.headers);
      const email = JSON.parse(body) as NotifyEmailRequest;
      if (!email.template_id || !email.email_address) {
        return answer(response, 400, notifyError(400, 'ValidationError', 'template_id and email_address are required'));
      }
      const id = randomUUID();
      sent.push({ ...email, id, status: 'sending' });
      return answer(response, 201, {
        id,
        reference: email.reference ?? null,
        content: { subject: email.personalisation?.subject ?? '', body: email.personalisation?.body ?? '', from_email: 'front.door@notifications.service.gov.uk' },
        uri: `${url.origin}/v2/notifications/${id}`,
        template: { id: email.template_id, version: 1, uri: `${url.origin}/v2/template/${email.template_id}` },
      });
    }
    if (request.method === 'GET' && url.pathname === '/v2/notifications') {
      const reference = url.searchParams.get('reference');
      const notifications = sent
        .filter((email) => reference === null || email.reference === reference)
        .reverse()
        .map((email) => ({ id: email.id, reference: email.reference ?? null, type: 'email', status: email.status, email_address: email.email_address }));
      return answer(response, 200, { notifications, links: { current: `${url.origin}${request.url}` } });
    }
    return answer(response, 404, notifyError(404, 'NoResultFound', 'No result found'));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sent,
    requests,
    answerNextEmailWith: (scriptedAnswer) => scripted.push(scriptedAnswer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function notifyError(status: number, error: string, message: string) {
  return { status_code: status, errors: [{ error, message }] };
}

function checkToken(authorization: string | undefined): string | null {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return 'Unauthorized: authentication token must be provided';
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return 'Invalid token: not a JWT';
  const expected = createHmac('sha256', FAKE_NOTIFY_SECRET).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'Invalid token: signature, api token not found';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: string; iat?: number };
  if (claims.iss !== FAKE_NOTIFY_SERVICE_ID) return 'Invalid token: service id not found';
  if (typeof claims.iat !== 'number' || Math.abs(Date.now() / 1000 - claims.iat) > 30) return 'Invalid token: expired, check that your system clock is accurate';
  return null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
