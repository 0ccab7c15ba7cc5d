import { addDays, mobile, personName, rng, village } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

type Kind = '咨询' | '求助' | '投诉' | '举报' | '建议';

/** one ticket as the hotline platform words it, and how the town answered */
interface Template {
  kind: Kind;
  unit: string;
  summary: (place: string) => string;
  content: (place: string) => string;
  result: string;
}

const TEMPLATES: readonly Template[] = [
  { kind: '求助', unit: '规划建设办', summary: (p) => `${p}道路破损坑洼`, content: (p) => `来电人反映${p}主路有多处坑洼，下雨后积水，电动车经过容易摔倒，希望尽快修补。`, result: '规划建设办现场查看后安排施工队对破损路面进行了修补，已电话告知来电人。' },
  { kind: '投诉', unit: '综合行政执法队', summary: (p) => `${p}烧烤店夜间噪音扰民`, content: (p) => `来电人反映${p}一家烧烤店每天营业到凌晨，顾客喧哗，影响周边居民休息，要求处理。`, result: '执法队员夜间到现场核查属实，责令店主22时后停止室外经营并控制音量，后续纳入夜间巡查。' },
  { kind: '投诉', unit: '综合行政执法队', summary: (p) => `${p}流动摊贩占道经营`, content: (p) => `来电人反映${p}农贸市场门口早晚有流动摊贩占道经营，堵塞通道，存在安全隐患。`, result: '执法队员劝导摊贩进入市场内指定区域经营，清理占道物品，并将该路段列入早晚巡查。' },
  { kind: '求助', unit: '规划建设办', summary: (p) => `${p}路灯不亮`, content: (p) => `来电人反映${p}村道路灯已坏半个月，晚上出行不便，老人孩子走夜路不安全。`, result: '联系供电所和路灯维护单位更换了损坏的灯具，路灯已恢复照明。' },
  { kind: '咨询', unit: '社会事务办', summary: () => '咨询城乡居民医保缴费时间', content: () => '来电人咨询本年度城乡居民基本医疗保险的缴费时间、标准和缴费渠道。', result: '已电话答复来电人缴费时间、个人缴费标准，可通过税务APP或村委会代收点缴纳。' },
  { kind: '咨询', unit: '劳动保障所', summary: () => '咨询灵活就业人员养老保险参保', content: () => '来电人咨询灵活就业人员如何参加城镇职工养老保险，需要准备哪些材料。', result: '已电话告知参保条件、所需材料和办理地点，来电人表示清楚。' },
  { kind: '举报', unit: '市场监管所', summary: (p) => `举报${p}小超市销售过期食品`, content: (p) => `来电人举报${p}一家小超市货架上有过期的牛奶和面包仍在销售。`, result: '市场监管所执法人员现场检查，查获过期食品若干，已依法下架并立案调查，结果已告知来电人。' },
  { kind: '投诉', unit: '生态环境办', summary: (p) => `${p}养殖场异味扰民`, content: (p) => `来电人反映${p}一家生猪养殖场粪污处理不当，气味很大，夏天影响周边居民开窗。`, result: '会同生态环境分局现场检查，督促养殖场清运粪污、完善沼气池并加强日常管理。' },
  { kind: '建议', unit: '规划建设办', summary: (p) => `建议在${p}增设公交站台`, content: (p) => `来电人建议在${p}路口增设公交候车亭，方便村民乘车。`, result: '已将建议转县交通运输局研究，答复来电人将结合线路调整统筹考虑。' },
  { kind: '求助', unit: '社会事务办', summary: () => '独居老人申请临时救助', content: (p) => `来电人反映${p}一位独居老人生病住院，生活困难，希望给予帮助。`, result: '社会事务办入户核实后按程序给予临时救助，并联系村委会安排网格员定期探访。' },
  { kind: '投诉', unit: '综合行政执法队', summary: (p) => `${p}建筑工地夜间施工`, content: (p) => `来电人反映${p}附近工地晚上11点后仍在浇筑混凝土，噪音很大。`, result: '执法队员到场核查，施工单位未办理夜间施工许可，已责令停止夜间作业。' },
  { kind: '求助', unit: '村（居）委会', summary: (p) => `${p}排水沟堵塞积水`, content: (p) => `来电人反映${p}排水沟被垃圾堵塞，下雨后积水漫到路面。`, result: '村委会组织人员清理了排水沟淤积垃圾，积水已排除。' },
];

interface Plan {
  town: string;
  org: string;
  prefix: string;
  count: number;
}

const PLANS: readonly Plan[] = [
  { town: '999001001000', org: '999001001000-04', prefix: 'CG', count: 36 },
  { town: '999001002000', org: '999001002000-04', prefix: 'QX', count: 24 },
];

const RETURN_REASON = '诉求涉及县城区市政道路养护，属县住房和城乡建设局职责，不属本镇办理范围，申请退回热线平台重新派单';

/** about sixty hotline tickets over the last two years in 城关镇 and 清溪镇: answered, a few overdue, extended and one returned */
export async function seedHotlineDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('petitions.hotline');
  const today = chinaDate(ctx.now);
  const rows: Array<{ orgCode: string; values: Record<string, unknown> }> = [];
  let returned = false;
  for (const plan of PLANS) {
    for (let i = 0; i < plan.count; i++) {
      // spread over two years, newest last; the newest two of each town arrived this week and are still open
      const last = i === plan.count - 1;
      const open = last || i === plan.count - 2;
      // the one before them was answered yesterday and waits for its 回访
      const awaiting = i === plan.count - 3;
      const received = last ? addDays(today, -1) : open ? addDays(today, -3) : awaiting ? addDays(today, -6) : addDays(today, -Math.round(((plan.count - i) * 720) / plan.count) + r.int(0, 5));
      const tpl = r.pick(TEMPLATES);
      const place = village(r, plan.town);
      const short = tpl.kind === '咨询' || tpl.kind === '求助';
      const v: Record<string, unknown> = {
        ticket_no: `${plan.prefix}${received.replace(/-/g, '')}${String(r.int(1000, 9999))}`,
        called_at: `${received} ${String(r.int(8, 20)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
        received_on: received,
        request_kind: tpl.kind,
        summary: tpl.summary(place),
        content: tpl.content(place),
        location: place,
        caller_name: personName(r),
        caller_phone: mobile(r),
      };
      // one ticket of 城关镇 belongs to the county: returned on the day it arrived
      if (!returned && plan.prefix === 'CG' && i === 4) {
        returned = true;
        Object.assign(v, { returned_on: received, return_reason: RETURN_REASON });
        rows.push({ orgCode: plan.org, values: v });
        continue;
      }
      if (last) {
        rows.push({ orgCode: plan.org, values: v });
        continue;
      }
      Object.assign(v, { signed_on: addDays(received, r.int(0, 1)), handling_unit: tpl.unit, handler: personName(r) });
      const limit = short ? 7 : 21;
      // every fifth ticket is extended by the leader before its limit; the newest are still being handled
      const extended = i % 5 === 2;
      if (extended && addDays(received, limit - 3) <= today) Object.assign(v, { extension_approved_on: addDays(received, limit - 3), extension_reason: '涉及多个部门协调，需现场会商后处理', extension_approver: personName(r) });
      if (open) {
        rows.push({ orgCode: plan.org, values: v });
        continue;
      }
      // two tickets of each town ran past their limit unanswered (overdue)
      if (i === plan.count - 4 || i === plan.count - 7) {
        rows.push({ orgCode: plan.org, values: v });
        continue;
      }
      const reply = awaiting ? addDays(today, -1) : addDays(received, extended ? limit + r.int(2, 5) : r.int(1, limit - 1));
      if (reply > today) {
        rows.push({ orgCode: plan.org, values: v });
        continue;
      }
      Object.assign(v, { handling_result: tpl.result, reply_on: reply });
      const visit = addDays(reply, r.int(1, 3));
      if (!awaiting && visit <= today) {
        const satisfaction = r.weighted([['满意', 70], ['基本满意', 22], ['不满意', 8]] as const);
        Object.assign(v, { visited_on: visit, satisfaction });
        if (satisfaction === '不满意' && addDays(visit, 10) <= today) {
          Object.assign(v, { redo_on: addDays(visit, 1), redo_reason: '来电人对处理结果不满意，要求再次核查', redo_result: `再次到现场核查后进一步整改。${tpl.result}`, redo_reply_on: addDays(visit, 6), revisited_on: addDays(visit, 8), final_satisfaction: '基本满意' });
        }
      }
      rows.push({ orgCode: plan.org, values: v });
    }
  }
  await seedLedger(ctx, platform, 'petitions.hotline', rows);
}
