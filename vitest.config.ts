import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// the report reviewer's corpus test reviews some twenty-five thousand documents: minutes on one worker. Vitest queues
// the projects by name (integration before unit), so it would start last and run alone at the end; started first, it
// runs beside the integration files instead
const LONG_FIRST = /report-review\/corpus\.test\.ts$/;
class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => LONG_FIRST.test(f.moduleId)), ...sorted.filter((f) => !LONG_FIRST.test(f.moduleId))];
  }
}

// unit: pure functions beside the code; integration: through HTTP against PGlite, or PostgreSQL when TEST_DATABASE_URL is set
export default defineConfig({
  test: {
    // two workers on the two-core CI machine: the default (cores - 1) runs every file on one core
    maxWorkers: 2,
    sequence: { sequencer: LongFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['server/**/*.int.test.ts'],
          testTimeout: 30_000,
          // a hook that starts an in-memory PGlite takes well over the default 10 s on a loaded two-core machine
          hookTimeout: 60_000,
          // a `fazhi serve` a test starts serves the API only (server/web-build.test.ts builds the pages on purpose)
          env: { FAZHI_WEB: 'off' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.int.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // the throwaway instances the tests write to disk need no fsync (server/platform/db/connect.ts; the
          // fsync path itself is tested in durable-commit.test.ts, which passes its own)
          env: { FAZHI_WEB: 'off', FAZHI_FSYNC: 'off' },
        },
      },
    ],
  },
});
