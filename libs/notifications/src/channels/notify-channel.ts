import { NotifyClient } from 'notifications-node-client';
import {
  type Channel,
  type DeliveryReceipt,
  type OutgoingMessage,
  PermanentDeliveryError,
  TransientDeliveryError,
} from './channel';
import { TEMPLATED_MESSAGE_KINDS } from '../templates/render-message';
import { isEmailAddress, retryAfterMs, withoutAddresses } from './delivery-support';

export interface NotifyChannelOptions {
  /** The GOV.UK Notify API key (`{name}-{service id}-{secret}`). */
  apiKey: string;
  /** Absent: Notify's production API. Set for a local fake in tests. */
  baseUrl?: string;
  /** A Notify email template per message kind, and under `default` the one for every other kind. */
  templateIds: Record<string, string>;
  /** The reply-to address registered in Notify, if not the service default. */
  emailReplyToId?: string;
  /** How long to wait for Notify to answer. Default 10 s. */
  timeoutMs?: number;
  /**
   * Ask Notify, before sending, whether a notification with this idempotency key already exists.
   * Notify does not deduplicate on `reference`, so this is what keeps a retry after a crash
   * (sent, but not recorded) from emailing the referrer twice. Default true.
   */
  checkBeforeSending?: boolean;
}

type AxiosLikeFailure = {
  response?: { status: number; headers?: Record<string, unknown>; data?: { errors?: { error?: string; message?: string }[] } };
  code?: string;
  message?: string;
};

type RestClient = (options: Record<string, unknown>) => Promise<unknown>;

/**
 * Email through GOV.UK Notify. The Notify template holds the layout; Front Door supplies the
 * words as personalisation (`((subject))`, `((body))`, and each data field by name). Notify
 * accepts the message and reports delivery later through its callback (see notify-callback).
 */
export class NotifyChannel implements Channel {
  readonly name = 'notify' as const;
  private readonly client: NotifyClient;

  constructor(private readonly options: NotifyChannelOptions) {
    // Notify keys end in two UUIDs: the service id and the secret the client signs its JWTs with.
    if (!/[0-9a-f-]{36}-[0-9a-f-]{36}$/i.test(options.apiKey ?? '')) throw new Error('the GOV.UK Notify API key is not in Notify’s format');
    const uncovered = TEMPLATED_MESSAGE_KINDS.filter((kind) => !options.templateIds?.[kind]);
    if (!options.templateIds?.default && uncovered.length > 0) {
      throw new Error(`GOV.UK Notify needs a default template id, or one for each of: ${uncovered.join(', ')}`);
    }
    this.client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
    // The client sets no timeout of its own: hand it (through setClient) its own HTTP function with one added.
    const timeout = options.timeoutMs ?? 10_000;
    const request = (this.client as unknown as { apiClient: { restClient: RestClient } }).apiClient.restClient;
    const withTimeout: RestClient = (requestOptions) => request({ ...requestOptions, timeout });
    this.client.setClient(withTimeout as unknown as Parameters<NotifyClient['setClient']>[0]);
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const address = message.recipient.address;
    if (!isEmailAddress(address)) {
      throw new PermanentDeliveryError(address ? 'the recipient’s email address is not valid' : 'the recipient has no email address');
    }
    const templateId = this.templateIdFor(message.kind);
    try {
      if (this.options.checkBeforeSending !== false) {
        const earlier = await this.client.getNotifications('email', undefined, message.idempotencyKey);
        const notifications = (earlier.data as { notifications?: { id: string; status?: string }[] }).notifications ?? [];
        // One that already failed does not count: a manager's retry of a failed message must send again.
        const found = notifications.find((notification) => !/fail/.test(notification.status ?? ''));
        if (found) return { status: 'accepted', providerReference: found.id };
      }
      const response = await this.client.sendEmail(templateId, address, {
        personalisation: personalisationOf(message),
        reference: message.idempotencyKey,
        ...(this.options.emailReplyToId ? { emailReplyToId: this.options.emailReplyToId } : {}),
      });
      return { status: 'accepted', providerReference: (response.data as { id: string }).id };
    } catch (error) {
      throw classifyNotifyError(error);
    }
  }

  private templateIdFor(kind: string): string {
    const id = Object.hasOwn(this.options.templateIds, kind) ? this.options.templateIds[kind] : this.options.templateIds.default;
    if (!id) throw new PermanentDeliveryError(`no GOV.UK Notify template is configured for ${kind} messages`);
    return id;
  }
}

/** Notify personalisation values are text; the data fields first, so subject and body cannot be overwritten. */
function personalisationOf(message: OutgoingMessage): Record<string, string> {
  const personalisation: Record<string, string> = {};
  for (const [key, value] of Object.entries(message.data)) {
    if (value !== null && value !== undefined) personalisation[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { ...personalisation, subject: message.subject, body: message.body };
}

/**
 * Notify's answer as a delivery error: rate limits and its own failures pass (429, 5xx, no
 * answer at all), honouring Retry-After; a request it rejects (400 BadRequestError or
 * ValidationError, 403 AuthError, other 4xx) will be rejected again.
 */
export function classifyNotifyError(error: unknown, now: Date = new Date()): TransientDeliveryError | PermanentDeliveryError {
  const failure = (error ?? {}) as AxiosLikeFailure;
  const response = failure.response;
  if (!response) {
    return new TransientDeliveryError(`GOV.UK Notify did not answer (${failure.code ?? withoutAddresses(failure.message ?? 'unknown error')})`);
  }
  const first = response.data?.errors?.[0];
  const said = withoutAddresses(first ? `${first.error ?? 'Error'}: ${first.message ?? ''}` : 'no details');
  const status = response.status;
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return new TransientDeliveryError(
      `GOV.UK Notify asked us to try later (${status} ${said})`,
      retryAfterMs(response.headers?.['retry-after'] as string | undefined, now),
    );
  }
  return new PermanentDeliveryError(`GOV.UK Notify refused the message (${status} ${said})`);
}
