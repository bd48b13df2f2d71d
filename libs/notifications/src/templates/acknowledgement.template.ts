import { addWorkingDays } from '@frontdoor/pathway';
import {
  contactTheFrontDoor,
  dayReadable,
  fact,
  greeting,
  instantOf,
  type MessageTemplate,
  paragraphs,
  presentOnly,
  REFERRER_SIGN_OFF,
  requiredFact,
  whenReadable,
} from './message-template';

/** To the referrer, once per contact: it arrived, its reference, and when they will hear (Working Together: one working day). */
export const acknowledgement: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'acknowledgement');
  const receivedAt = instantOf(fact(content, 'receivedAt'));
  const received = receivedAt ? whenReadable(receivedAt.toISOString()) : null;
  const decisionDay = receivedAt ? dayReadable(addWorkingDays(receivedAt, 1)) : null;

  return {
    subject: `We have received your referral (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      `Thank you for getting in touch with the front door about a child you are worried about. ` +
        `We received what you told us${received ? ` at ${received}` : ''}. Its reference is ${reference}: ` +
        `please quote it if you contact us about this.`,
      `What happens next: we will look carefully at what you told us, check what other services know, ` +
        `and decide how best to help. We will tell you what we decide by the end of the next working day` +
        `${decisionDay ? ` (${decisionDay})` : ''}.`,
      `If you learn something new in the meantime, or you become more worried, please ${contactTheFrontDoor(options)} ` +
        `and quote reference ${reference}. If a child is in immediate danger, call 999.`,
      REFERRER_SIGN_OFF,
    ),
    data: presentOnly({ reference, receivedAt: receivedAt ? receivedAt.toISOString() : null }),
  };
};
