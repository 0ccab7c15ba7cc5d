import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import type { FieldDef, LedgerDef } from '../ledger/ledger.types.ts';

/**
 * a fuzzer of our own: every write and list route of the OpenAPI document gets bad values in each field and
 * parameter (NUL, lone surrogates, wrong types, huge and fractional numbers, impossible dates, 100k-character
 * strings, unknown enums and keys, ids out of range) from the first account allowed to call it; no answer may
 * be a 5xx and no refused request may leave a row behind
 */

// routes whose side effects reach outside one request's transaction and would break the run
const SKIPPED: Record<string, string> = {
  'POST /api/auth/logout': 'ends the session the fuzzer works with',
  'POST /api/auth/password': 'changes the demo password the other accounts log in with',
  'POST /api/auth/login': 'refused logins are audited and count towards the lockout (its own cases are in errors.int.test.ts)',
};

const USERS = ['clerk', 'reviewer', 'leader', 'legal', 'county', 'supervisor', 'sysadmin', 'secadmin', 'auditor'] as const;
// bad values per route, sampled from every field × every bad value (the seed makes the sample the same each run)
const PER_ROUTE = 8;
const SEED = 20261204;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: Json[]; minimum?: number; maximum?: number; minLength?: number; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; default?: Json; pattern?: string; const?: Json };
interface OpenApiParam { in: string; name: string; required?: boolean; schema?: Schema }
interface OpenApiOp { parameters?: OpenApiParam[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }

const LONG = 'x'.repeat(100_000);
const BAD_TEXT: Json[] = ['\u0000', 'a\u0000b', '\uD800', 'a\uDC00b', 'a\u0007b', LONG];
const BAD_TYPE: Json[] = [{ a: 1 }, [1, 2], ['\u0000'], true];
const BAD_NUMBER: Json[] = [99999999999, 2147483648, 1e300, -1, 1.5, -1e20, '1e309', 'NaN', 99999999999999999999];
const BAD_DATE: Json[] = ['0000-01-01', '0001-01-01', '2024-02-30', '99999-12-31', '1899-12-31'];
const BAD_ANY: Json[] = [...BAD_TEXT, ...BAD_TYPE, ...BAD_NUMBER, ...BAD_DATE, 'no-such-value', null];
const BAD_QUERY = ['\u0000', 'a\u0000b', '\uD800', 'a\u0007b', LONG, '99999999999', '99999999999999999999', '1e309', '-1', '1.5', '0000-01-01', '0001-01-01', '2024-02-30', 'abc', '', 'no-such-value'];
const BAD_PARAM = ['99999999999', '2147483648', '-1', '1.5', 'abc', 'a%00b'];

/** deterministic pseudo-random numbers (mulberry32) */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** a value the schema probably accepts: the starting point the bad values replace one field of */
function sample(s: Schema | undefined): Json {
  if (!s) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0] ?? null;
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt?.length) return sample(alt.find((a) => a.type !== 'null') ?? alt[0]);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k]);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return s.minimum !== undefined && s.minimum > 0 ? s.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      return '测试内容'.repeat(Math.max(1, Math.ceil((s.minLength ?? 1) / 4)));
    default:
      return 'x';
  }
}

/** the bad values that fit a ledger field's declared type (the generic ones reach every field too) */
function badForField(f: FieldDef): Json[] {
  switch (f.type) {
    case 'int':
    case 'decimal':
    case 'ref':
      return [...BAD_NUMBER, 1e16, 12.345, { a: 1 }, '\u0000', [1]];
    case 'date':
      return [...BAD_DATE, '\u0000', { a: 1 }, 20240101, [1]];
    case 'bool':
      return ['\u0000', { a: 1 }, 'maybe', 2];
    case 'dict':
    case 'dicts':
      return ['no-such-value', '\u0000', { a: 1 }, [{ a: 1 }], ['\uD800'], 1];
    default:
      return [...BAD_TEXT, ...BAD_TYPE, 99999999999, '0000-01-01'];
  }
}

/** percent-encodes a query value, lone surrogates as the UTF-8 bytes a careless client would send */
const enc = (v: string): string => v.replace(/[\s\S]/g, (c) => (/[A-Za-z0-9._~-]/.test(c) ? c : /[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)));
const queryString = (q: Record<string, string | string[]>): string =>
  Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(x)}`)).join('&');

interface Probe {
  route: string;
  what: string;
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

let t: TestApp;
const cookies = new Map<string, string>();
const permissions = new Map<string, Set<string>>();

let countMs = 0;
async function tableCounts(): Promise<Record<string, number>> {
  const t0 = performance.now();
  try {
  const tables = await sql<{ relname: string }>`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(t.platform.db);
  const parts = tables.rows.map((r) => `select '${r.relname}' as t, count(*)::int as n from "${r.relname}"`);
  const counts = await sql.raw<{ t: string; n: number }>(parts.join(' union all ')).execute(t.platform.db);
  return Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]));
  } finally {
    countMs += performance.now() - t0;
  }
}

// audited refusals: refused_* (security) and *_refused (a locked record's edit, decision 0012) are not partial writes
const auditedBeyondRefusals = async (after: number): Promise<boolean> =>
  Number((await sql<{ n: string }>`select count(*) as n from audit_log where id > ${after} and action not like 'refused\_%' and action not like '%\_refused'`.execute(t.platform.db)).rows[0]?.n ?? 0) > 0;
const auditTop = async (): Promise<number> => Number((await sql<{ n: string | null }>`select max(id) as n from audit_log`.execute(t.platform.db)).rows[0]?.n ?? 0);

function userFor(access: string | string[]): string | null | undefined {
  if (access === 'public') return null;
  if (access === 'authenticated') return 'clerk';
  const needed = Array.isArray(access) ? access : [access];
  return USERS.find((u) => needed.some((p) => permissions.get(u)?.has(p)));
}

/** an active record of the ledger the account can see, for path ids that reach the handler's queries */
async function someRecord(cookie: string, l: LedgerDef): Promise<{ id: number; version: number; values: Record<string, unknown> } | undefined> {
  const res = await t.request(cookie, { method: 'GET', url: `/api/ledgers/${l.name}?pageSize=1&sort=id&order=asc` });
  if (res.statusCode !== 200) return undefined;
  return json<{ items: Array<{ id: number; version: number; values: Record<string, unknown> }> }>(res).items[0];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await startTestApp();
  for (const u of USERS) {
    const c = await t.login(u);
    cookies.set(u, c);
    const me = json<{ permissions: string[] }>(await t.request(c, { method: 'GET', url: '/api/me' }));
    permissions.set(u, new Set(me.permissions));
  }
});
afterAll(async () => t.close());

describe('the fuzzer: bad input is a 4xx on every route, never a 5xx, and never half-saved', () => {
  it('answers every bad value on every write and list route with a 4xx and leaves no row behind', async () => {
    const random = rng(SEED);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const doc = t.app.swagger() as { paths: Record<string, Record<string, OpenApiOp>> };
    const failures: string[] = [];
    const partial: string[] = [];
    const skipped: string[] = [];
    let sent = 0;
    let lastTop = await auditTop();
    let counts: Record<string, number> | null = null;
    const ledgerOf = (url: string): LedgerDef | undefined => {
      const m = /^\/api\/ledgers\/([^/]+)/.exec(url);
      return m ? t.platform.ledgers.get(m[1] ?? '') : undefined;
    };
    // withdrawals last, so the records the edits use are still active
    const routes = [...t.api.routes].sort((a, b) => Number(a.url.endsWith('/withdraw')) - Number(b.url.endsWith('/withdraw')));
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (SKIPPED[key]) {
        skipped.push(key);
        continue;
      }
      const op = doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()] ?? {};
      const params = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const pathParams = params.filter((p) => p.in === 'path');
      if (r.method === 'GET' && queryParams.length === 0 && pathParams.length === 0) continue;
      const user = userFor(r.access);
      if (user === undefined) continue;
      const cookie = user === null ? null : (cookies.get(user) ?? null);
      const l = ledgerOf(r.url);
      const record = l && cookie ? await someRecord(cookie, l) : undefined;

      const baseParams: Record<string, string> = {};
      for (const p of pathParams) {
        if (p.name === 'id' && record) baseParams[p.name] = String(record.id);
        else if (p.name === 'transition' && l?.workflow) baseParams[p.name] = l.workflow.transitions[0]?.name ?? 'x';
        else if (p.name === 'clock' && l?.workflow) baseParams[p.name] = l.workflow.clocks?.find((c) => c.extension)?.id ?? 'x';
        else if (p.schema?.type === 'integer' || p.schema?.type === 'number') baseParams[p.name] = String(p.schema.minimum !== undefined && p.schema.minimum > 1 ? p.schema.minimum : 1);
        else baseParams[p.name] = String(sample(p.schema));
      }
      const baseQuery: Record<string, string> = {};
      for (const p of queryParams) if (p.required) baseQuery[p.name] = String(sample(p.schema));
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const isMultipart = r.multipart;
      let baseBody: Record<string, unknown> | undefined = r.method === 'GET' ? undefined : ((sample(bodySchema ?? { type: 'object' }) ?? {}) as Record<string, unknown>);
      if (l && r.method === 'POST' && r.url === `/api/ledgers/${l.name}` && record) {
        baseBody = Object.fromEntries(l.fields.filter((f) => !f.copiedFrom && record.values[f.name] !== null).map((f) => [f.name, record.values[f.name]]));
      }
      const url = (p: Record<string, string>, q: Record<string, string | string[]>): string => {
        const path = r.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => p[name] ?? '1');
        const qs = queryString(q);
        return qs ? `${path}?${qs}` : path;
      };

      const probes: Probe[] = [];
      for (const p of pathParams) for (const v of BAD_PARAM) probes.push({ route: key, what: `path ${p.name}=${v}`, method: r.method, url: url({ ...baseParams, [p.name]: v }, baseQuery), ...(baseBody ? { payload: baseBody } : {}) });
      if (r.method === 'GET' || queryParams.length) {
        const names = queryParams.map((p) => p.name);
        if (l && r.method === 'GET') for (const f of l.fields) names.push(`f.${f.name}`, ...(f.type === 'date' || f.type === 'int' || f.type === 'decimal' ? [`f.${f.name}.from`, `f.${f.name}.to`] : []), ...(f.type !== 'bool' ? [`f.${f.name}.present`] : []));
        names.push('unknownParam', 'f.no_such_field');
        const combos = names.flatMap((n) => BAD_QUERY.map((v) => [n, v] as const));
        if (l && r.method === 'GET' && !r.url.includes(':')) combos.push(['sort', 'no_such_field'], ['sort', 'search_tsv'], ['pageSize', '1000000'], ['page', '99999999999999'], ['page', '-1'], ['org', "'; drop table org; --"], ['ids', '99999999999999999999']);
        const chosen = combos.length <= PER_ROUTE ? combos : Array.from({ length: PER_ROUTE }, () => pick(combos));
        for (const [n, v] of chosen) probes.push({ route: key, what: `query ${n}=${v.slice(0, 40)}`, method: r.method, url: url(baseParams, { ...baseQuery, [n]: v }), ...(baseBody ? { payload: baseBody } : {}) });
        probes.push({ route: key, what: 'query repeated key', method: r.method, url: url(baseParams, { ...baseQuery, [names[0] ?? 'x']: ['1', '2'] }), ...(baseBody ? { payload: baseBody } : {}) });
      }
      if (isMultipart) {
        const file = (filename: string, extra: Array<{ name: string; value: string }> = []) => multipart([...extra, { name: 'file', value: PDF, filename }]);
        for (const [what, m] of [
          ['file name with NUL', file('a\u0000b.pdf')],
          ['file name with a lone surrogate', multipart([{ name: 'file', value: PDF, filename: 'a\uD800.pdf' }])],
          ['field with NUL', file('a.pdf', [{ name: 'kind', value: 'a\u0000b' }])],
          ['field with a control character', file('a.pdf', [{ name: 'kind', value: 'a\u0007b' }])],
          ['100k-character file name', file(`${LONG}.pdf`)],
          ['no file', multipart([{ name: 'kind', value: 'x' }])],
        ] as const) probes.push({ route: key, what, method: r.method, url: url(baseParams, baseQuery), payload: m.payload, headers: m.headers });
      }
      // multipart routes too: some also take JSON (the calendar), the others must refuse it with a 4xx
      if (baseBody) {
        const props = bodySchema?.properties ?? {};
        const fields: Array<[string, Json[]]> = l && (r.method === 'PUT' || r.method === 'POST') && !r.url.endsWith('/withdraw') && !r.url.includes('/attachments/')
          ? l.fields.map((f) => [f.name, badForField(f)])
          : Object.keys(props).map((n) => [n, BAD_ANY]);
        fields.push(['unknownKey', BAD_TEXT], ['version', [1.5, '\u0000', 99999999999999999999]]);
        const combos = fields.flatMap(([n, vs]) => vs.map((v) => [n, v] as const));
        const chosen = combos.length <= PER_ROUTE ? combos : Array.from({ length: PER_ROUTE }, () => pick(combos));
        for (const [n, v] of chosen) probes.push({ route: key, what: `body ${n}=${JSON.stringify(v).slice(0, 40)}`, method: r.method, url: url(baseParams, baseQuery), payload: { ...baseBody, [n]: v } });
        probes.push({ route: key, what: 'body as an array', method: r.method, url: url(baseParams, baseQuery), payload: [baseBody] });
        probes.push({ route: key, what: 'body key with NUL', method: r.method, url: url(baseParams, baseQuery), payload: { ...baseBody, 'a\u0000': 'x' } });
      }

      // GET routes write nothing but the audit entry of an export, which the audit check below sees; the counts
      // after one write route are the counts before the next, unless a request in between was let through
      const before = r.method === 'GET' ? null : (counts ?? (await tableCounts()));
      let changed = false;
      let refusalsAudited = false;
      for (const p of probes) {
        // an edit must carry the version the record has now, or every probe stops at the version check
        if (l && record && p.method === 'PUT' && p.payload && typeof p.payload === 'object' && !Array.isArray(p.payload) && !('version' in (p.payload as object) && (p.what.startsWith('body version')))) {
          const v = await sql<{ version: number }>`select version from ${sql.table(l.table)} where id = ${record.id}`.execute(t.platform.db);
          p.payload = { ...(p.payload as object), version: Number(v.rows[0]?.version ?? record.version) };
        }
        let res: LightMyRequestResponse;
        try {
          res = await t.request(cookie, { method: p.method as 'GET', url: p.url, ...(p.payload !== undefined ? { payload: p.payload as string } : {}), headers: p.headers ?? {} });
        } catch (err) {
          failures.push(`${p.route} [${p.what}] → threw ${String(err)}`);
          continue;
        }
        sent++;
        if (res.statusCode >= 500) failures.push(`${p.route} [${p.what}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
        const top = await auditTop();
        if (res.statusCode < 400) changed = true;
        // a refused attempt on a security rule (三员, permission, origin) is audited on purpose, in its own transaction
        else if (top !== lastTop && (await auditedBeyondRefusals(lastTop))) partial.push(`${p.route} [${p.what}] → ${res.statusCode} but the audit log grew`);
        else if (top !== lastTop) refusalsAudited = true;
        lastTop = top;
        // a download must not start before its query ran: a refusal is problem+json, not a cut-off file
        if (res.statusCode >= 400 && !String(res.headers['content-type']).includes('json')) failures.push(`${p.route} [${p.what}] → ${res.statusCode} with ${String(res.headers['content-type'])}`);
      }
      if (before) {
        const after = await tableCounts();
        const diff = Object.keys(after).filter((k) => after[k] !== before[k] && !(k === 'audit_log' && refusalsAudited));
        if (!changed && diff.length) partial.push(`${key}: only refusals, yet rows changed in ${diff.join(', ')}`);
        counts = after;
      } else if (changed) counts = null;
    }
    if (process.env['FUZZ_REPORT']) console.warn(`fuzz: ${sent} requests; counting ${Math.round(countMs)} ms; skipped ${skipped.join('; ')}`);
    expect(skipped.sort()).toEqual(Object.keys(SKIPPED).sort());
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    expect(partial).toEqual([]);
  }, 600_000);
});
