import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { startPlatform } from '../server/platform/bootstrap.ts';
import { systemActor, type Ctx } from '../server/platform/http/context.ts';
import { listQuery, listRecords } from '../server/platform/ledger/ledger.service.ts';
import { queryTerms } from '../server/platform/ledger/search.ts';
import type { ModuleDefinition } from '../server/platform/module.ts';
import { insertCases, insertProvince, PROVINCE } from './province.ts';

export interface SearchBenchResult {
  cases: number;
  towns: number;
  loadSeconds: number;
  rowsPerSecond: number;
  queries: Array<{ kind: string; q: string; scope: string; hits: number; capped: boolean; p95: number; lowerP95: number; first: string; expected: string | null }>;
  p95: number;
  lowerP95: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

/**
 * issue 23: Chinese search over `cases` enforcement cases of a province (~1 300 towns) on PostgreSQL. Each query
 * kind a user types — an exact 案号, an exact 案由, a shop's name, a violation, a word in nearly every record, a
 * place and a violation, a word in none — is run through the app's own list function (`listRecords`: count,
 * ranked page, organisation names, referenced titles) for a province user and a county user, `rounds` times each;
 * the lower bound, in the same run, is the least any search page needs: the first 20 ids the full-text index
 * gives, in no order and with no count. Ranking is checked too: an exact 案号 or 案由 must come first.
 */
export async function searchBench(modules: ModuleDefinition[], opts: { cases: number; rounds: number }): Promise<SearchBenchResult | null> {
  const admin = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!admin) return null;
  const name = `fazhi_bench_search_${process.pid}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-search-'));
  const c0 = new pg.Client({ connectionString: admin });
  await c0.connect();
  await c0.query(`create database ${name}`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, FAZHI_SECRET_KEY: 'ab'.repeat(32), FAZHI_AUDIT_KEY: 'cd'.repeat(32), FAZHI_DATA: dir, LOG_LEVEL: 'silent' };
  delete env['TEST_DATABASE_URL'];
  const { platform, handle } = await startPlatform(modules, { databaseUrl }, env);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const l = platform.ledgers.get('enforcement.case');
    if (!l) throw new Error('no enforcement.case ledger');
    const year = 2025;
    const orgs = await insertProvince(c, { cities: 14, counties: 100, towns: 1300 });
    const t0 = performance.now();
    await insertCases(c, l, orgs.towns, opts.cases, year);
    await c.query(`analyze ${l.table}`);
    const loadSeconds = (performance.now() - t0) / 1000;
    const cases = Number((await c.query(`select count(*) as n from ${l.table}`)).rows[0].n);

    const allCodes = (await c.query<{ code: string }>('select code from org')).rows.map((r) => r.code);
    const county = orgs.counties[3] as string;
    const countyCodes = (await c.query<{ code: string }>(`select code from org where path like $1`, [`%/${county}/%`])).rows.map((r) => r.code);
    const scopes = { 省: { root: PROVINCE, codes: allCodes }, 县: { root: county, codes: countyCodes } };
    // real values to look for: one case's number and 案由 in the county
    const sample = (await c.query<{ case_no: string; summary: string }>(`select case_no, summary from ${l.table} where org_code = any($1) order by id limit 1 offset 77`, [countyCodes])).rows[0];
    if (!sample) throw new Error('no case in the county');
    const queries: Array<{ kind: string; q: string; expect?: 'case_no' | 'summary' }> = [
      { kind: '案号', q: sample.case_no, expect: 'case_no' },
      { kind: '案由', q: sample.summary, expect: 'summary' },
      { kind: '商户名称', q: '鑫源超市' },
      { kind: '违法行为', q: '占道经营' },
      { kind: '几乎每条都有的词', q: '经营' },
      { kind: '地名加行为', q: '城关 违法建设' },
      { kind: '无结果', q: '危险化学品' },
    ];
    const out: SearchBenchResult['queries'] = [];
    const all: number[] = [];
    const lower: number[] = [];
    for (const [scopeName, scope] of Object.entries(scopes)) {
      const ctx: Ctx = { actor: { ...systemActor, username: 'bench' }, ip: 'bench', scope, tx: platform.db, cipher: platform.cipher, now: new Date() };
      for (const x of queries) {
        const times: number[] = [];
        const lowerTimes: number[] = [];
        let page = await listRecords(ctx, l, listQuery.parse({ q: x.q }), platform.ledgers);
        const terms = queryTerms(x.q).map((t) => `'${t}'`).join(' & ');
        for (let r = 0; r < opts.rounds; r++) {
          let t = performance.now();
          await sql`select id from ${sql.table(l.table)} where org_code in (${sql.join(scope.codes)}) and status = 'active' and search_tsv @@ to_tsquery('simple', ${terms}) limit 20`.execute(platform.db);
          lowerTimes.push(performance.now() - t);
          t = performance.now();
          page = await listRecords(ctx, l, listQuery.parse({ q: x.q }), platform.ledgers);
          times.push(performance.now() - t);
        }
        all.push(...times);
        lower.push(...lowerTimes);
        const first = page.items[0];
        const firstValue = first ? String((first.values as Record<string, unknown>)[x.expect ?? 'case_no'] ?? '') : '';
        out.push({ kind: x.kind, q: x.q, scope: scopeName, hits: page.total, capped: !!(page as { totalCapped?: boolean }).totalCapped, p95: pct(times, 95), lowerP95: pct(lowerTimes, 95), first: firstValue, expected: x.expect ? x.q : null });
      }
    }
    return { cases, towns: orgs.towns.length, loadSeconds: Math.round(loadSeconds), rowsPerSecond: Math.round(opts.cases / loadSeconds), queries: out, p95: pct(all, 95), lowerP95: pct(lower, 95) };
  } finally {
    await c.end();
    await handle.close();
    // BENCH_KEEP=1 leaves the database for reading plans (psql …/fazhi_bench_search_PID)
    if (process.env['BENCH_KEEP']) console.log(`search: database ${name} kept`);
    else await c0.query(`drop database if exists ${name} with (force)`);
    await c0.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
