import { defineLedger, type FieldDef } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, requiredWhen, is } from '../../platform/ledger/rules.ts';
import { decisionPeriodProblem, missingProcedures, PROCEDURE_RESULTS, SKIPPED } from './decisions.rules.ts';
import { decisionWorkflow } from './decisions.workflow.ts';

export const CATALOG_STATUS = ['拟订', '已审定', '已公布'] as const;
// 713 art. 3: what makes a decision 重大
export const DECISION_KINDS = ['公共服务重大措施', '经济社会发展规划', '资源开发利用', '生态环境保护', '重大公共建设项目', '其他重大事项'] as const;
export const HANDLING = ['采纳', '部分采纳', '未采纳'] as const;
export const COMMENT_CHANNELS = ['网站', '信函', '座谈会', '听证会', '其他'] as const;

export const catalogLedger = defineLedger({
  name: 'decisions.catalog_item',
  table: 'decisions_catalog_item',
  label: '重大行政决策事项目录',
  noun: '目录事项',
  module: 'decisions',
  titleFields: ['year', 'title'],
  defaultSort: { field: 'year', dir: 'desc' },
  dateField: 'listed_on',
  fields: [
    { name: 'year', label: '目录年度', type: 'int', required: true, min: 2000, max: 2100, filter: true, list: true },
    { name: 'title', label: '决策事项名称', type: 'text', required: true, maxLength: 120, searchable: true, list: true },
    { name: 'proposing_unit', label: '承办单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true },
    { name: 'kind', label: '事项类别', type: 'dict', options: DECISION_KINDS, filter: true },
    { name: 'planned_time', label: '计划完成时间', type: 'text', maxLength: 40, list: true, hint: '如“2026年第三季度”' },
    { name: 'listed_on', label: '列入目录日期', type: 'date', required: true, filter: true },
    { name: 'catalog_status', label: '目录状态', type: 'dict', required: true, options: CATALOG_STATUS, filter: true, list: true, hint: '拟订 → 经集体讨论审定 → 向社会公布' },
    { name: 'approved_on', label: '审定日期', type: 'date' },
    // 条例 art. 3: the catalogue is published after the Party committee at the same level agrees
    { name: 'party_approved_on', label: '党委同意日期', type: 'date', filter: true, hint: '决策事项目录经同级党委同意后向社会公布（重大行政决策程序暂行条例第三条）' },
    { name: 'party_approval', label: '党委同意依据', type: 'text', maxLength: 120, hint: '如“镇党委会议纪要〔2026〕3号”' },
    { name: 'published_on', label: '公布日期', type: 'date' },
    { name: 'remarks', label: '备注', type: 'text', maxLength: 200 },
  ],
  rules: [
    requiredWhen('approved_on', is('catalog_status', '已审定', '已公布'), '已审定的目录事项须填写审定日期'),
    requiredWhen('published_on', is('catalog_status', '已公布'), '已公布的目录事项须填写公布日期'),
    requiredWhen('party_approved_on', is('catalog_status', '已公布'), '目录经同级党委同意后方可公布，须填写党委同意日期（重大行政决策程序暂行条例第三条）'),
    requiredWhen('party_approval', is('catalog_status', '已公布'), '目录经同级党委同意后方可公布，须填写党委同意依据（会议纪要或批复）'),
    requiredWhen('party_approval', (v) => filled(v, 'party_approved_on'), '请填写党委同意依据（会议纪要或批复）'),
    dateNotBefore('published_on', 'party_approved_on', '公布日期不能早于党委同意日期'),
    dateNotBefore('party_approved_on', 'approved_on', '党委同意日期不能早于审定日期'),
  ],
});

/** 合法性审查 (条例 art. 28): lawful, lawful once changed, or unlawful */
export const LR_CONCLUSIONS = ['合法', '修改后合法', '不合法'] as const;

const procedureFields = (key: string, label: string, skippable: boolean): FieldDef[] => [
  ...(skippable ? [{ name: `${key}_result`, label: `${label}情况`, type: 'dict', options: PROCEDURE_RESULTS, filter: true, group: label } as FieldDef] : []),
  { name: `${key}_date`, label: `${label}完成日期`, type: 'date', group: label },
  { name: `${key}_evidence`, label: `${label}材料摘要`, type: 'textarea', maxLength: 2000, group: label, hint: '开展方式、主要材料及结论' },
  ...(skippable ? [{ name: `${key}_skip_reason`, label: `${label}不适用理由`, type: 'text', maxLength: 300, group: label } as FieldDef] : []),
];

export const decisionLedger = defineLedger({
  name: 'decisions.decision',
  table: 'decisions_decision',
  label: '重大行政决策',
  noun: '决策事项',
  module: 'decisions',
  workflow: decisionWorkflow(),
  titleFields: ['title'],
  defaultSort: { field: 'started_on', dir: 'desc' },
  dateField: 'started_on',
  fields: [
    { name: 'title', label: '决策事项名称', type: 'text', required: true, maxLength: 120, searchable: true, list: true, group: '基本情况' },
    { name: 'catalog_item', label: '目录事项', type: 'ref', ref: 'decisions.catalog_item', group: '基本情况' },
    { name: 'kind', label: '事项类别', type: 'dict', options: DECISION_KINDS, filter: true, group: '基本情况' },
    { name: 'proposing_unit', label: '承办单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '基本情况' },
    { name: 'started_on', label: '启动日期', type: 'date', required: true, filter: true, list: true, group: '基本情况' },
    { name: 'summary', label: '决策草案要点', type: 'textarea', maxLength: 5000, searchable: true, group: '基本情况', hint: '向社会公开征求意见时在公开网站上显示' },
    { name: 'draft_published', label: '草案已公开征求意见', type: 'bool', filter: true, group: '公众参与' },
    { name: 'comment_from', label: '征求意见开始日期', type: 'date', group: '公众参与' },
    { name: 'comment_to', label: '征求意见截止日期', type: 'date', group: '公众参与' },
    { name: 'comment_short_reason', label: '征求意见期限少于30日的理由', type: 'text', maxLength: 300, group: '公众参与', hint: '重大行政决策程序暂行条例第十五条：一般不少于30日；因情况紧急等原因需要缩短的，应当予以说明（理由向社会公开）' },
    ...procedureFields('pp', '公众参与', true),
    ...procedureFields('er', '专家论证', true),
    ...procedureFields('ra', '风险评估', true),
    { name: 'lr_submitted_on', label: '送交合法性审查日期', type: 'date', filter: true, group: '合法性审查', hint: '合法性审查一般不少于7个工作日，自送审次日起算（可在系统设置中调整）' },
    ...procedureFields('lr', '合法性审查', false),
    { name: 'lr_conclusion', label: '合法性审查结论', type: 'dict', options: LR_CONCLUSIONS, filter: true, group: '合法性审查', hint: '结论为“不合法”的，不得作出决定，须重新审查' },
    { name: 'cd_date', label: '集体讨论会议日期', type: 'date', filter: true, group: '集体讨论决定' },
    { name: 'cd_meeting', label: '会议名称', type: 'text', maxLength: 60, group: '集体讨论决定', hint: '如“镇党委会议”“镇政府常务会议”' },
    { name: 'participants', label: '参会人员', type: 'textarea', maxLength: 1000, group: '集体讨论决定' },
    { name: 'speaking_order', label: '发言顺序', type: 'textarea', maxLength: 1000, group: '集体讨论决定', hint: '按发言先后，每行一人（或用顿号分隔）；主要负责人应末位表态' },
    { name: 'principal_leader', label: '主要负责人', type: 'text', maxLength: 20, group: '集体讨论决定' },
    { name: 'cd_evidence', label: '会议纪要摘要', type: 'textarea', maxLength: 2000, group: '集体讨论决定' },
    { name: 'leader_last', label: '主要负责人末位表态', type: 'bool', filter: true, group: '集体讨论决定', hint: '按发言顺序自动判断' },
    { name: 'leader_last_note', label: '末位表态提示', type: 'text', maxLength: 200, group: '集体讨论决定' },
    { name: 'decided_on', label: '决定日期', type: 'date', filter: true, list: true, group: '决定与公布' },
    { name: 'decision_result', label: '决定结果', type: 'dict', options: ['通过', '修改后通过', '暂缓', '不予通过'], filter: true, group: '决定与公布' },
    { name: 'doc_no', label: '决策文件文号', type: 'text', maxLength: 60, searchable: true, list: true, group: '决定与公布', numbered: { series: 'decisions.doc_no', label: '重大行政决策文件文号', defaultFormat: '{机关简称}政发〔{年}〕{序号}号', assignOn: { transition: 'publish' }, yearFrom: 'published_on' } },
    { name: 'published_on', label: '公布日期', type: 'date', filter: true, group: '决定与公布' },
    { name: 'archived_on', label: '归档日期', type: 'date', group: '决定与公布' },
    { name: 'evaluated_on', label: '决策后评估日期', type: 'date', filter: true, group: '决策后评估' },
    { name: 'evaluation', label: '评估结论', type: 'textarea', maxLength: 2000, group: '决策后评估' },
  ],
  rules: [
    { field: 'comment_short_reason', message: '征求意见期限少于30日的，须说明理由', check: (v) => decisionPeriodProblem(v) === null },
    dateNotBefore('comment_to', 'comment_from', '征求意见截止日期不能早于开始日期'),
    requiredWhen('comment_from', (v) => v['draft_published'] === true, '公开征求意见的，须填写征求意见期限'),
    requiredWhen('comment_to', (v) => v['draft_published'] === true, '公开征求意见的，须填写征求意见期限'),
    ...(['pp', 'er', 'ra'] as const).map((k) => requiredWhen(`${k}_skip_reason`, (v) => v[`${k}_result`] === SKIPPED, '依法不适用的，须记录理由')),
    // an edit may not record a decision the five procedures have not prepared (the transition refuses first, naming each)
    { field: 'decided_on', message: '五项法定程序未全部记录，不能记录决定日期', check: (v) => !filled(v, 'decided_on') || missingProcedures(v).length === 0 },
    dateNotBefore('lr_date', 'lr_submitted_on', '合法性审查完成日期不能早于送审日期'),
    dateNotBefore('decided_on', 'cd_date', '决定日期不能早于集体讨论日期'),
    dateNotBefore('published_on', 'decided_on', '公布日期不能早于决定日期'),
  ],
});

export const commentLedger = draftCommentLedger({
  name: 'decisions.comment',
  table: 'decisions_comment',
  label: '决策草案公众意见',
  draft: { name: 'decision', label: '决策事项', type: 'ref', ref: 'decisions.decision', required: true, filter: true, list: true },
  channels: COMMENT_CHANNELS,
  handling: HANDLING,
});

/** the public's comments on a draft put out for comment (a decision's, a normative document's), linked to the draft */
export function draftCommentLedger(o: { name: string; table: string; label: string; draft: FieldDef; channels: readonly string[]; handling: readonly string[] }) {
  return defineLedger({
    name: o.name,
    table: o.table,
    label: o.label,
    noun: '意见',
    module: 'decisions',
    titleFields: ['summary'],
    defaultSort: { field: 'submitted_on', dir: 'desc' },
    dateField: 'submitted_on',
    fields: [
      o.draft,
      { name: 'summary', label: '意见摘要', type: 'text', redact: true, required: true, maxLength: 100, searchable: true, list: true },
      { name: 'content', label: '意见内容', type: 'textarea', redact: true, required: true, maxLength: 5000, searchable: true },
      { name: 'channel', label: '提出渠道', type: 'dict', required: true, options: o.channels, filter: true, list: true },
      { name: 'submitter_name', label: '提出人', type: 'text', maxLength: 40, personal: 'name' },
      { name: 'contact', label: '联系方式', type: 'text', maxLength: 60, personal: 'generic' },
      { name: 'submitted_on', label: '提出日期', type: 'date', required: true, filter: true, list: true },
      { name: 'handling', label: '采纳情况', type: 'dict', options: o.handling, filter: true, list: true },
      { name: 'answer', label: '处理说明', type: 'textarea', redact: true, maxLength: 2000 },
      { name: 'answered_on', label: '答复日期', type: 'date', filter: true },
      { name: 'answer_published', label: '处理情况已公开', type: 'bool', filter: true, list: true },
    ],
    rules: [
      requiredWhen('answer', isAnswered, '已作出采纳情况的，须填写处理说明'),
      requiredWhen('answered_on', isAnswered, '已作出采纳情况的，须填写答复日期'),
      requiredWhen('handling', (v) => v['answer_published'] === true, '公开处理情况前须确定采纳情况'),
      dateNotBefore('answered_on', 'submitted_on', '答复日期不能早于提出日期'),
    ],
  });
}

function isAnswered(v: Readonly<Record<string, unknown>>): boolean {
  return filled(v, 'handling');
}
