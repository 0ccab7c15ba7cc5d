import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, openPopup, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { act, isoDay, poster } from './steps.ts';

// issue #22, forms: a likely duplicate is named before it is saved; a step's signer is the signed-in user
const WAIT = { timeout: 30_000 };
const demo = setupDemo({ reuseExternal: true });
const TOWN = '999001001000';

/** the values of a case the clerk registered once and types in again (the form's draft holds them) */
async function caseValues(page: Page, n: number): Promise<Record<string, unknown>> {
  const res = await page.request.get(`${demo.server.baseUrl}/api/ledgers/enforcement.benchmark?pageSize=1`);
  const matter = ((await res.json()) as { items: Array<{ values: Record<string, unknown> }> }).items[0]?.values['matter'];
  expect(matter).toBeDefined();
  // a unified social credit code of its own per run, so the first record is the only one it repeats
  const code = `91330100MA${String(Date.now() % 1e6).padStart(6, '0')}${n}`;
  return { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter, source: '投诉举报', registered_on: isoDay(-1), summary: '占道经营', party_kind: '单位', party_name: '某某便利店', party_uscc: withCheckDigit(code) };
}

/** GB 32100 check character of the 17 characters given */
function withCheckDigit(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const s = [...body17.slice(0, 17)].reduce((acc, c, i) => acc + chars.indexOf(c) * (weights[i] ?? 0), 0);
  return body17.slice(0, 17) + (chars[(31 - (s % 31)) % 31] ?? '0');
}

async function typeCaseAgain(page: Page, n: number): Promise<void> {
  await login(page, demo.server.baseUrl, 'clerk');
  const values = await caseValues(page, n);
  await poster(page, demo.server.baseUrl)('/api/ledgers/enforcement.case', values);
  // the form restores what was typed before (its draft), as after a reload: the same case once more
  await page.evaluate(async (v) => {
    const me = (await (await fetch('/api/me')).json()) as { user: { id: number } };
    localStorage.setItem(`fz.draft.${me.user.id}.enforcement.case.new`, JSON.stringify(v));
  }, values);
  await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.case/new`);
  await page.getByRole('button', { name: /保\s*存/ }).waitFor(WAIT);
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/ledgers/enforcement.case') && r.request().method() === 'POST');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  expect((await refused).status()).toBe(409);
  await page.getByTestId('form-duplicates').waitFor(WAIT);
}

describe('a likely duplicate on the record form', () => {
  it('names the record it repeats, links it, and saves only once confirmed', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await typeCaseAgain(page, 1);
      const warning = page.getByTestId('form-duplicates');
      const text = (await warning.textContent()) ?? '';
      expect(text).toContain('可能重复：已有1条相同的案件');
      expect(text).toContain('统一社会信用代码');
      expect(await warning.getByRole('link').count()).toBe(1);
      expect(await warning.getByRole('link').getAttribute('href')).toMatch(/^\/ledgers\/enforcement\.case\/\d+$/);
      await page.screenshot({ path: screenshotPath('form-duplicate'), fullPage: false });
      await page.getByTestId('confirm-duplicate').click();
      await page.waitForURL(/\/ledgers\/enforcement\.case\/\d+$/, WAIT);
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await typeCaseAgain(page, 2);
        await page.screenshot({ path: screenshotPath('form-duplicate-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});

describe('the signer of a step', () => {
  it('is the signed-in reviewer, shown read-only in the 保密审查 dialog and recorded', async () => {
    for (const [options, name] of [[undefined, 'signed-by-dialog'], [PHONE, 'signed-by-dialog-phone']] as const) {
      await withPage(
        demo.browser,
        async ({ page, errors }) => {
          await login(page, demo.server.baseUrl, 'reviewer');
          const post = poster(page, demo.server.baseUrl);
          const L = '/api/ledgers/disclosure.item';
          const id = Number((await post(L, { orgCode: `${TOWN}-01`, category: '通知公告', made_on: isoDay(-5), title: `关于签名测试的通知（${name}）` }))['id']);
          await post(`${L}/${id}/transitions/submit_review`, { secrecy_submitted_on: isoDay(-4) });
          await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.item/${id}`);
          await page.getByTestId('workflow').waitFor(WAIT);
          await act(page, /保密审查/, async (dialog) => {
            const signer = dialog.getByTestId('signed-by-secrecy_reviewer');
            expect(await signer.inputValue()).toBe('刘思齐');
            expect(await signer.getAttribute('readonly')).not.toBeNull();
            expect((await dialog.textContent()) ?? '').toContain('按登录账号自动记录');
            await page.screenshot({ path: screenshotPath(name), fullPage: false });
            // on a loaded machine a click during the dialog's animation can miss: open the list until it shows, and
            // check each value took before confirming
            const conclusion = dialog.locator('.ant-form-item', { has: page.locator('label[title="保密审查结论"]') });
            const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^同意公开$/ });
            await openPopup(page, conclusion.locator('.ant-select'), option);
            await option.click();
            await expect.poll(async () => (await conclusion.textContent()) ?? '', WAIT).toContain('同意公开');
            const day = dialog.locator('.ant-form-item', { has: page.locator('label[title="审查日期"]') }).locator('input');
            await day.fill(isoDay(-3));
            await day.press('Enter');
            await expect.poll(() => day.inputValue(), WAIT).toBe(isoDay(-3));
          });
          const res = await page.request.get(`${demo.server.baseUrl}${L}/${id}`);
          expect(((await res.json()) as { values: Record<string, unknown> }).values['secrecy_reviewer']).toBe('刘思齐');
          expect(errors).toEqual([]);
        },
        options,
      );
    }
  });
});

describe('the home page of the year', () => {
  it('draws the records and deadlines by month for the leader, with the figures as a table of links', async () => {
    for (const [options, name] of [[undefined, 'home-charts'], [PHONE, 'home-charts-phone']] as const) {
      await withPage(
        demo.browser,
        async ({ page, errors }) => {
          await login(page, demo.server.baseUrl, 'leader');
          const charts = page.getByTestId('home-charts');
          await charts.waitFor(WAIT);
          const api = (await (await page.request.get(`${demo.server.baseUrl}/api/home/charts`)).json()) as { year: number; records: Array<{ key: string; label: string; counts: number[]; links: string[]; total: number }> };
          const cases = api.records.find((s) => s.key === 'enforcement.case');
          expect(cases?.total).toBeGreaterThan(0);
          expect((await charts.textContent()) ?? '').toContain(`${api.year}年各月情况`);
          expect((await page.getByTestId('chart-enforcement.case').textContent()) ?? '').toContain(`全年 ${String(cases?.total)} 件`);
          expect(await page.getByTestId('chart-enforcement.case').locator('svg[role="img"]').getAttribute('aria-label')).toContain('行政执法案件');
          await charts.scrollIntoViewIfNeeded();
          await page.screenshot({ path: screenshotPath(name), fullPage: false });
          // the table alternative: a month's figure opens the list it counts
          await charts.getByText('以表格查看各月数字').click();
          const month = cases?.counts.findIndex((n) => n > 0) ?? -1;
          const link = charts.locator(`a[href="${cases?.links[month] ?? ''}"]`);
          await link.waitFor(WAIT);
          expect(await link.textContent()).toBe(String(cases?.counts[month]));
          await link.click();
          await page.waitForURL(/\/ledgers\/enforcement\.case\?/, WAIT);
          expect(errors).toEqual([]);
        },
        options,
      );
    }
  });
});
