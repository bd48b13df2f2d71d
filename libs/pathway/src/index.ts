/**
 * The pathway of a child through the front door: its events, effects, stages and context (the
 * contract with the engine), the working-day calendar, the statechart's pure API, its published
 * description, and validation of the events people send. Pure TypeScript: no framework, no I/O.
 */
export * from './events';
export * from './effects';
export * from './stages';
export * from './queue-order';
export * from './context';
export * from './calendar';
export * from './machine/run-pathway';
export * from './machine/describe-pathway';
export * from './machine/statutory-timescales';
export * from './validation/validate-event';
export * from './event-definitions';
export { closureReasonRefusal } from './validation/closure-reason';
export * from './validation/cin-codes';
export { stepTimeOf } from './machine/pathway-context';
