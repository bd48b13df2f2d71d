import { fact, greeting, type MessageTemplate, paragraphs, presentOnly, requiredFact, STAFF_SIGN_OFF } from './message-template';

/** To the allocated worker of an open case: a new contact passed straight to them (screening outcome open_case). */
export const forwardToAllocatedWorker: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'forwarded contact');
  const contactId = fact(content, 'contactId');
  const episodeId = fact(content, 'episodeId');
  const openCaseEpisodeId = fact(content, 'openCaseEpisodeId');

  return {
    subject: `New contact about a child you are working with (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      'A new contact has come in to the front door about a child you are already working with. ' +
        'Screening found the case open, so it has been passed straight to you rather than through MASH triage.',
      'Please read it in Front Door and follow it up. The referrer has been told that it was passed to the child’s social worker.',
      [
        `Reference: ${reference}`,
        contactId && `Contact: ${contactId}`,
        openCaseEpisodeId && `Your open episode: ${openCaseEpisodeId}`,
        episodeId && episodeId !== openCaseEpisodeId && `Episode of this contact: ${episodeId}`,
      ]
        .filter(Boolean)
        .join('\n'),
      STAFF_SIGN_OFF,
    ),
    data: presentOnly({ reference, contactId, episodeId, openCaseEpisodeId }),
  };
};
