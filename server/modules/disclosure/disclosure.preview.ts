import { z } from 'zod';
import { can } from '../../platform/http/context.ts';
import type { Api } from '../../platform/http/route.ts';
import { intId } from '../../platform/http/validate.ts';
import { loadRow } from '../../platform/ledger/ledger.service.ts';
import { itemLedger } from './disclosure.ledgers.ts';
import { itemRedactionPreview } from './disclosure.redaction.ts';

/**
 * GET …/redaction-preview: the spans the redactor found and the text the public site will show. A reviewer without
 * the personal-data permission sees where and what was found, each span in its masked form only.
 */
export function redactionPreviewRoute(api: Api): void {
  api.route({
    method: 'GET',
    url: '/api/disclosure/items/:id/redaction-preview',
    access: 'disclosure.item.read',
    summary: '脱敏预览：公开网站上将遮盖的个人信息（身份证号码、电话号码、银行卡号、邮箱）及遮盖后的文本',
    tags: ['政务公开'],
    params: z.object({ id: intId() }),
    labels: { id: '公开信息' },
    handler: async (ctx, { params }) => {
      const preview = itemRedactionPreview(await loadRow(ctx, itemLedger, params.id));
      if (can(ctx, 'disclosure.item.personal')) return preview;
      return { ...preview, fields: preview.fields.map((f) => ({ ...f, spans: f.spans.map((s) => ({ ...s, text: s.replacement })) })) };
    },
  });
}
