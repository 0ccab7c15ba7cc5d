import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };
const LIST = '/ledgers/reconsideration.organ';

/** the county's 复议 ledger, then the case it extended and quashed, as the county administrator reads them */
async function walk(page: Page, suffix: string): Promise<void> {
  await login(page, demo.server.baseUrl, 'county');
  await page.goto(`${demo.server.baseUrl}${LIST}`);
  await expect.poll(async () => (await page.locator('main').textContent()) ?? '', WAIT).toContain('复〔');
  await page.screenshot({ path: screenshotPath(`reconsideration-organ-list${suffix}`), fullPage: false });
  const id = await page.evaluate(async () => {
    const res = await fetch(`/api/ledgers/reconsideration.organ?f.decision_kind=${encodeURIComponent('撤销')}&pageSize=1`);
    return ((await res.json()) as { items: Array<{ id: number }> }).items[0]?.id ?? 0;
  });
  expect(id).toBeGreaterThan(0);
  await page.goto(`${demo.server.baseUrl}${LIST}/${id}`);
  await expect.poll(async () => (await page.locator('main').textContent()) ?? '', WAIT).toContain('已作出复议决定');
  await page.screenshot({ path: screenshotPath(`reconsideration-organ-record${suffix}`), fullPage: true });
}

describe('the county government as 复议机关', () => {
  it('lists the county’s 复议 cases and shows one with its clocks, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await walk(page, '');
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(demo.browser, async ({ page, errors }) => walk(page, '-phone').then(() => expect(errors).toEqual([])), PHONE);
  });

  it('offers a town clerk no entry for it', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const paths = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { nav: Array<{ path: string }> }).nav.map((n) => n.path));
      expect(paths).toContain('/ledgers/reconsideration.case');
      expect(paths).not.toContain('/ledgers/reconsideration.organ');
    });
  });
});
