// runs npm scripts at once and fails if any fails. The first script's output streams as it comes;
// the others' is held and printed whole, each under its name, when it ends, so the log stays readable.
// `npm test` runs typecheck and lint beside the test suite this way: they share nothing, and the suite
// leaves the cores idle while its child processes start, so together they take about as long as the suite alone.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.ts <npm script> [<npm script> ...]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const seconds = (): string => ((Date.now() - started) / 1000).toFixed(0);

const runs = scripts.map(
  (name, i) =>
    new Promise<{ name: string; code: number }>((resolve) => {
      const child = spawn(npm, ['run', '--silent', name], { stdio: i === 0 ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env['FORCE_COLOR'] ?? '1' } });
      let held = '';
      child.stdout?.on('data', (d: Buffer) => (held += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (held += d.toString()));
      child.on('close', (code, signal) => {
        const result = code ?? (signal ? 1 : 0);
        if (i > 0) process.stdout.write(`\n--- npm run ${name}: ${result === 0 ? 'passed' : `failed (exit ${result})`} after ${seconds()} s ---\n${held}${held.endsWith('\n') || held === '' ? '' : '\n'}`);
        resolve({ name, code: result });
      });
    }),
);

const results = await Promise.all(runs);
const failed = results.filter((r) => r.code !== 0);
console.log(`\n${results.map((r) => `${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`}`).join(' · ')} (${seconds()} s)`);
process.exit(failed.length ? 1 : 0);
