import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import type { FieldDef, LedgerDef } from '../ledger/ledger.types.ts';
import { fieldOwners } from './owned-fields.rules.ts';
import { transitionPermission, type TransitionDef } from './workflow.types.ts';
import { today } from '../../test/dates.ts';

/**
 * The attacker's sweep (issue #15, “how we will check it”): for EVERY workflow ledger the modules declare, as every
 * business role of the demo county, try to get around each review, period and lock through the ordinary API —
 * a plain edit of a field a step records, a derived field or a system number; a plain edit, withdrawal or file
 * removal on a closed or published record; a correction without its reason; a step's body naming a field another
 * step records; a step by a role without its permission; a step a negative review conclusion blocks. Each must be
 * refused naming why, leave the record as it was, and (where the role could otherwise edit) be audited.
 * Driven by the declarations only: a new workflow ledger is swept without touching this file.
 */

const ROLES = ['clerk', 'reviewer', 'legal', 'leader', 'supervisor', 'county'] as const;
const TOWN = '999001001000';
const REFUSALS = ['refused_owned_field', 'refused_numbered', 'correction_field_refused', 'update_refused', 'withdraw_refused', 'attachment_remove_refused'];

interface Rec {
  id: number;
  version: number;
  state: string | null;
  status: string;
  values: Record<string, unknown>;
}
interface Problem {
  detail?: string;
  errors?: Array<{ path: string; label?: string; message: string }>;
}

let t: TestApp;
const cookie = new Map<string, string>();
const perms = new Map<string, Set<string>>();
let ledgers: LedgerDef[] = [];

beforeAll(async () => {
  t = await startTestApp();
  ledgers = t.platform.modules.flatMap((m) => m.ledgers ?? []).filter((l) => l.workflow);
  for (const u of ROLES) {
    const c = await t.login(u);
    cookie.set(u, c);
    const me = await t.request(c, { method: 'GET', url: '/api/me' });
    expect(me.statusCode, me.body).toBe(200);
    perms.set(u, new Set(json<{ permissions: string[] }>(me).permissions));
  }
}, 300_000);
afterAll(async () => t.close());

const may = (u: string, p: string): boolean => perms.get(u)?.has(p) ?? false;
const text = (r: { body: string }): string => {
  const p = JSON.parse(r.body) as Problem;
  return `${p.detail ?? ''} ${(p.errors ?? []).map((e) => `${e.label ?? ''}${e.message}`).join(' ')}`;
};

/**
 * active records of a ledger in the given states (any state when none given): the town's first, where its clerk,
 * reviewer, legal reviewer and leader work, then the county's own (normative documents are mostly the county's)
 */
async function idsIn(l: LedgerDef, states?: readonly string[]): Promise<number[]> {
  const where = states ? sql`and state in (${sql.join(states.map((s) => sql.val(s)))})` : sql``;
  const r = await sql<{ id: number }>`select id from ${sql.table(l.table)} where status = 'active' ${where} order by (org_code like ${`${TOWN}%`}) desc, id`.execute(t.platform.db);
  return r.rows.map((x) => Number(x.id));
}

/** the first demo role holding a permission that can see the record */
async function holderOf(l: LedgerDef, id: number, permission: string): Promise<string | undefined> {
  for (const u of ROLES) {
    if (!may(u, permission)) continue;
    if ((await t.request(cookie.get(u) ?? null, { method: 'GET', url: `/api/ledgers/${l.name}/${id}` })).statusCode === 200) return u;
  }
  return undefined;
}

// the county administrator, or for a ledger it does not keep (the 司法局's supervision) the first role that does
const keeper = (l: LedgerDef): string => (may('county', `${l.name}.update`) ? 'county' : (ROLES.find((u) => may(u, `${l.name}.update`)) ?? 'county'));

async function record(l: LedgerDef, id: number): Promise<Rec> {
  const r = await t.request(cookie.get(keeper(l)) ?? null, { method: 'GET', url: `/api/ledgers/${l.name}/${id}` });
  expect(r.statusCode, r.body).toBe(200);
  return json<Rec>(r);
}

/** the database row as stored, for “nothing changed” (every column, version included) */
async function stored(l: LedgerDef, id: number): Promise<string> {
  const r = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(l.table)} x where id = ${id}`.execute(t.platform.db);
  return r.rows[0]?.j ?? '';
}

async function refusalsOf(l: LedgerDef, id: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = ${l.name} and entity_id = ${String(id)} and action = any(${sql.val(REFUSALS)}::text[])`.execute(t.platform.db);
  return r.rows[0]?.n ?? 0;
}

/** a value of the field's type that differs from the current one */
function other(f: FieldDef, current: unknown): unknown {
  switch (f.type) {
    case 'date':
      return current === '2019-01-02' ? '2019-01-03' : '2019-01-02';
    case 'int':
    case 'decimal':
    case 'ref':
      return Number(current ?? 0) + 7;
    case 'bool':
      return !(current === true);
    case 'dict':
      return f.options?.find((o) => o !== current) ?? '其他';
    case 'dicts':
      return [f.options?.find((o) => !(Array.isArray(current) && current.includes(o))) ?? '其他'];
    default:
      return `${typeof current === 'string' ? current : ''}改`.slice(-(f.maxLength ?? 50));
  }
}

/** fields no plain edit may write: captured by a step, derived by the system, or given a system number */
function guardedFields(l: LedgerDef): Array<{ f: FieldDef; why: string }> {
  const wf = l.workflow;
  if (!wf) return [];
  const owned = fieldOwners(wf);
  // what the system computes, whether declared or not: an undeclared computed field must not be typed in either
  const captured = new Set(wf.transitions.flatMap((x) => [...(x.captures ?? [])]));
  const derived = new Set([...Object.keys(wf.derived ?? {}), ...Object.keys(wf.computeFields?.({}) ?? {}).filter((k) => !captured.has(k))]);
  return l.fields.flatMap((f) => (owned.has(f.name) ? [{ f, why: 'owned' }] : derived.has(f.name) ? [{ f, why: 'derived' }] : f.numbered ? [{ f, why: 'numbered' }] : []));
}

const lockedStates = (l: LedgerDef): string[] => Object.entries(l.workflow?.states ?? {}).filter(([, s]) => s.final || s.locked).map(([k]) => k);

describe('the attacker’s sweep over every workflow ledger', () => {
  it('covers every workflow ledger of the modules', () => {
    expect(ledgers.map((l) => l.name)).toEqual(expect.arrayContaining(['enforcement.case', 'decisions.decision', 'normdocs.document', 'disclosure.item', 'disclosure.application', 'petitions.case', 'reconsideration.case', 'mediation.case']));
  });

  it('gives every 文号 and 案号 a step records by the system, never typed', () => {
    const typed = ledgers.flatMap((l) => l.fields.filter((f) => /(文号|案号)$/.test(f.label) && !f.numbered && (l.workflow?.transitions ?? []).some((x) => x.captures?.includes(f.name))).map((f) => `${l.name}.${f.name}`));
    expect(typed).toEqual([]);
  });

  it('refuses, names, audits and leaves unchanged every plain edit of a step’s field, a derived field or a system number, as every role', async () => {
    const holes: string[] = [];
    for (const l of ledgers) {
      const locked = new Set(lockedStates(l));
      const open = (await idsIn(l, Object.keys(l.workflow?.states ?? {}).filter((s) => !locked.has(s))))[0];
      if (open === undefined) {
        holes.push(`${l.name}: no record to try`);
        continue;
      }
      for (const u of ROLES) {
        const mayEdit = may(u, `${l.name}.update`);
        for (const { f, why } of guardedFields(l)) {
          const rec = await record(l, open);
          const before = await stored(l, open);
          const refusals = await refusalsOf(l, open);
          const res = await t.request(cookie.get(u) ?? null, { method: 'PUT', url: `/api/ledgers/${l.name}/${open}`, payload: { version: rec.version, [f.name]: other(f, rec.values[f.name]) } });
          const where = `${u} PUT ${l.name}#${open} ${f.name} (${why})`;
          if (![403, 404, 422].includes(res.statusCode)) {
            holes.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`);
            continue;
          }
          if ((await stored(l, open)) !== before) holes.push(`${where}: the record changed`);
          if (mayEdit && res.statusCode !== 404) {
            if (!text(res).includes(f.label)) holes.push(`${where}: the refusal does not name “${f.label}”: ${res.body.slice(0, 160)}`);
            if ((await refusalsOf(l, open)) !== refusals + 1) holes.push(`${where}: no audited refusal`);
          }
        }
      }
    }
    expect(holes).toEqual([]);
  }, 600_000);

  it('keeps a final or published record as it is: no plain edit, withdrawal or file removal; a correction needs its reason', async () => {
    const holes: string[] = [];
    const tried: string[] = [];
    for (const l of ledgers) {
      const wf = l.workflow;
      if (!wf) continue;
      const county = cookie.get(keeper(l)) ?? '';
      const guarded = new Set(guardedFields(l).map((g) => g.f.name));
      const free = new Set(wf.correction?.editableWhenLocked ?? []);
      const ordinary = l.fields.find((f) => !guarded.has(f.name) && !free.has(f.name) && !f.copiedFrom && !f.personal && (f.type === 'text' || f.type === 'textarea'));
      for (const state of lockedStates(l)) {
        const id = (await idsIn(l, [state]))[0];
        if (id === undefined) continue;
        tried.push(`${l.name}:${state}`);
        const at = `${l.name}#${id} (${state})`;
        const rec = await record(l, id);
        const before = await stored(l, id);
        let refusals = await refusalsOf(l, id);
        if (ordinary) {
          const put = await t.request(county, { method: 'PUT', url: `/api/ledgers/${l.name}/${id}`, payload: { version: rec.version, [ordinary.name]: other(ordinary, rec.values[ordinary.name]) } });
          if (put.statusCode !== 409 || !text(put).includes(ordinary.label)) holes.push(`${at}: plain edit of ${ordinary.name} gave ${put.statusCode} ${put.body.slice(0, 160)}`);
          if ((await refusalsOf(l, id)) !== ++refusals) holes.push(`${at}: the refused edit is not audited`);
        }
        const withdraw = await t.request(county, { method: 'POST', url: `/api/ledgers/${l.name}/${id}/withdraw`, payload: { reason: '登记错误，撤销' } });
        if (withdraw.statusCode !== 409) holes.push(`${at}: plain withdrawal gave ${withdraw.statusCode} ${withdraw.body.slice(0, 160)}`);
        else if ((await refusalsOf(l, id)) !== ++refusals) holes.push(`${at}: the refused withdrawal is not audited`);
        // a file may be added to a closed record; none taken away
        const boundary = '----sweep';
        const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
        const upload = await t.request(county, {
          method: 'POST',
          url: `/api/ledgers/${l.name}/${id}/attachments`,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sweep.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        });
        expect(upload.statusCode, `${at} upload: ${upload.body}`).toBe(200);
        const fileId = json<{ id: number }>(upload).id;
        const remove = await t.request(county, { method: 'POST', url: `/api/ledgers/${l.name}/${id}/attachments/${fileId}/remove`, payload: { reason: '传错了文件' } });
        if (remove.statusCode !== 409) holes.push(`${at}: file removal gave ${remove.statusCode} ${remove.body.slice(0, 160)}`);
        else if ((await refusalsOf(l, id)) !== ++refusals) holes.push(`${at}: the refused removal is not audited`);
        const kept = await sql<{ n: number }>`select count(*)::int as n from attachment where id = ${fileId} and removed_at is null`.execute(t.platform.db).catch(async () => sql<{ n: number }>`select count(*)::int as n from attachment where id = ${fileId}`.execute(t.platform.db));
        if (kept.rows[0]?.n !== 1) holes.push(`${at}: the file is gone`);
        for (const payload of [{ values: ordinary ? { [ordinary.name]: '更正内容' } : {} }, { reason: '', values: ordinary ? { [ordinary.name]: '更正内容' } : {} }]) {
          const correct = await t.request(county, { method: 'POST', url: `/api/ledgers/${l.name}/${id}/correct`, payload });
          if (correct.statusCode < 400 || correct.statusCode >= 500 || !text(correct).includes('更正理由')) holes.push(`${at}: a correction without its reason gave ${correct.statusCode} ${correct.body.slice(0, 160)}`);
        }
        // the upload added a file, nothing else: the record itself is as it was
        if ((await stored(l, id)) !== before) holes.push(`${at}: the record changed`);
      }
    }
    expect(holes).toEqual([]);
    // the demo holds a closed or published record of every ledger whose lock matters most
    expect(tried).toEqual(expect.arrayContaining(['enforcement.case:closed', 'decisions.decision:published', 'normdocs.document:published', 'disclosure.item:published', 'petitions.case:closed', 'reconsideration.case:closed', 'mediation.case:closed']));
  }, 600_000);

  it('refuses a step whose body names a field another step records, and a step by a role without its permission', async () => {
    const holes: string[] = [];
    let bodies = 0;
    let roles = 0;
    let numbers = 0;
    for (const l of ledgers) {
      const wf = l.workflow;
      if (!wf) continue;
      const owners = fieldOwners(wf);
      for (const tr of wf.transitions) {
        const id = (await idsIn(l, tr.from))[0];
        if (id === undefined) continue;
        const at = `${l.name}#${id} “${tr.label}”`;
        const url = `/api/ledgers/${l.name}/${id}/transitions/${tr.name}`;
        const before = await stored(l, id);
        const foreign = l.fields.find((f) => owners.has(f.name) && !(tr.captures ?? []).includes(f.name));
        const holder = await holderOf(l, id, transitionPermission(l, tr));
        if (foreign && holder && !tr.dedicated) {
          bodies++;
          const rec = await record(l, id);
          const res = await t.request(cookie.get(holder) ?? null, { method: 'POST', url, payload: { version: rec.version, [foreign.name]: other(foreign, rec.values[foreign.name]) } });
          if (res.statusCode !== 403 || !text(res).includes(foreign.label)) holes.push(`${holder} ${at} with ${foreign.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
        // a system number is never typed into a step (a 文号 at 公布 included)
        for (const f of l.fields.filter((x) => x.numbered)) {
          if (!holder || tr.dedicated) continue;
          numbers++;
          const rec = await record(l, id);
          const refusals = await refusalsOf(l, id);
          const res = await t.request(cookie.get(holder) ?? null, { method: 'POST', url, payload: { version: rec.version, [f.name]: '城关政规〔2026〕99号' } });
          if (res.statusCode !== 403 || !text(res).includes(f.label)) holes.push(`${holder} ${at} typing ${f.name}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          else if ((await refusalsOf(l, id)) !== refusals + 1) holes.push(`${holder} ${at} typing ${f.name}: no audited refusal`);
        }
        for (const u of ROLES.filter((x) => !may(x, transitionPermission(l, tr)))) {
          roles++;
          const res = await t.request(cookie.get(u) ?? null, { method: 'POST', url, payload: {} });
          if (res.statusCode !== 403 && res.statusCode !== 404) holes.push(`${u} ${at} without the permission: ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
        if ((await stored(l, id)) !== before) holes.push(`${at}: the record changed`);
      }
    }
    expect(holes).toEqual([]);
    expect(bodies).toBeGreaterThan(10);
    expect(roles).toBeGreaterThan(10);
    expect(numbers).toBeGreaterThan(3);
  }, 600_000);

  it('a negative review conclusion blocks the steps it names, for every declared conclusion', async () => {
    const holes: string[] = [];
    const tried: string[] = [];
    for (const l of ledgers) {
      const wf = l.workflow;
      if (!wf) continue;
      for (const review of wf.transitions.filter((x): x is TransitionDef & { conclusion: NonNullable<TransitionDef['conclusion']> } => !!x.conclusion)) {
        const id = (await idsIn(l, review.from))[0];
        const reviewer = id === undefined ? undefined : await holderOf(l, id, transitionPermission(l, review));
        if (!reviewer || id === undefined) {
          holes.push(`${l.name} “${review.label}”: no record or reviewer to try it with`);
          continue;
        }
        const rec = await record(l, id);
        const c = review.conclusion;
        const body: Record<string, unknown> = { version: rec.version, note: '审查不通过' };
        for (const name of review.captures ?? []) {
          const f = l.fields.find((x) => x.name === name);
          if (!f) continue;
          body[name] = name === c.field ? c.negative[0] : f.type === 'date' ? today : f.type === 'textarea' ? '张某、李某（经审查不同意）' : other(f, rec.values[name]);
        }
        let done = await t.request(cookie.get(reviewer) ?? null, { method: 'POST', url: `/api/ledgers/${l.name}/${id}/transitions/${review.name}`, payload: body });
        // a step whose other fields belong to another outcome (an agreement's date on a failed mediation) is refused
        // as invalid input with them: the negative conclusion is then recorded without the fields the refusal names
        if (done.statusCode === 400) {
          const named = new Set((JSON.parse(done.body) as Problem).errors?.map((e) => e.path) ?? []);
          if (!named.has(c.field)) done = await t.request(cookie.get(reviewer) ?? null, { method: 'POST', url: `/api/ledgers/${l.name}/${id}/transitions/${review.name}`, payload: Object.fromEntries(Object.entries(body).filter(([k]) => !named.has(k))) });
        }
        if (done.statusCode !== 200) {
          holes.push(`${reviewer} ${l.name}#${id} “${review.label}” ${c.negative[0]}: ${done.statusCode} ${done.body.slice(0, 200)}`);
          continue;
        }
        const cLabel = l.fields.find((x) => x.name === c.field)?.label ?? c.field;
        for (const name of c.blocks) {
          const blocked = wf.transitions.find((x) => x.name === name);
          if (!blocked) continue;
          tried.push(`${l.name}:${review.name}→${name}`);
          const after = await record(l, id);
          const before = await stored(l, id);
          const actor = (await holderOf(l, id, transitionPermission(l, blocked))) ?? 'county';
          const res = await t.request(cookie.get(actor) ?? null, { method: 'POST', url: `/api/ledgers/${l.name}/${id}/transitions/${name}`, payload: { version: after.version, date: today } });
          if (res.statusCode < 400 || res.statusCode >= 500) holes.push(`${actor} ${l.name}#${id} “${blocked.label}” after ${c.negative[0]}: ${res.statusCode}`);
          if ((await stored(l, id)) !== before) holes.push(`${l.name}#${id} “${blocked.label}” after ${c.negative[0]}: the record changed`);
          // where the step could otherwise be offered, the timeline says what blocks it
          if (after.state !== null && blocked.from.includes(after.state)) {
            const tl = json<{ transitions: Array<{ name: string; blockedBy: Array<{ message: string }> }> }>(await t.request(cookie.get(actor) ?? null, { method: 'GET', url: `/api/ledgers/${l.name}/${id}/timeline` }));
            const offered = tl.transitions.find((x) => x.name === name);
            if (!offered?.blockedBy.some((m) => m.message.includes(cLabel) && m.message.includes(c.negative[0] ?? ''))) holes.push(`${l.name}#${id}: the timeline does not say “${cLabel}” blocks “${blocked.label}”`);
            if (!blocked.dedicated && !text(res).includes(cLabel)) holes.push(`${l.name}#${id}: the refusal of “${blocked.label}” does not name “${cLabel}”: ${res.body.slice(0, 160)}`);
          }
        }
      }
    }
    expect(holes).toEqual([]);
    expect(tried.length).toBe(ledgers.flatMap((l) => (l.workflow?.transitions ?? []).flatMap((x) => x.conclusion?.blocks ?? [])).length);
  }, 600_000);

  it('a refused edit of a closed penalty leaves the annual report’s fines figure as it was', async () => {
    const l = t.platform.ledgers.get('enforcement.case');
    if (!l) throw new Error('enforcement.case is not registered');
    const r = await sql<{ id: number; y: string }>`select id, to_char(decided_on, 'YYYY') as y from enforcement_case where status = 'active' and org_code like ${`${TOWN}%`} and case_type = '行政处罚' and state = 'closed' and amount > 0 and decided_on is not null order by id limit 1`.execute(t.platform.db);
    const row = r.rows[0];
    if (!row) throw new Error('the demo has no closed penalty case');
    const county = cookie.get('county') ?? '';
    const fines = async (): Promise<unknown> => json<{ indicator: { value: unknown } }>(await t.request(county, { method: 'GET', url: `/api/indicators/enforcement.fines?year=${row.y}` })).indicator.value;
    const before = await fines();
    const rec = await record(l, Number(row.id));
    const res = await t.request(county, { method: 'PUT', url: `/api/ledgers/${l.name}/${row.id}`, payload: { version: rec.version, amount: Number(rec.values['amount']) + 4000 } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(text(res)).toContain('罚款');
    expect(await fines()).toEqual(before);
  });
});
