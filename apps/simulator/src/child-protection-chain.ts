import type { Actor } from '@frontdoor/auth';
import type { Clock } from '@frontdoor/config';
import { addWorkingDays, dueAt, FIRST_CORE_GROUP, FIRST_REVIEW, INITIAL_CONFERENCE, isWorkingDay, LATER_REVIEW, londonDay } from '@frontdoor/pathway';
import type { EpisodeEntity } from '@frontdoor/persistence';
import type { Prng } from './prng';
import type { SimulatedEpisode } from './simulated-episode';
import type { SimulationSummary } from './simulation-shape';
import { DAY, HOUR } from './timeline';

/** What the child protection chain takes from the simulator that drives it. */
export interface ChildProtectionContext {
  readonly random: Prng;
  readonly clock: Clock;
  readonly summary: SimulationSummary;
  readonly practitioner: Actor;
  readonly manager: Actor;
  /** Schedules a step `delayMs` after now on the simulated timeline. */
  later(delayMs: number, run: () => Promise<void>): void;
  /** Schedules a step at a simulated time (never before the next minute). */
  at(time: number, run: () => Promise<void>): void;
  /** Applies an event through the engine; null if it was refused. */
  send(actor: Actor, episodeId: string, body: Record<string, unknown>): Promise<EpisodeEntity | null>;
  /** Schedules what happens next, from the stage the engine says the episode is at. */
  follow(episode: SimulatedEpisode, current: EpisodeEntity, showcase?: string): void;
}

/**
 * Strategy discussion → section 47 enquiry → initial child protection conference → core group
 * → review conferences, each step scheduled on the simulated timeline with its own lateness.
 */
export class ChildProtectionChain {
  constructor(private readonly context: ChildProtectionContext) {}

  holdStrategyDiscussionLater(episode: SimulatedEpisode, showcase?: string): void {
    const { random: r, clock, summary } = this.context;
    const delay = !showcase && r.chance(0.08) ? r.between(50, 100) * HOUR : r.between(2, 20) * HOUR;
    this.context.later(delay, async () => {
      const heldAt = clock.now().toISOString();
      const s47 = showcase === 'cp_plan' || r.chance(0.7);
      const held = await this.context.send(this.context.practitioner, episode.id, {
        type: 'HOLD_STRATEGY_DISCUSSION',
        heldAt,
        agencies: ['police', 'health', ...(r.chance(0.7) ? ['education'] : [])],
        outcome: s47 ? 's47' : 'no_s47',
        ...(s47 ? {} : { nextStep: r.weighted({ assessment: 50, family_help: 30, nfa: 20 }) }),
      });
      if (!held) return;
      summary.strategyDiscussions += 1;
      if (delay > 30 * HOUR && addWorkingDays(new Date(episode.lastAt), 1).getTime() < new Date(heldAt).getTime()) summary.breaches.strategyDiscussion += 1;
      if (s47) {
        summary.s47Enquiries += 1;
        episode.strategyHeldAt = new Date(heldAt).getTime();
      }
      episode.lastAt = new Date(heldAt).getTime();
      this.context.follow(episode, held, showcase);
    });
  }

  completeS47Later(episode: SimulatedEpisode, showcase?: string): void {
    const { random: r, clock } = this.context;
    this.context.later((showcase ? r.between(3, 6) : r.between(4, 14)) * DAY, async () => {
      const icpc = showcase === 'cp_plan' || r.chance(0.4);
      const done = await this.context.send(this.context.practitioner, episode.id, {
        type: 'COMPLETE_S47',
        completedAt: clock.now().toISOString(),
        outcome: icpc ? 'icpc' : 'no_icpc',
        ...(icpc ? {} : { nextStep: r.weighted({ assessment: 30, family_help: 40, nfa: 30 }) }),
      });
      if (done) this.context.follow(episode, done, showcase === 'cp_plan' ? 'cp_plan' : undefined);
    });
  }

  /** ICPC within 15 working days of the strategy discussion; some late. */
  holdIcpcLater(episode: SimulatedEpisode, showcase?: string): void {
    const { random: r, clock, summary } = this.context;
    const from = new Date(episode.strategyHeldAt ?? episode.lastAt);
    const late = !showcase && r.chance(0.15);
    const target = addWorkingDays(from, showcase ? r.int(5, 8) : late ? r.int(16, 25) : r.int(9, 15)).getTime() - r.between(6, 14) * HOUR;
    const hold = async (): Promise<void> => {
      // Conferences are held on working days (and the DfE rejects one dated at a weekend, rule 8875).
      if (!isWorkingDay(londonDay(clock.now()))) return this.context.at(addWorkingDays(clock.now(), 0).getTime() - 14 * HOUR, hold);
      const plan = showcase === 'cp_plan' || r.chance(0.8);
      const heldAt = clock.now().toISOString();
      const held = await this.context.send(this.context.manager, episode.id, {
        type: 'HOLD_ICPC',
        heldAt,
        outcome: plan ? 'cp_plan' : 'no_plan',
        familyGroupConferenceOffered: r.chance(0.6),
        ...(plan ? { category: r.weighted({ NEG: 50, EMO: 35, PHY: 8, SAB: 4, MUL: 3 }) } : { nextStep: r.weighted({ child_in_need: 70, family_help: 20, nfa: 10 }) }),
      });
      if (!held) return;
      summary.icpcs += 1;
      if (new Date(heldAt).getTime() > dueAt(from, INITIAL_CONFERENCE).getTime()) summary.breaches.icpc += 1;
      if (plan) {
        summary.cpPlansStarted += 1;
        episode.icpcAt = new Date(heldAt).getTime();
        episode.reviews = 0;
        this.holdCoreGroupLater(episode);
      }
      this.context.follow(episode, held);
    };
    this.context.at(target, hold);
  }

  /** Review conferences: the first within 3 months of the ICPC, later ones within 6 months. */
  holdReviewConferenceLater(episode: SimulatedEpisode): void {
    const { random: r, clock, summary } = this.context;
    const first = episode.reviews === 0;
    const from = new Date(episode.lastAt);
    const due = dueAt(first ? new Date(episode.icpcAt!) : from, first ? FIRST_REVIEW : LATER_REVIEW).getTime();
    const target = r.chance(0.1) ? due + r.between(3, 20) * DAY : due - r.between(3, first ? 25 : 40) * DAY;
    this.context.at(target, async () => {
      const ending = r.chance(first ? 0.25 : 0.55);
      const heldAt = clock.now().toISOString();
      const held = await this.context.send(this.context.manager, episode.id, { type: 'HOLD_REVIEW_CONFERENCE', heldAt, outcome: ending ? 'end' : 'continue' });
      if (!held) return;
      if (new Date(heldAt).getTime() > due) summary.breaches.reviewConference += 1;
      episode.reviews = (episode.reviews ?? 0) + 1;
      episode.lastAt = new Date(heldAt).getTime();
      if (ending) summary.cpPlansEnded += 1;
      this.context.follow(episode, held);
    });
  }

  private holdCoreGroupLater(episode: SimulatedEpisode): void {
    const { random: r, clock, summary } = this.context;
    const icpc = new Date(episode.icpcAt!);
    const target = addWorkingDays(icpc, r.chance(0.1) ? r.int(11, 15) : r.int(4, 10)).getTime() - r.between(6, 14) * HOUR;
    this.context.at(target, async () => {
      const held = await this.context.send(this.context.practitioner, episode.id, { type: 'HOLD_CORE_GROUP', heldAt: clock.now().toISOString() });
      if (held && clock.now().getTime() > dueAt(icpc, FIRST_CORE_GROUP).getTime()) summary.breaches.coreGroup += 1;
    });
  }
}
