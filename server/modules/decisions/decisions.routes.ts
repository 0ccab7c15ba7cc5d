import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { decisionArchive } from './decisions.archive.ts';
import { decisionChecklist } from './decisions.procedures.ts';
import { CLEANUP_RESULTS } from './normdocs.ledgers.ts';
import { cleanupCampaign, markCleanup, previewNumber, publishDocument } from './normdocs.service.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';

const idParam = z.object({ id: intId() });
const date = (label: string) => isoDate(`请填写${label}`);

/** the signed-in routes of the module beyond the generated ledger and workflow ones */
export function decisionRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'GET',
    url: '/api/decisions/:id/archive',
    access: 'decisions.decision.read',
    summary: '重大行政决策：下载完整档案（ZIP）',
    tags: ['重大行政决策'],
    params: idParam,
    handler: async (ctx, { params }, _req, reply) => {
      const out = await decisionArchive(ctx, platform, params.id);
      return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(out.name)}`).send(out.bytes);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/decisions/:id/checklist',
    access: 'decisions.decision.read',
    summary: '重大行政决策：五项法定程序履行情况、末位表态提示和公众意见处理情况',
    tags: ['重大行政决策'],
    params: idParam,
    handler: async (ctx, { params }) => decisionChecklist(ctx, params.id),
  });

  api.route({
    method: 'GET',
    url: '/api/normdocs/:id/next-number',
    access: 'normdocs.document.read',
    summary: '规范性文件：公布时将编的文号（预览，不占号）',
    tags: ['规范性文件'],
    params: idParam,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    handler: async (ctx, { params, query }) => previewNumber(ctx, params.id, query.year ?? Number(chinaDate(ctx.now).slice(0, 4))),
  });

  api.route({
    method: 'POST',
    url: '/api/normdocs/:id/publish',
    access: 'normdocs.document.transition.publish',
    summary: '规范性文件：公布（按本单位本年度顺序自动编文号）',
    tags: ['规范性文件'],
    write: true,
    params: idParam,
    body: z
      .object({
        publish_on: date('公布日期'),
        valid_until: date('有效期至'),
        doc_no: z.string().trim().max(60, '不能超过60个字').optional(),
        date: date('办理日期').optional(),
        version: z.coerce.number().int().optional(),
      })
      .refine((b) => b.valid_until >= b.publish_on, { path: ['valid_until'], message: '有效期不能早于公布日期' }),
    labels: { publish_on: '公布日期', valid_until: '有效期至', doc_no: '文号', date: '办理日期' },
    handler: async (ctx, { params, body }) => publishDocument(ctx, platform, params.id, body),
  });

  api.route({
    method: 'GET',
    url: '/api/normdocs/cleanup/campaign',
    access: 'normdocs.cleanup.read',
    summary: '规范性文件清理：某年度清理范围内的文件及清理结果',
    tags: ['规范性文件'],
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    labels: { year: '清理年度' },
    handler: async (ctx, { query }) => cleanupCampaign(ctx, query.year),
  });

  api.route({
    method: 'POST',
    url: '/api/normdocs/cleanup/campaign',
    access: 'normdocs.cleanup.create',
    summary: '规范性文件清理：标记一件文件继续有效、修改或废止（废止即同时废止该文件）',
    tags: ['规范性文件'],
    write: true,
    body: z.object({
      year: z.coerce.number({ error: '请填写清理年度' }).int().min(2000, '须为有效年度').max(2100, '须为有效年度'),
      campaign: z.string().trim().max(60, '不能超过60个字').optional(),
      document: z.coerce.number({ error: '请选择规范性文件' }).int().positive('请选择规范性文件'),
      result: z.enum(CLEANUP_RESULTS, { error: '请选择继续有效、修改或废止' }),
      reason: z.string({ error: '请填写理由' }).trim().min(2, '请填写理由（至少2个字）').max(300, '不能超过300个字'),
      reviewed_on: date('清理日期'),
    }),
    labels: { year: '清理年度', campaign: '清理批次', document: '规范性文件', result: '清理结果', reason: '理由', reviewed_on: '清理日期' },
    handler: async (ctx, { body }) => markCleanup(ctx, platform, body),
  });
}
