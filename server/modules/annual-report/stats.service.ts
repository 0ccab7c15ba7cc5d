import { sql, type Kysely } from 'kysely';
import type { CellOverride, StatsCheck, StatsContent, StatsLayout, StatsTable, StatsVersionSummary, StatsView } from '../../../common/enforcement-stats.types.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { can, inScope, type Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { computeIndicators, type IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { IndicatorDef } from '../../platform/indicators/indicator.types.ts';
import type { Platform } from '../../platform/module.ts';
import { reportDue } from '../../platform/reports/report-deadlines.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { countyValues } from './report.county.ts';
import { indicatorDefs, orgOf, reportingUnits } from './report.service.ts';
import { buildStatsTable, cellKey } from './stats.build.ts';
import { STATS_KIND } from './stats.kind.ts';
import { layoutIndicators, layoutProblems, type LayoutInput } from './stats.layout.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report tables are this module's own, not in the platform schema
const db = (ctx: Pick<Ctx, 'tx'>): Kysely<any> => ctx.tx as unknown as Kysely<any>;

export { STATS_KIND };

interface StatsDraftRow {
  id: number;
  org_code: string;
  year: number;
  status: 'drafting' | 'submitted' | 'returned' | 'published';
  content: StatsContent;
  version: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw row of enforcement_stats_layout
const layoutOut = (r: any): StatsLayout => ({ version: Number(r.version), note: r.note, createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by ?? null, ...(r.content as Omit<StatsLayout, 'version' | 'note' | 'createdAt' | 'createdBy'>), title: r.title });

/** every published layout, newest first; none is ever edited */
export async function layouts(ctx: Pick<Ctx, 'tx'>): Promise<StatsLayout[]> {
  return (await db(ctx).selectFrom('enforcement_stats_layout').selectAll().orderBy('version', 'desc').execute()).map(layoutOut);
}

/** a layout by version, or the one in force (the latest) */
export async function layoutVersion(ctx: Pick<Ctx, 'tx'>, version?: number): Promise<StatsLayout> {
  let q = db(ctx).selectFrom('enforcement_stats_layout').selectAll();
  q = version === undefined ? q.orderBy('version', 'desc') : q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('统计表布局');
  return layoutOut(r);
}

/** a province's new layout: the next version; reports drafted afterwards use it, earlier ones keep theirs */
export async function publishLayout(ctx: Ctx, platform: Platform, input: LayoutInput): Promise<StatsLayout> {
  const { note, ...content } = input;
  const problems = layoutProblems(content, new Set(indicatorDefs(platform).map((d) => d.id)));
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const last = await db(ctx).selectFrom('enforcement_stats_layout').select(sql<number>`coalesce(max(version), 0)`.as('v')).executeTakeFirstOrThrow();
  const version = Number(last.v) + 1;
  await db(ctx).insertInto('enforcement_stats_layout').values({ version, title: content.title, note, content: JSON.stringify(content), created_at: ctx.now, created_by: ctx.actor.username }).execute();
  await audit(ctx, { entity: 'report.enforcement-stats.layout', entityId: version, action: 'create', orgCode: ctx.scope.root, diff: { title: content.title, note, rows: content.rows.length, checks: content.checks.length } });
  return layoutVersion(ctx, version);
}

export async function statsDue(ctx: Pick<Ctx, 'tx'>, year: number): Promise<string> {
  return reportDue(ctx.tx, 'report.enforcementStats.due', year);
}

const titleOf = (orgName: string, year: number): string => `${orgName}${year}年度行政执法统计年报`;

async function findStats(ctx: Ctx, org: string, year: number): Promise<StatsDraftRow | undefined> {
  if (!inScope(ctx, org)) return undefined;
  return (await db(ctx).selectFrom('report_draft').selectAll().where('org_code', '=', org).where('kind', '=', STATS_KIND).where('year', '=', year).executeTakeFirst()) as StatsDraftRow | undefined;
}

async function loadStats(ctx: Ctx, id: number): Promise<StatsDraftRow> {
  const row = (await db(ctx).selectFrom('report_draft').selectAll().where('id', '=', id).where('kind', '=', STATS_KIND).where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).executeTakeFirst()) as StatsDraftRow | undefined;
  if (!row) throw notFound('行政执法统计年报');
  return row;
}

export type StatsLookup = { exists: true; id: number; status: string } | { exists: false; orgCode: string; orgName: string; year: number; title: string; canCreate: boolean };

/** reading never writes: the page looks the report up; 新建 drafts it */
export async function lookupStats(ctx: Ctx, org: string, year: number): Promise<StatsLookup> {
  if (!inScope(ctx, org)) throw notFound('单位');
  const found = await findStats(ctx, org, year);
  if (found) return { exists: true, id: found.id, status: found.status };
  const o = await orgOf(ctx, org);
  return { exists: false, orgCode: org, orgName: o.name, year, title: titleOf(o.name, year), canCreate: can(ctx, 'report.edit') };
}

export async function createStats(ctx: Ctx, org: string, year: number): Promise<{ id: number; created: boolean }> {
  if (!inScope(ctx, org)) throw notFound('单位');
  const found = await findStats(ctx, org, year);
  if (found) return { id: found.id, created: false };
  const o = await orgOf(ctx, org);
  const layout = await layoutVersion(ctx);
  const content: StatsContent = { title: titleOf(o.name, year), layoutVersion: layout.version, overrides: {} };
  const row = await db(ctx)
    .insertInto('report_draft')
    .values({ org_code: org, kind: STATS_KIND, year, status: 'drafting', content: JSON.stringify(content), created_by: ctx.actor.username, updated_by: ctx.actor.username, created_at: ctx.now, updated_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { entity: `report.${STATS_KIND}`, entityId: Number(row.id), action: 'create', orgCode: org, diff: { year, layoutVersion: layout.version } });
  return { id: Number(row.id), created: true };
}

/**
 * the figures behind the table: the organisation's records; a county's come from its units' submitted statistics
 * reports and its own records (report.county.ts, decision 0031), so the county's table adds up its units' tables
 */
async function statsFigures(ctx: Ctx, platform: Platform, org: string, year: number, layout: StatsLayout, withIds: boolean): Promise<{ values: Map<string, IndicatorValue>; units: StatsView['units'] }> {
  const byId = new Map(indicatorDefs(platform).map((d) => [d.id, d]));
  const defs = new Map<string, IndicatorDef>();
  const add = (id: string): void => {
    const d = byId.get(id);
    if (!d || defs.has(id)) return;
    if (d.kind === 'ratio') [d.numerator, d.denominator].forEach(add);
    defs.set(id, d);
  };
  layoutIndicators(layout).forEach(add);
  const units = await reportingUnits(ctx, org);
  if (units.length) {
    const r = await countyValues(ctx, platform, [...defs.values()], org, units, year, { withIds, liveUnsubmitted: false, kind: STATS_KIND });
    return { values: r.values, units: r.sources.map((s) => ({ code: s.code, name: s.name, source: s.source, versionNo: s.versionNo })) };
  }
  const values = await computeIndicators(ctx, [...defs.values()], platform.ledgers, { org, from: `${year}-01-01`, to: `${year}-12-31` }, { withIds });
  return { values: new Map(values.map((v) => [v.id, v])), units: null };
}

/** reconciliation with the other two reports, as warnings of this report (reconcile.service.ts registers it) */
export type ExtraChecks = (ctx: Ctx, platform: Platform, org: string, year: number, table: StatsTable) => Promise<StatsCheck[]>;
let extraChecks: ExtraChecks | null = null;
export function setStatsExtraChecks(fn: ExtraChecks): void {
  extraChecks = fn;
}

function unitChecks(units: StatsView['units']): StatsCheck[] {
  const missing = (units ?? []).filter((u) => u.source !== 'submitted');
  return missing.length ? [{ id: 'units.unsubmitted', ok: false, severity: 'warning', message: `${missing.map((u) => u.name).join('、')}尚未报送行政执法统计年报，其数据未计入本表` }] : [];
}

/** the live table of a draft: the layout it was drawn on, today's figures, its adjustments, and every check */
export async function liveStats(ctx: Ctx, platform: Platform, row: StatsDraftRow, withIds = false): Promise<{ table: StatsTable; values: Map<string, IndicatorValue>; units: StatsView['units'] }> {
  const layout = await layoutVersion(ctx, row.content.layoutVersion);
  const { values, units } = await statsFigures(ctx, platform, row.org_code, row.year, layout, withIds);
  const table = buildStatsTable(layout, values, row.content.overrides);
  table.checks.unshift(...unitChecks(units));
  if (extraChecks) table.checks.push(...(await extraChecks(ctx, platform, row.org_code, row.year, table)));
  return { table, values, units };
}

async function versions(ctx: Ctx, draftId: number): Promise<StatsVersionSummary[]> {
  const rows = await db(ctx).selectFrom('report_version').selectAll().where('draft_id', '=', draftId).where('kind', '=', STATS_KIND).orderBy('version_no', 'desc').execute();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  return rows.map((r: any) => ({ id: r.id, versionNo: r.version_no, status: r.status, submittedAt: new Date(r.submitted_at).toISOString(), submittedBy: r.submitted_by, late: r.late, publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null, secrecyOpinion: r.secrecy_opinion, returnReason: r.return_reason }));
}

export async function statsView(ctx: Ctx, platform: Platform, id: number): Promise<StatsView> {
  const row = await loadStats(ctx, id);
  const org = await orgOf(ctx, row.org_code);
  // a submitted or published report shows what was frozen; a draft shows today's figures
  const frozen = row.status === 'submitted' || row.status === 'published' ? await latestFrozen(ctx, row.id) : null;
  const live = frozen ? null : await liveStats(ctx, platform, row);
  return {
    id: row.id,
    orgCode: row.org_code,
    orgName: org.name,
    year: row.year,
    status: row.status,
    version: row.version,
    content: row.content,
    table: frozen?.table ?? (live as { table: StatsTable }).table,
    dueDate: await statsDue(ctx, row.year),
    versions: await versions(ctx, row.id),
    units: frozen ? frozen.units : (live?.units ?? null),
  };
}

async function latestFrozen(ctx: Ctx, draftId: number): Promise<{ table: StatsTable; units: StatsView['units'] } | null> {
  const v = await db(ctx).selectFrom('report_version').select(['rendered', 'units']).where('draft_id', '=', draftId).where('kind', '=', STATS_KIND).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').executeTakeFirst();
  return v ? { table: v.rendered as StatsTable, units: (v.units as StatsView['units']) ?? null } : null;
}

/** the unit's adjustments: only cells bound to an indicator, each with a reason; a cell with no source stays so */
export async function saveStats(ctx: Ctx, platform: Platform, id: number, input: { overrides: Record<string, CellOverride>; layoutVersion?: number | undefined; version: number }): Promise<StatsView> {
  const row = await loadStats(ctx, id);
  if (row.status === 'submitted' || row.status === 'published') throw new AppError('conflict', '统计年报已提交，不能修改；如需更正，请由上级退回或在发布后发起更正');
  if (row.version !== input.version) throw new AppError('stale_version', '统计年报已被他人修改，请刷新后再编辑');
  const layout = await layoutVersion(ctx, input.layoutVersion ?? row.content.layoutVersion);
  const problems: Array<{ path: string; label: string; message: string }> = [];
  for (const [k, o] of Object.entries(input.overrides)) {
    const [r, c] = k.split(':');
    const lrow = layout.rows.find((x) => x.key === r);
    const b = lrow?.cells[c ?? ''];
    if (!lrow || !b) problems.push({ path: `overrides.${k}`, label: k, message: `调整的单元格 ${k} 不在统计表中` });
    else if ('none' in b) problems.push({ path: `overrides.${k}`, label: lrow.label, message: `“${lrow.label}”${b.none}，不能填报数字` });
    else if (!Number.isFinite(o.value) || o.value < 0) problems.push({ path: `overrides.${k}.value`, label: lrow.label, message: `“${lrow.label}”：调整后的数字须为不小于0的数` });
  }
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const content: StatsContent = { ...row.content, layoutVersion: layout.version, overrides: input.overrides };
  await db(ctx).updateTable('report_draft').set({ content: JSON.stringify(content), updated_at: ctx.now, updated_by: ctx.actor.username, version: row.version + 1 }).where('id', '=', id).execute();
  const changed = [...new Set([...Object.keys(row.content.overrides), ...Object.keys(input.overrides)])].filter((k) => JSON.stringify(row.content.overrides[k]) !== JSON.stringify(input.overrides[k]));
  await audit(ctx, { entity: `report.${STATS_KIND}`, entityId: id, action: 'update', orgCode: row.org_code, diff: { overrides: Object.fromEntries(changed.map((k) => [k, { from: row.content.overrides[k] ?? null, to: input.overrides[k] ?? null }])), ...(layout.version !== row.content.layoutVersion ? { layoutVersion: { from: row.content.layoutVersion, to: layout.version } } : {}) } });
  return statsView(ctx, platform, id);
}

/** submission freezes the table, every figure with the ids of its records, and the checks (errors block it) */
export async function submitStats(ctx: Ctx, platform: Platform, id: number, version: number): Promise<StatsVersionSummary> {
  const row = await loadStats(ctx, id);
  if (row.status === 'submitted') throw new AppError('conflict', '统计年报已提交，等待上级审核');
  if (row.status === 'published') throw new AppError('conflict', '统计年报已发布；如需更正，请发起更正');
  if (row.version !== version) throw new AppError('stale_version', '统计年报已被他人修改，请刷新后再提交');
  const { table, values, units } = await liveStats(ctx, platform, row, true);
  const errors = table.checks.filter((c) => !c.ok && c.severity === 'error');
  if (errors.length) throw new AppError('gate_refused', `统计表未通过校验，不能提交：${errors.map((e) => e.message).join('；')}`);
  const due = await statsDue(ctx, row.year);
  const today = chinaDate(ctx.now);
  const last = await db(ctx).selectFrom('report_version').select(sql<number>`coalesce(max(version_no), 0)`.as('n')).where('draft_id', '=', id).executeTakeFirstOrThrow();
  const v = await db(ctx)
    .insertInto('report_version')
    .values({
      draft_id: id,
      org_code: row.org_code,
      kind: STATS_KIND,
      year: row.year,
      version_no: Number(last.n) + 1,
      status: 'submitted',
      content: JSON.stringify(row.content),
      rendered: JSON.stringify(table),
      indicators: JSON.stringify([...values.values()]),
      checks: JSON.stringify(table.checks),
      units: units ? JSON.stringify(units) : null,
      due_date: due,
      late: today > due,
      submitted_by: ctx.actor.username,
      submitted_at: ctx.now,
    })
    .returning(['id', 'version_no'])
    .executeTakeFirstOrThrow();
  await db(ctx).updateTable('report_draft').set({ status: 'submitted', updated_at: ctx.now, updated_by: ctx.actor.username, version: row.version + 1 }).where('id', '=', id).execute();
  await audit(ctx, { entity: `report.${STATS_KIND}`, entityId: id, action: 'submit', orgCode: row.org_code, diff: { version_no: v.version_no, layoutVersion: table.layoutVersion, late: today > due } });
  return (await versions(ctx, id)).find((x) => x.id === v.id) as StatsVersionSummary;
}

/** a published report is corrected through a new version: the draft becomes editable, the published one stays public */
export async function startStatsCorrection(ctx: Ctx, id: number): Promise<void> {
  const row = await loadStats(ctx, id);
  if (row.status !== 'published') throw new AppError('conflict', '只有已发布的统计年报可以发起更正');
  await db(ctx).updateTable('report_draft').set({ status: 'drafting', updated_at: ctx.now, version: row.version + 1 }).where('id', '=', id).execute();
  await audit(ctx, { entity: `report.${STATS_KIND}`, entityId: id, action: 'start_correction', orgCode: row.org_code });
}

/** a frozen version's table (scoped to the caller) */
export async function statsVersion(ctx: Ctx, id: number): Promise<{ id: number; orgCode: string; orgName: string; year: number; versionNo: number; status: string; title: string; submittedAt: string; table: StatsTable }> {
  const v = await db(ctx).selectFrom('report_version').innerJoin('org', 'org.code', 'report_version.org_code').selectAll('report_version').select('org.name as org_name').where('report_version.id', '=', id).where('report_version.kind', '=', STATS_KIND).where('report_version.org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).executeTakeFirst();
  if (!v) throw notFound('统计年报版本');
  return { id: Number(v.id), orgCode: v.org_code, orgName: v.org_name, year: Number(v.year), versionNo: Number(v.version_no), status: v.status, title: (v.content as StatsContent).title, submittedAt: new Date(v.submitted_at).toISOString(), table: v.rendered as StatsTable };
}

/** the latest submitted (or published) version of an organisation's year, for the reconciliation */
export async function latestStatsVersion(ctx: Ctx, org: string, year: number): Promise<{ versionNo: number; status: string; table: StatsTable } | null> {
  const v = await db(ctx).selectFrom('report_version').select(['version_no', 'status', 'rendered']).where('org_code', '=', org).where('kind', '=', STATS_KIND).where('year', '=', year).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').executeTakeFirst();
  return v ? { versionNo: Number(v.version_no), status: String(v.status), table: v.rendered as StatsTable } : null;
}

/** the draft's live table, for the reconciliation (no reconciliation checks inside it: they would read themselves) */
export async function draftStatsTable(ctx: Ctx, platform: Platform, org: string, year: number): Promise<StatsTable | null> {
  const row = await findStats(ctx, org, year);
  if (!row) return null;
  const layout = await layoutVersion(ctx, row.content.layoutVersion);
  const { values } = await statsFigures(ctx, platform, row.org_code, row.year, layout, false);
  return buildStatsTable(layout, values, row.content.overrides);
}

export interface StatsRollupRow {
  orgCode: string;
  orgName: string;
  status: string;
  statusLabel: string;
  draftId: number | null;
  versionId: number | null;
  submittedAt: string | null;
  late: boolean;
}

const STATUS_LABEL: Record<string, string> = { not_started: '未开始', drafting: '起草中', returned: '已退回修改', submitted: '已按时提交', late: '逾期提交', published: '已发布', overdue: '逾期未提交' };

/** the county's view: each unit directly below and where its statistics report stands */
export async function statsRollup(ctx: Ctx, year: number): Promise<{ year: number; dueDate: string; rows: StatsRollupRow[] }> {
  const due = await statsDue(ctx, year);
  const today = chinaDate(ctx.now);
  const children = await reportingUnits(ctx, ctx.scope.root);
  const codes = children.map((c) => c.code);
  const drafts = codes.length ? ((await db(ctx).selectFrom('report_draft').select(['id', 'org_code', 'status']).where('org_code', 'in', codes).where('kind', '=', STATS_KIND).where('year', '=', year).execute()) as Array<{ id: number; org_code: string; status: string }>) : [];
  const latest = codes.length ? await db(ctx).selectFrom('report_version').selectAll().where('org_code', 'in', codes).where('kind', '=', STATS_KIND).where('year', '=', year).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').execute() : [];
  const rows = children.map((c): StatsRollupRow => {
    const d = drafts.find((x) => x.org_code === c.code);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw row
    const v: any = latest.find((x: any) => x.org_code === c.code);
    let status = d ? (d.status === 'returned' ? 'returned' : 'drafting') : 'not_started';
    if (v) status = v.status === 'published' ? 'published' : v.late ? 'late' : 'submitted';
    else if (today > due) status = 'overdue';
    return { orgCode: c.code, orgName: c.name, status, statusLabel: STATUS_LABEL[status] ?? status, draftId: d ? Number(d.id) : null, versionId: v ? Number(v.id) : null, submittedAt: v ? new Date(v.submitted_at).toISOString() : null, late: !!v?.late };
  });
  return { year, dueDate: due, rows };
}

export { cellKey };

/** the table as it reads today without creating anything: the draft's when there is one, else the current layout's */
export async function statsReading(ctx: Ctx, platform: Platform, org: string, year: number): Promise<{ table: StatsTable; status: string }> {
  const row = await findStats(ctx, org, year);
  if (row) return { table: (await liveStats(ctx, platform, row)).table, status: row.status };
  const layout = await layoutVersion(ctx);
  const { values, units } = await statsFigures(ctx, platform, org, year, layout, false);
  const table = buildStatsTable(layout, values, {});
  table.checks.unshift(...unitChecks(units));
  return { table, status: 'not_started' };
}
