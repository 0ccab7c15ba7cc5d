import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// browser flows: one server and one Chromium per file, files one after another
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // a loaded machine (CI runs PostgreSQL tests beside these) can take seconds to answer: expect.poll's own default
    // of 1 s made a county user's organisation switch fail once while the page was still refetching
    expect: { poll: { timeout: 15_000 } },
    // the servers' throwaway data directories need no fsync (server/platform/db/connect.ts)
    env: { FAZHI_FSYNC: 'off' },
  },
});
