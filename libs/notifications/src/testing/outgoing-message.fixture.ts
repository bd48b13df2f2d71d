import type { MessageRecipient } from '@frontdoor/persistence';
import type { OutgoingMessage } from '../channels/channel';
import { renderMessage } from '../templates/render-message';
import { FULL_CONTENT } from './message-content.fixture';

/** A rendered decision, addressed as given, ready for a channel. */
export function outgoingMessage(recipient: Partial<MessageRecipient> = {}, kind = 'decision'): OutgoingMessage {
  const id = '6f1c2d9e-5b7a-4c3e-9a1d-2e8f4b6c0a11';
  return {
    id,
    tenant: 'E10000001',
    kind,
    idempotencyKey: `front-door-message-${id}`,
    recipient: { audience: 'referrer', channel: 'email', address: 'sam.patel@school.example', name: 'Sam Patel', ...recipient },
    ...renderMessage(kind, FULL_CONTENT[kind], { recipientName: recipient.name ?? 'Sam Patel' }),
  };
}
