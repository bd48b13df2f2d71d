import {
  contactTheFrontDoor,
  fact,
  greeting,
  ifYouAreWorried,
  type MessageTemplate,
  paragraphs,
  presentOnly,
  REFERRER_SIGN_OFF,
  requiredFact,
} from './message-template';

/** To a referrer who asked to stay involved (R11): who is leading the assessment, how to reach them, what to add. */
export const invitationToContribute: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'invitation to contribute');
  const childName = fact(content, 'childName');
  const workerName = fact(content, 'workerName');
  const team = fact(content, 'team');
  const workerContact = fact(content, 'workerContact');
  const child = childName ?? 'the child';
  const who = workerName ?? 'the social worker';

  return {
    subject: `You are invited to contribute to the assessment (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      `When you got in touch about ${childName ?? 'the child you referred'} (reference ${reference}), you asked to stay involved. ` +
        'A child and family assessment has now begun, and we would value what you know.',
      `${workerName ?? 'A social worker'}${team ? ` from the ${team}` : ''} is leading the assessment.`,
      workerContact
        ? `You can reach ${who} at ${workerContact}. Please quote reference ${reference}.`
        : `To reach ${who}, please ${contactTheFrontDoor(options)} and quote reference ${reference}.`,
      'You can also add what you know through the referrer portal, where you can see this referral. ' +
        'What you add goes to the social worker and becomes part of the assessment. It helps to hear:\n' +
        [
          '- what you have seen or heard, and when',
          `- how ${child} has seemed recently`,
          `- what support you or your service already give ${child} and the family`,
          '- anything that has changed since you got in touch',
        ].join('\n'),
      'We will let you know the outcome of the assessment when it is complete.',
      ifYouAreWorried(childName, options, reference),
      REFERRER_SIGN_OFF,
    ),
    data: presentOnly({ reference, childName, workerName, team, workerContact }),
  };
};
