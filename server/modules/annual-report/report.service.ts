import { resolveReportReminders } from '../../platform/reports/report-reminders.ts';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { audit } from '../../platform/audit/audit.service.ts';
import { inScope, type Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { computeIndicators, type IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { IndicatorDef } from '../../platform/indicators/indicator.types.ts';
import type { Platform } from '../../platform/module.ts';
import { reportDue } from '../../platform/reports/report-deadlines.ts';
import { allTokens, type ReportContent } from './report.content.ts';
import { blocking, checkDraft, type Check } from './report.checks.ts';
import { countyValues, type UnitSource } from './report.county.ts';
import { pruneUnknown, renderSections, type RenderedSection } from './report.render.ts';
import { defaultTemplate, instantiate, TEMPLATE_LEVELS, type TemplateLevel } from './report.template.ts';
import { notifyReportReturned } from './report.todos.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report tables are this module's own, not in the platform schema
const db = (ctx: Pick<Ctx, 'tx'>): Kysely<any> => ctx.tx as unknown as Kysely<any>;

export const KIND = 'annual';

const item = z.object({ type: z.enum(['heading', 'para']), text: z.string().max(5000, '每段不能超过5000字'), none: z.string().max(1000, '无数据时的表述不能超过1000字').optional() });
export const contentSchema = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(100),
  preamble: z.array(z.string().max(5000)).max(10),
  sections: z.array(z.object({ key: z.string().min(1).max(40), title: z.string().trim().min(2, '标题至少2个字').max(200), required: z.boolean(), items: z.array(item).max(200) })).min(1).max(10),
  liveUnsubmitted: z.boolean().optional(),
});

export interface DraftRow {
  id: number;
  org_code: string;
  kind: string;
  year: number;
  status: 'drafting' | 'submitted' | 'returned' | 'published';
  content: ReportContent;
  version: number;
  updated_at: Date;
  updated_by: string;
}

export interface DraftView {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  status: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  content: ReportContent;
  values: IndicatorValue[];
  checks: Check[];
  dueDate: string;
  versions: VersionSummary[];
  /** a county's report: where each unit's figures come from; null for a unit's own report */
  units: UnitSource[] | null;
}

export interface VersionSummary {
  id: number;
  versionNo: number;
  status: string;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
  publishedAt: string | null;
  secrecyOpinion: string | null;
  returnReason: string | null;
}

export async function orgOf(ctx: Ctx, code: string): Promise<{ code: string; name: string; parentName: string }> {
  if (!inScope(ctx, code)) throw notFound('单位');
  const org = await ctx.tx.selectFrom('org').select(['code', 'name', 'parent_code']).where('code', '=', code).executeTakeFirst();
  if (!org) throw notFound('单位');
  const parent = org.parent_code ? await ctx.tx.selectFrom('org').select('name').where('code', '=', org.parent_code).executeTakeFirst() : undefined;
  return { code: org.code, name: org.name, parentName: parent?.name ?? org.name };
}

/** the day units report to the county by: the county's setting, 3月1日 by default (platform/reports/report-deadlines.ts) */
export async function dueDate(ctx: Pick<Ctx, 'tx'>, year: number): Promise<string> {
  return reportDue(ctx.tx, 'report.annual.due', year);
}

// each level's template is a row of report_template; the town level's row was once keyed 'default'
const templateKeys = (level: TemplateLevel): string[] => (level === 'town' ? ['town', 'default'] : [level]);

async function templateRow(ctx: Pick<Ctx, 'tx'>, level: TemplateLevel): Promise<{ content: ReportContent; version: number; updated_by: string; updated_at: Date } | undefined> {
  // 'town' sorts after 'default': the level's own row wins over the old one
  return (await db(ctx).selectFrom('report_template').select(['content', 'version', 'updated_by', 'updated_at']).where('key', 'in', templateKeys(level)).orderBy('key', 'desc').executeTakeFirst()) as never;
}

export async function templateContent(ctx: Pick<Ctx, 'tx'>, level: TemplateLevel = 'town'): Promise<ReportContent> {
  return (await templateRow(ctx, level))?.content ?? defaultTemplate(level);
}

/** a county (an organisation with towns or departments reporting to it) writes the county's report; any other unit a unit's */
export async function templateLevelOf(ctx: Pick<Ctx, 'tx'>, orgCode: string): Promise<TemplateLevel> {
  return (await reportingUnits(ctx, orgCode)).length > 0 ? 'county' : 'town';
}

export function indicatorDefs(platform: Platform): IndicatorDef[] {
  return platform.modules.flatMap((m) => m.indicators ?? []);
}

/** the indicators a content's live fields need, with the sources of any ratio among them */
function neededDefs(platform: Platform, ids: readonly string[]): IndicatorDef[] {
  const all = indicatorDefs(platform);
  const byId = new Map(all.map((d) => [d.id, d]));
  const out = new Map<string, IndicatorDef>();
  const add = (id: string): void => {
    const d = byId.get(id);
    if (!d || out.has(id)) return;
    if (d.kind === 'ratio') {
      add(d.numerator);
      add(d.denominator);
    }
    out.set(id, d);
  };
  ids.forEach(add);
  return [...out.values()];
}

/**
 * every indicator for the organisation's year, with last year's figure from the same scan; the report's
 * live fields read from these, and the JSON lists them all. A county's figures come from its units' submitted
 * reports and its own records (report.county.ts); `sources` says, for each unit, where its share came from
 */
export async function reportFigures(ctx: Ctx, platform: Platform, org: string, year: number, content: ReportContent, withIds = false): Promise<{ values: Map<string, IndicatorValue>; sources: UnitSource[] | null }> {
  const defs = neededDefs(platform, [...new Set([...allTokens(content), ...indicatorDefs(platform).map((d) => d.id)])]);
  const units = await reportingUnits(ctx, org);
  if (units.length) return countyValues(ctx, platform, defs, org, units, year, { withIds, liveUnsubmitted: content.liveUnsubmitted === true });
  const values = await computeIndicators(ctx, defs, platform.ledgers, { org, from: `${year}-01-01`, to: `${year}-12-31` }, { withIds, compare: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } });
  return { values: new Map(values.map((v) => [v.id, v])), sources: null };
}

export async function liveValues(ctx: Ctx, platform: Platform, org: string, year: number, content: ReportContent, withIds = false): Promise<Map<string, IndicatorValue>> {
  return (await reportFigures(ctx, platform, org, year, content, withIds)).values;
}

/** checks another part of the module adds to every draft's (the reconciliation, reconcile.service.ts): warnings */
export type AnnualExtraChecks = (ctx: Ctx, platform: Platform, org: string, year: number) => Promise<Check[]>;
let annualExtra: AnnualExtraChecks | null = null;
export function setAnnualExtraChecks(fn: AnnualExtraChecks): void {
  annualExtra = fn;
}
const extraChecks = async (ctx: Ctx, platform: Platform, org: string, year: number): Promise<Check[]> => (annualExtra ? annualExtra(ctx, platform, org, year) : []);

/** a check on a county's report: units whose report has not reached the county, and how the report counts them */
export function sourceChecks(sources: readonly UnitSource[] | null): Check[] {
  const missing = (sources ?? []).filter((s) => s.source !== 'submitted');
  if (!missing.length) return [];
  const live = missing.filter((s) => s.source === 'live');
  return [
    {
      id: 'units.unsubmitted',
      ok: false,
      severity: 'warning',
      message: live.length
        ? `${missing.map((s) => s.name).join('、')}尚未报送年度报告，本报告按其台账实时数据计入，并在附件中标注“实时”`
        : `${missing.map((s) => s.name).join('、')}尚未报送年度报告，其数据未计入本报告，附件中标注“未报”`,
    },
  ];
}

/** the active units directly below an organisation, in their display order */
export async function unitsBelow(ctx: Pick<Ctx, 'tx'>, org: string): Promise<Array<{ code: string; name: string; kind: string }>> {
  return ctx.tx.selectFrom('org').select(['code', 'name', 'kind']).where('parent_code', '=', org).where('status', '=', 'active').orderBy('sort').orderBy('code').execute();
}

/** the units a report is an aggregate of: a county's towns and departments; a town's own offices are not reporting units */
export async function reportingUnits(ctx: Pick<Ctx, 'tx'>, org: string): Promise<Array<{ code: string; name: string }>> {
  const units = await unitsBelow(ctx, org);
  return units.some((u) => u.kind !== 'department') ? units : [];
}

/** only within the caller's scope: an org outside it reads as having no draft, so nothing about it leaks */
export async function findDraft(ctx: Ctx, org: string, year: number): Promise<DraftRow | undefined> {
  if (!inScope(ctx, org)) return undefined;
  return (await db(ctx).selectFrom('report_draft').selectAll().where('org_code', '=', org).where('kind', '=', KIND).where('year', '=', year).executeTakeFirst()) as DraftRow | undefined;
}

/** the organisation's draft for the year, made from the template on first open */
export async function openDraft(ctx: Ctx, platform: Platform, orgCode: string, year: number): Promise<DraftRow> {
  const existing = await findDraft(ctx, orgCode, year);
  if (existing) return existing;
  const org = await orgOf(ctx, orgCode);
  const known = new Set(indicatorDefs(platform).map((d) => d.id));
  const content = pruneUnknown(instantiate(await templateContent(ctx, await templateLevelOf(ctx, orgCode)), { orgName: org.name, parentName: org.parentName, year }), known);
  const row = (await db(ctx)
    .insertInto('report_draft')
    .values({ org_code: orgCode, kind: KIND, year, status: 'drafting', content: JSON.stringify(content), created_by: ctx.actor.username, updated_by: ctx.actor.username, created_at: ctx.now, updated_at: ctx.now })
    .returningAll()
    .executeTakeFirstOrThrow()) as DraftRow;
  await audit(ctx, { entity: 'report.annual', entityId: row.id, action: 'create', orgCode, diff: { year, title: content.title } });
  return row;
}

async function loadDraft(ctx: Ctx, id: number): Promise<DraftRow> {
  const row = (await db(ctx).selectFrom('report_draft').selectAll().where('id', '=', id).where('kind', '=', KIND).where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).executeTakeFirst()) as DraftRow | undefined;
  if (!row) throw notFound('报告');
  return row;
}

async function versions(ctx: Ctx, draftId: number): Promise<VersionSummary[]> {
  const rows = await db(ctx).selectFrom('report_version').selectAll().where('draft_id', '=', draftId).orderBy('version_no', 'desc').execute();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  return rows.map((r: any) => ({ id: r.id, versionNo: r.version_no, status: r.status, submittedAt: new Date(r.submitted_at).toISOString(), submittedBy: r.submitted_by, late: r.late, publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null, secrecyOpinion: r.secrecy_opinion, returnReason: r.return_reason }));
}

export async function draftView(ctx: Ctx, platform: Platform, id: number): Promise<DraftView> {
  const row = await loadDraft(ctx, id);
  const org = await orgOf(ctx, row.org_code);
  const { values, sources } = await reportFigures(ctx, platform, row.org_code, row.year, row.content);
  return {
    id: row.id,
    orgCode: row.org_code,
    orgName: org.name,
    year: row.year,
    status: row.status,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
    content: row.content,
    values: [...values.values()],
    checks: [...sourceChecks(sources), ...checkDraft(row.content, values), ...(await extraChecks(ctx, platform, row.org_code, row.year))],
    dueDate: await dueDate(ctx, row.year),
    versions: await versions(ctx, row.id),
    units: sources,
  };
}

export async function saveDraft(ctx: Ctx, id: number, content: ReportContent, version: number): Promise<void> {
  const row = await loadDraft(ctx, id);
  if (row.status === 'submitted' || row.status === 'published') throw new AppError('conflict', '报告已提交，不能修改；如需更正，请由上级退回或在发布后发起更正');
  if (row.version !== version) throw new AppError('stale_version', '报告已被他人修改，请刷新后再编辑（您的修改未保存，可先复制保存）');
  await db(ctx).updateTable('report_draft').set({ content: JSON.stringify(content), updated_at: ctx.now, updated_by: ctx.actor.username, version: version + 1 }).where('id', '=', id).execute();
  const changed = content.sections.filter((s, i) => JSON.stringify(s) !== JSON.stringify(row.content.sections[i])).map((s) => s.title);
  await audit(ctx, { entity: 'report.annual', entityId: id, action: 'update', orgCode: row.org_code, diff: { sections_changed: changed, title: row.content.title !== content.title ? { from: row.content.title, to: content.title } : undefined } });
}

/** submission freezes the text, every figure and the ids of the records behind it */
export async function submitDraft(ctx: Ctx, platform: Platform, id: number, version: number): Promise<VersionSummary> {
  const row = await loadDraft(ctx, id);
  if (row.status === 'submitted') throw new AppError('conflict', '报告已提交，等待上级审核');
  if (row.status === 'published') throw new AppError('conflict', '报告已发布；如需更正，请发起更正版本');
  if (row.version !== version) throw new AppError('stale_version', '报告已被他人修改，请刷新后再提交');
  const { values, sources } = await reportFigures(ctx, platform, row.org_code, row.year, row.content, true);
  const checks = [...sourceChecks(sources), ...checkDraft(row.content, values), ...(await extraChecks(ctx, platform, row.org_code, row.year))];
  const errors = blocking(checks);
  if (errors.length) throw new AppError('gate_refused', `报告未通过检查，不能提交：${errors.map((e) => e.message).join('；')}`);
  const due = await dueDate(ctx, row.year);
  const today = chinaDate(ctx.now);
  const last = await db(ctx).selectFrom('report_version').select(sql<number>`coalesce(max(version_no), 0)`.as('n')).where('draft_id', '=', id).executeTakeFirstOrThrow();
  const rendered: RenderedSection[] = renderSections(row.content, values);
  const v = await db(ctx)
    .insertInto('report_version')
    .values({
      draft_id: id,
      org_code: row.org_code,
      kind: KIND,
      year: row.year,
      version_no: Number(last.n) + 1,
      status: 'submitted',
      content: JSON.stringify(row.content),
      rendered: JSON.stringify(rendered),
      indicators: JSON.stringify([...values.values()]),
      checks: JSON.stringify(checks),
      units: sources ? JSON.stringify(sources) : null,
      due_date: due,
      late: today > due,
      submitted_by: ctx.actor.username,
      submitted_at: ctx.now,
    })
    .returning(['id', 'version_no'])
    .executeTakeFirstOrThrow();
  await db(ctx).updateTable('report_draft').set({ status: 'submitted', updated_at: ctx.now, updated_by: ctx.actor.username, version: row.version + 1 }).where('id', '=', id).execute();
  await audit(ctx, { entity: 'report.annual', entityId: id, action: 'submit', orgCode: row.org_code, diff: { version_no: v.version_no, indicators: values.size, late: today > due } });
  await resolveReportReminders(ctx, 'annual', row.org_code, row.year);
  const list = await versions(ctx, id);
  return list.find((x) => x.id === v.id) as VersionSummary;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw row of report_version
export async function loadVersion(ctx: Ctx, id: number, kind?: string): Promise<any> {
  // return, secrecy review and publication serve both reports kept in report_version; reading one names its kind
  let q = db(ctx).selectFrom('report_version').selectAll().where('id', '=', id).where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']);
  if (kind) q = q.where('kind', '=', kind);
  const v = await q.executeTakeFirst();
  if (!v) throw notFound('报告版本');
  return v;
}

/** the level above sends a submission back with a reason; the draft becomes editable again */
export async function returnVersion(ctx: Ctx, id: number, reason: string): Promise<void> {
  const v = await loadVersion(ctx, id);
  if (v.org_code === ctx.scope.root && v.org_code === ctx.actor.homeOrg) throw new AppError('forbidden', '不能退回本单位自己提交的报告，应由上级退回');
  if (v.status !== 'submitted') throw new AppError('conflict', '只有已提交、未发布的报告可以退回');
  await db(ctx).updateTable('report_version').set({ status: 'returned', returned_by: ctx.actor.username, returned_at: ctx.now, return_reason: reason }).where('id', '=', id).execute();
  await db(ctx).updateTable('report_draft').set({ status: 'returned', updated_at: ctx.now }).where('id', '=', v.draft_id).execute();
  await audit(ctx, { entity: `report.${String(v.kind)}`, entityId: v.draft_id, action: 'return', orgCode: v.org_code, diff: { version_no: v.version_no, reason } });
  await notifyReportReturned(ctx, v, reason);
}

export async function secrecyReview(ctx: Ctx, id: number, passed: boolean, opinion: string): Promise<void> {
  const v = await loadVersion(ctx, id);
  if (v.status !== 'submitted') throw new AppError('conflict', '只能对已提交、未发布的报告进行保密审查');
  await db(ctx).updateTable('report_version').set({ secrecy_by: ctx.actor.username, secrecy_at: ctx.now, secrecy_opinion: `${passed ? '通过' : '不通过'}：${opinion}`, ...(passed ? {} : { status: 'returned', return_reason: `保密审查未通过：${opinion}`, returned_by: ctx.actor.username, returned_at: ctx.now }) }).where('id', '=', id).execute();
  if (!passed) await db(ctx).updateTable('report_draft').set({ status: 'returned' }).where('id', '=', v.draft_id).execute();
  await audit(ctx, { entity: `report.${String(v.kind)}`, entityId: v.draft_id, action: 'secrecy_review', orgCode: v.org_code, diff: { version_no: v.version_no, passed, opinion } });
  if (!passed) await notifyReportReturned(ctx, v, `保密审查未通过：${opinion}`);
}

/** publication is permanent: the version is never edited; a correction is a later version that supersedes it */
export async function publishVersion(ctx: Ctx, id: number, correctionNote: string | null): Promise<void> {
  const v = await loadVersion(ctx, id);
  if (v.status !== 'submitted') throw new AppError('conflict', '只能发布已提交的报告');
  if (!v.secrecy_by || !String(v.secrecy_opinion ?? '').startsWith('通过')) throw new AppError('gate_refused', '发布前须通过保密审查');
  const earlier = await db(ctx).selectFrom('report_version').select('id').where('draft_id', '=', v.draft_id).where('status', '=', 'published').execute();
  if (earlier.length && !correctionNote) throw new AppError('validation_failed', '已有发布版本，本次为更正发布，请说明更正内容', [{ path: 'correctionNote', label: '更正说明', message: '更正说明：必填' }]);
  await db(ctx).updateTable('report_version').set({ status: 'superseded' }).where('draft_id', '=', v.draft_id).where('status', '=', 'published').execute();
  await db(ctx).updateTable('report_version').set({ status: 'published', published_by: ctx.actor.username, published_at: ctx.now, correction_note: correctionNote }).where('id', '=', id).execute();
  await db(ctx).updateTable('report_draft').set({ status: 'published', updated_at: ctx.now }).where('id', '=', v.draft_id).execute();
  await audit(ctx, { entity: `report.${String(v.kind)}`, entityId: v.draft_id, action: 'publish', orgCode: v.org_code, diff: { version_no: v.version_no, correction: correctionNote } });
}

/** starts a correction of a published report: the draft becomes editable; the published version stays public */
export async function startCorrection(ctx: Ctx, draftId: number): Promise<void> {
  const row = await loadDraft(ctx, draftId);
  if (row.status !== 'published') throw new AppError('conflict', '只有已发布的报告可以发起更正');
  await db(ctx).updateTable('report_draft').set({ status: 'drafting', updated_at: ctx.now, version: row.version + 1 }).where('id', '=', draftId).execute();
  await audit(ctx, { entity: 'report.annual', entityId: draftId, action: 'start_correction', orgCode: row.org_code });
}

export interface VersionDiff {
  indicators: Array<{ id: string; label: string; unit: string; frozen: number; current: number; added: number[]; removed: number[] }>;
}

/** what changed in the records since a version was frozen: figures and the records added or removed behind them */
export async function versionDiff(ctx: Ctx, platform: Platform, id: number): Promise<VersionDiff> {
  const v = await loadVersion(ctx, id, KIND);
  const frozen = v.indicators as IndicatorValue[];
  const current = await liveValues(ctx, platform, v.org_code, v.year, v.content as ReportContent, true);
  return {
    indicators: frozen
      .map((f) => {
        const c = current.get(f.id);
        const before = new Set(f.recordIds ?? []);
        const after = new Set(c?.recordIds ?? []);
        return { id: f.id, label: f.label, unit: f.unit, frozen: f.value, current: c?.value ?? 0, added: [...after].filter((x) => !before.has(x)), removed: [...before].filter((x) => !after.has(x)) };
      })
      .filter((d) => d.frozen !== d.current || d.added.length || d.removed.length),
  };
}

export interface RollupRow {
  orgCode: string;
  orgName: string;
  kind: string;
  status: 'not_started' | 'drafting' | 'returned' | 'submitted' | 'late' | 'published' | 'overdue';
  statusLabel: string;
  submittedAt: string | null;
  late: boolean;
  draftId: number | null;
  versionId: number | null;
}

const STATUS_LABEL: Record<RollupRow['status'], string> = { not_started: '未开始', drafting: '起草中', returned: '已退回修改', submitted: '已按时提交', late: '逾期提交', published: '已发布', overdue: '逾期未提交' };

/** the county's view: every town and department directly below, and where its report stands */
export async function rollup(ctx: Ctx, year: number): Promise<{ year: number; dueDate: string; rows: RollupRow[] }> {
  const due = await dueDate(ctx, year);
  const today = chinaDate(ctx.now);
  const children = await ctx.tx.selectFrom('org').select(['code', 'name', 'kind']).where('parent_code', '=', ctx.scope.root).where('status', '=', 'active').orderBy('sort').orderBy('code').execute();
  const codes = children.map((c) => c.code);
  const drafts = codes.length ? ((await db(ctx).selectFrom('report_draft').selectAll().where('org_code', 'in', codes).where('kind', '=', KIND).where('year', '=', year).execute()) as DraftRow[]) : [];
  const latest = codes.length
    ? await db(ctx).selectFrom('report_version').selectAll().where('org_code', 'in', codes).where('kind', '=', KIND).where('year', '=', year).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').execute()
    : [];
  const rows = children.map((c): RollupRow => {
    const d = drafts.find((x) => x.org_code === c.code);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw row
    const v: any = latest.find((x: any) => x.org_code === c.code);
    let status: RollupRow['status'] = d ? (d.status === 'returned' ? 'returned' : 'drafting') : 'not_started';
    if (v) status = v.status === 'published' ? 'published' : v.late ? 'late' : 'submitted';
    else if (today > due) status = 'overdue';
    return { orgCode: c.code, orgName: c.name, kind: c.kind, status, statusLabel: STATUS_LABEL[status], submittedAt: v ? new Date(v.submitted_at).toISOString() : null, late: !!v?.late, draftId: d?.id ?? null, versionId: v?.id ?? null };
  });
  return { year, dueDate: due, rows };
}

/** indicators of each unit below, side by side */
export async function compareUnits(ctx: Ctx, platform: Platform, year: number, ids: readonly string[]): Promise<{ indicators: Array<{ id: string; label: string; unit: string }>; units: Array<{ orgCode: string; orgName: string; values: Record<string, number> }> }> {
  const defs = neededDefs(platform, ids.length ? ids : indicatorDefs(platform).map((d) => d.id));
  const shown = defs.filter((d) => !ids.length || ids.includes(d.id));
  const children = await unitsBelow(ctx, ctx.scope.root);
  // one scan per table for every unit at once: the county's figures split by the unit each record belongs to
  const values = (await computeIndicators(ctx, defs, platform.ledgers, { org: ctx.scope.root, from: `${year}-01-01`, to: `${year}-12-31` }, { byUnit: true })).filter((v) => shown.some((s) => s.id === v.id));
  // a unit with nothing counted shows 0; a rate with no denominator is left out (the page shows —), as in the appendix
  const of = (code: string | null): Record<string, number> =>
    Object.fromEntries(values.flatMap((v) => (code === null ? [[v.id, v.value]] : v.units?.[code] !== undefined ? [[v.id, v.units[code]]] : v.kind === 'ratio' ? [] : [[v.id, 0]])));
  const units = [...children.map((c) => ({ orgCode: c.code, orgName: c.name, values: of(c.code) })), ...(values.some((v) => (v.units?.[ctx.scope.root] ?? 0) !== 0) ? [{ orgCode: ctx.scope.root, orgName: '本级', values: of(ctx.scope.root) }] : []), { orgCode: ctx.scope.root, orgName: '合计', values: of(null) }];
  return { indicators: shown.map((d) => ({ id: d.id, label: d.label, unit: d.unit })), units };
}

/** a province adjusts the template: wording, sub-headings, live fields; drafts opened afterwards use it */
export async function templateInfo(ctx: Pick<Ctx, 'tx'>, level: TemplateLevel = 'town'): Promise<{ version: number; updatedBy: string | null; updatedAt: string | null }> {
  const r = await templateRow(ctx, level);
  return r ? { version: Number(r.version), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString() } : { version: 0, updatedBy: null, updatedAt: null };
}

export async function saveTemplate(ctx: Ctx, platform: Platform, content: ReportContent, version?: number, level: TemplateLevel = 'town'): Promise<{ content: ReportContent; version: number }> {
  const info = await templateInfo(ctx, level);
  if (version !== undefined && version !== info.version) throw new AppError('conflict', '模板已被他人修改，请刷新后再保存（您的修改仍保留在页面上）');
  const known = new Set(indicatorDefs(platform).map((d) => d.id));
  const unknown = allTokens(content).filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('validation_failed', `模板引用了不存在的指标：${unknown.join('、')}`, [{ path: 'content', label: '模板内容', message: `模板内容：指标不存在 ${unknown.join('、')}` }]);
  if (!content.sections.some((s) => s.required)) throw new AppError('validation_failed', '模板至少须有一个必备部分');
  const json = JSON.stringify(content);
  // the level's own row carries on the version of the row it replaces (the town level's old 'default' row)
  await db(ctx)
    .insertInto('report_template')
    .values({ key: level, kind: KIND, name: `法治政府建设年度报告（${TEMPLATE_LEVELS[level]}）`, content: json, updated_by: ctx.actor.username, updated_at: ctx.now, version: info.version + 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ content: json, updated_by: ctx.actor.username, updated_at: ctx.now, version: sql`report_template.version + 1` }))
    .execute();
  await audit(ctx, { entity: 'report.template', entityId: level, action: 'update', orgCode: ctx.scope.root, diff: { level, sections: content.sections.map((s) => s.title) } });
  return { content, version: (await templateInfo(ctx, level)).version };
}
