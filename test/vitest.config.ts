import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // One throw-away PostgreSQL cluster per run (its URL provided to the files); each file makes its own databases in it.
    globalSetup: ['test/postgres-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll waits like a person at a browser would, not 1 s: pages load data after they render,
    // and a loaded 2-core machine is slower than a quiet one.
    expect: { poll: { timeout: 15_000 } },
    // Browser and server tests start real processes and ports; keep files isolated.
    pool: 'forks',
    fileParallelism: true,
  },
});
