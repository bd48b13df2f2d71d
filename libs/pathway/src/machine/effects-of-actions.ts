import type { PathwayEffect } from '../effects';
import { PATHWAY_EFFECT_ACTIONS } from './pathway.setup';

const EFFECT_ACTION_TYPES: ReadonlySet<string> = new Set(PATHWAY_EFFECT_ACTIONS);

/**
 * The chart's named effect actions from a transition, as effects.ts describes them, in the order
 * the chart emitted them. Assigns and anything else XState reports are left out.
 */
export function effectsOf(actions: readonly { type: string; params?: unknown }[]): PathwayEffect[] {
  return actions
    .filter((action) => EFFECT_ACTION_TYPES.has(action.type))
    .map((action) => ({ type: action.type, ...(action.params as object) }) as PathwayEffect);
}
