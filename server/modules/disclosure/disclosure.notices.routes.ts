import { z } from 'zod';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { getRecord } from '../../platform/ledger/ledger.service.ts';
import type { Platform } from '../../platform/module.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { applicationClock } from './disclosure.clock.ts';
import { applicationLedger } from './disclosure.ledgers.ts';
import { NOTICE_KINDS, noticeLetter, type NoticeKind } from './disclosure.notices.ts';
import { organOf } from './disclosure.routes.ts';

const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * the step letters (补正告知书, 征求意见书, 延期答复告知书) as DOCX in GB/T 9704 layout: reading only — each carries the
 * 文号 its step gave out, so a letter exists once the step is done and printing it again changes nothing
 */
export function noticeRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'GET',
    url: '/api/disclosure/applications/:id/notices/:kind',
    access: 'disclosure.application.update',
    summary: '下载依申请公开办理文书：补正告知书、征求意见书、延期答复告知书（DOCX，文号在办理该环节时编定）',
    tags: ['政务公开'],
    params: z.object({ id: intId(), kind: z.string().max(20) }),
    labels: { id: '申请', kind: '文书种类' },
    handler: async (ctx, { params }, _req, reply) => {
      if (!Object.hasOwn(NOTICE_KINDS, params.kind)) throw notFound(`文书种类“${params.kind}”`);
      const kind = params.kind as NoticeKind;
      const def = NOTICE_KINDS[kind];
      const rec = await getRecord(ctx, applicationLedger, params.id, platform.ledgers);
      const v = rec.values;
      const str = (k: string): string | null => (v[k] === null || v[k] === undefined || v[k] === '' ? null : String(v[k]));
      const number = str(def.field);
      if (!number) throw new AppError('gate_refused', `该申请尚无${def.title}：办理“${def.step}”时编定文号后方可生成（在系统外办理的历史记录请查阅纸质档案）`);
      const { organ } = await organOf(ctx, rec.orgCode);
      const clock = kind === 'extension' ? applicationClock(v, await loadCalendar(ctx.tx), chinaDate(ctx.now)) : null;
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
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('x-doc-number', encodeURIComponent(number))
        .header('content-disposition', disposition(`${def.title.replace('政府信息公开', '')}-${String(v['app_no'])}.docx`))
        .send(await renderDocx(doc));
    },
  });
}
