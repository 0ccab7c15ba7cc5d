import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { isoDay, poster, solveChallenge } from './steps.ts';

const WAIT = { timeout: 20_000 };
const TOWN = '999001001000';
const demo = setupDemo({ reuseExternal: true });
const COMMENT = `建议明确申请材料清单和办理时限（E2E${Date.now() % 100000}）`;

describe('a normative document draft on the public site', () => {
  it('lists the draft out for comment and takes a comment without an account', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await page.goto(`${demo.server.baseUrl}/public/normdocs`);
      const drafts = page.getByTestId('normdoc-drafts');
      await drafts.getByRole('link').first().waitFor(WAIT);
      await page.getByTestId('public-normdocs').waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('normdocs-public-1366'), fullPage: true });
      await drafts.getByRole('link').first().click();
      await page.waitForURL(/\/public\/normdocs\/drafts\/\d+$/);
      await page.getByTestId('comment-form').waitFor(WAIT);
      await page.getByLabel('意见内容').fill(COMMENT);
      await page.getByLabel(/验证/).fill(await solveChallenge(page));
      await new Promise((r) => setTimeout(r, 2100));
      await page.getByRole('button', { name: /提交意见/ }).click();
      await page.getByTestId('comment-done').waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('normdocs-public-draft-1366'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page }) => {
        await page.goto(`${demo.server.baseUrl}/public/normdocs`);
        await page.getByTestId('normdoc-drafts').getByRole('link').first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('normdocs-public-390'), fullPage: true });
        await page.getByTestId('normdoc-drafts').getByRole('link').first().click();
        await page.getByTestId('comment-form').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('normdocs-public-draft-390'), fullPage: true });
      },
      PHONE,
    );
  });
});

describe('备案审查 by the county', () => {
  it('shows a town’s filing waiting for receipt, then under review, then with a correction asked', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      const post = poster(page, demo.server.baseUrl);
      const L = '/api/ledgers/normdocs.document';
      const title = `城关镇农村人居环境整治管理办法（E2E${Date.now() % 100000}）`;
      const id = Number((await post(L, { orgCode: TOWN, title, drafting_unit: '党政办公室', draft_on: isoDay(-90) }))['id']);
      await post(`${L}/${id}/transitions/open_comment`, { comment_from: isoDay(-85), comment_to: isoDay(-60), date: isoDay(-85) });
      await post(`${L}/${id}/transitions/legality_review`, { legality_review_on: isoDay(-50), legality_conclusion: '合法', legality_opinion: '经审核，制定主体合法，内容和程序符合规定。', date: isoDay(-50) });
      await post(`${L}/${id}/transitions/deliberate`, { deliberation_on: isoDay(-40), deliberation_meeting: '镇政府常务会议', date: isoDay(-40) });
      await post(`${L}/${id}/transitions/publish`, { publish_on: isoDay(-30), valid_until: isoDay(1500), effect: '现行有效', date: isoDay(-30) });
      await post(`${L}/${id}/transitions/file`, { filed_on: isoDay(-20), filed_to: ['上一级人民政府'], date: isoDay(-20) });

      await page.goto(`${demo.server.baseUrl}/decisions/filing-review`);
      const table = page.getByTestId('filing-review-table');
      await table.getByText(title).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('normdocs-filing-review-1366'), fullPage: true });

      await post(`${L}/${id}/transitions/filing_receive`, { filing_received_on: isoDay(-18), date: isoDay(-18) });
      await page.getByText(/^审查中/).click();
      await table.getByText(title).waitFor(WAIT);
      await post(`${L}/${id}/transitions/filing_review`, { filing_review_on: isoDay(-5), filing_conclusion: '要求纠正', filing_opinion: '第六条设定了罚款，超越制定权限', correction_due_on: isoDay(25), date: isoDay(-5) });
      await page.getByText(/^要求纠正/).click();
      await table.getByText(title).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('normdocs-filing-correction-1366'), fullPage: true });
      await table.getByRole('button', { name: /查\s*看/ }).first().click();
      await page.waitForURL(/\/ledgers\/normdocs\.document\/\d+/);
      await page.getByText('备案审查要求纠正').first().waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('normdocs-filing-record-1366'), fullPage: true });
      expect(errors).toEqual([]);
    });
    // the town's clerk has the correction in the 待办
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const res = await page.request.get(`${demo.server.baseUrl}/api/todos?ledger=normdocs.document&step=report_correction&pageSize=50`);
      const list = (await res.json()) as { total: number };
      expect(list.total).toBeGreaterThan(0);
      const denied = await page.request.get(`${demo.server.baseUrl}/api/normdocs/filing-review`);
      expect(denied.status()).toBe(403);
    });
  });

  it('fits a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page }) => {
        await login(page, demo.server.baseUrl, 'supervisor');
        await page.goto(`${demo.server.baseUrl}/decisions/filing-review?state=filing_passed`);
        await page.getByTestId('filing-review-table').locator('tbody tr').first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('normdocs-filing-review-390'), fullPage: true });
      },
      PHONE,
    );
  });
});
