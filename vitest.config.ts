import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['tests/{unit,contract,integration}/**/*.test.{ts,tsx}'],
          exclude: ['tests/integration/wordpress/**'],
        },
      },
      // Tests against a real WordPress: its global setup starts one (tests/support/wordpress) and stops it after.
      {
        extends: true,
        test: {
          name: 'wordpress',
          include: ['tests/integration/wordpress/**/*.test.ts'],
          globalSetup: ['tests/integration/wordpress/global-setup.ts'],
          setupFiles: ['tests/integration/wordpress/require-wordpress.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
