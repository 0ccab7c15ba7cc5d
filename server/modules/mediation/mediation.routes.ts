import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { getRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { agreementDocument } from './mediation.agreement.ts';
import { caseLedger } from './mediation.ledgers.ts';

const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function mediationRoutes(api: Api, platform: Platform): void {
  // the agreement's number is given when 调解结案 records a written agreement: printing it only reads
  api.route({
    method: 'GET',
    url: '/api/mediation/cases/:id/agreement',
    access: 'mediation.case.read',
    summary: '人民调解协议书（DOCX，GB/T 9704 版式）：调解成功且为书面协议的案件',
    tags: ['人民调解'],
    params: z.object({ id: intId('须为记录编号') }),
    handler: async (ctx, { params }, _req, reply) => {
      const rec = await getRecord(ctx, caseLedger, params.id, platform.ledgers);
      const v = rec.values;
      if (v['outcome'] !== '调解成功') throw new AppError('conflict', '该案件尚未调解成功，不能制作调解协议书');
      if (v['agreement_type'] !== '书面协议') throw new AppError('conflict', '口头协议不制作调解协议书，协议内容已由调解员记录在案（人民调解法第二十八条）');
      if (!v['agreement_no'] || !v['agreement_content']) throw new AppError('conflict', '该案件的调解协议尚无编号或协议内容（导入的记录），请先更正后再制作调解协议书');
      const doc = agreementDocument({ values: v, committee: rec.refs['committee_id'] ?? '人民调解委员会', mediator: rec.refs['mediator_id'] ?? '' });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', disposition(`人民调解协议书-${String(v['case_no'])}.docx`))
        .header('x-doc-number', encodeURIComponent(String(v['agreement_no'])))
        .send(await renderDocx(doc));
    },
  });
}
