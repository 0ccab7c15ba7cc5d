import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { json, preparedInstance, startTestApp, type TestApp } from '../../test/harness.ts';
import { subtreeSystemCtx } from '../orgs/org.repository.ts';
import { computeIndicators, type ComputeOptions, type IndicatorValue } from './indicator.service.ts';
import { compactTally, syncTallies, verifyTally } from './indicator.tally.ts';
import type { IndicatorDef } from './indicator.types.ts';

let t: TestApp;
let clerk: string;
const COUNTY = '999001000000';
const TOWN = '999001001000';
const thisYear = new Date().getUTCFullYear();
const lastYear = thisYear - 1;
const base = '/api/ledgers/mediation.case';

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const defs = (): IndicatorDef[] => t.platform.modules.flatMap((m) => m.indicators ?? []);

/** the indicators of an organisation for whole years, as the engine computes them from the chosen source */
async function compute(org: string, from: number, to: number, opts: ComputeOptions): Promise<IndicatorValue[]> {
  return t.platform.db.transaction().execute(async (tx) => {
    return computeIndicators(await subtreeSystemCtx(tx, t.platform.cipher, org, 'test'), defs(), t.platform.ledgers, { org, from: `${from}-01-01`, to: `${to}-12-31` }, opts);
  });
}

/**
 * every difference between the tally and a recount of the ledger tables: for the county (whose figures carry each
 * unit's share), a town and one of its offices, or with `everyUnit` for each unit below the county too
 */
async function differences(years: number[] = [lastYear, thisYear], everyUnit = false): Promise<string[]> {
  const units = everyUnit ? (await t.platform.db.selectFrom('org').select('code').where('parent_code', '=', COUNTY).execute()).map((o) => o.code) : [TOWN];
  const office = (await t.platform.db.selectFrom('org').select('code').where('parent_code', '=', TOWN).executeTakeFirstOrThrow()).code;
  const r = await verifyTally([COUNTY, ...units, office], years, (org, y, source) => compute(org, y, y, { source, byUnit: true, compare: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` } }));
  expect(r.checked).toBeGreaterThan(200 * (units.length + 2) * years.length);
  return r.differences.map((d) => `${d.org} ${d.year} ${d.indicator} ${d.part}: ${d.tally} ≠ ${d.scan}`);
}

const figure = async (id: string, org = TOWN, year = thisYear): Promise<IndicatorValue | undefined> => (await compute(org, year, year, { source: 'tally' })).find((v) => v.id === id);

async function someRefs(): Promise<{ committee_id: number; mediator_id: number }> {
  const v = json<{ items: Array<{ values: Record<string, unknown> }> }>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).items[0]?.values ?? {};
  return { committee_id: Number(v['committee_id']), mediator_id: Number(v['mediator_id']) };
}

describe('indicator tally', () => {
  it('gives every figure of the demo county exactly as a recount of the ledger tables does, for every unit and year', async () => {
    expect(await differences([lastYear, thisYear], true)).toEqual([]);
    // a period of two whole years is read from the tally too, and equals the recount
    const two = await compute(COUNTY, lastYear, thisYear, { source: 'tally', byUnit: true });
    const scanned = await compute(COUNTY, lastYear, thisYear, { source: 'scan', byUnit: true });
    expect(two).toEqual(scanned);
    expect(two.find((v) => v.id === 'mediation.cases')?.value).toBeGreaterThan(100);
  });

  it('follows every write: a new record, an edit moving it to another type and year, a withdrawal, an import', async () => {
    const refs = await someRefs();
    const before = await figure('mediation.cases');
    const amountBefore = (await figure('mediation.amount'))?.value ?? 0;
    const labour = (v: IndicatorValue | undefined): number => v?.breakdown.find((b) => b.label === '劳动争议')?.value ?? 0;
    const created = await t.request(clerk, {
      method: 'POST',
      url: base,
      payload: { received_on: `${thisYear}-02-03`, source: '排查', dispute_type: '劳动争议', summary: '拖欠工资', applicant_name: '甲', respondent_name: '乙', parties_count: 2, amount: 12.5, ...refs, outcome: '正在调解' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const rec = json<{ id: number; version: number }>(created);
    const afterCreate = await figure('mediation.cases');
    expect(afterCreate?.value).toBe((before?.value ?? 0) + 1);
    expect(labour(afterCreate)).toBe(labour(before) + 1);
    expect((await figure('mediation.amount'))?.value).toBe(Math.round((amountBefore + 12.5) * 100) / 100);

    // moved to last year and to another type: it leaves this year's figures and joins last year's
    const lastBefore = await figure('mediation.cases', TOWN, lastYear);
    const edited = await t.request(clerk, { method: 'PUT', url: `${base}/${rec.id}`, payload: { version: rec.version, received_on: `${lastYear}-11-20`, dispute_type: '邻里纠纷' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await figure('mediation.cases'))?.value).toBe(before?.value);
    expect((await figure('mediation.cases', TOWN, lastYear))?.value).toBe((lastBefore?.value ?? 0) + 1);
    expect(await differences()).toEqual([]);

    const version = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `${base}/${rec.id}` })).version;
    const reviewer = await t.login('reviewer');
    const withdrawn = await t.request(reviewer, { method: 'POST', url: `${base}/${rec.id}/withdraw`, payload: { reason: '重复登记', version } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await figure('mediation.cases', TOWN, lastYear))?.value).toBe(lastBefore?.value);

    // an import of 25 cases arrives in the figures at once
    const tpl = await t.request(clerk, { method: 'GET', url: `${base}/template.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers: string[] = [];
    ws?.getRow(1).eachCell((c, col) => (headers[col] = String(c.value).replace(/\*$/, '')));
    for (let i = 0; i < 25; i++) {
      const row: Record<string, unknown> = { 案件编号: `（tally）导入${i}`, 受理日期: `${thisYear}-03-0${1 + (i % 9)}`, 案件来源: '排查', 纠纷类型: '劳动争议', 纠纷概要: '欠薪', '申请人（一方当事人）': `甲${i}`, '被申请人（对方当事人）': `乙${i}`, 当事人人数: 2, 受理调委会: refs.committee_id, 承办调解员: refs.mediator_id, 调解结果: '正在调解' };
      headers.forEach((h, col) => {
        const cell = ws?.getRow(i + 2).getCell(col);
        if (h && cell && row[h] !== undefined) cell.value = row[h] as ExcelJS.CellValue;
      });
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----fazhi';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cases.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const imported = json<{ imported: number }>(await t.request(clerk, { method: 'POST', url: `${base}/import?mode=all`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload }));
    expect(imported.imported).toBe(25);
    const afterImport = await figure('mediation.cases');
    expect(afterImport?.value).toBe((before?.value ?? 0) + 25);
    expect(labour(afterImport)).toBe(labour(before) + 25);
    expect((await figure('mediation.screened'))?.value).toBe(((await compute(TOWN, thisYear, thisYear, { source: 'scan' })).find((v) => v.id === 'mediation.screened'))?.value);

    // the import merged its rows; an edit that changes no figure adds none; one that does adds signed rows, which merge
    // into one per figure without changing any
    const deltas = async (): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from indicator_tally where delta`.execute(t.platform.db)).rows[0]?.n);
    expect(await deltas()).toBe(0);
    await sql`update mediation_case set summary = summary || '。' where org_code like ${`${TOWN}%`}`.execute(t.platform.db);
    expect(await deltas()).toBe(0);
    await sql`update mediation_case set amount = coalesce(amount, 0) + 1 where org_code like ${`${TOWN}%`} and status = 'active'`.execute(t.platform.db);
    expect(await deltas()).toBeGreaterThan(0);
    expect(await differences()).toEqual([]);
    await compactTally(t.platform.db);
    expect(await deltas()).toBe(0);
    expect(await differences()).toEqual([]);
  });

  it('keeps every ledger’s figures through one-record and many-record inserts, edits, withdrawals and deletions', async () => {
    const db = t.platform.db;
    const sources = new Set(defs().flatMap((d) => (d.kind === 'ratio' ? [] : [d.ledger])));
    const ledgers = t.platform.ledgers.all().filter((l) => sources.has(l.name));
    expect(ledgers.length).toBeGreaterThan(20);
    for (const l of ledgers) {
      const table = sql.table(l.table);
      // a generated column (a plan reached, FieldDef.reached) is the database's to write
      const stored = l.fields.filter((f) => !f.reached);
      const cols = stored.map((f) => f.name);
      const copied = stored.map((f) => ((l.uniqueFields ?? []).includes(f.name) ? sql`${sql.ref(f.name)} || '-副本'` : sql.ref(f.name)));
      // one record at a time (the API's writes): a copy in another town, an edit of every field from another record, a deletion
      await sql`insert into ${table} (org_code, ${sql.join(cols.map((c) => sql.ref(c)))}, created_by, updated_by) select ${'999001002000'}, ${sql.join(copied)}, 'test', 'test' from ${table} where id = (select min(id) from ${table} where status = 'active')`.execute(db);
      const editable = cols.filter((c) => !(l.uniqueFields ?? []).includes(c));
      await sql`update ${table} t set ${sql.join(editable.map((c) => sql`${sql.ref(c)} = s.${sql.ref(c)}`))} from (select * from ${table} order by id desc limit 1 offset 3) s where t.id = (select min(id) + 1 from ${table})`.execute(db);
      await sql`delete from ${table} where id = (select max(id) from ${table})`.execute(db);
      // many at once (imports, bulk corrections): withdraw forty, move ten to another town, bring the forty back
      await sql`update ${table} set status = 'withdrawn' where id in (select id from ${table} where status = 'active' order by id limit 40)`.execute(db);
      await sql`update ${table} set org_code = ${'999001003000'} where id in (select id from ${table} order by id desc limit 10)`.execute(db);
      await sql`update ${table} set status = 'active' where id in (select id from ${table} order by id limit 40) and withdrawn_at is null`.execute(db);
    }
    expect(await differences([lastYear, thisYear], true)).toEqual([]);
    await compactTally(db);
    expect(await differences([lastYear, thisYear], true)).toEqual([]);
  });

  it('is what whole-year figures are read from, is checked against the tables by `verify`, and recounted by `rebuild`', async () => {
    const cases = await figure('mediation.succeeded');
    expect(cases?.value).toBeGreaterThan(0);
    // remove this year's rows of one figure behind the engine's back: whole years read the tally, other periods the tables
    await sql`delete from indicator_tally where ind = 'mediation.succeeded' and y = ${thisYear}`.execute(t.platform.db);
    expect((await figure('mediation.succeeded'))?.value).toBe(0);
    const auto = await t.platform.db.transaction().execute(async (tx) => {
      const ctx = await subtreeSystemCtx(tx, t.platform.cipher, TOWN, 'test');
      const year = await computeIndicators(ctx, defs(), t.platform.ledgers, { org: TOWN, from: `${thisYear}-01-01`, to: `${thisYear}-12-31` });
      const withIds = await computeIndicators(ctx, defs(), t.platform.ledgers, { org: TOWN, from: `${thisYear}-01-01`, to: `${thisYear}-12-31` }, { withIds: true });
      return { year: year.find((v) => v.id === 'mediation.succeeded'), withIds: withIds.find((v) => v.id === 'mediation.succeeded') };
    });
    expect(auto.year?.value).toBe(0);
    expect(auto.withIds?.value).toBe(cases?.value);
    expect(auto.withIds?.recordIds).toHaveLength(cases?.value ?? -1);
    const found = await differences([thisYear]);
    expect(found.some((d) => d.includes('mediation.succeeded value'))).toBe(true);

    await syncTallies(t.platform.db, t.platform.ledgers.all(), defs(), { force: true });
    expect((await figure('mediation.succeeded'))?.value).toBe(cases?.value);
    expect(await differences()).toEqual([]);
  });

  it('recounts a ledger whose indicators change, and drops the tally of one that has none left', async () => {
    const l = t.platform.ledgers.get('mediation.case');
    if (!l) throw new Error('no ledger');
    const changed = defs().map((d) => (d.id === 'mediation.screened' ? { ...d, where: { source: '来访' } } : d));
    const rebuilt = await syncTallies(t.platform.db, t.platform.ledgers.all(), changed);
    expect(rebuilt).toEqual([expect.stringContaining('mediation.case')]);
    const visits = (await compute(TOWN, thisYear, thisYear, { source: 'scan' })).find((v) => v.id === 'mediation.cases_by_source')?.breakdown.find((b) => b.label === '来访');
    const now = await t.platform.db.transaction().execute(async (tx) => {
      const ctx = await subtreeSystemCtx(tx, t.platform.cipher, TOWN, 'test');
      return (await computeIndicators(ctx, changed, t.platform.ledgers, { org: TOWN, from: `${thisYear}-01-01`, to: `${thisYear}-12-31` }, { source: 'tally' })).find((v) => v.id === 'mediation.screened');
    });
    expect(now?.value).toBe(visits?.value ?? 0);
    // the old declaration no longer matches what the tally holds: the engine counts from the tables instead
    await expect(compute(TOWN, thisYear, thisYear, { source: 'tally' })).rejects.toThrow(/other indicator declarations/);
    expect((await compute(TOWN, thisYear, thisYear, {})).find((v) => v.id === 'mediation.screened')?.value).toBe((await compute(TOWN, thisYear, thisYear, { source: 'scan' })).find((v) => v.id === 'mediation.screened')?.value);

    const withoutCases = defs().filter((d) => d.kind === 'ratio' || d.ledger !== 'mediation.case');
    await syncTallies(t.platform.db, t.platform.ledgers.all(), withoutCases);
    const left = await sql<{ n: string }>`select count(*) as n from indicator_tally where ledger = 'mediation.case'`.execute(t.platform.db);
    expect(Number(left.rows[0]?.n)).toBe(0);
    const triggers = await sql<{ n: string }>`select count(*) as n from pg_trigger where tgname like 'fz_tally_%' and tgrelid = 'mediation_case'::regclass`.execute(t.platform.db);
    expect(Number(triggers.rows[0]?.n)).toBe(0);
    await syncTallies(t.platform.db, t.platform.ledgers.all(), defs());
    expect(await differences([thisYear])).toEqual([]);
  });
});

describe('CLI: indicators verify and rebuild', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('finds a tampered figure, names it, and a rebuild makes the tally agree again', async () => {
    const base = mkdtempSync(join(tmpdir(), 'fazhi-tally-'));
    dirs.push(base);
    const inst = await preparedInstance(join(base, 'a'));
    try {
      const args = ['--org', TOWN, '--year', String(lastYear), ...inst.args];
      const ok = await runCli(['indicators', 'verify', ...args], inst.env);
      expect(ok.stdout).toMatch(/核对一致：\d+个单位 × 1个年度/);
      expect(ok.code).toBe(0);

      const { connect } = await import('../db/connect.ts');
      const h = await connect(inst.env['DATABASE_URL'] ? { databaseUrl: inst.env['DATABASE_URL'] } : { dataDir: join(base, 'a') });
      await sql`update indicator_tally set n = n + 7 where ind = 'mediation.cases' and org_code = ${TOWN} and y = ${lastYear} and k = ${'"劳动争议"'}`.execute(h.db);
      await h.close();
      const bad = await runCli(['indicators', 'verify', ...args], inst.env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(`${TOWN} ${lastYear}年 mediation.cases value`);
      expect(bad.stdout).toContain('fazhi indicators rebuild');

      const rebuilt = await runCli(['indicators', 'rebuild', ...inst.args], inst.env);
      expect(rebuilt.code).toBe(0);
      expect(rebuilt.stdout).toContain('mediation.case: 统计台账已重建');
      expect((await runCli(['indicators', 'verify', ...args], inst.env)).code).toBe(0);
      expect((await runCli(['indicators', 'check', ...inst.args], inst.env)).code).toBe(2);
    } finally {
      await inst.drop();
    }
  }, 600_000);
});
