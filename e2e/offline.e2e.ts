import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

// field work on a phone over an unreliable network (decision 0038): what is typed stays on the phone until it is
// saved, and a submission sent twice creates one record
const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 20_000 };
const LEDGER = 'mediation.committee';
const NEW = `/ledgers/${LEDGER}/new`;

const formItem = (page: Page, label: string) => page.locator('.ant-form-item', { has: page.locator(`label[title="${label}"]`) });
async function choose(page: Page, label: string, option: string): Promise<void> {
  await formItem(page, label).locator('.ant-select').click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await page.waitForTimeout(300);
  await item.click();
}
/** the committees titled so, as the list finds them */
const titled = (page: Page, name: string): Promise<number> =>
  page.evaluate(async ([ledger, n]) => {
    const res = await fetch(`/api/ledgers/${ledger}?q=${encodeURIComponent(n)}&pageSize=50`);
    return ((await res.json()) as { items: Array<{ title: string }> }).items.filter((i) => i.title === n).length;
  }, [LEDGER, name] as const);
const unique = (stem: string): string => `${stem}${Date.now().toString(36).slice(-5)}调委会`;

describe('offline on a phone', () => {
  it('keeps the input through a failed save and a reload, and saves it once the network is back', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        const name = unique('离线测试');
        await login(page, demo.server.baseUrl, 'clerk');
        await page.goto(`${demo.server.baseUrl}${NEW}`);
        await page.getByLabel('调委会名称', { exact: true }).fill(name);
        await choose(page, '类型', '村（居）人民调解委员会');
        await page.getByLabel('主任', { exact: true }).fill('林野');

        await page.context().setOffline(true);
        await page.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(async () => (await page.getByTestId('form-problem').textContent()) ?? '', WAIT).toContain('无法连接服务器');
        expect(await page.getByTestId('form-problem').textContent()).toContain('填写的内容已保存在本机');
        expect(await page.getByLabel('调委会名称', { exact: true }).inputValue()).toBe(name);
        expect(new URL(page.url()).pathname).toBe(NEW);

        // the page is not cached for offline use: it reloads once the network is back, and the draft is still there
        await page.context().setOffline(false);
        await page.reload();
        const notice = page.getByTestId('draft-restored');
        await notice.waitFor(WAIT);
        expect(await notice.textContent()).toContain('已恢复未保存的内容');
        expect(await page.getByLabel('调委会名称', { exact: true }).inputValue()).toBe(name);
        expect(await page.getByLabel('主任', { exact: true }).inputValue()).toBe('林野');
        expect(await formItem(page, '类型').textContent()).toContain('村（居）人民调解委员会');
        await page.screenshot({ path: screenshotPath('draft-restored-phone'), fullPage: false });

        await page.getByRole('button', { name: /保\s*存/ }).click();
        await page.waitForURL(/\/ledgers\/mediation\.committee\/\d+$/, WAIT);
        expect(await titled(page, name)).toBe(1);
        // saved: the draft is gone, a new form starts empty
        await page.goto(`${demo.server.baseUrl}${NEW}`);
        await page.getByLabel('调委会名称', { exact: true }).waitFor(WAIT);
        expect(await page.getByTestId('draft-restored').count()).toBe(0);
        expect(await page.getByLabel('调委会名称', { exact: true }).inputValue()).toBe('');
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('clears a restored draft on 清除', async () => {
    await withPage(
      demo.browser,
      async ({ page }) => {
        await login(page, demo.server.baseUrl, 'clerk');
        await page.goto(`${demo.server.baseUrl}${NEW}`);
        await page.getByLabel('调委会名称', { exact: true }).fill('不要了的调委会');
        await page.reload();
        await page.getByTestId('draft-restored').waitFor(WAIT);
        await page.getByTestId('draft-restored').getByRole('button', { name: /清\s*除/ }).click();
        expect(await page.getByLabel('调委会名称', { exact: true }).inputValue()).toBe('');
        await page.reload();
        await page.getByLabel('调委会名称', { exact: true }).waitFor(WAIT);
        expect(await page.getByTestId('draft-restored').count()).toBe(0);
      },
      PHONE,
    );
  });

  it('restores a draft on a desktop too', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.goto(`${demo.server.baseUrl}${NEW}`);
      await page.getByLabel('调委会名称', { exact: true }).fill('桌面草稿调委会');
      await page.reload();
      await page.getByTestId('draft-restored').waitFor(WAIT);
      expect(await page.getByLabel('调委会名称', { exact: true }).inputValue()).toBe('桌面草稿调委会');
      await page.screenshot({ path: screenshotPath('draft-restored-desktop'), fullPage: false });
      await page.getByTestId('draft-restored').getByRole('button', { name: /清\s*除/ }).click();
      expect(errors).toEqual([]);
    });
  });

  it('answers a submission that reaches the server twice once: the second is the stored answer', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        const name = unique('重发测试');
        await login(page, demo.server.baseUrl, 'clerk');
        const seen: Array<{ status: number; replayed: string | undefined; body: string }> = [];
        // a flaky network delivering the same POST twice
        await page.route(`**/api/ledgers/${LEDGER}`, async (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          const first = await route.fetch();
          const second = await route.fetch();
          for (const r of [first, second]) seen.push({ status: r.status(), replayed: r.headers()['idempotent-replayed'], body: await r.text() });
          return route.fulfill({ response: second });
        });
        await page.goto(`${demo.server.baseUrl}${NEW}`);
        await page.getByLabel('调委会名称', { exact: true }).fill(name);
        await choose(page, '类型', '村（居）人民调解委员会');
        await page.getByLabel('主任', { exact: true }).fill('林野');
        await page.getByRole('button', { name: /保\s*存/ }).click();
        await page.waitForURL(/\/ledgers\/mediation\.committee\/\d+$/, WAIT);
        expect(seen.map((s) => [s.status, s.replayed])).toEqual([
          [200, undefined],
          [200, 'true'],
        ]);
        expect(seen[1]?.body).toBe(seen[0]?.body);
        expect(await titled(page, name)).toBe(1);
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
