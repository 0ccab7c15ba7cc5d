import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import { drawReview, finishReview, listSheets, publishSheet, reviewDetail, scoreReviewCase } from './supervision.service.ts';
import { SCORE_LABELS, scoreInput, SHEET_LABELS, sheetInput } from './supervision.sheet.ts';

const tags = ['行政执法监督'];
const idParam = z.object({ id: intId('须为评查计划编号') });

export function supervisionRoutes(api: Api, platform: Platform): void {
  api.route({ method: 'GET', url: '/api/supervision/sheets', access: 'supervision.review.read', summary: '案卷评查标准的各个版本（评查项目、分值、否决项、等次分数线）', tags, handler: async (ctx) => ({ items: await listSheets(ctx) }) });
  api.route({ method: 'POST', url: '/api/supervision/sheets', access: 'supervision.sheet.publish', write: true, summary: '发布案卷评查标准的新版本：此后抽取的评查按新版本评分，已抽取的不变', tags, body: sheetInput, labels: SHEET_LABELS, handler: (ctx, { body }) => publishSheet(ctx, body) });
  api.route({ method: 'GET', url: '/api/supervision/reviews/:id', access: 'supervision.review.read', summary: '评查计划的抽取记录（种子、冻结名录、重算核对）、抽中案卷及评分、按单位和评查人汇总', tags, params: idParam, handler: (ctx, { params }) => reviewDetail(ctx, params.id) });
  api.route({ method: 'POST', url: '/api/supervision/reviews/:id/draw', access: 'supervision.review.transition.draw', write: true, summary: '随机抽取案卷：系统生成种子，冻结各乡镇该期间结案的案卷名录并抽取，均予记录', tags, params: idParam, handler: (ctx, { params }) => drawReview(ctx, platform, params.id) });
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
}
