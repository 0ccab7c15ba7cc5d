import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeUscc } from '../../../common/validators.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { listLedger } from '../../test/ledger-client.ts';
import { daysAgo } from '../../test/dates.ts';
import { defineLedger } from './ledger.types.ts';
import { importDuplicates, likelyDuplicates } from './duplicates.ts';
import { subtreeSystemCtx } from '../orgs/org.repository.ts';

// issue #22: the same case typed in twice. A ledger's duplicateKeys name what identifies a likely duplicate; a create
// matching an active record of the same unit is answered 409 possible_duplicate naming the fields and the records,
// and saved only with confirmDuplicate
const TOWN = '999001001000';
const CASES = 'enforcement.case';
let t: TestApp;
let clerk: string;
let base: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0];
  base = { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter: Number(b?.values['matter']), source: '投诉举报', registered_on: daysAgo(6), summary: '占道经营案', party_kind: '单位', party_name: '某某重复测试商店有限公司', party_uscc: makeUscc('330100', 4242) };
});
afterAll(async () => t?.close());

type Dup = { code: string; detail: string; errors: Array<{ path: string; message: string }>; duplicates: Array<{ id: number; title: string; on: string; matchedBy: string[] }> };
const post = (values: Record<string, unknown>) => t.request(clerk, { method: 'POST', url: `/api/ledgers/${CASES}`, payload: values });
const count = async (q: string): Promise<number> => (await listLedger(t, clerk, CASES, q)).total;
const creates = async (id: number): Promise<number> => (await t.platform.db.selectFrom('audit_log').select('id').where('entity', '=', CASES).where('entity_id', '=', String(id)).where('action', '=', 'create').execute()).length;

describe('a likely duplicate on create', () => {
  let first = 0;

  it('saves the first record and answers a second one of the same party and day with the first named, saving nothing', async () => {
    const a = await post(base);
    expect(a.statusCode, a.body).toBe(200);
    first = json<{ id: number }>(a).id;
    const before = await count(`f.party_uscc=${String(base['party_uscc'])}`);
    const again = await post({ ...base, summary: '占道经营（重复录入）' });
    expect(again.statusCode, again.body).toBe(409);
    const p = json<Dup>(again);
    expect(p.code).toBe('possible_duplicate');
    expect(p.detail).toMatch(/^可能重复：已有统一社会信用代码为“[0-9A-Z]{18}”、登记（检查）日期为“\d{4}-\d{2}-\d{2}”的案件1条/);
    expect(p.duplicates).toEqual([{ id: first, title: expect.stringContaining('占道经营案') as unknown, on: base['registered_on'], matchedBy: ['统一社会信用代码', '登记（检查）日期'] }]);
    expect(p.errors.map((e) => e.path).sort()).toEqual(['party_uscc', 'registered_on']);
    expect(await count(`f.party_uscc=${String(base['party_uscc'])}`)).toBe(before);
  });

  it('saves the look-alike once the user confirms it is not a repeat, audited as a create', async () => {
    const ok = await post({ ...base, summary: '占道经营（另一处）', confirmDuplicate: true });
    expect(ok.statusCode, ok.body).toBe(200);
    const id = json<{ id: number }>(ok).id;
    expect(await creates(id)).toBe(1);
    // now two records repeat it: both are named
    const third = json<Dup>(await post(base));
    expect(third.duplicates.map((d) => d.id)).toEqual([id, first]);
  });

  it('does not warn for another day or another unit', async () => {
    expect((await post({ ...base, registered_on: daysAgo(5) })).statusCode).toBe(200);
    expect((await post({ ...base, orgCode: `${TOWN}-01` })).statusCode).toBe(200);
  });

  it('compares a person by the blind index of the ID number, never naming it in clear', async () => {
    const person = { ...base, party_kind: '个人', party_name: '王某某', party_uscc: undefined, party_id_number: makeIdNumber('330100', '19800101', 37), registered_on: daysAgo(3) };
    const a = await post(person);
    expect(a.statusCode, a.body).toBe(200);
    const again = await post(person);
    expect(again.statusCode).toBe(409);
    const p = json<Dup>(again);
    expect(p.duplicates.map((d) => d.id)).toEqual([json<{ id: number }>(a).id]);
    expect(p.detail).toContain('身份证号码');
    expect(p.detail).not.toContain(String(person.party_id_number));
  });

  it('leaves a withdrawn record out: the clerk withdraws his own mistaken record and registers it again', async () => {
    const day = daysAgo(2);
    const a = json<{ id: number }>(await post({ ...base, registered_on: day }));
    expect((await post({ ...base, registered_on: day })).statusCode).toBe(409);
    const w = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${CASES}/${a.id}/withdraw-draft`, payload: { reason: '录错了，重新登记' } });
    expect(w.statusCode, w.body).toBe(200);
    expect((await post({ ...base, registered_on: day })).statusCode).toBe(200);
  });

  it('finds in an import, read in batches, the records a create would name: by blind index, by USCC, and within the file', async () => {
    const l = t.platform.ledgers.get(CASES);
    if (!l) throw new Error('no ledger');
    const person = { ...base, orgCode: undefined, party_kind: '个人', party_name: '赵某某', party_uscc: undefined, party_id_number: makeIdNumber('330100', '19750505', 41), registered_on: daysAgo(9) };
    const kept = json<{ id: number }>(await post({ ...person, orgCode: `${TOWN}-03` })).id;
    const firm = { ...base, registered_on: daysAgo(9) };
    const keptFirm = json<{ id: number }>(await post(firm)).id;
    const fresh = { ...base, party_uscc: makeUscc('330100', 5151), registered_on: daysAgo(9) };
    const rows = [
      { row: 2, values: person as Record<string, unknown>, orgCode: `${TOWN}-03` },
      { row: 3, values: { ...person, party_id_number: makeIdNumber('330100', '19750505', 42) } as Record<string, unknown>, orgCode: `${TOWN}-03` },
      { row: 4, values: firm as Record<string, unknown>, orgCode: `${TOWN}-03` },
      { row: 5, values: fresh as Record<string, unknown>, orgCode: `${TOWN}-03` },
      { row: 6, values: fresh as Record<string, unknown>, orgCode: `${TOWN}-03` },
      // the same party and day in another unit is no repeat
      { row: 7, values: firm as Record<string, unknown>, orgCode: `${TOWN}-01` },
    ];
    const found = await t.platform.db.transaction().execute(async (tx) => {
      const ctx = await subtreeSystemCtx(tx, t.platform.cipher, TOWN, 'test');
      const viaImport = await importDuplicates(ctx, l, rows);
      const viaCreate = await Promise.all(rows.map(async (r) => (await likelyDuplicates(ctx, l, r.values, r.orgCode)).map((d) => d.id)));
      return { viaImport, viaCreate };
    });
    expect(found.viaImport.map((d) => d.row)).toEqual([2, 4, 6]);
    expect(found.viaImport[0]?.column).toBe('身份证号码、登记（检查）日期');
    expect(found.viaImport[0]?.message).not.toContain(String(person.party_id_number));
    expect(found.viaImport[1]?.column).toBe('统一社会信用代码、登记（检查）日期');
    expect(found.viaImport[2]?.message).toContain('与本表第 5 行的');
    // the batched read names what the create's query names
    expect(found.viaCreate[0]).toContain(kept);
    expect(found.viaCreate[1]).toEqual([]);
    expect(found.viaCreate[2]).toContain(keptFirm);
    expect(found.viaCreate[5]).toEqual([]);
  });

  it('refuses a declaration keyed on an unknown field or on personal data that has no blind index', () => {
    const fields = [{ name: 'party_name', label: '当事人', type: 'text' as const, personal: 'name' as const }, { name: 'on', label: '日期', type: 'date' as const }];
    const def = { name: 'x.y', table: 'x_y', label: '测试', noun: '记录', module: 'x', fields, titleFields: ['on'] };
    expect(() => defineLedger({ ...def, duplicateKeys: [['party_name', 'on']] })).toThrow(/duplicate key/);
    expect(() => defineLedger({ ...def, duplicateKeys: [['nope']] })).toThrow(/duplicate key/);
    expect(() => defineLedger({ ...def, duplicateKeys: [['on']] })).not.toThrow();
  });
});
