export * from './caseload.types';
export { summariseCaseload } from './caseload.section';
export * from './workload-report';
