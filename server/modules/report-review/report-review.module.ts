import { audit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/errors.ts';
import { defineModule } from '../../platform/module.ts';
import { compareFigures, reviewBuffer } from './review.service.ts';
import type { FileReview } from './review.schema.ts';

const MAX_FILES = 30;

/** 年度报告审查: a county examiner uploads towns' reports and sees every figure checked */
export const reportReviewModule = defineModule({
  name: 'report-review',
  label: '报告审查',
  permissions: [{ code: 'review.use', label: '年度报告数字审查', roles: ['county_admin', 'supervisor', 'reviewer', 'leader'] }],
  nav: [{ path: '/review', label: '报告数字审查', permission: 'review.use', group: '年度报告', icon: 'audit', order: 820 }],
  routes: (api) => {
    api.route({
      method: 'POST',
      url: '/api/review',
      access: 'review.use',
      multipart: true,
      summary: '上传一份或多份年度报告（DOCX、PDF、HTML、TXT），提取数字并核对',
      tags: ['报告审查'],
      handler: async (ctx, _input, req) => {
        const files: FileReview[] = [];
        for await (const part of req.files()) {
          if (files.length >= MAX_FILES) throw new AppError('validation_failed', `一次最多上传${MAX_FILES}份报告`);
          files.push(await reviewBuffer(part.filename, await part.toBuffer()));
        }
        if (files.length === 0) throw new AppError('validation_failed', '请上传至少一份报告', [{ path: 'files', label: '报告文件', message: '报告文件：请上传至少一份' }]);
        // reading is not a write, but what was examined and what was found is worth keeping
        await ctx.tx.transaction().execute((tx) =>
          audit({ ...ctx, tx }, { entity: 'review', entityId: 'upload', action: 'review', orgCode: ctx.scope.root, diff: { files: files.map((f) => ({ file: f.file, figures: f.figures.length, findings: f.findings.length })) } }),
        );
        return { files, comparison: compareFigures(files) };
      },
    });
  },
});
