import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();

const lastYear = new Date().getFullYear() - 1;
const TOWN = '999001001000';
const reportUrl = (): string => `${demo.server.baseUrl}/disclosure/report?org=${TOWN}&year=${lastYear}`;

async function openReport(page: Page, username: string): Promise<void> {
  await login(page, demo.server.baseUrl, username);
  await page.goto(reportUrl());
  await page.getByTestId('disclosure-document').waitFor({ timeout: 60_000 });
}

describe('the annual disclosure report (政府信息公开工作年度报告)', () => {
  it('shows the tables in the official layout, identities passing, each figure opening its records', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openReport(page, 'clerk');
      await expect.poll(async () => (await page.getByTestId('disclosure-checks').textContent()) ?? '', { timeout: 20_000 }).toContain('全部相符');
      // table 三: 三、本年度办理结果 spans the 22 outcome rows
      expect(await page.getByTestId('table-table3').locator('td[rowspan="22"]').textContent()).toBe('三、本年度办理结果');
      await page.screenshot({ path: screenshotPath('disclosure-report'), fullPage: false });
      const cell = page.getByTestId('cell-new-6');
      const n = Number(await cell.textContent());
      expect(n).toBeGreaterThan(0);
      const [records] = await Promise.all([page.context().waitForEvent('page'), cell.click()]);
      await records.waitForLoadState('domcontentloaded');
      expect(new URL(records.url()).pathname).toBe('/ledgers/disclosure.application');
      await expect.poll(() => records.locator('main').textContent(), { timeout: 30_000 }).toContain(`共 ${n} 条`);
      await records.close();
      await page.getByTestId('table-table3').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('disclosure-report-table3'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });

  it('saves an edited paragraph and downloads the DOCX', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openReport(page, 'clerk');
      const other = page.getByLabel('六、其他需要报告的事项（每段一行）');
      await other.fill('本年度未收取信息处理费。\n浏览器测试补充的一段说明。');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('报告已保存').waitFor();
      await page.reload();
      await page.getByTestId('disclosure-document').waitFor();
      expect(await page.getByLabel('六、其他需要报告的事项（每段一行）').inputValue()).toContain('浏览器测试补充的一段说明。');
      await page.getByRole('button', { name: /下\s*载/ }).click();
      const item = page.getByText('Word 文档（DOCX，公文格式）');
      await item.waitFor();
      await page.waitForTimeout(400);
      const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
      expect(download.suggestedFilename()).toBe(`城关镇${lastYear}年政府信息公开工作年度报告.docx`);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await openReport(page, 'clerk');
        await page.screenshot({ path: screenshotPath('disclosure-report-phone'), fullPage: false });
        await page.getByTestId('table-table3').scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('disclosure-report-phone-table'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('generates the numbered reply letter from an answered application', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const list = (await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/disclosure.application?f.answered_on.present=1&f.reply_no.present=0&pageSize=1`)).json()) as { items: Array<{ id: number }> };
      const id = list.items[0]?.id;
      expect(id).toBeDefined();
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.application/${String(id)}`);
      const panel = page.getByTestId('reply-letter-panel');
      await panel.waitFor({ timeout: 30_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '生成答复书' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^答复书-.+\.docx$/);
      await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toMatch(/政信答〔\d{4}〕\d+号/);
      await page.screenshot({ path: screenshotPath('disclosure-reply-letter'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });
});

/** the application's page on a phone, as the clerk: one panel scrolled into view (after its text arrives) and shot */
async function phoneScreenshot(id: number, testId: string, name: string, text?: string): Promise<void> {
  await withPage(
    demo.browser,
    async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.application/${String(id)}`);
      const panel = page.getByTestId(testId);
      if (text) await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain(text);
      else await panel.waitFor({ timeout: 30_000 });
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(name), fullPage: false });
      expect(errors).toEqual([]);
    },
    PHONE,
  );
}

describe('an application with its step letters (政府信息公开条例 arts. 30–33)', () => {
  it('records the day of receipt by channel, and offers the numbered 补正告知书 after the step', async () => {
    let id = 0;
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const api = `${demo.server.baseUrl}/api/ledgers/disclosure.application`;
      const created = await page.request.post(api, { data: { orgCode: `${TOWN}-01`, channel: '邮寄（需签收）', submitted_on: `${lastYear}-11-01`, signed_on: `${lastYear}-11-03`, applicant_kind: '自然人', applicant_name: '浏览器测试申请人', subject: '申请公开某村道路硬化项目批复', content: '请公开该项目的立项批复文件' } });
      expect(created.status(), await created.text()).toBe(200);
      const rec = (await created.json()) as { id: number; version: number; values: { received_on: string } };
      expect(rec.values.received_on).toBe(`${lastYear}-11-03`);
      id = rec.id;
      const asked = await page.request.post(`${api}/${id}/transitions/request_supplement`, { data: { version: rec.version, supplement_requested_on: `${lastYear}-11-05`, supplement_items: '请说明所申请项目的名称或所在村组', supplement_due_on: `${lastYear}-11-20` } });
      expect(asked.status(), await asked.text()).toBe(200);
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.application/${String(id)}`);
      const panel = page.getByTestId('step-letters-panel');
      await panel.waitFor({ timeout: 30_000 });
      expect(await panel.textContent()).toMatch(/补正告知书城关政信补〔\d{4}〕\d+号/);
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^申请补正告知书-.+\.docx$/);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('disclosure-step-letters'), fullPage: false });
      expect(errors).toEqual([]);
    });
    await phoneScreenshot(id, 'step-letters-panel', 'disclosure-step-letters-phone');
  });
});

describe('excessive requests and older records’ letters (政府信息公开条例 art. 35)', () => {
  it('shows the applicant’s requests in the period, and the numbered 说明理由告知书 once reasons are asked', async () => {
    let id = 0;
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const api = `${demo.server.baseUrl}/api/ledgers/disclosure.application`;
      for (let i = 1; i <= 11; i++) {
        const day = `${lastYear}-10-${String(i + 9).padStart(2, '0')}`;
        const created = await page.request.post(api, { data: { orgCode: `${TOWN}-01`, channel: '当面提交', submitted_on: day, applicant_kind: '自然人', applicant_name: '浏览器测试频繁申请人', applicant_id: '440304199003078917', subject: `申请公开村级财务收支明细（第${i}组）`, content: '请公开该村近三年财务收支明细' } });
        expect(created.status(), await created.text()).toBe(200);
        id = ((await created.json()) as { id: number }).id;
      }
      const rec = (await (await page.request.get(`${api}/${id}`)).json()) as { version: number };
      const asked = await page.request.post(`${api}/${id}/transitions/ask_reasons`, { data: { version: rec.version, reasons_asked_on: `${lastYear}-10-20`, reasons_due_on: `${lastYear}-10-31` } });
      expect(asked.status(), await asked.text()).toBe(200);
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.application/${String(id)}`);
      const counted = page.getByTestId('applicant-requests-panel');
      await expect.poll(() => counted.textContent(), { timeout: 30_000 }).toContain('该申请人共向本机关提出申请 11 件');
      expect(await counted.textContent()).toContain('已明显超过合理范围');
      const letters = page.getByTestId('step-letters-panel');
      expect(await letters.textContent()).toMatch(/说明理由告知书城关政信理〔\d{4}〕\d+号/);
      const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('button', { name: '下载' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^申请说明理由告知书-.+\.docx$/);
      await counted.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('disclosure-excessive'), fullPage: false });
      expect(errors).toEqual([]);
    });
    await phoneScreenshot(id, 'applicant-requests-panel', 'disclosure-excessive-phone', '11 件');
  });

  it('numbers an older record’s 补正告知书 the first time it is made', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const list = (await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/disclosure.application?f.supplement_requested_on.present=1&f.supplement_notice_no.present=0&pageSize=1`)).json()) as { items: Array<{ id: number }> };
      const id = list.items[0]?.id;
      expect(id).toBeDefined();
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.application/${String(id)}`);
      const letters = page.getByTestId('step-letters-panel');
      await letters.waitFor({ timeout: 30_000 });
      expect(await letters.textContent()).toContain('首次生成时自动编号');
      await letters.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('disclosure-older-letter'), fullPage: false });
      const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('button', { name: '生成' }).first().click()]);
      expect(download.suggestedFilename()).toMatch(/^申请补正告知书-.+\.docx$/);
      await expect.poll(() => letters.textContent(), { timeout: 15_000 }).toMatch(/补正告知书城关政信补〔\d{4}〕\d+号/);
      expect(errors).toEqual([]);
    });
  });
});

describe('the public site (政府信息公开)', () => {
  it('lists published items by category and never a pending one', async () => {
    // an item still waiting for its secrecy review or publication, looked up as the clerk
    let pending: { id: number; title: string } | undefined;
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const res = (await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/disclosure.item?f.published_on.present=0&pageSize=1`)).json()) as { items: Array<{ id: number; values: { title: string } }> };
      const first = res.items[0];
      if (first) pending = { id: first.id, title: first.values.title };
    });
    expect(pending).toBeDefined();
    await withPage(demo.browser, async ({ page, errors }) => {
      await page.goto(`${demo.server.baseUrl}/public/disclosure`);
      const cats = page.getByTestId('public-categories');
      await cats.getByRole('button', { name: /通知公告/ }).waitFor({ timeout: 30_000 });
      await cats.getByRole('button', { name: /通知公告/ }).click();
      await page.waitForURL(/category=/);
      // the list before the click holds 通知公告 items too: wait until every tag shown is the chosen category
      await expect.poll(async () => new Set(await page.getByTestId('public-item-list').locator('[data-kind="category"]').allTextContents()), { timeout: 15_000 }).toEqual(new Set(['通知公告']));
      await page.screenshot({ path: screenshotPath('disclosure-public'), fullPage: false });
      // full-text search for the pending item's title finds only published items, never it
      const api = (await (await page.request.get(`${demo.server.baseUrl}/api/public/disclosure/items?q=${encodeURIComponent(pending?.title ?? '')}&pageSize=100`)).json()) as { items: Array<{ id: number }> };
      expect(api.items.map((i) => i.id)).not.toContain(pending?.id);
      await page.getByLabel('全文检索').fill(pending?.title ?? '');
      await page.getByLabel('全文检索').press('Enter');
      await page.waitForURL(/q=/);
      await page.waitForLoadState('networkidle');
      const hrefs = await page.locator('[data-testid="public-item-list"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).not.toContain(`/public/disclosure/items/${String(pending?.id)}`);
      await page.goto(`${demo.server.baseUrl}/public/disclosure/items/${String(pending?.id)}`);
      await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('不存在');
      expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    });
  });

  it('files items under the town categories of art. 21 and the county’s own', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await page.goto(`${demo.server.baseUrl}/public/disclosure`);
      const towns = page.getByTestId('public-town-categories');
      await towns.getByRole('button', { name: /社会救助/ }).waitFor({ timeout: 30_000 });
      // art. 21's list first, then what the county added
      const names = (await towns.getByRole('button').allTextContents()).map((s) => s.replace(/（\d+）$/, ''));
      expect(names.slice(0, 8)).toEqual(['贯彻落实农业农村政策', '农田水利工程建设运营', '农村土地承包经营权流转', '宅基地使用情况审核', '土地征收', '房屋征收', '筹资筹劳', '社会救助']);
      expect(names).toContain('农村人居环境整治');
      await towns.getByRole('button', { name: /社会救助/ }).click();
      await page.waitForURL(/town=/);
      await expect.poll(async () => new Set(await page.getByTestId('public-item-list').locator('[data-kind="town-category"]').allTextContents()), { timeout: 15_000 }).toEqual(new Set(['社会救助']));
      await page.screenshot({ path: screenshotPath('disclosure-public-town-categories'), fullPage: false });
      expect(errors).toEqual([]);
    });
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await page.goto(`${demo.server.baseUrl}/public/disclosure?town=${encodeURIComponent('社会救助')}`);
        const towns = page.getByTestId('public-town-categories');
        await towns.waitFor({ timeout: 30_000 });
        await towns.scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('disclosure-public-town-categories-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });

  it('publishes the finalised report with its tables in the official layout', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await openReport(page, 'leader');
      // every cell of the tables is filled before finalising (nil figures as 0)
      const view = (await (await page.request.get(`${demo.server.baseUrl}/api/disclosure/report?org=${TOWN}&year=${lastYear}`)).json()) as { report: { sections: Array<{ table?: { rows: Array<{ cells: Array<{ value: number | null; key?: string }> }> } }> } };
      const blank = view.report.sections.flatMap((sec) => sec.table?.rows.flatMap((r) => r.cells.filter((c) => c.value === null && c.key)) ?? []);
      const saved = await page.request.put(`${demo.server.baseUrl}/api/disclosure/report`, { data: { org: TOWN, year: lastYear, manual: Object.fromEntries(blank.map((c) => [c.key, 0])) } });
      expect(saved.status(), await saved.text()).toBe(200);
      for (const what of ['finalise', 'publish']) {
        const res = await page.request.post(`${demo.server.baseUrl}/api/disclosure/report/${what}`, { data: { org: TOWN, year: lastYear } });
        expect(res.status(), await res.text()).toBe(200);
      }
    });
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await page.goto(`${demo.server.baseUrl}/public/disclosure`);
        const link = page.getByTestId('public-disclosure-reports').getByRole('link', { name: `城关镇${lastYear}年政府信息公开工作年度报告` });
        await link.click();
        const doc = page.getByTestId('public-disclosure-report');
        await doc.waitFor({ timeout: 30_000 });
        expect(await doc.locator('td[rowspan="8"]').first().textContent()).toBe('（三）不予公开');
        await expect.poll(async () => (await doc.textContent()) ?? '', { timeout: 20_000 }).toContain('浏览器测试补充的一段说明。');
        await page.screenshot({ path: screenshotPath('disclosure-public-report-phone'), fullPage: false });
        await doc.locator('table').nth(1).scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('disclosure-public-report-phone-table'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
