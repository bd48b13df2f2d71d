// The layering of ARCHITECTURE.md §1, checked on every `npm test` (`npm run lint:deps`):
//   apps → engine, notifications, reporting, auth, queues → pathway, persistence, config
// libs/pathway imports nothing of the project and no framework; nothing imports an app but the
// composition root (apps/front-door), and that only through an app's src/index.ts; no cycles.
// Tests (specs, int-specs, `testing/` fixtures, test/, bench/) may drive any lib, and an app
// only through its index, like the composition root.

const TEST_CODE = '(\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/)';

/** What each lib's own (non-test) code may import of the project's other libs. */
const LIB_MAY_IMPORT = {
  pathway: [],
  config: ['pathway'],
  persistence: ['config', 'pathway'],
  auth: ['config', 'pathway'],
  notifications: ['config', 'pathway', 'persistence'],
  queues: ['config', 'persistence'],
  engine: ['auth', 'config', 'notifications', 'pathway', 'persistence'],
  reporting: ['auth', 'config', 'pathway', 'persistence'],
};

const layering = Object.entries(LIB_MAY_IMPORT).map(([lib, allowed]) => ({
  name: `layering-${lib}`,
  comment: `libs/${lib} may import only ${allowed.length ? allowed.map((l) => `libs/${l}`).join(', ') : 'no other lib'} (ARCHITECTURE §1)`,
  severity: 'error',
  from: { path: `^libs/${lib}/`, pathNot: TEST_CODE },
  to: { path: `^libs/(?!(${[lib, ...allowed].join('|')})/)` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: cut it where the dependency points the wrong way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layering,
    {
      name: 'pathway-is-pure',
      comment: 'libs/pathway is pure TypeScript: the statechart (xstate) and the calendar (date-holidays), no framework, no I/O.',
      severity: 'error',
      from: { path: '^libs/pathway/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'], pathNot: '(^|/)node_modules/(xstate|date-holidays)/' },
    },
    {
      name: 'libs-import-no-app',
      comment: 'A lib never depends on an app: apps stand on libs, not the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-import-no-other-app',
      comment: 'An app imports no other app; only the composition root (apps/front-door) composes them.',
      severity: 'error',
      from: { path: '^apps/(?!front-door/)([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'an-app-only-through-its-index',
      comment: "Whoever may use an app (the composition root, tests, benchmarks) goes through its src/index.ts, never its internals.",
      severity: 'error',
      from: { path: '^(apps/front-door|test|bench)/' },
      to: { path: '^apps/(?!front-door/)[^/]+/src/', pathNot: '^apps/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'production-code-imports-no-tests',
      comment: 'Fixtures and test support are for tests; production code must not need them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: { path: `(${TEST_CODE}|^test/)` },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing (a typo, or a package missing from package.json).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
