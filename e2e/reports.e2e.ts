import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmDialog, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();

const lastYear = new Date().getFullYear() - 1;

/** logs in and opens last year's annual report of the user's own unit */
async function openAnnualReport(page: Page, username: string): Promise<void> {
  await login(page, demo.server.baseUrl, username);
  await page.goto(`${demo.server.baseUrl}/reports/annual`);
  // opening the page never creates a report: the first to arrive drafts it with 新建年度报告
  const create = page.getByRole('button', { name: '新建年度报告' });
  await page.getByTestId('report-document').or(create).waitFor({ timeout: 60_000 });
  if (await create.isVisible()) await create.click();
  await page.getByTestId('report-document').waitFor({ timeout: 60_000 });
}

// one report travels the whole way: written, submitted, rolled up, reviewed, published, read by the public
describe('the annual report', () => {
  it('shows the clerk live numbers that open the records behind them', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openAnnualReport(page, 'clerk');
      const doc = page.getByTestId('report-document');
      await expect.poll(async () => (await doc.textContent()) ?? '', { timeout: 20_000 }).toContain(`城关镇${lastYear}年度法治政府建设工作情况报告`);
      const chip = doc.locator('.fz-live-chip[data-field="mediation.cases"]').first();
      expect(await chip.textContent()).toMatch(/^\d+件$/);
      const [records] = await Promise.all([page.context().waitForEvent('page'), chip.click()]);
      await records.waitForLoadState('domcontentloaded');
      const url = new URL(records.url());
      expect(url.pathname).toBe('/ledgers/mediation.case');
      expect(url.searchParams.get('org')).toBe('999001001000');
      expect(url.searchParams.get('f.received_on.from') ?? url.search).toContain(String(lastYear));
      await records.close();
      await page.screenshot({ path: screenshotPath('report-clerk'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });

  it('lets the leader submit, after which the text is read-only', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openAnnualReport(page, 'leader');
      await page.getByRole('button', { name: /提\s*交/ }).first().click();
      await confirmDialog(page, '确认提交');
      await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toContain('报告已提交，等待上级审核和保密审查，文本不可修改');
      await expect.poll(async () => (await page.getByTestId('report-versions').textContent()) ?? '', { timeout: 20_000 }).toContain('第 1 版');
      expect(await page.getByRole('textbox', { name: '报告标题' }).count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it('shows the county that 城关镇 has submitted', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/reports/rollup`);
      const row = page.getByTestId('rollup-table').locator('tr', { hasText: '城关镇' });
      await row.waitFor({ timeout: 30_000 });
      expect(await row.textContent()).toMatch(/已按时提交|逾期提交/);
      expect(await row.getByRole('link', { name: '查看报告' }).count()).toBe(1);
      await page.getByText('指标对比').waitFor();
      await page.screenshot({ path: screenshotPath('report-rollup'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });

  it('lets the reviewer pass the secrecy review', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openAnnualReport(page, 'reviewer');
      const versions = page.getByTestId('report-versions');
      await versions.getByRole('button', { name: '保密审查' }).click();
      await page.getByLabel('审查意见').fill('经审查，报告不涉及国家秘密和个人隐私，同意公开。');
      await page.getByRole('button', { name: '提交审查结论' }).click();
      await expect.poll(() => versions.textContent(), { timeout: 30_000 }).toContain('保密审查通过');
      expect(errors).toEqual([]);
    });
  });

  it('lets the leader publish the reviewed version', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await openAnnualReport(page, 'leader');
      await page.getByTestId('report-versions').getByRole('button', { name: '公开发布' }).click();
      await page.getByRole('button', { name: '确认发布' }).click();
      await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toContain('报告已公开发布，文本不可修改');
      expect(errors).toEqual([]);
    });
  });

  it('is on the public site without a login', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await page.goto(`${demo.server.baseUrl}/public`);
      const title = `城关镇${lastYear}年度法治政府建设工作情况报告`;
      const link = page.getByTestId('public-report-list').getByRole('link', { name: title });
      await link.waitFor({ timeout: 30_000 });
      await link.click();
      const report = page.getByTestId('public-report');
      await report.waitFor();
      expect(await report.locator('h1').textContent()).toBe(title);
      expect(await report.textContent()).toMatch(/调处各类矛盾纠纷|矛盾纠纷\d+件/);
      expect(await page.getByRole('link', { name: /下载 Word/ }).getAttribute('href')).toMatch(/\/api\/public\/reports\/\d+\/download\?format=docx/);
      await page.screenshot({ path: screenshotPath('report-public'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });
});

describe('the report review', () => {
  it('finds a total that its parts do not add up to', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/review`);
      const text = '某镇2025年度法治政府建设工作情况报告\n全年排查化解各类矛盾纠纷50件，其中劳动争议20件、合同纠纷10件、其他纠纷5件。\n';
      await page.locator('input[type=file]').setInputFiles({ name: '某镇报告.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
      await page.getByRole('button', { name: '开始审查' }).click();
      const findings = page.getByTestId('review-findings');
      await findings.waitFor({ timeout: 30_000 });
      const found = await findings.textContent();
      expect(found).toContain('分项之和不等于总数');
      expect(found).toContain('50件');
      expect(found).toContain('35件');
      await expect.poll(async () => (await page.locator('mark.fz-review-mark').first().textContent()) ?? '', { timeout: 20_000 }).toContain('全年排查化解各类矛盾纠纷50件');
      await page.screenshot({ path: screenshotPath('report-review'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });
});

describe('the report template', () => {
  it('lets the county edit the wording new drafts start from, keeping the input when a save fails', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}/reports/template`);
      const doc = page.getByTestId('template-document');
      await doc.waitFor({ timeout: 60_000 });
      await expect.poll(async () => (await doc.textContent()) ?? '', { timeout: 20_000 }).toContain('主要举措和成效');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: screenshotPath('report-template'), fullPage: false });
      // a second tab saves first: this one's save is refused and its text stays on the page
      const title = page.getByRole('textbox', { name: '报告标题' });
      await title.fill('{org}{year}年度法治政府建设情况报告（本省模板）');
      const other = await page.request.put(`${demo.server.baseUrl}/api/reports/templates/annual`, { data: { content: (await (await page.request.get(`${demo.server.baseUrl}/api/reports/templates/annual`)).json() as { content: unknown }).content } });
      expect(other.status()).toBe(200);
      await page.getByRole('button', { name: /保存模板/ }).click();
      await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('保存未成功，页面上的修改仍然保留');
      expect(await title.inputValue()).toBe('{org}{year}年度法治政府建设情况报告（本省模板）');
      // after a reload the unsaved copy is gone (the version moved on) and the save goes through
      await page.reload();
      await doc.waitFor();
      await title.fill('{org}{year}年度法治政府建设情况报告（本省模板）');
      await page.getByRole('button', { name: /保存模板/ }).click();
      await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('模板已保存');
      const saved = (await (await page.request.get(`${demo.server.baseUrl}/api/reports/templates/annual`)).json()) as { content: { title: string } };
      expect(saved.content.title).toBe('{org}{year}年度法治政府建设情况报告（本省模板）');
      expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
    });
    await withPage(
      demo.browser,
      async ({ page }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/reports/template`);
        await page.getByTestId('template-document').waitFor({ timeout: 60_000 });
        await page.screenshot({ path: screenshotPath('report-template-phone'), fullPage: false });
      },
      PHONE,
    );
  });
});
