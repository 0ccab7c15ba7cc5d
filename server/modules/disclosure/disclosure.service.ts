import { resolveReportReminders } from '../../platform/reports/report-reminders.ts';
import { sql, type Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { allIndicators } from '../../platform/indicators/indicator.routes.ts';
import { computeIndicators } from '../../platform/indicators/indicator.service.ts';
import type { IndicatorDef } from '../../platform/indicators/indicator.types.ts';
import type { Platform } from '../../platform/module.ts';
import { subtreeCodes } from '../../platform/orgs/org.repository.ts';
import { buildDisclosureReport, NARRATIVE_KEYS, type ApplicationRecord, type DisclosureReport, type ExternalFigure, type ItemRecord } from './disclosure.report.ts';
import { blankCells } from './disclosure.report.blank.ts';
import { PUBLISHABLE } from './disclosure.workflow.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables and the ledger tables are not in the typed schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;

/** indicators of other modules the report reads when they exist (table 二, table 四) */
export const EXTERNAL_INDICATORS = [
  'normdocs.issued',
  'normdocs.repealed',
  'normdocs.in_force',
  'enforcement.decisions',
  'reconsideration.disclosure_reconsiderations',
  'reconsideration.disclosure_direct_suits',
  'reconsideration.disclosure_suits_after_reconsideration',
];

/**
 * figures table 二 needs that no module declares as an indicator, counted over the other module's ledger when it is
 * installed: 行政强制 decisions made in the year (the enforcement module counts 行政强制 cases by registration)
 */
export const LEDGER_FIGURES: readonly IndicatorDef[] = [
  { id: 'disclosure.coercion_decisions', kind: 'count', ledger: 'enforcement.case', label: '作出行政强制决定', unit: '宗', dateField: 'decided_on', where: { case_type: '行政强制', decided_on: { present: true } } },
];

export interface DraftRow {
  id: number;
  org_code: string;
  year: number;
  status: 'draft' | 'final' | 'published';
  narrative: Record<string, string[]>;
  manual: Record<string, number>;
  snapshot: DisclosureReport | null;
  version: number;
}

/**
 * the organs below an organisation that publish their own 政府信息公开年度报告 (条例 art. 50): a county's towns and
 * departments. A town's offices are part of the town and publish nothing of their own
 */
async function separateOrgans(ctx: Pick<Ctx, 'tx'>, org: string): Promise<string[]> {
  const below = await ctx.tx.selectFrom('org').select(['code', 'kind']).where('parent_code', '=', org).execute();
  return below.some((u) => u.kind !== 'department') ? below.map((u) => u.code) : [];
}

/**
 * the organisation's codes in the caller's scope, or 404: its own and its offices', never those of the organs below
 * it that report for themselves (a county's report does not add its towns' figures to its own)
 */
async function orgCodes(ctx: Ctx, org: string): Promise<{ name: string; codes: string[]; separate: string[] }> {
  if (!ctx.scope.codes.includes(org)) throw new AppError('not_found', '单位不存在或不在管辖范围内');
  const row = await ctx.tx.selectFrom('org').select(['name']).where('code', '=', org).executeTakeFirst();
  if (!row) throw notFound('单位');
  const separate = await separateOrgans(ctx, org);
  const excluded = new Set((await Promise.all(separate.map((c) => subtreeCodes(ctx.tx, c)))).flat());
  return { name: row.name, codes: (await subtreeCodes(ctx.tx, org)).filter((c) => !excluded.has(c)), separate };
}

/** another module's figure for the organisation's own records: its subtree less the organs below that report for themselves */
async function ownFigures(ctx: Ctx, platform: Platform, defs: readonly IndicatorDef[], org: string, separate: readonly string[], start: string, end: string): Promise<Map<string, ExternalFigure>> {
  const figures = async (code: string) => computeIndicators(ctx, defs, platform.ledgers, { org: code, from: start, to: end });
  const own = new Map<string, ExternalFigure>((await figures(org)).map((v) => [v.id, { value: v.value, link: separate.length ? null : v.link, breakdown: v.breakdown.map((b) => ({ label: b.label, value: b.value })) }]));
  for (const code of separate) {
    for (const v of await figures(code)) {
      const f = own.get(v.id);
      if (!f) continue;
      f.value -= v.value;
      f.breakdown = f.breakdown.map((b) => ({ ...b, value: b.value - (v.breakdown.find((x) => x.label === b.label)?.value ?? 0) }));
    }
  }
  return own;
}

export async function findDraft(ctx: Ctx, org: string, year: number): Promise<DraftRow | null> {
  const row = await db(ctx).selectFrom('disclosure_report').selectAll().where('org_code', '=', org).where('year', '=', year).executeTakeFirst();
  return (row as DraftRow | undefined) ?? null;
}

/** the report as the records and the draft's narrative and manual entries make it today */
export async function liveReport(ctx: Ctx, platform: Platform, org: string, year: number, draft: DraftRow | null): Promise<DisclosureReport> {
  const { name, codes, separate } = await orgCodes(ctx, org);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const apps = (await db(ctx)
    .selectFrom('disclosure_application')
    .select(['id', sql<string>`received_on::text`.as('received_on'), sql<string | null>`answered_on::text`.as('answered_on'), 'applicant_kind', 'outcome', 'outcome_reason'])
    .where('org_code', 'in', codes)
    .where('status', '=', 'active')
    .where('received_on', '<=', end)
    .where((eb) => eb.or([eb('answered_on', 'is', null), eb('answered_on', '>=', start)]))
    .execute()) as ApplicationRecord[];
  const items = (await db(ctx)
    .selectFrom('disclosure_item')
    .select(['id', 'category', sql<string>`published_on::text`.as('published_on')])
    .where('org_code', 'in', codes)
    .where('status', '=', 'active')
    .where('published_on', '>=', start)
    .where('published_on', '<=', end)
    .where('secrecy_result', 'in', [...PUBLISHABLE])
    .execute()) as ItemRecord[];
  const known = [...allIndicators(platform).filter((d) => EXTERNAL_INDICATORS.includes(d.id)), ...LEDGER_FIGURES.filter((d) => d.kind !== 'ratio' && platform.ledgers.get(d.ledger))];
  const external = known.length ? await ownFigures(ctx, platform, known, org, separate, start, end) : new Map<string, ExternalFigure>();
  return buildDisclosureReport({
    org: { code: org, name },
    year,
    applications: apps.map((a) => ({ ...a, id: Number(a.id) })),
    items: items.map((i) => ({ ...i, id: Number(i.id) })),
    external,
    manual: draft?.manual ?? {},
    narrative: draft?.narrative ?? {},
  });
}

/** the report shown for a draft: frozen once finalised, live before */
export async function reportView(ctx: Ctx, platform: Platform, org: string, year: number): Promise<{ draft: Omit<DraftRow, 'snapshot' | 'narrative' | 'manual'> | null; report: DisclosureReport }> {
  const draft = await findDraft(ctx, org, year);
  const report = draft?.snapshot ?? (await liveReport(ctx, platform, org, year, draft));
  return { draft: draft ? { id: draft.id, org_code: draft.org_code, year: draft.year, status: draft.status, version: draft.version } : null, report };
}

export interface DraftEdit {
  narrative?: Partial<Record<(typeof NARRATIVE_KEYS)[number], string[] | undefined>> | undefined;
  manual?: Record<string, number | null> | undefined;
  version?: number | undefined;
}

/** saves the narrative and manual cells; a stale version is refused (409) */
export async function saveDraft(ctx: Ctx, org: string, year: number, edit: DraftEdit): Promise<DraftRow> {
  await orgCodes(ctx, org);
  const existing = await findDraft(ctx, org, year);
  if (existing && existing.status !== 'draft') throw new AppError('conflict', '报告已定稿，不能再修改');
  if (existing && edit.version !== undefined && edit.version !== existing.version) throw new AppError('conflict', '报告已被他人修改，请刷新后再编辑');
  const narrative = { ...(existing?.narrative ?? {}), ...Object.fromEntries(Object.entries(edit.narrative ?? {}).filter(([, v]) => v !== undefined)) };
  const manual: Record<string, number> = { ...(existing?.manual ?? {}) };
  for (const [k, v] of Object.entries(edit.manual ?? {})) {
    if (v === null) delete manual[k];
    else manual[k] = v;
  }
  let row: DraftRow;
  if (!existing) {
    row = (await db(ctx).insertInto('disclosure_report').values({ org_code: org, year, narrative: JSON.stringify(narrative), manual: JSON.stringify(manual), updated_by: ctx.actor.username, updated_at: ctx.now }).returningAll().executeTakeFirstOrThrow()) as DraftRow;
  } else {
    row = (await db(ctx).updateTable('disclosure_report').set({ narrative: JSON.stringify(narrative), manual: JSON.stringify(manual), version: existing.version + 1, updated_by: ctx.actor.username, updated_at: ctx.now }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()) as DraftRow;
  }
  await audit(ctx, { entity: 'disclosure.report', entityId: row.id, action: existing ? 'update' : 'create', orgCode: org, diff: { year, narrative: edit.narrative ?? {}, manual: edit.manual ?? {} } });
  return row;
}

/** freezes the report; refused while a table identity fails, naming the cell */
export async function finaliseDraft(ctx: Ctx, platform: Platform, org: string, year: number): Promise<DisclosureReport> {
  const draft = (await findDraft(ctx, org, year)) ?? (await saveDraft(ctx, org, year, {}));
  if (draft.status !== 'draft') throw new AppError('conflict', '报告已定稿');
  const report = await liveReport(ctx, platform, org, year, draft);
  const failed = report.checks.filter((c) => !c.ok);
  if (failed.length) throw new AppError('gate_refused', `表格数据不符合勾稽关系，不能定稿：${failed.map((c) => c.message).join('；')}`);
  const blank = blankCells(report);
  if (blank.length) throw new AppError('gate_refused', `报告表格尚有${blank.length}个必填单元格未填写（没有的填0），不能定稿和公开：${blank.join('；')}`);
  await db(ctx).updateTable('disclosure_report').set({ status: 'final', snapshot: JSON.stringify(report), version: draft.version + 1, finalised_at: ctx.now, finalised_by: ctx.actor.username, updated_at: ctx.now, updated_by: ctx.actor.username }).where('id', '=', draft.id).execute();
  await audit(ctx, { entity: 'disclosure.report', entityId: draft.id, action: 'finalise', orgCode: org, diff: { year, status: { from: 'draft', to: 'final' } } });
  return report;
}

/** puts a finalised report on the public site */
export async function publishReport(ctx: Ctx, org: string, year: number): Promise<void> {
  await orgCodes(ctx, org);
  const draft = await findDraft(ctx, org, year);
  if (!draft || draft.status !== 'final') throw new AppError('gate_refused', '报告须先定稿再公开');
  await db(ctx).updateTable('disclosure_report').set({ status: 'published', published_at: ctx.now, published_by: ctx.actor.username }).where('id', '=', draft.id).execute();
  await audit(ctx, { entity: 'disclosure.report', entityId: draft.id, action: 'publish', orgCode: org, diff: { year, status: { from: 'final', to: 'published' } } });
  await resolveReportReminders(ctx, 'disclosure', org, year);
}

/** the next 文号 sequence number of an organisation's year, taken inside the request's transaction */
export async function nextDocNumber(ctx: Ctx, org: string, year: number, kind: string): Promise<number> {
  const row = await sql<{ last: number }>`insert into disclosure_doc_counter (org_code, year, kind, last) values (${org}, ${year}, ${kind}, 1)
    on conflict (org_code, year, kind) do update set last = disclosure_doc_counter.last + 1 returning last`.execute(ctx.tx);
  return Number(row.rows[0]?.last ?? 1);
}
