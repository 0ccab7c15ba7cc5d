import { sql, type Kysely } from 'kysely';
import type { Clue, ClueList, ClueSource } from '../../../common/supervision.types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { LedgerDef } from '../../platform/ledger/ledger.types.ts';
import { answeringUnits } from '../../platform/ledger/org-levels.ts';
import type { Platform } from '../../platform/module.ts';
import { getSetting } from '../../platform/settings.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- other modules' tables are read through the registry, not the typed schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;

/**
 * the clue kinds: what the 行政执法监督条例 names as the supervision's targets, each computed from the records. The
 * 条例's full text is not in our sources (decision 0025): the thresholds are settings with the defaults below.
 */
export const CLUE_KINDS = [
  { kind: 'no_case', label: '有案不立', basis: '检查发现违法、结果为“转立案”或复查未整改转立案，但未见立案的行政处罚案件（涉企行政检查看其转立案的处罚案件；执法案件台账中的检查按统一社会信用代码核对同一单位此后登记的处罚案件）；12345热线投诉、举报经核查属实或部分属实，但未记录立案处理，或记为已立案却未关联执法案件' },
  { kind: 'fine_growth', label: '以罚代管、趋利性执法（罚没收入增长）', basis: '本年罚款合计较上年同期增长超过设定比例' },
  { kind: 'top_share', label: '以罚代管、趋利性执法（顶格处罚比例）', basis: '本年作出的罚款决定中顶格处罚所占比例超过设定比例' },
  { kind: 'over_inspection', label: '乱检查（检查频次超限）', basis: '同一单位一年内对同一企业实施的涉企行政检查次数超过设定上限（日常检查的年度上限在审批时已拒绝，此处合计日常、专项和个案检查）' },
  { kind: 'overdue', label: '案件办理超期', basis: '执法案件、行政检查的法定期限已届满仍未办结' },
  { kind: 'unpublished', label: '未按期公示', basis: '行政处罚决定超过公示期限未公示或逾期公示' },
  { kind: 'no_review', label: '未经法制审核', basis: '重大执法决定已作出，但未记录法制审核日期或审核结论' },
  { kind: 'no_certificate', label: '无有效执法证件执法', basis: '执法人员的执法证件在执法之日不在有效期内（按执法人员名录库登记的有效期核对）' },
  { kind: 'training_short', label: '执法人员培训学时不足', basis: '执法人员名录库登记的上年度培训学时少于设定学时' },
  { kind: 'instrument_overdue', label: '监督文书逾期未整改', basis: '监督意见书、决定书、建议书的整改期限已届满，单位仍未报送整改情况或整改未通过核查' },
] as const;
export type ClueKind = (typeof CLUE_KINDS)[number]['kind'];

export const CLUE_SETTINGS = [
  { key: 'supervision.clue.fine_growth_percent', label: '罚款合计同比增长超过（%）', default: 50 },
  { key: 'supervision.clue.top_share_percent', label: '顶格处罚占罚款决定比例超过（%）', default: 30 },
  { key: 'supervision.clue.top_min_count', label: '顶格处罚至少（件）才提示比例', default: 2 },
  { key: 'supervision.clue.inspection_cap', label: '同一单位一年检查同一企业超过（次）', default: 3 },
  { key: 'enforcement.officer.training_hours', label: '执法人员每年培训学时不少于', default: 60 },
] as const;
type SettingKey = (typeof CLUE_SETTINGS)[number]['key'];

async function settingOf(ctx: Ctx, key: SettingKey): Promise<number> {
  const v = await getSetting<unknown>(ctx.tx, key);
  const fallback = CLUE_SETTINGS.find((s) => s.key === key)?.default ?? 0;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

type UnitOf = (orgCode: string) => string;

interface Hit {
  unit: string;
  ledger: string;
  id: number;
}

function ledgerOf(platform: Pick<Platform, 'ledgers'>, name: string): LedgerDef | null {
  return platform.ledgers.get(name) ?? null;
}

/** the rows of a raw query as hits of one ledger */
async function hits(ctx: Ctx, unitOf: UnitOf, ledger: string, query: ReturnType<typeof sql<{ id: number; org_code: string }>>): Promise<Hit[]> {
  const rows = (await query.execute(ctx.tx)).rows;
  return rows.map((r) => ({ unit: unitOf(String(r.org_code)), ledger, id: Number(r.id) }));
}

/** the clue list of a year: every unit in the supervisor's scope with records behind a kind */
export async function clueList(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, year: number): Promise<ClueList> {
  const today = chinaDate(ctx.now);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const codes = ctx.scope.codes;
  const settings = await Promise.all(CLUE_SETTINGS.map(async (s) => ({ key: s.key, label: s.label, value: await settingOf(ctx, s.key) })));
  const setting = (key: SettingKey): number => settings.find((s) => s.key === key)?.value ?? 0;
  const found = new Map<ClueKind, Hit[]>();
  const extra = new Map<string, string>();
  const add = (kind: ClueKind, list: Hit[]): void => void found.set(kind, [...(found.get(kind) ?? []), ...list]);
  if (!codes.length) return { year, kinds: CLUE_KINDS.map((k) => ({ ...k })), settings, items: [] };
  const inScope = sql.join(codes.map((c) => sql`${c}`));
  const unitOf = await answeringUnits(ctx, ctx.scope.codes);

  const cases = ledgerOf(platform, 'enforcement.case');
  const inspections = ledgerOf(platform, 'enforcement.inspection');
  const inspectors = ledgerOf(platform, 'enforcement.inspector');
  if (cases) {
    const t = sql.table(cases.table);
    // 有案不立: an inspection recorded as a case whose result asks for a case, and no penalty case of that party after it
    add('no_case', await hits(ctx, unitOf, cases.name, sql<{ id: number; org_code: string }>`
      select c.id, c.org_code from ${t} c
      where c.status = 'active' and c.org_code in (${inScope}) and c.case_type = '行政检查'
        and (c.inspection_result = '转立案' or c.follow_up_result = '未整改转立案')
        and c.registered_on between ${from} and ${to} and c.party_uscc is not null
        and not exists (select 1 from ${t} p where p.status = 'active' and p.case_type = '行政处罚' and p.org_code = c.org_code
          and p.party_uscc = c.party_uscc and p.registered_on >= c.registered_on)
      order by c.id`));
    // 以罚代管: fines this year against the same period of last year, per unit
    const lastTo = year < Number(today.slice(0, 4)) ? `${year - 1}-12-31` : `${year - 1}${today.slice(4)}`;
    const upTo = year < Number(today.slice(0, 4)) ? to : today;
    const fines = (await sql<{ id: number; org_code: string; amount: string | null; decided_on: unknown; top_penalty: boolean | null }>`
      select id, org_code, amount, decided_on, top_penalty from ${t}
      where status = 'active' and org_code in (${inScope}) and case_type = '行政处罚' and revoked_on is null and amount > 0
        and decided_on between ${`${year - 1}-01-01`} and ${upTo}
      order by id`.execute(ctx.tx)).rows;
    const day = (v: unknown): string => (v instanceof Date ? chinaDate(v) : String(v).slice(0, 10));
    const byUnit = new Map<string, { now: typeof fines; before: number; tops: typeof fines }>();
    for (const f of fines) {
      const u = unitOf(String(f.org_code));
      const e = byUnit.get(u) ?? { now: [], before: 0, tops: [] };
      const d = day(f.decided_on);
      if (d >= from) {
        e.now.push(f);
        if (f.top_penalty) e.tops.push(f);
      } else if (d <= lastTo) e.before += Number(f.amount);
      byUnit.set(u, e);
    }
    const growth = setting('supervision.clue.fine_growth_percent');
    const share = setting('supervision.clue.top_share_percent');
    const minTop = setting('supervision.clue.top_min_count');
    for (const [u, e] of byUnit) {
      const sum = e.now.reduce((n, f) => n + Number(f.amount), 0);
      if (e.before > 0 && sum > e.before * (1 + growth / 100)) {
        add('fine_growth', e.now.map((f) => ({ unit: u, ledger: cases.name, id: Number(f.id) })));
        extra.set(`fine_growth:${u}`, `罚款合计${yuan(sum)}，上年同期${yuan(e.before)}，增长${Math.round(((sum - e.before) / e.before) * 100)}%（提示线${growth}%）`);
      }
      if (e.now.length && e.tops.length >= minTop && (e.tops.length / e.now.length) * 100 > share) {
        add('top_share', e.tops.map((f) => ({ unit: u, ledger: cases.name, id: Number(f.id) })));
        extra.set(`top_share:${u}`, `罚款决定${e.now.length}件，其中顶格处罚${e.tops.length}件，占${Math.round((e.tops.length / e.now.length) * 100)}%（提示线${share}%）`);
      }
    }
    add('unpublished', await hits(ctx, unitOf, cases.name, sql<{ id: number; org_code: string }>`
      select id, org_code from ${t}
      where status = 'active' and org_code in (${inScope}) and case_type = '行政处罚' and revoked_on is null
        and decided_on between ${from} and ${to} and publication_due_on < ${today}
        and (published_on is null or published_in_time = false)
      order by id`));
    add('no_review', await hits(ctx, unitOf, cases.name, sql<{ id: number; org_code: string }>`
      select id, org_code from ${t}
      where status = 'active' and org_code in (${inScope}) and major = true and decided_on between ${from} and ${to}
        and (review_on is null or review_conclusion is null)
      order by id`));
  }
  // 有案不立: a 涉企行政检查 whose result is 转立案 without the penalty case it should have opened
  if (inspections) {
    add('no_case', await hits(ctx, unitOf, inspections.name, sql<{ id: number; org_code: string }>`
      select id, org_code from ${sql.table(inspections.table)}
      where status = 'active' and org_code in (${inScope}) and outcome = '转立案' and penalty_case is null and inspected_on between ${from} and ${to}
      order by id`));
  }
  // 有案不立: a 12345 投诉/举报 found true whose ticket says nothing of a case, or says 已立案 and names none
  const hotline = ledgerOf(platform, 'petitions.hotline');
  if (hotline) {
    add('no_case', await hits(ctx, unitOf, hotline.name, sql<{ id: number; org_code: string }>`
      select id, org_code from ${sql.table(hotline.table)}
      where status = 'active' and org_code in (${inScope}) and request_kind in ('投诉', '举报') and finding in ('属实', '部分属实')
        and (case_decision is null or (case_decision = '已立案' and penalty_case is null)) and reply_on between ${from} and ${to}
      order by id`));
  }
  // 乱检查: one unit's 涉企行政检查 of one enterprise in the year, all kinds together (patrol records of the case ledger are not visits planned on an enterprise)
  const cap = setting('supervision.clue.inspection_cap');
  const visits: Array<{ ledger: string; id: number; org_code: string; uscc: string }> = [];
  if (inspections) visits.push(...(await sql<{ id: number; org_code: string; uscc: string }>`select id, org_code, enterprise_uscc as uscc from ${sql.table(inspections.table)} where status = 'active' and org_code in (${inScope}) and cancelled_on is null and coalesce(inspected_on, approved_on) between ${from} and ${to} and enterprise_uscc is not null`.execute(ctx.tx)).rows.map((r) => ({ ...r, ledger: inspections.name })));
  const perEnterprise = new Map<string, typeof visits>();
  for (const v of visits) perEnterprise.set(`${unitOf(v.org_code)}|${v.uscc}`, [...(perEnterprise.get(`${unitOf(v.org_code)}|${v.uscc}`) ?? []), v]);
  for (const [key, list] of perEnterprise) {
    if (list.length <= cap) continue;
    const u = key.split('|')[0] ?? '';
    add('over_inspection', list.map((v) => ({ unit: u, ledger: v.ledger, id: Number(v.id) })));
  }
  // 超期: the statutory clocks of enforcement records that ran out and still run
  const clockLedgers = [cases, inspections].filter((l): l is LedgerDef => l !== null).map((l) => l.name);
  if (clockLedgers.length) {
    const rows = (await sql<{ ledger: string; record_id: number; org_code: string }>`
      select distinct ledger, record_id, org_code from workflow_clock
      where ledger in (${sql.join(clockLedgers.map((l) => sql`${l}`))}) and org_code in (${inScope}) and status = 'running' and due < ${today} and due >= ${from}
      order by record_id`.execute(ctx.tx)).rows;
    add('overdue', rows.map((r) => ({ unit: unitOf(String(r.org_code)), ledger: String(r.ledger), id: Number(r.record_id) })));
  }
  // 无证执法: the officer's certificate in the registry was not valid on the day of the act
  if (inspectors) {
    const reg = sql.table(inspectors.table);
    if (cases) {
      add('no_certificate', await hits(ctx, unitOf, cases.name, sql<{ id: number; org_code: string }>`
        select c.id, c.org_code from ${sql.table(cases.table)} c
        where c.status = 'active' and c.org_code in (${inScope}) and coalesce(c.filed_on, c.registered_on) between ${from} and ${to}
          and exists (select 1 from ${reg} i where i.status = 'active' and i.cert_no in (c.officer1_cert, c.officer2_cert)
            and (i.cert_valid_until < coalesce(c.filed_on, c.registered_on) or i.cert_valid_from > coalesce(c.filed_on, c.registered_on)))
        order by c.id`));
    }
    if (inspections) {
      add('no_certificate', await hits(ctx, unitOf, inspections.name, sql<{ id: number; org_code: string }>`
        select c.id, c.org_code from ${sql.table(inspections.table)} c
        where c.status = 'active' and c.org_code in (${inScope}) and c.inspected_on between ${from} and ${to}
          and exists (select 1 from ${reg} i where i.status = 'active' and i.cert_no in (c.inspector1_cert, c.inspector2_cert)
            and (i.cert_valid_until < c.inspected_on or i.cert_valid_from > c.inspected_on))
        order by c.id`));
    }
    const hours = setting('enforcement.officer.training_hours');
    add('training_short', await hits(ctx, unitOf, inspectors.name, sql<{ id: number; org_code: string }>`
      select id, org_code from ${reg}
      where status = 'active' and org_code in (${inScope}) and training_year = ${year - 1} and coalesce(training_hours, 0) < ${hours}
      order by id`));
  }
  const opinions = ledgerOf(platform, 'supervision.opinion');
  if (opinions) {
    const rows = (await sql<{ record_id: number; org_code: string }>`
      select distinct record_id, org_code from workflow_clock
      where ledger = ${opinions.name} and clock_id = 'rectify' and org_code in (${inScope}) and status in ('running', 'paused') and due < ${today} and due >= ${from}
      order by record_id`.execute(ctx.tx)).rows;
    add('instrument_overdue', rows.map((r) => ({ unit: unitOf(String(r.org_code)), ledger: opinions.name, id: Number(r.record_id) })));
  }
  return { year, kinds: CLUE_KINDS.map((k) => ({ ...k })), settings, items: await assemble(ctx, platform, year, found, extra) };
}

const yuan = (n: number): string => (n >= 10000 ? `${(Math.round(n / 100) / 100).toLocaleString('zh-CN')}万元` : `${Math.round(n).toLocaleString('zh-CN')}元`);

/** one clue per kind and unit, with its sources and what has already been made from it */
async function assemble(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, year: number, found: Map<ClueKind, Hit[]>, extra: Map<string, string>): Promise<Clue[]> {
  const units = [...new Set([...found.values()].flat().map((h) => h.unit))];
  const names = new Map<string, string>();
  if (units.length) for (const o of await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', units).execute()) names.set(o.code, o.name);
  const made = await madeFromClues(ctx, year);
  const out: Clue[] = [];
  for (const k of CLUE_KINDS) {
    const list = found.get(k.kind) ?? [];
    for (const unit of [...new Set(list.map((h) => h.unit))].sort()) {
      const mine = list.filter((h) => h.unit === unit);
      const sources: ClueSource[] = [];
      for (const ledger of [...new Set(mine.map((h) => h.ledger))]) {
        const ids = [...new Set(mine.filter((h) => h.ledger === ledger).map((h) => h.id))].sort((a, b) => a - b);
        sources.push({ ledger, ledgerLabel: platform.ledgers.get(ledger)?.label ?? ledger, ids, link: `/ledgers/${ledger}?ids=${ids.join(',')}` });
      }
      const count = sources.reduce((n, s) => n + s.ids.length, 0);
      const key = clueKey(k.kind, unit, year);
      const detail = extra.get(`${k.kind}:${unit}`);
      out.push({
        key,
        kind: k.kind,
        kindLabel: k.label,
        orgCode: unit,
        orgName: names.get(unit) ?? unit,
        year,
        summary: `${k.label}：${sources.map((s) => `${s.ledgerLabel}${s.ids.length}条`).join('、')}${detail ? `；${detail}` : ''}`,
        count,
        sources,
        instruments: made.instruments.filter((m) => m.clue === key).map(({ clue: _c, ...m }) => m),
        activities: made.activities.filter((m) => m.clue === key).map(({ clue: _c, ...m }) => m),
      });
    }
  }
  return out;
}

export const clueKey = (kind: string, unit: string, year: number): string => `${kind}:${unit}:${year}`;

/** what an instrument or activity records of its clue: readable, ending in the key it is matched by */
export const clueNote = (c: Pick<Clue, 'kindLabel' | 'orgName' | 'year' | 'key'>): string => `${c.kindLabel}（${c.orgName}，${c.year}年）[${c.key}]`;
const keyOfNote = (note: string): string => /\[([a-z_]+:\d{12}(?:-\d{2,3})?:\d{4})\]$/.exec(note)?.[1] ?? note;

async function madeFromClues(ctx: Ctx, year: number): Promise<{ instruments: Array<{ id: number; no: string; kind: string; state: string | null; clue: string }>; activities: Array<{ id: number; title: string; clue: string }> }> {
  const like = `%:${year}]`;
  const instruments = await db(ctx).selectFrom('supervision_opinion').select(['id', 'opinion_no', 'kind', 'state', 'clue']).where('status', '=', 'active').where('clue', 'like', like).orderBy('id').execute();
  const activities = await db(ctx).selectFrom('supervision_activity').select(['id', 'title', 'source_clue']).where('status', '=', 'active').where('source_clue', 'like', like).orderBy('id').execute();
  return {
    instruments: instruments.map((r) => ({ id: Number(r['id']), no: String(r['opinion_no']), kind: String(r['kind'] ?? '意见书'), state: (r['state'] as string | null) ?? null, clue: keyOfNote(String(r['clue'])) })),
    activities: activities.map((r) => ({ id: Number(r['id']), title: String(r['title']), clue: keyOfNote(String(r['source_clue'])) })),
  };
}

/** the clue a key names, recomputed now: what an instrument or activity is made from (never from what the browser sends) */
export async function findClue(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, key: string): Promise<Clue> {
  const m = /^([a-z_]+):(\d{12}(?:-\d{2,3})?):(\d{4})$/.exec(key);
  const clue = m ? (await clueList(ctx, platform, Number(m[3]))).items.find((c) => c.key === key) : undefined;
  if (!clue) throw new AppError('validation_failed', '线索：该线索不存在或已不再成立，请刷新线索清单', [{ path: 'clue', label: '线索', message: '线索：该线索不存在或已不再成立' }]);
  return clue;
}
