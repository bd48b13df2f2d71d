import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../support/test-database';

/** What a partner system saw: one entry per request that reached it (answered or not). */
export interface HeldRequest {
  at: number;
  headers: IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  body: string;
  /** The message id from the body (`{ id, kind, idempotencyKey, data }`). */
  messageId: string | undefined;
  answered: boolean;
}

export interface HoldingReceiver {
  url: string;
  requests: HeldRequest[];
  close(): Promise<void>;
}

/**
 * A partner system that takes its time: it records each request (with its Idempotency-Key) as
 * soon as the body has arrived, holds it for `holdMs`, then answers 204 — if the caller is
 * still there to hear it.
 */
export async function startHoldingReceiver(holdMs: number): Promise<HoldingReceiver> {
  const requests: HeldRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let messageId: string | undefined;
      try {
        messageId = (JSON.parse(body) as { id?: string }).id;
      } catch {
        messageId = undefined;
      }
      const held: HeldRequest = {
        at: Date.now(),
        headers: request.headers,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        body,
        messageId,
        answered: false,
      };
      requests.push(held);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (response.destroyed || request.socket.destroyed) return;
        response.writeHead(204);
        response.end(() => {
          held.answered = true;
        });
      }, holdMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/front-door/messages`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Straight to the test database, for what the api does not show (timer_scheduled_at, the stored status). */
export async function openTestDatabase(): Promise<Client> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, application_name: 'front-door-fault-tests' });
  // A lost connection fails the next query with its reason; it must not crash the test run.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export interface MessageRow {
  id: string;
  kind: string;
  status: string;
  idempotency_key: string;
  attempts: number;
  channel: string;
}

export async function messagesOfContact(db: Client, contactId: string): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    `SELECT id, kind, status, idempotency_key, attempts, recipient->>'channel' AS channel
       FROM outbox_messages WHERE contact_id = $1 ORDER BY created_at, id`,
    [contactId],
  );
  return rows;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
