import {
  durationReadable,
  fact,
  greeting,
  instantOf,
  type MessageTemplate,
  paragraphs,
  presentOnly,
  requiredFact,
  STAFF_SIGN_OFF,
  whenReadable,
} from './message-template';
import { deadlineWords } from './plain-words';

/** To the team's manager: a deadline passed unmet. A breach is an exception to act on, not a statistic. */
export const deadlineBreached: MessageTemplate = (content, options) => {
  const reference = requiredFact(content, 'reference', 'deadline breached');
  const episodeId = fact(content, 'episodeId');
  const deadlineKind = fact(content, 'kind');
  const dueAt = instantOf(fact(content, 'dueAt'));
  const team = fact(content, 'team');
  const words = deadlineWords(deadlineKind);
  const due = dueAt ? whenReadable(dueAt.toISOString()) : null;
  const lateMs = dueAt && options.now ? options.now.getTime() - dueAt.getTime() : null;

  const overdue = lateMs !== null && lateMs > 0 ? `, and was ${durationReadable(lateMs)} overdue when this message was sent` : '';
  return {
    subject: `Deadline missed: ${words} (reference ${reference})`,
    body: paragraphs(
      greeting(options),
      deadlineKind
        ? `The deadline for the ${words} for reference ${reference} has passed without being met.`
        : `A deadline for reference ${reference} has passed without being met.`,
      due && `It was due by ${due}${overdue}.`,
      'The breach has been recorded. Please make sure the work is picked up, and record the reason for the delay ' +
        'on the episode: reports show each breach with its reason.',
      [`Reference: ${reference}`, team && `Team: ${team}`, episodeId && `Episode: ${episodeId}`].filter(Boolean).join('\n'),
      STAFF_SIGN_OFF,
    ),
    data: presentOnly({ reference, episodeId, deadlineKind, dueAt: dueAt ? dueAt.toISOString() : null, team }),
  };
};
