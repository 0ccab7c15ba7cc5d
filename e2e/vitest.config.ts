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
    // the servers' throwaway data directories need no fsync (server/platform/db/connect.ts)
    env: { FAZHI_FSYNC: 'off' },
  },
});
