import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();
const WAIT = { timeout: 30_000 };

describe('编号规则', () => {
  it('lets the county administrator set a unit’s case-number format with a live preview', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/admin/numbering`);
      const cases = page.getByTestId('series-enforcement.case_no');
      await cases.waitFor(WAIT);
      await expect.poll(async () => (await cases.textContent()) ?? '', { timeout: 20_000 }).toContain('城关镇综合行政执法队');
      await page.screenshot({ path: screenshotPath('numbering'), fullPage: false });

      await cases.getByRole('button', { name: '修改城关镇综合行政执法队的行政执法案件案号格式' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('编号格式').fill('城关执法{类别}字第{序号}号');
      await expect.poll(() => dialog.textContent(), WAIT).toContain('须含 {年}');
      await dialog.getByLabel('编号格式').fill('城关执法{类别}字〔{年}〕第{序号}号');
      await expect.poll(() => dialog.textContent(), WAIT).toMatch(/城关执法罚字〔\d{4}〕第12号/);
      await page.screenshot({ path: screenshotPath('numbering-edit'), fullPage: false });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => cases.textContent(), WAIT).toContain('本单位设置');
      expect(errors).toEqual([]);
    });
  });

  it('fits a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/admin/numbering`);
        await page.getByTestId('series-mediation.case_no').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('numbering-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('shows the annual report as not yet created, with 新建年度报告 for a role that may draft', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk2');
      await page.goto(`${demo.server.baseUrl}/reports/annual?year=2019`);
      await page.getByTestId('report-not-created').waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('report-not-created'), fullPage: false });
      await page.getByRole('button', { name: '新建年度报告' }).click();
      await page.getByTestId('report-document').waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
    });
  });
});
