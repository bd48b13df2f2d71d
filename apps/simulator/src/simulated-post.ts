import type { DeliverMessage } from '@frontdoor/engine';
import { FinalDeliveryFailure } from '@frontdoor/engine';
import { type Channel, ChannelRegistry, type DeliveryReceipt, type OutgoingMessage, PermanentDeliveryError } from '@frontdoor/notifications';
import type { Database, OutboxMessageEntity } from '@frontdoor/persistence';
import type { Prng } from './prng';
import { HOUR, MINUTE } from './timeline';

/** How long each channel takes to deliver, and how often it cannot: like a real front door's post. */
const POST: Record<string, { bounces: number; minutes: (random: Prng) => number }> = {
  // Read inside Front Door: at once.
  portal: { bounces: 0, minutes: (random) => random.between(0, 1) },
  staff: { bounces: 0, minutes: (random) => random.between(0, 1) },
  // Email: mostly within the hour, a few held up for hours; about 1 in 50 addresses bounce.
  email: { bounces: 0.02, minutes: (random) => (random.chance(0.9) ? random.between(1, 60) : random.between(60, 8 * 60)) },
  // A partner system: within minutes, now and then down for good.
  webhook: { bounces: 0.01, minutes: (random) => random.between(0, 5) },
};

/**
 * The post of a simulated front door: every message a step writes is delivered, or fails, some
 * minutes or hours later, through the real delivery use case (attempts recorded, acknowledgement
 * deadlines met on delivery), so a simulated year's indicators and exceptions look like a real
 * front door's and not like one whose every acknowledgement was breached.
 */
export class SimulatedPost {
  private readonly posted = new Set<string>();
  /** Whether each message posted will reach its recipient, decided when it is posted. */
  private readonly bounces = new Set<string>();
  readonly counts = { delivered: 0, failed: 0 };
  private readonly deliver: DeliverMessage;

  constructor(
    private readonly db: Database,
    /** The real delivery use case, over the channels it is given (the post's own). */
    deliverThrough: (channels: ChannelRegistry) => DeliverMessage,
    private readonly random: Prng,
    private readonly at: (time: number, run: () => Promise<void>) => void,
  ) {
    this.deliver = deliverThrough(this.channels());
  }

  /** Channels that deliver or bounce as the post decided, in place of real ones. */
  private channels(): ChannelRegistry {
    const bounces = this.bounces;
    const channel = (name: Channel['name']): Channel => ({
      name,
      async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
        if (bounces.has(message.id)) throw new PermanentDeliveryError('simulated: the recipient could not be reached');
        return { status: 'delivered', providerReference: null };
      },
    });
    return new ChannelRegistry([channel('portal'), channel('staff'), channel('email'), channel('webhook')]);
  }

  /** After a step about a contact: each message it wrote goes into the post. */
  async collect(tenant: string, contactId: string): Promise<void> {
    for (const message of await this.db.read.outbox.forContact(tenant, contactId)) {
      if (message.status !== 'pending' || this.posted.has(message.id)) continue;
      this.posted.add(message.id);
      this.schedule(message);
    }
  }

  private schedule(message: OutboxMessageEntity): void {
    const post = POST[message.recipient.channel] ?? POST.email;
    if (this.random.chance(post.bounces)) this.bounces.add(message.id);
    const delay = post.minutes(this.random) * MINUTE;
    this.at(message.createdAt.getTime() + Math.min(delay, 12 * HOUR), async () => {
      try {
        await this.deliver.execute(message.id, 1, true);
        this.counts.delivered += 1;
      } catch (error) {
        if (!(error instanceof FinalDeliveryFailure)) throw error;
        this.counts.failed += 1;
      }
    });
  }
}
