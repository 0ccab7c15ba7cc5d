import { DEMO_COUNTY } from '../../demo/demo-county.ts';
import { addDays, companyName, dateBetween, demoWindow, DEMO_TOWN_CODES, officeOf, personName, rng, townName, uscc, village, windowYears } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { checklistSummary, formatChecklist, standardItems, type ChecklistEntry } from '../../../common/inspection.checklist.ts';
import { transitionPermission } from '../../platform/workflow/workflow.types.ts';
import { publishCatalog } from './enforcement.catalog.ts';
import { inspectionLedger } from './inspection.ledgers.ts';
import { newInspectionCode } from './inspection.rules.ts';
import { recordInspectionResult } from './inspection.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads the matters the enforcement demo just seeded
type AnyDb = import('kysely').Kysely<any>;

// what a town's inspection year is made of: the yearly 日常 plan, the campaigns, the cases a complaint opens
const CAMPAIGNS = ['城镇燃气安全专项检查', '校园周边食品安全专项检查', '汛期前在建工地安全专项检查', '“双节”期间烟花爆竹经营专项检查'];
const LEADS = ['群众投诉油烟扰民', '12345热线反映无证经营', '上级交办夜间施工噪声问题'];
const STANDARDS: Record<string, string> = {
  经营行为: '营业执照是否悬挂于显著位置，登记事项与实际经营是否一致\n经营范围内是否有需许可的项目，许可证件是否在有效期内\n计量器具是否经检定合格',
  安全生产: '是否建立安全生产责任制和事故隐患排查治理制度\n特种作业人员是否持证上岗\n消防器材和应急救援器材是否按规定配备并在有效期内',
  城管: '门前责任区是否保持整洁，有无占道经营\n户外广告设置是否经批准\n生活垃圾是否分类投放',
};

// what an officer writes against a failed item, per line of the domain's standard
const FINDINGS: Record<string, string[]> = {
  经营行为: ['营业执照未悬挂，放置于收银台抽屉内', '食品经营许可证已过有效期12天，未申请延续', '电子计价秤2台未按期检定'],
  安全生产: ['未建立事故隐患排查治理台账', '电焊作业人员1名未取得特种作业操作证', '灭火器3具压力不足，其中1具已过有效期'],
  城管: ['店外占道摆放货架约3平方米', '门头广告牌未经批准设置', '生活垃圾未分类，混装投放'],
};

/**
 * 逐项检查结果 of an inspection under a matter with a standard: every item 符合 when nothing was found; otherwise one or
 * two items 不符合 with what was found. Drawn from its own random stream, so the rest of the demo stays as it was.
 */
function demoChecklist(r: ReturnType<typeof rng>, domain: string, outcome: string): ChecklistEntry[] {
  const items = standardItems([STANDARDS[domain] ?? '']);
  const findings = FINDINGS[domain] ?? [];
  const failed = new Set<number>();
  if (outcome !== '未发现问题' && items.length) {
    failed.add(r.int(0, items.length - 1));
    if (r.int(0, 2) === 0) failed.add(r.int(0, items.length - 1));
  }
  return items.map((item, i) => (failed.has(i) ? { item, verdict: '不符合', note: findings[i] ?? '不符合检查标准，已当场指出' } : { item, verdict: '符合', note: '' }));
}

/** a year of enterprise inspections in two towns: plans, approvals, notices, results, one joint inspection and an emergency */
export async function seedInspectionDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const r = rng('inspection');
  const rc = rng('inspection-checklist');
  const w = demoWindow(ctx.now);
  const today = w.to;
  const d = ctx.tx as unknown as AnyDb;
  const steps = (inspectionLedger.workflow?.transitions ?? []).map((t) => transitionPermission(inspectionLedger, t));
  const officer: Ctx = { ...ctx, actor: { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, ...steps, 'enforcement.case.create']) } };
  for (const town of DEMO_TOWN_CODES.slice(0, 2)) {
    const name = townName(town);
    const short = name.slice(0, -1);
    const unit = officeOf(town, 'enforcement');
    const matters = await d.selectFrom('enforcement_matter').select(['id', 'name', 'domain', 'matter_type']).where('org_code', '=', town).where('matter_status', '=', '有效').orderBy('code').execute();
    const inspect = matters.filter((m) => m.matter_type === '行政检查');
    const penalty = matters.filter((m) => m.matter_type === '行政处罚');
    const used = inspect.filter((m) => STANDARDS[String(m.domain)]).slice(0, 4);
    // the domain of each matter with a standard: its inspections are checked item by item against it
    const standardOf = new Map(used.map((m) => [Number(m.id), String(m.domain)]));
    await seedLedger(ctx, platform, 'enforcement.inspection_standard', used.map((m) => ({ orgCode: town, values: { matter: m.id, title: `${String(m.name).replace(/^对/, '').replace(/的监督检查$/, '')}检查标准`, items: STANDARDS[String(m.domain)] as string, basis: '《关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）' } })));
    // the officers are the town's registered ones (执法检查人员名录库), named as the registry names them, so the
    // enterprise checking the code sees each certificate as the registry holds it (the names drawn keep the stream)
    const registry = new Map((await d.selectFrom('enforcement_inspector').select(['name', 'cert_no']).where('status', '=', 'active').where((eb) => eb.or([eb('org_code', '=', town), eb('org_code', 'like', `${town}-%`)])).execute()).map((o) => [String(o.cert_no), String(o.name)]));
    const officers = Array.from({ length: 6 }, (_, i) => {
      const drawn = personName(r);
      const cert = `${short}执${String(1000 + i)}`;
      return { name: registry.get(cert) ?? drawn, cert };
    });
    const firms = Array.from({ length: 24 }, () => ({ name: companyName(r), uscc: uscc(r), address: `${name}${village(r, town)}` }));
    const rows: Array<{ orgCode: string; values: Record<string, unknown> }> = [];
    const toRecord: Array<{ index: number; on: string; outcome: string }> = [];
    for (const { year, start, end } of windowYears(w)) {
      const plan = `${year}年度${name}涉企日常检查计划`;
      const count = town === DEMO_TOWN_CODES[0] ? 26 : 16;
      const visits = new Map<string, number>();
      for (let k = 0; k < count; k++) {
        const kind = r.weighted([['日常', 70], ['专项', 20], ['个案', 10]] as const);
        const firm = r.pick(firms);
        // the yearly cap: at most two 日常 inspections of one enterprise by the unit
        if (kind === '日常' && (visits.get(firm.uscc) ?? 0) >= 2) continue;
        if (kind === '日常') visits.set(firm.uscc, (visits.get(firm.uscc) ?? 0) + 1);
        const m = r.pick(used.length ? used : inspect);
        const planned = dateBetween(r, start, end);
        const approved = addDays(planned, -r.int(3, 8));
        if (approved > today) continue;
        const [a, b] = [r.pick(officers), r.pick(officers)];
        const pair = a === b ? [officers[0], officers[1]] : [a, b];
        const values: Record<string, unknown> = {
          plan_kind: kind,
          plan_name: kind === '日常' ? plan : kind === '专项' ? `${year}年${r.pick(CAMPAIGNS)}` : r.pick(LEADS),
          matter: m.id,
          planned_on: planned,
          enterprise_name: firm.name,
          enterprise_uscc: firm.uscc,
          enterprise_address: firm.address,
          inspector1_name: pair[0]?.name,
          inspector1_identity: '执法人员',
          inspector1_cert: pair[0]?.cert,
          inspector2_name: pair[1]?.name,
          inspector2_identity: '执法人员',
          inspector2_cert: pair[1]?.cert,
          approved_on: approved,
          approver: `${short}镇分管负责人${personName(r)}`,
          approval_opinion: '同意按计划实施检查，严格执行检查标准，不得随意扩大检查范围。',
          inspection_code: newInspectionCode(),
          notified_on: addDays(approved, 1) > today ? undefined : addDays(approved, 1),
          notice_method: r.pick(['书面通知', '电话通知'] as const),
        };
        if (values['notified_on'] === undefined) {
          delete values['notified_on'];
          delete values['notice_method'];
        }
        const outcome = r.weighted([['未发现问题', 70], ['责令整改', 25], ['转立案', 5]] as const);
        if (planned < today && values['notified_on'] && outcome === '转立案') toRecord.push({ index: rows.length, on: planned, outcome });
        else if (planned < today && values['notified_on']) {
          const domain = standardOf.get(Number(m.id));
          const checked = domain ? demoChecklist(rc, domain, outcome) : [];
          Object.assign(values, {
            inspected_on: planned,
            ...(checked.length ? { checklist: formatChecklist(checked) } : {}),
            inspection_record: checked.length
              ? `出示执法证件并告知检查事项后，对${firm.name}进行现场检查。${checklistSummary(checked)}${outcome === '未发现问题' ? '' : '已当场指出。'}`
              : `出示执法证件并告知检查事项后，对${firm.name}进行现场检查，${outcome === '未发现问题' ? '未发现违法违规问题' : '发现消防器材过期、台账不全等问题，已当场指出'}。`,
            outcome,
            result_notified_on: addDays(planned, 2) > today ? planned : addDays(planned, 2),
            ...(outcome === '责令整改' ? { rectify_due_on: addDays(planned, 15) } : {}),
          });
        }
        rows.push({ orgCode: unit, values });
      }
    }
    // 综合查一次: one joint visit led by the town, with the county's market and emergency bureaus
    const joint = firms[0];
    const jointOn = addDays(today, -40);
    const firstDomain = inspect[0] ? standardOf.get(Number(inspect[0].id)) : undefined;
    if (joint && inspect[0]) {
      rows.push({ orgCode: unit, values: { ...(firstDomain ? { checklist: formatChecklist(demoChecklist(rc, firstDomain, '未发现问题')) } : {}), plan_kind: '专项', plan_name: '商超“综合查一次”联合检查', matter: inspect[0].id, planned_on: jointOn, enterprise_name: joint.name, enterprise_uscc: joint.uscc, enterprise_address: joint.address, joint_orgs: '县市场监督管理局、县应急管理局', inspector1_name: officers[2]?.name, inspector1_identity: '执法人员', inspector1_cert: officers[2]?.cert, inspector2_name: officers[3]?.name, inspector2_identity: '执法人员', inspector2_cert: officers[3]?.cert, approved_on: addDays(jointOn, -5), approver: `${short}镇分管负责人${personName(r)}`, approval_opinion: '同意，联合检查一次完成，不重复入企。', inspection_code: newInspectionCode(), notified_on: addDays(jointOn, -3), notice_method: '书面通知', inspected_on: jointOn, inspection_record: '市场监管、应急管理和镇综合执法联合入企，一表通查，未发现问题。', outcome: '未发现问题', result_notified_on: addDays(jointOn, 1) } });
    }
    // an emergency: a gas smell reported, inspected at once and approved afterwards with the reason
    const urgent = firms[1];
    const urgentOn = addDays(today, -25);
    if (urgent && inspect[0]) {
      // the emergency's finding is the gas hose, checked besides the standard's items
      const gas: ChecklistEntry = { item: '燃气软管无老化、龟裂，接口无泄漏', verdict: '不符合', note: '软管表面龟裂，接口处有气泡冒出，已责令立即停用更换' };
      const urgentChecklist = firstDomain ? formatChecklist([...demoChecklist(rc, firstDomain, '未发现问题'), gas]) : null;
      rows.push({ orgCode: unit, values: { ...(urgentChecklist ? { checklist: urgentChecklist } : {}), plan_kind: '个案', plan_name: '群众报告疑似燃气泄漏', matter: inspect[0].id, planned_on: urgentOn, enterprise_name: urgent.name, enterprise_uscc: urgent.uscc, enterprise_address: urgent.address, inspector1_name: officers[0]?.name, inspector1_identity: '执法人员', inspector1_cert: officers[0]?.cert, inspector2_name: officers[1]?.name, inspector2_identity: '执法人员', inspector2_cert: officers[1]?.cert, emergency_reason: '群众报告餐馆后厨疑似燃气泄漏，存在现实危险，需立即到场检查。', inspected_on: urgentOn, approved_on: addDays(urgentOn, 1), approver: `${short}镇主要负责人${personName(r)}`, approval_opinion: '情况紧急，同意事后补批。', inspection_code: newInspectionCode(), inspection_record: '到场检查发现软管老化，已责令立即停用更换。', survey_record: '对后厨燃气管道及灶具勘验：燃气软管长约1.8米，表面龟裂，接口处涂抹肥皂水后有气泡冒出；燃气报警器未通电。', outcome: '责令整改', rectify_due_on: addDays(urgentOn, 3), result_notified_on: urgentOn } });
    }
    // the coming weeks: a plan awaiting approval, one approved and one notified, so the steps have work to do
    for (const [k, ahead, stage] of [[2, 9, 'planned'], [3, 6, 'approved'], [4, 3, 'notified']] as const) {
      const firm = firms[k];
      const m = used[k % Math.max(1, used.length)] ?? inspect[0];
      if (!firm || !m) continue;
      const planned = addDays(today, ahead);
      const approved = addDays(today, -1);
      rows.push({
        orgCode: unit,
        values: {
          // the approved ones belong to a campaign: a 日常 visit over the year's cap would be refused at approval
          plan_kind: stage === 'planned' ? '日常' : '专项',
          plan_name: stage === 'planned' ? `${today.slice(0, 4)}年度${name}涉企日常检查计划` : `${today.slice(0, 4)}年${CAMPAIGNS[0] ?? ''}`,
          matter: m.id,
          planned_on: planned,
          enterprise_name: firm.name,
          enterprise_uscc: firm.uscc,
          enterprise_address: firm.address,
          inspector1_name: officers[4]?.name,
          inspector1_identity: '执法人员',
          inspector1_cert: officers[4]?.cert,
          inspector2_name: officers[5]?.name,
          inspector2_identity: '执法人员',
          inspector2_cert: officers[5]?.cert,
          ...(stage === 'planned' ? {} : { approved_on: approved, approver: `${short}镇分管负责人${personName(r)}`, approval_opinion: '同意按计划实施检查。', inspection_code: newInspectionCode() }),
          ...(stage === 'notified' ? { notified_on: today, notice_method: '书面通知' } : {}),
        },
      });
    }
    await linkPlans(ctx, platform, unit, rows, r);
    const ids = await seedLedger(ctx, platform, 'enforcement.inspection', rows);
    // 转立案 goes through the real step, so each opens its penalty case
    for (const t of toRecord) {
      const id = ids[t.index];
      const pm = r.pick(penalty);
      if (id === undefined || !pm) continue;
      const domain = standardOf.get(Number(rows[t.index]?.values['matter']));
      const checked = domain ? demoChecklist(rc, domain, t.outcome) : [];
      await recordInspectionResult(officer, platform, id, { date: t.on, inspected_on: t.on, ...(checked.length ? { checklist: formatChecklist(checked) } : {}), inspection_record: '现场检查发现涉嫌违法行为，已拍照取证并制作现场检查笔录。', interviewee: personName(r), interviewee_role: '负责人', interview_record: '问：现场货架上的这批商品从何处购进？\n答：从县城一家批发部购进，没有索要票据。\n问：购进了多少，已经卖出多少？\n答：购进二十箱，卖出约八箱。', samples: '现场货架上同批次商品，2件', sample_purpose: '检验', outcome: '转立案', result_notified_on: t.on, penalty_matter: pm.id, case_summary: `涉嫌${String(pm.name).replace(/^对/, '').replace(/的处罚$/, '')}` });
    }
  }
  // the county bureau also inspects one of 城关镇's enterprises soon after the town: the cross-department alert shows it
  const first = await d.selectFrom('enforcement_inspection').select(['enterprise_name', 'enterprise_uscc', 'enterprise_address', 'inspected_on', 'matter']).where('org_code', '=', officeOf(DEMO_TOWN_CODES[0] as string, 'enforcement')).where('inspected_on', 'is not', null).orderBy('inspected_on', 'desc').executeTakeFirst();
  const countyMatter = await d.selectFrom('enforcement_matter').select('id').where('org_code', '=', DEMO_COUNTY.code).where('matter_type', '=', '行政检查').executeTakeFirst();
  if (first && countyMatter) {
    await publishCatalog(ctx, { orgCode: DEMO_COUNTY.code, label: '2025版', publishedOn: `${w.years[0]}-03-15`, note: '县本级行政检查事项' });
    const on = String(first.inspected_on instanceof Date ? first.inspected_on.toISOString().slice(0, 10) : first.inspected_on);
    const later = addDays(on, 6) > today ? on : addDays(on, 6);
    const countyRows: Array<{ orgCode: string; values: Record<string, unknown> }> = [{ orgCode: officeOf(DEMO_COUNTY.code, 'enforcement'), values: { plan_kind: '专项', plan_name: '全县安全生产大检查', matter: countyMatter.id, planned_on: later, enterprise_name: first.enterprise_name, enterprise_uscc: first.enterprise_uscc, enterprise_address: first.enterprise_address, inspector1_name: personName(r), inspector1_identity: '执法人员', inspector1_cert: '县执2001', inspector2_name: personName(r), inspector2_identity: '执法人员', inspector2_cert: '县执2002', approved_on: addDays(later, -4), approver: `县综合行政执法局负责人${personName(r)}`, approval_opinion: '同意。', inspection_code: newInspectionCode(), notified_on: addDays(later, -2), notice_method: '书面通知', inspected_on: later, inspection_record: '现场检查安全生产管理情况，未发现问题。', outcome: '未发现问题', result_notified_on: later } }];
    await linkPlans(ctx, platform, officeOf(DEMO_COUNTY.code, 'enforcement'), countyRows, r);
    await seedLedger(ctx, platform, 'enforcement.inspection', countyRows);
  }
}

type Row = { orgCode: string; values: Record<string, unknown> };
const earliest = (days: readonly string[]): string => [...days].sort()[0] as string;
const latest = (days: readonly string[]): string => [...days].sort().reverse()[0] as string;

/**
 * the plans the unit's inspections were approved under: the year's 日常 plan, each campaign's 专项 plan and each
 * complaint's 个案 scheme, approved by the person in charge before the first inspection under it; an emergency
 * inspection has none beforehand
 */
async function linkPlans(ctx: Ctx, platform: Platform, orgCode: string, rows: Row[], r: ReturnType<typeof rng>): Promise<void> {
  const groups = new Map<string, Row[]>();
  rows.forEach((row, i) => {
    const v = row.values;
    if (v['emergency_reason']) return;
    const kind = String(v['plan_kind']);
    const key = kind === '个案' ? `个案#${i}` : `${kind}#${String(v['plan_name'])}#${String(v['planned_on']).slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  });
  const plans: Row[] = [];
  for (const group of groups.values()) {
    const v = (group[0] as Row).values;
    const kind = String(v['plan_kind']);
    const days = group.map((g) => String(g.values['planned_on']));
    const approvals = group.map((g) => g.values['approved_on']).filter((x): x is string => typeof x === 'string');
    const year = earliest(days).slice(0, 4);
    const starts = kind === '个案' ? addDays(earliest(days), -10) : kind === '日常' ? `${year}-01-01` : addDays(earliest(days), -r.int(5, 20));
    const ends = kind === '个案' ? addDays(latest(days), 20) : kind === '日常' ? `${year}-12-31` : addDays(latest(days), r.int(10, 30));
    const first = earliest([...approvals, kind === '日常' ? addDays(starts, -r.int(5, 15)) : addDays(starts, -1)]);
    const approvedOn = kind === '个案' ? first : addDays(first, -r.int(1, 4));
    plans.push({
      orgCode,
      values: {
        title: kind === '个案' ? `${String(v['plan_name'])}检查方案（${String(v['enterprise_name'])}）` : String(v['plan_name']),
        plan_kind: kind,
        starts_on: starts,
        ends_on: ends,
        scope: kind === '日常' ? '按本单位公布的行政检查事项清单和检查标准，对辖区企业开展日常检查，一表通查' : kind === '专项' ? `${String(v['plan_name']).replace(/^\d{4}年/, '')}：按检查标准逐项检查，发现问题当场指出、限期整改` : `核查${String(v['plan_name'])}反映的问题`,
        targets: kind === '日常' ? '辖区内纳入检查对象名录库的企业；同一企业每年日常检查不超过年度频次上限' : kind === '专项' ? `专项行动涉及的企业，共${group.length}家次` : `${String(v['enterprise_name'])}（线索来源：${String(v['plan_name'])}）`,
        ...(approvedOn <= chinaDate(ctx.now) ? { approved_on: approvedOn, approval_opinion: kind === '个案' ? '同意按检查方案核查，不得扩大检查范围。' : '同意，按计划组织实施，严格控制检查频次。' } : {}),
      },
    });
  }
  const ids = await seedLedger(ctx, platform, 'enforcement.inspection_plan', plans);
  [...groups.values()].forEach((group, i) => {
    for (const row of group) row.values['plan'] = ids[i];
  });
}
