import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };

/** the public site, no login: from its navigation to the published 复议决定书 and one decision's text */
async function walk(page: Page, suffix: string): Promise<void> {
  await page.goto(`${demo.server.baseUrl}/public`);
  await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '行政复议决定书' }).click();
  await page.getByTestId('public-reconsideration').waitFor(WAIT);
  expect(page.url()).toContain('/public/reconsideration');
  await page.screenshot({ path: screenshotPath(`public-reconsideration-list${suffix}`), fullPage: false });
  await page.getByTestId('public-reconsideration').getByRole('link').first().click();
  const doc = page.getByTestId('reconsideration-decision');
  await expect.poll(async () => (await doc.textContent().catch(() => '')) ?? '', WAIT).toContain('本机关决定');
  const text = (await doc.textContent()) ?? '';
  expect(text).toContain('行政复议决定书');
  // the applicant is named and reached by phone in the signed text: the site shows neither
  expect(text).toMatch(/申请人：(\S某某?|演示县)/);
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  await page.screenshot({ path: screenshotPath(`public-reconsideration-decision${suffix}`), fullPage: true });
}

describe('published 行政复议决定书 on the public site', () => {
  it('are reached from the site’s navigation and read with personal data masked, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await walk(page, '');
      expect(errors).toEqual([]);
    });
  });

  it('read on a phone', async () => {
    await withPage(demo.browser, async ({ page, errors }) => walk(page, '-phone').then(() => expect(errors).toEqual([])), PHONE);
  });
});
