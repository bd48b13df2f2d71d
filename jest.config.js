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
  // A test that fails half-way may leave a server it started behind; the run must end with its
  // verdict, never hang until CI's limit. (Passing runs close everything: see the suites' afterAll.)
  forceExit: true,
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
