import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { today } from '../server/test/dates.ts';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 30_000 };
const JUSTICE = '999001000000-01';
const QINGXI = '999001002000';
const LAW_ENFORCEMENT = '999001000000-02';
const main = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';

/** a new round of this year on the 示范指标体系, as the 依法治县办 would open it (of the towns unless told); returns its id */
async function newRound(page: Page, unitScope?: string): Promise<number> {
  return page.evaluate(
    async ({ org, on, scope }) => {
      const year = Number(on.slice(0, 4));
      const systems = (await (await fetch('/api/evaluation/systems')).json()) as { items: Array<{ id: number; key: string }> };
      const sys = systems.items.find((s) => s.key === 'shifan');
      const res = await fetch('/api/ledgers/evaluation.round', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orgCode: org, title: `${year}年度${scope ? '乡镇和县直部门' : '乡镇'}法治政府建设考核（浏览器测试）`, year, period_end: `${year}-12-31`, system_id: sys?.id, ...(scope ? { unit_scope: scope } : {}) }) });
      return ((await res.json()) as { id: number }).id;
    },
    { org: JUSTICE, on: today, scope: unitScope ?? null },
  );
}

describe('考核评估', () => {
  it('the county scores the towns on the indicator system and sees the ranking with the evidence behind a score, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      const id = await newRound(page);
      expect(id).toBeGreaterThan(0);
      await page.goto(`${demo.server.baseUrl}/ledgers/evaluation.round/${id}`);
      await page.getByTestId('compute').click();
      await expect.poll(() => main(page), WAIT).toContain('重新计算自动评分项');
      // 三、重大行政决策 of 清溪镇: the catalogue leaf is scored by hand, with its reason and the records behind it
      const cell = page.getByTestId(`cell-${QINGXI}-3`);
      const before = (await cell.textContent()) ?? '';
      await cell.click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('3.1.3').waitFor(WAIT);
      await drawer.getByTestId('score-line').filter({ hasText: '3.1.3' }).getByRole('button', { name: /^评\s?分$/ }).click();
      const modal = page.locator('.ant-modal');
      await modal.getByLabel('得分').fill('1.5');
      await modal.getByLabel('评分理由').fill('目录已编制但未在政府网站公布，按细则得1.5分');
      await modal.getByPlaceholder('名称，如 案卷评查记录').fill('重大行政决策事项目录');
      await modal.getByPlaceholder('/ledgers/…').fill(`/ledgers/decisions.catalog_item?org=${QINGXI}`);
      await page.screenshot({ path: screenshotPath('evaluation-score'), fullPage: false });
      await modal.getByRole('button', { name: '保存评分' }).click();
      await expect.poll(async () => drawer.getByTestId('score-line').filter({ hasText: '3.1.3' }).getByTestId('line-points').textContent(), WAIT).toBe('1.5/3分');
      await expect.poll(async () => drawer.getByTestId('score-line').filter({ hasText: '3.1.3' }).textContent(), WAIT).toContain('重大行政决策事项目录');
      // the 已评分 message lies over the drawer's close button while the pointer rests on it: move away, let it go
      await page.mouse.move(5, (page.viewportSize()?.height ?? 700) - 5);
      await expect.poll(async () => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
      await page.locator('.ant-drawer-close').click();
      await expect.poll(async () => Number(await cell.textContent()), WAIT).toBe(Number(before) + 1.5);
      expect(await page.getByTestId('ranking').textContent()).toContain('清溪镇');

      // last year's closed round: the ranking, the chart, and a score cell opening its figure, its source and evidence
      const closed = await page.evaluate(async () => ((await (await fetch('/api/ledgers/evaluation.round?state=closed')).json()) as { items: Array<{ id: number }> }).items[0]?.id);
      await page.goto(`${demo.server.baseUrl}/ledgers/evaluation.round/${closed}`);
      await expect.poll(() => main(page), WAIT).toContain('已结束，得分已冻结');
      await page.getByRole('img', { name: '各单位按一级指标的得分对比图' }).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('evaluation-ranking'), fullPage: true });
      await page.getByTestId(`cell-${QINGXI}-4`).click();
      await drawer.getByText('4.3.1').waitFor(WAIT);
      const evidence = drawer.getByTestId('score-line').filter({ hasText: '4.3.1' }).getByTestId('line-evidence');
      expect(await evidence.textContent()).toContain('案卷评查');
      expect(await drawer.getByTestId('line-records').count()).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath('evaluation-evidence'), fullPage: false });
      await evidence.getByRole('link').first().click();
      await expect.poll(() => page.url(), WAIT).toContain('/ledgers/supervision.review/');
      expect(errors).toEqual([]);
    });
  });

  it('the county evaluates its towns and its departments in one round, each group ranked on its own, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      // the round form offers 参评单位
      await page.goto(`${demo.server.baseUrl}/ledgers/evaluation.round/new`);
      await expect.poll(() => main(page), WAIT).toContain('参评单位');
      const id = await newRound(page, '乡镇和县直部门');
      expect(id).toBeGreaterThan(0);
      await page.goto(`${demo.server.baseUrl}/ledgers/evaluation.round/${id}`);
      await page.getByTestId('compute').click();
      await expect.poll(() => main(page), WAIT).toContain('重新计算自动评分项');
      const towns = page.getByTestId('ranking');
      const depts = page.getByTestId('ranking-department');
      await expect.poll(async () => (await depts.textContent()) ?? '', WAIT).toContain('县综合行政执法局');
      expect(await depts.textContent()).toContain('县直部门（3个，单独排名）');
      expect(await depts.textContent()).not.toContain('清溪镇');
      expect(await towns.textContent()).toContain('清溪镇');
      expect(await towns.textContent()).not.toContain('县综合行政执法局');
      // each group has its own first place
      expect(await towns.locator('tbody tr.ant-table-row').first().textContent()).toMatch(/^1/);
      expect(await depts.locator('tbody tr.ant-table-row').first().textContent()).toMatch(/^1/);
      await page.getByRole('img', { name: '县直部门按一级指标的得分对比图' }).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('evaluation-ranking-departments'), fullPage: true });
      // a department's cell opens its own leaves, with its figures labelled 实时数
      await page.getByTestId(`total-${LAW_ENFORCEMENT}`).click();
      const drawer = page.locator('.ant-drawer');
      await expect.poll(async () => (await drawer.textContent()) ?? '', WAIT).toContain('县综合行政执法局');
      expect(await drawer.textContent()).toContain('县直部门第');
      expect(await drawer.textContent()).toContain('实时数');
      // the drawer has slid in fully before the picture
      await expect.poll(async () => { const b = await page.locator('.ant-drawer-content-wrapper').boundingBox(); return b ? Math.round(b.x + b.width) : 9999; }, WAIT).toBeLessThanOrEqual(1366);
      await page.screenshot({ path: screenshotPath('evaluation-department-drawer'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });

  it('a town sees its own result, rank and the evidence on a phone; the county pages are not in its menu', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'clerk2');
        const r = await page.evaluate(async () => ((await (await fetch('/api/ledgers/evaluation.result?state=closed')).json()) as { items: Array<{ id: number }> }).items[0]?.id);
        expect(r).toBeGreaterThan(0);
        await page.goto(`${demo.server.baseUrl}/ledgers/evaluation.result/${r}`);
        await page.getByTestId('result-summary').waitFor(WAIT);
        expect(await page.getByTestId('result-summary').textContent()).toMatch(/第[123]名/);
        await page.screenshot({ path: screenshotPath('evaluation-result-phone'), fullPage: true });
        const nav = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { nav: Array<{ path: string }> }).nav.map((n) => n.path));
        expect(nav).toContain('/ledgers/evaluation.result');
        expect(nav).not.toContain('/ledgers/evaluation.round');
        await page.goto(`${demo.server.baseUrl}/evaluation/progress`);
        await expect.poll(() => main(page), WAIT).toContain('清溪镇');
        await page.screenshot({ path: screenshotPath('evaluation-progress-phone'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
