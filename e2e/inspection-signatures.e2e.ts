import { makeUscc } from '../common/validators.ts';
import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { drawStrokes } from './steps.ts';

const WAIT = { timeout: 20_000 };
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const demo = setupDemo({ reuseExternal: true });

describe('现场签名', () => {
  it('at phone width the party signs the 现场检查笔录 with a finger-drawn signature; an empty pad is refused', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'county');
        const base = demo.server.baseUrl;
        // an inspection approved, notified and with its result recorded, through the API as the cards would
        const matters = await (await page.request.get(`${base}/api/ledgers/enforcement.matter?org=999001001000&f.matter_type=行政检查&f.matter_status=有效&pageSize=1`)).json();
        const plans = await (await page.request.get(`${base}/api/ledgers/enforcement.inspection_plan?org=999001001000-03&f.plan_kind=日常&f.approved_on.present=1&pageSize=50`)).json();
        const plan = (plans.items as Array<{ id: number; values: Record<string, string> }>).find((p) => String(p.values['starts_on']) <= TODAY && String(p.values['ends_on']) >= TODAY);
        const registry = (await (await page.request.get(`${base}/api/ledgers/enforcement.inspector?org=999001001000&pageSize=100`)).json()) as { items: Array<{ values: Record<string, string> }> };
        const named = (cert: string) => registry.items.find((r) => r.values['cert_no'] === cert)?.values['name'] ?? '';
        const created = await page.request.post(`${base}/api/ledgers/enforcement.inspection`, {
          data: { orgCode: '999001001000-03', plan_kind: '日常', plan: plan?.id, matter: matters.items[0].id, planned_on: TODAY, enterprise_name: '城关镇现场签名测试商店', enterprise_uscc: makeUscc('999001', 525252), enterprise_address: '城关镇人民路2号', inspector1_name: named('城关执1001'), inspector1_identity: '执法人员', inspector1_cert: '城关执1001', inspector2_name: named('城关执1002'), inspector2_identity: '执法人员', inspector2_cert: '城关执1002' },
        });
        expect(created.status(), await created.text()).toBe(200);
        const id = (await created.json()).id as number;
        const steps = [
          [`/api/enforcement/inspections/${id}/approve`, { approved_on: TODAY, approval_opinion: '同意' }],
          [`/api/ledgers/enforcement.inspection/${id}/transitions/notify`, { notified_on: TODAY, notice_method: '书面通知' }],
          [`/api/enforcement/inspections/${id}/result`, { inspected_on: TODAY, inspection_record: '现场检查，出示执法证件，未发现问题。', outcome: '未发现问题', result_notified_on: TODAY }],
        ] as const;
        for (const [url, data] of steps) {
          const res = await page.request.post(`${base}${url}`, { data });
          expect(res.status(), await res.text()).toBe(200);
        }
        await page.goto(`${base}/ledgers/enforcement.inspection/${id}`);
        const card = page.getByTestId('signatures-card');
        await card.waitFor(WAIT);
        const party = card.getByTestId('signature-party');
        await party.getByText('未签名').waitFor(WAIT);
        await party.getByRole('button', { name: /签\s*名/ }).click();
        const pad = page.getByTestId('signature-pad');
        await pad.waitFor(WAIT);
        // wait out the modal's opening animation before measuring
        await page.waitForTimeout(500);
        await page.getByRole('button', { name: /确认签名/ }).click();
        await page.getByText('请先在框内签名').waitFor(WAIT);
        // a name in three strokes
        const { width } = await drawStrokes(
          page,
          pad,
          [
            [0.15, 0.3],
            [0.4, 0.7],
            [0.6, 0.85],
          ],
          12,
        );
        expect(width).toBeGreaterThan(300);
        await page.screenshot({ path: screenshotPath('inspection-signature-pad-390') });
        const saved = page.waitForResponse((r) => r.url().endsWith(`/inspections/${id}/signatures`) && r.request().method() === 'POST');
        await page.getByRole('button', { name: /确认签名/ }).click();
        expect((await saved).status()).toBe(200);
        await party.getByText('已签名').waitFor(WAIT);
        const img = party.locator('img');
        await expect.poll(async () => img.evaluate((el) => {
          // the image loaded (this file is typed without the DOM library)
          const loaded = el as unknown as { complete: boolean; naturalWidth: number };
          return loaded.complete ? loaded.naturalWidth : 0;
        }), WAIT).toBeGreaterThan(300);
        await card.screenshot({ path: screenshotPath('inspection-signatures-390') });
        // the stored file is a PNG the 笔录 prints
        const list = (await (await page.request.get(`${base}/api/enforcement/inspections/${id}/signatures`)).json()) as { items: Array<{ signer: string; attachment: { name: string } | null }> };
        expect(list.items.find((s) => s.signer === 'party')?.attachment?.name).toBe('现场签名-被检查单位负责人.png');
        const docx = await page.request.get(`${base}/api/enforcement/inspections/${id}/documents/record`);
        expect((await docx.body()).includes(Buffer.from('word/media/image1.png'))).toBe(true);
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  }, 240_000);
});
