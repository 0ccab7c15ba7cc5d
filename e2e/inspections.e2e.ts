import { makeUscc } from '../common/validators.ts';
import { describe, expect, it } from 'vitest';
import { DESKTOP, login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const WAIT = { timeout: 20_000 };
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const demo = setupDemo({ reuseExternal: true });
let recordPath = '';
let code = '';
let officers: string[] = [];

describe('涉企行政检查', () => {
  it('lists the inspections, and the person in charge approves one: the inspection code appears with its QR code', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.inspection`);
        await page.getByRole('cell', { name: /城关检〔\d{4}〕\d+号/ }).first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('inspections-list-1366'), fullPage: false });
        await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.inspection_plan`);
        await expect.poll(async () => page.getByText(/涉企日常检查计划/).count(), WAIT).toBeGreaterThan(0);
        await page.screenshot({ path: screenshotPath('inspection-plans-1366'), fullPage: false });
        // a plan to approve, made through the API as the form would
        const matters = await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/enforcement.matter?org=999001001000&f.matter_type=行政检查&f.matter_status=有效&pageSize=1`)).json();
        // under the unit's approved 日常 plan of the year (凡检查必审批: no approval without one)
        const plans = await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/enforcement.inspection_plan?org=999001001000-03&f.plan_kind=日常&f.approved_on.present=1&pageSize=50`)).json();
        const plan = (plans.items as Array<{ id: number; values: Record<string, string> }>).find((p) => String(p.values['starts_on']) <= TODAY && String(p.values['ends_on']) >= TODAY);
        expect(plan).toBeDefined();
        // two officers of the town's registry (执法检查人员名录库) with valid certificates: 亮证 shows them as valid
        const registry = (await (await page.request.get(`${demo.server.baseUrl}/api/ledgers/enforcement.inspector?org=999001001000&pageSize=100`)).json()) as { items: Array<{ values: Record<string, string> }> };
        const named = (cert: string) => registry.items.find((r) => r.values['cert_no'] === cert)?.values['name'] ?? '';
        officers = [named('城关执1001'), named('城关执1002')];
        expect(officers.every((n) => n !== '')).toBe(true);
        const created = await page.request.post(`${demo.server.baseUrl}/api/ledgers/enforcement.inspection`, {
          data: { orgCode: '999001001000-03', plan_kind: '日常', plan: plan?.id, plan_name: '端到端测试日常检查计划', matter: matters.items[0].id, planned_on: TODAY, enterprise_name: '城关镇端到端测试超市有限公司', enterprise_uscc: makeUscc('999001', 424242), enterprise_address: '城关镇人民路1号', inspector1_name: officers[0], inspector1_identity: '执法人员', inspector1_cert: '城关执1001', inspector2_name: officers[1], inspector2_identity: '执法人员', inspector2_cert: '城关执1002' },
        });
        expect(created.status(), await created.text()).toBe(200);
        recordPath = `/ledgers/enforcement.inspection/${(await created.json()).id}`;
        await page.goto(`${demo.server.baseUrl}${recordPath}`);
        const card = page.getByTestId('approval-card');
        await card.waitFor(WAIT);
        await card.getByLabel('审批意见').fill('同意按计划检查');
        const done = page.waitForResponse((r) => r.url().includes('/approve') && r.request().method() === 'POST');
        await card.getByRole('button', { name: /批准检查/ }).click();
        expect((await done).status()).toBe(200);
        const codeCard = page.getByTestId('inspection-code');
        await codeCard.waitFor(WAIT);
        code = /[2-9A-HJKMNP-Z]{10}/.exec((await codeCard.textContent()) ?? '')?.[0] ?? '';
        expect(code).not.toBe('');
        expect(await codeCard.locator('canvas, svg').count()).toBeGreaterThan(0);
        await page.getByTestId('inspection-documents').getByText('行政检查通知书').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('inspection-record-1366'), fullPage: true });
        // the year's overview: visits, the cap, the alerts across departments (the demo has the county bureau
        // inspecting a 城关镇 enterprise days after the town)
        await page.goto(`${demo.server.baseUrl}/enforcement/inspections`);
        await page.getByTestId('inspection-overview').getByText('日常检查频次上限').waitFor(WAIT);
        await page.getByTestId('inspection-alerts').locator('.ant-list-item').first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('inspections-overview-1366'), fullPage: true });
        // the public code page publishes the yearly cap and the department's 日常 inspections of the enterprise
        await page.goto(`${demo.server.baseUrl}/public/inspections/${code}`);
        const usage = page.getByTestId('inspection-usage');
        await usage.waitFor(WAIT);
        expect((await usage.textContent()) ?? '').toMatch(/已日常检查\d+次\s*年度上限\d+次/);
        await page.getByTestId('inspection-cap').getByText(/每年开展日常检查不超过\d+次/).waitFor(WAIT);
        expect((await page.getByTestId('public-inspection').textContent()) ?? '').not.toContain('424242');
        await page.screenshot({ path: screenshotPath('inspection-public-1366'), fullPage: true });
        expect(errors).toEqual([]);
      },
      DESKTOP,
    );
  }, 240_000);

  it('lets the enterprise check the code on the public site at phone width, and refuses an unknown code', async () => {
    expect(code).not.toBe('');
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await page.goto(`${demo.server.baseUrl}/public/inspections/${code}`);
        const box = page.getByTestId('public-inspection');
        await box.waitFor(WAIT);
        const text = (await box.textContent()) ?? '';
        expect(text).toContain(officers[0]);
        // 亮证: the certificates as the registry holds them today
        expect(text).toMatch(/证件有效（至\d{4}-\d{2}-\d{2}）/);
        expect(text).toContain('城关执1002');
        expect(text).not.toContain('人民路');
        expect(text).toMatch(/已日常检查\d+次\s*年度上限\d+次/);
        await page.screenshot({ path: screenshotPath('inspection-public-390'), fullPage: true });
        await page.getByLabel('检查码').fill('ZZZZZZZZZZ');
        await page.getByRole('button', { name: /核\s*验/ }).click();
        await page.getByText('查无此检查码').waitFor(WAIT);
        // the entry page publishes the cap before any code is typed
        await page.goto(`${demo.server.baseUrl}/public/inspections`);
        await page.getByTestId('inspection-cap').getByText(/每年开展日常检查不超过\d+次/).waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('inspection-public-cap-390'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        await page.goto(`${demo.server.baseUrl}${recordPath}`);
        await page.getByTestId('inspection-code').waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('inspection-record-390'), fullPage: true });
        // 亮证亮码 at the enterprise's door: the code large, each officer with the certificate and its validity
        await page.getByRole('button', { name: '亮证亮码' }).click();
        const shown = page.getByTestId('show-credentials');
        await shown.getByText('城关执1002', { exact: false }).waitFor(WAIT);
        const card = (await shown.textContent()) ?? '';
        expect(card).toContain(code);
        expect(card).toContain(officers[1]);
        expect(card.match(/证件有效/g)?.length).toBe(2);
        expect(await shown.locator('canvas, svg').count()).toBeGreaterThan(0);
        await page.screenshot({ path: screenshotPath('inspection-credentials-390') });
        await page.getByRole('button', { name: 'Close' }).or(page.locator('.ant-modal-close')).first().click();
        await page.goto(`${demo.server.baseUrl}/enforcement/inspections`);
        await page.getByTestId('inspection-overview').getByText('日常检查频次上限').waitFor(WAIT);
        await page.getByTestId('inspection-alerts').locator('.ant-list-item').first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('inspections-overview-390'), fullPage: true });
        await page.goto(`${demo.server.baseUrl}/ledgers/enforcement.inspection_plan`);
        await expect.poll(async () => page.getByText(/检查计划|检查方案/).count(), WAIT).toBeGreaterThan(0);
        await page.screenshot({ path: screenshotPath('inspection-plans-390'), fullPage: true });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  }, 240_000);
});
