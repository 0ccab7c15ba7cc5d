import { sql } from 'kysely';
import type { Ctx } from '../../platform/http/context.ts';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { activeInScope } from '../../platform/ledger/ledger.query.ts';
import { defineModule, type HomeItem } from '../../platform/module.ts';
import { seedPublicityDemo } from './publicity.demo.ts';
import { publicityIndicators } from './publicity.indicators.ts';
import { publicPublicityRoutes } from './publicity.public.ts';
import { activityLedger, dutyLedger } from './publicity.ledgers.ts';
import { upcomingNodes } from './publicity.nodes.ts';
import { examLedger, sessionLedger, trainingLedger } from './study.ledgers.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

/** how far ahead the home page warns of a publicity node with nothing arranged */
const NODE_LOOKAHEAD_DAYS = 14;

/** the responsibility-list items of this year still open; late in the year they become a warning */
function openDuties(ctx: Ctx, today: string): Promise<HomeItem[]> {
  const year = Number(today.slice(0, 4));
  const late = Number(today.slice(5, 7)) >= 10;
  return ledgerHomeItems(ctx, dutyLedger, [
    { key: 'publicity.duties_open', label: `${year}年普法责任清单尚未完成的事项`, where: sql`year = ${year} and not completed`, filter: `f.year=${year}&f.completed=否`, alert: late ? 'warning' : undefined },
  ]);
}

/** fixed-date publicity nodes in the next two weeks for which no activity has been recorded this year */
async function unplannedNodes(ctx: Ctx, today: string): Promise<HomeItem> {
  const coming = upcomingNodes(today, NODE_LOOKAHEAD_DAYS);
  let missing: Array<{ name: string; date: string }> = [];
  if (coming.length) {
    const rows = await activeInScope(ctx, activityLedger)
      .select(['node', sql<string>`extract(year from held_on)::int`.as('y')])
      .where('node', 'in', coming.map((c) => c.name))
      .groupBy(['node', sql`extract(year from held_on)::int`])
      .execute();
    const held = new Set(rows.map((x) => `${String(x['node'])}|${String(x['y'])}`));
    missing = coming.filter((c) => !held.has(`${c.name}|${Number(c.date.slice(0, 4))}`));
  }
  const names = missing.map((m) => m.name.replace(/（.*）$/, '')).join('、');
  return {
    key: 'publicity.nodes_unplanned',
    label: missing.length ? `临近的普法节点尚无活动记录：${names}` : '临近的普法节点尚无活动记录',
    count: missing.length,
    link: missing.length === 1 ? `/ledgers/publicity.activity?f.node=${missing[0]?.name ?? ''}` : '/ledgers/publicity.activity',
    tone: missing.length ? 'warning' : 'normal',
  };
}

/** 普法与学法: publicity activities, the "谁执法谁普法" responsibility lists, law study, trainings and exams */
export const publicityModule = defineModule({
  name: 'publicity',
  label: '普法与学法',
  ledgers: [activityLedger, dutyLedger, sessionLedger, trainingLedger, examLedger],
  indicators: publicityIndicators,
  nav: [
    { path: '/ledgers/publicity.activity', label: '普法宣传活动', permission: 'publicity.activity.read', group: '普法宣传', icon: 'notification', order: 700 },
    { path: '/ledgers/publicity.duty', label: '普法责任清单', permission: 'publicity.duty.read', group: '普法宣传', icon: 'profile', order: 701 },
    { path: '/ledgers/study.session', label: '领导干部学法', permission: 'study.session.read', group: '学法培训', icon: 'book', order: 710 },
    { path: '/ledgers/study.training', label: '法治培训', permission: 'study.training.read', group: '学法培训', icon: 'team', order: 711 },
    { path: '/ledgers/study.exam', label: '学法考试', permission: 'study.exam.read', group: '学法培训', icon: 'schedule', order: 712 },
  ],
  home: async (ctx) => {
    if (ctx.scope.codes.length === 0) return [];
    const today = chinaDate(ctx.now);
    const items = await openDuties(ctx, today);
    if (ctx.actor.permissions.has('publicity.activity.read')) items.push(await unplannedNodes(ctx, today));
    return items;
  },
  routes: (api, platform) => publicPublicityRoutes(api, platform),
  demo: seedPublicityDemo,
});
