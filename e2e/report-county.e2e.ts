import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();
const lastYear = new Date().getFullYear() - 1;

/** the unit's report drafted and submitted through the API, as its leader would from the report page */
async function submitThroughApi(page: Page, org?: string): Promise<void> {
  const base = demo.server.baseUrl;
  const made = await page.request.post(`${base}/api/reports/annual`, { data: { year: lastYear, ...(org ? { org } : {}) } });
  expect(made.status()).toBe(200);
  const id = ((await made.json()) as { id: number }).id;
  const draft = (await (await page.request.get(`${base}/api/reports/annual/${id}`)).json()) as { version: number };
  const sent = await page.request.post(`${base}/api/reports/annual/${id}/submit`, { data: { version: draft.version } });
  expect(sent.status(), await sent.text()).toBe(200);
}

describe('the county’s view of its units’ reports', () => {
  it('shows who has submitted and who is late, with the report deadlines the county sets', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'leader');
      await submitThroughApi(page);
    });
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/reports/rollup?year=${lastYear}`);
      const table = page.getByTestId('rollup-table');
      await table.locator('tr', { hasText: '城关镇' }).waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await table.locator('tr', { hasText: '城关镇' }).textContent()) ?? '', { timeout: 20_000 }).toMatch(/已按时提交|逾期提交/);
      await expect.poll(async () => (await table.locator('tr', { hasText: '石桥乡' }).textContent()) ?? '', { timeout: 20_000 }).toMatch(/未开始|逾期未提交|起草中/);
      const deadlines = page.getByTestId('report-deadlines');
      await expect.poll(async () => (await deadlines.textContent()) ?? '', { timeout: 20_000 }).toContain('次年3月1日前');
      expect(await deadlines.textContent()).toContain('次年4月1日前');
      // the county moves its towns' day; the page and the roll-up's date follow
      await deadlines.getByRole('button', { name: /设\s*置/ }).click();
      const field = page.getByLabel('乡镇（街道）、县级部门向县报送法治政府建设年度报告');
      await field.fill('02-30');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await expect.poll(async () => (await page.locator('.ant-modal').textContent()) ?? '', { timeout: 20_000 }).toMatch(/请填写“月-日”|不能是2月29日/);
      await field.fill('02-20');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await expect.poll(async () => (await deadlines.textContent()) ?? '', { timeout: 20_000 }).toContain('次年2月20日前');
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 20_000 }).toContain(`报送截止日期 ${lastYear + 1}-02-20`);
      await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
      await page.screenshot({ path: screenshotPath('report-county-status-1366'), fullPage: true });
      expect(errors).toEqual([]);
    });
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/reports/rollup?year=${lastYear}`);
        await page.getByTestId('rollup-table').locator('tr', { hasText: '城关镇' }).waitFor({ timeout: 30_000 });
        await expect.poll(async () => (await page.getByTestId('report-deadlines').textContent()) ?? '', { timeout: 20_000 }).toContain('次年2月20日前');
        await page.screenshot({ path: screenshotPath('report-county-status-390'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('shows on the county’s own report which units’ figures come from their submitted reports', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/reports/annual`);
      const create = page.getByRole('button', { name: '新建年度报告' });
      await page.getByTestId('report-document').or(create).waitFor({ timeout: 60_000 });
      if (await create.isVisible()) await create.click();
      const panel = page.getByTestId('units-panel');
      await expect.poll(async () => (await panel.textContent()) ?? '', { timeout: 30_000 }).toContain('城关镇');
      const text = (await panel.textContent()) ?? '';
      expect(text).toMatch(/城关镇.*已报送/);
      expect(text).toMatch(/石桥乡.*未报送·未计入/);
      expect(await page.getByTestId('report-document').textContent()).toContain(`演示县人民政府关于${lastYear}年度法治政府建设工作情况的报告`);
      await page.screenshot({ path: screenshotPath('report-county-units-1366'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });
});
