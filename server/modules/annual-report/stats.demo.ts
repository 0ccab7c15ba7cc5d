import type { Ctx } from '../../platform/http/context.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { publishVersion, secrecyReview } from './report.service.ts';
import { createStats, statsView, submitStats } from './stats.service.ts';

const TOWNS = ['999001001000', '999001002000', '999001003000'];

/**
 * last year's 行政执法统计年报 of the demo towns, submitted in January from their records, so the county sees them
 * in 下级报送情况 and its own table adds them up (城关镇's is published); the county's own report is left for the county
 */
export async function statsDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const year = Number(chinaDate(ctx.now).slice(0, 4)) - 1;
  for (const [i, org] of TOWNS.entries()) {
    // each town submits on a working morning in the second half of January, before the 1月31日 deadline
    const at: Ctx = { ...ctx, now: new Date(`${year + 1}-01-${20 + i}T02:30:00Z`), actor: { ...ctx.actor, username: 'leader' } };
    const { id } = await createStats(at, org, year);
    const view = await statsView(at, platform, id);
    const v = await submitStats(at, platform, id, view.version);
    // 城关镇 has had its report reviewed for secrecy and published on the public site
    if (i === 0) {
      const later = (day: number, username: string): Ctx => ({ ...ctx, now: new Date(`${year + 1}-01-${day}T03:00:00Z`), actor: { ...ctx.actor, username } });
      await secrecyReview(later(26, 'reviewer'), v.id, true, '表中数字均为统计数据，不涉及国家秘密、工作秘密和个人信息，同意公开');
      await publishVersion(later(27, 'leader'), v.id, null);
    }
  }
}
