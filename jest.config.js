// Three suites: unit specs beside the API code, API journeys on real Postgres, and browser
// journeys against the built app. `npm test` runs them all (see package.json).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper: { '^@vigie/common$': '<rootDir>/libs/common/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/apps/api/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'api',
      roots: ['<rootDir>/tests/api'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      testTimeout: 30000,
    },
    {
      ...shared,
      displayName: 'browser',
      roots: ['<rootDir>/tests/browser'],
      testMatch: ['**/*.test.ts'],
      testTimeout: 120000,
    },
  ],
};
