import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../test/harness.ts';
import { chinaDate } from './workflow/workflow.engine.ts';

/**
 * Reading never writes: every GET route of the app, called by every role of the demo county with real ids,
 * leaves the database as it was. A row trigger on every table notes any row written, so a GET that writes is
 * named with the tables it touched; a fingerprint of every table before and after confirms it.
 *
 * Excluded on purpose: `session` (signing in and the idle timeout keep the session's last-seen time, which is
 * how an idle session expires; it is the session, not the data), the migration bookkeeping tables, and the
 * access records of the audit log for taking data out of the system: an Excel export and a decision's archive
 * package are logged for the 安全审计员 (GB/T 22239 level 3: important user behaviour is audited, and taking
 * personal data out is such behaviour). They record who read what; they change no record and no figure.
 */
const EXCLUDED = new Set(['session', 'kysely_migration', 'kysely_migration_lock', 'sweep_write']);
const ACCESS_RECORDS = ['export', 'archive_download'];
const USERS = ['sysadmin', 'secadmin', 'auditor', 'county', 'supervisor', 'leader', 'reviewer', 'legal', 'clerk', null] as const;
const TOWN = '999001001000';

let t: TestApp;
let tables: string[] = [];
const cookies = new Map<string, string | null>();

const one = async (query: ReturnType<typeof sql<{ id: number | string }>>): Promise<string | undefined> => {
  const r = await query.execute(t.platform.db);
  const v = r.rows[0]?.id;
  return v === undefined || v === null ? undefined : String(v);
};

beforeAll(async () => {
  t = await startTestApp();
  tables = (await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.platform.db)).rows.map((r) => r.table_name).filter((n) => !EXCLUDED.has(n));
  // a report to read (drafted explicitly, before the sweep starts)
  const clerk = await t.login('clerk');
  const made = await t.request(clerk, { method: 'POST', url: '/api/reports/annual', payload: { year: Number(chinaDate(new Date()).slice(0, 4)) - 1 } });
  expect(made.statusCode, made.body).toBe(200);
  for (const u of USERS) cookies.set(String(u), u ? await t.login(u) : null);
  await sql`create table if not exists sweep_write (tbl text not null, op text not null)`.execute(t.platform.db);
  await sql.raw(`create or replace function sweep_note() returns trigger language plpgsql as $$ begin if TG_TABLE_NAME = 'audit_log' and TG_OP = 'INSERT' then if NEW.action <> all (array['${ACCESS_RECORDS.join("','")}']) then insert into sweep_write (tbl, op) values (TG_TABLE_NAME, TG_OP || ' ' || NEW.action); end if; else insert into sweep_write (tbl, op) values (TG_TABLE_NAME, TG_OP); end if; return null; end $$`).execute(t.platform.db);
  for (const name of tables) await sql.raw(`create trigger sweep_${name} after insert or update or delete on ${name} for each row execute function sweep_note()`).execute(t.platform.db);
}, 300_000);
afterAll(async () => t.close());

/** every table's row count and content digest */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of tables) {
    const only = name === 'audit_log' ? sql`where x.action <> all (${sql.val(ACCESS_RECORDS)}::text[])` : sql``;
    const r = await sql<{ n: number; h: string }>`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(name)} x ${only}`.execute(t.platform.db);
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.h}`;
  }
  return out;
}

/** real ids of the demo for the path parameters of each route */
async function concrete(url: string): Promise<string> {
  const ledger = /^\/api\/ledgers\/([a-z_]+\.[a-z_]+)\//.exec(url)?.[1];
  let id: string | undefined;
  let fileId: string | undefined;
  if (ledger) {
    const l = t.platform.ledgers.get(ledger);
    id = l ? await one(sql<{ id: number }>`select id from ${sql.table(l.table)} where org_code like ${`${TOWN}%`} order by id limit 1`) : undefined;
    fileId = l && id ? await one(sql<{ id: number }>`select id from attachment where owner = ${ledger} and owner_id = ${Number(id)} order by id limit 1`) : undefined;
    fileId ??= await one(sql<{ id: number }>`select id from attachment order by id limit 1`);
  } else if (url.startsWith('/api/users/')) id = await one(sql<{ id: number }>`select id from app_user where username = 'clerk'`);
  else if (url.startsWith('/api/indicators/')) id = t.platform.modules.flatMap((m) => m.indicators ?? [])[0]?.id;
  else if (url.startsWith('/api/enforcement/cases/')) id = await one(sql<{ id: number }>`select id from enforcement_case where org_code like ${`${TOWN}%`} and decided_on is not null order by id limit 1`);
  else if (url.startsWith('/api/public/enforcement/draws/')) id = await one(sql<{ id: number }>`select id from enforcement_draw order by id limit 1`);
  else if (url.startsWith('/api/public/decisions/') || url.startsWith('/api/decisions/')) id = await one(sql<{ id: number }>`select id from decisions_decision where org_code like ${`${TOWN}%`} order by id limit 1`);
  else if (url.startsWith('/api/normdocs/') || url.startsWith('/api/public/normdocs/')) id = await one(sql<{ id: number }>`select id from normdocs_document where org_code like ${`${TOWN}%`} order by id limit 1`);
  else if (url.startsWith('/api/public/disclosure/items/')) id = await one(sql<{ id: number }>`select id from disclosure_item order by id limit 1`);
  else if (url.startsWith('/api/public/disclosure/reports/')) id = await one(sql<{ id: number }>`select id from disclosure_report order by id limit 1`);
  else if (url.startsWith('/api/reports/annual/versions/') || url.startsWith('/api/public/reports/')) id = await one(sql<{ id: number }>`select id from report_version where kind = 'annual' order by id limit 1`);
  else if (url.startsWith('/api/reports/enforcement-stats/versions/') || url.startsWith('/api/public/enforcement-stats/')) id = await one(sql<{ id: number }>`select id from report_version where kind = 'enforcement-stats' order by id limit 1`);
  else if (url.startsWith('/api/reports/enforcement-stats/')) id = await one(sql<{ id: number }>`select id from report_draft where kind = 'enforcement-stats' order by id limit 1`);
  else if (url.startsWith('/api/supervision/reviews/')) id = await one(sql<{ id: number }>`select id from supervision_review order by id limit 1`);
  else if (url.startsWith('/api/supervision/instruments/')) id = await one(sql<{ id: number }>`select id from supervision_opinion order by id limit 1`);
  else if (url.startsWith('/api/reports/annual/')) id = await one(sql<{ id: number }>`select id from report_draft where kind = 'annual' order by id limit 1`);
  return url
    .replace(':code', TOWN)
    .replace(':year', chinaDate(new Date()).slice(0, 4))
    .replace(':fileId', fileId ?? '1')
    .replace(':kind', 'decision')
    .replace(':id', id ?? '1');
}

// the query parameters a route needs to do its work rather than stop at validation
const year = Number(chinaDate(new Date()).slice(0, 4)) - 1;
const QUERIES: Record<string, string> = {
  '/api/deadline': `from=${chinaDate(new Date())}&days=20&unit=working`,
  '/api/numbering/preview': `series=enforcement.case_no&org=${TOWN}-03&format=${encodeURIComponent('{机关简称}综执{类别}〔{年}〕{序号}号')}`,
};

describe('reading never writes', () => {
  it('leaves every table unchanged after every GET route, called by every role with real ids', async () => {
    const gets = t.api.routes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(100);
    await sql`delete from sweep_write`.execute(t.platform.db);
    const before = await fingerprint();
    const writes: string[] = [];
    let answered = 0;
    for (const r of gets) {
      const path = await concrete(r.url);
      const url = `${path}?${QUERIES[r.url] ?? `year=${year}`}`;
      for (const u of USERS) {
        const res = await t.request(cookies.get(String(u)) ?? null, { method: 'GET', url });
        if (res.statusCode === 200) answered++;
        expect(res.statusCode, `${u ?? '公众'} GET ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        const touched = await sql<{ tbl: string; op: string; n: number }>`select tbl, op, count(*)::int as n from sweep_write group by tbl, op order by tbl, op`.execute(t.platform.db);
        if (touched.rows.length) {
          writes.push(`${u ?? '公众'} GET ${r.url}: ${touched.rows.map((w) => `${w.op} ${w.tbl} ×${w.n}`).join(', ')}`);
          await sql`delete from sweep_write`.execute(t.platform.db);
        }
      }
    }
    if (process.env["SWEEP_DUMP"]) (await import("node:fs")).writeFileSync(process.env["SWEEP_DUMP"], writes.join("\n"));
    expect(writes).toEqual([]);
    // and the routes did their work: most calls by the roles entitled to them succeeded
    expect(answered).toBeGreaterThan(gets.length);
    expect(await fingerprint()).toEqual(before);
  }, 900_000);

  it('would notice a write: the trigger records a row written by a request', async () => {
    const clerk = cookies.get('clerk') ?? null;
    const list = json<{ items: Array<{ id: number; version: number }> }>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/publicity.activity?pageSize=1' }));
    const rec = list.items[0];
    expect(rec).toBeDefined();
    await t.request(clerk, { method: 'PUT', url: `/api/ledgers/publicity.activity/${rec?.id}`, payload: { version: rec?.version } });
    const withdrawn = await t.request(await t.login('reviewer'), { method: 'POST', url: `/api/ledgers/publicity.activity/${rec?.id}/withdraw`, payload: { reason: '核对清扫测试是否发现写入' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const touched = await sql<{ tbl: string }>`select distinct tbl from sweep_write`.execute(t.platform.db);
    expect(touched.rows.map((r) => r.tbl)).toEqual(expect.arrayContaining(['publicity_activity', 'audit_log']));
  });
});
