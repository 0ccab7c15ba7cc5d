import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { isoDay, poster } from './steps.ts';

const demo = setupDemo();
const ID = '440304199003078917';
const MOBILE = '13912345678';
describe('personal data inside a 主动公开 item', () => {
  let id = 0;
  it('is highlighted in the 脱敏预览 card the 保密审查 reviewer confirms', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'reviewer');
      const post = poster(page, demo.server.baseUrl);
      const L = '/api/ledgers/disclosure.item';
      id = Number((await post(L, { orgCode: '999001001000-01', category: '通知公告', made_on: isoDay(-5), title: '关于拆迁补偿款发放情况的公示', content: `经核实，补偿对象（身份证号${ID}，联系电话${MOBILE}）的补偿款12000元已发放。\n如有异议，请于公示期内提出。` }))['id']);
      await post(`${L}/${id}/transitions/submit_review`, { secrecy_submitted_on: isoDay(-4) });
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.item/${id}`);
      const card = page.getByTestId('redaction-panel');
      await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 30_000 }).toContain('发现 2 处个人信息');
      expect(await card.locator('mark').allTextContents()).toEqual([ID, MOBILE]);
      await expect.poll(async () => (await page.getByTestId('redacted-content').textContent()) ?? '', { timeout: 20_000 }).toContain('身份证号440304********8917，联系电话139****5678');
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('redaction-preview'), fullPage: false });
      await post(`${L}/${id}/transitions/review`, { secrecy_result: '同意公开', secrecy_reviewed_on: isoDay(-3), redaction_confirmed: true });
      await post(`${L}/${id}/transitions/publish`, { published_on: isoDay(-2), channels: ['政府网站'] });
      expect(errors).toEqual([]);
    });
  });

  it('is masked on the public page', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await page.goto(`${demo.server.baseUrl}/public/disclosure/items/${id}`);
        await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 30_000 }).toContain('440304********8917');
        const html = await page.content();
        expect(html).not.toContain(ID);
        expect(html).not.toContain(MOBILE);
        await page.screenshot({ path: screenshotPath('redaction-public-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
