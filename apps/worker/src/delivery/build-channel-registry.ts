import { AuthoritySettingsRegistry, Environment } from '@frontdoor/config';
import {
  Channel,
  ChannelRegistry,
  DemoMailboxChannel,
  EmailChannel,
  NotifyChannel,
  PortalChannel,
  StaffChannel,
  WebhookChannel,
} from '@frontdoor/notifications';

/**
 * The channels this deployment can send through, from its environment and authority settings:
 * portal and staff inboxes always; email by SMTP when SMTP_URL is set; GOV.UK Notify when
 * NOTIFY_API_KEY is set (then email goes through Notify); webhooks to the partner systems each
 * authority lists. A recipient whose channel is not configured fails permanently and visibly.
 * The embedded demo alone, with no mail server of either kind, delivers email to its demo mailbox.
 */
export function buildChannelRegistry(env: Environment, settings: AuthoritySettingsRegistry): ChannelRegistry {
  const channels: Channel[] = [new PortalChannel(), new StaffChannel()];
  const { messaging } = env;
  if (messaging.smtpUrl) channels.push(new EmailChannel({ url: messaging.smtpUrl, from: messaging.mailFrom }));
  if (messaging.notifyApiKey) {
    channels.push(
      new NotifyChannel({
        apiKey: messaging.notifyApiKey,
        baseUrl: messaging.notifyBaseUrl ?? undefined,
        templateIds: messaging.notifyTemplateIds,
      }),
    );
  }
  const embedded = env.databaseUrl === null;
  if (embedded && !messaging.smtpUrl && !messaging.notifyApiKey) channels.push(new DemoMailboxChannel());
  channels.push(
    new WebhookChannel((recipient, tenant) => {
      const partner = settings.for(tenant).partnerSystems.find((system) => system.organisation === recipient.address);
      return partner ? { url: partner.url, secret: partner.secret } : null;
    }),
  );
  return new ChannelRegistry(channels);
}
