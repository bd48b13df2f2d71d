import type { MessageRecipient } from '@frontdoor/persistence';
import { type Channel, type ChannelName, PermanentDeliveryError } from './channel';

/**
 * Chooses the channel for a recipient. Email goes through GOV.UK Notify when it is configured
 * (the authority's usual route, with delivery receipts) and through SMTP otherwise.
 */
export class ChannelRegistry {
  private readonly byName = new Map<ChannelName, Channel>();

  constructor(channels: Channel[]) {
    for (const channel of channels) {
      // Two channels under one name is a wiring mistake: stop at start-up, not at the first message.
      if (this.byName.has(channel.name)) throw new Error(`two channels are registered as "${channel.name}"`);
      this.byName.set(channel.name, channel);
    }
  }

  for(recipient: Pick<MessageRecipient, 'channel'>): Channel {
    const wanted: ChannelName =
      recipient.channel === 'email' && this.byName.has('notify') ? 'notify' : (recipient.channel as ChannelName);
    const channel = this.byName.get(wanted);
    if (!channel) throw new PermanentDeliveryError(`no "${wanted}" channel is configured, so this message cannot be sent`);
    return channel;
  }

  /** The channels registered, for health checks and start-up logs. */
  names(): ChannelName[] {
    return [...this.byName.keys()];
  }
}
