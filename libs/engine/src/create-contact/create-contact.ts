import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, Clock } from '@frontdoor/config';
import { CURRENT_PATHWAY_VERSION, PATHWAY_MACHINE_ID, startEpisode } from '@frontdoor/pathway';
import { ContactEntity, Database, EpisodeEntity, OutboxMessageEntity, Stores } from '@frontdoor/persistence';
import { QueryFailedError } from 'typeorm';
import { episodeColumns, historyEntry, StepRecord, startedDeadlines, stepMessages } from '../apply-event/record-step';
import { matchOrRecordChild } from '../children/match-child';
import { FrontDoorError } from '../errors/front-door-error';
import { composeMessage } from '../messages/compose-message';
import type { ContactInput, CreatedContact } from './contact-input';
import { contactReceiptFor, ReferrerReceipt } from './contact-receipt';
import { contactProblems } from './contact-rules';
import { isReferrerThemself, referrerOfContact } from './referrer-of-contact';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error as { code?: string; constraint?: string } | null;
  return error instanceof QueryFailedError && driverError?.code === '23505' && driverError.constraint === constraint;
}

export interface CreateContactCommand {
  actor: Actor;
  input: ContactInput;
  /** `Idempotency-Key`: a retry with the same key and body returns the first contact. */
  idempotencyKey?: string;
}

export interface CreateContactResult {
  contact: CreatedContact;
  /** What the one who made the contact is told: for a referrer, nothing that matching found. */
  answer: CreatedContact | ReferrerReceipt;
  /** True when this answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * A worry arrives: the contact, each named child (matched to earlier records), an episode per
 * child sharing one household, their first history entries and deadlines, and one
 * acknowledgement to the referrer — all in one transaction (ARCHITECTURE §3).
 */
export class CreateContact {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: AuthoritySettingsRegistry,
  ) {}

  async execute({ actor, input, idempotencyKey }: CreateContactCommand): Promise<CreateContactResult> {
    const problems = contactProblems(actor, input, this.clock.now());
    if (problems.length > 0) throw FrontDoorError.invalid(problems);
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.db.read.idempotency.find(actor.tenant, actor.sub, idempotencyKey);
      if (earlier) return this.replay(actor, earlier.requestHash, requestHash, earlier.response);
    }
    try {
      // The reference is taken in its own short statement, not inside the contact's transaction:
      // holding the tenant's counter row until commit would let only one contact in at a time.
      // A contact that then fails leaves a gap in the series, which is harmless.
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : this.clock.now();
      const reference = await this.db.read.contacts.nextReference(actor.tenant, receivedAt.getUTCFullYear());
      const record = () =>
        this.db.transaction(async (stores) => {
          const created = await this.record(stores, actor, input, receivedAt, reference);
          if (idempotencyKey) {
            await stores.idempotency.insert({
              tenant: actor.tenant,
              actorSub: actor.sub,
              key: idempotencyKey,
              requestHash,
              statusCode: 201,
              response: created,
            });
          }
          return created;
        });
      let contact: CreatedContact;
      try {
        contact = await record();
      } catch (error) {
        // Two contacts about one new child, at the same moment: the other recorded the child
        // first. Once more, and this time the child is matched.
        if (!isUniqueViolation(error, 'children_nhs_number')) throw error;
        contact = await record();
      }
      return { contact, answer: contactReceiptFor(actor, contact), replayed: false };
    } catch (error) {
      // Two requests with one key raced: the loser's transaction rolled back; answer as the winner did.
      if (idempotencyKey && isUniqueViolation(error, 'idempotency_records_pkey')) {
        const earlier = await this.db.read.idempotency.find(actor.tenant, actor.sub, idempotencyKey);
        if (earlier) return this.replay(actor, earlier.requestHash, requestHash, earlier.response);
      }
      throw error;
    }
  }

  private replay(actor: Actor, storedHash: string, requestHash: string, response: unknown): CreateContactResult {
    if (storedHash !== requestHash) {
      throw new FrontDoorError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different contact; use a new key for a new contact.',
      );
    }
    const contact = response as CreatedContact;
    return { contact, answer: contactReceiptFor(actor, contact), replayed: true };
  }

  private async record(stores: Stores, actor: Actor, input: ContactInput, receivedAt: Date, reference: string): Promise<CreatedContact> {
    const now = this.clock.now();
    const settings = this.settings.for(actor.tenant);
    const householdId = randomUUID();
    const episodeIds = input.children.map(() => randomUUID());

    const contact: ContactEntity = {
      id: randomUUID(),
      tenant: actor.tenant,
      reference,
      channel: input.channel,
      receivedAt,
      referrer: referrerOfContact(actor, input.referrer),
      referrerSub: isReferrerThemself(actor) ? actor.sub : null,
      createdBy: actor.sub,
      concern: {
        summary: input.concern.summary,
        categories: input.concern.categories,
        immediateRisk: input.concern.immediateRisk,
      },
      consent: { obtained: input.consent.obtained, reasonIfNot: input.consent.reasonIfNot ?? null },
      householdId,
      childrenAsNamed: input.children.map((child, i) => ({
        episodeId: episodeIds[i],
        givenName: child.givenName,
        familyName: child.familyName,
        dateOfBirth: child.dateOfBirth ?? null,
        expectedDateOfBirth: child.expectedDateOfBirth ?? null,
      })),
      createdAt: now,
    };
    await stores.contacts.insert(contact);

    const episodes: CreatedContact['episodes'] = [];
    const messages: OutboxMessageEntity[] = [];
    for (const [i, childInput] of input.children.entries()) {
      const matched = await matchOrRecordChild(stores, actor.tenant, childInput, receivedAt);
      const start = startEpisode({
        receivedAt: receivedAt.toISOString(),
        immediateRisk: input.concern.immediateRisk,
        wantsInvolvement: contact.referrer.wantsInvolvement,
        settings: settings.pathway,
      });
      const episode: EpisodeEntity = {
        id: episodeIds[i],
        tenant: actor.tenant,
        contactId: contact.id,
        childId: matched.child.id,
        householdId,
        machineId: PATHWAY_MACHINE_ID,
        machineVersion: CURRENT_PATHWAY_VERSION,
        snapshot: start.snapshot,
        version: 1,
        ...episodeColumns(start),
        referralAt: receivedAt,
        reReferral: matched.reReferral,
        openCaseEpisodeId: matched.openCaseEpisode?.id ?? null,
        nextDueAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const first: StepRecord = {
        stores,
        actor,
        episode,
        contact,
        event: { type: 'CONTACT_RECEIVED', at: receivedAt.toISOString() } as never,
        historyPayload: {
          channel: input.channel,
          matchedBy: matched.matchedBy,
          reReferral: matched.reReferral,
          openCaseEpisodeId: episode.openCaseEpisodeId,
        },
        fromView: null,
        toView: start,
        effects: start.effects,
        now,
      };
      if (start.effects.some((effect) => effect.type === 'meetDeadline' || effect.type === 'cancelDeadline')) {
        throw new Error('a new episode only starts deadlines; its first step must not meet or cancel one');
      }
      await stores.episodes.insertStarted(episode, historyEntry(first), startedDeadlines(start.effects));
      messages.push(...stepMessages(first));
      episodes.push({
        id: episode.id,
        childId: matched.child.id,
        stage: start.stage,
        version: 1,
        reReferral: matched.reReferral,
        openCaseEpisodeId: episode.openCaseEpisodeId,
      });
    }

    // One acknowledgement per contact, however many children it names.
    messages.push(composeMessage('acknowledgement', { contact, episodeId: null, context: null }, now));
    await stores.outbox.add(messages);

    return { id: contact.id, reference, receivedAt: receivedAt.toISOString(), householdId, episodes };
  }
}
