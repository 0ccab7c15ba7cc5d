import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { numberForPastStep } from '../../platform/ledger/ledger.numbering.ts';
import { getRecord, updateRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { sendDocument } from '../../platform/reports/send-document.ts';
import { advisorLedger, reviewLedger } from './legal-advisors.ledgers.ts';
import { opinionDocument } from './legal-advisors.opinion.ts';

export function legalAdvisorRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
  const anyDb = (tx: unknown) => tx as Kysely<any>;
  api.route({
    method: 'POST',
    url: '/api/advisors/reviews/:id/opinion',
    access: 'advisors.review.update',
    write: true,
    summary: '生成法律意见书（DOCX 或 PDF）：已出具意见的审查事项；出具意见时尚未编号的，首次生成时编号',
    tags: ['法律顾问'],
    params: z.object({ id: intId('须为记录编号') }),
    query: z.object({ format: z.enum(['docx', 'pdf']).default('docx') }),
    labels: { id: '审查事项', format: '格式' },
    handler: async (ctx, { params, query }, _req, reply) => {
      let rec = await getRecord(ctx, reviewLedger, params.id, platform.ledgers);
      if (rec.state !== 'issued') throw new AppError('gate_refused', '该审查事项尚未出具意见：办理“出具法律意见书”后方可生成法律意见书');
      if (!rec.values['opinion_no']) {
        const number = await numberForPastStep(ctx, reviewLedger, 'opinion_no', { id: rec.id, orgCode: rec.orgCode, values: rec.values });
        rec = await updateRecord(ctx, reviewLedger, params.id, { opinion_no: number, version: rec.version }, platform.ledgers);
      }
      const db = anyDb(ctx.tx);
      const gov = await db.selectFrom('org').select('name').where('code', '=', sql<string>`split_part(${rec.orgCode}, '-', 1)`).executeTakeFirst();
      const advisor = await db.selectFrom(advisorLedger.table).select(['name', 'law_firm']).where('id', '=', Number(rec.values['advisor_id'])).executeTakeFirst();
      // the opinion is given to the government the submitting office belongs to
      const doc = opinionDocument({ values: rec.values, addressee: gov ? `${String(gov['name'])}人民政府` : rec.orgName, advisor: String(advisor?.['name'] ?? ''), lawFirm: String(advisor?.['law_firm'] ?? '') });
      reply.header('x-doc-number', encodeURIComponent(String(rec.values['opinion_no'])));
      return sendDocument(reply, doc, query.format, `法律意见书-${String(rec.values['review_no'])}`);
    },
  });
}
