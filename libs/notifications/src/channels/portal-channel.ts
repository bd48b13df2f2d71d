import type { Channel, ChannelName, DeliveryReceipt, OutgoingMessage } from './channel';

/**
 * Messages read inside Front Door: the outbox row is what the referrer's portal (or a member of
 * staff's inbox) shows, so there is nothing to send — being stored is being delivered.
 */
export class PortalChannel implements Channel {
  constructor(readonly name: Extract<ChannelName, 'portal' | 'staff'> = 'portal') {}

  async send(_message: OutgoingMessage): Promise<DeliveryReceipt> {
    return { status: 'delivered', providerReference: null };
  }
}
