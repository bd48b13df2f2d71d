import type { Ratio } from '../indicators/ratio';

export interface WorkerCaseload {
  workerId: string;
  workerName: string | null;
  team: string | null;
  openEpisodes: number;
}

/** Open episodes per worker at one instant (DOMAIN §6: caseload per worker). */
export interface Caseload {
  /** Heaviest first. */
  perWorker: WorkerCaseload[];
  /** Allocated open episodes / workers holding at least one: the mean caseload. */
  averagePerWorker: Ratio;
  /** Open episodes with no allocated worker (mostly children still at the front door). */
  unallocated: number;
}
