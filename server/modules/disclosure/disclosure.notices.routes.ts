import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';
import { numberForPastStep } from '../../platform/ledger/ledger.numbering.ts';
import { countPeers } from '../../platform/ledger/peer-counts.ts';
import type { FeeCount } from '../../../common/disclosure.types.ts';
import { getRecord, updateRecord, type LedgerRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { applicationClock } from './disclosure.clock.ts';
import { applicantRequests } from './disclosure.excessive.ts';
import { applicationLedger } from './disclosure.ledgers.ts';
import { NOTICE_DATE, NOTICE_KINDS, noticeLetter, type NoticeKind } from './disclosure.notices.ts';
import { organOf } from './disclosure.routes.ts';

const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const params = z.object({ id: intId(), kind: z.string().max(20) });
const labels = { id: '申请', kind: '文书种类' };

/** the letter asked for and its application (scoped read); a letter whose step is not done yet is refused */
async function noticeOf(ctx: Ctx, platform: Platform, p: { id: number; kind: string }): Promise<{ kind: NoticeKind; rec: LedgerRecord }> {
  if (!Object.hasOwn(NOTICE_KINDS, p.kind)) throw notFound(`文书种类“${p.kind}”`);
  const kind = p.kind as NoticeKind;
  const rec = await getRecord(ctx, applicationLedger, p.id, platform.ledgers);
  const def = NOTICE_KINDS[kind];
  if (!rec.values[def.field] && !rec.values[NOTICE_DATE[kind]]) throw new AppError('gate_refused', `该申请尚无${def.title}：办理“${def.step}”后方可生成`);
  return { kind, rec };
}

async function sendNotice(ctx: Ctx, reply: FastifyReply, kind: NoticeKind, rec: LedgerRecord): Promise<FastifyReply> {
  const def = NOTICE_KINDS[kind];
  const v = rec.values;
  const str = (k: string): string | null => (v[k] === null || v[k] === undefined || v[k] === '' ? null : String(v[k]));
  const number = String(v[def.field]);
  const { organ } = await organOf(ctx, rec.orgCode);
  const clock = kind === 'extension' ? applicationClock(v, await loadCalendar(ctx.tx), chinaDate(ctx.now)) : null;
  const requests = kind === 'reasons' ? await applicantRequests(ctx.tx as unknown as Kysely<Database>, rec.id, chinaDate(ctx.now)) : null;
  const doc = noticeLetter(kind, {
    organ,
    docNumber: number,
    applicant: str('org_name') ?? str('applicant_name') ?? '申请人',
    received_on: String(v['received_on']),
    subject: String(v['subject']),
    supplement_requested_on: str('supplement_requested_on'),
    supplement_items: str('supplement_items'),
    supplement_due_on: str('supplement_due_on'),
    consult_party: str('consult_party'),
    consult_with: str('consult_with'),
    consult_sent_on: str('consult_sent_on'),
    extension_approved_on: str('extension_approved_on'),
    extension_reason: str('extension_reason'),
    extended_due: clock?.extended ? clock.due : null,
    reasons_asked_on: str('reasons_asked_on'),
    reasons_due_on: str('reasons_due_on'),
    reasons_received_on: str('reasons_received_on'),
    reasons_judged_on: str('reasons_judged_on'),
    delayed_due_on: str('delayed_due_on'),
    requests: requests ? { from: requests.from, to: requests.to, count: requests.count } : null,
  });
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('x-doc-number', encodeURIComponent(number))
    .header('content-disposition', disposition(`${def.title.replace('政府信息公开', '')}-${String(v['app_no'])}.docx`))
    .send(await renderDocx(doc));
}

/**
 * the step letters (补正告知书, 征求意见书, 延期答复告知书, 说明理由告知书, 延迟答复告知书) as DOCX in GB/T 9704
 * layout, each with the 文号 its step gave out. A step recorded before its letter was numbered (an older record)
 * gets its number the first time the letter is made (POST, audited); the GET only downloads a numbered letter.
 */
export function noticeRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'GET',
    url: '/api/disclosure/applications/:id/notices/:kind',
    access: 'disclosure.application.update',
    summary: '下载依申请公开办理文书：补正告知书、征求意见书、延期答复告知书、说明理由告知书、延迟答复告知书（DOCX，文号在办理该环节时编定）',
    tags: ['政务公开'],
    params,
    labels,
    handler: async (ctx, { params: p }, _req, reply) => {
      const { kind, rec } = await noticeOf(ctx, platform, p);
      const def = NOTICE_KINDS[kind];
      if (!rec.values[def.field]) throw new AppError('gate_refused', `该申请的${def.title}尚未编号：请先生成（首次生成时编定文号）`);
      return sendNotice(ctx, reply, kind, rec);
    },
  });
  api.route({
    method: 'POST',
    url: '/api/disclosure/applications/:id/notices/:kind',
    access: 'disclosure.application.update',
    write: true,
    summary: '生成依申请公开办理文书（环节已办理但尚无文号的，首次生成时编文号）',
    tags: ['政务公开'],
    params,
    labels,
    handler: async (ctx, { params: p }, _req, reply) => {
      const notice = await noticeOf(ctx, platform, p);
      const { kind } = notice;
      const def = NOTICE_KINDS[kind];
      let { rec } = notice;
      if (!rec.values[def.field]) {
        const number = await numberForPastStep(ctx, applicationLedger, def.field, { id: rec.id, orgCode: rec.orgCode, values: rec.values });
        rec = await updateRecord(ctx, applicationLedger, p.id, { [def.field]: number, version: rec.version }, platform.ledgers);
      }
      return sendNotice(ctx, reply, kind, rec);
    },
  });
  api.route({
    method: 'GET',
    url: '/api/disclosure/applications/:id/applicant-requests',
    access: 'disclosure.application.read',
    summary: '同一申请人在本地设定期间内向本机关提出的申请（政府信息公开条例第三十五条：判断数量、频次是否明显超过合理范围）',
    tags: ['政务公开'],
    params: z.object({ id: intId() }),
    query: z.object({ on: isoDate().optional() }),
    labels: { id: '申请', on: '统计截止日期' },
    handler: async (ctx, { params: p, query }) => {
      const rec = await getRecord(ctx, applicationLedger, p.id, platform.ledgers);
      const r = await applicantRequests(ctx.tx as unknown as Kysely<Database>, rec.id, query.on ?? chinaDate(ctx.now));
      if (!r) throw new AppError('gate_refused', '该申请尚无收到申请日期，无法统计');
      return r;
    },
  });
  api.route({
    method: 'GET',
    url: '/api/disclosure/applications/:id/fee-count',
    access: 'disclosure.application.read',
    summary: '本自然月累计申请件数（按件计收信息处理费）：收费通知时统计并记录的件数，及按记录统计的同一申请人本月申请',
    tags: ['政务公开'],
    params: z.object({ id: intId() }),
    labels: { id: '申请' },
    handler: async (ctx, { params: p }): Promise<FeeCount> => {
      const rec = await getRecord(ctx, applicationLedger, p.id, platform.ledgers);
      const field = applicationLedger.fields.find((f) => f.name === 'fee_count');
      if (!field) throw new Error('disclosure.application has no fee_count');
      const c = await countPeers(ctx.tx as unknown as Kysely<Database>, applicationLedger, field, rec.id);
      const stored = rec.values['fee_count'];
      return {
        stored: stored === null || stored === undefined ? null : Number(stored),
        how: c.how,
        month: c.month,
        matchedBy: c.matchedBy,
        count: c.count,
        requests: c.records.map((r) => ({ id: r.id, app_no: String(r.title['app_no'] ?? ''), received_on: r.on, subject: String(r.title['subject'] ?? ''), state: r.state })),
      };
    },
  });
}
