import type { Kysely } from 'kysely';
import type { ReconciledFact, ReconciledPlace, ReconciledReport, Reconciliation, StatsCheck, StatsTable } from '../../../common/enforcement-stats.types.ts';
import type { DisclosureReport } from '../../../common/disclosure.types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { Platform } from '../../platform/module.ts';
import { findDraft as findDisclosureDraft, reportView as disclosureView } from '../disclosure/disclosure.service.ts';
import { tokensOf, type ReportContent } from './report.content.ts';
import { findDraft, indicatorDefs, liveValues, orgOf, reportingUnits, templateContent, templateLevelOf } from './report.service.ts';
import { computeIndicators } from '../../platform/indicators/indicator.service.ts';
import { RECONCILED_FACTS, type ReconciledFactDef } from './reconcile.facts.ts';
import { draftStatsTable, latestStatsVersion } from './stats.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report tables are this module's own
const db = (ctx: Pick<Ctx, 'tx'>): Kysely<any> => ctx.tx as unknown as Kysely<any>;

const REPORT_LABEL: Record<ReconciledReport, string> = { annual: '法治政府建设年度报告', disclosure: '政府信息公开年报', stats: '行政执法统计年报' };

/** one report as the reconciliation reads it: a function from a fact to its place and figure there */
type Reader = (f: ReconciledFactDef) => ReconciledPlace | null;

/** where a live field stands in the annual report's text: part and paragraph */
function placeOf(content: ReportContent, token: string): string | null {
  for (const s of content.sections)
    for (const [i, it] of s.items.entries()) if (tokensOf(it.text).some((t) => t.id === token)) return `“${s.title}”第${i + 1}段`;
  return content.preamble.some((p) => tokensOf(p).some((t) => t.id === token)) ? '开篇段' : null;
}

/**
 * the 法治 annual report: its latest submitted or published version when there is one (frozen text and figures),
 * else the draft with today's figures. A fact the level's template quotes that the text no longer quotes as a live
 * field was written over by hand (or cut): that is a finding, named with the template's place
 */
async function annualReader(ctx: Ctx, platform: Platform, org: string, year: number, preferDraft: boolean): Promise<Reader> {
  const label = REPORT_LABEL.annual;
  const draft = await findDraft(ctx, org, year);
  if (!draft) return (f) => (f.places.annual ? { report: 'annual', reportLabel: label, place: '—', value: null, edition: '尚未新建', missing: '报告尚未新建' } : null);
  const v = preferDraft
    ? undefined
    : await db(ctx).selectFrom('report_version').select(['version_no', 'status', 'content', 'indicators']).where('draft_id', '=', draft.id).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').executeTakeFirst();
  const content = (v?.content as ReportContent | undefined) ?? draft.content;
  const values: ReadonlyMap<string, IndicatorValue> = v ? new Map((v.indicators as IndicatorValue[]).map((x) => [x.id, x])) : await liveValues(ctx, platform, org, year, content);
  const edition = v ? `第${Number(v.version_no)}版（${v.status === 'published' ? '已发布' : '已提交'}）` : '草稿（实时数据）';
  const template = await templateContent(ctx, await templateLevelOf(ctx, org));
  return (f) => {
    const token = f.places.annual?.token;
    if (!token) return null;
    const place = placeOf(content, token);
    if (place) return { report: 'annual', reportLabel: label, place, value: values.get(token)?.value ?? null, edition };
    const was = placeOf(template, token);
    return was
      ? { report: 'annual', reportLabel: label, place: `${was}（模板原为实时字段）`, value: null, edition, missing: '报告正文已不再以实时字段引用该数字（可能改成了手工数字或被删去）' }
      : { report: 'annual', reportLabel: label, place: '未引用', value: null, edition, missing: '报告正文未引用该数字' };
  };
}

/** the disclosure report: the final (or published) snapshot when there is one, else the draft made from the records */
async function disclosureReader(ctx: Ctx, platform: Platform, org: string, year: number): Promise<Reader> {
  const label = REPORT_LABEL.disclosure;
  const draft = await findDisclosureDraft(ctx, org, year);
  const { report } = (await disclosureView(ctx, platform, org, year)) as { report: DisclosureReport };
  const edition = !draft ? '尚未起草（按台账实时生成）' : draft.status === 'draft' ? '草稿（实时数据）' : draft.status === 'final' ? '定稿版' : '已公开版';
  return (f) => {
    const d = f.places.disclosure;
    if (!d) return null;
    const table = report.sections.find((s) => s.table?.key === d.table)?.table;
    const cell = table?.rows.find((r) => r.key === d.row)?.cells[d.col];
    const value = cell?.value ?? null;
    return { report: 'disclosure', reportLabel: label, place: `${d.place}${cell?.source === 'manual' ? '（手工填报）' : ''}`, value, edition, ...(value === null ? { missing: '该单元格尚未填写' } : {}) };
  };
}

/** the statistics report: its latest submitted or published version, else the draft (or the draft given) */
async function statsReader(ctx: Ctx, platform: Platform, org: string, year: number, given: StatsTable | null): Promise<Reader> {
  const label = REPORT_LABEL.stats;
  const version = given ? null : await latestStatsVersion(ctx, org, year);
  const table = given ?? version?.table ?? (await draftStatsTable(ctx, platform, org, year));
  const edition = version ? `第${version.versionNo}版（${version.status === 'published' ? '已发布' : '已提交'}）` : table ? '草稿（实时数据）' : '尚未新建';
  return (f) => {
    const s = f.places.stats;
    if (!s) return null;
    if (!table) return { report: 'stats', reportLabel: label, place: '—', value: null, edition, missing: '报告尚未新建' };
    const row = table.rows.find((r) => r.key === s.row);
    const cell = row?.cells.find((c) => c.col === s.col);
    const col = table.columns.find((c) => c.key === s.col)?.label ?? s.col;
    if (!row || !cell) return { report: 'stats', reportLabel: label, place: '统计表（本版布局无此栏目）', value: null, edition, missing: '本版布局无此栏目' };
    return { report: 'stats', reportLabel: label, place: `“${row.label}”${col}${cell.source === 'override' ? '（手工调整）' : ''}`, value: cell.value, edition, ...(cell.value === null ? { missing: cell.note ?? '无记录来源' } : {}) };
  };
}

const countyDisclosure: Reader = (f) =>
  f.places.disclosure ? { report: 'disclosure', reportLabel: REPORT_LABEL.disclosure, place: f.places.disclosure.place, value: null, edition: '—', missing: '县级政府信息公开年报只统计本级机关（不含乡镇、部门），不参与比对' } : null;

const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;
const at = (p: ReconciledPlace): string => `${p.reportLabel}${p.place}`;

/** one fact: every place against the indicator and against each other; each difference names both places */
function judge(f: ReconciledFactDef, indicatorValue: number | null, places: ReconciledPlace[]): ReconciledFact {
  const problems: string[] = [];
  const printed = places.filter((p) => p.value !== null);
  for (const [i, a] of printed.entries())
    for (const b of printed.slice(i + 1)) if (!same(a.value as number, b.value as number)) problems.push(`“${f.label}”不一致：${at(a)}为${a.value}${f.unit}，${at(b)}为${b.value}${f.unit}`);
  if (indicatorValue !== null)
    for (const p of printed) if (!same(p.value as number, indicatorValue)) problems.push(`“${f.label}”与台账不一致：${at(p)}为${p.value}${f.unit}，台账指标（${f.indicator}）为${indicatorValue}${f.unit}`);
  for (const p of places) if (p.value === null && p.place.includes('模板原为实时字段')) problems.push(`“${f.label}”：${at(p)}${p.missing ?? ''}；台账指标（${f.indicator}）为${indicatorValue ?? '—'}${f.unit}，请恢复实时字段`);
  return { id: f.id, label: f.label, unit: f.unit, indicator: f.indicator, indicatorValue, places, ok: problems.length === 0, problems };
}

export interface ReconcileOptions {
  /** read this report's draft rather than its latest version (the draft's own checks) */
  draftOf?: ReconciledReport;
  /** the statistics draft's table as it is being checked */
  statsTable?: StatsTable;
}

/** the organisation's three reports of the year, fact by fact */
export async function reconcile(ctx: Ctx, platform: Platform, org: string, year: number, opts: ReconcileOptions = {}): Promise<Reconciliation> {
  const o = await orgOf(ctx, org);
  const known = new Set(indicatorDefs(platform).map((d) => d.id));
  const facts = RECONCILED_FACTS.filter((f) => known.has(f.indicator));
  const modules = new Set(platform.modules.map((m) => m.name));
  const county = (await reportingUnits(ctx, org)).length > 0;
  const readers: Reader[] = [await annualReader(ctx, platform, org, year, opts.draftOf === 'annual')];
  // a county's disclosure report counts its own organ only (条例 art. 49/50, decision 0031): it is shown, not compared
  if (modules.has('disclosure')) readers.push(county ? countyDisclosure : await disclosureReader(ctx, platform, org, year));
  readers.push(await statsReader(ctx, platform, org, year, opts.statsTable ?? null));
  // the indicator: what the records say today for the organisation and everything below it
  const defs = indicatorDefs(platform).filter((d) => facts.some((f) => f.indicator === d.id));
  const indicators = new Map((await computeIndicators(ctx, defs, platform.ledgers, { org, from: `${year}-01-01`, to: `${year}-12-31` })).map((v) => [v.id, v]));
  const out = facts.map((f) => {
    const places = readers.map((r) => r(f)).filter((p): p is ReconciledPlace => p !== null);
    return judge(f, indicators.get(f.indicator)?.value ?? null, places);
  });
  return { org: { code: o.code, name: o.name }, year, facts: out, ok: out.every((f) => f.ok) };
}

/**
 * the reconciliation as checks of one report's draft: warnings, never a block (decision 0032) — the three reports
 * fall due on different days, and a report submitted first would otherwise block the later ones
 */
export async function reconciliationChecks(ctx: Ctx, platform: Platform, org: string, year: number, opts: ReconcileOptions & { draftOf: ReconciledReport }): Promise<StatsCheck[]> {
  const r = await reconcile(ctx, platform, org, year, opts);
  const mine = r.facts.filter((f) => f.places.some((p) => p.report === opts.draftOf));
  const failed = mine.filter((f) => !f.ok);
  if (!failed.length) return mine.length ? [{ id: 'reconcile.ok', ok: true, severity: 'warning', message: `与另两份年度报告及台账对账一致（${mine.length}项共同数字）` }] : [];
  return failed.flatMap((f) => f.problems.map((p, i) => ({ id: `reconcile.${f.id}.${i}`, ok: false, severity: 'warning' as const, message: `对账：${p}` })));
}
