import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../demo/demo.seed.ts';
import { modules } from '../modules/index.ts';
import { startPlatform } from '../platform/bootstrap.ts';
import { chinaDate } from '../platform/workflow/workflow.engine.ts';
import { compactDump } from './template-dump.ts';

export const TEST_SECRET_KEY = 'ab'.repeat(32);
export const TEST_AUDIT_KEY = 'cd'.repeat(32);

declare module 'vitest' {
  export interface ProvidedContext {
    template: { kind: 'pglite'; file: string; day: string } | { kind: 'postgres'; database: string; day: string } | null;
  }
}

/**
 * seeds the demo county once for the whole run: a PGlite dump, or a PostgreSQL template database;
 * each integration test file then starts from a copy instead of seeding again
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const day = chinaDate(new Date());
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', FAZHI_SECRET_KEY: TEST_SECRET_KEY, FAZHI_AUDIT_KEY: TEST_AUDIT_KEY };
  delete env['DATABASE_URL'];
  const admin = process.env['TEST_DATABASE_URL'];
  if (admin) {
    const database = `fazhi_tpl_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists ${database} with (force)`);
    await c.query(`create database ${database}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${database}`;
    const { platform, handle } = await startPlatform(modules, { databaseUrl: url.toString() }, env);
    await seedDemo(platform);
    // each test file's database is a copy of this one: copy no dead rows
    await sql`vacuum full`.execute(handle.db);
    await handle.close();
    project.provide('template', { kind: 'postgres', database, day });
    return async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${database} with (force)`);
      await d.end();
    };
  }
  const { platform, handle } = await startPlatform(modules, { dataDir: 'memory://' }, env);
  await seedDemo(platform);
  const tar = await compactDump(handle);
  await handle.close();
  if (!tar) {
    project.provide('template', null);
    return async () => {};
  }
  const file = join(tmpdir(), `fazhi-template-${process.pid}.tar`);
  writeFileSync(file, tar);
  project.provide('template', { kind: 'pglite', file, day });
  return async () => rmSync(file, { force: true });
}
