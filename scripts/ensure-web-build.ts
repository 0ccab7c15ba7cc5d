// builds web/dist when it is missing or older than its sources; run by `npm start` (prestart) and `npm run test:e2e`
import { ensureWebBuild } from '../server/web-build.ts';

const r = await ensureWebBuild();
if (r.state === 'fresh') console.log('web: web/dist is up to date');
else if (r.state === 'built') console.log(`web: built web/dist in ${r.seconds.toFixed(1)}s (${r.reason})`);
else {
  console.error(r.message);
  process.exit(1);
}
