import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { isoDay, poster } from './steps.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };
let seq = 0;

/** a contract sent for review two days ago, as the clerk registers it; returns its id */
async function registerReview(page: Page): Promise<number> {
  const post = poster(page, demo.server.baseUrl);
  const advisor = await page.evaluate(async () => {
    const res = await fetch(`/api/ledgers/advisors.advisor?f.engagement=${encodeURIComponent('在聘')}&pageSize=1`);
    return ((await res.json()) as { items: Array<{ id: number }> }).items[0]?.id ?? 0;
  });
  const made = await post('/api/ledgers/advisors.review', {
    review_no: `（${isoDay(0).slice(0, 4)}）城关法审字第E${String(Date.now() % 100000)}${++seq}号`,
    review_type: '政府合同',
    title: '城关镇集镇污水管网改造工程施工合同',
    submitting_unit: '城关镇党政办公室',
    counterparty: '演示县兴业建筑工程有限公司',
    contract_amount: 86.4,
    received_on: isoDay(-2),
    advisor_id: advisor,
  });
  return Number(made['id']);
}

async function openReview(page: Page, id: number): Promise<void> {
  await page.goto(`${demo.server.baseUrl}/ledgers/advisors.review/${id}`);
  await page.getByTestId('opinion-panel').waitFor(WAIT);
}

describe('the 法律意见书', () => {
  it('waits on its clock, is numbered when the opinion is issued, and is made as a Word file, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const id = await registerReview(page);
      await openReview(page, id);
      const card = page.getByTestId('opinion-panel');
      await expect.poll(async () => (await card.textContent()) ?? '', WAIT).toContain('尚未出具意见');
      await expect.poll(async () => (await page.locator('body').textContent()) ?? '', WAIT).toContain('合法性审查期限');
      await page.screenshot({ path: screenshotPath('legal-review-clock'), fullPage: true });
      await poster(page, demo.server.baseUrl)(`/api/ledgers/advisors.review/${id}/transitions/issue`, { completed_on: isoDay(0), conclusion: '修改完善后可签署（实施）', opinion: '经审查，提出以下意见：1.明确工程款支付节点和结算方式；2.补充质量保证金及保修期条款；3.明确工期延误的违约责任。', suggestions: 3, adopted: 3 });
      await page.reload();
      await expect.poll(async () => (await card.textContent()) ?? '', WAIT).toMatch(/法审意〔\d{4}〕\d+号/);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('legal-opinion'), fullPage: false });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('opinion-docx').click()]);
      expect(download.suggestedFilename()).toMatch(/^法律意见书-.+\.docx$/);
      expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'clerk');
        const id = await registerReview(page);
        await poster(page, demo.server.baseUrl)(`/api/ledgers/advisors.review/${id}/transitions/issue`, { completed_on: isoDay(0), conclusion: '未发现法律问题', opinion: '经审查，主体适格，内容不违反法律、法规强制性规定，未发现法律问题。', suggestions: 0, adopted: 0 });
        await openReview(page, id);
        const card = page.getByTestId('opinion-panel');
        await expect.poll(async () => (await card.textContent()) ?? '', WAIT).toMatch(/法审意〔\d{4}〕\d+号/);
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('legal-opinion-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
