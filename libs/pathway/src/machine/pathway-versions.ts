import { type PathwayMachine, pathwayMachineV1 } from './pathway.machine';

export const PATHWAY_MACHINE_ID = 'pathway';
export const CURRENT_PATHWAY_VERSION = 1;

/**
 * Every version an episode may have been started on, by the version number it stores. A change
 * that would strand in-flight episodes is added as a new version; old ones stay here until no
 * open episode uses them. Internal: the engine sees only the pure API of run-pathway.ts.
 */
export const PATHWAY_MACHINES: Readonly<Record<number, PathwayMachine>> = { 1: pathwayMachineV1 };
