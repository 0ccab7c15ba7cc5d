import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { defineWebModule, lazyPage, type RecordPanelProps } from '../../platform/module.ts';

const panel = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyExoticComponent<ComponentType<RecordPanelProps>> =>
  lazy(async () => ({ default: (await load())[name] as ComponentType<RecordPanelProps> }));

/** 重大行政决策 and 行政规范性文件: comment handling, cleanup campaigns, record cards and the public pages */
export const decisionsModule = defineWebModule({
  name: 'decisions',
  prefix: '/decisions',
  pages: [
    { path: 'comments', title: '公众意见处理', permission: 'decisions.comment.read', component: lazyPage(() => import('./CommentsPage.tsx'), 'CommentsPage') },
    { path: 'filing-review', title: '规范性文件备案审查', permission: 'normdocs.document.transition.filing_review', component: lazyPage(() => import('./FilingReviewPage.tsx'), 'FilingReviewPage') },
    { path: 'cleanup', title: '规范性文件清理', permission: 'normdocs.cleanup.read', component: lazyPage(() => import('./CleanupPage.tsx'), 'CleanupPage') },
  ],
  recordPanels: {
    'decisions.decision': panel(() => import('./DecisionPanel.tsx'), 'DecisionPanel'),
    'normdocs.document': panel(() => import('./NormdocPanel.tsx'), 'NormdocPanel'),
  },
  publicPages: [
    { path: '/public/decisions', component: lazyPage(() => import('./PublicDecisionsPage.tsx'), 'PublicDecisionsPage'), nav: { label: '重大行政决策', order: 30 } },
    { path: '/public/decisions/:id', component: lazyPage(() => import('./PublicDraftPage.tsx'), 'PublicDraftPage') },
    { path: '/public/normdocs/drafts/:id', component: lazyPage(() => import('./PublicNormdocDraftPage.tsx'), 'PublicNormdocDraftPage') },
    { path: '/public/normdocs', component: lazyPage(() => import('./PublicNormdocsPage.tsx'), 'PublicNormdocsPage'), nav: { label: '行政规范性文件', order: 31 } },
  ],
  permissionGroups: { decisions: '重大行政决策', normdocs: '行政规范性文件' },
  auditLabels: {
    entities: { 'decisions.decision': '重大行政决策', 'decisions.comment': '决策草案公众意见', 'decisions.catalog_item': '决策事项目录', 'normdocs.document': '行政规范性文件', 'normdocs.cleanup': '规范性文件清理', 'normdocs.comment': '规范性文件征求意见稿公众意见', numbering: '文号' },
    actions: { public_comment: '公众提交意见', archive_download: '下载决策档案', number_assigned: '编定文号', normdocs_expiry_scan: '规范性文件有效期提醒' },
  },
});
