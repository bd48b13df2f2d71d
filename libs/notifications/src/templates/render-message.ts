import type { MessageKind } from '@frontdoor/pathway';
import { acknowledgement } from './acknowledgement.template';
import { agencyCheckRequest } from './agency-check-request.template';
import { assessmentOutcome } from './assessment-outcome.template';
import { deadlineBreached } from './deadline-breached.template';
import { decision } from './decision.template';
import { forwardToAllocatedWorker } from './forward-to-allocated-worker.template';
import { invitationToContribute } from './invitation-to-contribute.template';
import { type MessageTemplate, MessageTemplateError, type RenderedMessage, type RenderOptions } from './message-template';

/** Every kind the pathway can ask for, plus the manager's alert when a deadline is breached. */
export type TemplatedMessageKind = MessageKind | 'deadline_breached';

// A Record over the pathway's kinds: a new kind there fails to compile here until it has a template.
const TEMPLATES: Record<TemplatedMessageKind, MessageTemplate> = {
  acknowledgement,
  decision,
  invitation_to_contribute: invitationToContribute,
  assessment_outcome: assessmentOutcome,
  forward_to_allocated_worker: forwardToAllocatedWorker,
  agency_check_request: agencyCheckRequest,
  deadline_breached: deadlineBreached,
};

export const TEMPLATED_MESSAGE_KINDS = Object.freeze(Object.keys(TEMPLATES) as TemplatedMessageKind[]);

/** For a start-up check: every kind a producer writes must have a template. */
export function hasTemplate(kind: string): kind is TemplatedMessageKind {
  return Object.hasOwn(TEMPLATES, kind);
}

/**
 * The words of a message, from the facts fixed at its step. Each template names the fields it
 * reads and ignores everything else in `content`, so nothing it does not name (an internal
 * rationale, agency information, another person's details) can reach the reader (DOMAIN §5).
 */
export function renderMessage(
  kind: string,
  content: Record<string, unknown> | null | undefined,
  options: RenderOptions = {},
): RenderedMessage {
  if (!hasTemplate(kind)) throw new MessageTemplateError('unknown_message_kind', `there is no template for a "${kind}" message`);
  return TEMPLATES[kind](content ?? {}, options);
}
