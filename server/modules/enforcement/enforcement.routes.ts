import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/module.ts';
import { TRANSITION_LABELS, transitionBody } from '../../platform/workflow/workflow.service.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './enforcement.documents.ts';
import { caseLedger, DOMAINS } from './enforcement.ledgers.ts';
import { catalogVersions, publicCatalog, publicCatalogs, publishCatalog } from './enforcement.catalog.ts';
import { caseDocuments, caseDocx, decideCase, priorViolations, publicDecisions, repeatedInspectionAlerts } from './enforcement.service.ts';
import { cancelDraw, commitDraw, freezeDraw, listDraws, publicDraw, publicDrawList, revealDraw } from './enforcement.draw.ts';
import { publicBenchmarks } from './enforcement.benchmarks.ts';
import { finesGrowth } from './enforcement.fines.ts';
import { intId, isoDate } from '../../platform/http/validate.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables, read without a user scope on the public site
type AnyDb = Kysely<any>;
const idParam = z.object({ id: intId('须为记录编号') });
const tags = ['行政执法'];
const fieldLabels = Object.fromEntries(caseLedger.fields.map((f) => [f.name, f.label]));

export function enforcementRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'POST',
    url: '/api/enforcement/cases/:id/decide',
    access: 'enforcement.case.transition.decide',
    write: true,
    summary: '作出处罚决定：按所选裁量基准核对罚款金额（偏离须说明理由），重大执法决定须已记录法制审核意见',
    tags,
    params: idParam,
    body: transitionBody.extend({ benchmark: intId('须为裁量基准编号').nullable().optional() }),
    labels: { ...fieldLabels, ...TRANSITION_LABELS },
    handler: (ctx, { params, body }) => decideCase(ctx, platform, params.id, body),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/cases/:id/prior-violations',
    access: 'enforcement.case.read',
    summary: '首违不罚核查：当事人此前在本单位同一执法事项的违法记录（按统一社会信用代码、身份证号码、名称）；作出决定时系统再次核查并记录',
    tags,
    params: idParam,
    handler: (ctx, { params }) => priorViolations(ctx, params.id),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/cases/:id/documents',
    access: 'enforcement.case.read',
    summary: '案件的执法文书：当前可制作哪些，已编的文号',
    tags,
    params: idParam,
    handler: async (ctx, { params }) => ({ items: await caseDocuments(ctx, params.id) }),
  });
  const kindParams = idParam.extend({ kind: z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]]) });
  // making a numbered document gives it its 文号 (audited); downloading it afterwards only reads
  api.route({
    method: 'POST',
    url: '/api/enforcement/cases/:id/documents/:kind',
    access: 'enforcement.case.update',
    write: true,
    summary: '制作执法文书：首次制作时编文号',
    tags,
    params: kindParams,
    handler: async (ctx, { params }) => ({ docNo: (await caseDocx(ctx, params.id, params.kind, true)).docNo }),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/cases/:id/documents/:kind',
    access: 'enforcement.case.read',
    summary: `执法文书（DOCX，已制作的）：${Object.entries(DOCUMENT_KINDS).map(([k, v]) => `${k} ${v.label}`).join('、')}`,
    tags,
    params: kindParams,
    handler: async (ctx, { params }, _req, reply) => {
      const doc = await caseDocx(ctx, params.id, params.kind);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .header('x-document-number', encodeURIComponent(doc.docNo ?? ''))
        .send(doc.body);
    },
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement/decisions',
    access: 'public',
    summary: '行政执法决定公示（个人信息已脱敏）',
    tags: ['公开'],
    query: z.object({ org: z.string().max(40).optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
    handler: (_ctx, { query }) => publicDecisions(platform, query),
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement/matters',
    access: 'public',
    summary: '公开的执法事项清单（法定、赋权、可委托）：某单位最新发布的版本，或指定版本',
    tags: ['公开'],
    query: z.object({ org: z.string().regex(/^\d{12}(-\d{2})?$/, '须为12位区划代码').optional(), id: intId().optional() }),
    labels: { org: '单位', id: '清单版本' },
    handler: (_ctx, { query }) => publicCatalog(platform.db as unknown as AnyDb, query),
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement/catalogs',
    access: 'public',
    summary: '已发布执法事项清单的单位及其最新版本',
    tags: ['公开'],
    handler: async () => ({ items: await publicCatalogs(platform.db as unknown as AnyDb) }),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/catalog-versions',
    access: 'enforcement.catalog.publish',
    write: true,
    summary: '发布执法事项清单版本：冻结本单位当前有效的执法事项，公开网站展示最新版本',
    tags,
    body: z.object({
      label: z.string().trim().min(2, '请填写版本号（至少2个字）').max(40, '不能超过40个字'),
      publishedOn: isoDate(),
      note: z.string().trim().max(500, '不能超过500个字').optional(),
      orgCode: z.string().max(40).optional(),
    }),
    labels: { label: '版本号', publishedOn: '发布日期', note: '发布说明', orgCode: '所属单位' },
    handler: (ctx, { body }) => publishCatalog(ctx, body),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/catalog-versions',
    access: 'enforcement.matter.read',
    summary: '已发布的执法事项清单版本',
    tags,
    handler: async (ctx) => ({ items: await catalogVersions(ctx) }),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/draws',
    access: 'enforcement.draw.create',
    write: true,
    summary: '“双随机”抽取第一步（承诺）：系统生成随机种子，只公开其SHA-256值和时间；种子不接受指定',
    tags,
    body: z.object({
      title: z.string().trim().min(2, '请填写抽查任务名称（至少2个字）').max(200, '不能超过200个字'),
      matterId: intId('须为检查事项编号'),
      targetCount: z.coerce.number().int().min(1).max(500),
      perTarget: z.coerce.number().int().min(1).max(5).default(2),
      maxPerInspector: z.coerce.number().int().min(1).max(500).optional(),
      domain: z.enum(DOMAINS).optional(),
      // accepted only to be refused by name: the seed comes from the system
      seed: z.unknown().optional(),
      orgCode: z.string().max(40).optional(),
    }),
    labels: { title: '抽查任务名称', matterId: '检查事项', targetCount: '抽取对象数', perTarget: '每个对象执法人员数', maxPerInspector: '每名人员最多任务数', domain: '监管领域', seed: '随机种子', orgCode: '所属单位' },
    handler: (ctx, { body }) => commitDraw(ctx, body),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/draws/:id/freeze',
    access: 'enforcement.draw.create',
    write: true,
    summary: '“双随机”抽取第二步：冻结检查对象名录（限检查事项的执法领域）和执法人员名录，公开其SHA-256值',
    tags,
    params: idParam,
    body: z.object({ targetIds: z.array(intId('须为检查对象编号')).max(5000).optional() }),
    labels: { targetIds: '检查对象名录' },
    handler: (ctx, { params, body }) => freezeDraw(ctx, params.id, body),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/draws/:id/draw',
    access: 'enforcement.draw.create',
    write: true,
    summary: '“双随机”抽取第三步：揭示种子、按公开算法抽取并生成检查任务',
    tags,
    params: idParam,
    handler: (ctx, { params }) => revealDraw(ctx, platform, params.id),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/draws/:id/cancel',
    access: 'enforcement.draw.create',
    write: true,
    summary: '作废尚未抽取的批次：理由和种子一并公开',
    tags,
    params: idParam,
    body: z.object({ reason: z.string().trim().min(4, '请填写作废理由（至少4个字）').max(500, '不能超过500个字') }),
    labels: { reason: '作废理由' },
    handler: (ctx, { params, body }) => cancelDraw(ctx, params.id, body.reason),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/draws',
    access: 'enforcement.case.read',
    summary: '“双随机”抽取批次',
    tags,
    handler: async (ctx) => ({ items: await listDraws(ctx) }),
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement/draws',
    access: 'public',
    summary: '“双随机”抽取公开：每一次抽取（含作废的）及其种子承诺值',
    tags: ['公开'],
    handler: async () => ({ items: await publicDrawList(platform.db as unknown as AnyDb) }),
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement/draws/:id',
    access: 'public',
    summary: '“双随机”抽取公开：种子承诺值、冻结的名录及其哈希值、揭示的种子、抽取结果和重算核验',
    tags: ['公开'],
    params: idParam,
    handler: (_ctx, { params }) => publicDraw(platform.db as unknown as AnyDb, params.id),
  });
  api.route({
    method: 'GET',
    url: '/api/public/enforcement/benchmarks',
    access: 'public',
    summary: '行政处罚裁量基准公开：某乡镇各执法事项的裁量基准',
    tags: ['公开'],
    query: z.object({ org: z.string().regex(/^\d{12}(-\d{2})?$/, '须为12位区划代码').optional() }),
    labels: { org: '单位' },
    handler: (_ctx, { query }) => publicBenchmarks(platform.db as unknown as AnyDb, query.org),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/alerts/repeated-inspections',
    access: 'enforcement.case.read',
    summary: '重复检查预警：同一对象30日内被多个机关检查',
    tags,
    handler: async (ctx) => ({ items: await repeatedInspectionAlerts(ctx) }),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/alerts/fines-growth',
    access: 'enforcement.case.read',
    summary: '罚款同比预警：全县和各乡镇今年至今罚款与去年同期比较（增长超过设定比例的预警）',
    tags,
    handler: async (ctx) => ({ items: await finesGrowth(ctx) }),
  });
}
