import { ageInYears, londonDay } from '@frontdoor/pathway';
import type { ChildEntity, ContactEntity } from '@frontdoor/persistence';
import type { DeadlineDetails, EpisodeDetails } from './episode-details';

/** An episode as a front-door worker scans the queue for it: who, how old, what the worry is, how urgent. */
export interface QueueItem extends EpisodeDetails {
  child: { name: string; ageYears: number | null; unborn: boolean };
  concern: { firstLine: string; immediateRisk: boolean };
  referrer: { organisation: string | null };
  /** The soonest step still outstanding (open, or breached and not done), if any. */
  nextDeadline: Pick<DeadlineDetails, 'kind' | 'key' | 'dueAt' | 'status'> | null;
}

const OUTSTANDING = new Set(['open', 'breached']);

export function queueItem(details: EpisodeDetails, child: ChildEntity | undefined, contact: ContactEntity | undefined, now: Date): QueueItem {
  const next = details.deadlines
    .filter((deadline) => OUTSTANDING.has(deadline.status) && deadline.completedAt === null && deadline.cancelledAt === null)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return {
    ...details,
    child: {
      name: child ? `${child.givenName} ${child.familyName}` : 'Unknown child',
      ageYears: child?.dateOfBirth ? ageInYears(child.dateOfBirth, londonDay(now)) : null,
      unborn: !child?.dateOfBirth && !!child?.expectedDateOfBirth,
    },
    concern: { firstLine: firstLineOf(contact?.concern.summary ?? ''), immediateRisk: contact?.concern.immediateRisk ?? false },
    referrer: { organisation: contact?.referrer.organisation ?? null },
    nextDeadline: next ? { kind: next.kind, key: next.key, dueAt: next.dueAt, status: next.status } : null,
  };
}

/** The first line of the concern, as much of it as a queue row shows. */
function firstLineOf(summary: string): string {
  const line = summary.split(/\r?\n/, 1)[0].trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}
