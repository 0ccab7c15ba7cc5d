import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../common/validators.ts';
import type { ActivityDrawDetail, Clue, ClueList } from '../../../common/supervision.types.ts';
import { setSetting } from '../../platform/settings.ts';
import { daysAgo, today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import { newUser } from '../../test/users.ts';

// issue #19's supervision half: the clue list computed from the records, instruments of three kinds issued from a
// clue (numbered, served, answered, verified, printed), activities with a drawn set of towns, officers' certificates
let t: TestApp;
const cookies = new Map<string, string>();
const as = (u: string): string => cookies.get(u) ?? '';
const year = Number(today.slice(0, 4));
const CHENGGUAN = '999001001000';
const SHIQIAO = '999001003000';
const COUNTY = '999001000000';
// 县综合行政执法局: a county department, supervised by the county like the towns
const COUNTY_ENFORCEMENT = `${COUNTY}-02`;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['supervisor', 'county', 'clerk', 'clerk3', 'leader', 'reviewer', 'legal']) cookies.set(u, await t.login(u));
}, 600_000);
afterAll(async () => t.close());

const get = (u: string, url: string) => t.request(as(u), { method: 'GET', url });
const post = (u: string, url: string, payload: Record<string, unknown> = {}) => t.request(as(u), { method: 'POST', url, payload });
const clues = async (y = year): Promise<ClueList> => {
  const res = await get('supervisor', `/api/supervision/clues?year=${y}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<ClueList>(res);
};

/** an officer of 石桥乡's registry who trained too little last year: a training_short clue of this year */
async function shortTrainedOfficer(hours: number): Promise<number> {
  const res = await createRecord(t, as('clerk3'), 'enforcement.inspector', { orgCode: `${SHIQIAO}-03`, name: `学时测试${hours}`, cert_no: `石桥执T${hours}`, qualifications: ['城管'], unit: '石桥乡综合行政执法队', in_pool: false, cert_valid_from: '2024-01-01', cert_valid_until: '2029-12-31', training_year: year - 1, training_hours: hours });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}

describe('the clue list', () => {
  it('is the supervisor’s alone: the towns, the county administrator and the reviewers are refused', async () => {
    expect((await get('supervisor', '/api/supervision/clues')).statusCode).toBe(200);
    for (const u of ['clerk', 'leader', 'county', 'reviewer', 'legal']) expect((await get(u, '/api/supervision/clues')).statusCode, u).toBe(403);
  });

  it('links each clue to exactly the records behind it, and those records meet the clue’s rule', async () => {
    for (const y of [year, year - 1]) {
      const list = await clues(y);
      expect(list.items.length).toBeGreaterThan(0);
      for (const c of list.items) {
        // a town (its offices answer as the town) or a county department (answering for itself)
        expect(c.orgCode).toMatch(/^\d{12}(-\d{2,3})?$/);
        if (c.orgCode.includes('-')) expect(c.orgCode.startsWith(`${COUNTY}-`), c.key).toBe(true);
        expect(c.count).toBe(c.sources.reduce((n, s) => n + s.ids.length, 0));
        for (const s of c.sources) {
          const [path = '', query = ''] = s.link.split('?');
          const opened = await listLedger(t, as('supervisor'), path.replace('/ledgers/', ''), `${query}&pageSize=200`);
          expect(opened.items.map((i) => i.id).sort((a, b) => a - b), `${c.key} ${s.ledger}`).toEqual(s.ids);
          for (const i of opened.items) {
            expect(c.orgCode.includes('-') ? i.orgCode : i.orgCode.split('-')[0], c.key).toBe(c.orgCode);
            const v = i.values;
            if (c.kind === 'top_share') expect(v['top_penalty']).toBe(true);
            if (c.kind === 'no_case' && s.ledger === 'enforcement.case') expect([v['inspection_result'], v['follow_up_result']]).toEqual(expect.arrayContaining([expect.stringMatching(/转立案/)]));
            if (c.kind === 'no_case' && s.ledger === 'petitions.hotline') {
              expect(['投诉', '举报']).toContain(v['request_kind']);
              expect(['属实', '部分属实']).toContain(v['finding']);
              expect(v['case_decision'] === null || v['case_decision'] === undefined || (v['case_decision'] === '已立案' && !v['penalty_case'])).toBe(true);
            }
            if (c.kind === 'training_short') expect(Number(v['training_hours'] ?? 0)).toBeLessThan(60);
          }
        }
      }
    }
  });

  it('lists the 12345 投诉/举报 found true that say nothing of a case as 有案不立', async () => {
    const list = await clues();
    const hotline = list.items.filter((c) => c.kind === 'no_case').flatMap((c) => c.sources.filter((s) => s.ledger === 'petitions.hotline'));
    expect(hotline.length).toBeGreaterThan(0);
    expect(list.kinds.find((k) => k.kind === 'no_case')?.basis).toContain('12345');
  });

  it('follows the records and the settings: an officer short of the yearly hours appears, and goes once trained or once the line is lowered', async () => {
    const id = await shortTrainedOfficer(24);
    const find = async (): Promise<Clue | undefined> => (await clues()).items.find((c) => c.kind === 'training_short' && c.orgCode === SHIQIAO);
    expect((await find())?.sources.find((s) => s.ledger === 'enforcement.inspector')?.ids).toContain(id);
    await setSetting(t.platform.db, 'enforcement.officer.training_hours', 20);
    try {
      expect((await find())?.sources[0]?.ids ?? []).not.toContain(id);
    } finally {
      await setSetting(t.platform.db, 'enforcement.officer.training_hours', 60);
    }
  });
});

describe('监督文书 issued from a clue', () => {
  it('refuses a stale clue, a bad body field by field, and anyone but the supervisor', async () => {
    const body = { clue: `training_short:${SHIQIAO}:1999`, kind: '决定书', issued_on: today, rectify_days: 15, requirements: '逐项核查，依法纠正，书面报告整改结果。' };
    const stale = await post('supervisor', '/api/supervision/clues/instrument', body);
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('线索');
    const bad = await post('supervisor', '/api/supervision/clues/instrument', { ...body, kind: '通知书', rectify_days: 0, requirements: '' });
    expect(bad.statusCode).toBe(400);
    for (const label of ['文书种类', '整改期限（日）', '监督意见（决定、建议）和整改要求']) expect(bad.body).toContain(label);
    for (const u of ['clerk3', 'county', 'leader']) expect((await post(u, '/api/supervision/clues/instrument', body)).statusCode, u).toBe(403);
  });

  it('issues a 决定书 to the clue’s unit naming its records; the town answers from its 待办, the supervisor verifies; the document prints', async () => {
    const officer = await shortTrainedOfficer(30);
    const clue = (await clues()).items.find((c) => c.kind === 'training_short' && c.orgCode === SHIQIAO);
    expect(clue).toBeDefined();
    const res = await post('supervisor', '/api/supervision/clues/instrument', { clue: clue?.key, kind: '决定书', issued_on: daysAgo(1), rectify_days: 20, requirements: '一、组织学时不足的执法人员参加补训；二、建立培训学时台账。' });
    expect(res.statusCode, res.body).toBe(200);
    const rec = json<{ id: number; orgCode: string; state: string; values: Record<string, unknown> }>(res);
    expect(rec.orgCode).toBe(SHIQIAO);
    expect(rec.state).toBe('issued');
    expect(String(rec.values['opinion_no'])).toMatch(new RegExp(`^演示县执监决〔${year}〕\\d+号$`));
    expect(rec.values['clue']).toBe(`执法人员培训学时不足（石桥乡，${year}年）[${clue?.key}]`);
    expect(String(rec.values['basis_records'])).toMatch(new RegExp(`^enforcement\\.inspector:(\\d+,)*${officer}(,\\d+)*$`));
    expect(String(rec.values['problems'])).toContain('学时测试30');
    // the clue now shows what was made from it
    expect((await clues()).items.find((c) => c.key === clue?.key)?.instruments).toEqual([expect.objectContaining({ id: rec.id, kind: '决定书', state: 'issued' })]);

    // served on 石桥乡: its clerk has it in 待办, 城关镇's clerk cannot see it
    const todo = json<{ items: Array<{ recordId: number; step: string }> }>(await get('clerk3', '/api/todos?pageSize=200&ledger=supervision.opinion'));
    expect(todo.items).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: rec.id, step: 'report' })]));
    expect((await get('clerk', `/api/ledgers/supervision.opinion/${rec.id}`)).statusCode).toBe(404);
    expect((await get('clerk', `/api/supervision/instruments/${rec.id}/document`)).statusCode).toBe(404);

    const doc = await get('clerk3', `/api/supervision/instruments/${rec.id}/document?format=docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')?.async('string');
    // the text as read: runs joined, the title's letter spacing dropped
    const text = (xml ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    for (const part of ['行政执法监督决定书', String(rec.values['opinion_no']), '石桥乡', '演示县司法局', '20日内']) expect(text).toContain(part);
    expect((await get('county', `/api/supervision/instruments/${rec.id}/document`)).statusCode).toBe(403);

    const base = `/api/ledgers/supervision.opinion/${rec.id}/transitions`;
    expect((await post('clerk3', `${base}/report`, { reported_on: today, report: '已组织补训，培训学时台账已建立。' })).statusCode).toBe(200);
    expect((await post('clerk3', `${base}/verify`, { verified_on: today, verify_note: '自查' })).statusCode).toBe(403);
    const verified = await post('supervisor', `${base}/verify`, { verified_on: today, verify_note: '查阅培训签到和台账，整改到位。' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(json<{ state: string }>(verified).state).toBe('verified');
  });

  it('serves a county department like a town: its own clue, a 意见书 addressed to it, its clerk answers; never the county government itself', async () => {
    const dept = await newUser(t, 'zfjtianbao', COUNTY_ENFORCEMENT, ['clerk']);
    const officer = await createRecord(t, dept.cookie, 'enforcement.inspector', { orgCode: COUNTY_ENFORCEMENT, name: '县局学时测试', cert_no: '县执法T0901', qualifications: ['城管'], unit: '县综合行政执法局', in_pool: false, cert_valid_from: '2024-01-01', cert_valid_until: '2029-12-31', training_year: year - 1, training_hours: 12 });
    expect(officer.statusCode, officer.body).toBe(200);
    const clue = (await clues()).items.find((c) => c.kind === 'training_short' && c.orgCode === COUNTY_ENFORCEMENT);
    expect(clue?.orgName).toBe('县综合行政执法局');
    expect(clue?.key).toBe(`training_short:${COUNTY_ENFORCEMENT}:${year}`);
    const res = await post('supervisor', '/api/supervision/clues/instrument', { clue: clue?.key, kind: '意见书', issued_on: today, rectify_days: 30, requirements: '组织补训，建立培训学时台账。' });
    expect(res.statusCode, res.body).toBe(200);
    const rec = json<{ id: number; orgCode: string; values: Record<string, unknown> }>(res);
    expect(rec.orgCode).toBe(COUNTY_ENFORCEMENT);
    expect((await clues()).items.find((c) => c.key === clue?.key)?.instruments.map((i) => i.id)).toEqual([rec.id]);

    expect((await get('clerk3', `/api/supervision/instruments/${rec.id}/document`)).statusCode).toBe(404);
    const text = async (cookie: string, id: number): Promise<string> => {
      const r = await t.request(cookie, { method: 'GET', url: `/api/supervision/instruments/${id}/document?format=docx` });
      expect(r.statusCode, r.body).toBe(200);
      return ((await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    };
    const served = await text(dept.cookie, rec.id);
    expect(served).toContain('县综合行政执法局：');
    expect(served).toContain('演示县司法局');
    expect(served).not.toContain('演示县县');

    // the department's clerk has it in 待办 and reports; the towns do not see it
    const todo = json<{ items: Array<{ recordId: number; step: string }> }>(await t.request(dept.cookie, { method: 'GET', url: '/api/todos?pageSize=200&ledger=supervision.opinion' }));
    expect(todo.items).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: rec.id, step: 'report' })]));
    expect((await get('clerk3', `/api/ledgers/supervision.opinion/${rec.id}`)).statusCode).toBe(404);
    const base = `/api/ledgers/supervision.opinion/${rec.id}/transitions`;
    const report = await t.request(dept.cookie, { method: 'POST', url: `${base}/report`, payload: { reported_on: today, report: '已组织补训，学时台账已建立。' } });
    expect(report.statusCode, report.body).toBe(200);
    expect((await post('supervisor', `${base}/verify`, { verified_on: today, verify_note: '查阅签到表，整改到位。' })).statusCode).toBe(200);

    // a town's office is addressed once by its town's name
    const office = await post('supervisor', '/api/ledgers/supervision.opinion', { orgCode: `${CHENGGUAN}-03`, kind: '建议书', issued_on: today, subject: '执法公示', problems: '执法公示不及时。', requirements: '建立公示台账。', rectify_days: 30 });
    expect(office.statusCode, office.body).toBe(200);
    const officeText = await text(as('supervisor'), json<{ id: number }>(office).id);
    expect(officeText).toContain('城关镇综合行政执法队：');
    expect(officeText).not.toContain('城关镇城关镇');

    // the county government itself is not a unit an instrument is served on: refused whole, naming the field
    const before = json<{ total: number }>(await get('supervisor', '/api/ledgers/supervision.opinion?pageSize=1')).total;
    const county = await post('supervisor', '/api/ledgers/supervision.opinion', { orgCode: COUNTY, kind: '意见书', issued_on: today, subject: '执法公示', problems: '执法公示不及时。', requirements: '建立公示台账。', rectify_days: 30 });
    expect(county.statusCode).toBe(400);
    expect(county.body).toContain('所属单位');
    expect(county.body).toContain('请选择其部门');
    expect(json<{ total: number }>(await get('supervisor', '/api/ledgers/supervision.opinion?pageSize=1')).total).toBe(before);
  });

  it('numbers each kind in its own series in the county’s name', async () => {
    const base = { orgCode: CHENGGUAN, issued_on: today, subject: '日常监督发现的问题', problems: '执法公示不及时。', requirements: '建立公示台账，按期公示。', rectify_days: 30 };
    const nos: string[] = [];
    for (const kind of ['意见书', '决定书', '建议书']) {
      const res = await post('supervisor', '/api/ledgers/supervision.opinion', { ...base, kind });
      expect(res.statusCode, res.body).toBe(200);
      nos.push(String(json<{ values: Record<string, unknown> }>(res).values['opinion_no']));
    }
    expect(nos[0]).toMatch(/^演示县执监意〔\d{4}〕\d+号$/);
    expect(nos[1]).toMatch(/^演示县执监决〔\d{4}〕\d+号$/);
    expect(nos[2]).toMatch(/^演示县执监建〔\d{4}〕\d+号$/);
    const missing = await post('supervisor', '/api/ledgers/supervision.opinion', base);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('文书种类');
  });
});

describe('监督活动', () => {
  it('opens an activity from a clue, and draws its towns once: a committed seed first, revealed at the draw', async () => {
    const clue = (await clues(year - 1)).items[0];
    expect(clue).toBeDefined();
    const opened = await post('supervisor', '/api/supervision/clues/activity', { clue: clue?.key, mode: '专项监督', planned_on: today });
    expect(opened.statusCode, opened.body).toBe(200);
    const a = json<{ id: number; values: Record<string, unknown> }>(opened);
    expect(String(a.values['source_clue'])).toContain(`[${clue?.key}]`);
    expect((await clues(year - 1)).items.find((c) => c.key === clue?.key)?.activities).toEqual([expect.objectContaining({ id: a.id })]);
    expect(String(a.values['plan'])).toContain(clue?.summary ?? '—');
    expect((await post('clerk', '/api/supervision/clues/activity', { clue: clue?.key, mode: '专项监督', planned_on: today })).statusCode).toBe(403);

    const noCount = await post('supervisor', `/api/supervision/activities/${a.id}/draw-units`);
    expect(noCount.statusCode).toBe(400);
    expect(noCount.body).toContain('随机抽取单位数');
    const res = await createRecord(t, as('supervisor'), 'supervision.activity', { orgCode: '999001000000-01', title: '执法公示专项监督', mode: '专项监督', planned_on: today, plan: '随机抽取两个乡镇，检查行政处罚决定公示情况。', unit_count: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const id = json<{ id: number }>(res).id;
    const early = await post('supervisor', `/api/supervision/activities/${id}/draw-units`);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('请先承诺随机种子');
    expect((await post('clerk', `/api/supervision/activities/${id}/commit`)).statusCode).toBe(403);
    expect((await get('clerk', `/api/supervision/activities/${id}/draw`)).statusCode).toBe(403);
    const committed = await post('supervisor', `/api/supervision/activities/${id}/commit`);
    expect(committed.statusCode, committed.body).toBe(200);
    const c = json<ActivityDrawDetail>(committed);
    expect(c.commitment?.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.draw).toBeNull();
    const before = await get('supervisor', `/api/supervision/activities/${id}/draw`);
    expect(json<ActivityDrawDetail>(before).commitment).toEqual(c.commitment);
    expect(before.body).not.toMatch(/"seed"/);
    expect((await post('supervisor', `/api/supervision/activities/${id}/commit`)).statusCode).toBe(409);
    const commitEntry = (await sql<{ diff: unknown }>`select diff from audit_log where entity = 'supervision.activity' and entity_id = ${String(id)} and action = 'draw_commit'`.execute(t.platform.db)).rows[0];
    const seed = (await sql<{ seed: string }>`select seed from supervision_activity_draw where activity_id = ${id}`.execute(t.platform.db)).rows[0]?.seed ?? '';
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(commitEntry?.diff)).toContain(c.commitment?.seedHash ?? '—');
    expect(JSON.stringify(commitEntry?.diff)).not.toContain(seed);

    const drawn = await post('supervisor', `/api/supervision/activities/${id}/draw-units`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const units = String(json<{ values: Record<string, unknown> }>(drawn).values['units']).split('\n');
    expect(units).toHaveLength(2);
    for (const u of units) expect(['城关镇', '清溪镇', '石桥乡']).toContain(u);
    const d = json<ActivityDrawDetail>(await get('supervisor', `/api/supervision/activities/${id}/draw`)).draw;
    expect(d?.seed).toBe(seed);
    expect(createHash('sha256').update(seed).digest('hex')).toBe(c.commitment?.seedHash);
    expect(createHash('sha256').update(d?.listText ?? '').digest('hex')).toBe(d?.listHash);
    expect(d?.checks).toEqual({ seedMatchesCommitment: true, listMatchesHash: true, resultReproduced: true });
    expect(d?.verified).toBe(true);
    expect(d?.units.map((u) => u.name)).toEqual(units);
    expect(Date.parse(d?.drawnAt ?? '')).toBeGreaterThan(Date.parse(d?.committedAt ?? ''));
    expect((await post('supervisor', `/api/supervision/activities/${id}/draw-units`)).statusCode).toBe(409);
    expect((await post('supervisor', `/api/supervision/activities/${id}/commit`)).statusCode).toBe(409);
    expect((await post('clerk', `/api/supervision/activities/${id}/draw-units`)).statusCode).toBe(403);
    // the drawn units are the draw's: a plain edit cannot replace them, nor the count or range they were drawn by
    const rec = json<{ version: number; values: Record<string, unknown> }>(await get('supervisor', `/api/ledgers/supervision.activity/${id}`));
    const swap = await t.request(as('supervisor'), { method: 'PUT', url: `/api/ledgers/supervision.activity/${id}`, payload: { ...rec.values, units: '城关镇\n清溪镇\n石桥乡', unit_count: 3, version: rec.version } });
    expect(swap.statusCode).toBe(409);
    for (const label of ['被监督单位', '随机抽取单位数']) expect(swap.body).toContain(label);
    expect(json<{ values: Record<string, unknown> }>(await get('supervisor', `/api/ledgers/supervision.activity/${id}`)).values['units']).toBe(units.join('\n'));
    // what was found is still written by hand, with the drawn units sent back unchanged
    const found = await t.request(as('supervisor'), { method: 'PUT', url: `/api/ledgers/supervision.activity/${id}`, payload: { ...rec.values, findings: `${units[0] ?? ''}：执法公示不及时`, version: rec.version } });
    expect(found.statusCode, found.body).toBe(200);

    // 抽取范围 县直部门: the county's departments are the list, never a town or the county government
    const dep = await createRecord(t, as('supervisor'), 'supervision.activity', { orgCode: '999001000000-01', title: '县直部门执法公示专项监督', mode: '专项监督', planned_on: today, plan: '随机抽取两个县直部门，检查行政执法公示。', unit_count: 2, draw_scope: '县直部门' });
    expect(dep.statusCode, dep.body).toBe(200);
    const depId = json<{ id: number }>(dep).id;
    expect((await post('supervisor', `/api/supervision/activities/${depId}/commit`)).statusCode).toBe(200);
    // once committed, the range and count are fixed (the title still edits)
    const depRec = json<{ version: number; values: Record<string, unknown> }>(await get('supervisor', `/api/ledgers/supervision.activity/${depId}`));
    const widen = await t.request(as('supervisor'), { method: 'PUT', url: `/api/ledgers/supervision.activity/${depId}`, payload: { ...depRec.values, draw_scope: '乡镇和县直部门', version: depRec.version } });
    expect(widen.statusCode).toBe(409);
    expect(widen.body).toContain('抽取范围');
    expect((await t.request(as('supervisor'), { method: 'PUT', url: `/api/ledgers/supervision.activity/${depId}`, payload: { ...depRec.values, title: '县直部门行政执法公示专项监督', version: depRec.version } })).statusCode).toBe(200);
    const depDrawn = await post('supervisor', `/api/supervision/activities/${depId}/draw-units`);
    expect(depDrawn.statusCode, depDrawn.body).toBe(200);
    const depUnits = String(json<{ values: Record<string, unknown> }>(depDrawn).values['units']).split('\n');
    expect(depUnits).toHaveLength(2);
    for (const u of depUnits) expect(['县司法局', '县综合行政执法局', '县人民政府办公室']).toContain(u);
    const depDraw = json<ActivityDrawDetail>(await get('supervisor', `/api/supervision/activities/${depId}/draw`)).draw;
    expect(depDraw?.listText.split('\n').map((l) => l.split('|')[1])).toEqual(['999001000000-01', '999001000000-02', '999001000000-03']);
    expect(depDraw?.verified).toBe(true);
    // more units than the scope holds: refused naming the field, nothing drawn
    const big = await createRecord(t, as('supervisor'), 'supervision.activity', { orgCode: '999001000000-01', title: '县直部门全覆盖监督', mode: '专项监督', planned_on: today, plan: '抽取四个县直部门。', unit_count: 4, draw_scope: '县直部门' });
    const bigId = json<{ id: number }>(big).id;
    expect((await post('supervisor', `/api/supervision/activities/${bigId}/commit`)).statusCode).toBe(200);
    const tooMany = await post('supervisor', `/api/supervision/activities/${bigId}/draw-units`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('随机抽取单位数');
    expect(json<ActivityDrawDetail>(await get('supervisor', `/api/supervision/activities/${bigId}/draw`)).draw).toBeNull();
  });
});

describe('officers’ certificates (主体和人员资格)', () => {
  it('refuses a case step by an officer whose certificate expired, and lists expired and expiring certificates in 到期事项', async () => {
    const town = `${CHENGGUAN}-03`;
    const [ok] = (await listLedger(t, as('clerk'), 'enforcement.inspector', `org=${CHENGGUAN}&f.in_pool=true&pageSize=1`)).items;
    const expired = await createRecord(t, as('clerk'), 'enforcement.inspector', { orgCode: town, name: '过期测试', cert_no: '城关执E001', qualifications: ['城管'], unit: '城关镇综合行政执法队', in_pool: false, cert_valid_from: '2020-01-01', cert_valid_until: daysAgo(10) });
    expect(expired.statusCode, expired.body).toBe(200);
    const expiredId = json<{ id: number }>(expired).id;
    const matter = Number((await listLedger(t, as('clerk'), 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0]?.values['matter']);
    const created = await createRecord(t, as('clerk'), 'enforcement.case', { orgCode: town, case_type: '行政处罚', domain: '城管', matter, source: '日常巡查', registered_on: daysAgo(2), summary: '占道经营', party_kind: '个人', party_name: '证件测试', party_id_number: makeIdNumber('999001', '1980-05-05', 3) });
    expect(created.statusCode, created.body).toBe(200);
    const id = json<{ id: number }>(created).id;
    const file = (officer2: Record<string, unknown>) => post('leader', `/api/ledgers/enforcement.case/${id}/transitions/file`, { filed_on: daysAgo(1), officer1_name: ok?.values['name'], officer1_cert: ok?.values['cert_no'], ...officer2 });
    const refused = await file({ officer2_name: '过期测试', officer2_cert: '城关执E001' });
    expect(refused.statusCode).toBe(422);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(refused).errors.find((e) => e.path === 'officer2_cert')?.message).toContain(`有效期至${daysAgo(10)}`);

    const overdue = json<{ items: Array<{ ledger: string; recordId: number; clockLabel: string; overdue: boolean }> }>(await get('clerk', '/api/deadlines?module=enforcement&status=overdue&pageSize=200'));
    expect(overdue.items).toEqual(expect.arrayContaining([expect.objectContaining({ ledger: 'enforcement.inspector', recordId: expiredId, clockLabel: '执法证件有效期', overdue: true })]));
    // the demo's officer whose certificate runs out in 40 days is listed as due, not overdue
    const open = json<{ items: Array<{ ledger: string; title: string; overdue: boolean; daysLeft: number }> }>(await get('supervisor', '/api/deadlines?module=enforcement&pageSize=200'));
    expect(open.items.filter((i) => i.ledger === 'enforcement.inspector' && !i.overdue).map((i) => i.daysLeft)).toContain(40);

    // renewed: the same step passes
    const renew = json<{ version: number }>(await get('clerk', `/api/ledgers/enforcement.inspector/${expiredId}`));
    const put = await t.request(as('clerk'), { method: 'PUT', url: `/api/ledgers/enforcement.inspector/${expiredId}`, payload: { cert_valid_until: '2030-12-31', version: renew.version } });
    expect(put.statusCode, put.body).toBe(200);
    const filed = await file({ officer2_name: '过期测试', officer2_cert: '城关执E001' });
    expect(filed.statusCode, filed.body).toBe(200);
  });
});

describe('supervisors, contact points, enforcement subjects', () => {
  it('are kept and read by the supervisor alone, with personal data encrypted and the reports counted', async () => {
    const res = await createRecord(t, as('supervisor'), 'supervision.supervisor', { orgCode: '999001000000-01', name: '测试监督员', kind: '特邀行政执法监督员', unit: '县律师协会', appointed_by: '演示县司法局', appointed_on: daysAgo(30), term_to: '2029-03-01', phone: '13800138000', id_number: makeIdNumber('999001', '1970-01-01', 1) });
    expect(res.statusCode, res.body).toBe(200);
    const sup = json<{ id: number; values: Record<string, unknown> }>(res);
    expect(sup.values['phone']).toBe('13800138000');
    const stored = await t.platform.db.selectFrom('supervision_supervisor' as never).select('phone' as never).where('id' as never, '=', sup.id as never).executeTakeFirst();
    expect(String((stored as { phone?: string } | undefined)?.phone)).not.toContain('13800138000');
    for (const u of ['clerk', 'county', 'leader']) {
      expect((await get(u, '/api/ledgers/supervision.supervisor')).statusCode, u).toBe(403);
      expect((await get(u, '/api/ledgers/supervision.contact_point')).statusCode, u).toBe(403);
      expect((await get(u, '/api/ledgers/supervision.subject')).statusCode, u).toBe(403);
    }
    const point = await createRecord(t, as('supervisor'), 'supervision.contact_point', { orgCode: '999001000000-01', name: '测试联系点', kind: '企业', contact_name: '王联络', supervisor: sup.id, set_up_on: daysAgo(20) });
    expect(point.statusCode, point.body).toBe(200);
    const pointId = json<{ id: number }>(point).id;
    for (const n of [1, 2]) {
      const r = await createRecord(t, as('supervisor'), 'supervision.contact_report', { orgCode: '999001000000-01', contact_point: pointId, reported_on: daysAgo(10 - n), summary: `反映问题${n}`, content: '企业反映检查频次过高。' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(json<{ values: Record<string, unknown> }>(await get('supervisor', `/api/ledgers/supervision.contact_point/${pointId}`)).values['reports']).toBe(2);
    const entrusted = await createRecord(t, as('supervisor'), 'supervision.subject', { orgCode: '999001000000-01', name: '测试受委托组织', kind: '受委托组织', basis: '委托书', fields_scope: '农资', confirmed_on: today });
    expect(entrusted.statusCode).toBe(400);
    expect(entrusted.body).toContain('委托机关');
  });
});
