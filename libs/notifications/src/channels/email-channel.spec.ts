import { connect, createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { outgoingMessage } from '../testing/outgoing-message.fixture';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { PermanentDeliveryError, TransientDeliveryError } from './channel';
import { classifySmtpError, EmailChannel, htmlOf } from './email-channel';

const FROM = '"Front Door" <frontdoor@council.example>';

describe('EmailChannel', () => {
  let sink: SmtpSink | null = null;
  let channel: EmailChannel | null = null;
  afterEach(async () => {
    channel?.close();
    await sink?.close();
    sink = null;
    channel = null;
  });

  it('delivers the message with its subject, body and idempotency key', async () => {
    sink = await startSmtpSink();
    channel = new EmailChannel({ url: sink.url, from: FROM });
    const message = outgoingMessage();

    const receipt = await channel.send(message);

    expect(receipt).toEqual({ status: 'delivered', providerReference: `<${message.idempotencyKey}@front-door>` });
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail.to).toEqual(['sam.patel@school.example']);
    expect(mail.from).toBe('frontdoor@council.example');
    expect(mail.subject).toBe(message.subject);
    expect(mail.headers['message-id']).toBe(`<${message.idempotencyKey}@front-door>`);
    expect(mail.headers['x-idempotency-key']).toBe(message.idempotencyKey);
    expect(mail.text).toContain('Why we decided this:\nAmira’s school and her mum are already working together');
    expect(mail.text).toContain('Other support that may help:');
    expect(mail.raw).toContain('text/html');
  });

  it('treats a server that says "try later" (451) as transient', async () => {
    sink = await startSmtpSink({ refuseRecipientWith: 451 });
    channel = new EmailChannel({ url: sink.url, from: FROM });
    await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
    expect(sink.received).toHaveLength(0);
  });

  it('treats a temporary refusal at the end of the message (452) as transient', async () => {
    sink = await startSmtpSink({ refuseDataWith: 452 });
    channel = new EmailChannel({ url: sink.url, from: FROM });
    await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
  });

  it('treats a mailbox that does not exist (550) as permanent, without repeating the address', async () => {
    sink = await startSmtpSink({ refuseRecipientWith: 550 });
    channel = new EmailChannel({ url: sink.url, from: FROM });
    const failure = await channel.send(outgoingMessage()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PermanentDeliveryError);
    expect((failure as Error).message).toContain('550');
    expect((failure as Error).message).not.toContain('sam.patel@school.example');
  });

  it('treats nothing listening as transient', async () => {
    const port = await freePort();
    channel = new EmailChannel({ url: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 2_000 });
    await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
  });

  it('treats a server that never greets as transient, once the timeout passes', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    channel = new EmailChannel({ url: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 300 });
    try {
      await expect(channel.send(outgoingMessage())).rejects.toThrow(TransientDeliveryError);
    } finally {
      silent.close();
    }
  });

  it.each([[null], [''], ['not-an-address'], ['two@one.example, three@one.example'], ['a@b.example\r\nBcc: x@y.example']])(
    'refuses a missing or invalid address (%p) as permanent, before connecting',
    async (address) => {
      channel = new EmailChannel({ url: 'smtp://127.0.0.1:1', from: FROM });
      await expect(channel.send(outgoingMessage({ address }))).rejects.toThrow(PermanentDeliveryError);
    },
  );

  it('refuses a URL that is not SMTP', () => {
    expect(() => new EmailChannel({ url: 'http://mail.example', from: FROM })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => new EmailChannel({ url: 'smtp://mail.example', from: ' ' })).toThrow(/From/);
  });
});

describe('the test SMTP sink', () => {
  it('survives a sender that dies mid-message, and keeps receiving', async () => {
    const sink = await startSmtpSink();
    try {
      const { port } = new URL(sink.url);
      const socket = connect(Number(port), '127.0.0.1');
      const said = (pattern: RegExp) =>
        new Promise<void>((resolve) => {
          const listen = (chunk: Buffer) => pattern.test(chunk.toString()) && (socket.off('data', listen), resolve());
          socket.on('data', listen);
        });
      await said(/^220/m);
      socket.write('EHLO killed.example\r\n');
      await said(/^250 /m);
      socket.write('MAIL FROM:<worker@council.example>\r\n');
      await said(/^250 /m);
      socket.resetAndDestroy(); // what the kernel does for a SIGKILLed sender: RST mid-transaction

      const channel = new EmailChannel({ url: sink.url, from: FROM });
      await expect(channel.send(outgoingMessage())).resolves.toMatchObject({ status: 'delivered' });
      channel.close();
      expect(sink.received).toHaveLength(1);
      expect(sink.connectionErrors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['ECONNRESET']);
    } finally {
      await sink.close();
    }
  });
});

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 421, code: 'EENVELOPE' }, TransientDeliveryError],
    [{ responseCode: 450 }, TransientDeliveryError],
    [{ responseCode: 451 }, TransientDeliveryError],
    [{ responseCode: 452 }, TransientDeliveryError],
    [{ responseCode: 503 }, TransientDeliveryError],
    [{ responseCode: 550, code: 'EENVELOPE' }, PermanentDeliveryError],
    [{ responseCode: 553 }, PermanentDeliveryError],
    [{ responseCode: 535, code: 'EAUTH' }, PermanentDeliveryError],
    [{ code: 'EENVELOPE' }, PermanentDeliveryError],
    [{ code: 'ESOCKET' }, TransientDeliveryError],
    [{ code: 'ETIMEDOUT' }, TransientDeliveryError],
    [{ code: 'ECONNECTION' }, TransientDeliveryError],
    [new Error('something odd'), TransientDeliveryError],
  ])('classifies %p', (error, expected) => {
    expect(classifySmtpError(error)).toBeInstanceOf(expected);
  });

  it('keeps addresses out of the reason it records', () => {
    const error = classifySmtpError({ responseCode: 550, response: '550 5.1.1 <sam@school.example>: Recipient address rejected' });
    expect(error.message).toBe('the mail server refused the message (550): 550 5.1.1 <<address>>: Recipient address rejected');
  });
});

describe('htmlOf', () => {
  it('escapes the text and keeps its paragraphs', () => {
    expect(htmlOf('Dear <Sam> & co,\n\nLine one\nline two')).toContain('<p>Dear &lt;Sam&gt; &amp; co,</p>\n<p>Line one<br>\nline two</p>');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
