import { defineWebModule, lazyPage } from '../../platform/module.ts';

/**
 * the generic ledger pages (台账), driven by GET /api/ledgers/:name/meta. the permission a page needs depends on the
 * ledger in its URL, so the route only asks for a signed-in user (home.view) and each page answers 403 from /meta
 */
export const ledgersModule = defineWebModule({
  name: 'ledgers',
  prefix: '/ledgers',
  pages: [
    { path: ':name', title: '台账', permission: 'home.view', component: lazyPage(() => import('./LedgerListPage.tsx'), 'LedgerListPage') },
    { path: ':name/new', title: '新增', permission: 'home.view', component: lazyPage(() => import('./LedgerFormPage.tsx'), 'LedgerNewPage') },
    { path: ':name/:id', title: '详情', permission: 'home.view', component: lazyPage(() => import('./LedgerDetailPage.tsx'), 'LedgerDetailPage') },
    { path: ':name/:id/edit', title: '编辑', permission: 'home.view', component: lazyPage(() => import('./LedgerFormPage.tsx'), 'LedgerEditPage') },
  ],
  // locks and corrections (server/platform/ledger/correction.service.ts)
  auditLabels: {
    actions: { correct: '更正', start_correction: '发起更正', correction_field_refused: '拒绝更正范围以外的字段', attach: '上传附件', detach: '删除附件', attachment_remove_refused: '拒绝删除已锁定记录的附件', import: '导入', import_file: '导入文件', export: '导出', refused_owned_field: '拒绝填写应由办理环节记录的字段', prior_violation_check: '查询同类违法记录（首违不罚）', revoke: '撤回（撤销）', update_refused: '拒绝修改已锁定记录', withdraw_refused: '拒绝撤销已锁定记录', withdraw_draft_refused: '拒绝非登记人撤回草稿' },
    fields: { reason: '理由', fields: '字段', createdBy: '登记人' },
  },
});
