export * from './indicators-report';
export * from './indicators.types';
export * from './indicator-definitions';
export { REVIEW_STEPS } from './open-without-review.section';
export * from './ratio';
