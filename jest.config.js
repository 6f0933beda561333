// One Jest run for every project, so `npm test` prints one summary. Select one project with
// `npx jest --selectProjects api` (or web, web-e2e, domain, tools).
const { findChromium, MISSING_CHROMIUM } = require('./tools/test/chromium.cjs');

// Tests are transpiled file by file (isolatedModules in each tsconfig.spec.json); types are checked by the typecheck targets.
const tsJest = (tsconfig) => ['ts-jest', { tsconfig }];
const domainAlias = { '^@parvis/domain$': '<rootDir>/libs/shared/domain/src/index.ts' };

const projects = [
  {
    displayName: 'tools',
    testEnvironment: 'node',
    roots: ['<rootDir>/tools'],
    testMatch: ['**/*.spec.ts'],
    transform: { '^.+\\.ts$': tsJest('<rootDir>/tools/tsconfig.json') },
  },
  {
    displayName: 'domain',
    testEnvironment: 'node',
    roots: ['<rootDir>/libs/shared/domain/src'],
    testMatch: ['**/*.spec.ts'],
    transform: { '^.+\\.ts$': tsJest('<rootDir>/libs/shared/domain/tsconfig.spec.json') },
  },
  {
    displayName: 'api',
    testEnvironment: 'node',
    roots: ['<rootDir>/apps/api/src'],
    testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
    transform: { '^.+\\.ts$': tsJest('<rootDir>/apps/api/tsconfig.spec.json') },
    moduleNameMapper: domainAlias,
  },
  {
    displayName: 'web',
    testEnvironment: 'jsdom',
    roots: ['<rootDir>/apps/web/src'],
    testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
    transform: { '^.+\\.tsx?$': tsJest('<rootDir>/apps/web/tsconfig.spec.json') },
    moduleNameMapper: { ...domainAlias, '\\.css$': '<rootDir>/tools/test/style-stub.cjs' },
    setupFilesAfterEnv: ['<rootDir>/apps/web/src/testing/setup-tests.ts'],
  },
];

const chromium = findChromium();
if (chromium || process.env.CI === 'true') {
  projects.push({
    displayName: 'web-e2e',
    testEnvironment: 'node',
    roots: ['<rootDir>/apps/web-e2e/src'],
    testMatch: ['**/*.e2e-spec.ts'],
    transform: { '^.+\\.ts$': tsJest('<rootDir>/apps/web-e2e/tsconfig.spec.json') },
    moduleNameMapper: domainAlias,
  });
} else {
  console.warn(`\n${MISSING_CHROMIUM} (web-e2e not run)\n`);
}

module.exports = {
  projects,
  globalSetup: '<rootDir>/tools/test/global-setup.mjs',
  globalTeardown: '<rootDir>/tools/test/global-teardown.mjs',
  // A net for a test that hangs, not a speed limit (speed is measured in tools/bench): on a loaded
  // 2-core machine, a test that signs up 40 people (argon2) or starts API processes took over 60 s.
  testTimeout: 180_000,
};
