import type { Channel, DeliveryReceipt, OutgoingMessage } from './channel';

/** What a message delivered to the demo mailbox records as its provider reference. */
export const DEMO_MAILBOX = 'demo-mailbox';

/**
 * Email in the embedded demo, where there is no mail server: the message is delivered into the
 * demo mailbox (the outbox row, read back by managers and admins), so acknowledgements and
 * decisions are met as they would be in a real deployment. A real deployment never has it:
 * without SMTP or Notify its email fails, loudly.
 */
export class DemoMailboxChannel implements Channel {
  readonly name = 'email' as const;

  async send(_message: OutgoingMessage): Promise<DeliveryReceipt> {
    return { status: 'delivered', providerReference: DEMO_MAILBOX };
  }
}
