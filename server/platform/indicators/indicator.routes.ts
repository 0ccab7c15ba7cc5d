import { z } from 'zod';
import type { Api } from '../http/route.ts';
import type { Platform } from '../module.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';
import { perm } from '../ledger/ledger.types.ts';
import type { Ctx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import type { IndicatorDef } from './indicator.types.ts';
import { computeIndicators } from './indicator.service.ts';
import { isoDate } from '../http/validate.ts';

const periodQuery = z.object({
  org: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  module: z.string().optional(),
});

export function allIndicators(platform: Platform): IndicatorDef[] {
  return platform.modules.flatMap((m) => m.indicators ?? []);
}

/** the indicators a user may see: those whose every source ledger they may read */
export function visibleIndicators(ctx: Ctx, platform: Platform): IndicatorDef[] {
  const defs = allIndicators(platform);
  const byId = new Map(defs.map((d) => [d.id, d]));
  const readable = (d: IndicatorDef): boolean => {
    if (d.kind === 'ratio') {
      const n = byId.get(d.numerator);
      const m = byId.get(d.denominator);
      return !!n && !!m && readable(n) && readable(m);
    }
    const l = platform.ledgers.get(d.ledger);
    return !!l && ctx.actor.permissions.has(perm(l, 'read'));
  };
  return defs.filter(readable);
}

function withSources(defs: IndicatorDef[], all: IndicatorDef[]): IndicatorDef[] {
  const byId = new Map(all.map((d) => [d.id, d]));
  const out = new Map<string, IndicatorDef>();
  const add = (d: IndicatorDef): void => {
    if (d.kind === 'ratio') {
      for (const s of [d.numerator, d.denominator]) {
        const x = byId.get(s);
        if (x) add(x);
      }
    }
    out.set(d.id, d);
  };
  defs.forEach(add);
  return [...out.values()];
}

export function resolvePeriod(ctx: Ctx, q: z.infer<typeof periodQuery>, now: Date): { org: string; from: string; to: string } {
  const year = q.year ?? Number(chinaDate(now).slice(0, 4));
  return { org: q.org ?? ctx.scope.root, from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` };
}

export function indicatorRoutes(api: Api, platform: Platform): void {
  api.route({
    method: 'GET',
    url: '/api/indicators',
    access: 'home.view',
    summary: '指标：某单位（含下级）某期间的全部可见指标，每个数字附来源记录链接',
    tags: ['指标'],
    query: periodQuery,
    labels: { org: '单位', year: '年度', from: '开始日期', to: '结束日期' },
    handler: async (ctx, { query }) => {
      const p = resolvePeriod(ctx, query, ctx.now);
      let defs = visibleIndicators(ctx, platform);
      if (query.module) defs = defs.filter((d) => d.id.startsWith(`${query.module}.`));
      return { period: p, items: await computeIndicators(ctx, defs, platform.ledgers, p) };
    },
  });
  api.route({
    method: 'GET',
    url: '/api/indicators/:id',
    access: 'home.view',
    summary: '单个指标及其来源记录编号',
    tags: ['指标'],
    params: z.object({ id: z.string() }),
    query: periodQuery,
    labels: { org: '单位', year: '年度' },
    handler: async (ctx, { params, query }) => {
      const visible = visibleIndicators(ctx, platform);
      const def = visible.find((d) => d.id === params.id);
      if (!def) throw new AppError('not_found', `指标 ${params.id} 不存在或无权查看`);
      const p = resolvePeriod(ctx, query, ctx.now);
      const values = await computeIndicators(ctx, withSources([def], allIndicators(platform)), platform.ledgers, p, { withIds: true });
      return { period: p, indicator: values.find((v) => v.id === def.id) };
    },
  });
}
