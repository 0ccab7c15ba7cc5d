import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';

// a retried submission from a phone on a bad network never creates a second record (docs/decisions/0038)
let t: TestApp;
let clerk: string;
let clerk2: string;
let table: string;
const LEDGER = 'mediation.committee';
beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  clerk2 = await t.login('clerk2');
  const l = t.platform.ledgers.all().find((x) => x.name === LEDGER);
  if (!l) throw new Error(`no ledger ${LEDGER}`);
  table = l.table;
});
afterAll(async () => t.close());

const committee = (name: string) => ({ name, kind: '乡镇（街道）人民调解委员会', director: '周德明' });
const create = (cookie: string, key: string, payload: Record<string, unknown>) =>
  t.request(cookie, { method: 'POST', url: `/api/ledgers/${LEDGER}`, payload, headers: { 'idempotency-key': key } });
const count = async (name: string): Promise<number> => {
  const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where name = ${name}`.execute(t.platform.db);
  return Number(r.rows[0]?.n);
};
const auditCount = async (): Promise<number> => Number((await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('Idempotency-Key on submissions', () => {
  it('runs a submission once: the retry gets the same answer, marked as replayed, and writes nothing', async () => {
    const key = 'retry-same-0001';
    const first = await create(clerk, key, committee('幂等测试调委会甲'));
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const auditBefore = await auditCount();
    const again = await create(clerk, key, committee('幂等测试调委会甲'));
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.body).toBe(first.body);
    expect(await count('幂等测试调委会甲')).toBe(1);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses the same key with a different request (422 naming the header)', async () => {
    const key = 'retry-diff-0001';
    expect((await create(clerk, key, committee('幂等测试调委会丙'))).statusCode).toBe(200);
    const other = await create(clerk, key, committee('幂等测试调委会丁'));
    expect(other.statusCode).toBe(422);
    const p = json<{ code: string; detail: string; errors: Array<{ path: string }> }>(other);
    expect(p.code).toBe('idempotency_key_reused');
    expect(p.detail).toContain('同一提交标识用于了不同的请求');
    expect(p.detail).toContain('Idempotency-Key');
    expect(p.errors[0]?.path).toBe('Idempotency-Key');
    expect(await count('幂等测试调委会丁')).toBe(0);
  });

  it('keeps one user’s keys apart from another’s: the same key runs independently and never shows the other’s answer', async () => {
    const key = 'shared-key-0001';
    const a = await create(clerk, key, committee('幂等测试调委会戊'));
    const b = await create(clerk2, key, committee('幂等测试调委会戊'));
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(json<{ id: number }>(b).id).not.toBe(json<{ id: number }>(a).id);
    expect(await count('幂等测试调委会戊')).toBe(2);
  });

  it('refuses a malformed key with 400 naming the header, before anything runs', async () => {
    for (const key of ['short', 'has space in it', 'x'.repeat(129), '中文标识中文标识中文']) {
      const res = await create(clerk, key, committee('幂等测试调委会己'));
      expect(res.statusCode).toBe(400);
      const p = json<{ code: string; detail: string }>(res);
      expect(p.code).toBe('idempotency_key_invalid');
      expect(p.detail).toContain('Idempotency-Key');
    }
    expect(await count('幂等测试调委会己')).toBe(0);
  });

  it('replays a refused input (400) but runs again after a refusal that is not stored (409)', async () => {
    const key = 'bad-input-0001';
    const bad = await create(clerk, key, { name: '' });
    expect(bad.statusCode).toBe(400);
    const again = await create(clerk, key, { name: '' });
    expect(again.statusCode).toBe(400);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(bad.body);
    // a refusal that is not about the input (a duplicate name: 409) is not kept: the key is released, a retry runs again
    const dup = await create(clerk, 'conflict-0001', committee('幂等测试调委会甲'));
    expect(dup.statusCode).toBe(409);
    expect(await t.platform.db.selectFrom('idempotency_key').selectAll().where('key', '=', 'conflict-0001').executeTakeFirst()).toBeUndefined();
    const dupAgain = await create(clerk, 'conflict-0001', committee('幂等测试调委会甲'));
    expect(dupAgain.statusCode).toBe(409);
    expect(dupAgain.headers['idempotent-replayed']).toBeUndefined();
    // what was kept is the answer itself
    const kept = await t.platform.db.selectFrom('idempotency_key').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(kept.status).toBe(400);
    expect(kept.body).toBe(bad.body);
  });

  it('resolves concurrent duplicates by the constraint: one record, the others replayed or told it is running', async () => {
    const key = 'concurrent-0001';
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(clerk, key, committee('幂等测试调委会庚'))));
    expect(await count('幂等测试调委会庚')).toBe(1);
    const ran = answers.filter((r) => r.statusCode === 200 && r.headers['idempotent-replayed'] === undefined);
    expect(ran).toHaveLength(1);
    for (const r of answers) {
      if (r === ran[0]) continue;
      if (r.statusCode === 409) expect(json<{ code: string; detail: string }>(r)).toMatchObject({ code: 'idempotency_in_progress', detail: '该提交正在处理中，请稍候' });
      else expect(r.body).toBe(ran[0]?.body);
    }
  });

  it('frees a key once it has expired', async () => {
    const key = 'expiring-0001';
    expect((await create(clerk, key, committee('幂等测试调委会辛'))).statusCode).toBe(200);
    await t.platform.db.updateTable('idempotency_key').set({ expires_at: new Date(Date.now() - 1000) }).where('key', '=', key).execute();
    const after = await create(clerk, key, committee('幂等测试调委会壬'));
    expect(after.statusCode).toBe(200);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('幂等测试调委会壬')).toBe(1);
  });
});
