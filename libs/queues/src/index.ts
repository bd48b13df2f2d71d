export * from './front-door-queues';
export * from './queues.module';
