import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const LIST = '/ledgers/mediation.case';
// case numbers are unique; a run against a reused server (E2E_BASE_URL) needs a fresh one
// a loaded machine can take seconds to answer; expect.poll's default (1 s) is too short
const WAIT = { timeout: 20_000 };

// E2E_BASE_URL: run the flows against a demo server already running (and seeded) instead of a fresh one
const demo = setupDemo({ reuseExternal: true });
// the record the clerk creates; the reviewer withdraws it
let createdPath = '';

/** the form item whose label reads so (antd puts the label text in its title) */
const formItem = (page: Page, label: string) => page.locator('.ant-form-item', { has: page.locator(`label[title="${label}"]`) });

/** picks an option of an antd Select (the option list is portalled to the body); in a form, by the item's label */
async function choose(page: Page, label: string, option: string, where: 'filter' | 'form' = 'form'): Promise<void> {
  const select = where === 'filter' ? page.getByRole('combobox', { name: label, exact: true }) : formItem(page, label).locator('.ant-select');
  await select.click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await page.waitForTimeout(300);
  await item.click();
}

const fieldError = (page: Page, label: string) => formItem(page, label).locator('.ant-form-item-explain-error');
const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const total = async (page: Page): Promise<number> => Number(/共 (\d+) 条/.exec((await page.locator('.fz-page-header-desc').textContent()) ?? '')?.[1] ?? -1);

describe('the ledger pages', () => {
  it('lets a clerk filter, search, open, create (with a refused field), and attach a file', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.locator('nav[aria-label="主导航"] a', { hasText: '矛盾纠纷调解' }).click();
      await page.waitForURL(`${demo.server.baseUrl}${LIST}`);
      await rows(page).first().waitFor();
      const all = await total(page);
      expect(all).toBeGreaterThan(20);

      // a filter goes into the URL and narrows the list
      await choose(page, '纠纷类型', '劳动争议', 'filter');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.url(), WAIT).toContain('f.dispute_type=');
      await expect.poll(() => total(page), WAIT).toBeLessThan(all);
      await expect.poll(async () => (await page.locator('.ant-table-tbody').textContent()) ?? '', WAIT).toContain('劳动争议');
      for (const text of await rows(page).locator('td:nth-child(6)').allTextContents()) expect(text).toBe('劳动争议');

      await page.getByLabel('全文检索').fill('劳动争议 工资');
      const searched = page.waitForResponse((r) => r.url().includes('/api/ledgers/mediation.case?') && r.url().includes('q='));
      await page.getByLabel('全文检索').press('Enter');
      await searched;
      await expect.poll(() => decodeURIComponent(page.url().replace(/\+/g, ' ')), WAIT).toContain('q=劳动争议 工资');
      await expect.poll(() => total(page), WAIT).toBe(((await (await searched).json()) as { total: number }).total);
      const found = await total(page);
      expect(found).toBeGreaterThan(0);

      // the URL alone restores the filters (report drill-downs link here)
      await page.reload();
      await expect.poll(() => total(page), WAIT).toBe(found);
      expect(await page.getByLabel('全文检索').inputValue()).toBe('劳动争议 工资');
      await page.screenshot({ path: screenshotPath('ledger-list-filtered'), fullPage: true });

      // a row opens the record
      // the first cell is the tick box of the batch actions
      const title = (await rows(page).first().locator('td:nth-child(2)').textContent()) ?? '';
      await rows(page).first().click();
      await page.waitForURL(/\/ledgers\/mediation\.case\/\d+$/);
      await expect.poll(() => page.locator('.fz-page-header').textContent(), WAIT).toContain(title.trim());
      await page.getByTestId('deadlines').waitFor();
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 20_000 }).toContain('纠纷类型');

      // a new record with an ID number the server refuses: the error lands at the field and nothing is lost
      await page.goto(`${demo.server.baseUrl}${LIST}/new`);
      // the 案件编号 is the system's: shown read-only, given out on saving
      expect(await page.getByLabel('案件编号', { exact: true }).isDisabled()).toBe(true);
      await page.getByLabel('受理日期', { exact: true }).fill('2026-11-20');
      // Enter would submit the form; leaving the field keeps the typed date
      await page.getByLabel('受理日期', { exact: true }).press('Tab');
      await choose(page, '案件来源', '当事人申请');
      await choose(page, '纠纷类型', '劳动争议');
      await page.getByLabel('纠纷概要', { exact: true }).fill('端到端测试追索劳动报酬纠纷');
      await page.getByLabel('申请人（一方当事人）', { exact: true }).fill('测试甲');
      await page.getByLabel('申请人证件号码', { exact: true }).fill('123456');
      await page.getByLabel('被申请人（对方当事人）', { exact: true }).fill('测试乙');
      await page.getByLabel('当事人人数', { exact: true }).fill('2');
      await choose(page, '受理调委会', '调解委员会');
      await choose(page, '承办调解员', '');
      // 调解结果 starts as 正在调解 and belongs to 办结: shown, not chosen
      await expect.poll(async () => (await formItem(page, '调解结果').textContent()) ?? '', { timeout: 20_000 }).toContain('正在调解');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => fieldError(page, '申请人证件号码').textContent(), WAIT).toContain('须为有效的居民身份证号码');
      await page.getByTestId('form-problem').waitFor();
      expect(await page.getByLabel('纠纷概要', { exact: true }).inputValue()).toBe('端到端测试追索劳动报酬纠纷');
      await page.screenshot({ path: screenshotPath('ledger-form-refused'), fullPage: true });

      await page.getByLabel('申请人证件号码', { exact: true }).fill('');
      // Enter in a date field confirms the date; it does not submit the whole form (it once created 7 records)
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/ledgers/mediation.case')) posts.push(r.url());
      });
      await page.getByLabel('受理日期', { exact: true }).click();
      await page.getByLabel('受理日期', { exact: true }).press('Enter');
      await page.getByLabel('受理日期', { exact: true }).press('Enter');
      await page.waitForTimeout(1000);
      expect(posts).toEqual([]);
      expect(new URL(page.url()).pathname).toBe(`${LIST}/new`);
      expect(await page.getByLabel('受理日期', { exact: true }).inputValue()).toBe('2026-11-20');
      await page.getByLabel('受理日期', { exact: true }).press('Escape');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/ledgers\/mediation\.case\/\d+$/);
      createdPath = new URL(page.url()).pathname;
      await expect.poll(() => page.locator('.fz-page-header').textContent(), WAIT).toContain('端到端测试追索劳动报酬纠纷');

      // a PDF attachment, with its SM3 fingerprint
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '调解申请书.pdf', mimeType: 'application/pdf', buffer: pdf });
      const listed = page.getByTestId('attachments').locator('.ant-list-item', { hasText: '调解申请书.pdf' });
      await listed.waitFor();
      expect(await listed.textContent()).toMatch(/SM3 [0-9a-f]{10}/);
      await page.screenshot({ path: screenshotPath('ledger-detail'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });

  it('lets a reviewer withdraw a record with a reason', async () => {
    expect(createdPath).not.toBe('');
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'reviewer');
      await page.goto(`${demo.server.baseUrl}${createdPath}`);
      await page.getByRole('button', { name: /撤\s*销/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('撤销原因').fill('端到端测试：重复登记');
      await dialog.getByRole('button', { name: /确认撤销/ }).click();
      await expect.poll(() => page.locator('main').textContent(), WAIT).toContain('撤销原因：端到端测试：重复登记');
      await expect.poll(() => page.getByRole('button', { name: /撤\s*销/ }).count(), WAIT).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it('lets a reviewer fold the filters, keep a filter view, and withdraw two ticked records at once', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      // two records to withdraw, made through the API as the clerk would by the form
      const api = `${demo.server.baseUrl}/api/ledgers/mediation.case`;
      const first = ((await (await page.request.get(`${api}?pageSize=1`)).json()) as { items: Array<{ values: Record<string, unknown> }> }).items[0]?.values ?? {};
      const mark = `批量撤销测试${Date.now()}`;
      for (const n of [1, 2]) {
        const res = await page.request.post(api, { data: { summary: `${mark}第${n}件`, received_on: '2026-11-20', source: '排查', dispute_type: '邻里纠纷', applicant_name: `村民${n}`, respondent_name: `邻居${n}`, parties_count: 2, committee_id: first['committee_id'], mediator_id: first['mediator_id'], outcome: '正在调解' } });
        expect(res.status(), await res.text()).toBe(200);
      }
      await page.context().clearCookies();
      await login(page, demo.server.baseUrl, 'reviewer');
      await page.goto(`${demo.server.baseUrl}${LIST}`);
      await rows(page).first().waitFor();
      // where the page sits: a trail back to the home page
      await expect.poll(() => page.locator('.fz-breadcrumb').textContent(), WAIT).toBe('首页/人民调解/矛盾纠纷调解');
      // the rarer filters are folded until asked for
      await expect.poll(() => page.getByRole('combobox', { name: '告知的其他解决途径', exact: true }).count(), WAIT).toBe(0);
      await page.getByTestId('more-filters').click();
      await expect.poll(() => page.getByTestId('more-filters').textContent(), WAIT).toContain('收起筛选');

      await page.getByLabel('全文检索').fill(mark);
      await page.getByLabel('全文检索').press('Enter');
      await expect.poll(() => total(page), WAIT).toBe(2);
      // the search kept as a named view, then applied again from an empty list
      await page.getByRole('button', { name: /常用筛选/ }).click();
      await page.getByRole('menuitem', { name: '保存当前筛选…' }).click();
      await page.getByRole('dialog').getByLabel('筛选名称').fill('批量撤销测试');
      await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
      await page.goto(`${demo.server.baseUrl}${LIST}`);
      await expect.poll(() => total(page), WAIT).toBeGreaterThan(2);
      await page.getByRole('button', { name: /常用筛选/ }).click();
      await page.getByRole('menuitem', { name: '批量撤销测试' }).click();
      await expect.poll(() => total(page), WAIT).toBe(2);

      // both ticked (the tick box does not open the record), then withdrawn with one reason
      for (const n of [0, 1]) await rows(page).nth(n).locator('.ant-table-selection-column .ant-checkbox').click();
      expect(page.url()).toContain('/ledgers/mediation.case?');
      await expect.poll(() => page.getByTestId('batch-bar').textContent(), WAIT).toContain('已选 2 条');
      await page.screenshot({ path: screenshotPath('ledger-list-batch'), fullPage: true });
      await page.getByRole('button', { name: /撤销所选/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('撤销原因').fill('端到端测试：批量撤销重复登记');
      await dialog.getByRole('button', { name: /确认撤销/ }).click();
      await expect.poll(() => total(page), WAIT).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it('shows a phone user cards instead of a table, and opens a record from them', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'clerk');
        await page.goto(`${demo.server.baseUrl}${LIST}`);
        const card = page.getByTestId('ledger-card').first();
        await card.waitFor();
        expect(await page.locator('.ant-table').count()).toBe(0);
        await page.screenshot({ path: screenshotPath('ledger-list-phone') });
        await card.click();
        await page.waitForURL(/\/ledgers\/mediation\.case\/\d+$/);
        await page.getByTestId('history').waitFor();
        await page.screenshot({ path: screenshotPath('ledger-detail-phone'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('shows a supervisor ID numbers masked', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'supervisor');
      // only records that have an applicant ID number
      await page.goto(`${demo.server.baseUrl}${LIST}?f.applicant_id.present=1`);
      await rows(page).first().click();
      await page.waitForURL(/\/ledgers\/mediation\.case\/\d+$/);
      // "被申请人证件号码" contains the label too; the applicant's comes first
      const id = page.locator('.ant-descriptions-item', { hasText: '申请人证件号码' }).first().locator('.ant-descriptions-item-content');
      await expect.poll(() => id.textContent(), WAIT).toMatch(/^\w{2,6}\*{4,}\w{2,4}$/);
      expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});

describe('the ledger import', () => {
  it('holds back a row that repeats another until the clerk confirms it is not a repeat, at 1366 px', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      // a kept case's committee and mediator: the file names them by number, as the template allows
      const list = (await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/mediation.case?pageSize=1`)).json()) as { items: Array<{ values: Record<string, unknown> }> };
      const v = list.items[0]?.values ?? {};
      const tpl = await page.request.get(`${demo.server.baseUrl}/api/ledgers/mediation.case/template.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await tpl.body()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no sheet');
      const headers: string[] = [];
      ws.getRow(1).eachCell((c, col) => (headers[col] = String(c.value).replace(/\*$/, '')));
      const stamp = Date.now() % 100_000;
      const row = (summary: string) => ({ 受理日期: '2026-11-20', 案件来源: '排查', 纠纷类型: '邻里纠纷', 纠纷概要: summary, '申请人（一方当事人）': `导入测试${stamp}`, '被申请人（对方当事人）': `邻居${stamp}`, 当事人人数: 2, 受理调委会: Number(v['committee_id']), 承办调解员: Number(v['mediator_id']), 调解结果: '正在调解' });
      [row('院墙滴水纠纷'), row('院墙滴水纠纷（第二次登记）')].forEach((r: Record<string, unknown>, i) => {
        headers.forEach((h, col) => {
          if (h && r[h] !== undefined) ws.getRow(i + 2).getCell(col).value = r[h] as ExcelJS.CellValue;
        });
      });
      const file = Buffer.from(await wb.xlsx.writeBuffer());

      await page.goto(`${demo.server.baseUrl}${LIST}`);
      await rows(page).first().waitFor();
      const before = await total(page);
      await page.getByRole('button', { name: /导\s*入/ }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[type=file]').setInputFiles({ name: '调解案件.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
      await dialog.getByRole('button', { name: '上传并检查' }).click();
      const warned = dialog.getByTestId('import-duplicates');
      await warned.waitFor(WAIT);
      expect(await warned.textContent()).toContain('与本表第 2 行的');
      // not confirmed: one row may go in, 全部无误才导入 waits for the confirmation
      expect(await dialog.getByRole('button', { name: /仅导入无误的行（1 行）/ }).isEnabled()).toBe(true);
      expect(await dialog.getByRole('button', { name: '全部无误才导入' }).isDisabled()).toBe(true);
      await page.screenshot({ path: screenshotPath('ledger-import-duplicates') });
      await warned.getByRole('checkbox').check();
      await dialog.getByRole('button', { name: '全部无误才导入' }).click();
      await dialog.getByText(/已导入 2 条/).waitFor(WAIT);
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await expect.poll(() => total(page), WAIT).toBe(before + 2);
      expect(errors).toEqual([]);
    });
  });
});
