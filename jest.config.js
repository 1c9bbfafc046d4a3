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

// Some dependencies ship only as ES modules (file-type and the tokenizers under it); Jest runs
// CommonJS, so these are compiled like our own code. file-type exports only an "import" entry,
// which Jest's resolver does not follow, hence the explicit mapping.
const esmOnly = [
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'peek-readable',
  '@scure',
  '@tus',
  'srvx',
  '@lapo',
];

const shared = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  setupFiles: ['reflect-metadata'],
  moduleNameMapper: {
    '^@vigie/common$': '<rootDir>/libs/common/src/index.ts',
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
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
      setupFilesAfterEnv: ['<rootDir>/tests/support/timeout.ts'],
    },
    {
      ...shared,
      displayName: 'system',
      roots: ['<rootDir>/tests/system'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/browser/support/timeout.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      roots: ['<rootDir>/tests/browser'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/browser/support/timeout.ts'],
    },
  ],
};
