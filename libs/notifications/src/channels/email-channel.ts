import { createTransport } from 'nodemailer';
import {
  type Channel,
  type DeliveryReceipt,
  type OutgoingMessage,
  PermanentDeliveryError,
  TransientDeliveryError,
} from './channel';
import { isEmailAddress, withoutAddresses } from './delivery-support';

export interface EmailChannelOptions {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://user:pass@host[:port]` (TLS from the start). */
  url: string;
  /** The From header, e.g. `"Children's Front Door" <frontdoor@council.gov.uk>`. */
  from: string;
  /** Where replies go, when not to `from`. */
  replyTo?: string;
  /** How long to wait for the server to connect, greet and answer each command. Default 10 s. */
  timeoutMs?: number;
}

/** The smallest shape of the transport the channel uses: nodemailer's, or a test's. */
interface MailTransport {
  sendMail(mail: Record<string, unknown>): Promise<{ messageId?: string; response?: string }>;
  close(): void;
}

/** As many SMTP connections as the delivery worker runs deliveries at once (queue-workers.ts). */
const POOLED_CONNECTIONS = 8;

/** Email over SMTP through nodemailer: the plain-text body, a simple HTML copy, and the idempotency key in two headers. */
export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  private readonly transport: MailTransport;

  constructor(private readonly options: EmailChannelOptions) {
    let protocol: string;
    try {
      protocol = new URL(options.url).protocol;
    } catch {
      throw new Error('the SMTP URL is not a valid URL');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error(`the SMTP URL must start smtp:// or smtps:// (got ${protocol})`);
    if (!options.from?.trim()) throw new Error('an email channel needs a From address');
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = createTransport({
      url: options.url,
      // Keep connections to the relay open and reuse them: opening one (greeting, EHLO) cost
      // ~100 ms a message on loopback, against ~3 ms to send on an open one (README, Benchmarks).
      pool: true,
      maxConnections: POOLED_CONNECTIONS,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 3,
    }) as unknown as MailTransport;
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const { address, name } = message.recipient;
    if (!isEmailAddress(address)) {
      throw new PermanentDeliveryError(address ? 'the recipient’s email address is not valid' : 'the recipient has no email address');
    }
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        replyTo: this.options.replyTo,
        to: name ? { name, address } : address,
        subject: message.subject,
        text: message.body,
        html: htmlOf(message.body),
        // A receiver (or a person) that sees the same Message-ID twice can tell a retry from a new message.
        messageId: messageIdOf(message.idempotencyKey),
        headers: { 'X-Idempotency-Key': message.idempotencyKey },
      });
      return { status: 'delivered', providerReference: info.messageId ?? messageIdOf(message.idempotencyKey) };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  /** Closes pooled connections (on shutdown). */
  close(): void {
    this.transport.close();
  }
}

export function messageIdOf(idempotencyKey: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '-')}@front-door>`;
}

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROTOCOL', 'ECONNREFUSED', 'ECONNRESET']);
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH', 'ENOAUTH', 'ECONFIG', 'EMAXRECIPIENTS']);

/**
 * Whether trying again later can help. The SMTP reply code decides when there is one (RFC 5321:
 * 4yz transient, 5yz permanent — except 503, a bad command sequence, which a new session can
 * clear); otherwise the kind of failure does: the network is worth retrying, a bad address or
 * refused credentials are not.
 */
export function classifySmtpError(error: unknown): TransientDeliveryError | PermanentDeliveryError {
  const failure = (error ?? {}) as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = withoutAddresses(failure.response ?? failure.message ?? 'unknown error');
  const code = failure.responseCode;
  if (typeof code === 'number' && code >= 400 && code < 600) {
    if (code >= 500 && code !== 503) return new PermanentDeliveryError(`the mail server refused the message (${code}): ${said}`);
    return new TransientDeliveryError(`the mail server asked us to try later (${code}): ${said}`);
  }
  if (failure.code && PERMANENT_CODES.has(failure.code)) {
    return new PermanentDeliveryError(`the mail server cannot take this message (${failure.code}): ${said}`);
  }
  const reason = failure.code && TRANSIENT_CODES.has(failure.code) ? failure.code : 'unexpected error';
  return new TransientDeliveryError(`could not reach the mail server (${reason}): ${said}`);
}

/** The plain-text body as simple HTML: escaped, paragraphs kept, single line breaks kept. */
export function htmlOf(body: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  return `<!doctype html>\n<html lang="en-GB"><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5">\n${paragraphs}\n</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
