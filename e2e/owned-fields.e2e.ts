import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

// decision 0011: the edit form shows what a workflow step records, and what the system derives, read-only
const WAIT = { timeout: 20_000 };
const demo = setupDemo({ reuseExternal: true });
const formItem = (page: Page, label: string) => page.locator('.ant-form-item', { has: page.locator(`label[title="${label}"]`) });

async function openReviewedCaseForm(page: Page): Promise<void> {
  await login(page, demo.server.baseUrl, 'clerk');
  // a demo penalty case that went through the legality review
  const res = await page.request.get(`${demo.server.baseUrl}/api/ledgers/enforcement.case?f.case_type=行政处罚&f.major=true&f.review_conclusion=同意&pageSize=1`);
  expect(res.status()).toBe(200);
  const id = ((await res.json()) as { items: Array<{ id: number }> }).items[0]?.id;
  expect(id).toBeDefined();
  await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.case/${String(id)}/edit`);
  await formItem(page, '法制审核意见').waitFor(WAIT);
}

describe('the edit form of a record in a workflow', () => {
  it('shows the review, its conclusion and 重大 read-only, saying who fills them', async () => {
    for (const [options, name] of [[undefined, 'owned-fields-form'], [PHONE, 'owned-fields-form-phone']] as const) {
      await withPage(
        demo.browser,
        async ({ page, errors }) => {
          await openReviewedCaseForm(page);
          const opinion = formItem(page, '法制审核意见');
          expect(await opinion.locator('textarea').isDisabled()).toBe(true);
          await expect.poll(async () => (await opinion.textContent()) ?? '', { timeout: 20_000 }).toContain('由“法制审核”环节填写');
          await expect.poll(async () => (await formItem(page, '法制审核结论').textContent()) ?? '', WAIT).toContain('同意');
          expect(await formItem(page, '法制审核结论').locator('.ant-select-disabled').count()).toBe(1);
          await expect.poll(async () => (await formItem(page, '是否重大执法决定').textContent()) ?? '', { timeout: 20_000 }).toContain('由系统按处罚种类');
          // free data stays editable
          expect(await formItem(page, '案由').locator('input').isDisabled()).toBe(false);
          await opinion.scrollIntoViewIfNeeded();
          await page.screenshot({ path: screenshotPath(name), fullPage: false });
          expect(errors).toEqual([]);
        },
        options,
      );
    }
  });
});
