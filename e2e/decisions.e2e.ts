import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { isoDay, poster, solveChallenge } from './steps.ts';

const WAIT = { timeout: 20_000 };
// unique per run, so a reused server (E2E_BASE_URL) finds this run's comment
const COMMENT = `建议在施工期间设置临时便民通道，并提前公告施工时间（E2E${Date.now() % 100000}）`;
const ANSWER = '已采纳，在实施方案中增加临时便民通道和施工公告的要求。';

const demo = setupDemo({ reuseExternal: true });
let draftPath = '';

describe('public comment on a draft decision', () => {
  it('takes a comment without an account, refusing a wrong answer at the field and keeping what was typed', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await page.goto(`${demo.server.baseUrl}/public/decisions`);
      await page.getByTestId('open-drafts').locator('a').first().waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('decisions-public-list'), fullPage: true });
      // a draft of 城关镇, whose clerk answers it below
      const link = page.getByTestId('open-drafts').locator('a', { hasText: '城关镇' }).first();
      await link.click();
      await page.waitForURL(/\/public\/decisions\/\d+$/);
      draftPath = new URL(page.url()).pathname;
      await page.getByTestId('comment-form').waitFor();

      await page.getByLabel('意见内容').fill(COMMENT);
      await page.getByLabel('姓名（选填）').fill('张三');
      const right = await solveChallenge(page);
      const answerItem = page.locator('.ant-form-item', { has: page.getByTestId('challenge-question') });
      await answerItem.locator('input').fill(String(Number(right) + 1));
      // the server refuses answers given within two seconds of the question
      await page.waitForTimeout(2200);
      await page.getByRole('button', { name: '提交意见' }).click();
      await expect.poll(async () => (await answerItem.locator('.ant-form-item-explain-error').textContent().catch(() => '')) ?? '', WAIT).toContain('验证答案不正确');
      expect(await page.getByLabel('意见内容').inputValue()).toBe(COMMENT);
      await page.screenshot({ path: screenshotPath('decisions-public-comment-refused'), fullPage: true });

      const answer = await solveChallenge(page);
      await answerItem.locator('input').fill(answer);
      await page.waitForTimeout(2200);
      await page.getByRole('button', { name: '提交意见' }).click();
      await page.getByTestId('comment-done').waitFor(WAIT);
      await expect.poll(async () => (await page.getByTestId('comment-done').textContent()) ?? '', { timeout: 20_000 }).toContain('意见已提交');
      expect(await page.getByLabel('意见内容').inputValue()).toBe('');
      expect(errors).toEqual([]);
    });
  });

  it('shows the comment to the drafting unit, who answers and publishes it', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.locator('nav[aria-label="主导航"] a', { hasText: '公众意见处理' }).click();
      await page.waitForURL(/\/decisions\/comments/);
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: COMMENT.slice(0, 20) });
      await row.waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('decisions-comments-page'), fullPage: true });
      await row.getByRole('button', { name: '处理' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(async () => (await dialog.getByTestId('comment-content').textContent()) ?? '', { timeout: 20_000 }).toContain(COMMENT);
      await dialog.locator('.ant-form-item', { has: page.locator('label[title="采纳情况"]') }).locator('.ant-select').click();
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^采纳$/ }).first();
      await option.waitFor();
      await page.waitForTimeout(300);
      await option.click();
      await dialog.getByLabel('处理说明').fill(ANSWER);
      await dialog.getByText('在公开网站公开处理情况').click();
      await page.screenshot({ path: screenshotPath('decisions-answer-modal') });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
      // it leaves the 待处理 list and shows under 已公开
      await expect.poll(() => row.count(), WAIT).toBe(0);
      await page.getByText('已公开', { exact: true }).first().click();
      await row.waitFor(WAIT);
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 20_000 }).toContain('采纳');

      // the decision's page lists it too, with the five procedures as a checklist
      await row.locator('a').first().click();
      await page.getByTestId('procedures').waitFor(WAIT);
      await expect.poll(async () => (await page.getByTestId('decision-comments').textContent()) ?? '', WAIT).toContain(ANSWER);
      await expect.poll(async () => (await page.getByTestId('procedures').textContent()) ?? '', WAIT).toContain('暂不能作出决定');
      await page.screenshot({ path: screenshotPath('decisions-open-draft-detail'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });

  it('shows the published answer on the public page', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await page.goto(`${demo.server.baseUrl}${draftPath}`);
      await expect.poll(async () => (await page.getByTestId('public-answers').textContent()) ?? '', WAIT).toContain(ANSWER);
      const text = (await page.getByTestId('public-answers').textContent()) ?? '';
      expect(text).toContain(COMMENT);
      expect(text).not.toContain('张三');
      await page.screenshot({ path: screenshotPath('decisions-public-answer'), fullPage: true });
    });
    await withPage(
      demo.browser,
      async ({ page }) => {
        await page.goto(`${demo.server.baseUrl}${draftPath}`);
        await page.getByTestId('public-answers').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('decisions-public-draft-phone'), fullPage: true });
        await page.goto(`${demo.server.baseUrl}/public/normdocs`);
        await page.getByTestId('public-normdocs').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('decisions-public-normdocs-phone'), fullPage: true });
      },
      PHONE,
    );
  });
});

/** the newest record of a ledger matching a filter, through the signed-in page's own session */
async function firstId(page: Page, ledger: string, filter: string): Promise<number> {
  const res = await page.request.get(`${demo.server.baseUrl}/api/ledgers/${ledger}?${filter}&pageSize=1`);
  const id = ((await res.json()) as { items: Array<{ id: number }> }).items[0]?.id;
  if (!id) throw new Error(`no ${ledger} record matches ${filter}`);
  return id;
}

describe('publishing a normative document', () => {
  it('gives it the next 文号 of the county and starts the filing deadline', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      const post = poster(page, demo.server.baseUrl);
      const L = '/api/ledgers/normdocs.document';
      const id = Number((await post(L, { orgCode: '999001000000', title: '演示县城市绿化管理办法', drafting_unit: '县住房和城乡建设局', draft_on: isoDay(-30) }))['id']);
      await post(`${L}/${id}/transitions/open_comment`, { comment_from: isoDay(-25), comment_to: isoDay(-8) });
      await post(`${L}/${id}/transitions/legality_review`, { legality_review_on: isoDay(-4), legality_conclusion: '合法', legality_opinion: '经审核，制定主体合法，内容和程序符合规定。' });
      await post(`${L}/${id}/transitions/deliberate`, { deliberation_on: isoDay(-2), deliberation_meeting: '县人民政府常务会议' });
      await page.goto(`${demo.server.baseUrl}/ledgers/normdocs.document/${id}`);
      const card = page.getByTestId('normdoc-publish');
      await expect.poll(async () => (await card.textContent()) ?? '', WAIT).toMatch(/预计为“演示县政规〔\d{4}〕\d+号”/);
      await page.screenshot({ path: screenshotPath('decisions-normdoc-publish'), fullPage: true });
      const expected = /预计为“(.+?)”/.exec((await card.textContent()) ?? '')?.[1] ?? '';
      await card.getByRole('button', { name: '公布并编号' }).click();
      await card.waitFor({ state: 'detached', timeout: 20_000 });
      const filing = page.getByTestId('normdoc-filing');
      await expect.poll(async () => (await filing.textContent()) ?? '', WAIT).toContain(expected);
      expect(await filing.textContent()).toMatch(/备案期限：?\d{4}-\d{2}-\d{2}/);
      await page.screenshot({ path: screenshotPath('decisions-normdoc-published'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });
});

describe('screenshot walk', () => {
  it('shows a decided decision, a normative document and the cleanup at desktop and phone width', async () => {
    for (const [suffix, options] of [['desktop', undefined], ['phone', PHONE]] as const) {
      await withPage(
        demo.browser,
        async ({ page, errors }) => {
          // the county sees its own and its towns' records: the cleanup of its many documents
          await login(page, demo.server.baseUrl, 'county');
          await page.goto(`${demo.server.baseUrl}/ledgers/decisions.decision/${await firstId(page, 'decisions.decision', 'f.decided_on.present=1')}`);
          await page.getByTestId('procedures').waitFor(WAIT);
          await page.getByTestId('meeting').waitFor(WAIT);
          await page.screenshot({ path: screenshotPath(`decisions-detail-${suffix}`), fullPage: true });
          if (suffix === 'phone') {
            // the cards of this module, one screen each (the full page is too tall to read at phone width)
            for (const id of ['procedures', 'meeting', 'decision-archive']) {
              await page.getByTestId(id).scrollIntoViewIfNeeded();
              await page.screenshot({ path: screenshotPath(`decisions-detail-phone-${id}`) });
            }
          }
          await page.goto(`${demo.server.baseUrl}/ledgers/normdocs.document/${await firstId(page, 'normdocs.document', 'f.filed_on.present=1&f.effect=现行有效')}`);
          await page.getByTestId('normdoc-filing').waitFor(WAIT);
          await page.screenshot({ path: screenshotPath(`decisions-normdoc-${suffix}`), fullPage: true });
          if (suffix === 'phone') {
            await page.getByTestId('normdoc-filing').scrollIntoViewIfNeeded();
            await page.screenshot({ path: screenshotPath('decisions-normdoc-phone-filing') });
          }
          await page.goto(`${demo.server.baseUrl}/decisions/comments?status=all`);
          await page.getByTestId(suffix === 'phone' ? 'comments-cards' : 'comments-table').locator(suffix === 'phone' ? '.ant-card' : 'tr.ant-table-row').first().waitFor(WAIT);
          await page.screenshot({ path: screenshotPath(`decisions-comments-${suffix}`), fullPage: suffix === 'desktop' });
          await page.goto(`${demo.server.baseUrl}/decisions/cleanup?year=${new Date().getFullYear() - 1}&show=done`);
          await page.getByTestId('cleanup-summary').waitFor(WAIT);
          expect(await page.getByTestId('cleanup-summary').textContent()).toMatch(/继续有效\d+件，修改\d+件，废止\d+件/);
          await page.screenshot({ path: screenshotPath(`decisions-cleanup-${suffix}`), fullPage: suffix === 'desktop' });
          expect(errors).toEqual([]);
        },
        options,
      );
    }
  });
});
