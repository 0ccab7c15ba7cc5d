import type { Database } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { loadFieldOptions } from './field-options.ts';
import { z } from 'zod';
import { afterBulkWrite } from '../db/after-bulk-write.ts';
import { audit } from '../audit/audit.service.ts';
import { addAttachment, listAttachments, readAttachment, removeAttachment, RESERVED_KINDS } from '../files/attachment.service.ts';
import { parseCapture } from '../files/capture.ts';
import { registerColumnLabels } from '../http/db-errors.ts';
import { AppError } from '../http/errors.ts';
import { intId } from '../http/validate.ts';
import type { Api } from '../http/route.ts';
import type { Platform } from '../module.ts';
import { exportStream, planImport, templateWorkbook } from './ledger.excel.ts';
import { LIST_LABELS, checkListQuery, createRecord, getRecord, insertMany, ledgerMeta, listQuery, listRecords, loadRow, orgNames, recordHistory, updateRecord, withdrawMany, withdrawRecord } from './ledger.service.ts';
import { perm, type LedgerDef } from './ledger.types.ts';
import { workflowRoutes } from '../workflow/workflow.routes.ts';
import { correctionRoutes } from './correction.routes.ts';
import { assertFilesKept } from './record-lock.ts';

const idParam = z.object({ id: intId() });
const fileParam = z.object({ id: intId(), fileId: intId('须为附件编号') });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const contentDisposition = (name: string): string => `attachment; filename="${encodeURIComponent(name).replace(/%20/g, ' ').slice(0, 60)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** the API every declared ledger gets: list, detail, create, edit, withdraw, history, attachments, Excel */
export function ledgerRoutes(api: Api, platform: Platform, l: LedgerDef): void {
  const base = `/api/ledgers/${l.name}`;
  const tags = [l.label];
  const registry = platform.ledgers;
  const labels = { ...LIST_LABELS, ...Object.fromEntries(l.fields.map((f) => [f.name, f.label])), orgCode: '所属单位', version: '版本号' };
  registerColumnLabels(l.table, { ...Object.fromEntries(l.fields.map((f) => [f.name, f.label])), org_code: '所属单位' });

  api.route({ method: 'GET', url: `${base}/meta`, access: perm(l, 'read'), summary: `${l.label}：字段与权限`, tags, handler: async (ctx) => {
    await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
    return ledgerMeta(ctx, l);
  } });
  api.route({ method: 'GET', url: base, access: perm(l, 'read'), summary: `${l.label}：列表（筛选 f.字段=值、f.字段.from/to，全文检索 q，分页排序）`, tags, query: listQuery, labels, handler: (ctx, { query }) => listRecords(ctx, l, query, registry) });
  api.route({ method: 'GET', url: `${base}/:id`, access: perm(l, 'read'), summary: `${l.label}：详情`, tags, params: idParam, handler: async (ctx, { params }) => ({ ...(await getRecord(ctx, l, params.id, registry)), attachments: await listAttachments(ctx, { entity: l.name, id: params.id }) }) });
  api.route({ method: 'GET', url: `${base}/:id/history`, access: perm(l, 'read'), summary: `${l.label}：修改记录`, tags, params: idParam, handler: async (ctx, { params }) => ({ items: await recordHistory(ctx, l, params.id) }) });
  api.route({ method: 'POST', url: base, access: perm(l, 'create'), write: true, summary: `${l.label}：新增`, tags, body: z.record(z.string(), z.unknown()), labels, handler: (ctx, { body }) => createRecord(ctx, l, body, registry, { duplicates: 'ask' }) });
  api.route({ method: 'PUT', url: `${base}/:id`, access: perm(l, 'update'), write: true, summary: `${l.label}：修改（须带 version，过期返回409）`, tags, params: idParam, body: z.record(z.string(), z.unknown()), labels, handler: (ctx, { params, body }) => updateRecord(ctx, l, params.id, body, registry) });
  api.route({
    method: 'POST',
    url: `${base}/withdraw-batch`,
    access: perm(l, 'withdraw'),
    write: true,
    summary: `${l.label}：批量撤销所选记录（同一原因；任何一条不能撤销则都不撤销）`,
    tags,
    body: z.object({ ids: z.array(z.number().int().positive()).min(1, '请选择要撤销的记录').max(200, '一次最多撤销200条'), reason: z.string().trim().min(2, '请填写撤销原因（至少2个字）').max(500) }),
    labels: { ids: '所选记录', reason: '撤销原因' },
    handler: (ctx, { body }) => withdrawMany(ctx, l, body.ids, body.reason, registry),
  });
  api.route({
    method: 'POST',
    url: `${base}/:id/withdraw`,
    access: perm(l, 'withdraw'),
    write: true,
    summary: `${l.label}：撤销（不删除，须说明原因）`,
    tags,
    params: idParam,
    body: z.object({ reason: z.string().trim().min(2, '请填写撤销原因（至少2个字）').max(500) }),
    labels: { reason: '撤销原因' },
    handler: (ctx, { params, body }) => withdrawRecord(ctx, l, params.id, body.reason, registry),
  });

  api.route({
    method: 'GET',
    url: `${base}/template.xlsx`,
    access: perm(l, 'import'),
    summary: `${l.label}：导入模板`,
    tags,
    handler: async (ctx, _i, _req, reply) => {
      const buf = await templateWorkbook(l, { ctx, registry });
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`${l.label}导入模板.xlsx`)).send(buf);
    },
  });
  api.route({
    method: 'POST',
    url: `${base}/import`,
    access: perm(l, 'import'),
    write: true,
    multipart: true,
    summary: `${l.label}：导入（mode=check 只检查；all 全部无误才导入；valid 只导入无误的行；可能重复的行须 confirmDuplicates=true 才导入）`,
    tags,
    query: z.object({ mode: z.enum(['check', 'all', 'valid']).default('check'), confirmDuplicates: z.enum(['true', 'false']).default('false') }),
    labels: { mode: '导入方式', confirmDuplicates: '确认不是重复' },
    handler: async (ctx, { query }, req) => {
      const file = await req.file();
      if (!file) throw new AppError('validation_failed', '请上传文件', [{ path: 'file', label: '文件', message: '文件：请上传 .xlsx 文件' }]);
      const plan = await planImport(ctx, l, await file.toBuffer(), registry);
      // a likely repeat of a record already kept is imported only when the user confirmed it is not one, as on the form
      const confirmed = query.confirmDuplicates === 'true';
      const held = new Set(confirmed ? [] : plan.duplicates.map((d) => d.row));
      const rows = plan.valid.filter((v) => !held.has(v.row));
      const summary = { total: plan.total, valid: rows.length, invalid: new Set(plan.errors.map((e) => e.row)).size, unchanged: plan.same.length, errors: plan.errors, duplicates: plan.duplicates, duplicatesConfirmed: confirmed, imported: 0, mode: query.mode };
      if (query.mode === 'check' || (query.mode === 'all' && (plan.errors.length || held.size)) || !rows.length) return summary;
      const result = await insertMany(ctx, l, rows, registry);
      if (result.errors.length) return { ...summary, valid: rows.length - new Set(result.errors.map((e) => e.row)).size, errors: [...plan.errors, ...result.errors].sort((a, b) => a.row - b.row) };
      await afterBulkWrite(ctx.tx, [l.table]);
      await audit(ctx, { entity: l.name, entityId: 'import', action: 'import_file', orgCode: ctx.scope.root, diff: { file: file.filename, rows: plan.total, imported: result.ids.length, skipped: summary.invalid, unchanged: summary.unchanged, possibleDuplicates: plan.duplicates.length, duplicatesConfirmed: confirmed } });
      return { ...summary, imported: result.ids.length };
    },
  });
  api.route({
    method: 'GET',
    url: `${base}/export.xlsx`,
    access: perm(l, 'export'),
    summary: `${l.label}：导出当前筛选结果（个人信息按权限脱敏）`,
    tags,
    query: listQuery,
    labels,
    handler: async (ctx, { query }, _req, reply) => {
      checkListQuery(l, query);
      const stream = await exportStream(ctx, l, query, await orgNames(ctx), registry);
      // the export itself is audited: who took which filtered list out of the system
      await platform.db.transaction().execute((tx) => audit({ ...ctx, tx }, { entity: l.name, entityId: 'export', action: 'export', orgCode: ctx.scope.root, diff: { filter: query } }));
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`${l.label}.xlsx`)).send(stream);
    },
  });

  api.route({
    method: 'POST',
    url: `${base}/:id/attachments`,
    access: perm(l, 'update'),
    write: true,
    multipart: true,
    summary: `${l.label}：上传附件（类型按内容识别；现场拍摄的可带拍摄时间与位置：takenAt、latitude、longitude、accuracy，置于文件之前）`,
    tags,
    params: idParam,
    handler: async (ctx, { params }, req) => {
      const row = await loadRow(ctx, l, params.id);
      const file = await req.file();
      if (!file) throw new AppError('validation_failed', '请选择文件', [{ path: 'file', label: '文件', message: '文件：请选择要上传的文件' }]);
      // form fields are read as they precede the file: kind, then the capture metadata of a photo or video taken on the spot
      const field = (name: string): string | undefined => {
        const f = file.fields[name];
        return f && !Array.isArray(f) && 'value' in f ? String(f.value) : undefined;
      };
      const kind = field('kind');
      // a signature is made only through its own route (who signed as what is audited there), never as a plain upload
      if (kind !== undefined && RESERVED_KINDS.has(kind.trim())) throw new AppError('validation_failed', `附件类型“${kind.trim()}”只能通过现场签名添加`, [{ path: 'kind', label: '附件类型', message: `附件类型：“${kind.trim()}”只能通过现场签名添加` }]);
      const capture = parseCapture({ takenAt: field('takenAt'), latitude: field('latitude'), longitude: field('longitude'), accuracy: field('accuracy') }, ctx.now);
      const bytes = await file.toBuffer();
      return addAttachment(ctx, platform.blobs, { entity: l.name, id: params.id, orgCode: String(row['org_code']) }, { name: file.filename, bytes, ...(kind ? { kind } : {}), capture });
    },
  });
  api.route({
    method: 'GET',
    url: `${base}/:id/attachments/:fileId`,
    access: perm(l, 'read'),
    summary: `${l.label}：下载附件`,
    tags,
    params: fileParam,
    handler: async (ctx, { params }, _req, reply) => {
      await loadRow(ctx, l, params.id);
      const { view, bytes } = await readAttachment(ctx, platform.blobs, { entity: l.name, id: params.id }, params.fileId);
      return reply.header('content-type', view.mime).header('content-disposition', contentDisposition(view.name)).header('x-content-sm3', view.hash).send(bytes);
    },
  });
  api.route({
    method: 'POST',
    url: `${base}/:id/attachments/:fileId/remove`,
    access: perm(l, 'update'),
    write: true,
    summary: `${l.label}：移除附件（留痕）`,
    tags,
    params: fileParam,
    body: z.object({ reason: z.string().trim().min(2, '请填写原因').max(500, '不能超过500个字') }),
    labels: { reason: '原因' },
    handler: async (ctx, { params, body }) => {
      const row = await loadRow(ctx, l, params.id);
      await assertFilesKept(ctx, l, row);
      await removeAttachment(ctx, { entity: l.name, id: params.id, orgCode: String(row['org_code']) }, params.fileId, body.reason);
      return { ok: true };
    },
  });
  if (l.workflow) workflowRoutes(api, platform, l);
  if (l.workflow) correctionRoutes(api, platform, l);
}

/** the catalogue of ledgers the user may read, for navigation and the ledger pages */
export function ledgerCatalogRoute(api: Api, platform: Platform): void {
  api.route({
    method: 'GET',
    url: '/api/ledgers',
    access: 'authenticated',
    summary: '可查看的台账目录',
    tags: ['台账'],
    handler: async (ctx) => ({ items: platform.ledgers.all().filter((l) => ctx.actor.permissions.has(perm(l, 'read'))).map((l) => ({ name: l.name, label: l.label, module: l.module, noun: l.noun })) }),
  });
}
