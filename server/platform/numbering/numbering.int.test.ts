import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../settings.ts';
import { systemCtx } from '../workflow/workflow.service.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { assignNumber, docNumberText, peekNumber, prefixSetting, seriesPrefix, shortOrgName } from './numbering.service.ts';

let t: TestApp;
const ORG = '999001001000';

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule], demo: false });
});
afterAll(async () => t.close());

const assign = (series: string, year: number, extra: { fail?: boolean; taken?: (s: string) => Promise<boolean> } = {}) =>
  t.platform.db.transaction().execute(async (tx) => {
    const n = await assignNumber(systemCtx(t.platform, tx), { series, orgCode: ORG, year, format: (seq) => docNumberText('城关政规', year, seq), entity: { name: 'test.doc', id: 1 }, ...(extra.taken ? { taken: extra.taken } : {}) });
    if (extra.fail) throw new Error('the write after numbering failed');
    return n;
  });

describe('document numbering', () => {
  it('numbers from 1 per series, organisation and year, in the 〔year〕N号 layout', async () => {
    expect(await assign('a', 2026)).toEqual({ seq: 1, text: '城关政规〔2026〕1号' });
    expect((await assign('a', 2026)).text).toBe('城关政规〔2026〕2号');
    expect((await assign('a', 2025)).seq).toBe(1);
    expect((await assign('b', 2026)).seq).toBe(1);
    expect(await peekNumber(t.platform.db, { series: 'a', orgCode: ORG, year: 2026 })).toBe(3);
  });

  it('gives twenty concurrent writers twenty different numbers', async () => {
    const got = await Promise.all(Array.from({ length: 20 }, () => assign('concurrent', 2026)));
    expect(got.map((g) => g.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(got.map((g) => g.text)).size).toBe(20);
  });

  it('gives the number back when the write that asked for it fails', async () => {
    await expect(assign('rollback', 2026, { fail: true })).rejects.toThrow('failed');
    expect((await assign('rollback', 2026)).seq).toBe(1);
  });

  it('skips numbers already in use', async () => {
    const inUse = new Set(['城关政规〔2026〕1号', '城关政规〔2026〕2号']);
    expect((await assign('skip', 2026, { taken: async (s) => inUse.has(s) })).text).toBe('城关政规〔2026〕3号');
  });

  it('writes each assignment to the audit log in the same transaction', async () => {
    await assign('audited', 2027);
    const rows = await t.platform.db.selectFrom('audit_log').select(['entity', 'entity_id', 'action', 'org_code', 'diff']).where('action', '=', 'number_assigned').execute();
    const mine = rows.filter((r) => JSON.stringify(r.diff).includes('audited'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ entity: 'test.doc', entity_id: '1', org_code: ORG });
    expect(JSON.stringify(mine[0]?.diff)).toContain('城关政规〔2027〕1号');
  });

  it('reads the prefix an organisation configured, else the default', async () => {
    expect(await seriesPrefix(t.platform.db, 'normdocs.document', ORG, '城关政规')).toBe('城关政规');
    await setSetting(t.platform.db, prefixSetting('normdocs.document', ORG), '城府规');
    expect(await seriesPrefix(t.platform.db, 'normdocs.document', ORG, '城关政规')).toBe('城府规');
    expect(shortOrgName('城关镇')).toBe('城关');
    expect(shortOrgName('东风街道办事处')).toBe('东风');
    expect(shortOrgName('演示县')).toBe('演示县');
  });
});
