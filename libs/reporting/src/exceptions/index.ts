export * from './exception-report';
export * from './exception-margin';
