import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import type { Platform } from '../../platform/module.ts';
import { sendDocument } from '../../platform/reports/send-document.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { TRANSITION_LABELS, transitionBody } from '../../platform/workflow/workflow.service.ts';
import { INSPECTION_DOCUMENTS, type InspectionDocumentKind } from './inspection.documents.ts';
import { inspectionLedger } from './inspection.ledgers.ts';
import { inspectionStandards } from './inspection.field.ts';
import { INSPECTION_CODE_PATTERN } from './inspection.rules.ts';
import { inspectionSignatures, signInspection, SIGNATURE_MAX_BYTES, SIGNER_KEYS, SIGNERS } from './inspection.signatures.ts';
import { approveInspection, emergencyInspection, inspectionDocuments, inspectionDocumentSpec, inspectionOverview, publicInspection, publicInspectionCap, recordInspectionResult } from './inspection.service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables, read without a user scope on the public site
type AnyDb = Kysely<any>;
const idParam = z.object({ id: intId('须为记录编号') });
const tags = ['行政执法'];
const labels = { ...Object.fromEntries(inspectionLedger.fields.map((f) => [f.name, f.label])), ...TRANSITION_LABELS };
const L = inspectionLedger.name;

/** 涉企行政检查: the steps the database must check (approval, emergency, result), documents, overview, 扫码入企 */
export function inspectionRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'POST',
    url: '/api/enforcement/inspections/:id/approve',
    access: `${L}.transition.approve`,
    write: true,
    summary: '检查审批：负责人批准（核对检查事项已公布、年度检查频次未超限），生成检查码',
    tags,
    params: idParam,
    body: transitionBody,
    labels,
    handler: (ctx, { params, body }) => approveInspection(ctx, platform, params.id, body),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/inspections/:id/emergency',
    access: `${L}.transition.emergency`,
    write: true,
    summary: '紧急检查事后补批：记录已实施的检查及紧急理由，负责人补办审批',
    tags,
    params: idParam,
    body: transitionBody,
    labels,
    handler: (ctx, { params, body }) => emergencyInspection(ctx, platform, params.id, body),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/inspections/:id/result',
    access: `${L}.transition.record_result`,
    write: true,
    summary: '记录检查结果：转立案的，同时登记行政处罚案件（案源登记）',
    tags,
    params: idParam,
    body: transitionBody,
    labels,
    handler: (ctx, { params, body }) => recordInspectionResult(ctx, platform, params.id, body),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/inspections/:id/documents',
    access: `${L}.read`,
    summary: '行政检查文书：当前可制作哪些',
    tags,
    params: idParam,
    handler: async (ctx, { params }) => ({ items: await inspectionDocuments(ctx, params.id) }),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/inspections/:id/documents/:kind',
    access: `${L}.read`,
    summary: `行政检查文书（DOCX 或 PDF）：${Object.entries(INSPECTION_DOCUMENTS).map(([k, v]) => `${k} ${v.label}`).join('、')}`,
    tags,
    params: idParam.extend({ kind: z.enum(Object.keys(INSPECTION_DOCUMENTS) as [InspectionDocumentKind, ...InspectionDocumentKind[]]) }),
    query: z.object({ format: z.enum(['docx', 'pdf'], '须为 docx 或 pdf').default('docx') }),
    labels: { id: '记录编号', kind: '文书种类', format: '格式' },
    handler: async (ctx, { params, query }, req, reply) => {
      const doc = await inspectionDocumentSpec(ctx, platform.blobs, params.id, params.kind, `${req.protocol}://${req.host}`);
      return sendDocument(reply, doc.spec, query.format, doc.title);
    },
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/inspections/:id/signatures',
    access: `${L}.read`,
    summary: '现场检查笔录的现场签名：被检查单位负责人（或在场人员）、两名检查人员',
    tags,
    params: idParam,
    handler: async (ctx, { params }) => ({ items: await inspectionSignatures(ctx, params.id) }),
  });
  api.route({
    method: 'POST',
    url: '/api/enforcement/inspections/:id/signatures',
    access: `${L}.update`,
    write: true,
    summary: '现场签名：在屏幕上签名（PNG），作为签名附件保存；同一签名人重新签名的，原签名移除并留痕',
    tags,
    params: idParam,
    body: z.object({
      signer: z.enum(SIGNER_KEYS, `须为${SIGNER_KEYS.map((k) => `${k}（${SIGNERS[k]}）`).join('、')}之一`),
      // base64 takes four characters for three bytes; a data: URL prefix is allowed
      image: z.string('须为 base64 编码的 PNG 图片').min(1, '不能为空，请先签名').max(Math.ceil(SIGNATURE_MAX_BYTES / 3) * 4 + 32, `不能超过${SIGNATURE_MAX_BYTES / 1024} KB`),
    }),
    labels: { signer: '签名人', image: '签名图片' },
    handler: async (ctx, { params, body }) => ({ items: await signInspection(ctx, platform.blobs, params.id, body.signer, body.image) }),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/inspections/:id/standards',
    access: `${L}.read`,
    summary: '一表通查：本次检查事项的行政检查标准，及逐项检查的检查内容',
    tags,
    params: idParam,
    handler: (ctx, { params }) => inspectionStandards(ctx, params.id),
  });
  api.route({
    method: 'GET',
    url: '/api/enforcement/inspections/overview',
    access: `${L}.read`,
    summary: '涉企行政检查年度概况：入企检查次数（联合检查计一次）、年度频次上限、跨部门重复检查预警',
    tags,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    handler: (ctx, { query }) => inspectionOverview(ctx, query.year ?? Number(chinaDate(ctx.now).slice(0, 4))),
  });
  api.route({
    method: 'GET',
    url: '/api/public/inspection-cap',
    access: 'public',
    summary: '涉企行政检查年度频次上限：同一部门对同一企业每年日常检查的次数上限，及另行规定上限的部门',
    tags: ['公开'],
    handler: (ctx) => publicInspectionCap(platform.db as unknown as AnyDb, chinaDate(ctx.now)),
  });
  api.route({
    method: 'GET',
    url: '/api/public/inspections/:code',
    access: 'public',
    summary: '扫码入企：按检查码核验行政检查（实施机关、检查事项、检查人员及执法证号、批准人和批准日期）',
    tags: ['公开'],
    params: z.object({ code: z.string().trim().toUpperCase().regex(INSPECTION_CODE_PATTERN, '检查码为10位字母数字') }),
    labels: { code: '检查码' },
    handler: (ctx, { params }) => publicInspection(platform.db as unknown as AnyDb, params.code, chinaDate(ctx.now)),
  });
}
