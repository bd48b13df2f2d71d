import { randomUUID } from 'node:crypto';
import { EpisodeContext, MessageKind, SCREENED_OUT_OUTCOMES } from '@frontdoor/pathway';
import type { ContactEntity, MessageRecipient, OutboxMessageEntity } from '@frontdoor/persistence';

/** Every kind of message Front Door sends: those a pathway step implies, and its own alerts. */
export type OutboxKind = MessageKind | 'deadline_breached';

export interface MessageFacts {
  contact: ContactEntity;
  episodeId: string | null;
  context: EpisodeContext | null;
  /** For messages to staff: the allocated worker of an open case, or the partner agency asked. */
  staffRecipient?: { audience: 'worker' | 'agency' | 'manager'; address: string | null; name?: string | null };
  extra?: Record<string, unknown>;
}

export function referrerRecipient(contact: ContactEntity): MessageRecipient {
  const { referrer } = contact;
  switch (referrer.feedbackChannel) {
    case 'email':
      return { audience: 'referrer', channel: 'email', address: referrer.email, name: referrer.name };
    case 'webhook':
      // The partner system's endpoint comes from the authority's settings, never from the request.
      return { audience: 'referrer', channel: 'webhook', address: referrer.organisation, name: referrer.name };
    default:
      return { audience: 'referrer', channel: 'portal', address: contact.referrerSub, name: referrer.name };
  }
}

/**
 * The facts a message needs, fixed at the time of the step. Referrer messages carry only what
 * the referrer needs (DOMAIN §5): never the internal rationale, agency information, or anything
 * about another person.
 */
function contentFor(kind: OutboxKind, facts: MessageFacts): Record<string, unknown> {
  const { contact, context } = facts;
  // The child as the referrer named them: never the matched record's name, which would tell
  // them the child is known to social care.
  const named = contact.childrenAsNamed?.find((child) => child.episodeId === facts.episodeId);
  const base = { reference: contact.reference, childName: named?.givenName ?? null };
  switch (kind) {
    case 'acknowledgement':
      return { reference: contact.reference, receivedAt: contact.receivedAt.toISOString(), ...facts.extra };
    case 'decision': {
      const screening = context?.screening;
      if (screening && screening.outcome !== 'concern') {
        const outcome = SCREENED_OUT_OUTCOMES[screening.outcome];
        return { ...base, outcome, redirectedTo: screening.redirectedTo };
      }
      const decision = context?.decision;
      return {
        ...base,
        outcome: decision?.outcome ?? null,
        feedbackForReferrer: decision?.feedbackForReferrer ?? null,
        signposting: decision?.signposting ?? null,
      };
    }
    case 'invitation_to_contribute':
      return { ...base, workerName: context?.workerName ?? null, team: context?.team ?? null, workerContact: context?.workerContact ?? null };
    case 'assessment_outcome':
      return {
        ...base,
        outcome: context?.assessment?.outcome ?? null,
        feedbackForReferrer: context?.assessment?.feedbackForReferrer ?? null,
      };
    case 'forward_to_allocated_worker':
    case 'agency_check_request':
    case 'deadline_breached':
      return { reference: contact.reference, contactId: contact.id, episodeId: facts.episodeId, ...facts.extra };
    default:
      return { ...base };
  }
}

export function composeMessage(kind: OutboxKind, facts: MessageFacts, now: Date): OutboxMessageEntity {
  const id = randomUUID();
  const toStaff = kind === 'forward_to_allocated_worker' || kind === 'agency_check_request' || kind === 'deadline_breached';
  // A staff message with no known addressee still goes to staff (the front-door team's inbox), never to the referrer.
  const recipient: MessageRecipient = toStaff
    ? {
        audience: facts.staffRecipient?.audience ?? (kind === 'agency_check_request' ? 'agency' : kind === 'deadline_breached' ? 'manager' : 'worker'),
        channel: 'staff',
        address: facts.staffRecipient?.address ?? null,
        name: facts.staffRecipient?.name ?? null,
      }
    : referrerRecipient(facts.contact);
  return {
    id,
    tenant: facts.contact.tenant,
    kind,
    contactId: facts.contact.id,
    episodeId: facts.episodeId,
    recipient,
    content: contentFor(kind, facts),
    status: 'pending',
    idempotencyKey: `front-door-message-${id}`,
    createdAt: now,
    deliveredAt: null,
    queuedAt: null,
    failedAt: null,
    attempts: 0,
    lastError: null,
    providerReference: null,
  };
}
