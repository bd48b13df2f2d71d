import type { Actor } from '@frontdoor/auth';
import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { ApplyEvent, type ChildInput, CreateContact, FireDeadline, RecordAcknowledgement } from '@frontdoor/engine';
import type { Database } from '@frontdoor/persistence';

export interface ContactFacts {
  /** When it is entered (the clock); also when it was received, unless `receivedAt` backdates it. */
  at: string;
  receivedAt?: string;
  sourceCode: string;
  children: ChildInput[];
}

/**
 * Builds a small, exactly known history for one tenant through the real engine: every contact,
 * step, delivery receipt and timer goes through the same use cases as in production, with the
 * clock set to the moment each happens. For integration specs only.
 */
export class FrontDoorHistory {
  readonly clock = new SettableClock(new Date('2026-01-01T09:00:00Z'));
  readonly actor: Actor;
  private readonly apply: ApplyEvent;

  constructor(
    private readonly db: Database,
    readonly tenant: string,
  ) {
    this.actor = { sub: 'mgr', name: 'Pat Manager', roles: ['practitioner', 'manager'], tenant, agency: null, email: null, sourceCode: null };
    this.apply = new ApplyEvent(db, this.clock);
  }

  /** A contact; returns its id and one episode id per child, in order. */
  async contact(facts: ContactFacts): Promise<{ contactId: string; episodeIds: string[] }> {
    this.clock.set(facts.at);
    const { contact } = await new CreateContact(this.db, this.clock, new AuthoritySettingsRegistry()).execute({
      actor: this.actor,
      input: {
        channel: 'phone',
        receivedAt: facts.receivedAt,
        referrer: { name: 'Referrer', sourceCode: facts.sourceCode, email: 'referrer@example.org', feedbackChannel: 'email' },
        children: facts.children,
        concern: { summary: 'A worry about the child', categories: ['neglect'], immediateRisk: false },
        consent: { obtained: true },
      },
    });
    return { contactId: contact.id, episodeIds: contact.episodes.map((e) => e.id) };
  }

  /** One step, applied at `at` (the clock is set there; event times default to it too). */
  async step(episodeId: string, at: string, body: Record<string, unknown>): Promise<void> {
    this.clock.set(at);
    await this.apply.execute({ actor: this.actor, episodeId, body });
  }

  /** Screen as a concern, rate, propose and approve a decision. */
  async decide(episodeId: string, times: { screened: string; decided: string }, outcome: string, rag = 'amber'): Promise<void> {
    await this.step(episodeId, times.screened, { type: 'SCREEN', outcome: 'concern' });
    await this.step(episodeId, times.screened, { type: 'RATE', rag, rationale: 'as the contact describes' });
    await this.step(episodeId, times.decided, {
      type: 'PROPOSE_DECISION',
      primaryNeed: 'N1',
      outcome,
      thresholdLevel: outcome === 'nfa' ? 1 : outcome === 'family_help' ? 2 : outcome === 'assessment' ? 3 : 4,
      rationale: 'the reasons for the record',
      feedbackForReferrer: 'what we decided and why',
      ...(outcome === 'nfa' ? { signposting: 'the family centre' } : {}),
    });
    await this.step(episodeId, times.decided, { type: 'APPROVE_DECISION' });
  }

  async allocate(episodeId: string, at: string, team: string, workerId: string, workerName: string): Promise<void> {
    await this.step(episodeId, at, { type: 'ALLOCATE', team, workerId, workerName });
  }

  /** Strategy discussion that starts an s47, the s47 concluded for an ICPC, and an ICPC making a plan. */
  async protect(episodeId: string, times: { strategy: string; s47: string; icpc: string }): Promise<void> {
    await this.step(episodeId, times.strategy, {
      type: 'HOLD_STRATEGY_DISCUSSION',
      heldAt: times.strategy,
      agencies: ['police', 'health'],
      outcome: 's47',
    });
    await this.step(episodeId, times.s47, { type: 'COMPLETE_S47', completedAt: times.s47, outcome: 'icpc' });
    await this.step(episodeId, times.icpc, {
      type: 'HOLD_ICPC',
      heldAt: times.icpc,
      outcome: 'cp_plan',
      category: 'NEG',
      familyGroupConferenceOffered: true,
    });
  }

  /** The acknowledgement reached the referrer (as the delivery worker records it). */
  async acknowledged(contactId: string, at: string): Promise<void> {
    this.clock.set(at);
    await new RecordAcknowledgement(this.db, this.clock, this.apply).execute(this.tenant, contactId, new Date(at));
  }

  /** The decision message to the referrer was delivered, or failed for good. */
  async decisionMessage(episodeId: string, at: string, outcome: 'delivered' | 'failed'): Promise<void> {
    const [message] = (await this.db.read.outbox.forEpisode(this.tenant, episodeId)).filter((m) => m.kind === 'decision');
    if (!message) throw new Error(`no decision message for episode ${episodeId}`);
    await this.db.transaction(async (stores) => {
      if (outcome === 'delivered') await stores.messageDelivery.markDelivered(message.id, new Date(at), null);
      else await stores.messageDelivery.markFailed(message.id, new Date(at), 'mailbox does not exist');
    });
  }

  /** A deadline's timer fires at `at` (records the breach as the worker would). */
  async timerFires(episodeId: string, kind: string, at: string): Promise<void> {
    this.clock.set(at);
    const deadline = (await this.db.read.deadlines.forEpisode(this.tenant, episodeId)).find((d) => d.kind === kind && d.status === 'open');
    if (!deadline) throw new Error(`no open ${kind} deadline for episode ${episodeId}`);
    await new FireDeadline(this.db, this.clock).execute(deadline.id);
  }
}
