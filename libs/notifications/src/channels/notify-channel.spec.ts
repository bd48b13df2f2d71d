import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { outgoingMessage } from '../testing/outgoing-message.fixture';
import { FAKE_NOTIFY_API_KEY, type FakeNotifyApi, notifyError, startFakeNotifyApi } from '../testing/fake-notify-api';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import { classifyNotifyError, NotifyChannel } from './notify-channel';

const TEMPLATES = { default: 'b1b2c3d4-0000-4000-8000-000000000001', decision: 'b1b2c3d4-0000-4000-8000-000000000002' };

describe('NotifyChannel', () => {
  let notify: FakeNotifyApi;
  let channel: NotifyChannel;
  beforeEach(async () => {
    notify = await startFakeNotifyApi();
    channel = new NotifyChannel({ apiKey: FAKE_NOTIFY_API_KEY, baseUrl: notify.baseUrl, templateIds: TEMPLATES });
  });
  afterEach(() => notify.close());

  it('sends through the template for the kind, with the words as personalisation and the idempotency key as reference', async () => {
    const message = outgoingMessage();
    const receipt = await channel.send(message);

    expect(notify.sent).toHaveLength(1);
    const [email] = notify.sent;
    expect(receipt).toEqual({ status: 'accepted', providerReference: email.id });
    expect(email.template_id).toBe(TEMPLATES.decision);
    expect(email.email_address).toBe('sam.patel@school.example');
    expect(email.reference).toBe(message.idempotencyKey);
    expect(email.personalisation).toMatchObject({ subject: message.subject, body: message.body, reference: 'FD-2025-00042', outcome: 'nfa' });
  });

  it('uses the default template for a kind with none of its own', async () => {
    await channel.send(outgoingMessage({}, 'acknowledgement'));
    expect(notify.sent[0].template_id).toBe(TEMPLATES.default);
  });

  it('does not send twice when Notify already has the message (a retry after a crash)', async () => {
    const message = outgoingMessage();
    const first = await channel.send(message);
    const second = await channel.send(message);
    expect(second).toEqual(first);
    expect(notify.sent).toHaveLength(1);
  });

  it('sends again when the earlier notification failed (a manager’s retry)', async () => {
    const message = outgoingMessage();
    await channel.send(message);
    notify.sent[0].status = 'technical-failure';
    const again = await channel.send(message);
    expect(notify.sent).toHaveLength(2);
    expect(again.providerReference).toBe(notify.sent[1].id);
  });

  it('treats a 429 as transient and honours its Retry-After', async () => {
    notify.answerNextEmailWith({
      status: 429,
      body: notifyError(429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'),
      headers: { 'Retry-After': '42' },
    });
    const failure = await channel.send(outgoingMessage()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransientDeliveryError);
    expect((failure as TransientDeliveryError).retryAfterMs).toBe(42_000);
    expect((failure as Error).message).toContain('RateLimitError');
  });

  it('treats a 500 as transient', async () => {
    notify.answerNextEmailWith({ status: 500, body: notifyError(500, 'Exception', 'Internal server error') });
    await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
  });

  it('treats a 400 BadRequestError as permanent', async () => {
    notify.answerNextEmailWith({
      status: 400,
      body: notifyError(400, 'BadRequestError', 'Can’t send to this recipient using a team-only API key'),
    });
    const failure = await channel.send(outgoingMessage()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermanentDeliveryError);
    expect((failure as Error).message).toContain('BadRequestError');
  });

  it('treats a key Notify does not recognise (403 AuthError) as permanent', async () => {
    const wrongKey = `front_door_test-26785a09-ab16-4eb0-8407-a37497a57506-00000000-0000-4000-8000-000000000000`;
    channel = new NotifyChannel({ apiKey: wrongKey, baseUrl: notify.baseUrl, templateIds: TEMPLATES });
    const failure = await channel.send(outgoingMessage()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermanentDeliveryError);
    expect((failure as Error).message).toContain('AuthError');
  });

  it('treats Notify not answering at all as transient', async () => {
    await notify.close();
    await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
  });

  it('treats Notify answering too slowly as transient', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    channel = new NotifyChannel({ apiKey: FAKE_NOTIFY_API_KEY, baseUrl: `http://127.0.0.1:${port}`, templateIds: TEMPLATES, timeoutMs: 200 });
    try {
      await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it('refuses a missing or invalid address as permanent, without calling Notify', async () => {
    await expect(channel.send(outgoingMessage({ address: null }))).rejects.toThrow(PermanentDeliveryError);
    await expect(channel.send(outgoingMessage({ address: 'nobody' }))).rejects.toThrow(PermanentDeliveryError);
    expect(notify.requests).toEqual([]);
  });

  it('refuses settings it cannot work with at start-up', () => {
    expect(() => new NotifyChannel({ apiKey: 'not-a-key', templateIds: TEMPLATES })).toThrow(/API key/);
    expect(() => new NotifyChannel({ apiKey: FAKE_NOTIFY_API_KEY, templateIds: { decision: 'x' } })).toThrow(
      /default template id, or one for each of: acknowledgement, invitation_to_contribute/,
    );
  });
});

describe('classifyNotifyError', () => {
  const now = new Date('2025-03-05T12:00:00Z');
  it.each([
    [429, TransientDeliveryError],
    [500, TransientDeliveryError],
    [503, TransientDeliveryError],
    [408, TransientDeliveryError],
    [400, PermanentDeliveryError],
    [403, PermanentDeliveryError],
    [404, PermanentDeliveryError],
  ])('classifies a %i answer', (status, expected) => {
    expect(classifyNotifyError({ response: { status, data: notifyError(status, 'E', 'm') } }, now)).toBeInstanceOf(expected);
  });

  it('reads a Retry-After given as a date', () => {
    const error = classifyNotifyError({ response: { status: 503, headers: { 'retry-after': 'Wed, 05 Mar 2025 12:01:30 GMT' } } }, now);
    expect(error).toBeInstanceOf(TransientDeliveryError);
    expect((error as TransientDeliveryError).retryAfterMs).toBe(90_000);
  });

  it('keeps addresses out of the reason it records', () => {
    const error = classifyNotifyError({ response: { status: 400, data: notifyError(400, 'ValidationError', 'sam@school.example is not valid') } });
    expect(error.message).not.toContain('sam@school.example');
  });
});
