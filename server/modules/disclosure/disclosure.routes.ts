import { z } from 'zod';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { getRecord, updateRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { sendDocument } from '../../platform/reports/send-document.ts';
import { applicationLedger } from './disclosure.ledgers.ts';
import { replyLetter } from './disclosure.letter.ts';
import { buildDocumentSpec } from './disclosure.render.ts';
import { finaliseDraft, nextDocNumber, publishReport, reportView, saveDraft } from './disclosure.service.ts';
import { intId } from '../../platform/http/validate.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

const tags = ['政务公开'];
const orgYear = z.object({ org: z.string().optional(), year: z.coerce.number().int().min(2000).max(2100) });
const labels = { org: '单位', year: '年度', narrative: '报告正文', manual: '手工填报数字', version: '版本号', format: '格式' };
const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

const paragraphs = z.array(z.string().max(5000)).max(50);

export const narrativeSchema = z.object({ overview: paragraphs.optional(), problems: paragraphs.optional(), other: paragraphs.optional() });

/** the town a department belongs to signs for it: 999001001000-01 → 999001001000 */
export async function organOf(ctx: Ctx, orgCode: string): Promise<{ organ: string; reviewOrgan: string; short: string }> {
  const town = orgCode.slice(0, 12);
  const county = `${town.slice(0, 6)}000000`;
  const names = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', [town, county]).execute()).map((r) => [r.code, r.name]));
  const townName = names.get(town) ?? '';
  const countyName = names.get(county) ?? '';
  const organ = town === county ? `${countyName}人民政府办公室` : `${townName}人民政府`;
  return { organ, reviewOrgan: town === county ? `${countyName}人民政府` : `${countyName}人民政府`, short: (town === county ? countyName : townName).replace(/(人民政府|镇|乡|街道|县|区)$/, '') };
}

export function disclosureRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'GET',
    url: '/api/disclosure/report',
    access: 'disclosure.report.read',
    summary: '政府信息公开工作年度报告：六部分、三张表（每格附来源记录）、勾稽检查',
    tags,
    query: orgYear,
    labels,
    handler: (ctx, { query }) => reportView(ctx, platform, query.org ?? ctx.scope.root, query.year),
  });
  api.route({
    method: 'PUT',
    url: '/api/disclosure/report',
    access: 'disclosure.report.edit',
    write: true,
    summary: '保存年度报告的文字部分和手工填报数字',
    tags,
    body: orgYear.extend({ narrative: narrativeSchema.optional(), manual: z.record(z.string().max(40), z.number().min(0).max(1e9).nullable()).optional(), version: z.number().int().optional() }),
    labels,
    handler: async (ctx, { body }) => {
      const org = body.org ?? ctx.scope.root;
      await saveDraft(ctx, org, body.year, { narrative: body.narrative, manual: body.manual, version: body.version });
      return reportView(ctx, platform, org, body.year);
    },
  });
  api.route({
    method: 'POST',
    url: '/api/disclosure/report/finalise',
    access: 'disclosure.report.finalise',
    write: true,
    summary: '年度报告定稿（表格勾稽关系不符时拒绝，并指出哪一格）',
    tags,
    body: orgYear,
    labels,
    handler: async (ctx, { body }) => {
      const org = body.org ?? ctx.scope.root;
      await finaliseDraft(ctx, platform, org, body.year);
      return reportView(ctx, platform, org, body.year);
    },
  });
  api.route({
    method: 'POST',
    url: '/api/disclosure/report/publish',
    access: 'disclosure.report.publish',
    write: true,
    summary: '在公开网站发布已定稿的年度报告',
    tags,
    body: orgYear,
    labels,
    handler: async (ctx, { body }) => {
      const org = body.org ?? ctx.scope.root;
      await publishReport(ctx, org, body.year);
      return reportView(ctx, platform, org, body.year);
    },
  });
  api.route({
    method: 'GET',
    url: '/api/disclosure/report/export',
    access: 'disclosure.report.read',
    summary: '导出年度报告（DOCX 按 GB/T 9704 版式、HTML 或 PDF）',
    tags,
    query: orgYear.extend({ format: z.enum(['docx', 'html', 'pdf']).default('docx') }),
    labels,
    handler: async (ctx, { query }, _req, reply) => {
      const { report } = await reportView(ctx, platform, query.org ?? ctx.scope.root, query.year);
      const doc = buildDocumentSpec(report, chinaDate(ctx.now));
      return sendDocument(reply, doc, query.format, report.title);
    },
  });
  api.route({
    method: 'POST',
    url: '/api/disclosure/applications/:id/reply-letter',
    access: 'disclosure.application.update',
    write: true,
    summary: '生成政府信息公开申请答复书（首次生成时编文号）',
    tags,
    params: z.object({ id: intId() }),
    handler: async (ctx, { params }, _req, reply) => {
      let rec = await getRecord(ctx, applicationLedger, params.id, platform.ledgers);
      const v = rec.values;
      if (!v['outcome'] || !v['answered_on']) throw new AppError('gate_refused', '须先登记办理结果和答复日期，再生成答复书');
      const { organ, reviewOrgan, short } = await organOf(ctx, rec.orgCode);
      const year = Number(String(v['answered_on']).slice(0, 4));
      if (!v['reply_no']) {
        const n = await nextDocNumber(ctx, rec.orgCode.slice(0, 12), year, 'reply');
        rec = await updateRecord(ctx, applicationLedger, params.id, { reply_no: `${short}政信答〔${year}〕${n}号`, version: rec.version }, platform.ledgers);
      }
      const w = rec.values;
      const str = (k: string): string | null => (w[k] === null || w[k] === undefined || w[k] === '' ? null : String(w[k]));
      const doc = replyLetter({
        organ,
        reviewOrgan,
        docNumber: String(w['reply_no']),
        applicant: str('org_name') ?? str('applicant_name') ?? '申请人',
        received_on: String(w['received_on']),
        subject: String(w['subject']),
        outcome: String(w['outcome']),
        outcome_reason: str('outcome_reason'),
        answered_on: String(w['answered_on']),
        supplement_received_on: str('supplement_received_on'),
        extension_approved_on: str('extension_approved_on'),
        reply_note: str('reply_note'),
        consult_party: str('consult_party'),
        consult_sent_on: str('consult_sent_on'),
      });
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('x-doc-number', encodeURIComponent(String(w['reply_no']))).header('content-disposition', disposition(`答复书-${String(w['app_no'])}.docx`)).send(await renderDocx(doc));
    },
  });
}
