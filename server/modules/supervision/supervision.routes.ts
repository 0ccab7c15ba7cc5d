import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import { sendDocument } from '../../platform/reports/send-document.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { clueList } from './supervision.clues.ts';
import { activityDraw, activityFromClue, commitActivityDraw, drawActivityUnits, instrumentForDocument, instrumentFromClue } from './supervision.instruments.ts';
import { ACTIVITY_MODES, INSTRUMENT_KINDS } from './supervision.ledgers.ts';
import { commitReview, drawReview, finishReview, listSheets, publishSheet, reviewDetail, scoreReviewCase } from './supervision.service.ts';
import { SCORE_LABELS, scoreInput, SHEET_LABELS, sheetInput } from './supervision.sheet.ts';

const tags = ['行政执法监督'];
const idParam = z.object({ id: intId('须为评查计划编号') });

export function supervisionRoutes(api: Api, platform: Platform): void {
  api.route({ method: 'GET', url: '/api/supervision/sheets', access: 'supervision.review.read', summary: '案卷评查标准的各个版本（评查项目、分值、否决项、等次分数线）', tags, handler: async (ctx) => ({ items: await listSheets(ctx) }) });
  api.route({ method: 'POST', url: '/api/supervision/sheets', access: 'supervision.sheet.publish', write: true, summary: '发布案卷评查标准的新版本：此后抽取的评查按新版本评分，已抽取的不变', tags, body: sheetInput, labels: SHEET_LABELS, handler: (ctx, { body }) => publishSheet(ctx, body) });
  api.route({ method: 'GET', url: '/api/supervision/reviews/:id', access: 'supervision.review.read', summary: '评查计划的种子承诺（SHA-256值和时间，抽取前不公开种子）、抽取记录（种子、冻结名录、三项核对）、抽中案卷及评分、按单位和评查人汇总', tags, params: idParam, handler: (ctx, { params }) => reviewDetail(ctx, params.id) });
  api.route({ method: 'POST', url: '/api/supervision/reviews/:id/commit', access: 'supervision.review.transition.draw', write: true, summary: '承诺随机种子：系统生成保密的种子，只公开其SHA-256值和承诺时间；每个评查计划只能承诺一次', tags, params: idParam, handler: (ctx, { params }) => commitReview(ctx, params.id) });
  api.route({ method: 'POST', url: '/api/supervision/reviews/:id/draw', access: 'supervision.review.transition.draw', write: true, summary: '随机抽取案卷：须先承诺随机种子；冻结各乡镇该期间结案的案卷名录并公开其SHA-256值，揭示种子并抽取，均予记录', tags, params: idParam, handler: (ctx, { params }) => drawReview(ctx, platform, params.id) });
  api.route({
    method: 'PUT',
    url: '/api/supervision/reviews/:id/cases/:caseId/score',
    access: 'supervision.review.score',
    write: true,
    summary: '按评查标准为抽中的案卷评分：逐项扣分并说明理由，否决项，评查意见；等次按分数线自动确定',
    tags,
    params: idParam.extend({ caseId: intId('须为案卷编号') }),
    body: scoreInput,
    labels: SCORE_LABELS,
    handler: (ctx, { params, body }) => scoreReviewCase(ctx, params.id, params.caseId, body),
  });
  api.route({
    method: 'POST',
    url: '/api/supervision/reviews/:id/finish',
    access: 'supervision.review.transition.finish',
    write: true,
    summary: '完成评查：全部案卷评分后记录完成日期和评查结论',
    tags,
    params: idParam,
    body: z.object({ finished_on: isoDate(), conclusion: z.string().trim().min(10, '不能少于10个字').max(3000, '不能超过3000个字') }),
    labels: { finished_on: '完成日期', conclusion: '评查结论' },
    handler: (ctx, { params, body }) => finishReview(ctx, platform, params.id, body),
  });

  // the clue list: the supervisor's leads computed from the records; an instrument or an activity made from one
  api.route({
    method: 'GET',
    url: '/api/supervision/clues',
    access: 'supervision.clue.read',
    summary: '执法监督线索清单：有案不立、以罚代管、乱检查、超期、未公示、未经法制审核、无证执法等，按单位列出并链接到所依据的记录',
    tags,
    query: z.object({ year: z.coerce.number('须为年度').int('须为年度').min(2000, '须为有效年度').max(2100, '须为有效年度').optional() }),
    labels: { year: '年度' },
    handler: (ctx, { query }) => clueList(ctx, platform, query.year ?? Number(chinaDate(ctx.now).slice(0, 4))),
  });
  const clueField = z.string().trim().min(1, '须选择线索').max(60, '线索编号不正确');
  api.route({
    method: 'POST',
    url: '/api/supervision/clues/instrument',
    access: 'supervision.opinion.create',
    write: true,
    summary: '由线索制发监督文书（意见书、决定书、建议书）：送达线索所涉单位，问题和所涉记录由系统按线索写入',
    tags,
    body: z.object({
      clue: clueField,
      kind: z.enum(INSTRUMENT_KINDS, '须为意见书、决定书或建议书'),
      issued_on: isoDate(),
      rectify_days: z.coerce.number('须为整数').int('须为整数').min(1, '不能少于1日').max(180, '不能超过180日'),
      requirements: z.string().trim().min(10, '不能少于10个字').max(3000, '不能超过3000个字'),
    }),
    labels: { clue: '线索', kind: '文书种类', issued_on: '制发日期', rectify_days: '整改期限（日）', requirements: '监督意见（决定、建议）和整改要求' },
    handler: (ctx, { body }) => instrumentFromClue(ctx, platform, body),
  });
  api.route({
    method: 'POST',
    url: '/api/supervision/clues/activity',
    access: 'supervision.activity.create',
    write: true,
    summary: '由线索立项监督活动：活动方案写明线索及所涉记录',
    tags,
    body: z.object({ clue: clueField, mode: z.enum(ACTIVITY_MODES, '须为监督方式中的一项'), planned_on: isoDate() }),
    labels: { clue: '线索', mode: '监督方式', planned_on: '计划日期' },
    handler: (ctx, { body }) => activityFromClue(ctx, platform, body),
  });
  const activityParam = z.object({ id: intId('须为监督活动编号') });
  api.route({
    method: 'GET',
    url: '/api/supervision/activities/:id/draw',
    access: 'supervision.activity.read',
    summary: '监督活动随机抽取被监督单位的记录：种子承诺（SHA-256值和时间，抽取前不公开种子），抽取后的种子、冻结名录和三项核对',
    tags,
    params: activityParam,
    handler: (ctx, { params }) => activityDraw(ctx, params.id),
  });
  api.route({
    method: 'POST',
    url: '/api/supervision/activities/:id/commit',
    access: 'supervision.activity.update',
    write: true,
    summary: '承诺随机种子：系统生成保密的种子，只公开其SHA-256值和承诺时间；每项监督活动只能承诺一次',
    tags,
    params: activityParam,
    handler: (ctx, { params }) => commitActivityDraw(ctx, params.id),
  });
  api.route({
    method: 'POST',
    url: '/api/supervision/activities/:id/draw-units',
    access: 'supervision.activity.update',
    write: true,
    summary: '随机抽取被监督单位：须先承诺随机种子；冻结乡镇（街道）名录并公开其SHA-256值，揭示种子并抽取，均予记录',
    tags,
    params: activityParam,
    handler: (ctx, { params }) => drawActivityUnits(ctx, platform, params.id),
  });
  api.route({
    method: 'GET',
    url: '/api/supervision/instruments/:id/document',
    access: 'supervision.opinion.read',
    summary: '监督文书（意见书、决定书、建议书）：DOCX（GB/T 9704）或PDF',
    tags,
    params: z.object({ id: intId('须为监督文书编号') }),
    query: z.object({ format: z.enum(['docx', 'pdf'], '须为 docx 或 pdf').default('docx') }),
    labels: { id: '监督文书', format: '格式' },
    handler: async (ctx, { params, query }, _req, reply) => {
      const { doc, fileName } = await instrumentForDocument(ctx, params.id);
      return sendDocument(reply, doc, query.format, fileName);
    },
  });
}
