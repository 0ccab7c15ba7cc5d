import { makeIdNumber, makeUscc } from '../../../common/validators.ts';
import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, companyName, dateBetween, demoWindow, DEMO_TOWN_CODES, idNumber, mobile, officeOf, personName, rng, townName, uscc, village, windowYears } from '../../demo/fake.ts';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import { applyTransition } from '../../platform/workflow/workflow.service.ts';
import { transitionPermission } from '../../platform/workflow/workflow.types.ts';
import type { Platform } from '../../platform/module.ts';
import { caseLedger, DOMAINS, INDUSTRIES } from './enforcement.ledgers.ts';
import { cancelDraw, commitDraw, commitFreezeDraw } from './enforcement.draw.ts';
import { publishCatalog } from './enforcement.catalog.ts';
import { amountBand, publishedInTime, topPenalty } from './enforcement.rules.ts';
import { HEARING_DEFAULTS, hearingGrounds } from './enforcement.hearing.ts';
import { FIRST_VIOLATION } from './enforcement.exemption.ts';

// the town's heads who discuss major cases (行政处罚法第五十七条第二款)
const HEADS = '镇长、分管副镇长、纪委书记、综合行政执法队队长';

type CurrentMatter = { id: number; act: string; domain: string };
type Bench = (matterId: number, level: number) => { id: number; min: number; max: number };

/**
 * 城关镇's cases running now, each at a step someone has to take: two major cases at 调查终结 waiting for the legal
 * reviewer (法制审核) and then the heads' discussion (集体讨论), an on-the-spot penalty (简易程序) to be reported
 * for 备案, and a 首违不罚 decision with its ground and the look-up's finding
 */
function currentCases(short: string, name: string, unit: string, matters: readonly CurrentMatter[], benchOf: Bench, officersFor: (k: number) => Record<string, string>, today: string): Array<{ orgCode: string; values: Record<string, unknown> }> {
  const m = matters[0] as CurrentMatter;
  const m2 = (matters[1] ?? m) as CurrentMatter;
  const year = today.slice(0, 4);
  const base = (k: number, matter: CurrentMatter) => ({ case_type: '行政处罚', domain: matter.domain, matter: matter.id, source: '投诉举报', ...officersFor(k) });
  const heavy = benchOf(m.id, 3);
  return [
    {
      orgCode: unit,
      values: {
        ...base(101, m),
        case_no: `${short}综执罚〔${year}〕101号`,
        procedure: '一般程序',
        registered_on: addDays(today, -40),
        summary: `${m.act}案`,
        party_kind: '单位',
        party_name: `${name}顺达建材经营部`,
        party_uscc: makeUscc('999001', 901),
        legal_rep: '周志强',
        party_address: `${name}工业园区8号`,
        filed_on: addDays(today, -38),
        filing_approver: '综合行政执法队队长',
        investigated_on: addDays(today, -3),
        facts: `经查，当事人存在${m.act}的行为，情节严重，有现场检查笔录、询问笔录、照片和视频为证。`,
        proposed_kinds: ['罚款', '责令停产停业'],
        proposed_amount: heavy.max,
      },
    },
    {
      orgCode: unit,
      values: {
        ...base(102, m2),
        case_no: `${short}综执罚〔${year}〕102号`,
        procedure: '一般程序',
        registered_on: addDays(today, -35),
        summary: `${m2.act}案`,
        party_kind: '单位',
        party_name: `${name}鑫源农资店`,
        party_uscc: makeUscc('999001', 902),
        legal_rep: '吴秀兰',
        party_address: `${name}新街22号`,
        filed_on: addDays(today, -33),
        filing_approver: '综合行政执法队队长',
        investigated_on: addDays(today, -6),
        facts: `经查，当事人存在${m2.act}的行为，涉案货值较大，有抽样检验报告、询问笔录为证。`,
        proposed_kinds: ['罚款', '没收违法所得'],
        proposed_amount: 120_000,
        proposed_confiscated_value: 8_600,
      },
    },
    {
      orgCode: unit,
      values: {
        ...base(103, m),
        case_no: `${short}综执罚〔${year}〕103号`,
        procedure: '简易程序',
        registered_on: addDays(today, -1),
        summary: '店外占道堆放货物经营',
        party_kind: '个人',
        party_name: '孙德明',
        party_id_number: makeIdNumber('999001', '1982-03-15', 3),
        party_address: `${name}东街18号`,
        decided_on: addDays(today, -1),
        spot_place: `${name}东街18号门前人行道`,
        facts: '当事人在店外人行道堆放货物经营，影响行人通行，经指出后当场清理。',
        penalty_kinds: ['警告', '罚款'],
        amount: 100,
        decision_result: '给予警告，并处罚款100元。',
        served_on: addDays(today, -1),
        service_method: '当场交付',
      },
    },
    {
      orgCode: unit,
      values: {
        ...base(104, m2),
        case_no: `${short}综执罚〔${year}〕104号`,
        procedure: '一般程序',
        registered_on: addDays(today, -30),
        summary: `${m2.act}案`,
        party_kind: '个人',
        party_name: '郑晓梅',
        party_id_number: makeIdNumber('999001', '1990-07-08', 4),
        party_address: `${name}南关村5组`,
        filed_on: addDays(today, -29),
        filing_approver: '综合行政执法队队长',
        investigated_on: addDays(today, -20),
        facts: `经查，当事人初次${m2.act}，危害后果轻微，已于当日改正。`,
        proposed_kinds: ['不予处罚'],
        notified_on: addDays(today, -19),
        rights_waived_on: addDays(today, -18),
        decided_on: addDays(today, -18),
        penalty_kinds: ['不予处罚'],
        amount: 0,
        first_violation_exempt: true,
        exemption_ground: FIRST_VIOLATION,
        prior_violations: 0,
        prior_violation_check: '已按身份证号码、名称核查本单位执法案件记录：未发现当事人此前同一执法事项的违法行为',
        decision_result: '当事人初次违法且危害后果轻微并及时改正，依据《中华人民共和国行政处罚法》第三十三条第一款，决定不予行政处罚，并对当事人进行教育。',
      },
    },
  ];
}

type Domain = (typeof DOMAINS)[number];

// what a town's catalog is made of: [domain, law, guiding department, acts]
const CATALOG: ReadonlyArray<readonly [Domain, string, string, readonly string[]]> = [
  ['城管', '《城市市容和环境卫生管理条例》', '县综合行政执法局', ['擅自占用城市道路摆摊设点', '未按规定设置户外广告', '乱倒建筑垃圾', '在建筑物外墙乱涂乱画', '擅自搭建建筑物构筑物', '运输渣土沿途撒漏', '未按规定分类投放生活垃圾', '占道堆放物料']],
  ['经营行为', '《无证无照经营查处办法》', '县市场监督管理局', ['无照从事经营活动', '未亮照经营', '超范围经营', '出租出借营业执照', '使用不合格计量器具', '销售过期食品', '未取得食品经营许可从事经营']],
  ['农业', '《农药管理条例》', '县农业农村局', ['经营假农药', '未取得农药经营许可证经营农药', '违规使用禁用农药', '秸秆露天焚烧', '经营不合格种子', '违规使用兽药', '未按规定处置病死畜禽']],
  ['安全生产', '《中华人民共和国安全生产法》', '县应急管理局', ['未按规定开展安全生产教育培训', '未建立事故隐患排查治理制度', '特种作业人员未持证上岗', '未按规定配备应急救援器材', '违规储存易燃易爆物品', '未对重大危险源登记建档']],
  ['林业', '《中华人民共和国森林法》', '县林业局', ['滥伐林木', '盗伐林木', '擅自改变林地用途', '未经批准在林区野外用火', '非法收购运输木材']],
  ['生态环境', '《中华人民共和国大气污染防治法》', '县生态环境分局', ['露天焚烧垃圾', '餐饮油烟超标排放', '施工扬尘未采取防治措施', '畜禽养殖污染未处理直排', '夜间施工噪声扰民']],
  ['自然资源', '《中华人民共和国土地管理法》', '县自然资源局', ['农村村民未经批准非法占用土地建住宅', '非法占用耕地建房', '擅自在耕地上挖砂采石', '破坏永久基本农田']],
  ['卫生健康', '《公共场所卫生管理条例》', '县卫生健康局', ['公共场所未取得卫生许可证', '从业人员未取得健康合格证明', '控烟场所未设置禁烟标识']],
  ['文化旅游', '《娱乐场所管理条例》', '县文化和旅游局', ['擅自从事娱乐场所经营活动', '违规接纳未成年人进入', '擅自举办营业性演出']],
];

interface Matter {
  values: Record<string, unknown>;
  domain: Domain;
  act: string;
}

// 法定27、赋权54（自选39）、可委托50: the figure the issue quotes
function townCatalog(short: string, published: string): Matter[] {
  const acts = CATALOG.flatMap(([domain, law, dept, list]) => list.map((act, i) => ({ domain, law, dept, act, i })));
  const out: Matter[] = [];
  const plan: Array<readonly [string, number]> = [['法定', 27], ['赋权', 54], ['可委托', 50]];
  let n = 0;
  for (const [category, count] of plan) {
    for (let k = 0; k < count; k++) {
      const a = acts[n % acts.length];
      if (!a) continue;
      const kinds = ['行政处罚', '行政检查', '行政强制', '行政许可'] as const;
      const type = k % 5 === 4 ? kinds[(k >> 1) % 4] : n % 3 === 2 ? '行政检查' : '行政处罚';
      const verb = type === '行政检查' ? '的监督检查' : type === '行政强制' ? '的查封扣押' : type === '行政许可' ? '的许可' : '的处罚';
      n += 1;
      out.push({
        domain: a.domain,
        act: a.act,
        values: {
          code: `${short}-${category === '法定' ? 'FD' : category === '赋权' ? 'FQ' : 'WT'}-${String(k + 1).padStart(3, '0')}`,
          name: `对${a.act}${verb}`,
          matter_type: type,
          category,
          self_selected: category === '赋权' ? k < 39 : false,
          domain: a.domain,
          law: a.law,
          article: `第${10 + ((a.i * 7 + k) % 60)}条`,
          guiding_dept: a.dept,
          catalog_version: '2025版',
          published_on: published,
          matter_status: '有效',
        },
      });
    }
  }
  return out;
}

// three circumstances per penalty matter, in yuan
const LEVELS: ReadonlyArray<readonly [string, string, number, number, boolean, boolean]> = [
  ['首次违法且危害后果轻微并及时改正', '不予处罚', 0, 0, true, false],
  ['违法情节较轻，主动消除或者减轻危害后果', '从轻处罚', 200, 2000, false, true],
  ['违法情节一般', '一般处罚', 2000, 10000, false, false],
  ['违法情节严重或拒不改正', '从重处罚', 10000, 50000, false, false],
];

/** the catalogs, benchmarks, registries and two years of inspections and penalties of the demo towns */
export async function seedEnforcementDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('enforcement');
  const w = demoWindow(ctx.now);
  const cal = await loadCalendar(ctx.tx as unknown as Parameters<typeof loadCalendar>[0]);
  // the publication deadline as the decide route computes it; none when the calendar year is not loaded
  const publicationDue = (decided: string, days: number): string | null => {
    try {
      return addWorkingDays(decided, days, cal).due;
    } catch {
      return null;
    }
  };
  // 行政处罚法 arts. 64, 85: the party has 5 working days after the notice; the decision comes the day after at the earliest
  const firstDecisionDay = (notified: string): string => {
    try {
      return addDays(addWorkingDays(notified, 5, cal).due, 1);
    } catch {
      return addDays(notified, 10);
    }
  };
  const today = w.to;
  // inspection results are recorded through the case's own steps, by someone who may record them
  const inspectSteps = (caseLedger.workflow?.transitions ?? []).filter((t) => t.name === 'inspect' || t.name === 'follow_up').map((t) => transitionPermission(caseLedger, t));
  const inspector: Ctx = { ...ctx, actor: { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, ...inspectSteps]) } };
  const shared = Array.from({ length: 6 }, () => ({ name: companyName(r), uscc: uscc(r) }));
  const countyCases: Array<{ orgCode: string; values: Record<string, unknown> }> = [];
  for (const town of DEMO_TOWN_CODES) {
    const name = townName(town);
    const short = name.slice(0, -1);
    const unit = officeOf(town, 'enforcement');
    const matters = townCatalog(short, `${w.years[0]}-03-15`);
    const matterIds = await seedLedger(ctx, platform, 'enforcement.matter', matters.map((m) => ({ orgCode: town, values: m.values })));
    await publishCatalog(ctx, { orgCode: town, label: '2025版', publishedOn: `${w.years[0]}-03-15`, note: `${name}综合行政执法事项清单（法定、赋权、可委托）` });
    const penaltyMatters = matters.map((m, i) => ({ ...m, id: matterIds[i] as number })).filter((m) => m.values['matter_type'] === '行政处罚');
    const inspectMatters = matters.map((m, i) => ({ ...m, id: matterIds[i] as number })).filter((m) => m.values['matter_type'] === '行政检查');
    const benchRows = penaltyMatters.flatMap((m) => LEVELS.map(([circumstance, level, min, max, fv, quick]) => ({ orgCode: town, values: { matter: m.id, circumstance, level, min_amount: min, max_amount: max, first_violation_exempt: fv, quick_minor: quick } })));
    const benchIds = await seedLedger(ctx, platform, 'enforcement.benchmark', benchRows);
    const benchOf = (matterId: number, level: number): { id: number; min: number; max: number } => {
      const i = benchRows.findIndex((b) => b.values.matter === matterId) + level;
      const b = benchRows[i];
      return { id: benchIds[i] as number, min: Number(b?.values.min_amount), max: Number(b?.values.max_amount) };
    };

    // 双随机 registries
    const targets = [...shared, ...Array.from({ length: 60 }, () => ({ name: companyName(r), uscc: uscc(r) }))].map((t) => ({ ...t, domain: r.pick(['经营行为', '安全生产', '生态环境', '城管', '农业'] as const), industry: r.pick(INDUSTRIES) }));
    await seedLedger(ctx, platform, 'enforcement.target', targets.map((t) => ({ orgCode: unit, values: { name: t.name, uscc: t.uscc, industry: t.industry, domain: t.domain, address: `${name}${village(r, town)}`, in_pool: true } })));
    const inspectorRows = Array.from({ length: 14 }, (_, i) => ({ orgCode: unit, values: { name: personName(r), cert_no: `${short}执${String(1000 + i)}`, qualifications: ['经营行为', '安全生产', '生态环境', '城管', '农业'].filter((_, k) => (i + k) % 3 !== 0), unit: `${name}综合行政执法队`, avoid_uscc: i % 5 === 0 ? (targets[i + 6]?.uscc ?? '') : '', in_pool: i !== 13, ...certificateOf(i, today) } }));
    await seedLedger(ctx, platform, 'enforcement.inspector', inspectorRows);
    // 行政处罚法 art. 42: each case names two certified officers of the registry (a pair per case, in turn)
    const officersFor = (k: number): Record<string, string> => {
      const a = inspectorRows[(k * 3) % 13]?.values;
      const b = inspectorRows[(k * 3 + 5) % 13]?.values;
      return { officer1_name: String(a?.name), officer1_cert: String(a?.cert_no), officer2_name: String(b?.name), officer2_cert: String(b?.cert_no), handler: `${String(a?.name)}、${String(b?.name)}` };
    };

    const cases: Array<{ orgCode: string; values: Record<string, unknown> }> = [];
    for (const { year, start, end, share } of windowYears(w)) {
      // inspections: a few hundred a year
      const inspections = Math.round((town === DEMO_TOWN_CODES[0] ? 260 : 180) * share);
      for (let k = 1; k <= inspections; k++) {
        const on = dateBetween(r, start, end);
        const t = r.chance(0.03) ? (r.pick(shared) as { name: string; uscc: string }) : r.pick(targets);
        const m = r.pick(inspectMatters);
        const result = r.weighted([['合格', 72], ['责令整改', 24], ['转立案', 4]] as const);
        const done = on < today;
        const followed = result === '责令整改' && addDays(on, 20) < today;
        cases.push({
          orgCode: unit,
          values: {
            case_no: `${short}综执检〔${year}〕${k}号`,
            case_type: '行政检查',
            domain: m.domain,
            matter: m.id,
            // 双随机 inspections come from the quarterly draws below
            source: r.weighted([['日常巡查', 80], ['投诉举报', 13], ['上级交办', 7]] as const),
            registered_on: on,
            summary: `${t.name}${m.act.slice(0, 12)}情况检查`,
            handler: `${personName(r)}、${personName(r)}`,
            party_kind: '单位',
            party_name: t.name,
            party_uscc: t.uscc,
            ...(done ? { inspection_result: result, inspection_record: `现场检查${t.name}，${result === '合格' ? '未发现违法行为' : '发现存在问题，已当场告知'}。`, closed_on: on } : {}),
            ...(done && result === '责令整改' ? { rectify_due_on: addDays(on, 15) } : {}),
            ...(followed ? { followed_up_on: addDays(on, 20), follow_up_result: '已整改' } : {}),
          },
        });
      }
      // penalties: tens a year, most closed, the recent ones still running
      const penalties = Math.max(3, Math.round((town === DEMO_TOWN_CODES[0] ? 24 : 14) * share));
      for (let k = 1; k <= penalties; k++) {
        const m = r.pick(penaltyMatters);
        const person = r.chance(0.45);
        const registered = dateBetween(r, start, end);
        const steps: Record<string, string> = {};
        let d = registered;
        const step = (field: string, min: number, max: number, floor = ''): boolean => {
          const next = addDays(d, r.int(min, max));
          d = next < floor ? floor : next;
          if (d > today) return false;
          steps[field] = d;
          return true;
        };
        const heavy = r.chance(0.2);
        const level = heavy ? 3 : r.weighted([[0, 10], [1, 30], [2, 50], [3, 10]] as const);
        const b = benchOf(m.id, level);
        // a few 从重 decisions take the top of the range (顶格处罚), the signs the county supervisor watches for
        const pos = level === 0 ? 0 : r.next();
        const amount = level === 0 ? 0 : level === 3 && pos > 0.6 ? b.max : Math.round((b.min + pos * (b.max - b.min)) / 100) * 100;
        // 重大 and the hearing right follow from the intended penalty (行政处罚法第六十三条), as the system derives them
        const kinds = level === 0 ? ['不予处罚'] : ['警告', '罚款'];
        const major = hearingGrounds({ case_type: '行政处罚', party_kind: person ? '个人' : '单位', penalty_kinds: kinds, amount }, HEARING_DEFAULTS).length > 0;
        const departure = !major && r.chance(0.05) && hearingGrounds({ case_type: '行政处罚', party_kind: person ? '个人' : '单位', penalty_kinds: kinds, amount: b.max + 1000 }, HEARING_DEFAULTS).length === 0;
        if (step('filed_on', 1, 5) && step('investigated_on', 10, 35) && (!major || step('review_on', 2, 5)) && step('notified_on', 1, 3)) step('decided_on', 6, 12, firstDecisionDay(d));
        const decided = steps['decided_on'];
        if (decided) {
          const save = d;
          if (!(r.chance(0.08) && addDays(decided, 20) > today)) step('published_on', 1, 5);
          d = save;
          if (step('served_on', 1, 3) && step('executed_on', 3, 15)) step('closed_on', 1, 6);
        }
        const values: Record<string, unknown> = {
          case_no: `${short}综执罚〔${year}〕${k}号`,
          case_type: '行政处罚',
          domain: m.domain,
          matter: m.id,
          // registered, investigated and decided after 立案: the 一般程序 (行政处罚法 art. 54)
          procedure: '一般程序',
          source: r.weighted([['日常巡查', 50], ['投诉举报', 30], ['部门移送', 10], ['上级交办', 10]] as const),
          registered_on: registered,
          summary: `${m.act}案`,
          ...officersFor(k),
          party_kind: person ? '个人' : '单位',
          party_name: person ? personName(r) : companyName(r),
          party_phone: mobile(r),
          party_address: `${name}${village(r, town)}`,
          ...(person ? { party_id_number: idNumber(r) } : { party_uscc: uscc(r), legal_rep: personName(r) }),
          ...steps,
          ...(steps['notified_on'] && major ? { hearing_right_notified: true } : {}),
        };
        if (steps['filed_on']) values['filing_approver'] = personName(r);
        if (steps['investigated_on']) {
          values['facts'] = `经查，当事人存在${m.act}的行为，有现场检查笔录、询问笔录、照片等证据为证。`;
          Object.assign(values, { proposed_kinds: kinds, ...(amount > 0 ? { proposed_amount: amount } : {}) });
        }
        if (steps['review_on']) Object.assign(values, { reviewer: personName(r), review_opinion: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意。', review_conclusion: '同意' });
        // 行政处罚法 art. 57(2): a major case is decided by the heads collectively, after the review
        if (decided && major && steps['review_on']) Object.assign(values, { deliberated_on: steps['review_on'], deliberation_participants: HEADS, deliberation_conclusion: '同意拟处理意见', deliberation_minutes: '经集体讨论，同意承办机构提出的处理意见。' });
        if (decided) {
          const amt = departure ? b.max + 1000 : amount;
          Object.assign(values, {
            penalty_kinds: kinds,
            amount: amt,
            benchmark: b.id,
            benchmark_min: b.min,
            benchmark_max: b.max,
            first_violation_exempt: level === 0,
            quick_minor: level === 1,
            // 行政处罚法 art. 33: a 首违不罚 decision names its ground and what the look-up of earlier violations found
            ...(level === 0 ? { exemption_ground: FIRST_VIOLATION, prior_violations: 0, prior_violation_check: `已按${person ? '身份证号码' : '统一社会信用代码'}、名称核查本单位执法案件记录：未发现当事人此前同一执法事项的违法行为` } : {}),
            decision_result: level === 0 ? '首次违法、危害后果轻微并及时改正，决定不予行政处罚。' : `给予警告，并处罚款${amt}元。`,
            ...(departure ? { departure_reason: '当事人违法所得较大，经集体讨论决定在基准上限以上处罚。' } : {}),
          });
          values['amount_band'] = amountBand(values);
          values['top_penalty'] = topPenalty(values);
          const due = publicationDue(decided, 7);
          if (due) values['publication_due_on'] = due;
          values['published_in_time'] = publishedInTime(values);
        }
        if (steps['served_on']) values['service_method'] = r.pick(['直接送达', '邮寄送达', '电子送达'] as const);
        if (steps['executed_on']) values['execution'] = r.weighted([['自觉履行', 85], ['分期缴纳', 10], ['申请法院强制执行', 5]] as const);
        cases.push({ orgCode: unit, values });
      }
    }
    if (town === DEMO_TOWN_CODES[0]) cases.push(...currentCases(short, name, unit, penaltyMatters, benchOf, officersFor, today));
    // the county bureau also inspects the shared companies: the repeated-inspection alert has something to show
    for (const [i, t] of shared.entries()) {
      const on = dateBetween(r, addDays(today, -120), addDays(today, -5));
      cases.push({ orgCode: unit, values: { case_no: `${short}综执检〔共〕${i + 1}号`, case_type: '行政检查', domain: '安全生产', matter: inspectMatters[0]?.id, source: '日常巡查', registered_on: on, summary: `${t.name}安全生产检查`, party_kind: '单位', party_name: t.name, party_uscc: t.uscc, inspection_result: '合格', closed_on: on } });
      if (town === DEMO_TOWN_CODES[0]) countyCases.push({ orgCode: officeOf(DEMO_COUNTY.code, 'enforcement'), values: { case_no: `县综执检〔共〕${i + 1}号`, case_type: '行政检查', domain: '安全生产', source: '上级交办', registered_on: addDays(on, 3) > today ? on : addDays(on, 3), summary: `${t.name}安全生产检查`, party_kind: '单位', party_name: t.name, party_uscc: t.uscc, inspection_result: '合格', closed_on: addDays(on, 3) > today ? on : addDays(on, 3) } });
    }
    await seedLedger(ctx, platform, 'enforcement.case', cases);
    // 双随机、一公开: a draw each quarter from the registries, through the same service as the draws page (so the
    // public page re-computes it); its tasks are inspected within a month
    for (const { year } of windowYears(w)) {
      for (let q = 0; q < 4; q++) {
        const drawnOn = `${year}-${String(q * 3 + 2).padStart(2, '0')}-10`;
        // a draw only takes entities of its matter's domain: the matters of the domains the registry holds
        const drawMatters = inspectMatters.filter((x) => targets.some((t) => t.domain === x.domain));
        const m = drawMatters[q % drawMatters.length];
        if (drawnOn >= today || !m) continue;
        const title = `${year}年第${'一二三四'[q] ?? ''}季度“双随机、一公开”抽查`;
        // never more than the registry holds in the matter's domain (on some days the random registry holds fewer)
        const targetCount = Math.min(5 + (q % 3), targets.filter((t) => t.domain === m.domain).length);
        const at = new Date(`${drawnOn}T02:00:00Z`);
        if (q === 1) {
          // an attempt discarded before its lists were frozen stays public with its reason
          const first = await commitDraw({ ...ctx, now: new Date(at.getTime() - 86_400_000) }, { title, matterId: m.id, targetCount, perTarget: 2, orgCode: unit });
          await cancelDraw({ ...ctx, now: new Date(at.getTime() - 86_400_000 + 1_800_000) }, first.id, '检查对象名录库尚未完成本季度新登记市场主体的录入，录入后重新抽取');
        }
        const draw = await commitFreezeDraw({ ...ctx, now: at }, platform, { title, matterId: m.id, targetCount, perTarget: 2, orgCode: unit });
        for (const id of draw.caseIds ?? []) {
          const on = addDays(drawnOn, r.int(5, 25));
          if (on >= today) continue;
          const result = r.weighted([['合格', 75], ['责令整改', 22], ['转立案', 3]] as const);
          // the inspector records the result through the workflow's own steps, as on the case page
          const values: Record<string, unknown> = { date: on, inspection_result: result, inspection_record: `按抽查任务现场检查，${result === '合格' ? '未发现违法行为' : '发现存在问题，已当场告知'}。`, closed_on: on };
          if (result === '责令整改') values['rectify_due_on'] = addDays(on, 15);
          await applyTransition(inspector, platform, caseLedger, id, 'inspect', values);
          if (result === '责令整改' && addDays(on, 20) < today) await applyTransition(inspector, platform, caseLedger, id, 'follow_up', { date: addDays(on, 20), followed_up_on: addDays(on, 20), follow_up_result: '已整改' });
        }
      }
    }
  }
  // the county's own catalog has one inspection matter the bureau's cases refer to
  const [countyMatter] = await seedLedger(ctx, platform, 'enforcement.matter', [{ orgCode: DEMO_COUNTY.code, values: { code: '县-JC-001', name: '对生产经营单位安全生产条件的监督检查', matter_type: '行政检查', category: '法定', self_selected: false, domain: '安全生产', law: '《中华人民共和国安全生产法》', article: '第六十五条', guiding_dept: '市应急管理局', catalog_version: '2025版', published_on: `${w.years[0]}-03-15`, matter_status: '有效' } }]);
  await seedLedger(ctx, platform, 'enforcement.case', countyCases.map((c) => ({ ...c, values: { ...c.values, matter: countyMatter } })));
}

/**
 * an officer's certificate and training: five-year certificates issued before the demo's window, one running out
 * soon (到期事项), the one kept out of the draw pool expired; last year's training hours, a few short of the 60
 */
function certificateOf(i: number, today: string): Record<string, unknown> {
  const y = Number(today.slice(0, 4));
  const from = `${y - 4 + (i % 3)}-0${3 + (i % 6)}-1${i % 9}`;
  const until = i === 13 ? addDays(today, -20) : i === 12 ? addDays(today, 40) : `${Number(from.slice(0, 4)) + 5}${from.slice(4)}`;
  return { cert_valid_from: from, cert_valid_until: until, training_year: y - 1, training_hours: i % 7 === 3 ? 36 + i : 60 + ((i * 7) % 24) };
}
