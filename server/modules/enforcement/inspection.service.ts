import { sql, type Kysely } from 'kysely';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { can, type Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { createRecord, loadRow, type Row } from '../../platform/ledger/ledger.service.ts';
import type { HomeItem, Platform } from '../../platform/module.ts';
import type { DocumentSpec } from '../../platform/reports/blocks.ts';
import { getSetting } from '../../platform/settings.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { applyTransition, plainValues, type Timeline, type TransitionBody } from '../../platform/workflow/workflow.service.ts';
import type { InspectionOverview, PublicInspection, PublicInspectionCap } from '../../../common/inspection.types.ts';
import { caseLedger, matterLedger } from './enforcement.ledgers.ts';
import { INSPECTION_DOCUMENTS, inspectionDocument, type InspectionDocumentKind } from './inspection.documents.ts';
import { inspectionLedger, inspectionPlanLedger } from './inspection.ledgers.ts';
import { signatureImages } from './inspection.signatures.ts';
import {
  ANNUAL_CAP_DEFAULT,
  ANNUAL_CAP_SETTING,
  CAPPED_KINDS,
  HIGH_FREQUENCY_DEFAULT,
  HIGH_FREQUENCY_SETTING,
  inspectionAlerts,
  newInspectionCode,
  positiveInt,
  REPEAT_DAYS_DEFAULT,
  REPEAT_DAYS_SETTING,
  type Visit,
} from './inspection.rules.ts';

export type { InspectionOverview, PublicInspection, PublicInspectionCap } from '../../../common/inspection.types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && v ? v.slice(0, 10) : null);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
// the states in which an inspection counts as a visit: approved, or carried out
const COUNTED_STATES = ['approved', 'notified', 'inspected'];

function refused(label: string, messages: readonly { path: string; label: string; message: string }[]): AppError {
  return new AppError('gate_refused', `不能办理“${label}”：${messages.map((m) => m.message).join('；')}`, [...messages]);
}

/**
 * 国办发〔2024〕54号: an inspection is carried out only under a published, valid 行政检查 matter — one that stands in
 * the latest catalog version its organisation (or the town above its department) published on or before the day
 */
export async function matterProblem(d: AnyDb, matterId: unknown, on: string): Promise<string | null> {
  const m = await d.selectFrom(matterLedger.table).select(['code', 'name', 'matter_type', 'matter_status', 'org_code']).where('id', '=', Number(matterId)).where('status', '=', 'active').executeTakeFirst();
  if (!m) return '检查事项不存在或已撤销';
  const named = `检查事项“${String(m.name)}”（${String(m.code)}）`;
  if (m.matter_type !== '行政检查') return `${named}不是行政检查事项，不能据此实施检查`;
  if (m.matter_status !== '有效') return `${named}状态为“${String(m.matter_status)}”，不能据此实施检查`;
  const org = String(m.org_code);
  const owners = [org, ...(org.includes('-') ? [org.split('-')[0] as string] : [])];
  const latest = await d
    .selectFrom('enforcement_catalog_version')
    .select(['label', 'items'])
    .where('org_code', 'in', owners)
    .where('published_on', '<=', on)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!latest) return `${named}所属单位尚未公布执法事项清单，未经公布的事项不得实施检查`;
  const items = (typeof latest.items === 'string' ? JSON.parse(latest.items) : latest.items) as Array<{ code: string }>;
  if (!items.some((i) => i.code === m.code)) return `${named}不在已公布的执法事项清单（${String(latest.label)}）中，未经公布的事项不得实施检查`;
  return null;
}

/** the department's annual cap on 日常 inspections of one enterprise: its own setting, else the instance's, else 2 */
export async function annualCap(d: AnyDb, orgCode: string): Promise<number> {
  const own = await getSetting<number>(d, `${ANNUAL_CAP_SETTING}.${orgCode}`);
  if (own !== undefined) return positiveInt(own, ANNUAL_CAP_DEFAULT);
  return positiveInt(await getSetting<number>(d, ANNUAL_CAP_SETTING), ANNUAL_CAP_DEFAULT);
}

/** the capped inspections this department made or approved of this enterprise in the year, besides this one */
async function yearCount(d: AnyDb, orgCode: string, uscc: string, year: number, exceptId: number): Promise<number> {
  const row = await d
    .selectFrom(inspectionLedger.table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'active')
    .where('org_code', '=', orgCode)
    .where('enterprise_uscc', '=', uscc)
    .where('plan_kind', 'in', [...CAPPED_KINDS])
    .where('state', 'in', COUNTED_STATES)
    .where('id', '<>', exceptId)
    .where(sql<boolean>`extract(year from coalesce(inspected_on, planned_on)) = ${year}`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * 凡检查必审批: an inspection is approved under a plan the person in charge approved beforehand — of its unit, of its
 * kind, not cancelled, its period holding the inspection's day; an emergency links its plan (个案检查方案) afterwards
 */
export async function planProblem(d: AnyDb, row: Row, approvedOn: string | null): Promise<string | null> {
  const kind = String(row['plan_kind']);
  if (row['plan'] === null || row['plan'] === undefined) return approvedOn === null ? null : `请选择本次检查所依据的已批准的${kind}检查计划${kind === '个案' ? '（检查方案）' : ''}`;
  const p = await d.selectFrom(inspectionPlanLedger.table).select(['title', 'plan_kind', 'org_code', 'state', 'approved_on', 'starts_on', 'ends_on']).where('id', '=', Number(row['plan'])).where('status', '=', 'active').executeTakeFirst();
  if (!p) return '检查计划不存在或已删除';
  const named = `检查计划“${String(p.title)}”`;
  if (String(p.org_code) !== String(row['org_code'])) return `${named}不是本单位的检查计划`;
  if (p.plan_kind !== kind) return `${named}是${String(p.plan_kind)}检查计划，本次为${kind}检查`;
  if (p.state === 'cancelled') return `${named}已撤销`;
  const planned = iso(row['planned_on']) ?? '';
  if (planned < String(iso(p.starts_on)) || planned > String(iso(p.ends_on))) return `计划检查日期${planned}不在${named}的期间（${String(iso(p.starts_on))}至${String(iso(p.ends_on))}）内`;
  if (approvedOn === null) return null;
  if (p.state !== 'approved' || !iso(p.approved_on)) return `${named}尚未经负责人批准，不得据此实施检查`;
  if (String(iso(p.approved_on)) > approvedOn) return `${named}于${String(iso(p.approved_on))}批准，晚于本次检查的审批日期`;
  return null;
}

/** the checks the database answers before approval: the plan, the published matter and the annual cap */
async function approvalChecks(ctx: Ctx, row: Row, on: string, label: string, approvedOn: string | null): Promise<void> {
  const misses: Array<{ path: string; label: string; message: string }> = [];
  const plan = await planProblem(db(ctx), row, approvedOn);
  if (plan) misses.push({ path: 'plan', label: '检查计划', message: plan });
  const matter = await matterProblem(db(ctx), row['matter'], on);
  if (matter) misses.push({ path: 'matter', label: '检查事项', message: matter });
  if (CAPPED_KINDS.includes(String(row['plan_kind']))) {
    const orgCode = String(row['org_code']);
    const cap = await annualCap(db(ctx), orgCode);
    const year = Number(on.slice(0, 4));
    const done = await yearCount(ctx.tx as unknown as AnyDb, orgCode, String(row['enterprise_uscc']), year, Number(row['id']));
    if (done >= cap) {
      misses.push({
        path: 'enterprise_uscc',
        label: '年度检查频次',
        message: `${String(row['enterprise_name'])}（${String(row['enterprise_uscc'])}）${year}年已被本单位日常检查${done}次，已达年度检查频次上限${cap}次，不得再安排日常检查`,
      });
    }
  }
  if (misses.length) throw refused(label, misses);
}

const dateOf = (body: TransitionBody, field: string): string | null => (isDate(body[field]) ? (body[field] as string) : null);

/** 检查审批: by the person in charge, named by the login; the published matter and the cap are checked; the code given */
export async function approveInspection(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number, body: TransitionBody): Promise<Timeline> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const on = dateOf(body, 'approved_on') ?? chinaDate(ctx.now);
  // the matter published and the cap counted as of the planned day of the inspection
  if (row['state'] === 'planned') await approvalChecks(ctx, row, iso(row['planned_on']) ?? on, '检查审批', on);
  const input: TransitionBody = { ...body, approver: ctx.actor.displayName, inspection_code: newInspectionCode() };
  return applyTransition(ctx, platform, inspectionLedger, id, 'approve', input, { dedicated: true });
}

/** 转立案: the penalty case (案源登记) opened from the inspection's result, in this transaction; its id goes on the inspection */
async function openCase(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, row: Row, body: TransitionBody): Promise<number | null> {
  if (body['outcome'] !== '转立案' || !isDate(body['inspected_on']) || body['penalty_matter'] === undefined || body['penalty_matter'] === null || body['penalty_matter'] === '' || typeof body['case_summary'] !== 'string' || !body['case_summary'].trim()) return null;
  if (!can(ctx, 'enforcement.case.create')) throw forbidden('您的角色无权登记行政执法案件，不能办理转立案');
  const m = await db(ctx).selectFrom(matterLedger.table).select(['matter_type', 'domain', 'name']).where('id', '=', Number(body['penalty_matter'])).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'active').executeTakeFirst();
  if (!m) throw new AppError('validation_failed', '立案依据的处罚事项不存在', [{ path: 'penalty_matter', label: '立案依据的处罚事项', message: '立案依据的处罚事项：不存在或无权查看' }]);
  if (m.matter_type !== '行政处罚') throw new AppError('validation_failed', `“${String(m.name)}”不是行政处罚事项`, [{ path: 'penalty_matter', label: '立案依据的处罚事项', message: `立案依据的处罚事项：“${String(m.name)}”不是行政处罚事项` }]);
  const created = await createRecord(
    ctx,
    caseLedger,
    {
      orgCode: String(row['org_code']),
      case_type: '行政处罚',
      domain: (m.domain as string | null) ?? '其他',
      matter: Number(body['penalty_matter']),
      source: row['plan_kind'] === '日常' ? '日常巡查' : '其他',
      registered_on: body['inspected_on'],
      summary: `${body['case_summary'].trim()}（行政检查${String(row['inspection_no'])}转立案）`,
      handler: row['inspector1_name'],
      party_kind: '单位',
      party_name: row['enterprise_name'],
      party_uscc: row['enterprise_uscc'],
      party_address: row['enterprise_address'],
    },
    platform.ledgers,
    { auditAction: 'create_from_inspection' },
  );
  return created.id;
}

/** 记录检查结果: after approval and notice; a 转立案 opens the penalty case in the same transaction */
export async function recordInspectionResult(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number, body: TransitionBody): Promise<Timeline> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const on = dateOf(body, 'inspected_on');
  if (on && row['state'] === 'notified') {
    const matter = await matterProblem(db(ctx), row['matter'], on);
    if (matter) throw refused('记录检查结果', [{ path: 'matter', label: '检查事项', message: matter }]);
  }
  const input: TransitionBody = { ...body };
  delete input['penalty_case'];
  if (row['state'] === 'notified') {
    const caseId = await openCase(ctx, platform, row, body);
    if (caseId !== null) input['penalty_case'] = caseId;
  }
  return applyTransition(ctx, platform, inspectionLedger, id, 'record_result', input, { dedicated: true });
}

/** 紧急检查事后补批: the inspection already made, approved afterwards with the reason; the same checks as an approval */
export async function emergencyInspection(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number, body: TransitionBody): Promise<Timeline> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const on = dateOf(body, 'inspected_on');
  if (on && row['state'] === 'planned') await approvalChecks(ctx, row, on, '紧急检查事后补批', null);
  const input: TransitionBody = { ...body, approver: ctx.actor.displayName, inspection_code: newInspectionCode() };
  delete input['penalty_case'];
  if (row['state'] === 'planned') {
    const caseId = await openCase(ctx, platform, row, body);
    if (caseId !== null) input['penalty_case'] = caseId;
  }
  return applyTransition(ctx, platform, inspectionLedger, id, 'emergency', input, { dedicated: true });
}

/**
 * 扫码入企: what the enterprise may check about an inspection by its code — the organ, the matter, the officers and
 * their certificates, who approved it and when. Nothing else about the enterprise or the people is shown.
 */
export async function publicInspection(d: AnyDb, code: string, today: string): Promise<PublicInspection> {
  const r = await d
    .selectFrom(`${inspectionLedger.table} as i`)
    .innerJoin('org as o', 'o.code', 'i.org_code')
    .innerJoin(`${matterLedger.table} as m`, 'm.id', 'i.matter')
    .select(['i.org_code', 'i.enterprise_uscc', 'i.inspection_no', 'i.inspection_code', 'i.plan_kind', 'i.state', 'i.planned_on', 'i.approved_on', 'i.approver', 'i.emergency_reason', 'i.inspected_on', 'i.joint_orgs', 'i.enterprise_name', 'i.inspector1_name', 'i.inspector1_cert', 'i.inspector2_name', 'i.inspector2_cert', 'o.name as org_name', 'm.code as matter_code', 'm.name as matter_name', 'm.law', 'm.article'])
    .where('i.inspection_code', '=', code)
    .where('i.status', '=', 'active')
    .where('i.state', 'in', [...COUNTED_STATES, 'cancelled'])
    .executeTakeFirst();
  if (!r) throw notFound(`检查码“${code}”对应的行政检查`);
  const name = String(r.enterprise_name ?? '');
  return {
    code: String(r.inspection_code),
    inspectionNo: String(r.inspection_no),
    organ: String(r.org_name),
    planKind: String(r.plan_kind),
    state: r.state === 'cancelled' ? '已取消' : r.state === 'inspected' ? '已检查' : '已批准，待实施',
    valid: r.state !== 'cancelled',
    // enough of the name for the enterprise to see the code is its own, not a list of who was inspected
    enterprise: name.length > 4 ? `${name.slice(0, 2)}${'*'.repeat(Math.min(6, name.length - 4))}${name.slice(-2)}` : name,
    matter: { code: String(r.matter_code), name: String(r.matter_name), basis: `${String(r.law ?? '')}${String(r.article ?? '')}` },
    officers: await withCertificates(d, String(r.org_code), today, [
      { name: String(r.inspector1_name), cert: String(r.inspector1_cert ?? '') },
      { name: String(r.inspector2_name), cert: String(r.inspector2_cert ?? '') },
    ]),
    approver: String(r.approver ?? ''),
    approvedOn: iso(r.approved_on) ?? '',
    emergency: typeof r.emergency_reason === 'string' && r.emergency_reason !== '',
    plannedOn: iso(r.planned_on) ?? '',
    inspectedOn: iso(r.inspected_on),
    jointOrgs: (r.joint_orgs as string | null) ?? null,
    usage: await capUsage(d, String(r.org_code), String(r.enterprise_uscc ?? ''), Number(today.slice(0, 4))),
  };
}

/**
 * 亮证: each officer's certificate as the registry of the inspecting town (its departments included) holds it today —
 * the registered name is never shown, only whether the number is this officer's
 */
async function withCertificates(d: AnyDb, orgCode: string, today: string, officers: Array<{ name: string; cert: string }>): Promise<PublicInspection['officers']> {
  const town = orgCode.split('-')[0] ?? orgCode;
  const rows = await d
    .selectFrom('enforcement_inspector')
    .select(['name', 'cert_no', 'cert_valid_from', 'cert_valid_until'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('org_code', '=', town), eb('org_code', 'like', `${town}-%`)]))
    .execute();
  return officers.map((o) => {
    if (!rows.length) return { ...o, certificate: { status: 'unchecked', validUntil: null } };
    const found = rows.find((x) => String(x.cert_no).trim() === o.cert.trim());
    if (!found) return { ...o, certificate: { status: 'unregistered', validUntil: null } };
    if (String(found.name).trim() !== o.name.trim()) return { ...o, certificate: { status: 'other_name', validUntil: null } };
    const until = iso(found.cert_valid_until);
    const from = iso(found.cert_valid_from);
    const status = until && until < today ? 'expired' : from && from > today ? 'not_yet' : 'valid';
    return { ...o, certificate: { status, validUntil: until } };
  });
}

/**
 * the yearly cap on 日常 inspections as it stands for each department that inspected this enterprise this year (and
 * the inspecting organ itself), with the 日常 inspections each has used; organs and counts only, nothing personal
 */
async function capUsage(d: AnyDb, orgCode: string, uscc: string, year: number): Promise<PublicInspection['usage']> {
  const rows = uscc
    ? await d
        .selectFrom(`${inspectionLedger.table} as i`)
        .select((eb) => ['i.org_code', eb.fn.countAll().as('n')])
        .where('i.status', '=', 'active')
        .where('i.enterprise_uscc', '=', uscc)
        .where('i.plan_kind', 'in', [...CAPPED_KINDS])
        .where('i.state', 'in', COUNTED_STATES)
        .where(sql<boolean>`extract(year from coalesce(i.inspected_on, i.planned_on)) = ${year}`)
        .groupBy('i.org_code')
        .execute()
    : [];
  const used = new Map<string, number>(rows.map((x) => [String(x.org_code), Number(x.n)]));
  if (!used.has(orgCode)) used.set(orgCode, 0);
  const orgs = await d.selectFrom('org').select(['code', 'name']).where('code', 'in', [...used.keys()]).execute();
  const names = new Map(orgs.map((o) => [String(o.code), String(o.name)]));
  const departments = await Promise.all([...used].map(async ([code, n]) => ({ organ: names.get(code) ?? code, used: n, cap: await annualCap(d, code) })));
  return { year, kinds: [...CAPPED_KINDS], departments: departments.sort((a, b) => b.used - a.used || a.organ.localeCompare(b.organ, 'zh-CN')) };
}

/** 年度检查频次上限 as published on the public site: the general figure and every department that set its own */
export async function publicInspectionCap(d: AnyDb, today: string): Promise<PublicInspectionCap> {
  const own = await d.selectFrom('setting').select(['key', 'value']).where('key', 'like', `${ANNUAL_CAP_SETTING}.%`).execute();
  const codes = own.map((x) => String(x.key).slice(ANNUAL_CAP_SETTING.length + 1));
  const orgs = codes.length ? await d.selectFrom('org').select(['code', 'name']).where('code', 'in', codes).execute() : [];
  const names = new Map(orgs.map((o) => [String(o.code), String(o.name)]));
  return {
    year: Number(today.slice(0, 4)),
    kinds: [...CAPPED_KINDS],
    cap: positiveInt(await getSetting<number>(d, ANNUAL_CAP_SETTING), ANNUAL_CAP_DEFAULT),
    departments: own
      .map((x) => ({ code: String(x.key).slice(ANNUAL_CAP_SETTING.length + 1), value: x.value as unknown }))
      .filter((x) => names.has(x.code))
      .map((x) => ({ organ: names.get(x.code) ?? x.code, cap: positiveInt(x.value, ANNUAL_CAP_DEFAULT) }))
      .sort((a, b) => a.organ.localeCompare(b.organ, 'zh-CN')),
  };
}

/** the year's inspections in the user's scope: counts, the department's cap and the alerts across departments */
export async function inspectionOverview(ctx: Ctx, year: number): Promise<InspectionOverview> {
  const d = db(ctx);
  const codes = ctx.scope.codes.length ? ctx.scope.codes : [''];
  const rows = await d
    .selectFrom(`${inspectionLedger.table} as i`)
    .innerJoin('org as o', 'o.code', 'i.org_code')
    .select(['i.enterprise_uscc', 'i.enterprise_name', 'i.org_code', 'o.name as org_name', 'i.planned_on', 'i.inspected_on', 'i.plan_kind', 'i.outcome', 'i.state', 'i.joint_orgs'])
    .where('i.status', '=', 'active')
    .where('i.org_code', 'in', codes)
    .where('i.state', 'in', COUNTED_STATES)
    .where(sql<boolean>`extract(year from coalesce(i.inspected_on, i.planned_on)) = ${year}`)
    .execute();
  const visits: Visit[] = rows.map((r) => ({ uscc: String(r.enterprise_uscc), name: String(r.enterprise_name), orgCode: String(r.org_code), orgName: String(r.org_name), on: iso(r.inspected_on) ?? iso(r.planned_on) ?? '' }));
  const repeatDays = positiveInt(await getSetting<number>(d, REPEAT_DAYS_SETTING), REPEAT_DAYS_DEFAULT);
  const highFrequency = positiveInt(await getSetting<number>(d, HIGH_FREQUENCY_SETTING), HIGH_FREQUENCY_DEFAULT);
  const tally = (key: 'plan_kind' | 'outcome'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of rows) if (r[key]) out[String(r[key])] = (out[String(r[key])] ?? 0) + 1;
    return out;
  };
  return {
    year,
    visits: rows.length,
    enterprises: new Set(visits.map((v) => v.uscc)).size,
    joint: rows.filter((r) => typeof r.joint_orgs === 'string' && r.joint_orgs !== '').length,
    byKind: tally('plan_kind'),
    byOutcome: tally('outcome'),
    cap: await annualCap(d, ctx.scope.root),
    repeatDays,
    highFrequency,
    alerts: inspectionAlerts(visits, repeatDays, highFrequency),
  };
}

/** the documents of an inspection: which can be made at its current step */
export async function inspectionDocuments(ctx: Ctx, id: number): Promise<Array<{ kind: InspectionDocumentKind; label: string; unavailable: string | null }>> {
  const row = await loadRow(ctx, inspectionLedger, id);
  return (Object.keys(INSPECTION_DOCUMENTS) as InspectionDocumentKind[]).map((kind) => {
    const needs = INSPECTION_DOCUMENTS[kind].needs;
    const missing = needs !== null && (row[needs] === null || row[needs] === undefined);
    return { kind, label: INSPECTION_DOCUMENTS[kind].label, unavailable: missing ? `待${inspectionLedger.fields.find((f) => f.name === needs)?.label ?? ''}填写后可制作` : null };
  });
}

// the 笔录 signed on screen (inspection.signatures.ts); the other documents are the organ's own, sealed, not signed
const SIGNED_KINDS: ReadonlySet<InspectionDocumentKind> = new Set(['record', 'inquiry', 'survey', 'sampling']);

/**
 * one inspection document, as blocks to render as DOCX or PDF (send-document.ts), with the title of its file; the
 * public address on it is where this server is reached
 */
export async function inspectionDocumentSpec(ctx: Ctx, store: BlobStore, id: number, kind: InspectionDocumentKind, origin: string): Promise<{ spec: DocumentSpec; title: string }> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const needs = INSPECTION_DOCUMENTS[kind].needs;
  if (needs !== null && (row[needs] === null || row[needs] === undefined)) throw new AppError('conflict', `本次检查尚未办理到这一步，不能制作${INSPECTION_DOCUMENTS[kind].label}`);
  const values: Record<string, unknown> = {};
  const plain = plainValues(ctx, inspectionLedger, row);
  for (const f of inspectionLedger.fields) values[f.name] = f.type === 'date' ? iso(row[f.name]) : plain[f.name];
  const d = db(ctx);
  const org = await d.selectFrom('org').select('name').where('code', '=', String(row['org_code'])).executeTakeFirst();
  const matter = await d.selectFrom(matterLedger.table).select(['name', 'law', 'article']).where('id', '=', Number(row['matter'])).executeTakeFirst();
  const standards = await d.selectFrom('enforcement_inspection_standard').select(['title', 'items']).where('matter', '=', Number(row['matter'])).where('status', '=', 'active').orderBy('id').execute();
  const caseNo = row['penalty_case'] ? ((await d.selectFrom(caseLedger.table).select('case_no').where('id', '=', Number(row['penalty_case'])).executeTakeFirst())?.case_no ?? null) : null;
  const code = typeof values['inspection_code'] === 'string' ? values['inspection_code'] : '';
  const spec = inspectionDocument(
    kind,
    {
      values,
      orgName: String(org?.name ?? row['org_code']),
      matterName: String(matter?.name ?? ''),
      basis: `${String(matter?.law ?? '')}${String(matter?.article ?? '')}`,
      standards: standards.map((s) => ({ title: String(s.title), items: String(s.items) })),
      verifyUrl: `${origin}/public/inspections${code ? `/${code}` : ''}`,
      caseNo: caseNo === null ? null : String(caseNo),
      ...(SIGNED_KINDS.has(kind) ? { signatures: await signatureImages(ctx, store, id) } : {}),
    },
    chinaDate(ctx.now),
  );
  return { spec, title: `${INSPECTION_DOCUMENTS[kind].label}-${String(row['inspection_no'])}` };
}

/** the home page's line on enterprises inspected repeatedly or too often across departments this year */
export async function inspectionHomeItems(ctx: Ctx): Promise<HomeItem[]> {
  if (!ctx.actor.permissions.has(`${inspectionLedger.name}.read`)) return [];
  const o = await inspectionOverview(ctx, Number(chinaDate(ctx.now).slice(0, 4)));
  if (o.alerts.length === 0) return [];
  return [{ key: 'enforcement.inspection_alerts', label: '跨部门重复或高频检查的企业', count: o.alerts.length, link: '/enforcement/inspections', tone: 'warning' }];
}
