import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SettableClock } from '@frontdoor/config';
import fc from 'fast-check';
import { outgoingMessage } from '../testing/outgoing-message.fixture';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import { signWebhookBody, verifyWebhookSignature, WebhookChannel } from './webhook-channel';

const SECRET = 'partner-shared-secret-0123456789abcdef';
const toPartner = { channel: 'webhook' as const, address: 'Wessex Police', name: 'PC Lee' };

describe('WebhookChannel', () => {
  let receiver: WebhookReceiver;
  let channel: WebhookChannel;
  const clock = new SettableClock(new Date('2025-03-05T12:00:00Z'));
  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    channel = new WebhookChannel((recipient) => (recipient.address === 'Wessex Police' ? { url: receiver.url, secret: SECRET } : null), {
      clock,
    });
  });
  afterEach(() => receiver.close());

  it('posts the referrer-safe data, signed over the exact body, with the idempotency key', async () => {
    const message = outgoingMessage(toPartner);
    await expect(channel.send(message)).resolves.toEqual({ status: 'delivered', providerReference: null });

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received;
    expect(verifyWebhookSignature(body, headers['x-front-door-signature'] as string, SECRET)).toBe(true);
    expect(verifyWebhookSignature(body, headers['x-front-door-signature'] as string, 'another-secret')).toBe(false);
    expect(headers['idempotency-key']).toBe(message.idempotencyKey);
    expect(headers['x-front-door-timestamp']).toBe(String(Date.parse('2025-03-05T12:00:00Z') / 1000));
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(body.toString('utf8'))).toEqual({
      id: message.id,
      kind: 'decision',
      idempotencyKey: message.idempotencyKey,
      data: message.data,
    });
  });

  it('treats a 500 as transient', async () => {
    receiver.answerNextWith(500);
    await expect(channel.send(outgoingMessage(toPartner))).rejects.toThrow(TransientDeliveryError);
  });

  it('treats a 429 as transient and honours its Retry-After', async () => {
    receiver.answerNextWith(429, { 'Retry-After': '120' });
    const failure = await channel.send(outgoingMessage(toPartner)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransientDeliveryError);
    expect((failure as TransientDeliveryError).retryAfterMs).toBe(120_000);
  });

  it.each([[404], [401], [410], [301]])('treats a %i as permanent', async (status) => {
    receiver.answerNextWith(status);
    await expect(channel.send(outgoingMessage(toPartner))).rejects.toThrow(PermanentDeliveryError);
  });

  it('says so when no partner system is configured for the recipient', async () => {
    await expect(channel.send(outgoingMessage({ ...toPartner, address: 'Unknown Academy' }))).rejects.toThrow(
      new PermanentDeliveryError('no partner system configured for Unknown Academy'),
    );
  });

  it('refuses plain HTTP to anywhere but this machine', async () => {
    channel = new WebhookChannel(() => ({ url: 'http://partner.example/hook', secret: SECRET }));
    await expect(channel.send(outgoingMessage(toPartner))).rejects.toThrow(/must use https/);
  });

  it('treats nothing listening as transient', async () => {
    await receiver.close();
    await expect(channel.send(outgoingMessage(toPartner))).rejects.toThrow(TransientDeliveryError);
  });

  it('treats a partner that does not answer in time as transient', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    channel = new WebhookChannel(() => ({ url: `http://127.0.0.1:${port}/`, secret: SECRET }), { timeoutMs: 200 });
    try {
      await expect(channel.send(outgoingMessage(toPartner))).rejects.toThrow(/no answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts exactly the body that was signed, with exactly that secret', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ minLength: 1 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), (bytes, secret, tamper) => {
        const body = Buffer.from(bytes);
        const header = signWebhookBody(body, secret);
        expect(verifyWebhookSignature(body, header, secret)).toBe(true);
        expect(verifyWebhookSignature(Buffer.concat([body, Buffer.from(tamper)]), header, secret)).toBe(false);
        expect(verifyWebhookSignature(body, header, `${secret}x`)).toBe(false);
      }),
    );
  });

  it('rejects a missing or malformed header', () => {
    expect(verifyWebhookSignature('{}', undefined, SECRET)).toBe(false);
    expect(verifyWebhookSignature('{}', 'sha256=abc', SECRET)).toBe(false);
    expect(verifyWebhookSignature('{}', signWebhookBody('{}', SECRET).replace('sha256=', 'sha1='), SECRET)).toBe(false);
    expect(verifyWebhookSignature('{}', signWebhookBody('{}', SECRET), '')).toBe(false);
  });
});
