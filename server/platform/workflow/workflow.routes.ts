import { z } from 'zod';
import type { Api } from '../http/route.ts';
import { perm, type LedgerDef } from '../ledger/ledger.types.ts';
import type { Platform } from '../module.ts';
import { EXTEND_LABELS, TRANSITION_LABELS, applyTransition, extendBody, extendClock, timeline, transitionBody } from './workflow.service.ts';
import { assertWorkflow, extensionPermission, transitionPermission } from './workflow.types.ts';
import { intId } from '../http/validate.ts';

const idParam = z.object({ id: intId('须为记录编号') });
const transitionParam = idParam.extend({ transition: z.string().regex(/^[a-z][a-z0-9_]*$/, '办理事项名称有误') });
const clockParam = idParam.extend({ clock: z.string().regex(/^[a-z][a-z0-9_]*$/, '期限名称有误') });

/** the workflow API of a ledger that declares one: timeline, transitions, extensions */
export function workflowRoutes(api: Api, platform: Platform, l: LedgerDef): void {
  const wf = l.workflow;
  if (!wf) return;
  assertWorkflow(l);
  const base = `/api/ledgers/${l.name}/:id`;
  const tags = [l.label];
  const transitionAccess = [...new Set(wf.transitions.map((t) => transitionPermission(l, t)))];
  const extensionAccess = [...new Set((wf.clocks ?? []).filter((c) => c.extension).map((c) => extensionPermission(l, c)))];
  const fieldLabels = Object.fromEntries(l.fields.map((f) => [f.name, f.label]));

  api.route({
    method: 'GET',
    url: `${base}/timeline`,
    access: perm(l, 'read'),
    summary: `${l.label}：办理过程（状态、每一步办理人和时间、各项期限的届满日及计算过程、可办理事项）`,
    tags,
    params: idParam,
    handler: (ctx, { params }) => timeline(ctx, l, params.id),
  });
  // the route admits anyone holding one of the transitions' permissions; the service checks the one asked for
  api.route({
    method: 'POST',
    url: `${base}/transitions/:transition`,
    access: transitionAccess,
    write: true,
    summary: `${l.label}：办理（状态流转；不满足办理条件的返回422并列明缺少的事项）`,
    tags,
    params: transitionParam,
    body: transitionBody,
    labels: { ...fieldLabels, ...TRANSITION_LABELS },
    handler: (ctx, { params, body }) => applyTransition(ctx, platform, l, params.id, params.transition, body),
  });
  if (extensionAccess.length) {
    api.route({
      method: 'POST',
      url: `${base}/clocks/:clock/extend`,
      access: extensionAccess,
      write: true,
      summary: `${l.label}：延长期限（一次，须说明理由并附延期通知书；不可撤回）`,
      tags,
      params: clockParam,
      body: extendBody,
      labels: EXTEND_LABELS,
      handler: (ctx, { params, body }) => extendClock(ctx, l, params.id, params.clock, body),
    });
  }
}
