import { sql, type Kysely } from 'kysely';
import { defineModule } from '../../platform/module.ts';
import { seedLeadershipDemo } from './leadership.demo.ts';
import { leadershipIndicators } from './leadership.indicators.ts';
import { issueLedger, lawReportLedger, leaderLedger, meetingLedger } from './leadership.ledgers.ts';

/** 第一责任人: leaders' rule-of-law meetings, the major issues they resolved, and their 述法 */
export const leadershipModule = defineModule({
  name: 'leadership',
  label: '第一责任人',
  ledgers: [leaderLedger, meetingLedger, issueLedger, lawReportLedger],
  indicators: leadershipIndicators,
  nav: [
    { path: '/ledgers/leadership.meeting', label: '研究法治建设会议', permission: 'leadership.meeting.read', group: '第一责任人', icon: 'team', order: 500 },
    { path: '/ledgers/leadership.issue', label: '重大事项（重要问题）', permission: 'leadership.issue.read', group: '第一责任人', icon: 'flag', order: 501 },
    { path: '/ledgers/leadership.law_report', label: '述法', permission: 'leadership.law_report.read', group: '第一责任人', icon: 'file-text', order: 502 },
    { path: '/ledgers/leadership.leader', label: '领导班子成员', permission: 'leadership.leader.read', group: '第一责任人', icon: 'user', order: 503 },
  ],
  home: async (ctx) => {
    if (!ctx.actor.permissions.has('leadership.issue.read') || ctx.scope.codes.length === 0) return [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger table
    const db = ctx.tx as unknown as Kysely<any>;
    const today = ctx.now.toISOString().slice(0, 10);
    const row = await db
      .selectFrom('leadership_issue')
      .select([sql<number>`count(*) filter (where progress = '正在推进')`.as('open'), sql<number>`count(*) filter (where progress = '正在推进' and deadline < ${today})`.as('late')])
      .where('org_code', 'in', ctx.scope.codes)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return [
      { key: 'leadership.open_issues', label: '正在推进的法治建设重大事项', count: Number(row.open), link: '/ledgers/leadership.issue?f.progress=正在推进', tone: 'normal' as const },
      { key: 'leadership.late_issues', label: '超过完成时限仍未解决的重大事项', count: Number(row.late), link: `/ledgers/leadership.issue?f.progress=正在推进&f.deadline.to=${today}`, tone: Number(row.late) > 0 ? ('danger' as const) : ('normal' as const) },
    ];
  },
  demo: seedLeadershipDemo,
});
