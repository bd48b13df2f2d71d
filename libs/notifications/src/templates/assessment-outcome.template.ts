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

const WHAT_IT_MEANS: Record<string, (child: string) => string> = {
  nfa: () => 'This means children’s social care will not be taking any further action at the moment.',
  family_help: () =>
    'This means the family will be offered Family Help: a practitioner will contact them to agree what support would help.',
  cin_plan: (child) =>
    `This means ${child} will have a child in need plan, agreed with the family and the professionals involved, ` +
    `setting out the help ${child} and the family will receive. You may be asked to be part of it.`,
  strategy_discussion: (child) =>
    `Children’s social care, the police and other professionals will now meet to decide how best to keep ${child} safe. ` +
    'You may be asked to share what you know.',
};

/** To the referrer: how the child and family assessment ended (DOMAIN §5.4). */
export const assessmentOutcome: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'assessment outcome');
  const childName = fact(content, 'childName');
  const outcome = fact(content, 'outcome');
  const words = outcomeWords(outcome, fact(content, 'outcomeText'));
  const feedbackForReferrer = fact(content, 'feedbackForReferrer');
  const meaning = entryOf(WHAT_IT_MEANS, outcome);

  return {
    subject: `The outcome of the assessment (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      `A social worker has now completed the child and family assessment for ${childName ?? 'the child you referred'} ` +
        `(reference ${reference}). We said we would let you know how it ended.`,
      words && `The outcome: ${words}.`,
      meaning?.(childName ?? 'the child'),
      feedbackForReferrer && `Why:\n${feedbackForReferrer}`,
      ifYouAreWorried(childName, options, reference),
      REFERRER_SIGN_OFF,
    ),
    data: presentOnly({ reference, childName, outcome, outcomeText: words, feedbackForReferrer }),
  };
};
