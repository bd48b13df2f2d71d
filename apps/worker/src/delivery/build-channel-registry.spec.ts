import { AuthoritySettingsRegistry, readEnvironment } from '@frontdoor/config';
import { DEMO_MAILBOX, type OutgoingMessage, PermanentDeliveryError } from '@frontdoor/notifications';
import { buildChannelRegistry } from './build-channel-registry';

const email = { channel: 'email' as const };
const acknowledgement: OutgoingMessage = {
  id: 'm1',
  tenant: '865',
  kind: 'acknowledgement',
  idempotencyKey: 'front-door-message-m1',
  recipient: { audience: 'referrer', channel: 'email', address: 'sam@school.example', name: 'Sam Patel' },
  subject: 'We have received your referral',
  body: 'Thank you.',
  data: {},
};

describe('the channels a deployment sends email through', () => {
  it('delivers into the demo mailbox in the embedded demo with no mail server', async () => {
    const registry = buildChannelRegistry(readEnvironment({}), new AuthoritySettingsRegistry());
    await expect(registry.for(email).send(acknowledgement)).resolves.toEqual({ status: 'delivered', providerReference: DEMO_MAILBOX });
  });

  it('fails loudly in a real deployment with no mail server: never a pretend delivery', () => {
    const env = readEnvironment({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/frontdoor', AUTH_JWT_SECRET: 'x'.repeat(40) });
    expect(() => buildChannelRegistry(env, new AuthoritySettingsRegistry()).for(email)).toThrow(PermanentDeliveryError);
  });

  it('sends by SMTP in the demo too once SMTP_URL is set', () => {
    const registry = buildChannelRegistry(readEnvironment({ SMTP_URL: 'smtp://127.0.0.1:2525' }), new AuthoritySettingsRegistry());
    expect(registry.for(email).constructor.name).toBe('EmailChannel');
  });
});
