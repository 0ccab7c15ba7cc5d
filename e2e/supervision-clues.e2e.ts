import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { today } from '../server/test/dates.ts';
import { login, openPopup, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { act } from './steps.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };
const CLERK_OF: Record<string, string> = { '999001001000': 'clerk', '999001002000': 'clerk2', '999001003000': 'clerk3' };
const main = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';
const state = (page: Page) => async (): Promise<string> => (await page.getByTestId('workflow').locator('.ant-card-head .ant-tag').textContent()) ?? '';

async function fillDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Tab');
}

describe('监督线索 to 监督文书', () => {
  it('the supervisor opens a clue’s records, issues a 决定书 from it; the town reports from its 待办; the supervisor verifies', async () => {
    let instrument = 0;
    let town = '';
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      await page.goto(`${demo.server.baseUrl}/supervision/clues?kind=training_short`);
      await expect.poll(() => main(page), WAIT).toContain('执法人员培训学时不足');
      const row = page.locator('tr', { hasText: '石桥乡' }).filter({ hasText: '执法人员培训学时不足' }).first();
      await row.waitFor(WAIT);
      // the records behind the clue: the registry list narrowed to exactly them
      const link = row.getByTestId('clue-records').first();
      const ids = /ids=([\d,]+)/.exec((await link.getAttribute('href')) ?? '')?.[1]?.split(',') ?? [];
      expect(ids.length).toBeGreaterThan(0);
      await link.click();
      await expect.poll(() => page.url(), WAIT).toContain('/ledgers/enforcement.inspector?ids=');
      await expect.poll(async () => page.locator('main tbody tr.ant-table-row').count(), WAIT).toBe(ids.length);
      await page.screenshot({ path: screenshotPath('supervision-clue-records'), fullPage: false });

      await page.goto(`${demo.server.baseUrl}/supervision/clues`);
      await expect.poll(() => main(page), WAIT).toContain('有案不立');
      await page.screenshot({ path: screenshotPath('supervision-clues'), fullPage: false });
      await page.goto(`${demo.server.baseUrl}/supervision/clues?kind=training_short`);
      await row.getByTestId('clue-issue').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor(WAIT);
      const option = page.locator('.ant-select-item-option', { hasText: '行政执法监督决定书' });
      await openPopup(page, dialog.getByLabel('文书种类'), option);
      await option.click();
      await dialog.getByLabel('监督意见（决定、建议）和整改要求').fill('一、组织学时不足的执法人员参加补训；二、建立培训学时台账，按季度通报。');
      await page.screenshot({ path: screenshotPath('supervision-clue-issue'), fullPage: false });
      await dialog.getByRole('button', { name: /制\s*发/ }).click();
      await expect.poll(() => page.url(), WAIT).toMatch(/\/ledgers\/supervision\.opinion\/\d+$/);
      instrument = Number(/(\d+)$/.exec(page.url())?.[1]);
      await expect.poll(() => main(page), WAIT).toContain('执监决〔');
      expect(await main(page)).toContain('学时');
      await page.getByTestId('instrument-docx').waitFor(WAIT);
      const download = page.waitForEvent('download');
      await page.getByTestId('instrument-docx').click();
      expect((await download).suggestedFilename()).toMatch(/^行政执法监督决定书-演示县执监决〔\d{4}〕\d+号\.docx$/);
      await page.screenshot({ path: screenshotPath('supervision-instrument'), fullPage: true });
      town = await page.evaluate(async (id) => ((await (await fetch(`/api/ledgers/supervision.opinion/${id}`)).json()) as { orgCode: string }).orgCode, instrument);
      expect(errors).toEqual([]);
    });

    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, CLERK_OF[town.slice(0, 12)] ?? 'clerk3');
        await page.goto(`${demo.server.baseUrl}/todos?ledger=supervision.opinion`);
        await expect.poll(() => main(page), WAIT).toContain('报送整改情况');
        await page.goto(`${demo.server.baseUrl}/ledgers/supervision.opinion/${instrument}`);
        await expect.poll(() => main(page), WAIT).toContain('执监决〔');
        await act(page, /提交整改报告/, async (d) => {
          await fillDate(d, '整改报告日期', today);
          await d.getByLabel('整改情况报告').fill('已组织三名执法人员参加县司法局补训共24学时，建立培训学时台账。');
        });
        await expect.poll(state(page), WAIT).toBe('待核查');
        await page.screenshot({ path: screenshotPath('supervision-instrument-reported-phone'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );

    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.opinion/${instrument}`);
      await act(page, /核查通过/, async (d) => {
        await fillDate(d, '核查日期', today);
        await d.getByLabel('核查意见').fill('查阅补训签到表和学时台账，整改到位。');
      });
      await expect.poll(state(page), WAIT).toBe('整改到位');
      await page.goto(`${demo.server.baseUrl}/supervision/clues?kind=training_short`);
      await expect.poll(() => main(page), WAIT).toContain('（整改到位）');
      expect(errors).toEqual([]);
    });
  });

  it('the clue list on a phone; a town’s clerk has no entry to it', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'supervisor');
        await page.goto(`${demo.server.baseUrl}/supervision/clues`);
        await expect.poll(() => main(page), WAIT).toContain('有案不立');
        await page.screenshot({ path: screenshotPath('supervision-clues-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const nav = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { nav: Array<{ path: string }> }).nav.map((n) => n.path));
      expect(nav).not.toContain('/supervision/clues');
      expect(nav).toContain('/ledgers/supervision.opinion');
    });
  });
});
