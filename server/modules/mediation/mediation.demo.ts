import { addDays, amountBetween, companyName, dateBetween, daysBetween, demoWindow, DEMO_TOWN_CODES, idNumber, minDate, mobile, officeOf, personName, rng, townName, uscc, village, TOWN_VILLAGES, windowYears, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { DISPUTE_TYPES } from './mediation.ledgers.ts';

// towns differ in size: the county seat has the most disputes
const CASES_PER_YEAR: Record<string, number> = { '999001001000': 168, '999001002000': 112, '999001003000': 86 };

const TYPE_WEIGHTS: ReadonlyArray<readonly [(typeof DISPUTE_TYPES)[number], number]> = [
  ['邻里纠纷', 20], ['婚姻家庭纠纷', 15], ['房屋宅基地纠纷', 12], ['劳动争议', 13], ['合同纠纷', 10], ['损害赔偿纠纷', 8], ['山林土地纠纷', 6],
  ['道路交通事故纠纷', 5], ['征地拆迁纠纷', 3], ['物业纠纷', 3], ['消费纠纷', 2], ['医疗纠纷', 1], ['环境污染纠纷', 1], ['其他纠纷', 2],
];

interface Story {
  summary: string;
  description: string;
  amount: number | null;
  parties: number;
}

function story(r: Rng, type: string, applicant: string, respondent: string, place: string): Story {
  switch (type) {
    case '劳动争议': {
      const n = r.int(1, 12);
      const amount = amountBetween(r, 0.3, 3) * n;
      return { summary: `${applicant}等${n}人追索劳动报酬`, description: `${applicant}等${n}名工人在${respondent}务工，因${respondent}拖欠工资共计${amount.toFixed(2)}万元，多次催讨未果，发生劳动争议，申请调解。`, amount: Math.round(amount * 100) / 100, parties: n + 1 };
    }
    case '合同纠纷': {
      const amount = amountBetween(r, 0.5, 60);
      return { summary: `${applicant}与${respondent}${r.pick(['买卖', '承揽', '租赁', '借款'])}合同纠纷`, description: `${applicant}与${respondent}因合同履行发生争议，涉及货款（租金）${amount}万元，双方对违约责任认识不一。`, amount, parties: 2 };
    }
    case '损害赔偿纠纷': {
      const amount = amountBetween(r, 0.2, 8);
      return { summary: `${applicant}与${respondent}人身（财产）损害赔偿纠纷`, description: `${place}${applicant}因${r.pick(['饲养的家禽损毁庄稼', '施工致房屋开裂', '口角引发推搡受伤', '高空坠物砸坏车辆'])}，要求${respondent}赔偿损失${amount}万元。`, amount, parties: 2 };
    }
    case '道路交通事故纠纷': {
      const amount = amountBetween(r, 0.5, 25);
      return { summary: `${applicant}与${respondent}道路交通事故赔偿纠纷`, description: `${applicant}在${place}路段与${respondent}驾驶的车辆发生碰撞，交警认定${respondent}负主要责任，双方就医疗费、误工费等赔偿${amount}万元发生争议。`, amount, parties: 2 };
    }
    case '婚姻家庭纠纷':
      return { summary: `${applicant}与${respondent}${r.pick(['赡养', '抚养', '婚姻', '家庭财产分割', '继承'])}纠纷`, description: `${place}${applicant}与${respondent}系${r.pick(['母子', '夫妻', '兄弟', '婆媳', '父女'])}关系，因${r.pick(['老人赡养费分担', '子女抚养', '家庭琐事', '老宅继承', '分家析产'])}问题产生矛盾，多次争吵。`, amount: r.chance(0.4) ? amountBetween(r, 0.5, 20) : null, parties: 2 };
    case '房屋宅基地纠纷':
      return { summary: `${applicant}与${respondent}宅基地界址纠纷`, description: `${place}${applicant}与邻居${respondent}因${r.pick(['新建房屋占用通道', '宅基地界址不清', '滴水檐越界', '围墙修建'])}发生争执，影响邻里关系。`, amount: null, parties: 2 };
    case '山林土地纠纷':
      return { summary: `${applicant}与${respondent}土地承包经营权纠纷`, description: `${place}${applicant}与${respondent}因${r.pick(['承包地边界', '山林权属', '流转土地租金', '灌溉水渠使用'])}发生争议。`, amount: r.chance(0.5) ? amountBetween(r, 0.2, 5) : null, parties: 2 };
    case '征地拆迁纠纷':
      return { summary: `${applicant}征地补偿款分配纠纷`, description: `${place}${applicant}与${respondent}因征地补偿款分配比例发生争议，涉及补偿款${amountBetween(r, 2, 40)}万元。`, amount: amountBetween(r, 2, 40), parties: 2 };
    case '物业纠纷':
      return { summary: `${applicant}与${respondent}物业服务纠纷`, description: `${place}业主${applicant}因${r.pick(['车位管理', '漏水维修', '物业费收取'])}与${respondent}发生纠纷。`, amount: amountBetween(r, 0.1, 2), parties: 2 };
    case '消费纠纷':
      return { summary: `${applicant}与${respondent}消费纠纷`, description: `${applicant}在${respondent}购买商品后发现质量问题，要求退换并赔偿。`, amount: amountBetween(r, 0.05, 3), parties: 2 };
    case '医疗纠纷':
      return { summary: `${applicant}与${respondent}医疗损害纠纷`, description: `${applicant}在${respondent}就诊后认为存在过错，要求赔偿医疗费等。`, amount: amountBetween(r, 1, 30), parties: 2 };
    case '环境污染纠纷':
      return { summary: `${applicant}与${respondent}噪声（粉尘）污染纠纷`, description: `${place}村民${applicant}反映${respondent}生产噪声、粉尘影响生活，要求整改并补偿。`, amount: r.chance(0.5) ? amountBetween(r, 0.5, 10) : null, parties: 2 };
    default:
      return { summary: `${applicant}与${respondent}${r.pick(['相邻通行', '债务', '琐事'])}纠纷`, description: `${place}${applicant}与${respondent}因${r.pick(['通行道路', '生活琐事', '借款归还'])}发生矛盾。`, amount: r.chance(0.3) ? amountBetween(r, 0.1, 5) : null, parties: 2 };
  }
}

// who sends a dispute to the town's committee, by source
const SOURCE_ORGS: Record<string, (town: string) => string> = {
  综治中心移交: (town) => `${town}综治中心`,
  信访部门转交: (town) => `${town}信访办`,
  '人民法院委派（委托）': (town) => `${town.replace(/镇$|乡$|街道$/, '')}人民法庭`,
  公安机关移交: (town) => `${town.replace(/镇$|乡$|街道$/, '')}派出所`,
};

/** the terms the parties agreed, one to a line, with how and by when they are performed (人民调解法第二十九条) */
function terms(r: Rng, type: string, applicant: string, respondent: string, amount: number | null, on: string): string {
  const by = addDays(on, r.pick([7, 15, 30]));
  const pay = amount !== null ? `一、${respondent}于${by}前一次性支付${applicant}${amount.toFixed(2)}万元，以银行转账方式支付。` : null;
  const lines: string[] = [];
  switch (type) {
    case '房屋宅基地纠纷':
      lines.push(`一、双方以村委会现场测量确定的界址为准，${respondent}于${by}前拆除越界部分。`, '二、今后双方建房、修缮不得超出上述界址。');
      break;
    case '婚姻家庭纠纷':
      lines.push(pay ?? `一、${respondent}自本协议生效之月起按月承担赡养（抚养）费用，每月底前支付。`, '二、双方相互尊重，不再因此事发生争吵。');
      break;
    case '邻里纠纷':
      lines.push(pay ?? `一、${respondent}于${by}前清理堆放在公共通道上的杂物，保持通行顺畅。`, '二、双方互谅互让，和睦相处。');
      break;
    default:
      lines.push(pay ?? `一、${respondent}于${by}前按双方商定的方案整改到位。`, '二、双方就本纠纷再无其他争议。');
  }
  lines.push('三、本协议履行完毕后，双方不得就同一事实再提出其他要求。');
  return lines.join('\n');
}

/** a year and a bit of mediation work in each demo town: committees, mediators, and hundreds of cases */
export async function seedMediationDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('mediation');
  const period = demoWindow(ctx.now);
  const { to } = period;
  for (const town of DEMO_TOWN_CODES) {
    const name = townName(town);
    // 城关镇 → 城关: case and agreement numbers carry the short name
    const short = name.slice(0, -1);
    const justice = officeOf(town, 'justice');
    const villages = TOWN_VILLAGES[town] ?? [];
    const committees = [
      { name: `${name}人民调解委员会`, kind: '乡镇（街道）人民调解委员会' },
      ...villages.map((v) => ({ name: `${v}人民调解委员会`, kind: '村（居）人民调解委员会' })),
      ...(town === '999001001000' ? [{ name: '城关镇商会人民调解委员会', kind: '行业性专业性人民调解委员会' }] : []),
    ];
    const committeeIds = await seedLedger(ctx, platform, 'mediation.committee', committees.map((c, i) => ({
      orgCode: i === 0 ? justice : town,
      values: { name: c.name, kind: c.kind, director: personName(r), phone: i === 0 ? `0571-8${r.int(1000000, 9999999)}` : mobile(r), address: i === 0 ? `${short}司法所` : `${c.name.replace('人民调解委员会', '')}村委会`, established_on: dateBetween(r, '2011-01-01', '2019-12-31') },
    })));
    const mediators: Array<{ orgCode: string; values: Record<string, unknown> }> = [];
    const mediatorCommittee: number[] = [];
    committeeIds.forEach((cid, i) => {
      // 人民调解法 art. 9: a committee of three to nine members (主任, 副主任, 委员), besides the mediators it hires
      const n = i === 0 ? r.int(6, 9) : r.int(4, 6);
      for (let k = 0; k < n; k++) {
        mediatorCommittee.push(cid);
        mediators.push({
          orgCode: i === 0 ? justice : town,
          values: { name: personName(r), gender: r.chance(0.62) ? '男' : '女', committee_id: cid, position: k === 0 ? '主任' : k === 1 ? '副主任' : k === 2 ? '委员' : r.pick(['委员', '调解员']), kind: i === 0 && k < 3 ? '专职' : '兼职', id_number: idNumber(r), phone: mobile(r), education: r.pick(['高中（中专）', '大专', '本科', '本科', '初中及以下']), certified: r.chance(0.7), training_hours: r.int(8, 40), active: k < 3 || r.chance(0.94) },
        });
      }
    });
    const mediatorIds = await seedLedger(ctx, platform, 'mediation.mediator', mediators);
    const cases: Array<{ orgCode: string; values: Record<string, unknown> }> = [];
    for (const { year, start, end, share } of windowYears(period)) {
      const n = Math.round((CASES_PER_YEAR[town] ?? 100) * share);
      const received = Array.from({ length: n }, () => dateBetween(r, start, end)).sort();
      received.forEach((day, seq) => {
        const type = r.weighted(TYPE_WEIGHTS);
        const place = village(r, town);
        const applicant = personName(r);
        const company = ['劳动争议', '物业纠纷', '消费纠纷', '医疗纠纷', '环境污染纠纷'].includes(type) || (type === '合同纠纷' && r.chance(0.6));
        const respondent = company ? companyName(r) : personName(r);
        const s = story(r, type, applicant, respondent, place);
        const m = r.int(0, mediatorIds.length - 1);
        const age = daysBetween(day, to);
        const outcome = age < 20 && r.chance(0.7) ? '正在调解' : r.weighted([['调解成功', 93], ['调解不成', 5], ['终止调解', 2]] as const);
        const closed = outcome === '正在调解' ? null : minDate(addDays(day, r.weighted([[r.int(1, 7), 50], [r.int(8, 25), 42], [r.int(26, 45), 8]] as const)), to);
        const written = outcome === '调解成功' && (s.amount !== null || r.chance(0.55));
        const source = r.weighted([['排查', 42], ['当事人申请', 38], ['综治中心移交', 6], ['信访部门转交', 5], ['人民法院委派（委托）', 3], ['公安机关移交', 3], ['依职权主动调解', 3]] as const);
        const sourceOrg = SOURCE_ORGS[source]?.(name) ?? null;
        const agreedAmount = outcome === '调解成功' && s.amount !== null ? Math.round(s.amount * (0.6 + r.next() * 0.4) * 100) / 100 : null;
        // the parties of a money agreement sometimes want it confirmed by the court (人民调解法第三十三条)
        const confirm = outcome === '调解成功' && s.amount !== null && r.chance(0.15);
        const confirmedOn = confirm && closed && daysBetween(closed, to) > 10 ? minDate(addDays(closed, r.int(2, 20)), to) : null;
        // the follow-up visit comes a week or two after the agreement; the latest agreements still wait for it
        const visitedOn = outcome === '调解成功' && closed && daysBetween(closed, to) > 14 ? minDate(addDays(closed, r.int(5, 14)), to) : null;
        const performed = visitedOn ? r.chance(0.92) : null;
        cases.push({
          orgCode: r.chance(0.8) ? justice : town,
          values: {
            case_no: `（${year}）${short}调字第${String(seq + 1).padStart(3, '0')}号`,
            received_on: day,
            source,
            source_org: sourceOrg,
            source_ref: sourceOrg ? `${source === '信访部门转交' ? '信' : source === '人民法院委派（委托）' ? '诉前调' : '事'}${year}${String(r.int(1, 999)).padStart(4, '0')}` : null,
            dispute_type: type,
            summary: s.summary,
            description: s.description,
            location: place,
            applicant_name: applicant,
            applicant_id: idNumber(r),
            applicant_phone: mobile(r),
            respondent_name: respondent,
            respondent_id: company ? uscc(r) : idNumber(r),
            parties_count: s.parties,
            amount: s.amount,
            committee_id: mediatorCommittee[m],
            mediator_id: mediatorIds[m],
            outcome,
            agreement_type: outcome === '调解成功' ? (written ? '书面协议' : '口头协议') : null,
            agreement_no: written ? `${short}调协字〔${year}〕${String(seq + 1).padStart(3, '0')}号` : null,
            agreement_effective_on: outcome === '调解成功' ? closed : null,
            agreement_content: outcome === '调解成功' ? terms(r, type, applicant, respondent, agreedAmount, closed ?? day) : null,
            agreement_amount: agreedAmount,
            judicial_confirmation: outcome === '调解成功' ? confirm : null,
            confirmation_applied_on: confirmedOn,
            confirmation_court: confirmedOn ? `${name.replace(/镇$|乡$|街道$/, '')}人民法庭` : null,
            referral: outcome === '调解不成' ? r.pick(['引导诉讼', '引导仲裁', '转行政处理']) : outcome === '终止调解' ? '当事人放弃' : null,
            referral_note: outcome === '调解不成' ? '已告知当事人可依法申请仲裁或者向人民法院起诉' : null,
            termination_reason: outcome === '终止调解' ? r.pick(['当事人一方明确拒绝调解', '当事人撤回调解申请']) : null,
            closed_on: closed,
            follow_up_on: visitedOn,
            performed,
            follow_up_note: visitedOn ? (performed ? '经回访，当事人已按协议履行完毕，双方无异议。' : '经回访，一方尚未按期履行，已督促其履行约定义务。') : null,
          },
        });
      });
    }
    await seedLedger(ctx, platform, 'mediation.case', cases);
  }
}
