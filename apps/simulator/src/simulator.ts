import type { Actor } from '@frontdoor/auth';
import { SettableClock } from '@frontdoor/config';
import type { ApplyEvent, ContactInput, CreateContact, DeliverMessage } from '@frontdoor/engine';
import type { ChannelRegistry } from '@frontdoor/notifications';
import type { Database } from '@frontdoor/persistence';
import { addCalendarMonths, addWorkingDays, type ClosureReason, closureReasonRefusal, isPastAssessmentDeadline, positionOf } from '@frontdoor/pathway';
import type { EpisodeEntity } from '@frontdoor/persistence';
import { ChildProtectionChain } from './child-protection-chain';
import { SimulatedPost } from './simulated-post';
import { Prng } from './prng';
import type { SimulatedEpisode } from './simulated-episode';
import { SyntheticChild, SyntheticPeople } from './synthetic-people';
import { DAY, HOUR, MINUTE, Timeline } from './timeline';
import { CONTACT_MIX, CONTACTS_PER_MONTH, type ContactKind, type SimulationOptions, type SimulationProgress, type SimulationSummary } from './simulation-shape';
import { TEAMS, REFERRERS, UPDATES, OTHER_AGENCY_ASKS, REDIRECTS, CONCERNS, SIGNPOSTS, DELAY_REASONS, RAG_RATIONALE, DECISION_RATIONALE, FEEDBACK } from './simulation-wording';

export type { SimulationOptions, SimulationProgress, SimulationSummary };

/** The real engine's use cases the simulator drives, and delivery through channels it is given. */
export interface SimulatedEngine {
  db: Database;
  createContact: CreateContact;
  applyEvent: ApplyEvent;
  deliverThrough: (channels: ChannelRegistry) => DeliverMessage;
}

/**
 * Drives the real engine (CreateContact, ApplyEvent) through a synthetic period shaped like the
 * seed evidence. Every step is a pending item on a timeline ordered by simulated time; the clock
 * is set to each step's time before it is applied, so episodes interleave as they would in a
 * real front door and every recorded time (heldAt, completedAt, …) is valid when sent.
 */
export class FrontDoorSimulator {
  private readonly random: Prng;
  private readonly people: SyntheticPeople;
  private readonly timeline = new Timeline();
  private readonly practitioner: Actor;
  private readonly manager: Actor;
  private readonly end: number;
  /** Children with an open episode and an allocated worker: who "open case" contacts are about. */
  private readonly openCases = new Map<string, SyntheticChild>();
  private openCaseKeys: string[] = [];
  /** Recent police domestic-abuse notifications, which later ones repeat. */
  private readonly recentPoliceNotifications: { contactId: string; children: SyntheticChild[]; at: number }[] = [];
  /** The first concerns of every run take the long road, so even a tiny run shows each stage. */
  private showcases: ('cp_plan' | 'assessment')[] = ['cp_plan', 'assessment'];
  private readonly summary: SimulationSummary;
  private readonly childProtection: ChildProtectionChain;
  private startedAt = 0;
  private lastProgress = 0;

  private readonly createContact: CreateContact;
  private readonly applyEvent: ApplyEvent;
  private readonly post: SimulatedPost;

  constructor(
    engine: SimulatedEngine,
    private readonly clock: SettableClock,
    private readonly options: SimulationOptions,
  ) {
    this.createContact = engine.createContact;
    this.applyEvent = engine.applyEvent;
    this.random = new Prng(options.seed);
    // The post draws on its own stream, so the rest of a seed's run is what it was without it.
    this.post = new SimulatedPost(engine.db, engine.deliverThrough, new Prng(options.seed ^ 0x2c1b3c6d), (time, run) => this.at(time, run));
    this.people = new SyntheticPeople(new Prng(options.seed ^ 0x5bd1e995));
    const base = { tenant: options.tenant, agency: null, email: null, sourceCode: null };
    this.practitioner = { ...base, sub: 'sim-practitioner', name: 'Simulated practitioner', roles: ['practitioner'] };
    this.manager = { ...base, sub: 'sim-manager', name: 'Simulated manager', roles: ['manager'] };
    this.end = addCalendarMonths(options.start, options.months).getTime();
    this.summary = {
      tenant: options.tenant,
      from: options.start.toISOString(),
      to: new Date(this.end).toISOString(),
      contacts: 0,
      episodes: 0,
      steps: 0,
      screening: { concern: 0, open_case: 0, redirect: 0, duplicate: 0 },
      decisions: { nfa: 0, family_help: 0, assessment: 0, strategy_discussion: 0 },
      referrals: 0,
      assessmentsCompleted: 0,
      assessmentOutcomes: {},
      strategyDiscussions: 0,
      s47Enquiries: 0,
      icpcs: 0,
      cpPlansStarted: 0,
      cpPlansEnded: 0,
      closures: 0,
      amendments: 0,
      stillOpenAtEnd: 0,
      breaches: { assessment: 0, strategyDiscussion: 0, icpc: 0, coreGroup: 0, reviewConference: 0 },
      rejectedSteps: 0,
      messages: { delivered: 0, failed: 0 },
      elapsedMs: 0,
      contactsPerSecond: 0,
      stepsPerSecond: 0,
    };
    this.childProtection = new ChildProtectionChain({
      random: this.random,
      clock,
      summary: this.summary,
      practitioner: this.practitioner,
      manager: this.manager,
      later: (delayMs, run) => this.later(delayMs, run),
      at: (time, run) => this.at(time, run),
      send: (actor, episodeId, body) => this.send(actor, episodeId, body),
      follow: (episode, current, showcase) => this.follow(episode, current, showcase),
    });
  }

  async run(): Promise<SimulationSummary> {
    this.startedAt = Date.now();
    this.scheduleArrivals();
    for (let next = this.timeline.pop(); next && next.at <= this.end; next = this.timeline.pop()) {
      this.clock.set(new Date(next.at));
      await next.run();
      this.progress(next.at);
    }
    // What is still on the timeline is work in progress at the end of the period.
    this.summary.stillOpenAtEnd = this.timeline.size;
    this.summary.messages = { ...this.post.counts };
    const elapsed = Date.now() - this.startedAt;
    this.summary.elapsedMs = elapsed;
    this.summary.contactsPerSecond = Math.round((this.summary.contacts / Math.max(elapsed, 1)) * 1000 * 10) / 10;
    this.summary.stepsPerSecond = Math.round((this.summary.steps / Math.max(elapsed, 1)) * 1000 * 10) / 10;
    return this.summary;
  }

  private progress(at: number): void {
    const now = Date.now();
    if (!this.options.onProgress || now - this.lastProgress < 2000) return;
    this.lastProgress = now;
    this.options.onProgress({ simulatedAt: new Date(at), contacts: this.summary.contacts, steps: this.summary.steps, elapsedMs: now - this.startedAt });
  }

  // ── Arrivals ────────────────────────────────────────────────────────────────────────────────

  /** Every contact of the period, at a time of day and week like a front door's. */
  private scheduleArrivals(): void {
    const start = this.options.start.getTime();
    const total = Math.round(CONTACTS_PER_MONTH * this.options.scale * this.options.months);
    const span = this.end - start;
    for (let i = 0; i < total; i++) {
      // The first is a police notification (and its repeat), so even a tiny run merges a duplicate.
      const kind = i === 0 ? 'police_duplicate' : this.random.weighted(CONTACT_MIX);
      let at = start + this.random.next() * span;
      // Police notifications arrive at any hour; the rest mostly in office hours on weekdays.
      if (kind !== 'police_duplicate' && this.random.chance(0.9)) at = this.officeHours(at);
      if (at >= this.end) at = this.end - this.random.int(1, 60) * MINUTE;
      this.timeline.schedule(at, () => this.arrive(kind));
    }
  }

  /** The same day's office hours (08:00–18:00 UTC, weekdays), or the next weekday's. */
  private officeHours(at: number): number {
    const d = new Date(at);
    let day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const hour = d.getUTCHours();
    if (hour >= 8 && hour < 18 && d.getUTCDay() % 6 !== 0) return at;
    if (hour >= 18) day += DAY;
    while (new Date(day).getUTCDay() % 6 === 0) day += DAY;
    return day + 8 * HOUR + this.random.next() * 10 * HOUR;
  }

  private async arrive(kind: ContactKind): Promise<void> {
    const now = this.clock.now();
    if (kind === 'open_case' && this.openCaseKeys.length > 0) {
      const child = this.pickOpenCase();
      const referrer = this.random.weighted({ school: 40, health: 30, police: 15, family: 15 });
      await this.contact([child], referrer, 'Update about a child already known: ' + this.random.pick(UPDATES), ['other'], (episodes, contactId) => {
        for (const episode of episodes) {
          const redirectedTo = this.random.pick(REDIRECTS);
          // Decided when screened: the case may have closed since the contact came in.
          this.later(this.screeningDelay(), () =>
            this.screenOut(
              episode.id,
              contactId,
              episode.openCaseEpisodeId && this.openCases.has(episode.childId) ? { outcome: 'open_case' } : { outcome: 'redirect', redirectedTo },
            ),
          );
        }
      });
      return;
    }
    if (kind === 'police_duplicate') {
      const earlier = this.recentPoliceNotifications.filter((n) => now.getTime() - n.at < 14 * DAY);
      if (earlier.length === 0) {
        // No notification to repeat yet: this one is the first of its incident, and its repeat follows.
        await this.newConcern(true);
        if (this.recentPoliceNotifications.length > 0) this.later(this.random.between(1, 36) * HOUR, () => this.arrive('police_duplicate'));
        return;
      }
      {
        const original = this.random.pick(earlier);
        await this.contact(original.children, 'police', 'Police notification: a further report of the same domestic incident.', ['domestic_abuse'], (episodes, contactId) => {
          for (const episode of episodes) {
            this.later(this.screeningDelay(), () =>
              this.screenOut(episode.id, contactId, { outcome: 'duplicate', duplicateOfContactId: original.contactId, note: 'Repeat notification of the same incident' }),
            );
          }
        });
        return;
      }
    }
    if (kind === 'concern') {
      await this.newConcern(this.random.chance(0.3));
      return;
    }
    // For another agency, or an "open case" contact about a child with no open case after all.
    const children = this.people.household(now).slice(0, 1);
    const referrer = this.random.weighted({ family: 35, health: 20, school: 20, housing: 15, anonymous: 10 });
    await this.contact(children, referrer, this.random.pick(OTHER_AGENCY_ASKS), ['other'], (episodes, contactId) => {
      for (const episode of episodes) {
        this.later(this.screeningDelay(), () => this.screenOut(episode.id, contactId, { outcome: 'redirect', redirectedTo: this.random.pick(REDIRECTS) }));
      }
    });
  }

  private pickOpenCase(): SyntheticChild {
    // Keys of closed cases are dropped lazily.
    for (;;) {
      const i = this.random.int(0, this.openCaseKeys.length - 1);
      const child = this.openCases.get(this.openCaseKeys[i]);
      if (child) return child;
      this.openCaseKeys[i] = this.openCaseKeys[this.openCaseKeys.length - 1];
      this.openCaseKeys.pop();
      if (this.openCaseKeys.length === 0) return this.people.child(this.clock.now());
    }
  }

  private async newConcern(police: boolean): Promise<void> {
    const now = this.clock.now();
    const children = this.people.household(now);
    const showcase = this.showcases.shift();
    const decision = showcase
      ? showcase === 'cp_plan'
        ? 'strategy_discussion'
        : 'assessment'
      : this.random.weighted({ nfa: 35, family_help: 25, assessment: 30, strategy_discussion: 10 });
    const immediateRisk = decision === 'strategy_discussion' && this.random.chance(0.4);
    const categories = police ? ['domestic_abuse'] : [this.random.weighted({ neglect: 40, emotional: 20, physical: 15, risk_outside_home: 8, sexual: 5, domestic_abuse: 10, exploitation: 2 })];
    const summary = police ? 'Police attended a domestic incident; children in the household.' : this.random.pick(CONCERNS);
    await this.contact(children, police ? 'police' : this.random.weighted({ school: 35, health: 30, family: 15, housing: 5, la: 10, anonymous: 5 }), summary, categories, (episodes, contactId, receivedAt) => {
      if (police) this.recentPoliceNotifications.push({ contactId, children, at: receivedAt });
      if (this.recentPoliceNotifications.length > 200) this.recentPoliceNotifications.splice(0, 100);
      episodes.forEach((episode, i) => {
        const state: SimulatedEpisode = { id: episode.id, contactId, receivedAt, child: children[i], lastAt: receivedAt };
        this.later(this.screeningDelay(), () => this.triage(state, decision, immediateRisk, showcase));
      });
    }, immediateRisk);
  }

  private async contact(
    children: SyntheticChild[],
    referrerKind: string,
    summary: string,
    categories: string[],
    then: (episodes: { id: string; childId: string; openCaseEpisodeId: string | null }[], contactId: string, receivedAt: number) => void,
    immediateRisk = false,
  ): Promise<void> {
    const referrer = REFERRERS[referrerKind] ?? REFERRERS.family;
    const input: ContactInput = {
      channel: referrerKind === 'police' ? 'police_notification' : this.random.weighted({ phone: 45, email: 30, portal: 20, letter: 2, in_person: 3 }),
      referrer: {
        name: referrerKind === 'anonymous' ? 'Anonymous caller' : this.people.personName(),
        role: referrer.role,
        organisation: referrer.organisation,
        sourceCode: referrer.sourceCode,
        email: 'referrer@example.org',
        wantsInvolvement: this.random.chance(0.3),
        feedbackChannel: 'email',
      },
      children,
      concern: { summary, categories, immediateRisk },
      consent: this.random.chance(0.9) ? { obtained: true } : { obtained: false, reasonIfNot: 'Seeking consent would place the child at risk' },
    };
    try {
      const { contact } = await this.createContact.execute({ actor: this.practitioner, input });
      await this.post.collect(this.options.tenant, contact.id);
      this.summary.contacts += 1;
      this.summary.episodes += contact.episodes.length;
      then(contact.episodes, contact.id, new Date(contact.receivedAt).getTime());
    } catch (error) {
      this.rejected('CREATE_CONTACT', error);
    }
  }

  // ── Steps ───────────────────────────────────────────────────────────────────────────────────

  private later(delayMs: number, run: () => Promise<void>): void {
    this.at(this.clock.now().getTime() + Math.max(delayMs, MINUTE), run);
  }

  private at(time: number, run: () => Promise<void>): void {
    this.timeline.schedule(Math.max(time, this.clock.now().getTime() + MINUTE), run);
  }

  private screeningDelay(): number {
    return this.random.chance(0.85) ? this.random.between(10, 240) * MINUTE : this.random.between(4, 20) * HOUR;
  }

  private async send(actor: Actor, episodeId: string, body: Record<string, unknown>): Promise<EpisodeEntity | null> {
    try {
      const episode = await this.applyEvent.execute({ actor, episodeId, body });
      await this.post.collect(this.options.tenant, episode.contactId);
      this.summary.steps += 1;
      return episode;
    } catch (error) {
      this.rejected(String(body.type), error);
      return null;
    }
  }

  private rejected(what: string, error: unknown): void {
    this.summary.rejectedSteps += 1;
    if (this.summary.rejectedSteps <= 10) {
      const details = (error as { details?: unknown }).details;
      process.stderr.write(`simulate: ${what} refused: ${(error as Error).message}${details ? ` ${JSON.stringify(details)}` : ''}\n`);
    }
  }

  private iso(): string {
    return this.clock.now().toISOString();
  }

  private async screenOut(episodeId: string, _contactId: string, body: Record<string, unknown>): Promise<void> {
    const outcome = body.outcome as 'open_case' | 'redirect' | 'duplicate';
    if (await this.send(this.practitioner, episodeId, { type: 'SCREEN', ...body })) this.summary.screening[outcome] += 1;
  }

  private async triage(episode: SimulatedEpisode, decision: keyof SimulationSummary['decisions'], immediateRisk: boolean, showcase?: string): Promise<void> {
    if (!(await this.send(this.practitioner, episode.id, { type: 'SCREEN', outcome: 'concern', note: 'New concern for MASH triage' }))) return;
    this.summary.screening.concern += 1;
    const rag = immediateRisk || decision === 'strategy_discussion' ? 'red' : this.random.weighted({ amber: 55, green: 45 });
    this.later(this.random.between(15, 120) * MINUTE, async () => {
      if (!(await this.send(this.practitioner, episode.id, { type: 'RATE', rag, rationale: RAG_RATIONALE[rag] }))) return;
      const thinking = rag === 'red' ? this.random.between(1, 3) * HOUR : this.random.between(2, 20) * HOUR;
      this.later(thinking, () => this.propose(episode, decision, showcase));
    });
  }

  private async propose(episode: SimulatedEpisode, decision: keyof SimulationSummary['decisions'], showcase?: string): Promise<void> {
    const thresholdLevel = { nfa: 1, family_help: 2, assessment: 3, strategy_discussion: 4 }[decision];
    const primaryNeed = decision === 'strategy_discussion' ? 'N1' : this.random.weighted({ N1: 45, N4: 15, N5: 15, N3: 8, N2: 4, N6: 5, N7: 3, N8: 3, N9: 2 });
    const proposed = await this.send(this.practitioner, episode.id, {
      type: 'PROPOSE_DECISION',
      outcome: decision,
      thresholdLevel,
      primaryNeed,
      rationale: DECISION_RATIONALE[decision],
      feedbackForReferrer: FEEDBACK[decision],
      ...(decision === 'nfa' ? { signposting: this.random.pick(SIGNPOSTS) } : {}),
    });
    if (!proposed) return;
    this.later(this.random.between(20, 180) * MINUTE, async () => {
      const approved = await this.send(this.manager, episode.id, { type: 'APPROVE_DECISION', note: 'Agreed' });
      if (!approved) return;
      this.summary.decisions[decision] += 1;
      this.summary.referrals += 1;
      episode.lastAt = this.clock.now().getTime();
      if (decision !== 'nfa' && !episode.child.disabilities) await this.recordDisabilities(episode);
      this.follow(episode, approved, showcase);
    });
  }

  /** What happens next for an episode, from the stage the engine says it is at. */
  private follow(episode: SimulatedEpisode, current: EpisodeEntity, showcase?: string): void {
    const key = current.childId;
    if (!current.isOpen) {
      this.openCases.delete(key);
      return;
    }
    if (current.workerId && !this.openCases.has(key)) {
      this.openCases.set(key, episode.child);
      this.openCaseKeys.push(key);
    }
    const state = JSON.stringify(current.state);
    const r = this.random;
    switch (current.stage) {
      case 'family_help':
        if (!current.workerId) return this.allocate(episode, r.between(2, 72) * HOUR, showcase);
        return this.later(r.between(30, 200) * DAY, () => this.close(episode, this.fitting(current, r.weighted({ RC7: 80, RC5: 5, RC3: 3, RC6: 2, RC9: 10 }))));
      case 'child_in_need':
        return this.later(r.between(60, 300) * DAY, () => this.close(episode, r.weighted({ RC7: 85, RC5: 6, RC3: 4, RC4: 2, RC6: 3 })));
      case 'assessment':
        if (state.includes('awaitingAllocation')) return this.allocate(episode, r.between(2, 72) * HOUR, showcase);
        if (state.includes('allocated')) {
          return this.later((showcase ? r.between(1, 3) : r.between(1, 8)) * DAY, async () => {
            const seen = await this.send(this.practitioner, episode.id, { type: 'RECORD_CHILD_SEEN', seenAt: this.iso(), seenAlone: r.chance(0.7) });
            if (seen) this.follow(episode, seen, showcase);
          });
        }
        return this.completeAssessmentLater(episode, showcase);
      case 'strategy_discussion':
        if (!current.workerId) return this.allocate(episode, r.between(0.5, 3) * HOUR, showcase);
        return this.childProtection.holdStrategyDiscussionLater(episode, showcase);
      case 's47_enquiry':
        return this.childProtection.completeS47Later(episode, showcase);
      case 'icpc':
        return this.childProtection.holdIcpcLater(episode, showcase);
      case 'cp_plan':
        return this.childProtection.holdReviewConferenceLater(episode);
      default:
        return;
    }
  }

  /**
   * The census needs the disabilities of every child whose referral leads to further action
   * (rule 8540): what the referrer could not say, a manager records once it is known.
   */
  private async recordDisabilities(episode: SimulatedEpisode): Promise<void> {
    const disabilities = this.people.disabilities();
    const amended = await this.send(this.manager, episode.id, {
      type: 'AMEND_RECORD',
      reason: 'Disabilities confirmed with the family after the decision',
      disabilities,
    });
    if (amended) {
      episode.child.disabilities = disabilities;
      this.summary.amendments += 1;
    }
  }

  private allocate(episode: SimulatedEpisode, delay: number, showcase?: string): void {
    this.later(delay, async () => {
      const team = this.random.pick(TEAMS);
      const worker = `sim-${team}-${this.random.int(1, 12)}`;
      const allocated = await this.send(this.manager, episode.id, { type: 'ALLOCATE', workerId: worker, team, workerName: `Worker ${worker.slice(4)}` });
      if (allocated) this.follow(episode, allocated, showcase);
    });
  }

  /** RC9 ("closed after assessment, referred to early help") only fits Family Help that followed an assessment alone. */
  private fitting(current: EpisodeEntity, reason: ClosureReason): ClosureReason {
    return closureReasonRefusal(reason, positionOf(current.machineVersion, current.snapshot).context) ? 'RC7' : reason;
  }

  private async close(episode: SimulatedEpisode, reason: string): Promise<void> {
    const closed = await this.send(this.manager, episode.id, { type: 'CLOSE', closedAt: this.iso(), reason });
    if (!closed) return;
    this.summary.closures += 1;
    this.follow(episode, closed);
  }

  /** Most assessments conclude well inside 45 working days; about one in eight runs late. */
  private completeAssessmentLater(episode: SimulatedEpisode, showcase?: string): void {
    const r = this.random;
    const workingDays = showcase ? r.int(6, 10) : r.chance(0.12) ? r.int(46, 75) : r.int(8, 44);
    const target = addWorkingDays(new Date(episode.receivedAt), workingDays).getTime() - r.between(6, 14) * HOUR;
    this.at(target, async () => {
      const completedAt = this.iso();
      const late = isPastAssessmentDeadline(new Date(episode.receivedAt).toISOString(), completedAt);
      const outcome = showcase ? 'cin_plan' : r.weighted({ nfa: 50, family_help: 25, cin_plan: 20, strategy_discussion: 5 });
      // The assessment establishes the child's disabilities, now and then not as the referrer gave them.
      const disabilities = r.chance(0.9) && episode.child.disabilities ? episode.child.disabilities : this.people.disabilities();
      const done = await this.send(this.practitioner, episode.id, {
        type: 'COMPLETE_ASSESSMENT',
        completedAt,
        outcome,
        factors: this.factors(outcome),
        primaryNeed: outcome === 'strategy_discussion' ? 'N1' : r.weighted({ N1: 40, N4: 20, N5: 15, N3: 10, N2: 5, N6: 5, N8: 5 }),
        feedbackForReferrer: 'The assessment is complete; this is what happens next.',
        disabilities,
        ...(late ? { reasonForDelay: r.pick(DELAY_REASONS) } : {}),
      });
      if (!done) return;
      episode.child.disabilities = disabilities;
      this.summary.assessmentsCompleted += 1;
      this.summary.assessmentOutcomes[outcome] = (this.summary.assessmentOutcomes[outcome] ?? 0) + 1;
      if (late) this.summary.breaches.assessment += 1;
      this.follow(episode, done);
    });
  }

  private factors(outcome: string): string[] {
    const r = this.random;
    if (outcome === 'nfa' && r.chance(0.5)) return ['21'];
    const pool = ['1B', '2B', '3B', '3A', '4B', '5B', '6B', '7A', '8B', '9A', '10A', '11A', '13A', '14A', '16A', '17A', '18B', '19B', '22A'];
    const count = r.int(1, 3);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(r.pick(pool));
    return [...chosen];
  }
}
