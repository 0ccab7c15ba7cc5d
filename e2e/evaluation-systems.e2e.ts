import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };
const main = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('考核指标体系', () => {
  it('the county exports a version, fills in the full text, is told the bad cell, then publishes it as the next version, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/evaluation/systems`);
      await expect.poll(() => main(page), WAIT).toContain('乡镇（街道）法治建设年度考核细则');
      await page.getByRole('combobox', { name: '指标体系版本' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: '乡镇（街道）法治建设年度考核细则' }).click();
      await expect.poll(() => main(page), WAIT).toContain('专题听取法治建设工作汇报不少于2次');

      // the version as a spreadsheet: the county adds an indicator the way its 考核细则 was amended
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
      expect(download.suggestedFilename()).toMatch(/考核细则.*\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path()) ?? '') as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('指标');
      expect(ws?.getRow(2).getCell(1).value).toBe('1');
      // 4 矛盾化解和普法 30 → 35 with a new hand-scored 4.4 of 5 points; first written with a wrong sum
      const rows = ws?.actualRowCount ?? 0;
      const add = ws?.getRow(rows + 1);
      ['4.4', '行政争议实质性化解和行政机关负责人出庭应诉', 5, '人工评分', '', '', '', '', '', '负责人出庭应诉率100%且无败诉案件的得满分，酌情扣分。须附应诉记录。'].forEach((v, i) => {
        if (add) add.getCell(i + 1).value = v;
      });
      const bytes = async (): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());
      await page.getByRole('button', { name: '导入新版本' }).click();
      const modal = page.locator('.ant-modal');
      await modal.getByLabel('指标体系名称').fill('乡镇（街道）法治建设年度考核细则（修订）');
      await modal.locator('input[type=file]').setInputFiles({ name: '考核细则（修订）.xlsx', mimeType: XLSX, buffer: await bytes() });
      await modal.getByRole('button', { name: '检 查' }).or(modal.getByRole('button', { name: '检查' })).click();
      await expect.poll(async () => (await modal.textContent()) ?? '', WAIT).toContain('检查未通过');
      const problems = (await modal.getByTestId('system-import-problems').textContent()) ?? '';
      expect(problems).toContain('分值');
      expect(problems).toContain('合计');
      await page.screenshot({ path: screenshotPath('evaluation-system-import-problems'), fullPage: false });

      // mended: the group's points follow its children
      const four = ws?.getRows(2, rows)?.find((r) => r.getCell(1).value === '4');
      if (four) four.getCell(3).value = 35;
      await modal.getByRole('button', { name: '返回修改' }).click();
      await modal.locator('input[type=file]').setInputFiles({ name: '考核细则（修订）.xlsx', mimeType: XLSX, buffer: await bytes() });
      await modal.getByRole('button', { name: '检 查' }).or(modal.getByRole('button', { name: '检查' })).click();
      await expect.poll(async () => (await modal.textContent()) ?? '', WAIT).toContain('检查通过');
      expect((await modal.textContent()) ?? '').toContain('满分 105 分');
      await page.screenshot({ path: screenshotPath('evaluation-system-import-checked'), fullPage: false });
      await modal.getByRole('button', { name: /发布为第\d+版/ }).click();
      await expect.poll(() => main(page), WAIT).toContain('行政争议实质性化解和行政机关负责人出庭应诉');
      expect(await main(page)).toContain('满分105分');
      await page.screenshot({ path: screenshotPath('evaluation-systems'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });

  it('the supervisor reads and exports the systems but is offered no import; on a phone the tree stays readable', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'supervisor');
        await page.goto(`${demo.server.baseUrl}/evaluation/systems`);
        await expect.poll(() => main(page), WAIT).toContain('评分规则');
        expect(await page.getByRole('button', { name: '导出Excel' }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: '导入新版本' }).count()).toBe(0);
        await page.screenshot({ path: screenshotPath('evaluation-systems-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
