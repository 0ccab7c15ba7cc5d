import { sql } from 'kysely';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { defineModule } from '../../platform/module.ts';
import { seedLeadershipDemo } from './leadership.demo.ts';
import { leadershipIndicators } from './leadership.indicators.ts';
import { issueLedger, lawReportLedger, leaderLedger, meetingLedger } from './leadership.ledgers.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

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
  home: (ctx) => {
    const today = chinaDate(ctx.now);
    return ledgerHomeItems(ctx, issueLedger, [
      { key: 'leadership.open_issues', label: '正在推进的法治建设重大事项', where: sql`progress = '正在推进'`, filter: 'f.progress=正在推进' },
      { key: 'leadership.late_issues', label: '超过完成时限仍未解决的重大事项', where: sql`progress = '正在推进' and deadline < ${today}`, filter: `f.progress=正在推进&f.deadline.to=${today}`, alert: 'danger' },
    ]);
  },
  demo: seedLeadershipDemo,
});
