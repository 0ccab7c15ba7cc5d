import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../common/validators.ts';
import { DESKTOP, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { act } from './steps.ts';

// a loaded machine can take seconds to answer; expect.poll's default (1 s) is too short
const WAIT = { timeout: 20_000 };
// the 案号 is given by the system when the case is registered (编号规则), read back from the page
let CASE_NO = '';
const PARTY = '端到端测试人';
const ID_NUMBER = makeIdNumber('999001', '1985-03-09', 27);
const PHONE_NO = '13912345678';
const MATTER = '摆摊设点的处罚';
// every step happens today (a step may not be dated before the previous one, nor in the future)
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const demo = setupDemo({ reuseExternal: true });
let casePath = '';

const formItem = (scope: Page | ReturnType<Page['getByRole']>, label: string) => scope.locator(`.ant-form-item:has(label[title="${label}"])`);

/** picks an option of an antd Select by the form item's label; `search` is typed first (remote searches) */
async function choose(page: Page, label: string, option: string | RegExp, search?: string): Promise<void> {
  const select = formItem(page, label).locator('.ant-select').first();
  await select.click();
  if (search) await select.locator('input').fill(search);
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  await item.waitFor(WAIT);
  await page.waitForTimeout(300);
  await item.click();
}

async function fillDate(page: Page | ReturnType<Page['getByRole']>, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Tab');
}

const state = (page: Page) => page.getByTestId('workflow').locator('.ant-card-head .ant-tag').textContent();

async function openCase(page: Page, user: string): Promise<void> {
  await login(page, demo.server.baseUrl, user);
  await page.goto(`${demo.server.baseUrl}${casePath}`);
  await page.getByTestId('workflow').locator('.ant-card-head .ant-tag').waitFor(WAIT);
}

/** one flow at phone width, in a fresh browser context, that must run without page errors */
async function atPhone(flow: (page: Page) => Promise<void>): Promise<void> {
  await withPage(
    demo.browser,
    async ({ page, errors }) => {
      await flow(page);
      expect(errors).toEqual([]);
    },
    PHONE,
  );
}

/** one user's turn on the case at phone width: signs in, opens the case, takes the steps */
async function onCase(user: string, steps: (page: Page) => Promise<void>): Promise<void> {
  await atPhone(async (page) => {
    await openCase(page, user);
    await steps(page);
  });
}

describe('行政执法 at phone width', () => {
  it('registers a penalty case, files it, takes evidence and notifies the party', async () => {
    await atPhone(async (page) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.case/new`);
      expect(await page.getByLabel('案号', { exact: true }).isDisabled()).toBe(true);
      await choose(page, '案件类型', '行政处罚');
      await choose(page, '执法领域', '城管');
      await choose(page, '执法事项', MATTER, '摆摊设点');
      await choose(page, '案件来源', '投诉举报');
      await fillDate(page, '登记（检查）日期', TODAY);
      await page.getByLabel('案由', { exact: true }).fill('擅自占用城市道路摆摊设点案（端到端测试）');
      await choose(page, '当事人类型', '个人');
      await page.getByLabel('当事人', { exact: true }).fill(PARTY);
      await page.getByLabel('身份证号码', { exact: true }).fill(ID_NUMBER);
      await page.getByLabel('联系电话', { exact: true }).fill(PHONE_NO);
      await page.getByLabel('住所（地址）', { exact: true }).fill('城关镇东街村12号');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/ledgers\/enforcement\.case\/\d+$/, WAIT);
      casePath = new URL(page.url()).pathname;
      await expect.poll(() => state(page), WAIT).toBe('案源登记');
      CASE_NO = /城关综执罚〔\d{4}〕\d+号/.exec((await page.locator('.fz-page-header').textContent()) ?? '')?.[0] ?? '';
      expect(CASE_NO).not.toBe('');
    });

    // 立案 is approved by the leader
    await onCase('leader', async (page) => {
      await act(page, /^立\s*案$/, async (d) => {
        await fillDate(d, '立案日期', TODAY);
        // signed by whoever takes the step: filled in with the leader's name and not editable
        expect(await d.getByLabel('立案审批人', { exact: true }).inputValue()).toBe('陈志远');
      });
      await expect.poll(() => state(page), WAIT).toBe('已立案');
    });

    // 调查取证: a photo as evidence (hashed into the record and the audit trail), then 调查终结 and 告知
    await onCase('clerk', async (page) => {
      const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');
      await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '现场照片-占道经营.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      const listed = page.getByTestId('attachments').locator('.ant-list-item', { hasText: '现场照片-占道经营.jpg' });
      await listed.waitFor(WAIT);
      expect(await listed.textContent()).toMatch(/SM3 [0-9a-f]{10}/);
      // two officers of the town's registry with their certificate numbers (行政处罚法第四十二条)
      const registry = await page.evaluate(async () => ((await (await fetch('/api/ledgers/enforcement.inspector?org=999001001000&f.in_pool=true&pageSize=2', { headers: { accept: 'application/json' } })).json()) as { items: Array<{ values: Record<string, string> }> }).items);
      await act(page, /调查终结/, async (d) => {
        await fillDate(d, '调查终结日期', TODAY);
        await d.getByLabel('执法人员一', { exact: true }).fill(registry[0]?.values['name'] ?? '');
        await d.getByLabel('执法人员一执法证号', { exact: true }).fill(registry[0]?.values['cert_no'] ?? '');
        await d.getByLabel('执法人员二', { exact: true }).fill(registry[1]?.values['name'] ?? '');
        await d.getByLabel('执法人员二执法证号', { exact: true }).fill(registry[1]?.values['cert_no'] ?? '');
        await d.getByLabel('违法事实', { exact: true }).fill('当事人在东街占道经营，经责令改正后仍未改正，有现场照片为证');
        // the investigation's proposal (a warning: not 重大, no hearing right to tell)
        const kinds = formItem(d, '拟处罚种类').locator('.ant-select').first();
        await kinds.click();
        const warning = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^警告$/ }).first();
        await warning.waitFor(WAIT);
        await page.waitForTimeout(300);
        await warning.click();
        await d.getByLabel('违法事实', { exact: true }).click();
      });
      await expect.poll(() => state(page), WAIT).toBe('调查终结');
      await act(page, /告知陈述申辩/, async (d) => {
        await fillDate(d, '告知日期', TODAY);
        await formItem(d, '已告知听证权利').getByText('是', { exact: true }).click();
      });
      await expect.poll(() => state(page), WAIT).toBe('已告知');
      // the party's hearing window holds the decision (行政处罚法 art. 64), shown with the day it ends
      await expect.poll(() => page.getByTestId('waiting-decide').textContent(), WAIT).toMatch(/自\d{4}年\d{1,2}月\d{1,2}日起可办理（当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条））/);
      await page.screenshot({ path: screenshotPath('enforcement-case-notified-phone'), fullPage: true });
      // the party waives it in writing (art. 62): the decision may be made at once
      await act(page, /书面放弃/, async (d) => fillDate(d, '当事人书面放弃陈述申辩（听证）日期', TODAY));
      await expect.poll(() => page.getByTestId('waiting-decide').count(), WAIT).toBe(0);
    });
  });

  it('refuses the decision before the legality review and outside the benchmark without a reason, then decides and makes the 决定书', async () => {
    expect(casePath).not.toBe('');
    let refusedShot = false;
    await withPage(
      demo.browser,
      async ({ page }) => {
        await openCase(page, 'leader');
        const card = page.getByTestId('decide-card');
        await card.waitFor(WAIT);
        // the generic panel offers no second way to decide
        expect(await page.getByTestId('workflow').getByRole('button', { name: /作出处罚决定/ }).count()).toBe(0);
        await choose(page, '适用裁量基准', '一般处罚');
        // 责令停产停业 (行政处罚法第六十三条): the system counts the case as 重大, so the legality review comes first
        await choose(page, '处罚种类', '责令停产停业');
        await page.keyboard.press('Escape');
        await page.getByLabel('罚款金额（元）', { exact: true }).fill('3000');
        await page.getByLabel('处理决定', { exact: true }).fill('给予警告，并处罚款3000元');
        await card.getByRole('button', { name: /作出处罚决定/ }).click();
        await expect.poll(() => page.getByTestId('decide-problem').textContent(), WAIT).toContain('重大执法决定须先经法制审核');
        // the form keeps what was typed
        expect(await page.getByLabel('处理决定', { exact: true }).inputValue()).toBe('给予警告，并处罚款3000元');
        await page.screenshot({ path: screenshotPath('enforcement-decide-refused-phone'), fullPage: false });
        await page.getByTestId('workflow').screenshot({ path: screenshotPath('enforcement-workflow-phone') });
        refusedShot = true;
      },
      PHONE,
    );
    expect(refusedShot).toBe(true);

    await onCase('legal', async (page) => {
      await act(page, /法制审核/, async (d) => {
        await fillDate(d, '法制审核日期', TODAY);
        expect(await d.getByLabel('法制审核人员', { exact: true }).inputValue()).toBe('黄律衡');
        await d.getByLabel('法制审核意见', { exact: true }).fill('事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意。');
        await choose(page, '法制审核结论', /^同意$/);
      });
    });

    await onCase('leader', async (page) => {
      const card = page.getByTestId('decide-card');
      await card.waitFor(WAIT);
      await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 20_000 }).toContain('已记录法制审核意见');
      await choose(page, '适用裁量基准', '一般处罚');
      await choose(page, '处罚种类', '罚款');
      await page.keyboard.press('Escape');
      // outside the benchmark and no reason: refused at the field
      await page.getByLabel('罚款金额（元）', { exact: true }).fill('50000');
      await page.getByLabel('处理决定', { exact: true }).fill('给予警告，并处罚款50000元');
      await card.getByRole('button', { name: /作出处罚决定/ }).click();
      await expect.poll(() => formItem(page, '偏离裁量基准的理由').locator('.ant-form-item-explain-error').textContent(), WAIT).toContain('罚款金额不在裁量基准范围内，须填写偏离裁量基准的理由');
      await page.screenshot({ path: screenshotPath('enforcement-decide-outside-phone'), fullPage: false });
      // within the benchmark
      await page.getByLabel('罚款金额（元）', { exact: true }).fill('3000');
      await page.getByLabel('处理决定', { exact: true }).fill('给予警告，并处罚款3000元');
      const decided = page.waitForResponse((r) => r.url().endsWith('/decide'));
      await card.getByRole('button', { name: /作出处罚决定/ }).click();
      expect((await decided).status()).toBe(200);
      await expect.poll(() => state(page), WAIT).toBe('已作出决定');

      // the 决定书 as DOCX: its 文号 appears beside the button, and its text carries the case's fields
      const docs = page.getByTestId('case-documents');
      const row = docs.locator('div', { hasText: /^行政处罚决定书/ }).first();
      const download = page.waitForEvent('download');
      await docs.getByRole('button', { name: '下载行政处罚决定书' }).click();
      const file = await (await download).path();
      const xml = (await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')?.async('string')) ?? '';
      const text = xml.replace(/<[^>]+>/g, '');
      await expect.poll(() => row.textContent(), WAIT).toMatch(/罚决字〔\d{4}〕第\d+号/);
      const docNo = /\S*罚决字〔\d{4}〕第\d+号/.exec((await row.textContent()) ?? '')?.[0]?.replace(/^行政处罚决定书/, '') ?? '';
      expect(docNo).not.toBe('');
      expect(text).toContain('行政处罚决定书');
      expect(text).toContain(docNo);
      expect(text).toContain(PARTY);
      expect(text).toContain(ID_NUMBER);
      expect(text).toContain(MATTER);
      expect(text).toContain('3000.00元');
      await page.screenshot({ path: screenshotPath('enforcement-decided-phone'), fullPage: true });
    });
  });

  it('shows the decided case page at desktop width: the 首违 look-up, the documents and the steps', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await openCase(page, 'leader');
        await page.getByTestId('case-documents').waitFor(WAIT);
        await expect.poll(() => state(page), WAIT).toBe('已作出决定');
        await page.screenshot({ path: screenshotPath('enforcement-case-decided-desktop'), fullPage: true });
        expect(errors).toEqual([]);
      },
      DESKTOP,
    );
  });

  it('serves, executes, publishes and closes the case; the public list masks the ID number and phone', async () => {
    expect(casePath).not.toBe('');
    await onCase('clerk', async (page) => {
      await act(page, /^送\s*达$/, async (d) => {
        await fillDate(d, '送达日期', TODAY);
        await choose(page, '送达方式', '直接送达');
      });
      await expect.poll(() => state(page), WAIT).toBe('已送达');
      await act(page, /公示决定信息/, async (d) => fillDate(d, '公示日期', TODAY));
      await act(page, /^执\s*行$/, async (d) => {
        await fillDate(d, '执行日期', TODAY);
        await choose(page, '执行情况', '自觉履行');
      });
      await expect.poll(() => state(page), WAIT).toBe('已执行');
    });
    await onCase('leader', async (page) => {
      await act(page, /结案归档/, async (d) => fillDate(d, '结案日期', TODAY));
      await expect.poll(() => state(page), WAIT).toBe('已结案');
      const closing = page.getByTestId('case-documents').getByRole('button', { name: '下载结案报告' });
      expect(await closing.isEnabled()).toBe(true);

      // the public site, no login needed
      await page.goto(`${demo.server.baseUrl}/public/enforcement`);
      // this case's entry: its 案号 and its party's masked ID number (a demo case of the town's office may carry the same 案号)
      const item = page.getByTestId('public-decisions').locator('article', { hasText: CASE_NO }).filter({ hasText: `${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}` });
      await item.waitFor(WAIT);
      const shown = (await item.textContent()) ?? '';
      expect(shown).toContain(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`);
      expect(shown).toContain('139****5678');
      expect(shown).not.toContain(ID_NUMBER);
      expect(shown).not.toContain(PHONE_NO);
      expect(shown).not.toContain(PARTY);
      await item.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('enforcement-public-decisions-phone'), fullPage: false });
      await page.goto(`${demo.server.baseUrl}/public/enforcement/catalog`);
      await expect.poll(() => page.getByTestId('public-catalog-sentence').textContent(), WAIT).toContain('法定执法事项');
      await page.screenshot({ path: screenshotPath('enforcement-public-catalog-phone'), fullPage: false });
    });
  });

  // the 双随机 draw (commit, freeze, reveal) and its public verification: e2e/draws.e2e.ts

  it('at desktop width: publishes a catalog version, shows it publicly, and lays out the case and public pages', async () => {
    const wide = { ...DESKTOP, viewport: { width: 1280, height: 900 } };
    const label = `E2E${Date.now() % 100000}版`;
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'reviewer');
        await page.goto(`${demo.server.baseUrl}/enforcement/catalog`);
        await expect.poll(() => page.getByTestId('catalog-sentence').textContent(), WAIT).toContain('法定执法事项27项、赋权执法事项54项（其中自选39项）、可委托执法事项50项');
        await page.getByRole('button', { name: /发布清单版本/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('版本号').fill(label);
        await dialog.getByLabel('发布说明').fill('端到端测试发布');
        await dialog.getByRole('button', { name: /发\s*布/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await expect.poll(() => page.locator('.ant-table-tbody').first().textContent(), WAIT).toContain(label);
        // the same label again is refused at the field, the dialog stays filled
        await page.getByRole('button', { name: /发布清单版本/ }).click();
        await dialog.getByLabel('版本号').fill(label);
        await dialog.getByRole('button', { name: /发\s*布/ }).click();
        await expect.poll(() => formItem(dialog, '版本号').locator('.ant-form-item-explain-error').textContent(), WAIT).toContain('已发布过');
        await page.screenshot({ path: screenshotPath('enforcement-catalog-publish-refused') });
        await dialog.getByRole('button', { name: /取\s*消/ }).click();
        await page.screenshot({ path: screenshotPath('enforcement-catalog'), fullPage: true });

        await page.goto(`${demo.server.baseUrl}/public/enforcement/catalog?org=999001001000`);
        await expect.poll(() => page.getByTestId('public-catalog-sentence').textContent(), WAIT).toContain('法定执法事项27项');
        await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 20_000 }).toContain(label);
        await page.screenshot({ path: screenshotPath('enforcement-public-catalog'), fullPage: true });
        await page.goto(`${demo.server.baseUrl}/public/enforcement`);
        await page.getByTestId('public-decisions').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('enforcement-public-decisions') });
        if (casePath) {
          await page.goto(`${demo.server.baseUrl}${casePath}`);
          await page.getByTestId('case-documents').waitFor(WAIT);
          await expect.poll(() => page.getByTestId('case-documents').textContent(), WAIT).toContain('罚决字');
          await page.screenshot({ path: screenshotPath('enforcement-case'), fullPage: true });
          await page.getByTestId('case-documents').screenshot({ path: screenshotPath('enforcement-case-documents') });
          await page.getByTestId('workflow').screenshot({ path: screenshotPath('enforcement-case-workflow') });
          await page.getByTestId('history').screenshot({ path: screenshotPath('enforcement-case-history') });
        }
        await page.goto(`${demo.server.baseUrl}/enforcement/draws`);
        await page.getByTestId('repeated-alerts').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('enforcement-draws') });
        expect(errors).toEqual([]);
      },
      wide,
    );
  });
});
