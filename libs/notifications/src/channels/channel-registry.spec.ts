import { outgoingMessage } from '../testing/outgoing-message.fixture';
import { type Channel, type ChannelName, PermanentDeliveryError } from './channel';
import { ChannelRegistry } from './channel-registry';
import { PortalChannel } from './portal-channel';
import { StaffChannel } from './staff-channel';

const fake = (name: ChannelName): Channel => ({ name, send: async () => ({ status: 'delivered', providerReference: null }) });

describe('ChannelRegistry', () => {
  const portal = new PortalChannel();
  const staff = new StaffChannel();
  const email = fake('email');
  const notify = fake('notify');
  const webhook = fake('webhook');

  it('sends each recipient through the channel they gave', () => {
    const registry = new ChannelRegistry([portal, staff, email, webhook]);
    expect(registry.for({ channel: 'portal' })).toBe(portal);
    expect(registry.for({ channel: 'staff' })).toBe(staff);
    expect(registry.for({ channel: 'email' })).toBe(email);
    expect(registry.for({ channel: 'webhook' })).toBe(webhook);
  });

  it('sends email through GOV.UK Notify when Notify is configured', () => {
    const registry = new ChannelRegistry([portal, email, notify]);
    expect(registry.for({ channel: 'email' })).toBe(notify);
    expect(registry.for({ channel: 'notify' })).toBe(notify);
  });

  it('names a channel that is not configured', () => {
    const registry = new ChannelRegistry([portal]);
    expect(() => registry.for({ channel: 'webhook' })).toThrow(PermanentDeliveryError);
    expect(() => registry.for({ channel: 'email' })).toThrow(/no "email" channel is configured/);
    expect(() => registry.for({ channel: 'notify' })).toThrow(/no "notify" channel/);
  });

  it('refuses two channels with one name at start-up', () => {
    expect(() => new ChannelRegistry([portal, new PortalChannel()])).toThrow(/two channels are registered as "portal"/);
    expect(new ChannelRegistry([portal, staff, notify]).names()).toEqual(['portal', 'staff', 'notify']);
  });
});

describe('PortalChannel and StaffChannel', () => {
  it('count a stored message as delivered: the outbox row is what the reader sees', async () => {
    await expect(new PortalChannel().send(outgoingMessage({ channel: 'portal' }))).resolves.toEqual({
      status: 'delivered',
      providerReference: null,
    });
    const staffInbox = new StaffChannel();
    expect(staffInbox.name).toBe('staff');
    await expect(staffInbox.send(outgoingMessage({ channel: 'staff', audience: 'worker' }, 'forward_to_allocated_worker'))).resolves.toEqual({
      status: 'delivered',
      providerReference: null,
    });
  });
});
