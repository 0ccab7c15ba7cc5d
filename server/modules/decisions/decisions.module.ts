import { sql } from 'kysely';
import { countInScope } from '../../platform/ledger/ledger.query.ts';
import { defineModule, type HomeItem, type Platform } from '../../platform/module.ts';
import { getSetting } from '../../platform/settings.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { plusDays } from '../../platform/calendar/calendar.ts';
import { decisionRoutes } from './decisions.routes.ts';
import { EXPIRY_NOTICE_DAYS, scanExpiringDocuments } from './normdocs.service.ts';
import { seedDecisionsDemo } from './decisions.demo.ts';
import { decisionIndicators } from './decisions.indicators.ts';
import { catalogLedger, commentLedger, decisionLedger } from './decisions.ledgers.ts';
import { publicDecisionRoutes } from './decisions.public.ts';
import { cleanupLedger, documentLedger, normdocCommentLedger } from './normdocs.ledgers.ts';
import { publicNormdocRoutes } from './normdocs.public.ts';
import { filingReviewRoutes } from './normdocs.filing.ts';
import { FILING_DAYS_SETTING, setFilingDays } from './normdocs.workflow.ts';

const DOCS = '/ledgers/normdocs.document';
// the working pages (web/src/modules/decisions); the ledger lists stay reachable from them
const COMMENTS = '/decisions/comments';
const HOUR_MS = 3_600_000;

/** the expiry reminders: now and then once each day (checked hourly, so a restart or a sleeping machine catches up) */
function scheduleExpiryScan(platform: Platform): void {
  let lastDay = '';
  const run = async (): Promise<void> => {
    const today = chinaDate(new Date());
    if (today === lastDay) return;
    try {
      const r = await scanExpiringDocuments(platform, today);
      lastDay = today;
      platform.log.info({ today, ...r }, 'normative document expiry scan');
    } catch (err) {
      platform.log.error({ err }, 'normative document expiry scan failed');
    }
  };
  void run();
  setInterval(() => void run(), HOUR_MS).unref();
}

/** 重大行政决策 and 行政规范性文件: catalogs, the five procedures, public comment, filing, cleanup */
export const decisionsModule = defineModule({
  name: 'decisions',
  label: '重大行政决策与规范性文件',
  ledgers: [catalogLedger, decisionLedger, commentLedger, documentLedger, cleanupLedger, normdocCommentLedger],
  indicators: decisionIndicators,
  nav: [
    { path: '/ledgers/decisions.catalog_item', label: '决策事项目录', permission: 'decisions.catalog_item.read', group: '重大行政决策', icon: 'audit', order: 1200 },
    { path: '/ledgers/decisions.decision', label: '重大行政决策', permission: 'decisions.decision.read', group: '重大行政决策', icon: 'audit', order: 1201 },
    { path: COMMENTS, label: '公众意见处理', permission: 'decisions.comment.read', group: '重大行政决策', icon: 'message', order: 1202 },
    { path: DOCS, label: '规范性文件', permission: 'normdocs.document.read', group: '规范性文件', icon: 'file-text', order: 1220 },
    { path: '/ledgers/normdocs.comment', label: '征求意见稿公众意见', permission: 'normdocs.comment.read', group: '规范性文件', icon: 'message', order: 1222 },
    { path: '/decisions/filing-review', label: '备案审查', permission: 'normdocs.document.transition.filing_review', group: '规范性文件', icon: 'audit', order: 1223 },
    { path: '/decisions/cleanup', label: '规范性文件清理', permission: 'normdocs.cleanup.read', group: '规范性文件', icon: 'file-search', order: 1221 },
  ],
  init: async (platform) => setFilingDays(await getSetting(platform.db, FILING_DAYS_SETTING)),
  routes: (api, platform) => {
    publicDecisionRoutes(api, platform);
    publicNormdocRoutes(api, platform);
    decisionRoutes(api, platform);
    filingReviewRoutes(api);
  },
  onServe: async (platform) => scheduleExpiryScan(platform),
  home: async (ctx) => {
    if (ctx.scope.codes.length === 0) return [];
    setFilingDays(await getSetting(ctx.tx, FILING_DAYS_SETTING));
    const items: HomeItem[] = [];
    const today = chinaDate(ctx.now);
    const until = plusDays(today, EXPIRY_NOTICE_DAYS);
    if (ctx.actor.permissions.has('normdocs.document.read')) {
      const n = await countInScope(ctx, documentLedger, { expiring: sql`effect in ('现行有效', '已修改') and valid_until >= ${today} and valid_until <= ${until}` });
      if (n.expiring > 0) items.push({ key: 'normdocs.expiring', label: `${EXPIRY_NOTICE_DAYS}日内有效期届满的规范性文件`, count: n.expiring, link: `${DOCS}?f.effect=现行有效,已修改&f.valid_until.from=${today}&f.valid_until.to=${until}`, tone: 'warning' });
    }
    if (ctx.actor.permissions.has('decisions.comment.read')) {
      const n = await countInScope(ctx, commentLedger, { unanswered: sql`handling is null` });
      if (n.unanswered > 0) items.push({ key: 'decisions.unanswered', label: '尚未处理的决策草案公众意见', count: n.unanswered, link: `${COMMENTS}?status=unanswered`, tone: 'normal' });
    }
    return items;
  },
  demo: seedDecisionsDemo,
});
