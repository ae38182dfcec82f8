import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL cluster for the run, for the tests of the server store.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine, one, so every file
    // ran in turn while the other core idled through the many end-to-end files that wait on a
    // child `dossier` process. Two workers keep both cores busy.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
