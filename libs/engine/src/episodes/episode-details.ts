import { PUBLIC_EVENT_TYPES, viewEpisode } from '@frontdoor/pathway';
import type { DeadlineEntity, EpisodeEntity } from '@frontdoor/persistence';

export interface DeadlineDetails {
  kind: string;
  key: string;
  startedAt: string;
  dueAt: string;
  status: string;
  metAt: string | null;
  breachedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
}

/** An episode as docs/api.md shows it. */
export interface EpisodeDetails {
  id: string;
  contactId: string;
  childId: string;
  householdId: string;
  stage: string;
  state: unknown;
  version: number;
  rag: string | null;
  team: string | null;
  workerId: string | null;
  workerName: string | null;
  outcome: string | null;
  open: boolean;
  referralAt: string;
  reReferral: boolean;
  openCaseEpisodeId: string | null;
  nextDueAt: string | null;
  overdue: boolean;
  deadlines: DeadlineDetails[];
  allowedEvents: string[];
  machine: { id: string; version: number };
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function deadlineDetails(deadline: DeadlineEntity, now: Date): DeadlineDetails {
  // An open deadline whose due time has passed is breached even before the timer records it.
  const lapsed = deadline.status === 'open' && deadline.dueAt < now;
  return {
    kind: deadline.kind,
    key: deadline.key,
    startedAt: deadline.startedAt.toISOString(),
    dueAt: deadline.dueAt.toISOString(),
    status: lapsed ? 'breached' : deadline.status,
    metAt: iso(deadline.metAt),
    breachedAt: lapsed ? deadline.dueAt.toISOString() : iso(deadline.breachedAt),
    completedAt: iso(deadline.completedAt),
    cancelledAt: iso(deadline.cancelledAt),
  };
}

export function episodeDetails(episode: EpisodeEntity, deadlines: DeadlineEntity[], now: Date): EpisodeDetails {
  const view = viewEpisode(episode.machineVersion, episode.snapshot);
  const publicEvents = new Set<string>(PUBLIC_EVENT_TYPES);
  return {
    id: episode.id,
    contactId: episode.contactId,
    childId: episode.childId,
    householdId: episode.householdId,
    stage: episode.stage,
    state: episode.state,
    version: episode.version,
    rag: episode.rag,
    team: episode.team,
    workerId: episode.workerId,
    workerName: episode.workerName,
    outcome: episode.outcome,
    open: episode.isOpen,
    referralAt: episode.referralAt.toISOString(),
    reReferral: episode.reReferral,
    openCaseEpisodeId: episode.openCaseEpisodeId,
    nextDueAt: iso(episode.nextDueAt),
    overdue: episode.nextDueAt !== null && episode.nextDueAt < now,
    deadlines: deadlines.map((deadline) => deadlineDetails(deadline, now)),
    allowedEvents: view.allowedEvents.filter((type) => publicEvents.has(type)),
    machine: { id: episode.machineId, version: episode.machineVersion },
  };
}
