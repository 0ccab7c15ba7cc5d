import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../common/validators.ts';
import { DESKTOP, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const WAIT = { timeout: 20_000 };
const SUMMARY = '待办端到端：擅自占用城市道路摆摊设点案';
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
// filed 80 days ago: the 90-day decision period ends in ten days, so the case is among the most urgent
const daysAgo = (n: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const demo = setupDemo({ reuseExternal: true });
let casePath = '';

/** a JSON call from the signed-in page (same origin, the session cookie) */
async function call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', accept: 'application/json' }, ...(b === undefined ? {} : { body: JSON.stringify(b) }) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    [method, url, body] as const,
  );
}

describe('待办 for the 法制审核员', () => {
  it('a major case concluded by the county is waiting for 法制审核', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'county');
      const benchmarks = await call(page, 'GET', '/api/ledgers/enforcement.benchmark?f.level=一般处罚&pageSize=1');
      const matter = (benchmarks.json['items'] as Array<{ values: { matter: number } }>)[0]?.values.matter;
      const created = await call(page, 'POST', '/api/ledgers/enforcement.case', {
        orgCode: '999001001000-03',
        case_type: '行政处罚',
        domain: '城管',
        matter,
        source: '投诉举报',
        registered_on: daysAgo(81),
        summary: SUMMARY,
        party_kind: '个人',
        party_name: '端到端当事人',
        party_id_number: makeIdNumber('999001', '1985-03-09', 27),
      });
      expect(created.status, JSON.stringify(created.json)).toBe(200);
      const id = Number(created.json['id']);
      casePath = `/ledgers/enforcement.case/${id}`;
      expect((await call(page, 'POST', `/api/ledgers/enforcement.case/${id}/transitions/file`, { filed_on: daysAgo(80) })).status).toBe(200);
      // two officers of the town's registry (行政处罚法第四十二条)
      const registry = (await call(page, 'GET', '/api/ledgers/enforcement.inspector?org=999001001000&f.in_pool=true&pageSize=2')).json['items'] as Array<{ values: Record<string, string> }>;
      const officers = { officer1_name: registry[0]?.values['name'], officer1_cert: registry[0]?.values['cert_no'], officer2_name: registry[1]?.values['name'], officer2_cert: registry[1]?.values['cert_no'] };
      const concluded = await call(page, 'POST', `/api/ledgers/enforcement.case/${id}/transitions/conclude_investigation`, { investigated_on: TODAY, facts: '当事人在东街占道经营，经责令仍未改正', proposed_kinds: ['罚款', '责令停产停业'], proposed_amount: 20000, ...officers });
      expect(concluded.status, JSON.stringify(concluded.json)).toBe(200);
    });
  });

  it('the legal reviewer finds it from the home page, through the bell, and opens it', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'legal');
      const home = page.getByTestId('home-todos');
      await home.waitFor(WAIT);
      const row = home.getByTestId('todo-row').filter({ hasText: SUMMARY });
      await row.waitFor(WAIT);
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 20_000 }).toContain('法制审核');
      await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 20_000 }).toContain('处罚决定期限');
      await page.screenshot({ path: screenshotPath('todos-home-1366'), fullPage: true });
      // the bell counts the same to-dos and leads to the 待办 page, grouped by step
      const bell = page.getByTestId('todo-bell');
      await expect.poll(async () => (await bell.getAttribute('aria-label')) ?? '', WAIT).toMatch(/^我的待办：[1-9]\d*件/);
      await bell.click();
      await page.waitForURL(/\/todos$/, WAIT);
      const group = page.getByTestId('todo-group').filter({ hasText: '法制审核 · ' }).first();
      await group.waitFor(WAIT);
      await group.getByTestId('todo-row').filter({ hasText: SUMMARY }).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('todos-page-1366'), fullPage: true });
      await page.goto(`${demo.server.baseUrl}/`);
      await page.getByTestId('home-todos').getByTestId('todo-row').filter({ hasText: SUMMARY }).click();
      await page.waitForURL(new RegExp(`${casePath}$`), WAIT);
      await page.getByTestId('workflow').getByRole('button', { name: /法制审核/ }).waitFor(WAIT);
      expect(errors).toEqual([]);
    }, DESKTOP);
  });

  it('works at phone width: the home page lists it, the 待办 page shows it with its deadline', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'legal');
      await page.getByTestId('home-todos').getByTestId('todo-row').filter({ hasText: SUMMARY }).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('todos-home-390') });
      await page.goto(`${demo.server.baseUrl}/todos`);
      await page.getByTestId('todo-row').filter({ hasText: SUMMARY }).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('todos-page-390'), fullPage: true });
      expect(errors).toEqual([]);
    }, PHONE);
  });

  it('the case list shows the 办理状态 column and filters by it', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'legal');
      await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.case?state=investigated`);
      await page.getByRole('columnheader', { name: '办理状态' }).waitFor(WAIT);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor(WAIT);
      const states = await rows.locator('td .ant-tag').filter({ hasText: /^(调查终结|已告知|已立案|案源登记|已作出决定|已送达|已执行|已结案|不予立案)$/ }).allTextContents();
      expect(states.length).toBeGreaterThan(0);
      expect(new Set(states)).toEqual(new Set(['调查终结']));
      await page.getByTestId('ledger-filters').getByText('调查终结').waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('todos-ledger-state-1366') });
      expect(errors).toEqual([]);
    }, DESKTOP);
  });

  it('the 系统管理员 sets the province’s notification hook, and a bad address is refused naming the field', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'sysadmin');
      await page.goto(`${demo.server.baseUrl}/admin/notify-webhook`);
      const input = page.getByLabel('外发接口地址');
      await input.waitFor(WAIT);
      await input.fill('ftp://sms.example.gov.cn');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-form-item-explain-error', { hasText: 'http' }).waitFor(WAIT);
      await input.fill('');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已关闭提醒外发').waitFor(WAIT);
      await page.locator('.ant-form-item-explain-error').waitFor({ state: 'detached', ...WAIT });
      await input.fill('https://sms.example.gov.cn/fazhi/notify');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已启用提醒外发').waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('todos-webhook-1366') });
      expect(errors).toEqual([]);
    }, DESKTOP);
  });

  it('the clerk’s queue does not hold the legal review', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const list = await call(page, 'GET', '/api/todos?ledger=enforcement.case&step=legality_review');
      expect(list.json['total']).toBe(0);
    });
  });
});
