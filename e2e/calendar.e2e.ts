import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, withPage } from './harness.ts';

const demo = setupDemo();
const WAIT = { timeout: 30_000 };

/** today's year and month in Beijing, as the server counts them */
const beijing = (): { year: number; month: number } => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  return { year: Number(y), month: Number(m) };
};

describe('the working-day calendar (系统管理员)', () => {
  it('asks for a missing year on the home page, and shows an uploaded year before replacing anything', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'sysadmin');
      const years = (await (await page.request.get(`${demo.server.baseUrl}/api/calendar/years`)).json()) as { items: Array<{ year: number }> };
      const year = Math.max(...years.items.map((y) => y.year)) + 1;
      const now = beijing();
      const asked = year === now.year || (year === now.year + 1 && now.month >= 11);
      const warning = page.getByRole('link', { name: new RegExp(`${year}年工作日历尚未导入`) });
      if (asked) {
        await warning.waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('calendar-home-warning'), fullPage: false });
      }

      await page.goto(`${demo.server.baseUrl}/admin/calendar`);
      const csv = ['date,kind,name', `${year}-01-01,休,元旦`, `${year}-10-01,休,国庆节`, `${year}-10-02,休,国庆节`, `${year}-10-09,班,国庆节`].join('\n');
      await page.locator('input[type=file]').setInputFiles({ name: `${year}节假日.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      const preview = page.getByTestId('calendar-preview');
      await expect.poll(async () => (await preview.textContent()) ?? '', WAIT).toContain('放假 3 天、调休上班 1 天');
      expect(await preview.textContent()).toContain(`${year}-10-09`);
      await page.waitForTimeout(500); // the dialog fades in
      await page.screenshot({ path: screenshotPath('calendar-preview'), fullPage: false });
      // nothing is replaced until the administrator confirms
      expect((await page.request.get(`${demo.server.baseUrl}/api/calendar/${year}`)).status()).toBe(404);
      await page.getByRole('button', { name: '确认导入' }).click();
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '', WAIT).toContain(`${year}年工作日历已导入`);
      expect((await page.request.get(`${demo.server.baseUrl}/api/calendar/${year}`)).status()).toBe(200);
      if (asked) {
        await page.goto(`${demo.server.baseUrl}/`);
        await page.getByTestId('home-greeting').waitFor(WAIT);
        await page.waitForLoadState('networkidle');
        expect(await warning.count()).toBe(0);
      }
      expect(errors).toEqual([]);
    });
  });

  it('reads on a phone', async () => {
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, 'sysadmin');
        await page.goto(`${demo.server.baseUrl}/admin/calendar`);
        await expect.poll(async () => (await page.locator('main').textContent()) ?? '', WAIT).toContain('元旦');
        await page.screenshot({ path: screenshotPath('calendar-phone'), fullPage: false });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  });
});
