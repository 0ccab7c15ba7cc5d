import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();
const TOWN = '999001001000';
const WAIT = { timeout: 30_000 };

/** a published item of the demo town, found on the public site */
async function publishedItemId(): Promise<number> {
  const res = await fetch(`${demo.server.baseUrl}/api/public/disclosure/items?org=${TOWN}&pageSize=1`);
  const body = (await res.json()) as { items: Array<{ id: number }> };
  const id = body.items[0]?.id;
  if (!id) throw new Error('no published item in the demo');
  return id;
}

describe('a published record on its page', () => {
  it('offers 更正 instead of 编辑, corrects it with a reason and shows both versions', async () => {
    const id = await publishedItemId();
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'reviewer');
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.item/${id}`);
      const card = page.getByTestId('correction');
      await card.waitFor(WAIT);
      await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 20_000 }).toContain('不能直接修改');
      expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
      await page.screenshot({ path: screenshotPath('correction-locked'), fullPage: false });

      await card.getByTestId('correct').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.locator('.ant-form-item:has(label[title="更正的字段"]) .ant-select').click();
      await page.keyboard.type('内容概述');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await dialog.getByLabel('内容概述').fill('经核对，摘要更正为本次内容');
      await dialog.getByLabel('更正理由').fill('摘要与正文不符');
      await page.screenshot({ path: screenshotPath('correction-dialog'), fullPage: false });
      const done = page.waitForResponse((r) => r.url().endsWith('/correct') && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: /提交更正/ }).click();
      const res = await done;
      expect(res.status(), await res.text()).toBe(200);
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => card.textContent(), WAIT).toContain('第2版');
      await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 20_000 }).toContain('摘要与正文不符');
      // back to 保密审查: no longer locked, the edit button returns
      await page.getByRole('button', { name: /编\s*辑/ }).waitFor(WAIT);
      await card.getByRole('button', { name: '查看第1版' }).click();
      const version = page.getByRole('dialog');
      await version.getByText('已被更正或撤回的版本').waitFor(WAIT);
      await page.waitForTimeout(500);
      await page.screenshot({ path: screenshotPath('correction-version'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });

  it('fits a phone', async () => {
    const id = await publishedItemId();
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'leader');
        await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.item/${id}`);
        const card = page.getByTestId('correction');
        await card.waitFor(WAIT);
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('correction-phone'), fullPage: false });
        // nothing wider than the screen: the card's buttons wrap
        const box = await card.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
