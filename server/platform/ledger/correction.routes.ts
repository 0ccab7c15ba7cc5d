import { z } from 'zod';
import { intId } from '../http/validate.ts';
import type { Api } from '../http/route.ts';
import type { Platform } from '../module.ts';
import { correctionPermission } from '../workflow/correction.types.ts';
import { CORRECT_LABELS, REVOKE_LABELS, correctBody, correctRecord, correctionState, getVersion, revokeBody, revokeRecord, versionParam, withdrawDraft, withdrawDraftBody } from './correction.service.ts';
import { perm, type LedgerDef } from './ledger.types.ts';

const idParam = z.object({ id: intId() });

/** 更正、撤回 of closed or published records, their versions, and the author's withdrawal of an own draft */
export function correctionRoutes(api: Api, platform: Platform, l: LedgerDef): void {
  if (!l.workflow) return;
  const base = `/api/ledgers/${l.name}/:id`;
  const tags = [l.label];
  const registry = platform.ledgers;
  const fieldLabels = Object.fromEntries(l.fields.map((f) => [f.name, f.label]));
  api.route({ method: 'GET', url: `${base}/correction`, access: perm(l, 'read'), summary: `${l.label}：是否已锁定（已结案/已公开）、可否更正或撤回、各版本`, tags, params: idParam, handler: (ctx, { params }) => correctionState(ctx, l, params.id) });
  api.route({ method: 'GET', url: `${base}/versions`, access: perm(l, 'read'), summary: `${l.label}：各版本（更正、撤回前的版本只读保留）`, tags, params: idParam, handler: async (ctx, { params }) => ({ items: (await correctionState(ctx, l, params.id)).versions }) });
  api.route({ method: 'GET', url: `${base}/versions/:n`, access: perm(l, 'read'), summary: `${l.label}：某一版本的内容（只读）`, tags, params: versionParam, labels: { n: '版本序号' }, handler: (ctx, { params }) => getVersion(ctx, l, params.id, params.n, registry) });
  api.route({
    method: 'POST',
    url: `${base}/correct`,
    access: correctionPermission(l),
    write: true,
    summary: `${l.label}：更正已结案或已公开的记录（须说明理由；保留原版本，重新经过首次需要的审核）`,
    tags,
    params: idParam,
    body: correctBody,
    labels: { ...fieldLabels, ...CORRECT_LABELS },
    handler: (ctx, { params, body }) => correctRecord(ctx, l, params.id, body, registry),
  });
  api.route({
    method: 'POST',
    url: `${base}/revoke`,
    access: correctionPermission(l),
    write: true,
    summary: `${l.label}：撤回（撤销）已结案或已公开的记录（须说明理由；保留原版本）`,
    tags,
    params: idParam,
    body: revokeBody,
    labels: REVOKE_LABELS,
    handler: (ctx, { params, body }) => revokeRecord(ctx, l, params.id, body, registry),
  });
  api.route({
    method: 'POST',
    url: `${base}/withdraw-draft`,
    access: perm(l, 'read'),
    write: true,
    summary: `${l.label}：登记人撤回自己尚未提交办理的记录（须说明理由）`,
    tags,
    params: idParam,
    body: withdrawDraftBody,
    labels: { reason: '撤回理由' },
    handler: (ctx, { params, body }) => withdrawDraft(ctx, l, params.id, body.reason, registry),
  });
}
