import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import type { RoundDetail } from '../../../common/evaluation.types.ts';
import { listSystems, withIndicators, closeRound, computeRound, correctScore, objectTo, publishSystem, replyTo, resultDetail, roundDetail, scoreByHand, taskProgress } from './evaluation.service.ts';
import { SCORE_LABELS, scoreInput, SYSTEM_LABELS, systemInput } from './evaluation.system.ts';
import { AppError } from '../../platform/http/errors.ts';
import { allIndicators } from '../../platform/indicators/indicator.routes.ts';
import { systemFromSheet, systemWorkbook, type SheetProblem } from './evaluation.xlsx.ts';

const tags = ['考核评估'];
const idParam = z.object({ id: intId('须为考核编号') });
const resultParam = z.object({ id: intId('须为考核结果编号') });
const text = (min: number, max: number) => z.string().trim().min(min, `不能少于${min}个字`).max(max, `不能超过${max}个字`);

/** a round's detail with its system's indicator labels */
const decorated = async (platform: Platform, d: Promise<RoundDetail>): Promise<RoundDetail> => {
  const r = await d;
  return { ...r, system: withIndicators(platform, r.system) };
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
/** where a sheet problem is: 第5行“分值” */
const where = (p: SheetProblem): string => `${p.row ? `第${p.row}行` : ''}${p.column ? `“${p.column}”` : ''}`;
const sheetHead = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9-]{1,19}$/, '须为小写字母开头的简短标识'),
  title: z.string().trim().min(4, '不能少于4个字').max(80, '不能超过80个字'),
  note: z.string().trim().max(500, '不能超过500个字').default(''),
});

export function evaluationRoutes(api: Api, platform: Platform): void {
  const indicators = () => allIndicators(platform).map((d) => ({ id: d.id, label: d.label, unit: d.unit }));
  api.route({
    method: 'GET',
    url: '/api/evaluation/systems/template.xlsx',
    access: 'evaluation.system.publish',
    summary: '指标体系导入模板（Excel）：每行一项指标，附可引用的平台指标清单',
    tags,
    handler: async (_ctx, _i, _req, reply) => reply.header('content-type', XLSX).header('content-disposition', attachment('考核指标体系导入模板.xlsx')).send(await systemWorkbook(null, indicators())),
  });
  api.route({
    method: 'GET',
    url: '/api/evaluation/systems/:id/export.xlsx',
    access: 'evaluation.round.read',
    summary: '导出指标体系的一个版本（Excel，与导入模板同格式，可修改后作为新版本导入）',
    tags,
    params: z.object({ id: intId('须为指标体系版本编号') }),
    handler: async (ctx, { params }, _req, reply) => {
      const s = (await listSystems(ctx, platform)).find((x) => x.id === params.id);
      if (!s) throw new AppError('not_found', '指标体系版本不存在');
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`${s.title}（第${s.version}版）.xlsx`)).send(await systemWorkbook(s, indicators()));
    },
  });
  api.route({
    method: 'POST',
    url: '/api/evaluation/systems/import',
    access: 'evaluation.system.publish',
    write: true,
    multipart: true,
    summary: '从Excel导入指标体系并发布为新版本（mode=check 只检查并预览；publish 无误才发布）。表单字段 key、title、note 置于文件之前',
    tags,
    query: z.object({ mode: z.enum(['check', 'publish']).default('check') }),
    labels: { mode: '导入方式' },
    handler: async (ctx, { query }, req) => {
      const file = await req.file();
      if (!file) throw new AppError('validation_failed', '请上传文件', [{ path: 'file', label: '文件', message: '文件：请上传 .xlsx 文件' }]);
      const field = (name: string): string | undefined => {
        const f = file.fields[name];
        return f && !Array.isArray(f) && 'value' in f ? String(f.value) : undefined;
      };
      const head = sheetHead.safeParse({ key: field('key') ?? '', title: field('title') ?? '', note: field('note') ?? '' });
      if (!head.success) {
        const errors = head.error.issues.map((i) => {
          const label = SYSTEM_LABELS[String(i.path[0]) as 'key'] ?? String(i.path[0]);
          return { path: String(i.path[0]), label, message: `${label}：${i.message}` };
        });
        throw new AppError('validation_failed', errors.map((e) => e.message).join('；'), errors);
      }
      const known = new Set(allIndicators(platform).map((d) => d.id));
      const { system, problems, rows } = await systemFromSheet(await file.toBuffer(), head.data, known);
      if (query.mode === 'check' || !system) {
        if (query.mode === 'publish') {
          const errors = problems.map((p) => ({ path: p.row ? `row${p.row}` : 'file', label: p.column || '文件', message: `${where(p)}：${p.message}` }));
          throw new AppError('validation_failed', `指标体系有${problems.length}处问题，未发布：${errors.slice(0, 5).map((e) => e.message).join('；')}${errors.length > 5 ? '……' : ''}`, errors);
        }
        return { rows, problems, system: system ? withIndicators(platform, { ...system, id: 0, version: 0, total: system.items.filter((i) => !i.parent).reduce((n, i) => n + i.points, 0), createdAt: ctx.now.toISOString(), items: system.items.map((i) => ({ ...i, parent: i.parent ?? null })) }) : null };
      }
      const published = await publishSystem(ctx, platform, system);
      return { rows, problems: [], system: withIndicators(platform, published) };
    },
  });
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
