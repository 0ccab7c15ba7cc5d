import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, is, requiredWhen } from '../../platform/ledger/rules.ts';
import { draftCommentLedger } from './decisions.ledgers.ts';
import { normdocPeriodProblem } from './decisions.rules.ts';
import { commentPeriods, normdocWorkflow, periodMessage } from './normdocs.workflow.ts';

export const EFFECT = ['现行有效', '已修改', '已废止', '已失效'] as const;
export const LEGALITY_CONCLUSIONS = ['合法', '修改后合法', '不合法'] as const;
export const FILED_TO = ['上一级人民政府', '本级人大常委会'] as const;
export const CLEANUP_RESULTS = ['继续有效', '修改', '废止'] as const;
export const FILING_CONCLUSIONS = ['合法', '要求纠正'] as const;
export const NORMDOC_COMMENT_CHANNELS = ['网站', '信函', '座谈会', '其他'] as const;
export const NORMDOC_HANDLING = ['采纳', '部分采纳', '未采纳'] as const;

export const documentLedger = defineLedger({
  name: 'normdocs.document',
  table: 'normdocs_document',
  label: '行政规范性文件',
  noun: '规范性文件',
  module: 'decisions',
  workflow: normdocWorkflow(),
  titleFields: ['doc_no', 'title'],
  defaultSort: { field: 'draft_on', dir: 'desc' },
  dateField: 'publish_on',
  uniqueFields: ['doc_no'],
  fields: [
    { name: 'title', label: '文件名称', type: 'text', required: true, maxLength: 120, searchable: true, list: true, group: '起草' },
    { name: 'drafting_unit', label: '起草单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '起草' },
    { name: 'draft_on', label: '起草日期', type: 'date', required: true, filter: true, group: '起草' },
    { name: 'affects_business', label: '与市场主体生产经营密切相关', type: 'bool', filter: true, group: '起草', hint: '是：征求意见不少于30日；否：不少于7个工作日' },
    { name: 'comment_from', label: '征求意见开始日期', type: 'date', group: '征求意见' },
    { name: 'comment_to', label: '征求意见截止日期', type: 'date', group: '征求意见' },
    { name: 'draft_summary', label: '征求意见稿要点', type: 'textarea', redact: true, maxLength: 5000, group: '征求意见', hint: '公开征求意见时在公开网站上显示' },
    { name: 'comment_summary', label: '意见采纳情况', type: 'textarea', maxLength: 2000, group: '征求意见' },
    { name: 'legality_review_on', label: '合法性审核日期', type: 'date', filter: true, group: '合法性审核' },
    { name: 'legality_conclusion', label: '审核结论', type: 'dict', options: LEGALITY_CONCLUSIONS, filter: true, group: '合法性审核' },
    { name: 'legality_opinion', label: '合法性审核意见', type: 'textarea', maxLength: 3000, group: '合法性审核' },
    { name: 'deliberation_on', label: '集体审议日期', type: 'date', group: '集体审议' },
    { name: 'deliberation_meeting', label: '审议会议', type: 'text', maxLength: 60, group: '集体审议' },
    { name: 'doc_no', label: '文号', type: 'text', maxLength: 60, searchable: true, list: true, group: '公布', numbered: { series: 'normdocs.document', label: '行政规范性文件文号', defaultFormat: '{机关简称}政规〔{年}〕{序号}号', assignOn: { transition: 'publish' }, yearFrom: 'publish_on' } },
    { name: 'publish_on', label: '公布日期', type: 'date', filter: true, list: true, group: '公布' },
    { name: 'valid_until', label: '有效期至', type: 'date', filter: true, list: true, group: '公布', hint: '规范性文件有效期一般不超过5年' },
    { name: 'filing_due_on', label: '报备截止日期', type: 'date', filter: true, group: '备案', hint: '公布之日起30日内（可在系统设置中调整），由系统计算' },
    { name: 'filed_to', label: '报备机关', type: 'dicts', options: FILED_TO, group: '备案' },
    { name: 'filed_on', label: '报备日期', type: 'date', filter: true, group: '备案' },
    { name: 'filed_on_time', label: '按时报备', type: 'bool', filter: true, list: true, group: '备案' },
    { name: 'filing_received_on', label: '接收备案日期', type: 'date', filter: true, group: '备案审查', hint: '县（区）人民政府接收乡镇报送备案的文件' },
    { name: 'filing_review_on', label: '备案审查日期', type: 'date', filter: true, group: '备案审查' },
    { name: 'filing_conclusion', label: '备案审查结论', type: 'dict', options: FILING_CONCLUSIONS, filter: true, list: true, group: '备案审查', hint: '要求纠正的，制定机关须在期限内纠正并报告纠正情况' },
    { name: 'filing_opinion', label: '备案审查意见', type: 'textarea', maxLength: 3000, group: '备案审查' },
    { name: 'correction_due_on', label: '纠正期限', type: 'date', group: '备案审查', deadline: { doneBy: 'corrected_on' } },
    { name: 'corrected_on', label: '纠正日期', type: 'date', group: '备案审查' },
    { name: 'correction_report', label: '纠正情况', type: 'textarea', maxLength: 3000, group: '备案审查' },
    { name: 'effect', label: '效力状态', type: 'dict', options: EFFECT, filter: true, list: true, group: '效力' },
    { name: 'effect_changed_on', label: '修改（废止、失效）日期', type: 'date', filter: true, group: '效力' },
    { name: 'effect_reason', label: '修改（废止）理由', type: 'text', maxLength: 300, group: '效力' },
  ],
  rules: [
    {
      field: 'comment_to',
      get message() {
        return periodMessage();
      },
      check: (v) => normdocPeriodProblem(v, undefined, commentPeriods()) === null,
    },
    dateNotBefore('filing_received_on', 'filed_on', '接收备案日期不能早于报备日期'),
    dateNotBefore('filing_review_on', 'filing_received_on', '备案审查日期不能早于接收备案日期'),
    // a correction follows a review that asked for it; a later review (after the correction) keeps both dates
    dateNotBefore('corrected_on', 'filing_received_on', '纠正日期不能早于接收备案日期'),
    dateNotBefore('comment_to', 'comment_from', '征求意见截止日期不能早于开始日期'),
    requiredWhen('doc_no', (v) => Boolean(v['publish_on']), '已公布的文件须填写文号'),
    requiredWhen('valid_until', (v) => Boolean(v['publish_on']), '已公布的文件须填写有效期'),
    requiredWhen('effect', (v) => Boolean(v['publish_on']), '已公布的文件须填写效力状态'),
    requiredWhen('effect_changed_on', is('effect', '已修改', '已废止', '已失效'), '请填写修改（废止、失效）日期'),
    dateNotBefore('valid_until', 'publish_on', '有效期不能早于公布日期'),
    dateNotBefore('filed_on', 'publish_on', '报备日期不能早于公布日期'),
    dateNotBefore('publish_on', 'legality_review_on', '公布日期不能早于合法性审核日期'),
  ],
});

export const cleanupLedger = defineLedger({
  name: 'normdocs.cleanup',
  table: 'normdocs_cleanup',
  label: '规范性文件清理',
  noun: '清理记录',
  module: 'decisions',
  titleFields: ['campaign_year', 'document'],
  defaultSort: { field: 'reviewed_on', dir: 'desc' },
  dateField: 'reviewed_on',
  fields: [
    { name: 'campaign_year', label: '清理年度', type: 'int', required: true, min: 2000, max: 2100, filter: true, list: true },
    { name: 'campaign', label: '清理批次', type: 'text', maxLength: 60, filter: true, hint: '如“2025年度规范性文件集中清理”' },
    { name: 'document', label: '规范性文件', type: 'ref', ref: 'normdocs.document', required: true, list: true },
    { name: 'result', label: '清理结果', type: 'dict', required: true, options: CLEANUP_RESULTS, filter: true, list: true },
    { name: 'reason', label: '理由', type: 'text', required: true, maxLength: 300 },
    { name: 'reviewed_on', label: '清理日期', type: 'date', required: true, filter: true, list: true },
  ],
});

/** public comments on a normative document's draft (国办发〔2018〕37号: drafts are put out for comment like decisions) */
export const normdocCommentLedger = draftCommentLedger({
  name: 'normdocs.comment',
  table: 'normdocs_comment',
  label: '规范性文件征求意见稿公众意见',
  draft: { name: 'document', label: '规范性文件', type: 'ref', ref: 'normdocs.document', required: true, filter: true, list: true },
  channels: NORMDOC_COMMENT_CHANNELS,
  handling: NORMDOC_HANDLING,
});
