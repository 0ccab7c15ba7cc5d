import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

// a loaded machine can take seconds to answer; expect.poll's default (1 s) is too short
const WAIT = { timeout: 20_000 };
const demo = setupDemo({ reuseExternal: true });

/** picks an option of an antd Select by the form item's label */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const select = page.locator(`.ant-form-item:has(label[title="${label}"])`).locator('.ant-select').first();
  await select.click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  await item.waitFor(WAIT);
  await page.waitForTimeout(300);
  await item.click();
}

/** the draws page: commit (hash shown, no seed), freeze, reveal; then the public page re-computes all three in the browser */
async function drawFlow(page: Page, title: string, shot: string): Promise<void> {
  await login(page, demo.server.baseUrl, 'clerk');
  await page.goto(`${demo.server.baseUrl}/enforcement/draws`);
  await page.getByRole('button', { name: /新建抽取/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('抽查任务名称').fill(title);
  // the seed is the system's: the form has no field for it
  expect(await dialog.getByLabel('随机种子').count()).toBe(0);
  await choose(page, '检查事项', /监督检查（城管）/);
  await dialog.getByLabel('抽取对象数').fill('3');
  await dialog.getByRole('button', { name: /生成种子并公开承诺/ }).click();
  const detail = page.getByTestId('draw-detail');
  await expect.poll(() => detail.textContent(), WAIT).toContain('公开种子的SHA-256值');
  await expect.poll(async () => (await detail.textContent()) ?? '', { timeout: 20_000 }).toContain('待抽取（种子保密）');
  await page.screenshot({ path: screenshotPath(`${shot}-committed`), fullPage: true });
  await detail.getByRole('button', { name: /冻结名录并公开/ }).click();
  await expect.poll(() => detail.textContent(), WAIT).toContain('公开名录的SHA-256值');
  await detail.getByRole('button', { name: /揭示种子并抽取/ }).click();
  await expect.poll(() => detail.textContent(), WAIT).toContain('种子与承诺一致、名录未改动、结果可重现');
  await page.screenshot({ path: screenshotPath(`${shot}-drawn`), fullPage: true });
  const href = await detail.getByRole('link', { name: /公开核验页面/ }).getAttribute('href');
  await page.goto(`${demo.server.baseUrl}${String(href)}`);
  await page.getByTestId('browser-verified').waitFor(WAIT);
  for (const id of ['browser-seed', 'browser-list', 'browser-verified']) await expect.poll(() => page.getByTestId(id).textContent(), WAIT).toContain('一致');
  expect(await page.getByTestId('draw-seed').textContent()).toMatch(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: screenshotPath(`${shot}-public`), fullPage: true });
}

describe('双随机 draws the operator cannot steer, and the public pages', () => {
  it('at phone width: commits, freezes and draws; the public page verifies the commitment, the list and the result', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await drawFlow(page, '端到端测试城管抽查（手机）', 'draws-phone');
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('at desktop width: the same, a discarded attempt with its reason in the public list, and the public benchmarks', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await drawFlow(page, '端到端测试城管抽查（桌面）', 'draws-desktop');
      // an attempt discarded before its draw stays public with its reason
      await page.goto(`${demo.server.baseUrl}/enforcement/draws`);
      await page.getByRole('button', { name: /新建抽取/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('抽查任务名称').fill('端到端测试作废的抽取');
      await choose(page, '检查事项', /监督检查（城管）/);
      await dialog.getByLabel('抽取对象数').fill('2');
      await dialog.getByRole('button', { name: /生成种子并公开承诺/ }).click();
      const detail = page.getByTestId('draw-detail');
      await detail.getByRole('button', { name: /作废本次抽取/ }).click();
      const cancel = page.getByRole('dialog', { name: '作废本次抽取' });
      await cancel.getByLabel('作废理由').fill('检查事项选择有误，改选后重新抽取');
      await cancel.getByRole('button', { name: /作\s*废/ }).click();
      await expect.poll(() => detail.textContent(), WAIT).toContain('作废理由：检查事项选择有误');
      await page.screenshot({ path: screenshotPath('draws-desktop-list'), fullPage: true });
      await page.goto(`${demo.server.baseUrl}/public/enforcement/draws`);
      await expect.poll(() => page.getByTestId('public-draws').textContent(), WAIT).toContain('作废理由：检查事项选择有误，改选后重新抽取');
      await page.screenshot({ path: screenshotPath('draws-desktop-public-list'), fullPage: true });

      await page.goto(`${demo.server.baseUrl}/public/enforcement/benchmarks`);
      await expect.poll(() => page.getByTestId('public-benchmarks-sentence').textContent(), WAIT).toMatch(/共公布\d+个执法事项的裁量基准\d+条/);
      await expect.poll(async () => (await page.getByTestId('public-benchmarks').textContent()) ?? '', { timeout: 20_000 }).toContain('从轻处罚');
      await page.screenshot({ path: screenshotPath('benchmarks-desktop-public'), fullPage: true });
      expect(errors).toEqual([]);
    }, DESKTOP);
  });

  it('at phone width: the public benchmarks and the public draws list', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await page.goto(`${demo.server.baseUrl}/public/enforcement/benchmarks`);
        await page.getByTestId('public-benchmarks').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('benchmarks-phone-public'), fullPage: true });
        await page.goto(`${demo.server.baseUrl}/public/enforcement/draws`);
        await page.getByTestId('public-draws').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('draws-phone-public-list'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('shows the county supervisor the fines growth figure on the home page when it passes the setting', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      const res = await page.request.get(`${demo.server.baseUrl}/api/enforcement/alerts/fines-growth`);
      const items = ((await res.json()) as { items: Array<{ orgName: string; growth: number | null; alert: boolean }> }).items;
      await page.goto(`${demo.server.baseUrl}/`);
      const main = page.locator('main');
      await expect.poll(() => main.textContent(), WAIT).toContain('工作提醒');
      await main.locator('.ant-skeleton').first().waitFor({ state: 'detached', ...WAIT });
      for (const g of items.filter((x) => x.alert)) await expect.poll(() => main.textContent(), WAIT).toContain(`罚款同比增长${String(g.growth)}%`);
      const body = String(await main.textContent());
      for (const g of items.filter((x) => !x.alert)) expect(body).not.toContain(`${g.orgName}今年至今罚款`);
      await page.screenshot({ path: screenshotPath('fines-growth-home-desktop'), fullPage: true });
      expect(errors).toEqual([]);
    }, DESKTOP);
  });
});
