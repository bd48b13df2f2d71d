export * from './access-log-report';
export * from './record-child-level-read';
