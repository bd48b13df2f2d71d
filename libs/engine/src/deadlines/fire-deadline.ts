import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { composeMessage } from '../messages/compose-message';

export type FireOutcome = 'breached' | 'not_due' | 'already_settled';

/**
 * A deadline's timer went off (or the sweep found it due): re-check PostgreSQL, and if the
 * step is still not done, record the breach at the due time — not when we noticed — and tell
 * the team's manager, in one transaction. Firing twice is harmless.
 */
export class FireDeadline {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async execute(deadlineId: string): Promise<FireOutcome> {
    const now = this.clock.now();
    return this.db.transaction(async (stores) => {
      // Locks in the order every step takes them, episode then deadline, so a step on the same
      // episode (an acknowledgement being recorded, say) waits rather than deadlocks.
      const unlocked = await stores.deadlineTimers.findDeadline(deadlineId);
      if (!unlocked || unlocked.status !== 'open') return 'already_settled';
      const episode = await stores.episodes.lockById(unlocked.tenant, unlocked.episodeId);
      const deadline = await stores.deadlineTimers.lockDeadline(deadlineId);
      if (!deadline || deadline.status !== 'open') return 'already_settled';
      if (deadline.dueAt > now) return 'not_due';
      await stores.deadlineTimers.markBreached(deadline.id);

      const contact = episode ? await stores.contacts.findById(deadline.tenant, episode.contactId) : null;
      if (episode && contact) {
        await stores.outbox.add([
          composeMessage(
            'deadline_breached',
            {
              contact,
              episodeId: episode.id,
              context: null,
              staffRecipient: { audience: 'manager', address: episode.team ?? 'front-door', name: null },
              extra: { kind: deadline.kind, key: deadline.key, dueAt: deadline.dueAt.toISOString(), team: episode.team },
            },
            now,
          ),
        ]);
        await stores.episodes.refreshNextDue(deadline.tenant, episode.id);
      }
      return 'breached';
    });
  }
}
