import { fact, greeting, type MessageTemplate, paragraphs, presentOnly, requiredFact, STAFF_SIGN_OFF } from './message-template';

/** To a partner agency's inbox: the MASH asks what the agency knows. The child's details stay in Front Door. */
export const agencyCheckRequest: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'agency check request');
  const contactId = fact(content, 'contactId');
  const episodeId = fact(content, 'episodeId');
  const checkId = fact(content, 'checkId');

  return {
    subject: `Agency check requested (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      'The front door (MASH) has asked your agency what it knows about a child and their family, ' +
        'to help decide how best to respond to a concern.',
      'Please open the check in Front Door and either return a summary of what your agency knows, ' +
        'or decline it with a reason, within the time shown on the check.',
      [`Reference: ${reference}`, checkId && `Check: ${checkId}`, contactId && `Contact: ${contactId}`, episodeId && `Episode: ${episodeId}`]
        .filter(Boolean)
        .join('\n'),
      STAFF_SIGN_OFF,
    ),
    data: presentOnly({ reference, contactId, episodeId, checkId }),
  };
};
