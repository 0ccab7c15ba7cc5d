import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminModule } from '../platform/admin.module.ts';
import { chinaDate } from '../platform/workflow/workflow.engine.ts';
import { reconsiderationModule } from '../modules/reconsideration/reconsideration.module.ts';
import { json, startTestApp, template } from './harness.ts';

// a CI run that starts before midnight in China and ends after it (a run started at 23:52 did): the files
// that start after midnight no longer fit the run's template, and must still get every module's demo
describe('a test file that starts after midnight', () => {
  afterEach(() => vi.useRealTimers());

  it('starts from a demo seeded that day with every module, even when it loads only a few', async () => {
    const seeded = template();
    if (!seeded) return; // the run has no template (PGlite cannot dump here): every file seeds its own demo anyway
    // tomorrow on both clocks, as after a real midnight (a test that fakes only Date keeps its own "today")
    vi.useFakeTimers({ toFake: ['Date', 'performance'], now: Date.now() + 86_400_000 });
    const tomorrow = chinaDate(new Date());
    expect(tomorrow).not.toBe(seeded.day);
    // the reconsideration demo walks its cases through working-day clocks: without the calendar module's
    // holidays (seeded by a module this file does not load) it could not be seeded at all
    const t = await startTestApp({ modules: [adminModule, reconsiderationModule] });
    try {
      const county = await t.login('county');
      const res = await t.request(county, { method: 'GET', url: '/api/ledgers/reconsideration.case?pageSize=1' });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<{ total: number }>(res).total).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
    // it seeds a whole demo itself: minutes on PostgreSQL beside the browser tests (more than 120 s once)
  }, 600_000);
});
