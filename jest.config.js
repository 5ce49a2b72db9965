/** Unit specs sit beside the code (src/**\/*.spec.ts); e2e and integration suites live in test/. */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '(src/.*\\.spec|test/.*\\.(e2e-spec|int-spec|spec))\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: false }] },
  testEnvironment: 'node',
  // On PostgreSQL (TEST_DATABASE_URL), the schemas finished runs left behind are dropped.
  globalSetup: '<rootDir>/test/support/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres-global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
