import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { connect } from './server/platform/db/connect.ts';
const dir = '/tmp/prof-src';
rmSync(dir, { recursive: true, force: true }); mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/secret.key`, 'ab'.repeat(32), { mode: 0o600 });
writeFileSync(`${dir}/audit.key`, 'cd'.repeat(32), { mode: 0o600 });
const h = await connect({ dataDir: dir, loadDataDir: new Blob([readFileSync('/tmp/stripped.tar')]) });
await h.close();
