import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds (once per run) the migrated template database every test file clones.
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // expect.poll waits for jobs and workers; a loaded CI machine needs more than the default second.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
