import type { MessageRecipient } from '@frontdoor/persistence';

/** A message ready to leave Front Door: rendered, addressed, and keyed so a retry is seen once. */
export interface OutgoingMessage {
  id: string;
  tenant: string;
  kind: string;
  /** Sent to the receiver (header, Notify reference, Message-ID) so a retry after a crash is not seen twice. */
  idempotencyKey: string;
  recipient: MessageRecipient;
  subject: string;
  /** Plain English, written for the person reading it. */
  body: string;
  /** The same facts as structured data, for partner systems (webhook JSON) and Notify personalisation. */
  data: Record<string, unknown>;
}

export interface DeliveryReceipt {
  /** `delivered`: it reached the receiver. `accepted`: a provider took it; its callback will say more. */
  status: 'delivered' | 'accepted';
  providerReference: string | null;
}

/** Worth trying again later: the receiver was down, slow, or asked us to slow down. */
export class TransientDeliveryError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'TransientDeliveryError';
  }
}

/** Will never succeed as addressed: a bad address, a refused key, a 4xx that is not about load. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export type ChannelName = 'portal' | 'staff' | 'email' | 'notify' | 'webhook';

/** One way a message leaves. Implementations throw Transient/PermanentDeliveryError. */
export interface Channel {
  readonly name: ChannelName;
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
}
