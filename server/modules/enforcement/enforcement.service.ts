import { sql, type Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import { mask } from '../../platform/crypto/mask.ts';
import { redactText } from '../../platform/crypto/redact.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { loadRow, type Row } from '../../platform/ledger/ledger.service.ts';
import { correctedOn } from '../../platform/ledger/correction.service.ts';
import type { Platform } from '../../platform/module.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { applyTransition, type Timeline, type TransitionBody } from '../../platform/workflow/workflow.service.ts';
import type { InspectionVisit, PublicDecision, RepeatedInspection } from '../../../common/enforcement.types.ts';
import type { PriorViolationCheck } from '../../../common/enforcement.types.ts';
import { FIRST_VIOLATION, findPriorViolations, isExemption } from './enforcement.exemption.ts';
import { isSummary } from './enforcement.summary.ts';
import { caseDocument, docNumber, DOCUMENT_KINDS, type DocumentKind } from './enforcement.documents.ts';
import { benchmarkLedger, caseLedger, matterLedger } from './enforcement.ledgers.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

export type { InspectionVisit, PublicDecision, RepeatedInspection } from '../../../common/enforcement.types.ts';
export type { DrawRecord, DrawSummary, PublicDraw, PublicDrawSummary } from '../../../common/enforcement.types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;
const db = (ctx: Pick<Ctx, 'tx'>): AnyDb => ctx.tx as unknown as AnyDb;

/** a case row with personal fields decrypted, for documents and the public list (masked there) */
export function plainCase(cipher: Ctx['cipher'], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of caseLedger.fields) {
    const v = row[f.name];
    out[f.name] = f.personal && typeof v === 'string' && v !== '' ? safeDecrypt(cipher, v) : v;
  }
  return out;
}

function safeDecrypt(cipher: Ctx['cipher'], v: string): string | null {
  try {
    return cipher.decrypt(v);
  } catch {
    return null;
  }
}

/**
 * 作出处罚决定 with the discretion benchmark taken from the catalog: the chosen benchmark must belong to the case's
 * matter, and its range is recorded on the case, so the decide gate checks the amount against the catalog
 */
export async function decideCase(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number, body: TransitionBody & { benchmark?: number | null | undefined }): Promise<Timeline> {
  const row = await loadRow(ctx, caseLedger, id);
  const input: TransitionBody = { ...body };
  delete input['benchmark_min'];
  delete input['benchmark_max'];
  const chosen = body.benchmark ?? (row['benchmark'] as number | null);
  if (chosen !== null && chosen !== undefined) {
    const b = await loadRow(ctx, benchmarkLedger, Number(chosen)).catch(() => {
      throw new AppError('validation_failed', '所选裁量基准不存在', [{ path: 'benchmark', label: '适用裁量基准', message: '适用裁量基准：不存在或无权查看' }]);
    });
    if (Number(b['matter']) !== Number(row['matter'])) throw new AppError('validation_failed', '所选裁量基准不属于本案的执法事项', [{ path: 'benchmark', label: '适用裁量基准', message: '适用裁量基准：须为本案执法事项的裁量基准' }]);
    Object.assign(input, { benchmark: Number(chosen), benchmark_min: Number(b['min_amount']), benchmark_max: Number(b['max_amount']) });
  }
  // 首违不罚 (行政处罚法 art. 33): the system looks up the party's earlier violations of the same matter and records
  // what it found with the decision; the request cannot supply the finding
  delete input['prior_violations'];
  delete input['prior_violation_check'];
  const found = row['case_type'] === '行政处罚' ? await priorViolations(ctx, id, row) : null;
  if (found) {
    Object.assign(input, { prior_violations: found.count, prior_violation_check: found.summary });
    if (input['exemption_ground'] === FIRST_VIOLATION) {
      const label = caseLedger.fields.find((f) => f.name === 'exemption_ground')?.label ?? '不予处罚依据';
      if (found.count > 0) throw new AppError('validation_failed', `${found.summary}，不适用“初次违法”不予处罚`, [{ path: 'exemption_ground', label, message: `${label}：${found.summary}，不适用“初次违法且危害后果轻微并及时改正的，可以不予行政处罚”（行政处罚法第三十三条第一款）` }]);
      input['first_violation_exempt'] = true;
    }
  }
  delete input['publication_due_on'];
  // 执法公示: 7 working days after a penalty decision, 20 after another; the clock engine tracks the same deadline
  const decidedOn = typeof body['decided_on'] === 'string' ? body['decided_on'] : null;
  if (decidedOn && /^\d{4}-\d{2}-\d{2}$/.test(decidedOn)) {
    try {
      input['publication_due_on'] = addWorkingDays(decidedOn, row['case_type'] === '行政处罚' ? 7 : 20, await loadCalendar(db(ctx))).due;
    } catch {
      // a calendar year not loaded yet: the deadline stays with the clock engine (到期事项), the field stays empty
    }
  }
  const timeline = await applyTransition(ctx, platform, caseLedger, id, 'decide', input, { dedicated: true });
  if (found) await audit(ctx, { entity: caseLedger.name, entityId: id, action: 'prior_violation_check', orgCode: String(row['org_code']), diff: { by: found.by, count: found.count, cases: found.items.map((i) => i.caseNo), checkedOn: found.checkedOn } });
  // the decision's 文号 is given when the decision is made, in the same transaction (a refused decision takes none)
  if (row['case_type'] !== '行政检查') await issueDocumentNumber(ctx, id, isExemption(input) ? 'exemption' : 'decision');
  return timeline;
}

/** 首违不罚: the party's earlier violations of the case's matter in the organisation's records (reading only) */
export async function priorViolations(ctx: Ctx, id: number, loaded?: Row): Promise<PriorViolationCheck> {
  const row = loaded ?? (await loadRow(ctx, caseLedger, id));
  const name = plainCase(ctx.cipher, row)['party_name'];
  return findPriorViolations(ctx, row, { name: typeof name === 'string' ? name : null });
}

/** the next 文号 for an organisation, year and kind; a document keeps the number it got the first time */
async function numberFor(ctx: Ctx, caseId: number, orgCode: string, orgName: string, kind: DocumentKind, year: number, issue: boolean): Promise<string> {
  const existing = await db(ctx).selectFrom('enforcement_document').select('doc_no').where('case_id', '=', caseId).where('kind', '=', kind).executeTakeFirst();
  if (existing) return String(existing.doc_no);
  // reading never writes: a download prints a document already made; making it (and numbering it) is its own act
  if (!issue) throw new AppError('conflict', `${DOCUMENT_KINDS[kind].label}尚未制作编号，请先点击“制作”`);
  // one statement: concurrent requests get distinct numbers (the row lock serialises them)
  const next = await sql<{ last_no: number }>`insert into enforcement_doc_counter (org_code, year, kind, last_no) values (${orgCode}, ${year}, ${kind}, 1)
    on conflict (org_code, year, kind) do update set last_no = enforcement_doc_counter.last_no + 1 returning last_no`.execute(ctx.tx);
  const seq = Number(next.rows[0]?.last_no);
  const docNo = docNumber(orgName, kind, year, seq);
  await db(ctx).insertInto('enforcement_document').values({ org_code: orgCode, case_id: caseId, kind, year, seq, doc_no: docNo, created_by: ctx.actor.username }).execute();
  await audit(ctx, { entity: caseLedger.name, entityId: caseId, action: 'document_number', orgCode, diff: { document: DOCUMENT_KINDS[kind].label, docNo } });
  return docNo;
}

/** the organisation a case's documents are issued in: its name, and the name its 文号 carries (a department's town) */
async function documentOrg(ctx: Ctx, orgCode: string): Promise<{ orgName: string; numberName: string }> {
  const town = await db(ctx).selectFrom('org').select(['name', 'parent_code']).where('code', '=', orgCode).executeTakeFirst();
  const townName = town?.parent_code ? String((await db(ctx).selectFrom('org').select('name').where('code', '=', town.parent_code).executeTakeFirst())?.name ?? '') : '';
  // a department's name already carries its town's: 城关镇综合行政执法队
  return { orgName: String(town?.name ?? orgCode), numberName: orgCode.includes('-') ? townName : String(town?.name ?? '') };
}

/** a numbered document's 文号: the one it has, or (issue) the next of its kind, in the year of the step it records */
async function issueDocumentNumber(ctx: Ctx, id: number, kind: DocumentKind, issue = true, loaded?: Record<string, unknown>): Promise<string> {
  const row = loaded ?? (await loadRow(ctx, caseLedger, id));
  const when = plainCase(ctx.cipher, row as Row)[KIND_DATE[kind]];
  const orgCode = String(row['org_code']);
  return numberFor(ctx, id, orgCode, (await documentOrg(ctx, orgCode)).numberName, kind, Number(String(when ?? chinaDate(ctx.now)).slice(0, 4)), issue);
}

const KIND_DATE: Record<DocumentKind, string> = { filing: 'filed_on', inquiry: 'filed_on', notice: 'notified_on', decision: 'decided_on', exemption: 'decided_on', summary: 'decided_on', service: 'served_on', closing: 'closed_on' };

/** an enforcement document of a case as DOCX, numbered in sequence per organisation and year */
export async function caseDocx(ctx: Ctx, id: number, kind: DocumentKind, issue = false): Promise<{ body: Buffer; fileName: string; docNo: string | null }> {
  const row = await loadRow(ctx, caseLedger, id);
  const v = plainCase(ctx.cipher, row);
  if (v['case_type'] === '行政检查' && kind !== 'inquiry') throw new AppError('conflict', `行政检查案件不制作${DOCUMENT_KINDS[kind].label}`);
  const when = v[KIND_DATE[kind]];
  if (kind !== 'inquiry' && typeof when !== 'string') throw new AppError('conflict', `本案尚未办理到这一步，不能制作${DOCUMENT_KINDS[kind].label}`);
  const wrong = wrongDecisionDocument(v, kind);
  if (wrong) throw new AppError('conflict', wrong);
  const orgCode = String(row['org_code']);
  const { orgName } = await documentOrg(ctx, orgCode);
  const matter = await db(ctx).selectFrom(matterLedger.table).select(['name', 'law', 'article']).where('id', '=', Number(row['matter'])).executeTakeFirst();
  const docNo = kind !== 'inquiry' ? await issueDocumentNumber(ctx, id, kind, issue, row) : null;
  const spec = caseDocument(kind, { values: v, orgName, matterName: String(matter?.name ?? ''), law: String(matter?.law ?? ''), article: String(matter?.article ?? '') }, docNo, chinaDate(ctx.now));
  if (issue) await audit(ctx, { entity: caseLedger.name, entityId: id, action: 'document', orgCode, diff: { document: DOCUMENT_KINDS[kind].label, docNo } });
  return { body: await renderDocx(spec), fileName: `${DOCUMENT_KINDS[kind].label}-${String(v['case_no'])}.docx`, docNo };
}

export interface CaseDocumentInfo {
  kind: DocumentKind;
  label: string;
  docNo: string | null;
  /** null when it can be made now; otherwise why not yet */
  unavailable: string | null;
}

/** the decision's document follows the decision: 不予处罚 yields the 不予行政处罚决定书, a penalty the 行政处罚决定书 */
function wrongDecisionDocument(v: Readonly<Record<string, unknown>>, kind: DocumentKind): string | null {
  const summary = isSummary(v);
  if (kind === 'summary') return summary ? null : '本案不是当场处罚案件，不制作此文书';
  if (summary && (kind === 'decision' || kind === 'exemption' || kind === 'notice' || kind === 'filing')) return '当场处罚案件制作当场行政处罚决定书';
  if (kind === 'decision' && isExemption(v)) return '本案决定不予处罚，制作不予行政处罚决定书';
  if (kind === 'exemption' && !isExemption(v)) return '本案未决定不予处罚，不制作此文书';
  return null;
}

/** the enforcement documents of a case: which can be made at its current step, and the 文号 each was given */
export async function caseDocuments(ctx: Ctx, id: number): Promise<CaseDocumentInfo[]> {
  const row = await loadRow(ctx, caseLedger, id);
  const v = plainCase(ctx.cipher, row);
  const numbers = new Map((await db(ctx).selectFrom('enforcement_document').select(['kind', 'doc_no']).where('case_id', '=', id).execute()).map((r) => [String(r.kind), String(r.doc_no)]));
  const inspection = v['case_type'] === '行政检查';
  return (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map((kind) => {
    const when = v[KIND_DATE[kind]];
    const unavailable = inspection && kind !== 'inquiry' ? '行政检查案件不制作此文书' : (wrongDecisionDocument(v, kind) ?? (kind !== 'inquiry' && typeof when !== 'string' ? `待${caseLedger.fields.find((f) => f.name === KIND_DATE[kind])?.label ?? ''}填写后可制作` : null));
    return { kind, label: DOCUMENT_KINDS[kind].label, docNo: numbers.get(kind) ?? null, unavailable };
  });
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));

/** 执法公示: published, not withdrawn decisions; a person's name, ID number and phone are masked */
export async function publicDecisions(platform: Pick<Platform, 'db' | 'cipher'>, q: { org?: string | undefined; year?: number | undefined; page: number; pageSize: number }): Promise<{ items: PublicDecision[]; total: number }> {
  const d = platform.db as unknown as AnyDb;
  let base = d
    .selectFrom('enforcement_case as c')
    .innerJoin('org as o', 'o.code', 'c.org_code')
    .leftJoin('enforcement_matter as m', 'm.id', 'c.matter')
    .where('c.status', '=', 'active')
    .where('c.published_on', 'is not', null)
    .where('c.publication_withdrawn_on', 'is', null)
    .where('c.revoked_on', 'is', null);
  if (q.org) base = base.where((eb) => eb.or([eb('c.org_code', '=', q.org as string), eb('c.org_code', 'like', `${q.org as string}-%`)]));
  if (q.year) base = base.where(sql<boolean>`extract(year from c.decided_on) = ${q.year}`);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.selectAll('c').select(['o.name as org_name', 'm.name as matter_name', 'm.law as law', 'm.article as article']).orderBy('c.published_on', 'desc').orderBy('c.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const corrected = await correctedOn(platform.db, caseLedger.name, rows.map((r: Row) => Number(r['id'])));
  const items = rows.map((r: Row): PublicDecision => {
    const v = plainCase(platform.cipher, r);
    const person = v['party_kind'] === '个人';
    const m = (x: unknown, k: Parameters<typeof mask>[1]): string | null => (typeof x === 'string' && x ? mask(x, k) : null);
    return {
      id: Number(r['id']),
      organ: String(r['org_name']),
      caseNo: String(v['case_no']),
      caseType: String(v['case_type']),
      partyKind: String(v['party_kind']),
      party: person ? (m(v['party_name'], 'name') ?? '') : String(v['party_name'] ?? ''),
      partyIdNumber: m(v['party_id_number'], 'id_number'),
      partyUscc: person ? null : ((v['party_uscc'] as string | null) ?? null),
      partyPhone: m(v['party_phone'], 'phone'),
      matter: String(r['matter_name'] ?? ''),
      legalBasis: `${String(r['law'] ?? '')}${String(r['article'] ?? '')}`,
      penaltyKinds: Array.isArray(v['penalty_kinds']) ? (v['penalty_kinds'] as string[]) : [],
      amount: v['amount'] === null || v['amount'] === undefined ? null : Number(v['amount']),
      // the decision's text names the party and may carry numbers: masked like the party fields (crypto/redact.ts)
      result: redactText(String(v['decision_result'] ?? ''), { names: person ? [v['party_name'] as string | null] : [] }),
      decidedOn: iso(v['decided_on']),
      publishedOn: iso(v['published_on']),
      correctedOn: corrected.get(Number(r['id'])) ?? null,
    };
  });
  return { items, total };
}

// ---- repeated-inspection alert ----

/** parties inspected by two or more bodies within any 30-day window (综合查一次: one visit would have done) */
export function repeatedInspections(visits: readonly InspectionVisit[], windowDays = 30): RepeatedInspection[] {
  const by = new Map<string, InspectionVisit[]>();
  for (const v of visits) by.set(v.uscc, [...(by.get(v.uscc) ?? []), v]);
  const out: RepeatedInspection[] = [];
  for (const [uscc, list] of by) {
    const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.caseId - b.caseId));
    let best: InspectionVisit[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const start = sorted[i] as InspectionVisit;
      const end = new Date(Date.parse(`${start.date}T00:00:00Z`) + (windowDays - 1) * 86_400_000).toISOString().slice(0, 10);
      const window = sorted.slice(i).filter((v) => v.date <= end);
      if (new Set(window.map((v) => v.orgCode)).size >= 2 && window.length > best.length) best = window;
    }
    if (best.length) out.push({ uscc, party: best[0]?.party ?? '', from: best[0]?.date ?? '', to: best.at(-1)?.date ?? '', bodies: [...new Set(best.map((v) => v.orgName))], visits: best });
  }
  return out.sort((a, b) => (a.to < b.to ? 1 : -1));
}

/** alerts touching the user's organisations, looking at inspections by every body in the last `days` days */
export async function repeatedInspectionAlerts(ctx: Ctx, days = 365): Promise<RepeatedInspection[]> {
  const since = new Date(Date.parse(`${chinaDate(ctx.now)}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const rows = await db(ctx)
    .selectFrom('enforcement_case as c')
    .innerJoin('org as o', 'o.code', 'c.org_code')
    .select(['c.id', 'c.party_uscc', 'c.party_name', 'c.org_code', 'o.name as org_name', 'c.registered_on'])
    .where('c.status', '=', 'active')
    .where('c.case_type', '=', '行政检查')
    .where('c.party_uscc', 'is not', null)
    .where('c.registered_on', '>=', since)
    .execute();
  const visits = rows.map((r) => ({ uscc: String(r.party_uscc), party: String(safeDecrypt(ctx.cipher, String(r.party_name)) ?? ''), orgCode: String(r.org_code), orgName: String(r.org_name), date: iso(r.registered_on), caseId: Number(r.id) }));
  const scope = new Set(ctx.scope.codes);
  return repeatedInspections(visits).filter((a) => a.visits.some((v) => scope.has(v.orgCode)));
}
