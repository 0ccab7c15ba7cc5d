import { sql } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { plusDays, type IsoDate } from '../../platform/calendar/calendar.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { activeInScope, ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { createRecord, loadRow } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { peekFieldNumber, refuseTypedNumbers } from '../../platform/ledger/ledger.numbering.ts';
import { responsibleUsers } from '../../platform/workflow/reminder.service.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { applyTransition, systemCtx, type Timeline } from '../../platform/workflow/workflow.service.ts';
import type { Campaign, CampaignRow, CleanupResult } from '../../../common/decisions.types.ts';
import { CLEANUP_RESULTS, cleanupLedger, documentLedger } from './normdocs.ledgers.ts';

// reminders this long before a document's validity ends (home page and notification centre)
export const EXPIRY_NOTICE_DAYS = 90;

const iso = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** the 文号 the next publication of this organisation in this year would get (a preview: not reserved) */
export async function previewNumber(ctx: Ctx, id: number, year: number): Promise<{ docNo: string; year: number }> {
  const row = await loadRow(ctx, documentLedger, id);
  return { year, docNo: await peekFieldNumber(ctx, documentLedger, 'doc_no', String(row['org_code']), { publish_on: `${year}-01-01` }) };
}

export interface PublishInput {
  publish_on: IsoDate;
  valid_until: IsoDate;
  doc_no?: string | undefined;
  date?: string | undefined;
  version?: number | undefined;
}

/**
 * 公布: the publish transition gives the document the next 文号 of its organisation and year (FieldDef.numbered), in
 * its own transaction, so a refused publication gives its number back; a 文号 typed in is refused and audited
 */
export async function publishDocument(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, id: number, input: PublishInput): Promise<Timeline> {
  const row = await loadRow(ctx, documentLedger, id);
  if (input.doc_no) refuseTypedNumbers(ctx, documentLedger, { doc_no: input.doc_no }, { ...row, id });
  return applyTransition(ctx, platform, documentLedger, id, 'publish', {
    publish_on: input.publish_on,
    valid_until: input.valid_until,
    effect: '现行有效',
    ...(input.date ? { date: input.date } : {}),
    ...(input.version !== undefined ? { version: input.version } : {}),
  });
}

export type { Campaign, CampaignRow, CleanupResult } from '../../../common/decisions.types.ts';

// the shared CleanupResult and the ledger's CLEANUP_RESULTS must name the same results (a compile error otherwise)
type _Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type _CleanupResultsMatch<T extends true = _Same<CleanupResult, (typeof CLEANUP_RESULTS)[number]>> = T;

/**
 * one year's 清理: every document in force in the caller's organisations, and every document this year's cleanup
 * already marked (a repealed one is no longer in force but stays in the list), with its result
 */
export async function cleanupCampaign(ctx: Ctx, year: number): Promise<Campaign> {
  if (ctx.scope.codes.length === 0) return { year, items: [], counts: { total: 0, kept: 0, amended: 0, repealed: 0, pending: 0 }, summary: '' };
  const marks = (await activeInScope(ctx, cleanupLedger).select(['id', 'document', 'result', 'reason', 'reviewed_on']).where('campaign_year', '=', year).orderBy('id').execute()) as Array<Record<string, unknown>>;
  const byDoc = new Map(marks.map((m) => [Number(m['document']), m]));
  // a past campaign covers what was in force when it was held: documents published later belong to the next one
  const reviewed = marks.map((m) => iso(m['reviewed_on'])).filter((d): d is string => d !== null).sort();
  const cutoff = year < Number(chinaDate(ctx.now).slice(0, 4)) && reviewed.length ? (reviewed.at(-1) ?? `${year}-12-31`) : `${year}-12-31`;
  const docs = (await activeInScope(ctx, documentLedger)
    .select(['id', 'org_code', 'doc_no', 'title', 'drafting_unit', 'publish_on', 'valid_until', 'effect'])
    .where((eb) => eb.or([eb.and([eb('effect', 'in', ['现行有效', '已修改']), eb('publish_on', 'is not', null), eb('publish_on', '<=', cutoff)]), ...(byDoc.size ? [eb('id', 'in', [...byDoc.keys()])] : [])]))
    .orderBy('publish_on')
    .orderBy('id')
    .execute()) as Array<Record<string, unknown>>;
  const items: CampaignRow[] = docs.map((d) => {
    const m = byDoc.get(Number(d['id']));
    return {
      id: Number(d['id']),
      orgCode: String(d['org_code']),
      docNo: (d['doc_no'] as string | null) ?? null,
      title: String(d['title']),
      draftingUnit: String(d['drafting_unit']),
      publishOn: iso(d['publish_on']),
      validUntil: iso(d['valid_until']),
      effect: (d['effect'] as string | null) ?? null,
      cleanup: m ? { id: Number(m['id']), result: m['result'] as CleanupResult, reason: String(m['reason']), reviewedOn: iso(m['reviewed_on']) } : null,
    };
  });
  const count = (r: CleanupResult): number => items.filter((i) => i.cleanup?.result === r).length;
  const counts = { total: items.length, kept: count('继续有效'), amended: count('修改'), repealed: count('废止'), pending: items.filter((i) => !i.cleanup).length };
  const summary = `清理规范性文件${counts.total - counts.pending}件，其中继续有效${counts.kept}件，修改${counts.amended}件，废止${counts.repealed}件${counts.pending ? `；尚有${counts.pending}件未清理` : ''}`;
  return { year, items, counts, summary };
}

export interface MarkInput {
  year: number;
  campaign?: string | undefined;
  document: number;
  result: CleanupResult;
  reason: string;
  reviewed_on: IsoDate;
}

/** marks one document in a cleanup; 废止 repeals the document on the same day, in the same transaction */
export async function markCleanup(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, input: MarkInput): Promise<{ id: number; repealed: boolean }> {
  const doc = await loadRow(ctx, documentLedger, input.document);
  const done = await activeInScope(ctx, cleanupLedger).select(['id', 'result']).where('campaign_year', '=', input.year).where('document', '=', input.document).executeTakeFirst();
  if (done) throw new AppError('conflict', `该文件在${input.year}年度清理中已标记为“${String(done['result'])}”，不能重复标记`);
  const inForce = doc['effect'] === '现行有效' || doc['effect'] === '已修改';
  if (!inForce) throw new AppError('validation_failed', '只能清理现行有效的规范性文件', [{ path: 'document', label: '规范性文件', message: `规范性文件：该文件效力状态为“${String(doc['effect'] ?? '未公布')}”，不在清理范围内` }]);
  const rec = await createRecord(ctx, cleanupLedger, { orgCode: String(doc['org_code']), campaign_year: input.year, campaign: input.campaign?.trim() || `${input.year}年度规范性文件集中清理`, document: input.document, result: input.result, reason: input.reason, reviewed_on: input.reviewed_on }, platform.ledgers);
  if (input.result !== '废止') return { id: rec.id, repealed: false };
  await applyTransition(ctx, platform, documentLedger, input.document, 'repeal', { effect: '已废止', effect_changed_on: input.reviewed_on, effect_reason: `清理中决定废止：${input.reason}`.slice(0, 300), date: input.reviewed_on });
  return { id: rec.id, repealed: true };
}

/**
 * 有效期届满提醒: each document in force whose validity ends within EXPIRY_NOTICE_DAYS puts one notice in the inbox of
 * the users who keep it (the platform's notification centre; its unique index makes a second scan a no-op)
 */
export async function scanExpiringDocuments(platform: Pick<Platform, 'db' | 'cipher'>, today: IsoDate, now = new Date()): Promise<{ documents: number; notified: number }> {
  return platform.db.transaction().execute(async (tx) => {
    const ctx = systemCtx(platform, tx, now);
    const until = plusDays(today, EXPIRY_NOTICE_DAYS);
    const docs = (await ledgerDb(ctx)
      .selectFrom(documentLedger.table)
      .select(['id', 'org_code', 'doc_no', 'title', sql<string>`to_char(valid_until, 'YYYY-MM-DD')`.as('until')])
      .where('status', '=', 'active')
      .where('effect', 'in', ['现行有效', '已修改'])
      .where('valid_until', '>=', today)
      .where('valid_until', '<=', until)
      .orderBy('id')
      .execute()) as Array<Record<string, unknown>>;
    const users = new Map<string, number[]>();
    const rows: Array<Record<string, unknown>> = [];
    for (const d of docs) {
      const org = String(d['org_code']);
      if (!users.has(org)) users.set(org, await responsibleUsers(tx, org, `${documentLedger.name}.update`));
      const name = d['doc_no'] ? `${String(d['title'])}（${String(d['doc_no'])}）` : String(d['title']);
      const days = Math.round((Date.parse(String(d['until'])) - Date.parse(today)) / 86_400_000);
      for (const userId of users.get(org) ?? [])
        rows.push({
          user_id: userId,
          org_code: org,
          ledger: documentLedger.name,
          record_id: Number(d['id']),
          clock_id: 'validity',
          kind: 'due_soon',
          due: d['until'],
          title: `【有效期将届满】行政规范性文件：${name}`.slice(0, 300),
          body: `该文件有效期至${String(d['until'])}（还有${days}日）。需要继续执行的，请在届满前组织评估并按程序重新制发；不再执行的，届满后自动失效。`,
          link: `/ledgers/${documentLedger.name}/${String(d['id'])}`,
          created_at: now,
        });
    }
    let notified = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await ledgerDb(ctx)
        .insertInto('notification')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['user_id', 'ledger', 'record_id', 'clock_id', 'kind', 'due']).doNothing())
        .returning('id')
        .execute();
      notified += inserted.length;
    }
    if (notified) await audit(ctx, { entity: 'reminders', entityId: today, action: 'normdocs_expiry_scan', orgCode: null, diff: { documents: docs.length, notified } });
    return { documents: docs.length, notified };
  });
}
