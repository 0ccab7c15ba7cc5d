// the web app a server serves: web/dist, built from web/src when it is missing or older than its sources
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');

/** the newest modification time among the files (recursively) under the given paths */
function newestMtime(paths: string[]): { path: string; mtime: number } {
  let newest = { path: '', mtime: 0 };
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) visit(join(p, entry));
    } else if (st.mtimeMs > newest.mtime) newest = { path: p, mtime: st.mtimeMs };
  };
  for (const p of paths) visit(p);
  return newest;
}

export type WebBuild = { state: 'fresh' } | { state: 'built'; seconds: number; reason: string } | { state: 'unbuildable'; reason: string; message: string };

/**
 * builds the web app into web/dist (or FAZHI_WEB_DIST) when it is missing or older than web/src. A deployment that
 * ships only web/dist (no sources) counts as fresh. Where vite is not installed (npm install --omit=dev) and there
 * is nothing to serve, the answer says so in Chinese, with what to do, instead of serving 404 for every page.
 */
export async function ensureWebBuild(): Promise<WebBuild> {
  // the same directory web/vite.config.ts builds into and server/app.ts serves
  const dist = process.env['FAZHI_WEB_DIST'] ?? join(WEB, 'dist');
  const configFile = join(WEB, 'vite.config.ts');
  const builtIndex = join(dist, 'index.html');
  const sources = newestMtime([join(WEB, 'src'), join(WEB, 'public'), join(WEB, 'index.html'), configFile]);
  const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (built >= sources.mtime) return { state: 'fresh' };
  const reason = built === 0 ? `${relative(ROOT, dist) || dist} is missing` : `${relative(ROOT, sources.path)} changed`;
  let build: (typeof import('vite'))['build'];
  try {
    ({ build } = await import('vite'));
  } catch {
    if (built > 0) return { state: 'fresh' }; // an older build still serves; rebuilding needs the dev dependencies
    return {
      state: 'unbuildable',
      reason,
      message: `网页尚未构建（${dist} 中没有 index.html），本机也无法构建（缺少开发依赖 vite）。请在源码目录运行 npm install && npm run build 后再启动，或用环境变量 FAZHI_WEB_DIST 指向已构建的网页目录；只提供接口时可设 FAZHI_WEB=off。`,
    };
  }
  const started = performance.now();
  // a production bundle whatever NODE_ENV the process has: a server a test started (NODE_ENV=test) that rebuilt after an
  // edit served React's and antd's development builds, whose warnings the browser tests count as page errors
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile, logLevel: 'error', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return { state: 'built', seconds: (performance.now() - started) / 1000, reason };
}
