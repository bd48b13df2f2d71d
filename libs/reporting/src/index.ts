export * from './reporting-period';
export * from './indicators';
export * from './exceptions';
export * from './workload';
export * from './cin-census';
export * from './annex-a';
export * from './access-log';
export * from './reporting.module';
