import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** A message as the sink received it: envelope, raw source, and its headers and decoded text. */
export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  /** The text/plain part, quoted-printable decoded. */
  text: string;
}

export interface SmtpSinkOptions {
  /** Answer every RCPT TO with this code (e.g. 451, 550) instead of accepting it. */
  refuseRecipientWith?: number;
  /** Answer the end of DATA with this code instead of accepting the message. */
  refuseDataWith?: number;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Connections that broke mid-conversation (a sender killed while it sent). */
  connectionErrors: Error[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a free port, for tests of the email channel. Test-only (smtp-server is a dev dependency). */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const connectionErrors: Error[] = [];
  const refusal = (code: number) => Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A sink on loopback: asking DNS who 127.0.0.1 is only adds a lookup's wait to every message.
    disableReverseLookup: true,
    // Senders keep pooled connections open; closing the sink does not wait 30 s for them to leave.
    closeTimeout: 500,
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      callback(options.refuseRecipientWith ? refusal(options.refuseRecipientWith) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.refuseDataWith) return callback(refusal(options.refuseDataWith));
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parse(raw),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A sender that dies mid-message (a SIGKILLed worker) resets its connection; smtp-server reports
  // that as an 'error' event, which must not bring down the test process that hosts the sink.
  server.on('error', (error: Error) => connectionErrors.push(error));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connectionErrors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for tests: top-level headers, the subject, and the text/plain part. */
function parse(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const [head] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const start = raw.search(/Content-Type: text\/plain/i);
  const part = start < 0 ? '' : raw.slice(start);
  const blank = part.search(/\r?\n\r?\n/);
  const partHeaders = blank < 0 ? '' : part.slice(0, blank);
  const partBody = blank < 0 ? '' : part.slice(blank).replace(/^\r?\n\r?\n/, '').split(/\r?\n--/)[0];
  const quotedPrintable = /Content-Transfer-Encoding:\s*quoted-printable/i.test(partHeaders);
  const base64 = /Content-Transfer-Encoding:\s*base64/i.test(partHeaders);
  const text = quotedPrintable
    ? decodeQuotedPrintable(partBody)
    : base64
      ? Buffer.from(partBody.replace(/\s+/g, ''), 'base64').toString('utf8')
      : partBody.replace(/\r\n/g, '\n');
  return {
    headers,
    subject: decodeEncodedWords(headers.subject ?? ''),
    text,
  };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

function decodeEncodedWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
