import { describe, expect, it } from 'vitest';
import { login, PHONE, screenshotPath, setupDemo, submitLogin, withPage } from './harness.ts';

// issue #22 (decision 0042): the county's security administrator defines a business role — permissions, a data scope
// of its own unit, no unmasking of personal data — and a new clerk of a town works with exactly that
const demo = setupDemo({ reuseExternal: true });
const WAIT = { timeout: 20_000 };
const TOWN = '999001002000-04'; // 清溪镇信访办
const ROLE = '信访查阅员';
const USER = { username: 'hexn', displayName: '何晓宁', first: 'Qingxi#Init26', password: 'Qingxi#Xfcy26' };

describe('a business role the security administrator defines', () => {
  it('is created with its data scope and permissions, assigned to a new clerk, and limits what the clerk sees', async () => {
    const base = demo.server.baseUrl;
    // the system administrator opens the account (user management is not the security administrator's)
    await withPage(demo.browser, async ({ page }) => {
      await login(page, base, 'sysadmin');
      const res = await page.request.post(`${base}/api/users`, { data: { username: USER.username, displayName: USER.displayName, orgCode: TOWN, phone: '13900007788', initialPassword: USER.first } });
      expect(res.status(), await res.text()).toBe(200);
    });

    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, base, 'secadmin');
      await page.goto(`${base}/admin/roles`);
      await page.getByRole('button', { name: /新建角色/ }).click();
      const dialog = page.getByRole('dialog', { name: '新建角色' });
      await dialog.getByLabel('名称').fill(ROLE);
      await dialog.getByLabel('说明').fill('查阅本镇信访事项，不看完整个人信息');
      await dialog.getByText('本单位', { exact: true }).click();
      await page.screenshot({ path: screenshotPath('role-new-1366') });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached', ...WAIT });
      // the new role is open in the editor beside the list: tick what it may do
      const editor = page.locator('.ant-card', { has: page.getByText(ROLE, { exact: true }) }).last();
      await editor.waitFor(WAIT);
      for (const code of ['home.view', 'petitions.case.read']) await page.locator(`[title$="（${code}）"]`).first().click();
      expect(await page.locator('[title$="（petitions.case.personal）"]').first().isChecked()).toBe(false);
      const saved = page.waitForResponse((r) => r.url().includes('/api/roles/custom_') && r.request().method() === 'PUT');
      await editor.getByRole('button', { name: /保\s*存/ }).click();
      expect((await saved).status()).toBe(200);
      await page.screenshot({ path: screenshotPath('role-editor-1366') });

      // assigned to the new clerk on the role assignment page
      await page.goto(`${base}/admin/user-roles`);
      await page.getByRole('row', { name: new RegExp(USER.username) }).getByRole('button', { name: '分配角色' }).click();
      const assign = page.getByRole('dialog', { name: new RegExp(`分配角色：${USER.displayName}`) });
      // the page's lists may still be loading behind the dialog on a busy machine: tick once they are in, and until it holds
      await page.waitForLoadState('networkidle');
      const box = assign.getByRole('checkbox', { name: new RegExp(`^${ROLE}`) });
      await expect.poll(async () => {
        await box.check().catch(() => undefined);
        return box.isChecked();
      }, WAIT).toBe(true);
      await assign.getByRole('button', { name: /保\s*存/ }).click();
      await assign.waitFor({ state: 'detached', ...WAIT });
      await expect.poll(() => page.getByRole('row', { name: new RegExp(USER.username) }).textContent(), WAIT).toContain(ROLE);
      expect(errors).toEqual([]);
    });

    // the clerk, on a phone: the first login changes the password, then only 信访 of the town, masked
    await withPage(
      demo.browser,
      async ({ page, errors }) => {
        await submitLogin(page, base, USER.username, USER.first);
        await page.waitForURL(`${base}/change-password`, WAIT);
        await page.getByLabel('原密码').fill(USER.first);
        await page.getByLabel('新密码', { exact: true }).fill(USER.password);
        await page.getByLabel('确认新密码').fill(USER.password);
        await page.getByRole('button', { name: '确认修改' }).click();
        await page.getByTestId('home-greeting').waitFor(WAIT);
        const me = (await (await page.request.get(`${base}/api/me`)).json()) as { roles: Array<{ name: string }>; permissions: string[] };
        expect(me.roles.map((r) => r.name)).toEqual([ROLE]);
        expect(me.permissions).not.toContain('petitions.case.personal');
        const list = (await (await page.request.get(`${base}/api/ledgers/petitions.case?pageSize=200`)).json()) as { total: number; items: Array<{ orgCode: string; values: Record<string, unknown> }> };
        expect(list.total).toBeGreaterThan(0);
        // 本单位: the office itself, nothing else of the town and no other town
        expect([...new Set(list.items.map((i) => i.orgCode))]).toEqual([TOWN]);
        const ids = list.items.map((i) => i.values['petitioner_id']).filter((v): v is string => typeof v === 'string');
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) expect(id).toMatch(/\*{6,}/);
        // a page the role may not use is neither shown nor served
        expect((await page.request.get(`${base}/api/ledgers/mediation.case?pageSize=1`)).status()).toBe(403);
        await page.goto(`${base}/ledgers/petitions.case`);
        await page.getByText(/清溪信〔\d{4}〕\d+号/).first().waitFor(WAIT);
        await page.screenshot({ path: screenshotPath('role-holder-petitions-390') });
        expect(errors).toEqual([]);
      },
      PHONE,
    );
  }, 300_000);
});
