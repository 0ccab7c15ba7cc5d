import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };

/** the public site, no login: from its navigation to the 普法责任清单 of last year and one unit's activities */
async function walk(page: Page, suffix: string): Promise<void> {
  await page.goto(`${demo.server.baseUrl}/public`);
  await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '普法责任清单' }).click();
  const list = page.getByTestId('public-duties');
  await list.waitFor(WAIT);
  expect(page.url()).toContain('/public/publicity-duties');
  const lastYear = new Date().getUTCFullYear() - 1;
  await page.goto(`${demo.server.baseUrl}/public/publicity-duties?year=${lastYear}`);
  await expect.poll(async () => (await list.textContent().catch(() => '')) ?? '', WAIT).toContain('城关镇');
  const text = (await list.textContent()) ?? '';
  expect(text).toMatch(/计划\d+次 · 已开展\d+次/);
  expect(text).toContain('已完成');
  // no liaison officer's phone on the public page
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  await page.screenshot({ path: screenshotPath(`public-publicity-duties${suffix}`), fullPage: false });
  const first = page.getByTestId('public-duty').filter({ has: page.locator('summary') }).first();
  const summary = first.locator('summary');
  const shown = Number(/（(\d+)次）/.exec((await summary.textContent()) ?? '')?.[1] ?? 0);
  await summary.click();
  await expect.poll(async () => first.locator('li').count(), WAIT).toBe(shown);
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(`public-publicity-duty-activities${suffix}`), fullPage: false });
}

describe('the “谁执法谁普法” list on the public site', () => {
  it('is reached from the site’s navigation, each unit with the activities it counts, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await walk(page, '');
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(demo.browser, async ({ page, errors }) => walk(page, '-phone').then(() => expect(errors).toEqual([])), PHONE);
  });
});
