import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();
const lastYear = new Date().getFullYear() - 1;

describe('the enforcement statistics report and the reconciliation', () => {
  it('shows a town’s submitted statistics table with 本系统未登记 where there is no source, and its checks', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'leader');
      await page.goto(`${demo.server.baseUrl}/reports/enforcement-stats?year=${lastYear}&org=999001001000`);
      const table = page.getByTestId('stats-table');
      await table.locator('tr', { hasText: '作出行政处罚决定' }).first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('stats-title').textContent()).toBe(`城关镇${lastYear}年度行政执法统计年报`);
      // the demo town submitted in January: the frozen table, version 1
      expect(await page.locator('.ant-card', { hasText: '提交版本' }).textContent()).toContain('第1版');
      for (const row of ['作出行政许可决定', '作出行政征收决定', '作出行政征用决定']) expect(await table.locator('tr', { hasText: row }).textContent(), row).toContain('本系统未登记');
      const penalty = Number((await table.locator('tr', { hasText: '作出行政处罚决定' }).locator('td').nth(3).textContent())?.replace(/[^\d]/g, ''));
      expect(penalty).toBeGreaterThan(0);
      expect(await page.getByTestId('stats-checks').textContent()).toContain('行政处罚决定合计 = 一般程序 + 简易程序');
      await page.screenshot({ path: screenshotPath('enforcement-stats'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });

  it('reconciles the three reports for the county, on a phone too', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/reports/reconciliation?year=${lastYear}&org=999001003000`);
        const summary = page.getByTestId('reconcile-summary');
        await summary.waitFor({ timeout: 30_000 });
        expect(await summary.textContent()).toMatch(/石桥乡\d{4}年度：\d+项共同数字全部一致/);
        const row = page.getByTestId('reconcile-table').locator('tr[data-row-key="penalty_decisions"]');
        expect(await row.textContent()).toContain('第1版（已提交）');
        expect(await row.textContent()).toContain('一致');
        await page.screenshot({ path: screenshotPath('reconciliation-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
