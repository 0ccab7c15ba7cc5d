import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();
const lastYear = new Date().getFullYear() - 1;

describe('报送情况: the county sees every unit’s two yearly reports and urges a late one', () => {
  it('lists state, day and lateness, filters, exports, and a 催报 reaches the unit’s 待办', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'leader');
      const base = demo.server.baseUrl;
      const made = await page.request.post(`${base}/api/reports/annual`, { data: { year: lastYear } });
      expect(made.status()).toBe(200);
      const id = ((await made.json()) as { id: number }).id;
      const draft = (await (await page.request.get(`${base}/api/reports/annual/${id}`)).json()) as { version: number };
      const sent = await page.request.post(`${base}/api/reports/annual/${id}/submit`, { data: { version: draft.version } });
      expect(sent.status(), await sent.text()).toBe(200);
    });
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/reports/rollup?year=${lastYear}`);
      const table = page.getByTestId('submissions-table');
      const row = (unit: string, report: string) => table.locator('tr', { hasText: unit }).filter({ hasText: report });
      await row('城关镇', '法治政府建设年度报告').waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await row('城关镇', '法治政府建设年度报告').textContent()) ?? '', { timeout: 20_000 }).toMatch(/已报送.*逾期\d+天报送/);
      expect(await row('石桥乡', '政务公开年度报告').textContent()).toMatch(/未起草.*已逾期\d+天/);
      // the link opens the unit's report
      expect(await row('城关镇', '法治政府建设年度报告').getByRole('link', { name: '查看报告' }).getAttribute('href')).toMatch(/^\/reports\/annual\/\d+$/);
      // filter: only what has not come
      await page.getByTestId('submissions-card').getByText('未报', { exact: true }).click();
      await expect.poll(async () => row('城关镇', '法治政府建设年度报告').count(), { timeout: 10_000 }).toBe(0);
      expect(await row('城关镇', '政务公开年度报告').count()).toBe(1);
      // the sheet
      const sheet = await page.request.get(`${demo.server.baseUrl}/api/reports/submissions/export.xlsx?year=${lastYear}`);
      expect(sheet.status()).toBe(200);
      expect(sheet.headers()['content-type']).toContain('spreadsheetml');
      // 催报 石桥乡's disclosure report
      await row('石桥乡', '政务公开年度报告').getByRole('button', { name: /催\s*报/ }).click();
      await page.getByLabel('催报说明（可选）').fill('请于本周五前公布');
      await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
      await expect.poll(async () => (await row('石桥乡', '政务公开年度报告').textContent()) ?? '', { timeout: 20_000 }).toContain('已催报1次');
      await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
      await page.getByTestId('submissions-card').getByText('全部', { exact: true }).click();
      await page.screenshot({ path: screenshotPath('report-submissions-1366'), fullPage: true });
      expect(errors).toEqual([]);
    });
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk3');
      const todos = await page.request.get(`${demo.server.baseUrl}/api/todos?pageSize=100`);
      const items = ((await todos.json()) as { items: Array<{ ledger: string; stateLabel: string }> }).items;
      expect(items.some((i) => i.ledger === 'report.disclosure' && i.stateLabel.includes('县级已催报'))).toBe(true);
      await page.goto(`${demo.server.baseUrl}/todos`);
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 30_000 }).toContain('县级已催报');
      expect(errors).toEqual([]);
    });
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/reports/rollup?year=${lastYear}`);
        await page.getByTestId('submissions-table').locator('tr', { hasText: '城关镇' }).first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: screenshotPath('report-submissions-390'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
