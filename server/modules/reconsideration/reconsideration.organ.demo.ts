import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, DEMO_TOWN_CODES, mobile, personName, rng, townName, village, companyName } from '../../demo/fake.ts';
import { addAttachment } from '../../platform/files/attachment.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { applyTransition } from '../../platform/workflow/workflow.service.ts';
import { workflowPermissions } from '../../platform/workflow/workflow.types.ts';
import { organLedger, type ORGAN_DECISIONS } from './reconsideration.ledgers.ts';

type Decision = (typeof ORGAN_DECISIONS)[number];
/** how one application goes: the procedure and the end it reaches (if its dates have come) */
type Course = { simplified: boolean; end: 'decide' | 'reject' | 'withdrawn'; decision?: Decision; extended?: boolean; act_public?: false };

// the county government is the 复议机关 (行政复议法 art. 24): its cases are held in its name, numbered 演示府复〔年〕号
const OFFICE = DEMO_COUNTY.code;
const COURSES: readonly Course[] = [
  { simplified: false, end: 'decide', decision: '维持' },
  { simplified: true, end: 'decide', decision: '驳回' },
  { simplified: false, end: 'reject' },
  { simplified: false, end: 'decide', decision: '撤销', extended: true },
  { simplified: true, end: 'decide', decision: '维持' },
  { simplified: false, end: 'decide', decision: '确认违法' },
  { simplified: false, end: 'withdrawn' },
  { simplified: false, end: 'decide', decision: '责令履行', act_public: false },
  { simplified: true, end: 'decide', decision: '维持' },
  { simplified: false, end: 'decide', decision: '变更' },
  { simplified: true, end: 'decide', decision: '驳回' },
  { simplified: false, end: 'decide', decision: '维持' },
];

const ACTS = [
  { category: '行政处罚', act: (t: string, year: string, n: number) => `${t}人民政府作出的《行政处罚决定书》（${t.slice(0, 2)}府罚决字〔${year}〕${n}号），对申请人未经批准占用耕地建房罚款`, claim: '请求撤销该行政处罚决定。' },
  { category: '行政强制', act: (t: string) => `${t}人民政府强制拆除申请人养殖棚的行为`, claim: '请求确认该强制拆除行为违法。' },
  { category: '信息公开', act: (t: string) => `${t}人民政府对申请人政府信息公开申请作出的答复`, claim: '请求撤销该答复，责令被申请人重新答复。' },
  { category: '不履行法定职责', act: (t: string) => `${t}人民政府未对申请人举报的违法建设依法处理`, claim: '请求责令被申请人依法履行查处职责。' },
  { category: '征收补偿', act: (t: string) => `${t}人民政府作出的房屋征收补偿决定`, claim: '请求变更补偿金额。' },
  { category: '行政裁决', act: (t: string) => `${t}人民政府作出的林地权属争议处理决定`, claim: '请求撤销该处理决定，确认争议林地使用权归申请人。' },
] as const;

const OPINION: Record<Decision, string> = {
  维持: '经审理，被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当，建议决定维持。',
  驳回: '经审理，申请人的复议请求缺乏事实和法律依据，建议驳回行政复议请求。',
  撤销: '经审理，被申请人作出行政行为时未听取申请人陈述申辩，违反法定程序，建议撤销并责令重新作出。',
  确认违法: '经审理，被申请人未依法催告即实施强制拆除，程序违法，但行为已不具有可撤销内容，建议确认违法。',
  责令履行: '经审理，被申请人收到举报后逾期未依法处理，建议责令被申请人在三十日内依法履行查处职责。',
  变更: '经审理，被申请人确定的补偿金额计算有误，事实清楚、证据充分，建议直接变更补偿金额。',
  确认无效: '经审理，被申请人不具有行政主体资格，建议确认该行政行为无效。',
};

// 行政复议法 2023 arts. 63–69: the article each decision rests on
const ARTICLE: Record<Decision, string> = { 变更: '第六十三条', 撤销: '第六十四条', 确认违法: '第六十五条', 责令履行: '第六十六条', 确认无效: '第六十七条', 维持: '第六十八条', 驳回: '第六十九条' };
const RULING: Record<Decision, string> = {
  变更: '变更被申请人作出的行政行为',
  撤销: '撤销被申请人作出的行政行为，责令被申请人在六十日内重新作出行政行为',
  确认违法: '确认被申请人作出的行政行为违法',
  责令履行: '责令被申请人自收到本决定书之日起三十日内依法履行法定职责',
  确认无效: '确认被申请人作出的行政行为无效',
  维持: '维持被申请人作出的行政行为',
  驳回: '驳回申请人的行政复议请求',
};

const chineseDate = (iso: string): string => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** the text the office puts out (art. 79): written as the signed document reads, the public site masks the names */
function decisionText(v: Record<string, unknown>, decision: Decision, accepted: string): string {
  const applicant = v['applicant_type'] === '自然人' ? `申请人：${String(v['applicant_person'])}，联系电话${String(v['applicant_phone'])}。` : `申请人：${String(v['applicant_org'])}。`;
  return [
    applicant,
    `被申请人：${String(v['respondent'])}。`,
    `申请人不服被申请人${String(v['act'])}，向本机关申请行政复议，本机关于${chineseDate(accepted)}依法受理。${String(v['claim'])}`,
    `本机关认为：${OPINION[decision].split('，建议')[0] ?? ''}。`,
    `根据《中华人民共和国行政复议法》${ARTICLE[decision]}的规定，本机关决定：${RULING[decision]}。`,
    '申请人、第三人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。',
  ].join('\n');
}

// a one-page PDF standing for the signed document the office scans in
const pdf = (title: string): Buffer => Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${encodeURIComponent(title)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

/** a year of applications to the county government against its towns’ acts, taken through the organ’s own steps */
export async function seedOrganDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('reconsideration.organ');
  const today = chinaDate(ctx.now);
  const office: Ctx = { ...ctx, actor: { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, ...workflowPermissions(organLedger).map((p) => p.code)]) } };
  const rows = COURSES.map((c, i) => {
    const town = DEMO_TOWN_CODES[i % DEMO_TOWN_CODES.length] ?? DEMO_TOWN_CODES[0] ?? '';
    const received = addDays(today, -352 + i * 29 + r.int(0, 6));
    const a = ACTS[(i * 5 + 1) % ACTS.length] ?? ACTS[0];
    const person = i % 4 !== 3;
    const values: Record<string, unknown> = {
      received_on: received,
      apply_method: r.pick(['书面申请', '书面申请', '网上申请', '邮寄', '口头申请'] as const),
      applicant_type: person ? '自然人' : '法人或其他组织',
      applicant_person: person ? personName(r) : null,
      applicant_org: person ? null : companyName(r),
      applicant_phone: mobile(r),
      respondent: `${townName(town)}人民政府`,
      act_category: a.category,
      act: a.act(townName(town), String(Number(received.slice(0, 4)) - (received.slice(5, 7) < '03' ? 1 : 0)), r.int(3, 60)),
      claim: `${a.claim}事实与理由：申请人位于${village(r, town)}，对该行为不服。`,
    };
    return { orgCode: OFFICE, values, course: c, received };
  });
  const ids = await seedLedger(ctx, platform, organLedger.name, rows.map(({ orgCode, values }) => ({ orgCode, values })));
  for (const [i, row] of rows.entries()) {
    const id = ids[i];
    if (id === undefined) continue;
    const { course: c, received } = row;
    const step = (name: string, body: Record<string, unknown>): Promise<unknown> => applyTransition(office, platform, organLedger, id, name, body);
    const attach = async (kind: string): Promise<number> => (await addAttachment(office, platform.blobs, { entity: organLedger.name, id, orgCode: OFFICE }, { name: `${kind}.pdf`, bytes: pdf(kind), kind })).id;
    const examined = addDays(received, r.int(1, 3));
    if (examined > today) continue;
    if (c.end === 'reject') {
      await attach('不予受理决定书');
      await step('reject', { date: examined, rejected_on: examined, reject_reason: '申请人自知道该行政行为之日起超过六十日提出申请，且无正当理由，不符合行政复议法第二十条规定的申请期限' });
      continue;
    }
    await step(c.simplified ? 'accept_simplified' : 'accept', { date: examined, accepted_on: examined });
    const limit = c.simplified ? 30 : 60;
    if (c.end === 'withdrawn') {
      const on = addDays(examined, r.int(15, 30));
      if (on <= today) await step('terminate', { date: on, terminated_on: on, termination_reason: '申请人撤回申请', note: '被申请人已主动纠正，申请人书面申请撤回行政复议申请，经审查系真实意思表示，终止审理。' });
      continue;
    }
    const decision = c.decision ?? '维持';
    const proposed = addDays(examined, c.extended ? 52 : r.int(Math.round(limit * 0.4), Math.round(limit * 0.6)));
    if (c.extended && addDays(examined, 50) <= today) {
      const notice = await attach('延期审理通知书');
      await step('extend', { date: addDays(examined, 50), noticeAttachmentId: notice, note: '案件涉及的现场测量和证人询问尚需时间，经行政复议机构负责人批准延长审理期限三十日，已书面告知当事人。' });
    }
    if (proposed > today) continue;
    await step('propose', { date: proposed, review_opinion: OPINION[decision], proposed_kind: decision });
    const decided = addDays(proposed, c.extended ? r.int(15, 25) : r.int(3, 8));
    if (decided > today) continue;
    await attach('行政复议决定书');
    await step('decide', { date: decided, decided_on: decided, decision_kind: decision, note: '同意审理意见。' });
    // art. 79: published within days of the decision, save one whose act reviewed was never made public
    const out = addDays(decided, r.int(3, 10));
    if (out > today) continue;
    if (c.act_public === false) await step('publish', { date: out, publication: '不予公开', nonpublication_reason: '被申请行政复议的行政行为未向社会公开，决定书涉及申请人个人隐私' });
    else await step('publish', { date: out, publication: '公开', published_on: out, public_text: decisionText(row.values, decision, examined) });
  }
}
