import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { FireDeadline } from './fire-deadline';

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

  async execute(limit = 500): Promise<number> {
    const due = await this.db.read.delivery.dueDeadlineIds(this.clock.now(), limit);
    let breached = 0;
    for (const id of due) {
      if ((await this.fire.execute(id)) === 'breached') breached += 1;
    }
    return breached;
  }
}
