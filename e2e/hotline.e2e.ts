import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { login, openPopup, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';
import { act, isoDay, poster } from './steps.ts';

const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 20_000 };
const LIST = '/ledgers/petitions.hotline';

/** an instant in Beijing time, as the ticket page shows it: 2026-12-04 10:15 */
const beijing = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * the step's own date is the one date its form asks for, opened on the browser's today (which may already be the next
 * day in Beijing than the `today` the test began on: a CI run crossed midnight there); no separate 办理日期 to match
 */
async function expectStepDate(dialog: Locator, label: string): Promise<void> {
  expect(await dialog.getByLabel(label, { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(await dialog.getByText('本步骤以此日期为办理日期', { exact: false }).count()).toBe(1);
  expect(await dialog.getByLabel('办理日期', { exact: true }).count()).toBe(0);
}

const text = (page: Page, testId: string) => async (): Promise<string> => (await page.getByTestId(testId).textContent()) ?? '';

describe('an urgent 12345 ticket, returned by the town it was sent to and re-dispatched by the county', () => {
  it('shows the hour limits with their Beijing times, then moves the ticket to the unit responsible', async () => {
    const today = isoDay(0);
    // dispatched 20 minutes ago (not before today's 00:00): signed within the hour
    const nowMs = Date.now();
    const dispatchedMs = Math.max(nowMs - 20 * 60_000, new Date(`${today}T00:00:00+08:00`).getTime());
    const time = beijing(dispatchedMs).slice(11, 16);
    const signBy = beijing(new Date(`${today}T${time}:00+08:00`).getTime() + 3_600_000);
    const ticketNo = `E2E${String(nowMs).slice(-9)}`;
    let id = 0;

    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const post = poster(page, demo.server.baseUrl);
      const created = await post(`/api${LIST}`, {
        ticket_no: ticketNo,
        received_on: today,
        received_time: time,
        urgency: '紧急',
        request_kind: '求助',
        summary: '清溪镇集市路段自来水管爆裂',
        content: '来电人反映清溪镇集市路段自来水管爆裂，路面积水，请尽快处理。',
        location: '清溪镇集市',
      });
      id = Number(created['id']);
      await page.goto(`${demo.server.baseUrl}${LIST}/${id}`);
      await expect.poll(text(page, 'deadlines'), WAIT).toContain('按小时计时');
      await expect.poll(text(page, 'deadlines'), WAIT).toContain(`${signBy}（北京时间）`);
      expect(await text(page, 'deadlines')()).toContain('紧急工单办理时限');
      await page.screenshot({ path: screenshotPath('hotline-urgent'), fullPage: true });
      // the town says it is not theirs, with the reason
      await act(page, /退回改派/, async (dialog) => {
        await expectStepDate(dialog, '退回日期');
        await dialog.getByLabel('退回理由').fill('问题发生地属清溪镇辖区，申请改派');
      });
      await expect.poll(async () => (await page.getByTestId('workflow').textContent()) ?? '', WAIT).toContain('已退回待改派');
      expect(errors).toEqual([]);
    });

    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      await page.goto(`${demo.server.baseUrl}${LIST}/${id}`);
      await expect.poll(async () => (await page.getByTestId('workflow').textContent()) ?? '', WAIT).toContain('问题发生地属清溪镇辖区');
      await act(page, /^改\s*派$/, async (dialog) => {
        const town = page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^清溪镇$/ });
        await openPopup(page, dialog.getByLabel('改派至单位'), town);
        await town.click();
        await expectStepDate(dialog, '改派日期');
        await dialog.getByLabel('改派说明').fill('改派属地清溪镇办理');
      });
      await expect.poll(async () => (await page.getByTestId('workflow').textContent()) ?? '', WAIT).toContain('城关镇 → 清溪镇');
      // only the urgent clocks run again, from the 改派; the working-day ones do not apply to an urgent ticket
      await expect.poll(text(page, 'deadlines'), WAIT).toContain('紧急工单签收时限');
      expect((await text(page, 'deadlines')()).match(/未起算/g)?.length).toBe(3);
      await page.getByTestId('workflow').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('hotline-redispatched'), fullPage: true });
      // 到期事项 gives an hours clock its moment, in Beijing time
      await page.goto(`${demo.server.baseUrl}/deadlines?ledger=petitions.hotline&org=999001002000&status=due_soon&within=7`);
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: ticketNo }).first();
      await expect.poll(async () => (await row.textContent()) ?? '', WAIT).toContain('紧急工单签收时限');
      expect((await row.textContent()) ?? '').toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached', ...WAIT });
      await page.screenshot({ path: screenshotPath('hotline-deadlines'), fullPage: false });
      expect(errors).toEqual([]);
    });

    // the new unit has it in its 待办 and 到期事项; the old one no longer sees it
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'clerk2');
        await page.goto(`${demo.server.baseUrl}/todos`);
        await expect.poll(async () => (await page.locator('main').textContent()) ?? '', WAIT).toContain('清溪镇集市路段自来水管爆裂');
        await page.goto(`${demo.server.baseUrl}/deadlines?ledger=petitions.hotline`);
        await expect.poll(async () => (await page.locator('main').textContent()) ?? '', WAIT).toContain('紧急工单签收时限');
        await page.screenshot({ path: screenshotPath('hotline-deadlines-phone'), fullPage: false });
        await page.goto(`${demo.server.baseUrl}${LIST}/${id}`);
        await expect.poll(text(page, 'deadlines'), WAIT).toContain('按小时计时');
        await page.getByTestId('deadlines').getByText('紧急工单签收时限').scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath('hotline-urgent-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );

    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api${LIST}/${id}`);
      expect(status).toBe(404);
    });
  });
});
