import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { dictionaryModule } from './dictionary.module.ts';

let t: TestApp;
let county: string;
let clerk: string;
type Dict = { ledger: string; field: string; declared: string[]; setting: string | null; added: Array<{ value: string; records: number | null }> };
const URL = '/api/dictionaries/mediation.dispute_types';

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, dictionaryModule, mediationModule] });
  county = await t.login('county');
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const disputeTypes = async (): Promise<Dict | undefined> => json<{ items: Dict[] }>(await t.request(county, { method: 'GET', url: '/api/dictionaries' })).items.find((d) => d.ledger === 'mediation.case' && d.field === 'dispute_type');

describe('数据字典', () => {
  it('lists every option list, the fixed ones without a setting', async () => {
    const res = json<{ items: Dict[] }>(await t.request(county, { method: 'GET', url: '/api/dictionaries' }));
    const source = res.items.find((d) => d.ledger === 'mediation.case' && d.field === 'source');
    expect(source?.setting).toBeNull();
    expect((await disputeTypes())?.declared).toContain('劳动争议');
    expect((await t.request(clerk, { method: 'GET', url: '/api/dictionaries' })).statusCode).toBe(403);
  });

  it('refuses bad local values naming each, and saves nothing', async () => {
    const res = await t.request(county, { method: 'PUT', url: URL, payload: { values: ['物业服务纠纷', '劳动争议', '物业服务纠纷', '甲、乙', ''] } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('第2项');
    expect(res.body).toContain('已是规定的选项');
    expect(res.body).toContain('第3项');
    expect(res.body).toContain('第4项');
    expect(res.body).toContain('第5项');
    expect((await disputeTypes())?.added).toEqual([]);
    expect((await t.request(county, { method: 'PUT', url: '/api/dictionaries/no.such', payload: { values: ['x'] } })).statusCode).toBe(404);
    expect((await t.request(clerk, { method: 'PUT', url: URL, payload: { values: ['物业服务纠纷'] } })).statusCode).toBe(403);
  });

  it('adds a local value the forms then take, counts its records, and audits the change', async () => {
    const saved = await t.request(county, { method: 'PUT', url: URL, payload: { values: ['农民工欠薪纠纷'] } });
    expect(saved.statusCode, saved.body).toBe(200);
    const meta = json<{ fields: Array<{ name: string; options?: string[] }> }>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.case/meta' }));
    expect(meta.fields.find((f) => f.name === 'dispute_type')?.options).toContain('农民工欠薪纠纷');
    const one = json<{ items: Array<{ values: Record<string, unknown> }> }>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/mediation.case?pageSize=1' })).items[0]?.values ?? {};
    const created = await t.request(clerk, {
      method: 'POST',
      url: '/api/ledgers/mediation.case',
      payload: { summary: '讨要工资纠纷', received_on: '2026-11-03', source: '当事人申请', dispute_type: '农民工欠薪纠纷', applicant_name: '村民甲', respondent_name: '某工程队', parties_count: 2, committee_id: one['committee_id'], mediator_id: one['mediator_id'], outcome: '正在调解' },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect((await disputeTypes())?.added).toEqual([{ value: '农民工欠薪纠纷', records: 1 }]);
    const log = json<{ items: Array<{ entity: string; entityId: string; action: string }> }>(await t.request(await t.login('auditor'), { method: 'GET', url: '/api/audit?entity=dictionary' }));
    expect(log.items.some((e) => e.entityId === 'mediation.dispute_types' && e.action === 'update')).toBe(true);
  });
});
