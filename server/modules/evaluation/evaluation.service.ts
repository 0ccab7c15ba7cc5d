import { sql, type Kysely } from 'kysely';
import type { EvaluationSystem, Evidence, RoundDetail, ScoreLine, SystemItem, TaskProgress, UnitGroup, UnitResult } from '../../../common/evaluation.types.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { answeringUnits } from '../../platform/ledger/org-levels.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { allIndicators } from '../../platform/indicators/indicator.routes.ts';
import { computeIndicators, formatValue, type IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { IndicatorDef } from '../../platform/indicators/indicator.types.ts';
import { correctRecord } from '../../platform/ledger/correction.service.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { createRecord, loadRow } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { applyTransition } from '../../platform/workflow/workflow.service.ts';
import { DEFAULT_UNIT_SCOPE, resultLedger, roundLedger, taskLedger, UNIT_SCOPES, type UnitScope } from './evaluation.ledgers.ts';
import { groupOf, handScoreProblems, leaves, pointsFor, systemProblems, systemTotal, type ScoreInput, type SystemInput } from './evaluation.system.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;
const j = <T>(v: unknown, empty: T): T => (v === null || v === undefined ? empty : ((typeof v === 'string' ? JSON.parse(v) : v) as T));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const round1 = (x: number): number => Math.round(x * 10) / 10;
const invalid = (path: string, label: string, message: string): AppError => new AppError('validation_failed', message, [{ path, label, message }]);

/** the annual report's kind in report_version: a town's submitted figures are what the county accepts from it */
const ANNUAL = 'annual';

function systemOut(r: Record<string, unknown>): EvaluationSystem {
  return { id: Number(r['id']), key: String(r['key']), version: Number(r['version']), title: String(r['title']), note: String(r['note'] ?? ''), items: j(r['items'], []), total: Number(r['total']), createdAt: new Date(String(r['created_at'])).toISOString() };
}

/** the labels and units of the platform indicators a system's computed leaves read, for its page and the score cells */
export function withIndicators(platform: Pick<Platform, 'modules'>, s: EvaluationSystem): EvaluationSystem {
  const byId = new Map(platform.modules.flatMap((m) => m.indicators ?? []).map((d) => [d.id, d]));
  const indicators: Record<string, { label: string; unit: string }> = {};
  for (const i of s.items) {
    const d = i.rule?.kind === 'computed' ? byId.get(i.rule.indicator) : undefined;
    if (d) indicators[d.id] = { label: d.label, unit: d.unit };
  }
  return { ...s, indicators };
}

export async function listSystems(ctx: Ctx, platform: Pick<Platform, 'modules'>): Promise<EvaluationSystem[]> {
  return (await db(ctx).selectFrom('evaluation_system').selectAll().orderBy('key').orderBy('version', 'desc').execute()).map((r) => withIndicators(platform, systemOut(r)));
}

async function systemById(ctx: Ctx, id: number): Promise<EvaluationSystem> {
  const row = await db(ctx).selectFrom('evaluation_system').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('指标体系版本');
  return systemOut(row);
}

/** publishes the next version of a system (a new key starts at 1); rounds opened earlier keep theirs */
export async function publishSystem(ctx: Ctx, platform: Platform, input: SystemInput): Promise<EvaluationSystem> {
  const problems = systemProblems(input, new Set(allIndicators(platform).map((d) => d.id)));
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const last = await db(ctx).selectFrom('evaluation_system').select((eb) => eb.fn.max('version').as('v')).where('key', '=', input.key).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const items = input.items.map((i) => ({ ...i, parent: i.parent ?? null }));
  const row = await db(ctx).insertInto('evaluation_system').values({ key: input.key, version, title: input.title, note: input.note, items: JSON.stringify(items), total: systemTotal(items), created_at: ctx.now, created_by: ctx.actor.id }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { entity: 'evaluation.system', entityId: Number(row['id']), action: 'create', orgCode: ctx.actor.homeOrg, diff: { key: input.key, version, title: input.title, items: items.length, total: systemTotal(items) } });
  return systemById(ctx, Number(row['id']));
}

interface Round {
  id: number;
  orgCode: string;
  title: string;
  year: number;
  state: string | null;
  systemId: number;
  unitScope: UnitScope;
}

/** a round's record as the service reads it; a round without 参评单位 (opened before the field) evaluates the towns */
function roundOf(r: Record<string, unknown>): Round {
  const scope = UNIT_SCOPES.find((s) => s === r['unit_scope']) ?? DEFAULT_UNIT_SCOPE;
  return { id: Number(r['id']), orgCode: String(r['org_code']), title: String(r['title']), year: Number(r['year']), state: (r['state'] as string | null) ?? null, systemId: Number(r['system_id']), unitScope: scope };
}

async function loadRound(ctx: Ctx, id: number): Promise<Round> {
  return roundOf({ ...(await loadRow(ctx, roundLedger, id)), id });
}

interface Unit {
  code: string;
  name: string;
  group: UnitGroup;
}

/**
 * the round's units, by its 参评单位: the towns of the county that holds the round, its departments (every org of
 * kind department directly under the county, the 司法局 that holds the round included; a town's departments are
 * part of their town), or both, towns first
 */
async function roundUnits(ctx: Ctx, round: Pick<Round, 'orgCode' | 'unitScope'>): Promise<Unit[]> {
  const county = round.orgCode.split('-')[0] ?? round.orgCode;
  const kinds = round.unitScope === '县直部门' ? ['department'] : round.unitScope === '乡镇和县直部门' ? ['town', 'department'] : ['town'];
  const rows = await db(ctx).selectFrom('org').select(['code', 'name', 'kind']).where('kind', 'in', kinds).where('parent_code', '=', county).orderBy('sort').orderBy('code').execute();
  const units = rows.map((r) => ({ code: String(r['code']), name: String(r['name']), group: (r['kind'] === 'department' ? 'department' : 'town') as UnitGroup }));
  return [...units.filter((u) => u.group === 'town'), ...units.filter((u) => u.group === 'department')];
}

interface ScoreRow {
  org_code: string;
  code: string;
  seq: number;
  points: unknown;
  value_text: string | null;
  source: string;
  source_note: string | null;
  link: string | null;
  evidence: unknown;
  reason: string | null;
  correction: boolean;
  scored_by_name: string | null;
  scored_at: unknown;
}

async function currentScores(ctx: Ctx, roundId: number): Promise<{ current: Map<string, ScoreRow>; counts: Map<string, number> }> {
  const rows = (await db(ctx).selectFrom('evaluation_score').selectAll().where('round_id', '=', roundId).orderBy('seq').execute()) as ScoreRow[];
  const current = new Map<string, ScoreRow>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.org_code}|${r.code}`;
    current.set(k, r);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { current, counts };
}

async function resultRows(ctx: Pick<Ctx, 'tx'>, roundId: number): Promise<Map<string, Record<string, unknown>>> {
  const rows = await ledgerDb(ctx).selectFrom(resultLedger.table).selectAll().where('round_id', '=', roundId).where('status', '=', 'active').execute();
  return new Map(rows.map((r) => [String(r['org_code']), r as Record<string, unknown>]));
}

/** competition ranking (1, 2, 2, 4) by total, highest first */
export function rankOf(totals: ReadonlyArray<{ key: string; total: number }>): Map<string, number> {
  const sorted = [...totals].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  const out = new Map<string, number>();
  sorted.forEach((t, i) => out.set(t.key, i > 0 && sorted[i - 1]?.total === t.total ? (out.get(sorted[i - 1]?.key ?? '') ?? i + 1) : i + 1));
  return out;
}

const STATE_LABELS: Record<string, string> = { scoring: '评分中', objected: '异议待答复', closed: '结果已确定' };

/** every unit's lines, totals, first-level subtotals and rank, from the current scores */
async function buildUnits(ctx: Ctx, round: Round, system: EvaluationSystem, only?: string): Promise<UnitResult[]> {
  const units = await roundUnits(ctx, round);
  const { current, counts } = await currentScores(ctx, round.id);
  const results = await resultRows(ctx, round.id);
  const leafItems = leaves(system.items);
  const out: UnitResult[] = units.map((u) => {
    const lines: ScoreLine[] = leafItems.map((item) => {
      const s = current.get(`${u.code}|${item.code}`);
      return {
        code: item.code,
        label: item.label,
        max: item.points,
        kind: item.rule?.kind ?? 'manual',
        points: s ? Number(s.points) : null,
        valueText: s?.value_text ?? null,
        source: (s?.source as ScoreLine['source']) ?? null,
        sourceNote: s?.source_note ?? null,
        link: s?.link ?? null,
        evidence: j<Evidence[]>(s?.evidence, []),
        reason: s?.reason ?? null,
        scoredBy: s?.scored_by_name ?? null,
        scoredAt: s ? new Date(String(s.scored_at)).toISOString() : null,
        correction: !!s?.correction,
        earlier: Math.max(0, (counts.get(`${u.code}|${item.code}`) ?? 0) - 1),
      };
    });
    const groups: Record<string, number> = {};
    for (const l of lines) groups[groupOf(l.code)] = round1((groups[groupOf(l.code)] ?? 0) + (l.points ?? 0));
    const r = results.get(u.code);
    const state = r ? String(r['state'] ?? 'scoring') : null;
    return {
      orgCode: u.code,
      orgName: u.name,
      group: u.group,
      resultId: r ? Number(r['id']) : null,
      state,
      stateLabel: state ? (STATE_LABELS[state] ?? state) : null,
      total: round1(lines.reduce((x, l) => x + (l.points ?? 0), 0)),
      rank: 0,
      groups,
      unscored: lines.filter((l) => l.kind === 'manual' && l.points === null).length,
      objection: r?.['objection'] ? { reason: String(r['objection']), on: iso(r['objected_on']) ?? '', reply: (r['reply'] as string | null) ?? null, repliedOn: iso(r['replied_on']) } : null,
      lines,
    };
  });
  // towns and departments are ranked each among their own; the towns come first
  for (const g of ['town', 'department'] as const) {
    const ranks = rankOf(out.filter((u) => u.group === g).map((u) => ({ key: u.orgCode, total: u.total })));
    for (const u of out) if (u.group === g) u.rank = ranks.get(u.orgCode) ?? 0;
  }
  const order = (u: UnitResult): number => (u.group === 'town' ? 0 : 1);
  out.sort((a, b) => order(a) - order(b) || a.rank - b.rank || a.orgCode.localeCompare(b.orgCode));
  return only ? out.filter((u) => u.orgCode === only) : out;
}

/** how many units of each group a round holds */
function groupSizes(units: ReadonlyArray<{ group: UnitGroup }>): Partial<Record<UnitGroup, number>> {
  const out: Partial<Record<UnitGroup, number>> = {};
  for (const u of units) out[u.group] = (out[u.group] ?? 0) + 1;
  return out;
}

function detailOf(round: Round, system: EvaluationSystem, units: UnitResult[], sizes: Partial<Record<UnitGroup, number>>): RoundDetail {
  return {
    roundId: round.id,
    title: round.title,
    year: round.year,
    state: round.state,
    closed: round.state === 'closed',
    unitScope: round.unitScope,
    groupSizes: sizes,
    system,
    groups: system.items.filter((i) => i.parent === null).map((i) => ({ code: i.code, label: i.label, points: i.points })),
    units,
  };
}

/** the round: its system, every unit's scores with the evidence behind each, totals and ranking */
export async function roundDetail(ctx: Ctx, id: number): Promise<RoundDetail> {
  const round = await loadRound(ctx, id);
  const system = await systemById(ctx, round.systemId);
  const units = await buildUnits(ctx, round, system);
  return detailOf(round, system, units, groupSizes(units));
}

/** what a unit sees of a round: its own scores with their evidence, its rank among the units, its objection */
export async function resultDetail(ctx: Ctx, resultId: number): Promise<RoundDetail> {
  const r = await loadRow(ctx, resultLedger, resultId);
  const row = await ledgerDb(ctx).selectFrom(roundLedger.table).selectAll().where('id', '=', Number(r['round_id'])).executeTakeFirst();
  if (!row) throw notFound('考核');
  const round = roundOf(row as Record<string, unknown>);
  const system = await systemById(ctx, round.systemId);
  // ranks need every unit's total; the unit is shown its own lines only
  const units = await buildUnits(ctx, round, system, String(r['org_code']));
  return detailOf(round, system, units, groupSizes(await roundUnits(ctx, round)));
}

/** one unit's figures for the round's year: its submitted annual report's frozen figures where there is one, else live */
async function unitFigures(ctx: Ctx, platform: Platform, defs: IndicatorDef[], unit: string, year: number): Promise<{ values: Map<string, IndicatorValue>; source: 'snapshot' | 'live'; note: string }> {
  const snap = await db(ctx).selectFrom('report_version').select(['version_no', 'submitted_at', 'indicators']).where('org_code', '=', unit).where('kind', '=', ANNUAL).where('year', '=', year).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').executeTakeFirst();
  const live = new Map((await computeIndicators(ctx, defs, platform.ledgers, { org: unit, from: `${year}-01-01`, to: `${year}-12-31` })).map((v) => [v.id, v]));
  if (!snap) return { values: live, source: 'live', note: `台账实时数（该单位尚未报送${year}年度法治政府建设报告）` };
  const frozen = new Map(j<IndicatorValue[]>(snap['indicators'], []).map((v) => [v.id, v]));
  // an indicator the report did not carry (added since) is read live
  for (const [id, v] of live) if (!frozen.has(id)) frozen.set(id, v);
  return { values: frozen, source: 'snapshot', note: `${year}年度法治政府建设报告报送数（第${Number(snap['version_no'])}版，${chinaDate(new Date(String(snap['submitted_at'])))}报送）` };
}

/** a figure with nothing to count (a rate over nothing) is none; a count of 0 is a figure */
const figureOf = (v: IndicatorValue | undefined): number | null => (!v ? null : v.kind === 'ratio' && (v.denominator?.value ?? 0) === 0 ? null : v.value);

async function ensureResult(ctx: Ctx, platform: Platform, round: Round, unit: string, results: Map<string, Record<string, unknown>>): Promise<void> {
  if (results.has(unit)) return;
  const rec = await createRecord(ctx, resultLedger, { orgCode: unit, round_id: round.id, round_title: round.title, period_end: `${round.year}-12-31` }, platform.ledgers);
  results.set(unit, { id: rec.id, org_code: unit, state: 'scoring' });
}

function assertScoring(round: Round): void {
  if (round.state === 'closed') throw new AppError('conflict', '该考核已结束，评分已冻结；如需改正请办理更正并说明理由');
}

/**
 * fills every computed leaf for every unit from the unit's figures; a leaf whose figure and points are unchanged
 * keeps its row, a changed one gets a new row (the earlier stays as history). Creates the units' result records.
 */
export async function computeRound(ctx: Ctx, platform: Platform, id: number): Promise<RoundDetail> {
  const round = await loadRound(ctx, id);
  assertScoring(round);
  const system = await systemById(ctx, round.systemId);
  const all = allIndicators(platform);
  const byId = new Map(all.map((d) => [d.id, d]));
  const needed = new Map<string, IndicatorDef>();
  const add = (name: string): void => {
    const d = byId.get(name);
    if (!d || needed.has(name)) return;
    if (d.kind === 'ratio') [d.numerator, d.denominator].forEach(add);
    needed.set(name, d);
  };
  const computedLeaves = leaves(system.items).filter((i): i is SystemItem & { rule: Extract<SystemItem['rule'], { kind: 'computed' }> } => i.rule?.kind === 'computed');
  for (const i of computedLeaves) add(i.rule.indicator);
  const defs = [...needed.values()];
  const results = await resultRows(ctx, id);
  const { current } = await currentScores(ctx, id);
  let changed = 0;
  for (const u of await roundUnits(ctx, round)) {
    await ensureResult(ctx, platform, round, u.code, results);
    const figures = await unitFigures(ctx, platform, defs, u.code, round.year);
    for (const item of computedLeaves) {
      const v = figures.values.get(item.rule.indicator);
      const value = figureOf(v);
      const points = pointsFor(item.points, item.rule.scoring, value, item.rule.whenNone);
      const valueText = v && value !== null ? formatValue(v) : '无可计数事项';
      const before = current.get(`${u.code}|${item.code}`);
      if (before && Number(before.points) === points && before.value_text === valueText && before.source === figures.source && before.source_note === figures.note) continue;
      await db(ctx)
        .insertInto('evaluation_score')
        .values({ round_id: id, org_code: u.code, code: item.code, seq: (before?.seq ?? 0) + 1, points, value, value_text: valueText, source: figures.source, source_note: figures.note, link: v?.link ?? null, evidence: '[]', reason: null, scored_by: ctx.actor.id, scored_by_name: ctx.actor.displayName, scored_at: ctx.now })
        .execute();
      changed++;
    }
  }
  await audit(ctx, { entity: roundLedger.name, entityId: id, action: 'compute', orgCode: round.orgCode, diff: { system: `${system.title}（第${system.version}版）`, changed } });
  return roundDetail(ctx, id);
}

/** the assessor scores a hand-scored leaf for a unit, with the reason and the records behind it; a later score replaces it, kept as history */
export async function scoreByHand(ctx: Ctx, platform: Platform, id: number, input: ScoreInput): Promise<RoundDetail> {
  const round = await loadRound(ctx, id);
  assertScoring(round);
  const system = await systemById(ctx, round.systemId);
  const units = await roundUnits(ctx, round);
  if (!units.some((u) => u.code === input.orgCode)) throw invalid('orgCode', '被考核单位', '被考核单位：不是本轮考核的单位');
  const item = leaves(system.items).find((i) => i.code === input.code);
  const problems = handScoreProblems(item, input);
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('；'), problems);
  const results = await resultRows(ctx, id);
  await ensureResult(ctx, platform, round, input.orgCode, results);
  if (results.get(input.orgCode)?.['state'] === 'closed') throw new AppError('conflict', '该单位的考核结果已确定');
  await insertScore(ctx, id, input, false);
  await audit(ctx, { entity: roundLedger.name, entityId: id, action: 'score', orgCode: input.orgCode, diff: { code: input.code, points: input.points, reason: input.reason, evidence: input.evidence.map((e) => e.label).join('、') || '无' } });
  return roundDetail(ctx, id);
}

async function insertScore(ctx: Ctx, roundId: number, input: ScoreInput, correction: boolean): Promise<void> {
  const last = await db(ctx).selectFrom('evaluation_score').selectAll().where('round_id', '=', roundId).where('org_code', '=', input.orgCode).where('code', '=', input.code).orderBy('seq', 'desc').executeTakeFirst();
  await db(ctx)
    .insertInto('evaluation_score')
    .values({
      round_id: roundId,
      org_code: input.orgCode,
      code: input.code,
      seq: Number(last?.['seq'] ?? 0) + 1,
      points: input.points,
      // a corrected computed figure keeps the figure it was computed from beside the reason
      value: correction ? (last?.['value'] ?? null) : null,
      value_text: correction ? (last?.['value_text'] ?? null) : null,
      source: 'hand',
      source_note: correction ? '考核结束后更正' : null,
      link: correction ? (last?.['link'] ?? null) : null,
      evidence: JSON.stringify(input.evidence),
      reason: input.reason,
      correction,
      scored_by: ctx.actor.id,
      scored_by_name: ctx.actor.displayName,
      scored_at: ctx.now,
    })
    .execute();
}

/** the unit objects to its scores, once per round, before the round closes; the assessor is told (待办) */
export async function objectTo(ctx: Ctx, platform: Platform, resultId: number, reason: string): Promise<RoundDetail> {
  const r = await loadRow(ctx, resultLedger, resultId);
  if (r['objection']) throw new AppError('conflict', '每轮考核只能提出一次异议，本轮已提出');
  if (r['state'] === 'closed') throw new AppError('conflict', '该考核已结束，不能再提出异议');
  await applyTransition(ctx, platform, resultLedger, resultId, 'object', { objected_on: chinaDate(ctx.now), objection: reason }, { dedicated: true });
  return resultDetail(ctx, resultId);
}

/** the assessor answers an objection (after adjusting scores where it was right) */
export async function replyTo(ctx: Ctx, platform: Platform, resultId: number, reply: string): Promise<RoundDetail> {
  const r = await loadRow(ctx, resultLedger, resultId);
  await applyTransition(ctx, platform, resultLedger, resultId, 'reply', { replied_on: chinaDate(ctx.now), reply }, { dedicated: true });
  return roundDetail(ctx, Number(r['round_id']));
}

/**
 * closes the round: the computed leaves are filled once more from the figures of the day, then refused while a
 * hand-scored leaf is unscored or an objection waits; each unit's total and rank are frozen on its result record
 */
export async function closeRound(ctx: Ctx, platform: Platform, id: number, body: { closed_on: string; conclusion: string }): Promise<RoundDetail> {
  const round = await loadRound(ctx, id);
  assertScoring(round);
  await computeRound(ctx, platform, id);
  const system = await systemById(ctx, round.systemId);
  const units = await buildUnits(ctx, round, system);
  const unscored = units.reduce((x, u) => x + u.unscored, 0);
  if (unscored) throw new AppError('gate_refused', `不能结束考核：还有${unscored}项人工评分指标未评分`, [{ path: 'scores', label: '人工评分', message: `还有${unscored}项人工评分指标未评分` }]);
  const waiting = units.filter((u) => u.state === 'objected').map((u) => u.orgName);
  if (waiting.length) throw new AppError('gate_refused', `不能结束考核：${waiting.join('、')}的异议尚未答复`, [{ path: 'objections', label: '考核异议', message: `${waiting.join('、')}的异议尚未答复` }]);
  const sizes = groupSizes(units);
  for (const u of units) {
    if (u.resultId === null) continue;
    // the rank and the number of units are those of the unit's group
    await applyTransition(ctx, platform, resultLedger, u.resultId, 'close', { closed_on: body.closed_on, total: u.total, rank: u.rank, units: sizes[u.group] ?? units.length }, { dedicated: true });
  }
  await applyTransition(ctx, platform, roundLedger, id, 'close', { closed_on: body.closed_on, conclusion: body.conclusion }, { dedicated: true });
  return roundDetail(ctx, id);
}

/**
 * corrects a score of a closed round: a new score row with its reason, and every unit whose total or rank moves gets
 * its result record corrected (a kept version with the same reason)
 */
export async function correctScore(ctx: Ctx, platform: Platform, id: number, input: ScoreInput): Promise<RoundDetail> {
  const round = await loadRound(ctx, id);
  if (round.state !== 'closed') throw new AppError('conflict', '该考核尚未结束，请直接评分');
  const system = await systemById(ctx, round.systemId);
  const units = await roundUnits(ctx, round);
  if (!units.some((u) => u.code === input.orgCode)) throw invalid('orgCode', '被考核单位', '被考核单位：不是本轮考核的单位');
  const item = leaves(system.items).find((i) => i.code === input.code);
  if (!item) throw invalid('code', '指标编号', `指标编号：本轮考核的指标体系中没有${input.code}`);
  if (input.points > item.points) throw invalid('points', '得分', `得分：${item.code}最多${item.points}分`);
  if (Math.round(input.points * 2) !== input.points * 2) throw invalid('points', '得分', '得分：以0.5分为单位');
  const before = await buildUnits(ctx, round, system);
  const old = before.find((u) => u.orgCode === input.orgCode)?.lines.find((l) => l.code === input.code);
  if (old?.points === input.points) throw invalid('points', '得分', '得分：与当前得分相同，没有需要更正的内容');
  await insertScore(ctx, id, input, true);
  await audit(ctx, { entity: roundLedger.name, entityId: id, action: 'correct_score', orgCode: input.orgCode, diff: { code: input.code, before: old?.points ?? null, after: input.points, reason: input.reason } });
  const after = await buildUnits(ctx, round, system);
  for (const u of after) {
    const b = before.find((x) => x.orgCode === u.orgCode);
    if (u.resultId === null || !b || (b.total === u.total && b.rank === u.rank)) continue;
    await correctRecord(ctx, resultLedger, u.resultId, { reason: `${input.reason}（${item.code}${u.orgCode === input.orgCode ? '更正' : '的更正改变了排名'}）`, values: { total: u.total, rank: u.rank } }, platform.ledgers);
  }
  return roundDetail(ctx, id);
}

/** each unit's tasks of a year: how many, done, overdue (past the deadline and not done) */
export async function taskProgress(ctx: Ctx, year: number): Promise<TaskProgress[]> {
  const today = chinaDate(ctx.now);
  const rows = await ledgerDb(ctx)
    .selectFrom(`${taskLedger.table} as t`)
    .select([
      't.org_code',
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where t.completed_on is not null)`.as('done'),
      sql<number>`count(*) filter (where t.completed_on is null and t.due_on < ${today})`.as('overdue'),
    ])
    .where('t.status', '=', 'active')
    .where('t.org_code', 'in', ctx.scope.codes)
    .where('t.due_on', '>=', `${year}-01-01`)
    .where('t.due_on', '<=', `${year}-12-31`)
    .groupBy('t.org_code')
    .execute();
  // a town's offices count under their town; a county department is a unit of its own (it is evaluated as one)
  const unitOf = await answeringUnits(ctx, rows.map((r) => String(r['org_code'])));
  const byUnit = new Map<string, { total: number; done: number; overdue: number }>();
  for (const r of rows) {
    const u = unitOf(String(r['org_code']));
    const e = byUnit.get(u) ?? { total: 0, done: 0, overdue: 0 };
    byUnit.set(u, { total: e.total + Number(r['total']), done: e.done + Number(r['done']), overdue: e.overdue + Number(r['overdue']) });
  }
  const units = [...byUnit.keys()];
  const names = new Map((await db(ctx).selectFrom('org').select(['code', 'name']).where('code', 'in', units.length ? units : ['']).execute()).map((o) => [String(o['code']), String(o['name'])]));
  return [...byUnit.entries()]
    .map(([unit, e]) => ({ orgCode: unit, orgName: names.get(unit) ?? unit, ...e, rate: e.total ? round1((e.done / e.total) * 100) : null }))
    .sort((a, b) => a.orgCode.localeCompare(b.orgCode));
}
