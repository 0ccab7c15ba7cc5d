import { addDays, companyName, dateBetween, demoWindow, mobile, personName, rng, village, windowYears, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { HOTLINE_KINDS, HOTLINE_REPORT_KINDS, HOTLINE_SHORT_KINDS } from './hotline.ledger.ts';
import { topicsOf, type Topic, type TopicSet } from './petitions.demo.ts';

/** an office the hotline platform dispatches tickets to, and how many it takes in a year */
interface Plan {
  town: string;
  /** the ticket numbers the platform gives this office's tickets start with */
  prefix: string;
  /** the desk that signs for the tickets: mostly the petition office, some the general office */
  orgs: readonly string[];
  perYear: number;
  topics: TopicSet;
}

// 12345 is most of a town's complaint volume ("12345热线904宗" against "来信来访70宗", see petitions.demo.ts); the
// county's enforcement bureau takes the city-wide street-management calls, its justice bureau a few legal questions
const PLANS: readonly Plan[] = [
  { town: '999001001000', prefix: 'CG', orgs: ['999001001000-04', '999001001000-04', '999001001000-01'], perYear: 904, topics: 'town' },
  { town: '999001002000', prefix: 'QX', orgs: ['999001002000-04', '999001002000-04', '999001002000-01'], perYear: 512, topics: 'town' },
  { town: '999001003000', prefix: 'SQ', orgs: ['999001003000-04', '999001003000-01'], perYear: 286, topics: 'town' },
  { town: '999001000000', prefix: 'ZF', orgs: ['999001000000-02'], perYear: 418, topics: 'enforcement' },
  { town: '999001000000', prefix: 'SF', orgs: ['999001000000-01'], perYear: 36, topics: 'justice' },
];

const COUNTY = '999001000000';
const TOWNS = [['城关镇', '999001001000'], ['清溪镇', '999001002000'], ['石桥乡', '999001003000']] as const;
const CALLER = ['女士', '先生'];

const TOWN_RETURNS = [
  '诉求涉及县城区市政道路养护，属县住房和城乡建设局职责，不属本镇办理范围，申请退回热线平台重新派单',
  '问题发生地不在本镇辖区，申请退回热线平台改派属地乡镇',
  '诉求涉及医保报销政策，属县医疗保障局职责，申请退回热线平台重新派单',
];
const COUNTY_RETURNS = ['问题发生在村组道路，属乡镇属地管理事项，申请退回热线平台改派属地乡镇', '诉求涉及商品房交付纠纷，属县住房和城乡建设局职责，申请退回热线平台重新派单'];
const EXTENSION_REASONS = ['涉及多个部门协调，需现场会商后处理', '需等待供电、供水单位排期施工', '需委托第三方检测后才能答复', '当事人外出务工，需待其返乡后调查核实'];
const REDONE = ['督促责任方限期整改到位', '协调相关单位共同处理，问题已进一步解决', '与来电人当面沟通处理方案，问题已处理完毕'];
const REDO_REASONS = ['来电人对处理结果不满意，要求再次核查', '来电人反映问题仍未解决，要求重新办理', '来电人认为答复未回应其主要诉求'];

// how a caller rates an answer depends on what it gave them; 12345 回访 rates run above nine in ten
const SATISFIED: ReadonlyArray<readonly [string, number]> = [['满意', 82], ['基本满意', 15], ['不满意', 3]];
const EXPLAINED: ReadonlyArray<readonly [string, number]> = [['满意', 64], ['基本满意', 29], ['不满意', 7]];
const REFUSED: ReadonlyArray<readonly [string, number]> = [['满意', 25], ['基本满意', 47], ['不满意', 28]];

type Row = { orgCode: string; values: Record<string, unknown> };

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const MISROUTED = ['问题发生地不在本镇辖区，申请退回改派属地乡镇', '诉求涉及县直部门职责，不属本单位办理范围，申请退回改派', '工单地址有误，经电话核实问题发生在邻近乡镇，申请退回改派'];

/**
 * about one ticket in thirty is 紧急 (a gas smell, a burst main, a person missing): dispatched with its time, signed
 * within the hour (a few later), answered within 24 hours; no extension. About one in seventy was first sent to the
 * wrong unit, returned and re-dispatched the same day
 * (a ticket waiting for re-dispatch is made through the steps, whose clock events the seed does not write).
 */
function urgencyAndRedispatch(u: Rng, row: Row, to: string): void {
  const v = row.values;
  const received = String(v['received_on']);
  const called = minutesOf(String(v['called_at']).slice(11, 16));
  if (u.chance(0.033) && !v['returned_on']) {
    const rt = Math.min(called + u.int(3, 15), 21 * 60);
    Object.assign(v, { urgency: '紧急', received_time: hhmm(rt) });
    for (const k of ['extension_approved_on', 'extension_reason', 'extension_approver']) delete v[k];
    const signedAt = Math.min(rt + (u.chance(0.9) ? u.int(8, 50) : u.int(70, 120)), 23 * 60 + 50);
    if (v['signed_on']) Object.assign(v, { signed_on: received, signed_time: hhmm(signedAt) });
    if (v['reply_on']) {
      const next = addDays(received, 1);
      if (next <= to) Object.assign(v, { reply_on: next, reply_time: hhmm(Math.max(30, rt - u.int(60, 360))) });
      else Object.assign(v, { reply_on: received, reply_time: hhmm(Math.min(signedAt + 60, 23 * 60 + 55)) });
    }
    return;
  }
  if (row.orgCode.startsWith(COUNTY) || v['returned_on'] || !u.chance(0.014)) return;
  const bt = Math.min(called + u.int(20, 90), 22 * 60);
  Object.assign(v, { bounced_on: received, bounce_time: hhmm(bt), bounce_reason: u.pick(MISROUTED) });
  Object.assign(v, { redispatched_on: received, redispatched_time: hhmm(Math.min(bt + u.int(15, 60), 23 * 60)), redispatch_note: '经核实改派至属地单位办理' });
}

/** one ticket from its dispatch to wherever its dates have brought it by `to` */
function makeTicket(r: Rng, plan: Plan, topic: Topic, received: string, to: string, approver: string): Row {
  const orgCode = r.pick(plan.orgs);
  let place: string;
  if (plan.town === COUNTY) {
    const [town, code] = r.pick(TOWNS);
    place = `${town}${village(r, code)}`;
  } else place = village(r, plan.town);
  const name = personName(r);
  const t = topic.text({ r, place, name, company: companyName(r) });
  // the topic texts serve letters and visits too: on the phone everyone is the caller
  const v: Record<string, unknown> = {
    called_at: `${received} ${String(r.int(8, 20)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
    received_on: received,
    request_kind: topic.kind,
    summary: t.summary,
    content: t.content.replace(/来信人|反映人/g, '来电人'),
    location: place,
    caller_name: r.chance(0.4) ? `${name.slice(0, 1)}${r.pick(CALLER)}` : name,
    caller_phone: mobile(r),
  };
  // a ticket not the office's business goes back to the platform the day it arrives or the next
  if (r.chance(0.025)) {
    const on = addDays(received, r.int(0, 1));
    if (on <= to) {
      Object.assign(v, { returned_on: on, return_reason: r.pick(plan.town === COUNTY ? COUNTY_RETURNS : TOWN_RETURNS) });
      return { orgCode, values: v };
    }
  }
  // signed for within the working day, a few the day after or later
  const signed = addDays(received, r.weighted([[0, 72], [1, 25], [2, 3]] as const));
  if (signed > to || (received === to && r.chance(0.6))) return { orgCode, values: v };
  Object.assign(v, { signed_on: signed, handling_unit: topic.unit, handler: personName(r) });

  // 咨询/求助 within 5 working days (about a calendar week), the others within 15 (about three weeks)
  const short = HOTLINE_SHORT_KINDS.includes(topic.kind);
  const limit = short ? 7 : 21;
  // one in twenty-five is extended by the leader well inside the limit
  const extendOn = addDays(received, short ? r.int(2, 3) : r.int(6, 12));
  const extended = r.chance(0.04) && extendOn <= to;
  if (extended) Object.assign(v, { extension_approved_on: extendOn > signed ? extendOn : signed, extension_reason: r.pick(EXTENSION_REASONS), extension_approver: approver });
  // a few recent tickets lie unanswered past their limit
  if (addDays(received, 45) >= to && r.chance(0.04)) return { orgCode, values: v };
  const pace = r.weighted([['prompt', 87], ['last days', 10], ['late', 3]] as const);
  const days = extended ? limit + r.int(1, 6) : pace === 'prompt' ? r.int(1, limit - 2) : pace === 'last days' ? r.int(limit - 1, limit) : r.int(limit + 1, limit + 8);
  const answered = addDays(received, days);
  const reply = answered > signed ? answered : signed;
  if (reply > to) return { orgCode, values: v };
  const outcome = r.weighted(topic.results);
  Object.assign(v, { handling_result: t.result.replace(/信访人/g, '来电人'), reply_on: reply });

  // the platform calls back within a few days
  const visited = addDays(reply, r.int(1, 3));
  if (visited > to) return { orgCode, values: v };
  const satisfaction = r.weighted(outcome === '予以支持' ? SATISFIED : outcome === '不予支持' ? REFUSED : EXPLAINED);
  Object.assign(v, { visited_on: visited, satisfaction });
  if (satisfaction !== '不满意') return { orgCode, values: v };
  // 不满意: handled once more, answered and called back again
  const redo = addDays(visited, r.int(1, 2));
  if (redo > to) return { orgCode, values: v };
  Object.assign(v, { redo_on: redo, redo_reason: r.pick(REDO_REASONS) });
  const redoReply = addDays(redo, r.int(2, 6));
  if (redoReply > to) return { orgCode, values: v };
  const redone = topic.kind === '咨询' || topic.kind === '建议' ? '再次与来电人电话沟通，详细解释有关政策规定和办理流程，来电人表示理解。' : `承办单位再次到现场核查，${r.pick(REDONE)}。`;
  Object.assign(v, { redo_result: redone, redo_reply_on: redoReply });
  const revisited = addDays(redoReply, r.int(1, 2));
  if (revisited > to) return { orgCode, values: v };
  Object.assign(v, { revisited_on: revisited, final_satisfaction: r.weighted([['满意', 30], ['基本满意', 50], ['不满意', 20]] as const) });
  return { orgCode, values: v };
}

const REFERRED = ['已移送县市场监督管理局依法处理', '已移送县生态环境分局依法处理', '已移送县自然资源局依法处理'];
/**
 * what the check of an answered 投诉/举报 found and what became of it: mostly no violation or handed to the bureau
 * responsible; a few tickets (entered before the 立案处理 was asked) say nothing of a case though the complaint was
 * true — the 有案不立 clues the county's supervision follows up
 */
function findingAndCase(f: Rng, row: Row): void {
  const v = row.values;
  if (!HOTLINE_REPORT_KINDS.includes(String(v['request_kind'])) || !v['reply_on']) return;
  const finding = f.weighted([['属实', 40], ['部分属实', 20], ['不属实', 28], ['无法核实', 12]] as const);
  v['finding'] = finding;
  if (finding !== '属实' && finding !== '部分属实') return;
  const decision = f.weighted([['不涉及违法行为', 58], ['移送有权机关', 24], ['不予立案', 12], ['', 6]] as const);
  if (decision === '') return;
  v['case_decision'] = decision;
  if (decision === '移送有权机关') v['no_case_reason'] = f.pick(REFERRED);
  if (decision === '不予立案') v['no_case_reason'] = f.pick(['违法行为轻微并及时改正，没有造成危害后果（首违不罚）', '经核查已当场责令改正，当事人已整改到位，不予行政处罚']);
}

/**
 * two years of 12345 tickets for each town and the two county bureaus that take them, at the volumes a town's 12345
 * figures show: most answered and called back, a few returned, extended, late, redone, and the newest still open
 */
export async function seedHotlineDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('petitions.hotline');
  // a stream of its own, so the tickets' other values stay as they were
  const u = rng('petitions.hotline.urgency');
  const f = rng('petitions.hotline.finding');
  const period = demoWindow(ctx.now);
  const rows: Row[] = [];
  for (const plan of PLANS) {
    // only the 诉求类型 a ticket has (咨询、求助、投诉、举报、建议)
    const topics = topicsOf(plan.topics)
      .filter((t) => t.hotline > 0 && (HOTLINE_KINDS as readonly string[]).includes(t.kind))
      .map((t) => [t, t.hotline] as const);
    const approver = personName(r);
    for (const { start, end, share } of windowYears(period)) {
      const dates = Array.from({ length: Math.round(plan.perYear * share) }, () => dateBetween(r, start, end)).sort();
      let seq = 0;
      for (const received of dates) {
        const row = makeTicket(r, plan, r.weighted(topics), received, period.to, approver);
        row.values['ticket_no'] = `${plan.prefix}${received.replace(/-/g, '')}${String(++seq).padStart(4, '0')}`;
        urgencyAndRedispatch(u, row, period.to);
        findingAndCase(f, row);
        rows.push(row);
      }
    }
  }
  await seedLedger(ctx, platform, 'petitions.hotline', rows);
}
