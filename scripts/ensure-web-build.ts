// builds web/dist when it is missing or older than its sources; run by `npm start` (prestart) and `npm run test:e2e`
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const builtIndex = join(process.env.FAZHI_WEB_DIST ?? join(web, 'dist'), 'index.html');
const configFile = join(web, 'vite.config.ts');

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

const sources = newestMtime([join(web, 'src'), join(web, 'public'), join(web, 'index.html'), configFile]);
const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;

if (built >= sources.mtime) {
  console.log('web: web/dist is up to date');
} else {
  const reason = built === 0 ? 'web/dist is missing' : `${relative(root, sources.path)} changed`;
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'error' });
  console.log(`web: built web/dist in ${((performance.now() - started) / 1000).toFixed(1)}s (${reason})`);
}
