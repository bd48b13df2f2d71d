import { createHmac, timingSafeEqual } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type Clock, SystemClock } from '@frontdoor/config';
import type { MessageRecipient } from '@frontdoor/persistence';
import {
  type Channel,
  type DeliveryReceipt,
  type OutgoingMessage,
  PermanentDeliveryError,
  TransientDeliveryError,
} from './channel';
import { retryAfterMs } from './delivery-support';

/** Where a partner system takes our messages, and the secret it checks our signature with. */
export interface PartnerEndpoint {
  url: string;
  secret: string;
}

/**
 * Finds the partner system for a recipient (its `address` names the organisation), from the
 * authority's settings — never from anything a referrer sent. Null: none is configured.
 */
export type PartnerEndpointResolver = (
  recipient: MessageRecipient,
  tenant: string,
) => PartnerEndpoint | null | Promise<PartnerEndpoint | null>;

export interface WebhookChannelOptions {
  /** How long the partner system has to answer. Default 10 s. */
  timeoutMs?: number;
  clock?: Clock;
}

export const SIGNATURE_HEADER = 'X-Front-Door-Signature';
export const TIMESTAMP_HEADER = 'X-Front-Door-Timestamp';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** What a partner system receives: the referrer-safe facts, keyed so it can ignore a retry. */
export interface WebhookPayload {
  id: string;
  kind: string;
  idempotencyKey: string;
  data: Record<string, unknown>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

/** A JSON POST to a partner system over HTTPS, signed with HMAC-SHA256 over the exact bytes sent. */
export class WebhookChannel implements Channel {
  readonly name = 'webhook' as const;
  private readonly timeoutMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly resolvePartner: PartnerEndpointResolver,
    options: WebhookChannelOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.clock = options.clock ?? new SystemClock();
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const endpoint = await this.resolvePartner(message.recipient, message.tenant);
    if (!endpoint) {
      throw new PermanentDeliveryError(`no partner system configured for ${message.recipient.address ?? 'this recipient'}`);
    }
    const url = endpointUrl(endpoint);
    const payload: WebhookPayload = { id: message.id, kind: message.kind, idempotencyKey: message.idempotencyKey, data: message.data };
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
      'User-Agent': 'FrontDoor-Webhook/1',
      [IDEMPOTENCY_HEADER]: message.idempotencyKey,
      [SIGNATURE_HEADER]: signWebhookBody(body, endpoint.secret),
      [TIMESTAMP_HEADER]: String(Math.floor(this.clock.now().getTime() / 1000)),
    };

    const response = await this.post(url, headers, body);
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) return { status: 'delivered', providerReference: null };
    if (RETRYABLE_STATUSES.has(status) || status >= 500) {
      throw new TransientDeliveryError(
        `the partner system asked us to try later (${status})`,
        retryAfterMs(response.headers['retry-after'], this.clock.now()),
      );
    }
    // Redirects are not followed: the signature is for the configured URL, so a move is a settings change.
    throw new PermanentDeliveryError(`the partner system refused the message (${status})`);
  }

  private post(url: URL, headers: Record<string, string>, body: Buffer): Promise<IncomingMessage> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { method: 'POST', headers, signal: AbortSignal.timeout(this.timeoutMs) }, (response) => {
        // Drain the answer so the socket is released; its content is not ours to keep.
        // 'close' comes whether the answer ended or was cut off; the status line is what counts.
        response.resume();
        response.on('close', () => resolve(response));
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const why = error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : (error.code ?? error.name);
        reject(new TransientDeliveryError(`could not reach the partner system (${why})`));
      });
      outgoing.end(body);
    });
  }
}

function endpointUrl(endpoint: PartnerEndpoint): URL {
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    throw new PermanentDeliveryError('the partner system’s URL is not valid');
  }
  // Plain HTTP only to this machine (tests, a local relay); anything that leaves it is encrypted.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw new PermanentDeliveryError('the partner system’s URL must use https');
  }
  if (!endpoint.secret) throw new PermanentDeliveryError('the partner system has no signing secret configured');
  return url;
}

/** `sha256=<hex HMAC-SHA256 of the body bytes>`. */
export function signWebhookBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * For partner systems (and tests): does the signature header match these exact body bytes?
 * Compare the raw body as received, before any JSON parsing. Timing-safe.
 */
export function verifyWebhookSignature(body: string | Buffer, header: string | null | undefined, secret: string): boolean {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')?.[1];
  if (!given || !secret) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}
