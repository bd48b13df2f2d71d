import type { SyntheticChild } from './synthetic-people';

/** What the simulator remembers of one child's episode between the steps it schedules. */
export interface SimulatedEpisode {
  id: string;
  contactId: string;
  receivedAt: number;
  child: SyntheticChild;
  /** When the strategy discussion that started the s47 was held. */
  strategyHeldAt?: number;
  icpcAt?: number;
  reviews?: number;
  lastAt: number;
}
