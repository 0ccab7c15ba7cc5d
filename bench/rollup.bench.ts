import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildFromDraft, encode } from '../server/modules/annual-report/report.output.ts';
import { compareUnits, rollup } from '../server/modules/annual-report/report.service.ts';
import { startPlatform } from '../server/platform/bootstrap.ts';
import { afterBulkWrite } from '../server/platform/db/after-bulk-write.ts';
import { systemActor, type Ctx } from '../server/platform/http/context.ts';
import type { ModuleDefinition } from '../server/platform/module.ts';
import { submissions } from '../server/platform/reports/report-reminders.ts';
import { insertCases, insertProvince, PROVINCE } from './province.ts';
import { valueSql } from './report.bench.ts';

export interface RollupBenchResult {
  records: number;
  tables: number;
  towns: number;
  loadSeconds: number;
  rowsPerSecond: number;
  /** best wall-clock time of each, ms */
  countyReport: number;
  countyLower: number;
  cityOverview: number;
  provinceOverview: number;
  provinceLower: number;
  parts: Record<string, number>;
}

/**
 * issue 23: a province on PostgreSQL — 14 cities, 100 counties, 1 300 towns — with `records` records across every
 * ledger the indicators read (towns of different sizes), the enforcement cases among them with real-looking
 * numbers and text (province.ts). Timed, best of `rounds`: a county's whole report (every indicator with last
 * year's, the per-unit appendix, the DOCX), and the province's and a city's overview pages (报送情况, 下级单位报告,
 * 下级单位指标对比 of every indicator). Lower bounds in the same run: a `count(*)` of the county's records in each
 * source table (by index), and one `count(*) … group by org_code` scan of each source table for the province.
 */
export async function rollupBench(modules: ModuleDefinition[], opts: { records: number; rounds: number }): Promise<RollupBenchResult | null> {
  const admin = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!admin) return null;
  const name = `fazhi_bench_rollup_${process.pid}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-rollup-'));
  const c0 = new pg.Client({ connectionString: admin });
  await c0.connect();
  await c0.query(`create database ${name}`);
  // BENCH_PLANS=1: every statement over 100 ms has its plan written to the PostgreSQL server's log (auto_explain)
  if (process.env['BENCH_PLANS']) {
    await c0.query(`alter database ${name} set session_preload_libraries = 'auto_explain'`);
    await c0.query(`alter database ${name} set auto_explain.log_min_duration = '100ms'`);
    await c0.query(`alter database ${name} set auto_explain.log_analyze = on`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, FAZHI_SECRET_KEY: 'ab'.repeat(32), FAZHI_AUDIT_KEY: 'cd'.repeat(32), FAZHI_DATA: dir, LOG_LEVEL: 'silent' };
  delete env['TEST_DATABASE_URL'];
  const { platform, handle } = await startPlatform(modules, { databaseUrl }, env);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const year = 2025;
    const orgs = await insertProvince(c, { cities: 14, counties: 100, towns: 1300 });
    const sources = new Set(modules.flatMap((m) => m.indicators ?? []).flatMap((d) => (d.kind === 'ratio' ? [] : [d.ledger])));
    const used = platform.ledgers.all().filter((l) => sources.has(l.name));
    const t0 = performance.now();
    // the enforcement cases are the largest ledger (a third of the records); the rest share the remainder
    const cases = Math.round(opts.records / 3);
    const caseLedger = platform.ledgers.get('enforcement.case');
    if (!caseLedger) throw new Error('no enforcement.case ledger');
    await insertCases(c, caseLedger, orgs.towns, cases, year);
    const others = used.filter((l) => l.name !== 'enforcement.case');
    const per = Math.floor((opts.records - cases) / others.length);
    await c.query('create temp table bench_org (i int primary key, code text)');
    // towns and, for the ledgers a county keeps itself, the counties too: one in ten records
    const holders = [...orgs.towns.map((t) => t.code), ...orgs.counties];
    await c.query('insert into bench_org select * from unnest($1::int[], $2::text[])', [holders.map((_, i) => i), holders]);
    for (const l of others) {
      const cols = l.fields.filter((f) => !f.reached && !f.counted && !f.numbered);
      await c.query(
        `insert into ${l.table} (org_code, ${cols.map((f) => f.name).join(', ')}, created_by, updated_by)
         select o.code, ${cols.map((f) => valueSql(f, year)).join(', ')}, 'bench', 'bench'
         from (select gg::int as g, (abs(hashint8(gg * 31 + ${l.table.length})) % ${holders.length})::int as h from generate_series(1, $1::bigint) gg) x
         join bench_org o on o.i = x.h`,
        [per],
      );
    }
    await afterBulkWrite(platform.db);
    await c.query('analyze');
    const loadSeconds = (performance.now() - t0) / 1000;
    let records = 0;
    for (const l of used) records += Number((await c.query(`select count(*) as n from ${l.table}`)).rows[0].n);

    const county = orgs.counties[3] as string;
    const city = orgs.cities[3] as string;
    const codesOf = async (root: string): Promise<string[]> => (await c.query<{ code: string }>('select code from org where path like $1', [`%/${root}/%`])).rows.map((r) => r.code);
    const scope = { county: { root: county, codes: await codesOf(county) }, city: { root: city, codes: await codesOf(city) }, province: { root: PROVINCE, codes: await codesOf(PROVINCE) } };
    const as = (s: { root: string; codes: string[] }, f: (ctx: Ctx) => Promise<unknown>): Promise<unknown> =>
      platform.db.transaction().execute((tx) => f({ actor: { ...systemActor, username: 'bench' }, ip: 'bench', scope: s, tx, cipher: platform.cipher, now: new Date(`${year + 1}-03-15T02:00:00Z`) }));
    const parts: Record<string, number> = {};
    const timed = async (label: string, f: () => Promise<unknown>): Promise<number> => {
      let best = Infinity;
      for (let r = 0; r < opts.rounds; r++) {
        const t = performance.now();
        await f();
        best = Math.min(best, performance.now() - t);
      }
      parts[label] = Math.round(best);
      return Math.round(best);
    };
    const overview = (s: { root: string; codes: string[] }) => async (): Promise<void> => {
      await as(s, (ctx) => submissions(ctx, platform, year));
      await as(s, (ctx) => rollup(ctx, year));
      await as(s, (ctx) => compareUnits(ctx, platform, year, []));
    };
    const countyReport = await timed('县年度报告（全部指标、附表、DOCX）', () => as(scope.county, async (ctx) => encode(await buildFromDraft(ctx, platform, county, year), 'docx')));
    const countyLower = await timed('下界：县内各来源台账 count(*)', async () => {
      for (const l of used) await sql`select count(*) from ${sql.table(l.table)} where org_code in (${sql.join(scope.county.codes)})`.execute(platform.db);
    });
    const cityOverview = await timed('市：报送情况＋下级单位报告＋指标对比', overview(scope.city));
    await timed('省：报送情况', () => as(scope.province, (ctx) => submissions(ctx, platform, year)));
    await timed('省：下级单位报告', () => as(scope.province, (ctx) => rollup(ctx, year)));
    await timed('省：下级单位指标对比（全部指标）', () => as(scope.province, (ctx) => compareUnits(ctx, platform, year, [])));
    const provinceOverview = await timed('省：三页合计', overview(scope.province));
    const provinceLower = await timed('下界：各来源台账 count(*) group by org_code', async () => {
      for (const l of used) await sql`select org_code, count(*) from ${sql.table(l.table)} group by org_code`.execute(platform.db);
    });
    return { records, tables: used.length, towns: orgs.towns.length, loadSeconds: Math.round(loadSeconds), rowsPerSecond: Math.round(records / loadSeconds), countyReport, countyLower, cityOverview, provinceOverview, provinceLower, parts };
  } finally {
    await c.end();
    await handle.close();
    if (process.env['BENCH_KEEP']) console.log(`rollup: database ${name} kept`);
    else await c0.query(`drop database if exists ${name} with (force)`);
    await c0.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
