import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../platform/settings.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, refusal } from '../../test/ledger-client.ts';
import { TOWN_CATEGORIES, TOWN_CATEGORIES_SETTING } from './disclosure.taxonomy.ts';

// 政府信息公开条例 art. 21: a town's proactive categories are the article's list plus the county's own (a setting)
let t: TestApp;
let clerk: string;

interface PublicList {
  items: Array<{ id: number; title: string; townCategory: string | null }>;
  total: number;
  townCategories: Array<{ category: string; count: number }>;
}
const list = async (query: string) => t.request(null, { method: 'GET', url: `/api/public/disclosure/items?${query}` });

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

describe('town proactive disclosure categories (政府信息公开条例 art. 21)', () => {
  it('lists art. 21’s categories and the county’s own on the public site, each with its published items', async () => {
    const res = json<PublicList>(await list('org=999001001000&pageSize=5'));
    expect(res.townCategories.map((c) => c.category)).toEqual([...TOWN_CATEGORIES, '农村人居环境整治', '农村危房改造']);
    const relief = res.townCategories.find((c) => c.category === '社会救助');
    expect(relief?.count).toBeGreaterThan(0);
    const filed = json<PublicList>(await list(`org=999001001000&townCategory=${encodeURIComponent('社会救助')}&pageSize=100`));
    expect(filed.total).toBe(relief?.count);
    expect(new Set(filed.items.map((i) => i.townCategory))).toEqual(new Set(['社会救助']));
    expect((await list(`townCategory=${encodeURIComponent('不存在的事项')}`)).statusCode).toBe(404);
  });

  it('files an item only under a category on the list, and takes a category the county adds at once', async () => {
    const base = { orgCode: '999001001000-01', title: '城关镇2026年农村危房改造对象公示', category: '通知公告', made_on: '2026-04-01' };
    const ok = await createRecord(t, clerk, 'disclosure.item', { ...base, town_category: '农村危房改造' });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await createRecord(t, clerk, 'disclosure.item', { ...base, town_category: '村级公益事业一事一议' });
    expect(bad.statusCode).toBe(400);
    expect(refusal(bad)).toContainEqual(expect.objectContaining({ path: 'town_category', message: expect.stringContaining('乡镇主动公开事项') as unknown }));
    // the county adds 村级公益事业一事一议: the form, the write and the public list take it without a release
    await setSetting(t.platform.db, TOWN_CATEGORIES_SETTING, ['农村人居环境整治', '农村危房改造', '村级公益事业一事一议']);
    const meta = json<{ fields: Array<{ name: string; options?: string[] }> }>(await t.request(clerk, { method: 'GET', url: '/api/ledgers/disclosure.item/meta' }));
    expect(meta.fields.find((f) => f.name === 'town_category')?.options).toContain('村级公益事业一事一议');
    const now = await createRecord(t, clerk, 'disclosure.item', { ...base, title: '清泉村道路硬化一事一议筹资方案公示', town_category: '村级公益事业一事一议' });
    expect(now.statusCode, now.body).toBe(200);
    const res = json<PublicList>(await list('org=999001001000&pageSize=1'));
    expect(res.townCategories).toContainEqual({ category: '村级公益事业一事一议', count: 0 });
  });
});
