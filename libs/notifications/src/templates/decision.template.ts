import {
  fact,
  greeting,
  ifYouAreWorried,
  type MessageTemplate,
  paragraphs,
  presentOnly,
  REFERRER_SIGN_OFF,
  requiredFact,
} from './message-template';
import { entryOf, outcomeWords } from './plain-words';

/** What each outcome means for the child, in a sentence the referrer can act on. */
const WHAT_IT_MEANS: Record<string, (child: string | null) => string> = {
  nfa: () =>
    'This means children’s social care will not be taking any further action at the moment. ' +
    'That does not mean your worries were not important, and you can get in touch again at any time.',
  family_help: () =>
    'This means the family will be offered Family Help: a practitioner will contact them to agree what support would help.',
  assessment: (child) =>
    `A social worker will now carry out a child and family assessment: they will meet ${child ?? 'the child'} and the family ` +
    'to understand what is happening and what help is needed. We will tell you the outcome when it is complete.',
  strategy_discussion: (child) =>
    `Children’s social care, the police and other professionals will now meet to decide how best to keep ${child ?? 'the child'} safe. ` +
    'You may be asked to share what you know.',
  forwarded: (child) =>
    `${child ?? 'The child'} already has a social worker, and we have passed what you told us to them so that they can follow it up.`,
  redirected: () => 'What you told us is not something children’s social care is the right service to respond to.',
  merged: () =>
    'We are already looking into this worry, so we have added what you told us to that work rather than starting again.',
};

/** To the referrer: the decision, the reasons written for them, and — when the threshold is not met — where else to turn. */
export const decision: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'decision');
  const childName = fact(content, 'childName');
  const outcome = fact(content, 'outcome');
  const words = outcomeWords(outcome, fact(content, 'outcomeText'));
  const feedbackForReferrer = fact(content, 'feedbackForReferrer');
  const signposting = fact(content, 'signposting');
  const redirectedTo = fact(content, 'redirectedTo');
  const meaning = entryOf(WHAT_IT_MEANS, outcome);

  return {
    subject: `Our decision about your referral (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      `Thank you for telling us about your worries for ${childName ?? 'the child you referred'} ` +
        `(reference ${reference}). We have looked carefully at what you told us and made a decision.`,
      words && `Our decision: ${words}.`,
      meaning?.(childName),
      feedbackForReferrer && `Why we decided this:\n${feedbackForReferrer}`,
      redirectedTo && `Where we have directed this: ${redirectedTo}.`,
      signposting && `Other support that may help:\n${signposting}`,
      ifYouAreWorried(childName, options, reference),
      REFERRER_SIGN_OFF,
    ),
    data: presentOnly({
      reference,
      childName,
      outcome,
      outcomeText: words,
      feedbackForReferrer,
      signposting,
      redirectedTo,
    }),
  };
};
