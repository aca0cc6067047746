import { configDefaults, defineConfig } from 'vitest/config';

/** Tests of the packed package (npm pack once per run, in their project's globalSetup). */
const PACKAGE_TESTS = ['test/package/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'source',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...PACKAGE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: PACKAGE_TESTS,
          globalSetup: ['test/package/pack.global.ts'],
          // npm installs from its cache when it can, from the registry when it must.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
