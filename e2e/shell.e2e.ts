import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, openPopup, PHONE, screenshotPath, setupDemo, submitLogin, withPage } from './harness.ts';

// the platform's own pages; which of them a role sees is the 三员 separation made visible
const ADMIN_ITEMS = ['组织机构', '用户管理', '角色分配', '角色权限', '在线用户', '审计日志'];

interface RoleCase {
  username: string;
  displayName: string;
  roleName: string;
  sees: string[];
}

const ROLE_CASES: RoleCase[] = [
  { username: 'sysadmin', displayName: '王建国', roleName: '系统管理员', sees: ['组织机构', '用户管理', '在线用户'] },
  { username: 'secadmin', displayName: '李安平', roleName: '安全保密管理员', sees: ['角色分配', '角色权限'] },
  { username: 'auditor', displayName: '赵审言', roleName: '安全审计员', sees: ['审计日志'] },
  { username: 'county', displayName: '周法明', roleName: '县级管理员', sees: ['工作台'] },
  { username: 'supervisor', displayName: '孙正清', roleName: '执法监督员', sees: ['工作台'] },
  { username: 'leader', displayName: '陈志远', roleName: '单位负责人', sees: ['工作台'] },
  { username: 'reviewer', displayName: '刘思齐', roleName: '审核员', sees: ['工作台'] },
  { username: 'legal', displayName: '黄律衡', roleName: '法制审核员', sees: ['工作台'] },
  { username: 'clerk', displayName: '张晓燕', roleName: '填报员', sees: ['工作台'] },
  { username: 'clerk2', displayName: '吴海波', roleName: '填报员', sees: ['工作台'] },
  { username: 'clerk3', displayName: '郑春梅', roleName: '填报员', sees: ['工作台'] },
];

const navLinks = (page: Page): Promise<string[]> => page.locator('nav[aria-label="主导航"] a').allTextContents();
const navGroups = (page: Page): Promise<string[]> => page.locator('nav[aria-label="主导航"] .ant-menu-submenu-title').allTextContents();

const demo = setupDemo();

/** what /api/me tells the signed-in user of the page */
async function meOf<T>(page: Page): Promise<T> {
  return (await (await page.request.get(`${demo.server.baseUrl}/api/me`)).json()) as T;
}

describe('the web shell', () => {
  for (const role of ROLE_CASES) {
    it(`shows ${role.username} (${role.roleName}) exactly the navigation the role may use`, async () => {
      await withPage(demo.browser, async ({ page, errors }) => {
        await login(page, demo.server.baseUrl, role.username);
        const me = await meOf<{ nav: Array<{ label: string }>; currentOrg: { name: string } | null }>(page);
        const greeting = await page.getByTestId('home-greeting').textContent();
        expect(greeting).toContain(role.displayName);
        const main = page.locator('main');
        await expect.poll(() => main.textContent()).toContain(role.roleName);
        expect(me.currentOrg?.name).toBeTruthy();
        await expect.poll(async () => (await main.textContent()) ?? '', { timeout: 20_000 }).toContain(me.currentOrg?.name);
        await expect.poll(() => page.getByTestId('demo-banner').textContent()).toContain('演示环境 — 数据均为虚构，请勿录入真实个人信息');

        const shown = await navLinks(page);
        expect([...shown].sort()).toEqual(me.nav.map((n) => n.label).sort());
        for (const label of role.sees) expect(shown).toContain(label);
        for (const label of ADMIN_ITEMS.filter((l) => !role.sees.includes(l))) expect(shown).not.toContain(label);
        if (!role.sees.some((l) => ADMIN_ITEMS.includes(l))) expect(await navGroups(page)).not.toContain('系统管理');

        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
        await page.screenshot({ path: screenshotPath(role.username), fullPage: true });
        expect(errors).toEqual([]);
      });
    });
  }

  it('tells a user with a wrong password so, in Chinese, and keeps the username', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await submitLogin(page, demo.server.baseUrl, 'reviewer', 'wrong-password');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      // the same words for an unknown name, so the page does not tell which accounts exist or how many tries are left
      await expect.poll(async () => (await error.textContent()) ?? '', { timeout: 20_000 }).toContain('用户名或密码错误');
      expect(await error.textContent()).not.toMatch(/再错|次/);
      expect(await page.getByLabel('用户名').inputValue()).toBe('reviewer');
      expect(page.url()).toBe(`${demo.server.baseUrl}/login`);
      await page.screenshot({ path: screenshotPath('login-wrong-password') });
    });
  });

  it('sends a visitor without a session to the login page', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await page.goto(`${demo.server.baseUrl}/admin/users`);
      await page.waitForURL(`${demo.server.baseUrl}/login`);
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    });
  });

  it('lets a clerk at phone width open the drawer menu and navigate with it', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      // at phone width there is no side menu until the drawer opens
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('clerk-phone'), fullPage: true });
      await page.getByRole('button', { name: '打开菜单' }).click();
      const drawer = page.getByRole('dialog', { name: '功能导航' });
      await drawer.waitFor();
      await expect.poll(() => drawer.locator('nav[aria-label="主导航"] a').allTextContents()).toContain('工作台');
      expect(await drawer.textContent()).not.toContain('系统管理');
      await page.waitForTimeout(400); // let the drawer finish sliding in before the picture
      await page.screenshot({ path: screenshotPath('clerk-phone-menu') });
      // choosing an entry closes the drawer
      await drawer.locator('nav[aria-label="主导航"] a', { hasText: '工作台' }).click();
      await drawer.waitFor({ state: 'hidden' });
      await openPopup(page, page.getByRole('button', { name: '用户菜单' }), page.getByRole('menuitem', { name: '账号设置' }));
      await page.getByRole('menuitem', { name: '账号设置' }).click();
      await page.waitForURL(`${demo.server.baseUrl}/account`);
      await page.getByRole('heading', { name: '账号设置' }).waitFor();
      await page.getByRole('button', { name: '打开菜单' }).click();
      await drawer.waitFor();
      await drawer.locator('nav[aria-label="主导航"] a', { hasText: '工作台' }).click();
      await page.waitForURL(`${demo.server.baseUrl}/`);
      await drawer.waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
    }, PHONE);
  });

  let createdPassword = '';

  it('lets sysadmin create a user with a password they type, refusing a weak one at the field and never showing it back', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'sysadmin');
      await page.locator('nav[aria-label="主导航"] a', { hasText: '用户管理' }).click();
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新建用户' });
      await dialog.getByLabel('用户名').fill('wangfang');
      await dialog.getByLabel('姓名').fill('王芳');
      await dialog.getByLabel('手机号').fill('13800001234');
      // the password is required and the policy (with the weak-password list) is applied at the field
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const fieldError = dialog.locator('.ant-form-item-has-error .ant-form-item-explain-error');
      await expect.poll(() => fieldError.allTextContents()).toContain('请输入密码');
      await dialog.getByLabel('初始密码').fill('P@ssw0rd');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(async () => (await fieldError.allTextContents()).join('；')).toContain('不能使用常见弱密码');
      await page.screenshot({ path: screenshotPath('sysadmin-weak-password') });

      createdPassword = 'Xinren#Init26';
      await dialog.getByLabel('初始密码').fill(createdPassword);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.ant-message').getByText(/已创建账号 wangfang/).waitFor();
      await page.getByRole('cell', { name: 'wangfang', exact: true }).waitFor();
      expect(await page.locator('body').textContent()).not.toContain(createdPassword);
      expect(errors).toEqual([]);
    });
  });

  it('keeps a refused form filled and shows the server field error at the field', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'sysadmin');
      await page.goto(`${demo.server.baseUrl}/admin/users`);
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新建用户' });
      await dialog.getByLabel('用户名').fill('clerk');
      await dialog.getByLabel('姓名').fill('重名测试');
      await dialog.getByLabel('手机号').fill('13900004321');
      await dialog.getByLabel('初始密码').fill('Chongming#2026');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();

      const fieldError = dialog.locator('.ant-form-item-has-error .ant-form-item-explain-error');
      await fieldError.first().waitFor();
      expect(await fieldError.allTextContents()).toEqual(['clerk 已被使用']);
      await page.locator('.ant-message').getByText('用户名 clerk 已被使用').waitFor();
      expect(await dialog.getByLabel('用户名').inputValue()).toBe('clerk');
      expect(await dialog.getByLabel('姓名').inputValue()).toBe('重名测试');
      expect(await dialog.getByLabel('手机号').inputValue()).toBe('13900004321');
      await page.screenshot({ path: screenshotPath('sysadmin-field-error') });
    });
  });

  it('holds a new user at the change-password page and shows the policy errors at the field', async () => {
    expect(createdPassword).not.toBe('');
    await withPage(demo.browser, async ({ page, errors }) => {
      await submitLogin(page, demo.server.baseUrl, 'wangfang', createdPassword);
      await page.waitForURL(`${demo.server.baseUrl}/change-password`);
      await page.getByLabel('原密码').fill(createdPassword);
      await page.getByLabel('新密码', { exact: true }).fill('abc');
      await page.getByLabel('确认新密码').fill('abc');
      await page.getByRole('button', { name: '确认修改' }).click();
      const fieldError = page.locator('.ant-form-item-has-error .ant-form-item-explain-error');
      await fieldError.first().waitFor();
      expect((await fieldError.allTextContents()).join('；')).toContain('长度至少8位');
      expect(await page.getByLabel('原密码').inputValue()).toBe(createdPassword);
      await page.screenshot({ path: screenshotPath('change-password-refused') });

      await page.getByLabel('新密码', { exact: true }).fill('Qingxi#2026');
      await page.getByLabel('确认新密码').fill('Qingxi#2026');
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByTestId('home-greeting').waitFor();
      await expect.poll(async () => (await page.getByTestId('home-greeting').textContent()) ?? '', { timeout: 20_000 }).toContain('王芳');
      expect(errors).toEqual([]);
    });
  });

  it('opens every nav entry (a page still being built says so) and answers 404 for unknown paths', async () => {
    await withPage(demo.browser, async ({ page }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      const me = await meOf<{ nav: Array<{ path: string; label: string }> }>(page);
      for (const entry of me.nav.filter((n) => n.path !== '/')) {
        // inside the app, as a click on the menu does: the router follows the history, no reload of the whole app
        await page.evaluate(`history.pushState({}, '', ${JSON.stringify(entry.path)}); dispatchEvent(new PopStateEvent('popstate'))`);
        await page.waitForURL(`${demo.server.baseUrl}${entry.path}`);
        // the app followed: the menu marks the entry as the current page
        await expect.poll(() => page.locator('nav[aria-label="主导航"] .ant-menu-item-selected').allTextContents(), { timeout: 20_000 }).toContain(entry.label);
        await page.locator('main').waitFor();
        await expect.poll(() => page.locator('main').textContent()).not.toBe('');
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text, entry.path).not.toContain('页面不存在');
        expect(text, entry.path).not.toContain('无权访问');
        if (text.includes('该功能模块正在建设中')) expect(await page.locator('.ant-result-title').textContent()).toBe(entry.label);
      }
      await page.goto(`${demo.server.baseUrl}/no/such/page`);
      await page.getByText('页面不存在', { exact: true }).waitFor();
      await page.goto(`${demo.server.baseUrl}/admin/users`);
      await page.getByText('无权访问', { exact: true }).waitFor();
    });
  }, 300_000); // a sweep over every entry of the menu: ~40 pages, each given up to 20 s on a busy machine

  it('lets a county user switch the current organisation', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'county');
      const town = page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^城关镇$/ });
      await openPopup(page, page.getByRole('combobox', { name: '切换单位' }), town);
      await town.click();
      await page.locator('.ant-message').getByText('已切换到：城关镇').waitFor();
      await expect.poll(() => page.locator('main').textContent()).toContain('城关镇（乡镇（街道））');
      const me = await meOf<{ currentOrg: { name: string } }>(page);
      expect(me.currentOrg.name).toBe('城关镇');
      expect(errors).toEqual([]);
    });
  });

  it('imports organisations only after a dry run that lists every bad row', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'sysadmin');
      await page.goto(`${demo.server.baseUrl}/admin/orgs`);
      await page.getByRole('button', { name: '批量导入' }).click();
      const dialog = page.getByRole('dialog', { name: '批量导入组织机构' });
      const header = '代码,名称,类型,上级代码,排序\n';
      const bad = `${header}999001001000-05,城关镇应急管理办公室,部门,999001001000,5\n12345,坏代码,部门,999001001000,1\n999001004000,新河镇,乡镇,999009000000,40\n`;
      await dialog.locator('input[type=file]').setInputFiles({ name: '机构.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      const report = dialog.getByTestId('import-errors');
      await report.waitFor();
      const rows = await report.locator('tbody tr').allTextContents();
      expect(rows.some((r) => r.includes('第 3 行') && r.includes('代码'))).toBe(true);
      expect(rows.some((r) => r.includes('第 4 行') && r.includes('上级代码') && r.includes('999009000000 不存在'))).toBe(true);
      expect(await dialog.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
      await page.screenshot({ path: screenshotPath('sysadmin-import-report') });

      await dialog.getByRole('button', { name: '重新选择文件' }).click();
      const good = `${header}999001001000-05,城关镇应急管理办公室,部门,999001001000,5\n999001004000,新河镇,乡镇,999001000000,40\n`;
      await dialog.locator('input[type=file]').setInputFiles({ name: '机构.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await dialog.getByText('检查通过').waitFor();
      await dialog.getByRole('button', { name: '确认导入 2 行' }).click();
      await dialog.getByText('已导入 2 个单位。').waitFor();
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await page.getByRole('cell', { name: '新河镇', exact: true }).waitFor();
      expect(errors).toEqual([]);
    });
  });

  it('refuses to give one account two of the three administrator roles, keeping the choice on screen', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'secadmin');
      await page.goto(`${demo.server.baseUrl}/admin/user-roles`);
      await page.getByRole('row', { name: /clerk2/ }).getByRole('button', { name: '分配角色' }).click();
      const dialog = page.getByRole('dialog', { name: /分配角色：吴海波/ });
      await dialog.getByRole('checkbox', { name: /^系统管理员/ }).check();
      await dialog.getByRole('checkbox', { name: /^安全审计员/ }).check();
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const fieldError = dialog.locator('.ant-form-item-has-error .ant-form-item-explain-error');
      await fieldError.first().waitFor();
      await expect.poll(async () => (await fieldError.textContent()) ?? '', { timeout: 20_000 }).toContain('三员须分立');
      expect(await dialog.getByRole('checkbox', { name: /^系统管理员/ }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: /^安全审计员/ }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: /^填报员/ }).isChecked()).toBe(true);
      await page.screenshot({ path: screenshotPath('secadmin-three-admins-refused') });

      await dialog.getByRole('checkbox', { name: /^系统管理员/ }).uncheck();
      await dialog.getByRole('checkbox', { name: /^安全审计员/ }).uncheck();
      await dialog.getByRole('checkbox', { name: /^审核员/ }).check();
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByRole('row', { name: /clerk2/ }).textContent()).toContain('审核员');
      expect(errors).toEqual([]);
    });
  });

  it('lets the auditor search the log, read a diff and verify the hash chain', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'auditor');
      await page.locator('nav[aria-label="主导航"] a', { hasText: '审计日志' }).click();
      await page.waitForURL(`${demo.server.baseUrl}/admin/audit`);
      const search = page.getByRole('search', { name: '查询审计日志' });
      await search.getByLabel('操作人').fill('sysadmin');
      const option = page.locator('.ant-select-item-option', { hasText: '用户账号' });
      await openPopup(page, search.getByLabel('对象', { exact: true }), option);
      await option.click();
      await search.getByRole('button', { name: /查\s*询/ }).click();

      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      // the rows before the query stay on screen while it runs: wait until every row shown is one it asked for
      const matching = async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes('sysadmin') && t.includes('用户账号')) && texts.some((t) => t.includes('新建'));
      };
      await expect.poll(matching, { timeout: 20_000 }).toBe(true);
      const created = rows.filter({ hasText: '新建' }).first();
      await created.locator('.ant-table-row-expand-icon').click();
      const diff = page.getByTestId('audit-diff').first();
      await diff.waitFor();
      await expect.poll(async () => (await diff.textContent()) ?? '', { timeout: 20_000 }).toContain('wangfang');
      await expect.poll(async () => (await diff.textContent()) ?? '', { timeout: 20_000 }).toContain('姓名');

      await page.getByRole('button', { name: '核验哈希链' }).click();
      const result = page.getByTestId('verify-result');
      await result.waitFor();
      expect(await result.textContent()).toMatch(/哈希链完整：已核验全部 \d+ 条记录/);
      await page.screenshot({ path: screenshotPath('auditor-audit-log'), fullPage: true });

      // a workflow step reads in Chinese: the step, the states and the clocks by name, no internal word
      await search.getByRole('button', { name: /重\s*置/ }).click();
      const step = page.locator('.ant-select-item-option[title="办理"]');
      await search.getByLabel('操作', { exact: true }).click();
      await search.getByLabel('操作', { exact: true }).fill('办理');
      await step.waitFor();
      await step.click();
      await search.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(async () => (await rows.first().textContent()) ?? '', { timeout: 20_000 }).toContain('办理');
      await rows.first().locator('.ant-table-row-expand-icon').click();
      const stepDiff = page.getByTestId('audit-diff').first();
      await expect.poll(async () => (await stepDiff.textContent()) ?? '', { timeout: 20_000 }).toContain('办理状态');
      const stepText = (await stepDiff.textContent()) ?? '';
      expect(stepText).toContain('办理环节');
      expect(stepText).not.toMatch(/[a-z]{3,}|[{}]/);
      await stepDiff.screenshot({ path: screenshotPath('auditor-audit-step') });

      // the search's entries exported for the auditor's files, changes as text
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出日志' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^审计日志-.+\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toContain('时间,操作人,操作,对象');
      expect(csv).toContain('办理状态：');
      expect(csv).not.toContain('"clocks"');
      expect(errors).toEqual([]);
    });
  });

  it('shows a record’s history in Chinese: steps, states and clocks by name', async () => {
    await withPage(demo.browser, async ({ page, errors }) => {
      await login(page, demo.server.baseUrl, 'clerk');
      // an application received, then asked to supplement: a step that moves the state and the reply clock
      const api = `${demo.server.baseUrl}/api/ledgers/disclosure.application`;
      const year = new Date().getFullYear() - 1;
      const created = await page.request.post(api, { data: { orgCode: '999001001000-01', channel: '当面提交', submitted_on: `${year}-11-02`, applicant_kind: '自然人', applicant_name: '历史记录测试申请人', subject: '申请公开某村道路养护经费', content: '请公开该村道路养护经费使用情况' } });
      expect(created.status(), await created.text()).toBe(200);
      const rec = (await created.json()) as { id: number; version: number };
      const asked = await page.request.post(`${api}/${rec.id}/transitions/request_supplement`, { data: { version: rec.version, supplement_requested_on: `${year}-11-04`, supplement_items: '请说明所申请经费的年度', supplement_due_on: `${year}-11-20` } });
      expect(asked.status(), await asked.text()).toBe(200);
      await page.goto(`${demo.server.baseUrl}/ledgers/disclosure.application/${String(rec.id)}`);
      const history = page.getByTestId('history');
      await expect.poll(async () => (await history.textContent()) ?? '', { timeout: 30_000 }).toContain('办理状态');
      const text = (await history.textContent()) ?? '';
      expect(text).toContain('办理环节');
      expect(text.replace(/clerk/g, '')).not.toMatch(/[a-z]{3,}|[{}]/);
      await history.screenshot({ path: screenshotPath('record-history') });
      expect(errors).toEqual([]);
    });
  });
});
