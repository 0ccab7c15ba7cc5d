import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { today } from '../server/test/dates.ts';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };
const JUSTICE = '999001000000-01';
const CLERK_OF: Record<string, string> = { '999001001000': 'clerk', '999001002000': 'clerk2', '999001003000': 'clerk3' };
const main = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';

/** a new plan of two files, as the supervisor would fill it in; returns its id */
async function newPlan(page: Page, title: string): Promise<number> {
  return page.evaluate(
    async ({ org, title, on }) => {
      const y = Number(on.slice(0, 4)) - 1;
      const res = await fetch('/api/ledgers/supervision.review', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orgCode: org, title, planned_on: on, period_from: `${y}-01-01`, period_to: `${y}-12-31`, case_count: 2 }) });
      return ((await res.json()) as { id: number }).id;
    },
    { org: JUSTICE, title, on: today },
  );
}

describe('执法监督', () => {
  it('the supervisor commits a seed, draws two files, scores them beside the case file, sees the results and finishes, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.review`);
      await expect.poll(() => main(page), WAIT).toContain('乡镇行政处罚案卷评查');
      await page.screenshot({ path: screenshotPath('supervision-reviews'), fullPage: false });

      const id = await newPlan(page, '专项案卷评查（浏览器测试）');
      expect(id).toBeGreaterThan(0);
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.review/${id}`);
      // commit-reveal: the seed's SHA-256 is published first, the seed only at the draw
      await page.getByRole('button', { name: '承诺随机种子' }).click();
      await expect.poll(() => main(page), WAIT).toContain('种子在抽取时公开');
      expect(await main(page)).toContain('公开种子的SHA-256值');
      await page.screenshot({ path: screenshotPath('supervision-review-committed'), fullPage: false });
      await page.getByRole('button', { name: '随机抽取' }).click();
      await expect.poll(() => main(page), WAIT).toContain('重算一致');
      expect(await main(page)).toContain('揭示种子');
      await page.getByRole('button', { name: '在本浏览器重算核对' }).click();
      await expect.poll(async () => (await page.getByTestId('draw-checks').textContent()) ?? '', WAIT).toContain('本浏览器重算');
      expect(((await page.getByTestId('draw-checks').textContent()) ?? '').match(/不一致/g)).toBeNull();
      await page.getByTestId('review-draw-record').screenshot({ path: screenshotPath('supervision-review-draw') });
      await page.getByTestId('review-cases').getByRole('link', { name: '评分' }).first().click();

      await page.getByTestId('case-file').getByText('案由').first().waitFor(WAIT);
      await page.getByLabel('E2扣分', { exact: true }).fill('3');
      await page.getByLabel('E2扣分理由').fill('现场检查笔录未附现场照片');
      await expect.poll(async () => page.getByTestId('score-grade').textContent(), WAIT).toBe('优秀');
      await page.screenshot({ path: screenshotPath('supervision-score'), fullPage: true });
      const heading = async (): Promise<string> => (await page.getByRole('heading', { level: 4 }).textContent()) ?? '';
      const firstFile = await heading();
      await page.getByRole('button', { name: '保存并评下一份' }).click();

      // the second file: a veto makes it 不合格 whatever the points; a deduction without reason is refused first
      await expect.poll(heading, WAIT).not.toBe(firstFile);
      await page.getByTestId('case-file').getByText('案由').first().waitFor(WAIT);
      await expect.poll(async () => page.getByTestId('score-grade').textContent(), WAIT).toBe('优秀');
      await page.getByLabel('P2扣分', { exact: true }).fill('2');
      await page.getByRole('checkbox').first().check();
      await expect.poll(async () => page.getByTestId('score-grade').textContent(), WAIT).toBe('不合格');
      await page.getByRole('button', { name: '保存评分' }).click();
      await expect.poll(() => main(page), WAIT).toContain('扣分须写明理由');
      await page.getByLabel('P2扣分理由').fill('告知书送达回证无签收日期');
      await page.getByRole('button', { name: '保存评分' }).click();
      await expect.poll(() => page.getByRole('button', { name: '保存评分' }).isEnabled(), WAIT).toBe(true);

      await page.getByRole('link', { name: /返回评查计划/ }).click();
      await expect.poll(() => main(page), WAIT).toContain('已评2/2份');
      expect(await main(page)).toContain('按被评查单位');
      await page.getByLabel('评查结论').fill('两份案卷中一份规范，一份存在否决项，需整改。');
      await page.getByRole('button', { name: '完成评查' }).click();
      await expect.poll(() => main(page), WAIT).toContain('已完成');
      await page.screenshot({ path: screenshotPath('supervision-review'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });

  it('the town served with the 意见书 finds it in its 待办 and on a phone; a reviewer has no entry for it', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.opinion`);
      await expect.poll(() => main(page), WAIT).toContain('执监意〔');
      await page.screenshot({ path: screenshotPath('supervision-opinions'), fullPage: false });
      expect(errors).toEqual([]);
    });
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'supervisor');
        const o = await page.evaluate(async () => ((await (await fetch('/api/ledgers/supervision.opinion?state=issued')).json()) as { items: Array<{ id: number; orgCode: string }> }).items[0]);
        expect(o).toBeDefined();
        const clerk = CLERK_OF[(o?.orgCode ?? '').slice(0, 12)] ?? 'clerk';
        await page.context().clearCookies();
        await login(page, demo.server.baseUrl, clerk);
        await page.goto(`${demo.server.baseUrl}/todos?ledger=supervision.opinion`);
        await expect.poll(() => main(page), WAIT).toContain('报送整改情况');
        await page.screenshot({ path: screenshotPath('supervision-town-todos-phone'), fullPage: false });
        await page.goto(`${demo.server.baseUrl}/ledgers/supervision.opinion/${o?.id}`);
        await expect.poll(() => main(page), WAIT).toContain('整改期限');
        await page.getByTestId('workflow').getByRole('button', { name: /提交整改报告/ }).waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('supervision-opinion-phone'), fullPage: true });
        const nav = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { nav: Array<{ path: string }> }).nav.map((n) => n.path));
        expect(nav).toContain('/ledgers/supervision.opinion');
        expect(nav).not.toContain('/ledgers/supervision.review');
        expect(errors).toEqual([]);
      },
      PHONE,
    );
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'reviewer');
      const nav = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { nav: Array<{ path: string }> }).nav.map((n) => n.path));
      expect(nav.some((p) => p.startsWith('/ledgers/supervision.'))).toBe(false);
    });
  });

  it('scores on a phone with the sheet below the case file', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'supervisor');
        const id = await newPlan(page, '专项案卷评查（手机）');
        const first = await page.evaluate(async (id) => {
          const step = (s: string) => fetch(`/api/supervision/reviews/${id}/${s}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
          await step('commit');
          // the draw follows the commitment
          await new Promise((r) => setTimeout(r, 20));
          return ((await (await step('draw')).json()) as { cases: Array<{ caseId: number }> }).cases[0]?.caseId;
        }, id);
        await page.goto(`${demo.server.baseUrl}/supervision/reviews/${id}/cases/${first}`);
        await page.getByTestId('score-sheet').waitFor(WAIT);
        await page.getByTestId('case-file').getByText('案由').first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('supervision-score-phone'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
  it('draws the towns of a 监督活动: the seed committed first, then the draw with its checks; the demo activity shows its draw', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      const id = await page.evaluate(async ({ org, on }) => {
        const res = await fetch('/api/ledgers/supervision.activity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orgCode: org, title: '执法公示专项监督（浏览器测试）', mode: '专项监督', planned_on: on, plan: '随机抽取两个乡镇，检查行政处罚决定公示情况。', unit_count: 2 }) });
        return ((await res.json()) as { id: number }).id;
      }, { org: JUSTICE, on: today });
      expect(id).toBeGreaterThan(0);
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.activity/${id}`);
      await page.getByTestId('activity-draw').getByRole('button', { name: '承诺随机种子' }).click();
      await expect.poll(async () => (await page.getByTestId('activity-draw').textContent()) ?? '', WAIT).toContain('种子在抽取时公开');
      await page.getByTestId('activity-draw').getByRole('button', { name: '随机抽取' }).click();
      await page.getByTestId('activity-draw-record').waitFor(WAIT);
      await expect.poll(async () => (await page.getByTestId('activity-draw-record').textContent()) ?? '', WAIT).toContain('重算一致');
      await page.getByTestId('activity-draw-record').screenshot({ path: screenshotPath('supervision-activity-draw') });
      // the drawn units are the draw's: the edit form shows them read-only, with why; the rest still saves
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.activity/${id}/edit`);
      const unitsBox = page.getByLabel('被监督单位');
      await unitsBox.waitFor(WAIT);
      expect(await unitsBox.isDisabled()).toBe(true);
      expect(await main(page)).toContain('已随机抽取被监督单位');
      await page.getByLabel('发现的问题').fill('城关镇：部分行政处罚决定未按期公示');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(new RegExp(`/ledgers/supervision.activity/${id}$`), WAIT);
      await expect.poll(() => main(page), WAIT).toContain('部分行政处罚决定未按期公示');
      // the demo's 专项监督 was drawn the same way, committed ten minutes before
      const drawn = await page.evaluate(async () => ((await (await fetch('/api/ledgers/supervision.activity?pageSize=100')).json()) as { items: Array<{ id: number; values: Record<string, unknown> }> }).items.find((a) => a.values['unit_count'] && String(a.values['title']).includes('涉企行政检查'))?.id);
      await page.goto(`${demo.server.baseUrl}/ledgers/supervision.activity/${drawn}`);
      await expect.poll(async () => (await page.getByTestId('activity-draw-record').textContent()) ?? '', WAIT).toContain('重算一致');
      expect(errors).toEqual([]);
    });
  });
});
