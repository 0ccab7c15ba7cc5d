import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import type { RoundDetail } from '../../../common/evaluation.types.ts';
import { withIndicators, closeRound, computeRound, correctScore, listSystems, objectTo, publishSystem, replyTo, resultDetail, roundDetail, scoreByHand, taskProgress } from './evaluation.service.ts';
import { SCORE_LABELS, scoreInput, SYSTEM_LABELS, systemInput } from './evaluation.system.ts';

const tags = ['考核评估'];
const idParam = z.object({ id: intId('须为考核编号') });
const resultParam = z.object({ id: intId('须为考核结果编号') });
const text = (min: number, max: number) => z.string().trim().min(min, `不能少于${min}个字`).max(max, `不能超过${max}个字`);

/** a round's detail with its system's indicator labels */
const decorated = async (platform: Platform, d: Promise<RoundDetail>): Promise<RoundDetail> => {
  const r = await d;
  return { ...r, system: withIndicators(platform, r.system) };
};

export function evaluationRoutes(api: Api, platform: Platform): void {
  api.route({ method: 'GET', url: '/api/evaluation/systems', access: 'evaluation.round.read', summary: '考核指标体系的各个版本（指标、分值、评分规则）', tags, handler: async (ctx) => ({ items: await listSystems(ctx, platform) }) });
  api.route({ method: 'POST', url: '/api/evaluation/systems', access: 'evaluation.system.publish', write: true, summary: '发布指标体系的新版本（经校验，发布后不再修改）；已开始的考核仍用原版本', tags, body: systemInput, labels: SYSTEM_LABELS, handler: async (ctx, { body }) => withIndicators(platform, await publishSystem(ctx, platform, body)) });
  api.route({ method: 'GET', url: '/api/evaluation/rounds/:id', access: 'evaluation.round.read', summary: '考核：各单位逐项得分及依据、一级指标小计、总分和排名', tags, params: idParam, handler: (ctx, { params }) => decorated(platform, roundDetail(ctx, params.id)) });
  api.route({ method: 'POST', url: '/api/evaluation/rounds/:id/compute', access: 'evaluation.round.score', write: true, summary: '按各单位的数据（已报送年度报告的用报送数，否则用台账实时数）计算自动评分项', tags, params: idParam, handler: (ctx, { params }) => decorated(platform, computeRound(ctx, platform, params.id)) });
  api.route({ method: 'PUT', url: '/api/evaluation/rounds/:id/scores', access: 'evaluation.round.score', write: true, summary: '人工评分：逐项给分，写明理由并附佐证材料', tags, params: idParam, body: scoreInput, labels: SCORE_LABELS, handler: (ctx, { params, body }) => decorated(platform, scoreByHand(ctx, platform, params.id, body)) });
  api.route({
    method: 'POST',
    url: '/api/evaluation/rounds/:id/close',
    access: 'evaluation.round.transition.close',
    write: true,
    summary: '结束考核：全部人工评分项已评分、异议均已答复后，冻结各单位得分和排名',
    tags,
    params: idParam,
    body: z.object({ closed_on: isoDate(), conclusion: text(10, 3000) }),
    labels: { closed_on: '结束日期', conclusion: '考核结论' },
    handler: (ctx, { params, body }) => decorated(platform, closeRound(ctx, platform, params.id, body)),
  });
  api.route({ method: 'POST', url: '/api/evaluation/rounds/:id/corrections', access: 'evaluation.round.correct', write: true, summary: '更正已结束考核的得分：写明理由，得分和排名变化的单位的考核结果形成新版本', tags, params: idParam, body: scoreInput, labels: { ...SCORE_LABELS, reason: '更正理由' }, handler: (ctx, { params, body }) => decorated(platform, correctScore(ctx, platform, params.id, body)) });
  api.route({ method: 'GET', url: '/api/evaluation/results/:id', access: 'evaluation.result.read', summary: '本单位的考核结果：逐项得分及依据、排名、异议', tags, params: resultParam, handler: (ctx, { params }) => decorated(platform, resultDetail(ctx, params.id)) });
  api.route({ method: 'POST', url: '/api/evaluation/results/:id/objection', access: 'evaluation.result.transition.object', write: true, summary: '对考核得分提出异议（每轮限一次，考核结束前）', tags, params: resultParam, body: z.object({ reason: text(10, 2000) }), labels: { reason: '异议理由' }, handler: (ctx, { params, body }) => decorated(platform, objectTo(ctx, platform, params.id, body.reason)) });
  api.route({ method: 'POST', url: '/api/evaluation/results/:id/reply', access: 'evaluation.result.transition.reply', write: true, summary: '答复被考核单位的异议', tags, params: resultParam, body: z.object({ reply: text(4, 2000) }), labels: { reply: '异议答复' }, handler: (ctx, { params, body }) => decorated(platform, replyTo(ctx, platform, params.id, body.reply)) });
  api.route({ method: 'GET', url: '/api/evaluation/tasks/progress', access: 'evaluation.task.read', summary: '法治建设任务清单各单位完成进度（总数、已完成、逾期）', tags, query: z.object({ year: z.coerce.number('须为年份').int('须为年份').min(2000, '须为年份').max(2100, '须为年份') }), labels: { year: '年度' }, handler: async (ctx, { query }) => ({ items: await taskProgress(ctx, query.year) }) });
}
