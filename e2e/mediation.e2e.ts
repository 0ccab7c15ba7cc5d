import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };

/** opens a demo case closed with a written agreement and waits for its agreement card */
async function openWrittenAgreement(page: Page): Promise<void> {
  await login(page, demo.server.baseUrl, 'clerk');
  // the list is a table on a desktop and cards on a phone: the record is found through the API, as the list finds it
  const id = await page.evaluate(async () => {
    const res = await fetch(`/api/ledgers/mediation.case?f.outcome=${encodeURIComponent('调解成功')}&f.agreement_type=${encodeURIComponent('书面协议')}&pageSize=1`);
    return ((await res.json()) as { items: Array<{ id: number }> }).items[0]?.id ?? 0;
  });
  expect(id).toBeGreaterThan(0);
  await page.goto(`${demo.server.baseUrl}/ledgers/mediation.case/${id}`);
  await page.waitForURL(/\/ledgers\/mediation\.case\/\d+$/);
  await page.getByTestId('agreement-panel').waitFor(WAIT);
}

describe('the 人民调解协议书 card', () => {
  it('shows the written agreement and downloads its 协议书', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openWrittenAgreement(page);
      const card = page.getByTestId('agreement-panel');
      await expect.poll(async () => (await card.textContent()) ?? '', WAIT).toContain('调协字');
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('mediation-agreement'), fullPage: false });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('agreement-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^人民调解协议书-.+\.docx$/);
      expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await openWrittenAgreement(page);
        await page.getByTestId('agreement-panel').scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('mediation-agreement-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});

describe('到期事项', () => {
  it('narrows to the next N days and exports the list to Excel', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.goto(`${demo.server.baseUrl}/deadlines?within=30`);
      await page.getByTestId('deadlines-export').waitFor(WAIT);
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('deadlines-within'), fullPage: false });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deadlines-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^到期事项-\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'clerk');
        await page.goto(`${demo.server.baseUrl}/deadlines?within=30`);
        await page.getByTestId('deadlines-export').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('deadlines-within-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
