import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplate: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** seeds the demo county once; each browser test file starts its server on a copy of it */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-template-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'node'), ['server/main.ts', 'demo', '--data', dir], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', FAZHI_FSYNC: 'off' }, stdio: 'ignore', timeout: 900_000 });
  project.provide('demoTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
