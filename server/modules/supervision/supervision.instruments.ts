import type { Kysely } from 'kysely';
import type { ActivityDrawDetail, Clue, DrawChecks } from '../../../common/supervision.types.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createRecord, loadRow, titleOf, updateRecord, type LedgerRecord } from '../../platform/ledger/ledger.service.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { DEFAULT_UNIT_SCOPE, orgLevels, scopeTakesDepartments, scopeTakesTowns, UNIT_SCOPES } from '../../platform/ledger/org-levels.ts';
import type { Platform } from '../../platform/module.ts';
import type { Block, DocumentSpec } from '../../platform/reports/blocks.ts';
import { officialDate } from '../../platform/reports/blocks.ts';
import { plainValues } from '../../platform/workflow/workflow.service.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { clueNote, findClue } from './supervision.clues.ts';
import { activityLedger, INSTRUMENT_KINDS, INSTRUMENT_TITLES, opinionLedger } from './supervision.ledgers.ts';
import { drawAfterCommitment, newSeed, sha256Hex, stamp } from './supervision.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's and other modules' tables are not in the platform schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? chinaDate(v) : String(v).slice(0, 10));
type Kind = (typeof INSTRUMENT_KINDS)[number];
const kindOf = (v: unknown): Kind => (INSTRUMENT_KINDS.includes(v as Kind) ? (v as Kind) : '意见书');

export interface InstrumentForDocument {
  values: Readonly<Record<string, unknown>>;
  /** the unit it is served on */
  addressee: string;
  /** the supervision organ that issues it */
  issuer: string;
  /** the rectification due day, from the clock */
  due: string | null;
}

const lines = (v: unknown): string[] => String(v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** the instrument as a GB/T 9704 document: addressee, the problems, the opinion (decision, recommendation), the deadline and the reply asked for */
export function instrumentDocument(i: InstrumentForDocument): DocumentSpec {
  const v = i.values;
  const kind = kindOf(v['kind']);
  const title = INSTRUMENT_TITLES[kind];
  const issued = iso(v['issued_on']) ?? '';
  const verb = kind === '决定书' ? '决定如下' : kind === '建议书' ? '提出如下建议' : '提出如下监督意见';
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'para', text: String(v['opinion_no'] ?? ''), align: 'center' },
    { kind: 'para', text: `${i.addressee}：` },
    { kind: 'para', text: `本机关依据《行政执法监督条例》，就${String(v['subject'] ?? '')}对你单位的行政执法工作进行了监督，现将发现的问题和${kind === '决定书' ? '监督决定' : kind === '建议书' ? '监督建议' : '监督意见'}通知如下。`, indent: true },
    { kind: 'heading', level: 1, text: '发现的问题' },
    ...lines(v['problems']).map((text): Block => ({ kind: 'para', text, indent: true })),
    { kind: 'heading', level: 1, text: `${kind === '决定书' ? '监督决定' : kind === '建议书' ? '监督建议' : '监督意见'}和整改要求` },
    { kind: 'para', text: `本机关${verb}：`, indent: true },
    ...lines(v['requirements']).map((text): Block => ({ kind: 'para', text, indent: true })),
    { kind: 'heading', level: 1, text: '整改期限' },
    {
      kind: 'para',
      text: `请你单位自本${kind}制发之日起${String(v['rectify_days'] ?? '')}日内${i.due ? `（${officialDate(i.due)}前）` : ''}完成整改，并将整改情况书面报告本机关；本机关将对整改情况进行核查。逾期未整改或者整改不到位的，本机关将依法进一步处理。`,
      indent: true,
    },
    { kind: 'signature', org: i.issuer, date: issued ? officialDate(issued) : '' },
  ];
  return { title, docNumber: String(v['opinion_no'] ?? ''), blocks };
}

/** the instrument's document: the holder's name as addressee, the county's supervision organ as issuer, the clock's due day */
export async function instrumentForDocument(ctx: Ctx, id: number): Promise<{ doc: DocumentSpec; fileName: string }> {
  const row = await loadRow(ctx, opinionLedger, id);
  const values = plainValues(ctx, opinionLedger, row);
  for (const f of opinionLedger.fields) if (f.type === 'date') values[f.name] = iso(row[f.name]);
  const orgCode = String(row['org_code']);
  const holder = (await orgLevels(ctx, [orgCode])).get(orgCode);
  const org = async (code: string | null | undefined) => (code ? ctx.tx.selectFrom('org').select(['name', 'kind', 'parent_code']).where('code', '=', code).executeTakeFirst() : undefined);
  // served on a town, a town's office or a county department; issued by the county's 司法局
  const unit = await org(holder?.parent ?? orgCode);
  const county = unit?.kind === 'county' ? unit : await org(unit?.parent_code);
  const clock = await db(ctx).selectFrom('workflow_clock').select(['due']).where('ledger', '=', opinionLedger.name).where('record_id', '=', id).where('clock_id', '=', 'rectify').executeTakeFirst();
  const name = holder?.name ?? orgCode;
  // a town's office is addressed with its town's name (“城关镇综合行政执法队”), unless its own name already carries it
  const addressee = holder?.department && holder.level === 'town' && unit && !name.startsWith(unit.name) ? `${unit.name}${name}` : name;
  const doc = instrumentDocument({ values, addressee, issuer: `${county?.name ?? ''}司法局`, due: iso(clock?.['due']) });
  return { doc, fileName: `${doc.title}-${String(values['opinion_no'])}` };
}

/** the lines naming a clue's records: each ledger's records by their titles (案号, 检查编号), so the unit can find them */
async function recordLines(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, clue: Clue): Promise<string[]> {
  const out: string[] = [];
  for (const s of clue.sources) {
    const l = platform.ledgers.get(s.ledger);
    if (!l) continue;
    const rows = await ledgerDb(ctx).selectFrom(l.table).selectAll().where('id', 'in', s.ids).where('org_code', 'in', ctx.scope.codes).orderBy('id').execute();
    const titles = rows.map((r) => titleOf(l, plainValues(ctx, l, r as Record<string, unknown>)));
    out.push(`${s.ledgerLabel}（${s.ids.length}条）：${titles.slice(0, 30).join('；')}${titles.length > 30 ? `等${titles.length}条` : ''}`);
  }
  return out;
}

export interface FromClueInput {
  clue: string;
  kind: Kind;
  issued_on: string;
  rectify_days: number;
  requirements: string;
}

/**
 * an instrument issued from a clue: the clue is recomputed on the server, the instrument goes to the clue's unit with
 * the clue's records named in its problems and listed in 所涉记录 (ledger and ids) — never what the browser sends
 */
export async function instrumentFromClue(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, input: FromClueInput): Promise<LedgerRecord> {
  const clue = await findClue(ctx, platform, input.clue);
  const problems = [clue.summary, ...(await recordLines(ctx, platform, clue))].join('\n');
  return createRecord(
    ctx,
    opinionLedger,
    {
      orgCode: clue.orgCode,
      kind: input.kind,
      issued_on: input.issued_on,
      subject: `${clue.year}年度${clue.kindLabel}问题`.slice(0, 100),
      problems: problems.slice(0, 3000),
      requirements: input.requirements,
      rectify_days: input.rectify_days,
      clue: clueNote(clue),
      basis_records: clue.sources.map((s) => `${s.ledger}:${s.ids.join(',')}`).join('\n'),
    },
    platform.ledgers,
  );
}

/** a supervision activity opened from a clue: its unit and records carried into the plan, the clue recorded */
export async function activityFromClue(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, input: { clue: string; mode: string; planned_on: string }): Promise<LedgerRecord> {
  const clue = await findClue(ctx, platform, input.clue);
  const countyOffice = ctx.actor.homeOrg;
  return createRecord(
    ctx,
    activityLedger,
    {
      orgCode: countyOffice,
      title: `${clue.orgName}${clue.kindLabel}核查`.slice(0, 100),
      mode: input.mode,
      planned_on: input.planned_on,
      plan: [`核查线索：${clue.summary}`, ...(await recordLines(ctx, platform, clue))].join('\n').slice(0, 3000),
      units: clue.orgName,
      source_clue: clueNote(clue),
    },
    platform.ledgers,
  );
}

export const UNIT_DRAW_RULE = '先承诺：系统以密码学随机数生成种子，只公开种子的SHA-256值和承诺时间，种子保密；后抽取：抽取时按抽取范围冻结本县乡镇（街道）和（或）县直部门名录并公开其SHA-256值，揭示种子，对名录中的每个单位计算 SHA-256(“种子|U|机构编码”)（UTF-8，十六进制小写），按该值升序排列，取前N个。任何人可核对三点：种子的SHA-256值与承诺一致、名录的SHA-256值与公开的一致、按种子和名录重算的结果与抽取结果一致。';

/** the units drawn from a frozen list with a seed: the same rule as the 案卷评查 draw, over organisation codes */
export function drawUnitCodes(seed: string, codes: readonly string[], n: number): string[] {
  return codes
    .map((c) => ({ c, k: sha256Hex(`${seed}|U|${c}`) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.c.localeCompare(b.c)))
    .slice(0, n)
    .map((e) => e.c);
}

function unitCountOf(row: Record<string, unknown>): number {
  const n = Number(row['unit_count'] ?? 0);
  if (!n) throw new AppError('validation_failed', '随机抽取单位数：请先填写随机抽取单位数', [{ path: 'unit_count', label: '随机抽取单位数', message: '随机抽取单位数：请先填写' }]);
  return n;
}

/** a draw made before commitments existed left only an audit entry */
async function drawnBefore(ctx: Ctx, id: number): Promise<boolean> {
  return !!(await db(ctx).selectFrom('audit_log').select('id').where('entity', '=', activityLedger.name).where('entity_id', '=', String(id)).where('action', '=', 'draw_units').executeTakeFirst());
}

/**
 * the commitment (step 1) of an activity's draw: the system makes a secret seed and publishes only its SHA-256 with
 * the time; an activity is committed once
 */
export async function commitActivityDraw(ctx: Ctx, id: number): Promise<ActivityDrawDetail> {
  const row = await loadRow(ctx, activityLedger, id);
  unitCountOf(row);
  const had = await db(ctx).selectFrom('supervision_activity_draw').select('activity_id').where('activity_id', '=', id).forUpdate().executeTakeFirst();
  if (had) throw new AppError('conflict', '该监督活动已承诺随机种子，不能重新承诺');
  if (await drawnBefore(ctx, id)) throw new AppError('conflict', '该监督活动已随机抽取被监督单位，不能重新抽取');
  const seed = newSeed();
  const seedHash = sha256Hex(seed);
  await db(ctx).insertInto('supervision_activity_draw').values({ activity_id: id, org_code: row['org_code'], seed, seed_hash: seedHash, committed_at: ctx.now }).execute();
  // the hash only: the seed stays secret until the draw
  await audit(ctx, { entity: activityLedger.name, entityId: id, action: 'draw_commit', orgCode: String(row['org_code']), diff: { seedHash } });
  return activityDraw(ctx, id);
}

/**
 * draws an activity's units (steps 2 and 3): after the commitment, the towns in the supervisor's scope are frozen as
 * the list, the committed seed is revealed and the result goes into 被监督单位; list, hashes and result are kept in
 * the activity's draw record (and audited) so anyone can recompute; an activity is drawn once
 */
export async function drawActivityUnits(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number): Promise<LedgerRecord> {
  const row = await loadRow(ctx, activityLedger, id);
  const n = unitCountOf(row);
  const committed = await db(ctx).selectFrom('supervision_activity_draw').selectAll().where('activity_id', '=', id).forUpdate().executeTakeFirst();
  if ((committed && committed['drawn_at'] !== null) || (await drawnBefore(ctx, id))) throw new AppError('conflict', '该监督活动已随机抽取被监督单位，不能重新抽取');
  if (!committed) throw new AppError('conflict', '请先承诺随机种子：系统生成种子并公开其SHA-256值后才能抽取');
  drawAfterCommitment(ctx, committed['committed_at']);
  // the list: the county's towns and/or its departments in the supervisor's scope, as the activity's 抽取范围 says
  const scope = UNIT_SCOPES.find((x) => x === row['draw_scope']) ?? DEFAULT_UNIT_SCOPE;
  const levels = await orgLevels(ctx, ctx.scope.codes);
  const towns = ctx.scope.codes
    .filter((c) => {
      const o = levels.get(c);
      return (scopeTakesTowns(scope) && o?.level === 'town' && !o.department) || (scopeTakesDepartments(scope) && o?.level === 'county' && o.department);
    })
    .sort();
  if (towns.length < n) throw new AppError('validation_failed', `随机抽取单位数：抽取范围（${scope}）内可抽取的单位只有${towns.length}个`, [{ path: 'unit_count', label: '随机抽取单位数', message: `随机抽取单位数：可抽取的只有${towns.length}个` }]);
  const names = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', towns).execute()).map((o) => [o.code, o.name]));
  const seed = String(committed['seed']);
  const listText = unitListText(towns, names);
  const listHash = sha256Hex(listText);
  const result = drawUnitCodes(seed, towns, n);
  const rec = await updateRecord(ctx, activityLedger, id, { units: result.map((c) => names.get(c) ?? c).join('\n'), version: Number(row['version']) }, platform.ledgers);
  await db(ctx).updateTable('supervision_activity_draw').set({ unit_count: n, list_text: listText, list_hash: listHash, candidates: towns.length, result: result.join('\n'), drawn_at: ctx.now }).where('activity_id', '=', id).execute();
  await audit(ctx, { entity: activityLedger.name, entityId: id, action: 'draw_units', orgCode: String(row['org_code']), diff: { seed, seedHash: String(committed['seed_hash']), listText, listHash, result: result.join('、'), rule: UNIT_DRAW_RULE } });
  return rec;
}

const unitListText = (codes: readonly string[], names: ReadonlyMap<string, string>): string => codes.map((c) => `U|${c}|${names.get(c) ?? ''}`).join('\n');

/** an activity's commitment and, once drawn, the revealed seed, the frozen list and the server's re-computation */
export async function activityDraw(ctx: Ctx, id: number): Promise<ActivityDrawDetail> {
  const row = await loadRow(ctx, activityLedger, id);
  const d = await db(ctx).selectFrom('supervision_activity_draw').selectAll().where('activity_id', '=', id).executeTakeFirst();
  const out: ActivityDrawDetail = { activityId: id, unitCount: Number(row['unit_count'] ?? 0), commitment: d ? { seedHash: String(d['seed_hash']), committedAt: stamp(d['committed_at']) } : null, draw: null };
  // the seed is read only once the draw is made
  if (d && d['drawn_at'] !== null) {
    const seed = String(d['seed']);
    const listText = String(d['list_text'] ?? '');
    const codes = listText ? listText.split('\n').map((l) => l.split('|')[1] ?? '') : [];
    const names = new Map(listText ? listText.split('\n').map((l) => { const [, code, ...name] = l.split('|'); return [code ?? '', name.join('|')] as const; }) : []);
    const result = String(d['result'] ?? '').split('\n').filter(Boolean);
    const checks: DrawChecks = { seedMatchesCommitment: sha256Hex(seed) === d['seed_hash'], listMatchesHash: sha256Hex(listText) === d['list_hash'], resultReproduced: JSON.stringify(drawUnitCodes(seed, codes, Number(d['unit_count']))) === JSON.stringify(result) };
    const committedAt = stamp(d['committed_at']);
    const drawnAt = stamp(d['drawn_at']) ?? '';
    out.draw = {
      seed,
      seedHash: String(d['seed_hash']),
      committedAt,
      listHash: String(d['list_hash']),
      listText,
      candidates: Number(d['candidates']),
      drawnAt,
      algorithm: UNIT_DRAW_RULE,
      checks,
      verified: checks.seedMatchesCommitment && checks.listMatchesHash && checks.resultReproduced && committedAt !== null && committedAt < drawnAt,
      units: result.map((code) => ({ code, name: names.get(code) ?? code })),
    };
  }
  return out;
}
