/**
 * What a message says and how it leaves Front Door: templates written for the reader, the
 * channels behind one interface, and the retry policy delivery follows (ARCHITECTURE §4).
 * Test doubles (SMTP sink, fake Notify API, webhook receiver) live in ./testing and are not
 * exported here, so production code never loads a dev dependency.
 */
export * from './templates';
export * from './delivery-policy';
export * from './channels/channel';
export * from './channels/channel-registry';
export { PortalChannel } from './channels/portal-channel';
export { DEMO_MAILBOX, DemoMailboxChannel } from './channels/demo-mailbox-channel';
export { StaffChannel } from './channels/staff-channel';
export { EmailChannel, type EmailChannelOptions, classifySmtpError, messageIdOf } from './channels/email-channel';
export { NotifyChannel, type NotifyChannelOptions, classifyNotifyError } from './channels/notify-channel';
export { readNotifyCallback, isAuthorisedNotifyCallback, type NotifyDeliveryReceipt } from './channels/notify-callback';
export {
  WebhookChannel,
  type WebhookChannelOptions,
  type WebhookPayload,
  type PartnerEndpoint,
  type PartnerEndpointResolver,
  signWebhookBody,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  IDEMPOTENCY_HEADER,
} from './channels/webhook-channel';
export { retryAfterMs, isEmailAddress } from './channels/delivery-support';
