import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseLedger } from '../../modules/mediation/mediation.ledgers.ts';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import type { Ctx } from '../http/context.ts';
import { subtreeCodes } from '../orgs/org.repository.ts';
import { ledgerHomeItems, type LedgerHomeCount } from './ledger.home.ts';

let t: TestApp;
let town: string[];

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule] });
  town = await subtreeCodes(t.platform.db, '999001001000');
});
afterAll(async () => t.close());

const ctx = (permissions: string[], codes: string[]): Ctx => ({
  actor: { id: null, username: 'test', displayName: '测试', homeOrg: '999001001000', roles: [], permissions: new Set(permissions) },
  ip: '127.0.0.1',
  scope: { root: '999001001000', codes },
  tx: t.platform.db,
  cipher: t.platform.cipher,
  now: new Date(),
});

const counts: LedgerHomeCount[] = [
  { key: 'all', label: '全部', where: sql`true`, filter: '' },
  { key: 'pending', label: '正在调解', where: sql`outcome = '正在调解'`, filter: 'f.outcome=正在调解', alert: 'danger' },
  { key: 'none', label: '没有的', where: sql`false`, filter: 'f.outcome=调解不成', alert: 'warning' },
  { key: 'hidden', label: '没有时不显示', where: sql`false`, filter: '', hideWhenNone: true },
];

describe('ledger home items', () => {
  it('counts active records in scope, links each count to its list, and alerts only when there is something', async () => {
    const items = await ledgerHomeItems(ctx(['mediation.case.read'], town), caseLedger, counts);
    const all = await sql<{ n: number }>`select count(*)::int as n from mediation_case where status = 'active' and org_code like '999001001000%'`.execute(t.platform.db);
    expect(items.map((i) => i.key)).toEqual(['all', 'pending', 'none']);
    expect(items[0]).toEqual({ key: 'all', label: '全部', count: all.rows[0]?.n, link: '/ledgers/mediation.case', tone: 'normal' });
    expect(items[1]?.link).toBe('/ledgers/mediation.case?f.outcome=正在调解');
    expect(items[1]?.tone).toBe((items[1]?.count ?? 0) > 0 ? 'danger' : 'normal');
    expect(items[2]).toEqual({ key: 'none', label: '没有的', count: 0, link: '/ledgers/mediation.case?f.outcome=调解不成', tone: 'normal' });
  });

  it('gives nothing to a user who may not read the ledger, or who has no organisation', async () => {
    expect(await ledgerHomeItems(ctx(['mediation.committee.read'], town), caseLedger, counts)).toEqual([]);
    expect(await ledgerHomeItems(ctx(['mediation.case.read'], []), caseLedger, counts)).toEqual([]);
  });
});
