import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../common/validators.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import { daysAgo, daysFrom, today } from '../../test/dates.ts';
import { testPng as png } from '../../test/png.ts';
import { multipart } from '../../test/multipart.ts';

const L = 'enforcement.inspection';
const UNIT = '999001001000-03';
let t: TestApp;
let clerk: string;
let leader: string;
let auditor: string;
let matterId: number;
let planId: number;
let seq = 9700;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  leader = await t.login('leader');
  auditor = await t.login('auditor');
  const county = await t.login('county');
  const matters = await listLedger(t, county, 'enforcement.matter', 'org=999001001000&f.matter_type=行政检查&f.matter_status=有效&pageSize=1');
  matterId = (matters.items[0] as { id: number }).id;
  const plan = json<{ id: number }>(await createRecord(t, clerk, 'enforcement.inspection_plan', { orgCode: UNIT, title: '签名测试日常检查计划', plan_kind: '日常', starts_on: daysAgo(60), ends_on: daysFrom(60), scope: '食品经营', targets: '辖区内商贸企业' }));
  planId = plan.id;
  const approved = await t.request(leader, { method: 'POST', url: `/api/ledgers/enforcement.inspection_plan/${planId}/transitions/approve`, payload: { approved_on: daysAgo(30), approval_opinion: '同意', date: daysAgo(30) } });
  expect(approved.statusCode, approved.body).toBe(200);
  // the two officers, in the unit's registry: an inspection is approved only by officers it holds
  for (const [name, cert] of [['李建国', '城关执T201'], ['王秀英', '城关执T202']] as const) {
    const res = await createRecord(t, clerk, 'enforcement.inspector', { orgCode: UNIT, name, cert_no: cert, qualifications: ['经营行为'], unit: '城关镇综合行政执法队', in_pool: false, cert_valid_from: '2024-01-01', cert_valid_until: daysFrom(900) });
    expect(res.statusCode, res.body).toBe(200);
  }
}, 240_000);
afterAll(async () => t.close());

interface Attachment {
  id: number;
  kind: string;
  name: string;
}
interface Signature {
  signer: string;
  name: string | null;
  attachment: Attachment | null;
}

/** an inspection approved, notified and with its result recorded: the point where the 笔录 is signed on the spot */
async function inspected(): Promise<number> {
  seq += 1;
  const res = await createRecord(t, clerk, L, { orgCode: UNIT, plan_kind: '日常', plan: planId, matter: matterId, planned_on: today, enterprise_name: `城关镇签名测试商贸有限公司${seq}`, enterprise_uscc: makeUscc('999001', seq), enterprise_address: '城关镇解放路8号', inspector1_name: '李建国', inspector1_identity: '执法人员', inspector1_cert: '城关执T201', inspector2_name: '王秀英', inspector2_identity: '执法人员', inspector2_cert: '城关执T202' });
  expect(res.statusCode, res.body).toBe(200);
  const id = json<{ id: number }>(res).id;
  expect((await t.request(leader, { method: 'POST', url: `/api/enforcement/inspections/${id}/approve`, payload: { approved_on: today, approval_opinion: '同意' } })).statusCode).toBe(200);
  return id;
}
async function withResult(id: number): Promise<void> {
  expect((await t.request(clerk, { method: 'POST', url: `/api/ledgers/${L}/${id}/transitions/notify`, payload: { notified_on: today, notice_method: '书面通知' } })).statusCode).toBe(200);
  const res = await t.request(clerk, { method: 'POST', url: `/api/enforcement/inspections/${id}/result`, payload: { inspected_on: today, inspection_record: '现场检查，出示执法证件。', outcome: '未发现问题', result_notified_on: today } });
  expect(res.statusCode, res.body).toBe(200);
}
const sign = (id: number, payload: Record<string, unknown>, cookie = clerk) => t.request(cookie, { method: 'POST', url: `/api/enforcement/inspections/${id}/signatures`, payload });
const attachments = async (id: number): Promise<Attachment[]> => json<{ attachments: Attachment[] }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` })).attachments;
const problem = (res: { body: string }) => json<{ detail: string; errors?: Array<{ path: string; message: string }> }>(res as never);
async function recordDocx(id: number): Promise<JSZip> {
  const res = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${id}/documents/record` });
  expect(res.statusCode, res.body).toBe(200);
  return JSZip.loadAsync(res.rawPayload);
}

describe('现场检查笔录 signed on screen', () => {
  it('keeps each signature as a 签名 attachment of the inspection, replaces it on re-signing, and audits who signed as what', async () => {
    const id = await inspected();
    await withResult(id);
    const first = await sign(id, { signer: 'party', image: `data:image/png;base64,${png(300, 100).toString('base64')}` });
    expect(first.statusCode, first.body).toBe(200);
    const officer = await sign(id, { signer: 'inspector1', image: png(300, 100, 0x80).toString('base64') });
    expect(officer.statusCode, officer.body).toBe(200);
    const items = json<{ items: Signature[] }>(officer).items;
    expect(items.map((s) => [s.signer, s.name, s.attachment?.name ?? null])).toEqual([
      ['party', null, '现场签名-被检查单位负责人.png'],
      ['inspector1', '李建国', '现场签名-检查人员一（李建国）.png'],
      ['inspector2', '王秀英', null],
    ]);
    const before = await attachments(id);
    expect(before.map((a) => [a.kind, a.name])).toEqual([
      ['签名', '现场签名-被检查单位负责人.png'],
      ['签名', '现场签名-检查人员一（李建国）.png'],
    ]);
    // the party signs again: the earlier signature is withdrawn, the new one kept
    const again = await sign(id, { signer: 'party', image: png(320, 100, 0x10).toString('base64') });
    expect(again.statusCode, again.body).toBe(200);
    const after = await attachments(id);
    expect(after.filter((a) => a.name === '现场签名-被检查单位负责人.png')).toHaveLength(1);
    expect(after.map((a) => a.id)).not.toContain(before[0]?.id);
    const file = await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}/attachments/${after.find((a) => a.name.includes('被检查单位'))?.id}` });
    expect(file.rawPayload.equals(png(320, 100, 0x10))).toBe(true);
    const trail = await t.platform.db.selectFrom('audit_log').select(['action', 'diff', 'actor_name']).where('entity', '=', L).where('entity_id', '=', String(id)).orderBy('id').execute();
    const actions = trail.map((a) => a.action);
    expect(actions.filter((a) => a === 'sign')).toHaveLength(3);
    expect(actions).toContain('detach');
    const signs = trail.filter((a) => a.action === 'sign').map((a) => (typeof a.diff === 'string' ? JSON.parse(a.diff) : a.diff) as Record<string, unknown>);
    expect(signs.map((d) => d['signer'])).toEqual(['被检查单位负责人', '检查人员一（李建国）', '被检查单位负责人']);
    expect(trail.find((a) => a.action === 'sign')?.actor_name).toBe('clerk');
  });

  it('refuses an unknown signer, bytes that are not a PNG and a PNG over 300 KB, naming the field, and saves nothing', async () => {
    const id = await inspected();
    await withResult(id);
    const badSigner = await sign(id, { signer: 'mayor', image: png(30, 10).toString('base64') });
    expect(badSigner.statusCode).toBe(400);
    expect(problem(badSigner).errors?.map((e) => e.path)).toEqual(['signer']);
    expect(problem(badSigner).errors?.[0]?.message).toContain('签名人');
    const gif = await sign(id, { signer: 'party', image: Buffer.from('GIF89a\u0001\u0000\u0001\u0000').toString('base64') });
    expect(gif.statusCode).toBe(400);
    expect(problem(gif).errors).toEqual([expect.objectContaining({ path: 'image', message: '签名图片：须为 PNG 图片' })]);
    // a PNG header followed by 301 KB: within what the body may carry, over the cap
    const big = Buffer.concat([png(10, 10), Buffer.alloc(301 * 1024, 1)]);
    const tooLarge = await sign(id, { signer: 'inspector2', image: big.toString('base64') });
    expect(tooLarge.statusCode).toBe(400);
    expect(problem(tooLarge).errors).toEqual([expect.objectContaining({ path: 'image', message: expect.stringContaining('不能超过300 KB') })]);
    // just over the cap in bytes, though within the base64 length the body check allows
    const edge = Buffer.concat([png(10, 10), Buffer.alloc(300 * 1024 - png(10, 10).length + 1, 1)]);
    const overByOne = await sign(id, { signer: 'inspector2', image: edge.toString('base64') });
    expect(problem(overByOne).errors).toEqual([expect.objectContaining({ path: 'image', message: '签名图片：不能超过300 KB' })]);
    const empty = await sign(id, { signer: 'party', image: '' });
    expect(empty.statusCode).toBe(400);
    expect(problem(empty).errors?.[0]?.path).toBe('image');
    // nor can a plain upload pass itself off as a signature
    const posed = multipart([{ name: 'kind', value: ' 签名 ' }, { name: 'file', value: png(30, 10), filename: '现场签名-被检查单位负责人.png' }]);
    const upload = await t.request(clerk, { method: 'POST', url: `/api/ledgers/${L}/${id}/attachments`, headers: posed.headers, payload: posed.payload });
    expect(upload.statusCode).toBe(400);
    expect(problem(upload).errors).toEqual([expect.objectContaining({ path: 'kind', message: '附件类型：“签名”只能通过现场签名添加' })]);
    expect(await attachments(id)).toEqual([]);
    const trail = await t.platform.db.selectFrom('audit_log').select('action').where('entity', '=', L).where('entity_id', '=', String(id)).where('action', 'in', ['sign', 'attach']).execute();
    expect(trail).toEqual([]);
  });

  it('refuses signing before the result is recorded, and a user who may not edit the inspection', async () => {
    const id = await inspected();
    const early = await sign(id, { signer: 'party', image: png(30, 10).toString('base64') });
    expect(early.statusCode).toBe(409);
    expect(problem(early).detail).toContain('记录检查结果后');
    await withResult(id);
    expect((await sign(id, { signer: 'party', image: png(30, 10).toString('base64') }, auditor)).statusCode).toBe(403);
    expect(await attachments(id)).toEqual([]);
  });

  it('prints the signatures in the 现场检查笔录 next to their labels; unsigned, the 笔录 keeps its blank signing line', async () => {
    const id = await inspected();
    await withResult(id);
    const blank = await recordDocx(id);
    expect(Object.keys(blank.files).some((n) => n.startsWith('word/media/'))).toBe(false);
    expect(((await blank.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '')).toContain('被检查单位负责人（签名）：　　　　　　检查人员（签名）：');
    const party = png(300, 100, 0x20);
    const officer2 = png(300, 100, 0x40);
    expect((await sign(id, { signer: 'party', image: party.toString('base64') })).statusCode).toBe(200);
    expect((await sign(id, { signer: 'inspector2', image: officer2.toString('base64') })).statusCode).toBe(200);
    const doc = await recordDocx(id);
    const media = Object.keys(doc.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toEqual(['word/media/image1.png', 'word/media/image2.png']);
    expect(Buffer.from((await doc.file('word/media/image1.png')?.async('uint8array')) ?? []).equals(party)).toBe(true);
    expect(Buffer.from((await doc.file('word/media/image2.png')?.async('uint8array')) ?? []).equals(officer2)).toBe(true);
    const xml = (await doc.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('descr="王秀英签名"');
    expect(xml.indexOf('检查人员（签名）：')).toBeLessThan(xml.indexOf('descr="王秀英签名"'));
    // the other documents carry no signatures
    const notice = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${id}/documents/notice` });
    expect(Object.keys((await JSZip.loadAsync(notice.rawPayload)).files).some((n) => n.startsWith('word/media/'))).toBe(false);
  });

  it('lets the person questioned sign only when the inspection recorded a questioning, and prints the signatures in the 询问笔录', async () => {
    const plain = await inspected();
    await withResult(plain);
    const none = await sign(plain, { signer: 'interviewee', image: png(300, 100, 0x30).toString('base64') });
    expect(none.statusCode, none.body).toBe(409);
    expect(problem(none).detail).toBe('本次检查未记录询问情况，无需被询问人签名');
    expect(await attachments(plain)).toEqual([]);
    const id = await inspected();
    expect((await t.request(clerk, { method: 'POST', url: `/api/ledgers/${L}/${id}/transitions/notify`, payload: { notified_on: today, notice_method: '书面通知' } })).statusCode).toBe(200);
    const res = await t.request(clerk, {
      method: 'POST',
      url: `/api/enforcement/inspections/${id}/result`,
      payload: { inspected_on: today, inspection_record: '现场检查，出示执法证件。', outcome: '未发现问题', result_notified_on: today, interviewee: '赵春梅', interviewee_role: '店长', interview_record: '问：进货台账由谁负责？\n答：由我本人负责。', survey_record: '对后厨操作间勘验：生熟案板分开摆放。' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const listed = json<{ items: Signature[] }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${id}/signatures` })).items;
    expect(listed.map((s) => [s.signer, s.name])).toEqual([
      ['party', null],
      ['interviewee', null],
      ['inspector1', '李建国'],
      ['inspector2', '王秀英'],
    ]);
    const inquiryDocx = async (kind = 'inquiry'): Promise<JSZip> => {
      const doc = await t.request(clerk, { method: 'GET', url: `/api/enforcement/inspections/${id}/documents/${kind}` });
      expect(doc.statusCode, doc.body).toBe(200);
      return JSZip.loadAsync(doc.rawPayload);
    };
    const blank = await inquiryDocx();
    expect(Object.keys(blank.files).some((n) => n.startsWith('word/media/'))).toBe(false);
    expect(((await blank.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '')).toContain('被询问人（签名）：　　　　　　询问人（签名）：');
    const person = png(300, 100, 0x50);
    const signed = await sign(id, { signer: 'interviewee', image: person.toString('base64') });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(json<{ items: Signature[] }>(signed).items.find((s) => s.signer === 'interviewee')?.attachment?.name).toBe('现场签名-被询问人.png');
    expect((await sign(id, { signer: 'inspector1', image: png(300, 100, 0x60).toString('base64') })).statusCode).toBe(200);
    const doc = await inquiryDocx();
    const media = Object.keys(doc.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    expect(Buffer.from((await doc.file('word/media/image1.png')?.async('uint8array')) ?? []).equals(person)).toBe(true);
    const xml = (await doc.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('descr="李建国签名"');
    expect(xml.indexOf('被询问人（签名）：')).toBeLessThan(xml.indexOf('询问人（签名）：', xml.indexOf('被询问人（签名）：') + 1));
    expect(xml.indexOf('询问人（签名）：', xml.indexOf('被询问人（签名）：') + 1)).toBeLessThan(xml.indexOf('descr="李建国签名"'));
    // the 勘验笔录 carries the officers' signatures under its own labels; the party has not signed
    const survey = await inquiryDocx('survey');
    const surveyXml = (await survey.file('word/document.xml')?.async('string')) ?? '';
    expect(surveyXml).toContain('当事人（见证人）（签名）：');
    expect(surveyXml).toContain('勘验人员（签名）：');
    expect(Object.keys(survey.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
  });
});
