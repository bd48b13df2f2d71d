import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { FireDeadline } from './fire-deadline';

export interface SweepOutcome {
  breached: number;
  /** Deadlines whose firing failed this time, with why. */
  failed: { deadlineId: string; reason: string }[];
}

/**
 * The backstop for timers (ARCHITECTURE §4): fires every open deadline already due, whether
 * its delayed job was lost (Redis flushed, worker down) or never set. A breach is recorded
 * even if nobody opens the case.
 */
export class SweepDueDeadlines {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly fire: FireDeadline,
  ) {}

  /**
   * One deadline that cannot be fired (its transaction failed) is reported and passed over, so
   * it never holds up the breaches of the deadlines due after it; the next sweep tries it again.
   */
  async execute(limit = 500): Promise<SweepOutcome> {
    const due = await this.db.read.deadlineTimers.dueDeadlineIds(this.clock.now(), limit);
    const outcome: SweepOutcome = { breached: 0, failed: [] };
    for (const deadlineId of due) {
      try {
        if ((await this.fire.execute(deadlineId)) === 'breached') outcome.breached += 1;
      } catch (error) {
        outcome.failed.push({ deadlineId, reason: (error as Error).message ?? String(error) });
      }
    }
    return outcome;
  }
}
