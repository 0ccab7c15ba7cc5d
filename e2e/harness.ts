import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
export const DEMO_PASSWORD = 'Fazhi@2026';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface DemoServer {
  baseUrl: string;
  stop: () => Promise<void>;
  log: () => string;
}

/** a fresh demo instance (own data directory, own port) serving the built web app */
export async function startDemoServer(): Promise<DemoServer> {
  if (!existsSync(join(process.env.FAZHI_WEB_DIST ?? join(ROOT, 'web', 'dist'), 'index.html'))) {
    throw new Error('web/dist is missing: run `node scripts/ensure-web-build.ts` first (npm run test:e2e does)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  // start from the demo seeded once for the run (see global-setup.ts) instead of seeding again
  let template: string | undefined;
  try {
    template = inject('demoTemplate');
  } catch {
    template = undefined;
  }
  if (template) cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const node = join(ROOT, 'node_modules', '.bin', 'node');
  let output = '';
  const child: ChildProcess = spawn(node, ['server/main.ts', 'serve', '--demo', '--data', dataDir, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health within 120s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** what a test file runs its flows against: the demo server and the Chromium that setupDemo starts for it */
export interface DemoSession {
  readonly server: DemoServer;
  readonly browser: Browser;
}

/**
 * registers the file's beforeAll/afterAll: starts a fresh demo server and Chromium, and stops both afterwards.
 * With `reuseExternal`, E2E_BASE_URL names a demo server already running (and seeded) to run the flows against instead.
 */
export function setupDemo(options: { reuseExternal?: boolean } = {}): DemoSession {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const external = options.reuseExternal ? process.env['E2E_BASE_URL'] : undefined;
    server = external ? { baseUrl: external, stop: async () => undefined, log: () => '' } : await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server(): DemoServer {
      if (!server) throw new Error('the demo server has not started (see beforeAll)');
      return server;
    },
    get browser(): Browser {
      if (!browser) throw new Error('Chromium has not started (see beforeAll)');
      return browser;
    },
  };
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 850 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** every uncaught page error and console error, so a test can assert the page ran cleanly */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // refused requests (400, 401, …) are part of the flows under test; Chromium logs each one
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}

export async function openPage(browser: Browser, options: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

let failures = 0;

/** runs one flow in a fresh browser context (no cookies shared with other flows) and closes it afterwards; a failing flow leaves a screenshot */
export async function withPage(browser: Browser, flow: (p: { page: Page; errors: string[] }) => Promise<void>, options: BrowserContextOptions = DESKTOP): Promise<void> {
  const { context, page, errors } = await openPage(browser, options);
  try {
    await flow({ page, errors });
  } catch (e) {
    await page.screenshot({ path: screenshotPath(`failure-${++failures}`), fullPage: true }).catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}

/** fills the login form and submits it; does not wait for where it lands */
export async function submitLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** logs in and waits for the home page's greeting */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, baseUrl, username, password);
  await page.getByTestId('home-greeting').waitFor({ timeout: 30_000 });
}

/** antd pops menus and dropdowns in with a short animation; click their items only once it has settled */
export async function openPopup(page: Page, trigger: Locator, popup: Locator): Promise<void> {
  // a click during a dialog's opening animation can miss on a loaded machine: click again until the popup shows
  for (let attempt = 1; ; attempt++) {
    await trigger.click();
    try {
      await popup.waitFor({ timeout: 6_000 });
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
  await page.waitForTimeout(400);
}

/** presses a confirmation dialog's button until the dialog closes: a click during its opening animation can miss */
export async function confirmDialog(page: Page, okName: string): Promise<void> {
  const ok = page.getByRole('button', { name: okName });
  for (let attempt = 1; ; attempt++) {
    await ok.click();
    try {
      // an antd confirm keeps its button (loading) until onOk settles, then closes
      await ok.waitFor({ state: 'detached', timeout: 15_000 });
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
