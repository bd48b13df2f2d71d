// One Jest run covers unit specs beside the code (`*.spec.ts`), integration specs against the
// real PostgreSQL and Redis (`*.int-spec.ts`) and end-to-end specs in test/ (`*.e2e-spec.ts`).
// SWC compiles TypeScript (with decorator metadata, for Nest and TypeORM); `npm test` type-checks
// with tsc first, so nothing is lost by not type-checking here.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@frontdoor/(pathway|engine|persistence|notifications|reporting|auth|config|queues)$': '<rootDir>/libs/$1/src',
};

// jose 6 ships only ES modules; let SWC turn it into CommonJS for Jest (Node itself loads it as is).
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(ts|js)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // End-to-end tests cross real servers and queues; none should come near this.
  testTimeout: 60000,
  // No forceExit: every suite closes what it opens (servers, pools, queues, child processes), so
  // Jest ends by itself; a leak shows as Jest not exiting, not as a hidden hang in the next run.
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
