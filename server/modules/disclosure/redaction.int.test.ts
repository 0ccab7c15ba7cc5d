import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, refusal } from '../../test/ledger-client.ts';
import { thisYear } from '../../test/ledger-conformance.ts';
import { daysFrom, today } from '../../test/dates.ts';

// personal data typed into free text: a real-looking ID number (valid check digit), a mobile number and a name
const ID = '440304199003078917';
const PHONE = '13912345678';
const NAME = '钱多多';
const SECRETS = [ID, PHONE, '1391234', '199003078917'];

let t: TestApp;
let clerk: string;
let reviewer: string;
let legal: string;
const lastYear = thisYear - 1;

beforeAll(async () => {
  t = await startTestApp();
  [clerk, reviewer, legal] = await Promise.all([t.login('clerk'), t.login('reviewer'), t.login('legal')]);
});
afterAll(async () => t.close());

const version = async (cookie: string, ledger: string, id: number): Promise<number> => json<{ version: number }>(await t.request(cookie, { method: 'GET', url: `/api/ledgers/${ledger}/${id}` })).version;
const transition = async (cookie: string, id: number, name: string, payload: Record<string, unknown>) =>
  t.request(cookie, { method: 'POST', url: `/api/ledgers/disclosure.item/${id}/transitions/${name}`, payload: { ...payload, version: await version(cookie, 'disclosure.item', id) } });
/** every public response's raw body: none may hold the personal data */
const expectClean = (label: string, body: string): void => {
  for (const s of SECRETS) expect(body.includes(s), `${label} holds ${s}`).toBe(false);
};

interface Preview {
  fields: Array<{ field: string; redacted: string; spans: Array<{ kind: string; text: string; replacement: string; start: number; end: number }> }>;
  found: number;
  confirmed: boolean;
}

describe('personal data inside a disclosure item', () => {
  let id: number;
  it('is listed by the redaction preview, and 同意公开 needs the preview confirmed', async () => {
    const created = await createRecord(t, clerk, 'disclosure.item', {
      orgCode: '999001001000-01', category: '通知公告', made_on: `${lastYear}-06-01`,
      title: '关于拆迁补偿款发放的公示',
      summary: `补偿对象身份证号${ID}`,
      content: `经核实，补偿对象（身份证号${ID}，联系电话${PHONE}）补偿款12000元已于${lastYear}年6月1日发放，依据某政发〔${lastYear}〕12号文件。`,
    });
    expect(created.statusCode, created.body).toBe(200);
    id = json<{ id: number }>(created).id;
    expect((await transition(clerk, id, 'submit_review', { date: `${lastYear}-06-01`, secrecy_submitted_on: `${lastYear}-06-01` })).statusCode).toBe(200);

    const preview = json<Preview>(await t.request(reviewer, { method: 'GET', url: `/api/disclosure/items/${id}/redaction-preview` }));
    expect(preview.found).toBe(3);
    expect(preview.confirmed).toBe(false);
    const content = preview.fields.find((f) => f.field === 'content');
    expect(content?.spans.map((s) => [s.kind, s.text, s.replacement])).toEqual([
      ['id_number', ID, '440304********8917'],
      ['phone', PHONE, '139****5678'],
    ]);
    expect(content?.redacted).toContain('补偿款12000元');
    expect(content?.redacted).toContain(`某政发〔${lastYear}〕12号`);
    expectClean('preview.redacted', JSON.stringify(preview.fields.map((f) => f.redacted)));
    // a reviewer without the personal-data permission sees what and where, never the original
    const masked = await t.request(legal, { method: 'GET', url: `/api/disclosure/items/${id}/redaction-preview` });
    expect(masked.statusCode, masked.body).toBe(200);
    expect(json<Preview>(masked).found).toBe(3);
    expectClean('preview without personal permission', masked.body);

    const review = { date: `${lastYear}-06-02`, secrecy_result: '同意公开', secrecy_reviewed_on: `${lastYear}-06-02` };
    const unconfirmed = await transition(reviewer, id, 'review', review);
    expect(unconfirmed.statusCode, unconfirmed.body).toBe(400);
    expect(refusal(unconfirmed).map((e) => e.message).join()).toContain('须查看并确认脱敏预览后方可同意公开');
    // nor by a plain edit around the workflow
    const plain = await t.request(reviewer, { method: 'PUT', url: `/api/ledgers/disclosure.item/${id}`, payload: { ...review, version: await version(reviewer, 'disclosure.item', id) } });
    expect(plain.statusCode).toBeGreaterThanOrEqual(400);
    expect(plain.statusCode).toBeLessThan(500);

    const confirmed = await transition(reviewer, id, 'review', { ...review, redaction_confirmed: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(json<Preview>(await t.request(reviewer, { method: 'GET', url: `/api/disclosure/items/${id}/redaction-preview` })).confirmed).toBe(true);
    const published = await transition(clerk, id, 'publish', { date: `${lastYear}-06-03`, published_on: `${lastYear}-06-03`, channels: ['政府网站'] });
    expect(published.statusCode, published.body).toBe(200);
  });

  it('never reaches a public response, while staff with the personal permission see the original', async () => {
    const list = await t.request(null, { method: 'GET', url: '/api/public/disclosure/items?q=拆迁补偿款' });
    expect(list.statusCode).toBe(200);
    expect(json<{ items: Array<{ id: number; summary: string }> }>(list).items.find((i) => i.id === id)?.summary).toBe('补偿对象身份证号440304********8917');
    expectClean('public list', list.body);
    const one = await t.request(null, { method: 'GET', url: `/api/public/disclosure/items/${id}` });
    expect(one.statusCode).toBe(200);
    expect(json<{ content: string }>(one).content).toContain('身份证号440304********8917，联系电话139****5678');
    expectClean('public item', one.body);
    // the number is no search term: the public search cannot confirm who is in which item
    expect(json<{ total: number }>(await t.request(null, { method: 'GET', url: `/api/public/disclosure/items?q=${ID}` })).total).toBe(0);

    const staff = json<{ values: Record<string, string> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/disclosure.item/${id}` }));
    expect(staff.values['content']).toContain(ID);
    expect(staff.values['content']).toContain(PHONE);
    const noPersonal = await t.request(legal, { method: 'GET', url: `/api/ledgers/disclosure.item/${id}` });
    expect(noPersonal.statusCode).toBe(200);
    expectClean('staff without the personal permission', noPersonal.body);
  });

  it('an item without personal data needs no confirmation', async () => {
    const created = await createRecord(t, reviewer, 'disclosure.item', {
      orgCode: '999001001000-01', category: '通知公告', made_on: `${lastYear}-06-01`, title: '关于春季防火的通知', content: '请各村于3月15日前完成巡查，罚款500元。',
      secrecy_submitted_on: `${lastYear}-06-01`, secrecy_result: '同意公开', secrecy_reviewer: '保密员', secrecy_reviewed_on: `${lastYear}-06-02`,
    });
    expect(created.statusCode, created.body).toBe(200);
  });
});

describe('personal data inside a public comment', () => {
  it('is stored as written, shown to staff by role, and published masked', async () => {
    const draft = await createRecord(t, clerk, 'decisions.decision', {
      orgCode: '999001001000', title: '村庄保洁管理办法', proposing_unit: '党政办公室', started_on: today, summary: '草案要点',
      draft_published: true, comment_from: today, comment_to: daysFrom(30),
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const draftId = json<{ id: number }>(draft).id;
    const ch = json<{ token: string; question: string }>(await t.request(null, { method: 'GET', url: '/api/public/decisions/challenge' }));
    const answer = ch.question.split(/[+=]/).slice(0, 2).reduce((s, x) => s + Number(x.trim()), 0);
    await new Promise((r) => setTimeout(r, 2100));
    const content = `我是${NAME}，身份证${ID}，建议保洁费按户收取，有事请打${PHONE}联系。`;
    const posted = await t.request(null, { method: 'POST', url: `/api/public/decisions/${draftId}/comments`, payload: { content, name: NAME, challengeToken: ch.token, challengeAnswer: answer } });
    expect(posted.statusCode, posted.body).toBe(200);
    const commentId = json<{ id: number }>(posted).id;

    const cur = json<{ version: number; values: Record<string, string> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/decisions.comment/${commentId}` }));
    expect(cur.values['content']).toBe(content);
    const asLegal = await t.request(legal, { method: 'GET', url: `/api/ledgers/decisions.comment/${commentId}` });
    expect(asLegal.statusCode).toBe(200);
    expectClean('comment for staff without the personal permission', asLegal.body);
    expect(asLegal.body.includes(NAME)).toBe(false);
    // nor through the record's history or the Excel export
    expect((await t.request(clerk, { method: 'GET', url: `/api/ledgers/decisions.comment/${commentId}/history` })).body).toContain(ID);
    const history = await t.request(legal, { method: 'GET', url: `/api/ledgers/decisions.comment/${commentId}/history` });
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('440304********8917');
    expectClean('history for staff without the personal permission', history.body);
    const xlsx = await t.request(await t.login('supervisor'), { method: 'GET', url: `/api/ledgers/decisions.comment/export.xlsx?f.decision=${draftId}` });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))));
    expect(cells.join('|')).toContain('440304********8917');
    expectClean('export for staff without the personal permission', cells.join('|'));

    const answered = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/decisions.comment/${commentId}`, payload: { handling: '采纳', answer: `已采纳${NAME}的意见`, answered_on: today, answer_published: true, version: cur.version } });
    expect(answered.statusCode, answered.body).toBe(200);
    const pub = await t.request(null, { method: 'GET', url: `/api/public/decisions/${draftId}/comments` });
    expect(pub.statusCode).toBe(200);
    expect(json<{ items: Array<{ content: string; answer: string }> }>(pub).items).toMatchObject([
      { content: '我是钱某某，身份证440304********8917，建议保洁费按户收取，有事请打139****5678联系。', answer: '已采纳钱某某的意见' },
    ]);
    expectClean('public comments', pub.body);
    expect(pub.body.includes(NAME)).toBe(false);
    expectClean('public decisions', (await t.request(null, { method: 'GET', url: '/api/public/decisions' })).body);
  });
});

describe('personal data inside other published texts', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- module tables are declared at run time
  const db = (): Kysely<any> => t.platform.db as unknown as Kysely<any>;

  it('a published enforcement decision names the party and its number only masked', async () => {
    const row = await db().selectFrom('enforcement_case').select(['id', 'party_name']).where('status', '=', 'active').where('party_kind', '=', '个人').where('published_on', 'is not', null).where('publication_withdrawn_on', 'is', null).where('revoked_on', 'is', null).orderBy('published_on', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    expect(row).toBeDefined();
    const name = t.platform.cipher.decrypt(String(row?.party_name));
    // text as it stood before redaction existed: written straight into the table
    await db().updateTable('enforcement_case').set({ decision_result: `对当事人${name}（身份证号${ID}，电话${PHONE}）处以罚款2000元。` }).where('id', '=', row?.id).execute();
    const res = await t.request(null, { method: 'GET', url: '/api/public/enforcement/decisions?pageSize=100' });
    expect(res.statusCode).toBe(200);
    const item = json<{ items: Array<{ id: number; result: string }> }>(res).items.find((i) => i.id === Number(row?.id));
    expect(item?.result).toBe(`对当事人${[...name][0] ?? ''}某某（身份证号440304********8917，电话139****5678）处以罚款2000元。`);
    expectClean('public enforcement decisions', res.body);
    expect(res.body.includes(name)).toBe(false);
  });

  it('a published annual report shows the numbers typed into its prose masked, in JSON and in its downloads', async () => {
    // a report written, submitted, secrecy-reviewed and published the ordinary way, a phone and an ID in its preamble
    const [clerkOf, leader] = [clerk, await t.login('leader')];
    const made = await t.request(clerkOf, { method: 'POST', url: '/api/reports/annual', payload: { year: thisYear } });
    expect(made.statusCode, made.body).toBe(200);
    const draftId = json<{ id: number }>(made).id;
    const draft = json<{ version: number; content: { preamble: string[] } }>(await t.request(clerkOf, { method: 'GET', url: `/api/reports/annual/${draftId}` }));
    const content = { ...draft.content, preamble: [...draft.content.preamble, `联系人电话${PHONE}，身份证号${ID}。`] };
    const saved = await t.request(clerkOf, { method: 'PUT', url: `/api/reports/annual/${draftId}`, payload: { content, version: draft.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await t.request(leader, { method: 'POST', url: `/api/reports/annual/${draftId}/submit`, payload: { version: json<{ version: number }>(saved).version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const vid = json<{ id: number }>(submitted).id;
    expect((await t.request(reviewer, { method: 'POST', url: `/api/reports/annual/versions/${vid}/secrecy`, payload: { passed: true, opinion: '不涉及国家秘密和工作秘密' } })).statusCode).toBe(200);
    const published = await t.request(leader, { method: 'POST', url: `/api/reports/annual/versions/${vid}/publish`, payload: {} });
    expect(published.statusCode, published.body).toBe(200);
    const v = { id: vid };
    const one = await t.request(null, { method: 'GET', url: `/api/public/reports/${String(v?.id)}` });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('联系人电话139****5678');
    expectClean('public report', one.body);
    const html = await t.request(null, { method: 'GET', url: `/api/public/reports/${String(v?.id)}/download?format=html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('139****5678');
    expectClean('public report html', html.body);
  });
});
