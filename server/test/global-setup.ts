import { readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** the seeded demo the test files copy, the day (in China) it was seeded on, and the tag its name carries */
export type Template = { tag: string; day: string } & ({ kind: 'pglite'; file: string } | { kind: 'postgres'; database: string });

declare module 'vitest' {
  export interface ProvidedContext {
    template: Template | null;
  }
}

const templateFile = (tag: string): string => join(tmpdir(), `fazhi-template-${tag}.tar`);

/**
 * seeds the demo county with every module into a template test files copy: a PostgreSQL template database
 * when TEST_DATABASE_URL is set, else a PGlite dump in the temporary directory; null where PGlite cannot dump
 */
export async function seedTemplate(tag: string): Promise<Template | null> {
  const day = chinaDate(new Date());
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', FAZHI_SECRET_KEY: TEST_SECRET_KEY, FAZHI_AUDIT_KEY: TEST_AUDIT_KEY };
  delete env['DATABASE_URL'];
  const admin = process.env['TEST_DATABASE_URL'];
  if (admin) {
    const database = `fazhi_tpl_${tag}`;
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
    return { kind: 'postgres', database, day, tag };
  }
  const { platform, handle } = await startPlatform(modules, { dataDir: 'memory://' }, env);
  await seedDemo(platform);
  const tar = await compactDump(handle);
  await handle.close();
  if (!tar) return null;
  writeFileSync(templateFile(tag), tar);
  return { kind: 'pglite', file: templateFile(tag), day, tag };
}

/** the tag of the template the run seeds for a later day (server/test/harness.ts), 20261207 for 2026-12-07 */
export const laterDayTag = (tag: string, day: string): string => `${tag}_d${day.replaceAll('-', '')}`;

/** removes the run's template and those seeded for a later day, with the files that coordinated their seeding */
async function dropTemplates(tag: string): Promise<void> {
  const ofRun = (name: string, prefix: string): boolean => name === `${prefix}${tag}` || name.startsWith(`${prefix}${tag}.`) || name.startsWith(`${prefix}${tag}_d`);
  for (const f of readdirSync(tmpdir())) if (ofRun(f, 'fazhi-template-')) rmSync(join(tmpdir(), f), { recursive: true, force: true });
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) return;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  const found = await c.query<{ datname: string }>("select datname from pg_database where datname like 'fazhi_tpl_%'");
  for (const { datname } of found.rows) if (ofRun(datname, 'fazhi_tpl_')) await c.query(`drop database if exists ${datname} with (force)`);
  await c.end();
}

/**
 * seeds the demo county once for the whole run; each integration test file then starts from a copy
 * instead of seeding again
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tag = String(process.pid);
  project.provide('template', await seedTemplate(tag));
  return () => dropTemplates(tag);
}
