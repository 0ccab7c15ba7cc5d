import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeUscc } from '../common/validators.ts';
import { DESKTOP, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { drawStrokes } from './steps.ts';

// issue #25: an enterprise inspection done on the officer's phone in the field mode, end to end — 亮证亮码 and the
// notice handed over at the door, the matter's standards checked item by item, two photos from the camera with the
// position, the result saved through a cut network with nothing lost and nothing doubled, two signatures drawn on
// the screen, and the 现场检查笔录 opened and read
const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 20_000 };
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const DUE = new Date(Date.now() + 8 * 3600_000 + 15 * 86400_000).toISOString().slice(0, 10);
const HERE = { latitude: 30.2741, longitude: 120.1551, accuracy: 8 };
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');

/** an inspection of the county's town department, approved by the county but not yet notified; answers its id and its standards' items */
async function approvedInspection(page: Page): Promise<{ id: number; items: string[] }> {
  const base = demo.server.baseUrl;
  await login(page, base, 'county');
  const get = async <T,>(url: string): Promise<T> => (await (await page.request.get(`${base}${url}`)).json()) as T;
  const standards = await get<{ items: Array<{ values: Record<string, unknown> }> }>('/api/ledgers/enforcement.inspection_standard?org=999001001000&pageSize=50');
  const matter = Number(standards.items[0]?.values['matter']);
  expect(matter).toBeGreaterThan(0);
  const plans = await get<{ items: Array<{ id: number; values: Record<string, string> }> }>('/api/ledgers/enforcement.inspection_plan?org=999001001000-03&f.plan_kind=日常&f.approved_on.present=1&pageSize=50');
  const plan = plans.items.find((p) => String(p.values['starts_on']) <= TODAY && String(p.values['ends_on']) >= TODAY);
  const registry = await get<{ items: Array<{ values: Record<string, string> }> }>('/api/ledgers/enforcement.inspector?org=999001001000&pageSize=100');
  const named = (cert: string) => registry.items.find((r) => r.values['cert_no'] === cert)?.values['name'] ?? '';
  const created = await page.request.post(`${base}/api/ledgers/enforcement.inspection`, {
    data: { orgCode: '999001001000-03', plan_kind: '日常', plan: plan?.id, matter, planned_on: TODAY, enterprise_name: '城关镇溪口农家乐', enterprise_uscc: makeUscc('999001', 737373), enterprise_address: '城关镇溪口村3组18号', inspector1_name: named('城关执1001'), inspector1_identity: '执法人员', inspector1_cert: '城关执1001', inspector2_name: named('城关执1002'), inspector2_identity: '执法人员', inspector2_cert: '城关执1002' },
  });
  expect(created.status(), await created.text()).toBe(200);
  const id = ((await created.json()) as { id: number }).id;
  const approved = await page.request.post(`${base}/api/enforcement/inspections/${id}/approve`, { data: { approved_on: TODAY, date: TODAY, approval_opinion: '同意按计划检查' } });
  expect(approved.status(), await approved.text()).toBe(200);
  const { items } = await get<{ items: string[] }>(`/api/enforcement/inspections/${id}/standards`);
  expect(items.length).toBeGreaterThan(1);
  return { id, items };
}

async function sign(page: Page, row: string): Promise<void> {
  const card = page.getByTestId('signatures-card');
  const line = card.getByTestId(`signature-${row}`);
  await line.getByRole('button', { name: /签\s*名/ }).click();
  const pad = page.getByTestId('signature-pad');
  await pad.waitFor(WAIT);
  await page.waitForTimeout(500);
  await drawStrokes(
    page,
    pad,
    [
      [0.15, 0.35],
      [0.45, 0.8],
    ],
    10,
  );
  await page.getByRole('button', { name: /确认签名/ }).click();
  await line.getByText('已签名').waitFor(WAIT);
}

const next = (page: Page) => page.getByRole('button', { name: /下一步/ }).click();
const stepTitle = (page: Page) => page.getByTestId('field-step-title').textContent();

let done = 0;

describe('现场检查模式 on a phone', () => {
  it('records an inspection end to end: 亮证, checklist, photos, result through a cut network, signatures, the 笔录', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        const base = demo.server.baseUrl;
        const { id, items } = await approvedInspection(page);
        done = id;
        await login(page, base, 'clerk');
        await page.goto(`${base}/ledgers/enforcement.inspection/${id}`);
        await page.getByTestId('field-entry').getByRole('button', { name: /现场检查模式/ }).click();
        await page.waitForURL(new RegExp(`/enforcement/inspections/${id}/field$`), WAIT);

        // 1 亮证: the officers, the place; the credentials full screen; the notice handed over at the door
        await expect.poll(() => stepTitle(page), WAIT).toContain('第1步（共6步）：亮证');
        expect(await page.getByTestId('field-mode').textContent()).toContain('城关镇溪口村3组18号');
        await page.getByTestId('field-show-credentials').click();
        const credentials = page.getByTestId('show-credentials');
        await credentials.getByText('行政执法证号 城关执1001').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('field-mode-credentials-390') });
        await page.keyboard.press('Escape');
        await credentials.waitFor({ state: 'hidden', ...WAIT });
        await page.getByTestId('field-notify').click();
        await page.getByTestId('field-mode').getByText('已通知').first().waitFor(WAIT);

        // 2 逐项检查: every item judged, the second not met with what was found
        await next(page);
        await expect.poll(() => stepTitle(page), WAIT).toContain('逐项检查');
        for (let i = 1; i <= items.length; i++) await page.getByTestId(`check-item-${i}`).getByText(i === 2 ? '不符合' : '符合', { exact: true }).click();
        await page.getByLabel('第2项发现的问题').fill('现场未见审批文件，已当场指出并拍照');
        expect(await page.getByTestId('check-progress').textContent()).toBe(`${items.length}/${items.length}`);
        await page.screenshot({ path: screenshotPath('field-mode-checklist-390'), fullPage: true });

        // the phone is put away and the page reopened: nothing typed is lost
        await page.reload();
        await page.getByTestId('draft-restored').waitFor(WAIT);
        await expect.poll(() => stepTitle(page), WAIT).toContain('逐项检查');
        expect(await page.getByLabel('第2项发现的问题').inputValue()).toBe('现场未见审批文件，已当场指出并拍照');
        expect(await page.getByTestId('check-progress').textContent()).toBe(`${items.length}/${items.length}`);

        // 3 取证: two photos from the camera, with the position
        await next(page);
        const card = page.getByTestId('attachments');
        for (const name of ['现场-灭火器.jpg', '现场-厨房.jpg']) {
          const chooser = page.waitForEvent('filechooser');
          await card.getByRole('button', { name: /拍照取证/ }).click();
          await (await chooser).setFiles({ name, mimeType: 'image/jpeg', buffer: JPEG });
          await card.locator('.ant-list-item', { hasText: name }).getByTestId('capture-info').getByText(/位置 30\.27410, 120\.15510/).waitFor(WAIT);
        }

        // 4 结果: the record written from the checklist, 责令整改 suggested by the failed item
        await next(page);
        await expect.poll(() => stepTitle(page), WAIT).toContain('结果');
        await page.getByTestId('field-fill-record').click();
        const record = page.getByLabel('现场检查情况', { exact: true });
        await expect.poll(() => record.inputValue(), WAIT).toContain(`不符合1项`);
        expect(await record.inputValue()).toContain('现场未见审批文件，已当场指出并拍照');
        expect(await page.locator('.ant-form-item', { has: page.locator('label[title="检查结果"]') }).textContent()).toContain('责令整改');
        await page.getByLabel('整改期限', { exact: true }).click();
        await page.getByLabel('整改期限', { exact: true }).fill(DUE);
        await page.keyboard.press('Enter');
        await page.screenshot({ path: screenshotPath('field-mode-result-390'), fullPage: true });

        // the network drops: the save fails, the input stays
        await page.context().setOffline(true);
        await page.getByTestId('field-save-result').click();
        await expect.poll(async () => (await page.getByTestId('field-problem').textContent()) ?? '', WAIT).toContain('填写的内容已保存在本机');
        await page.context().setOffline(false);
        // then the worst case: the server records it and the answer is lost on the way back
        let cut = 0;
        await page.route(`**/api/enforcement/inspections/${id}/result`, async (route) => {
          await route.fetch();
          cut++;
          await route.abort('internetdisconnected');
        });
        await page.getByTestId('field-save-result').click();
        await expect.poll(() => cut, WAIT).toBe(1);
        await expect.poll(async () => (await page.getByTestId('field-problem').textContent()) ?? '', WAIT).toContain('不会重复记录');
        await page.unroute(`**/api/enforcement/inspections/${id}/result`);
        // the retry carries the same submission key: answered from the first, recorded once
        const retried = page.waitForResponse((r) => r.url().endsWith(`/inspections/${id}/result`));
        await page.getByTestId('field-save-result').click();
        expect((await retried).status()).toBe(200);

        // 5 签名: the party and an officer sign on the screen
        await page.getByTestId('signatures-card').waitFor(WAIT);
        await expect.poll(() => stepTitle(page), WAIT).toContain('签名');
        await sign(page, 'party');
        await sign(page, 'inspector1');
        await page.screenshot({ path: screenshotPath('field-mode-signed-390'), fullPage: true });

        // recorded once, with the checklist and the two photos
        const history = (await (await page.request.get(`${base}/api/ledgers/enforcement.inspection/${id}/history`)).json()) as { items: Array<{ action: string; diff: { transition?: string } | null }> };
        expect(history.items.filter((h) => h.action === 'transition' && h.diff?.transition === 'record_result')).toHaveLength(1);
        const saved = (await (await page.request.get(`${base}/api/ledgers/enforcement.inspection/${id}`)).json()) as { state: string; values: Record<string, unknown>; attachments: Array<{ kind: string | null }> };
        expect(saved.state).toBe('inspected');
        expect(saved.values['outcome']).toBe('责令整改');
        expect(String(saved.values['checklist']).split('\n')).toHaveLength(items.length);
        expect(String(saved.values['checklist'])).toContain('不符合｜');
        expect(saved.attachments.filter((a) => a.kind === '现场照片')).toHaveLength(2);

        // 6 笔录: the Word file carries the checklist and both signatures; the PDF is made too
        await next(page);
        await expect.poll(() => stepTitle(page), WAIT).toContain('笔录');
        const download = page.waitForEvent('download');
        await page.getByTestId('field-record-docx').click();
        const zip = await JSZip.loadAsync(readFileSync(await (await download).path()));
        const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
        expect(text).toContain('现场检查笔录');
        expect(text).toContain('城关镇溪口农家乐');
        expect(text).toContain('现场未见审批文件，已当场指出并拍照');
        expect(text).toContain(items[0]);
        expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
        const pdf = page.waitForEvent('download');
        await page.getByTestId('field-record-pdf').click();
        expect(readFileSync(await (await pdf).path()).subarray(0, 4).toString()).toBe('%PDF');
        await page.screenshot({ path: screenshotPath('field-mode-record-390') });
        expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED') && !e.includes('Failed to load resource'))).toEqual([]);
      },
      { ...PHONE, geolocation: HERE, permissions: ['geolocation'] },
    );
  }, 300_000);

  it('opens an inspected record at the signatures on a desktop screen, the checklist read-only', async () => {
    expect(done).toBeGreaterThan(0);
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      await page.goto(`${demo.server.baseUrl}/enforcement/inspections/${done}/field`);
      await expect.poll(() => stepTitle(page), WAIT).toContain('第5步（共6步）：签名');
      await page.getByTestId('signatures-card').getByText('已签名').first().waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('field-mode-signed-1366') });
      await page.getByTestId('field-steps').getByRole('button', { name: /逐项检查/ }).click();
      await page.getByText('：现场未见审批文件，已当场指出并拍照', { exact: true }).waitFor(WAIT);
      expect(await page.locator('[data-testid^="check-item-"]').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('field-mode-checklist-1366') });
      expect(errors).toEqual([]);
    }, DESKTOP);
  }, 120_000);
});
