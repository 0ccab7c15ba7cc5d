import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { filled, forbiddenWhen, isEmpty, isFilled, notGreaterThan, numberOf, requiredWhen, text, yearOf } from '../../platform/ledger/rules.ts';
import { NODE_NAMES, nodeFitsDate } from './publicity.nodes.ts';

export const ACTIVITY_FORMS = ['法治讲座', '街头宣传咨询', '送法进村（社区）', '送法进校园', '送法进企业', '送法进机关', '以案释法', '法治文艺演出', '法律知识竞赛', '线上宣传', '入户发放宣传资料', '法治宣传栏（标语）', '其他形式'] as const;
/** the forms reports group as 送法"进村、进校、进企、进机关" */
export const SENDING_LAW_FORMS = ['送法进村（社区）', '送法进校园', '送法进企业', '送法进机关'] as const;

export const PUBLICITY_LAWS = [
  '宪法', '民法典', '国家安全法', '反间谍法', '反恐怖主义法', '反有组织犯罪法', '反电信网络诈骗法', '禁毒法', '刑法', '治安管理处罚法',
  '道路交通安全法', '安全生产法', '消防法', '突发事件应对法', '防范和处置非法集资条例', '消费者权益保护法', '食品安全法', '产品质量法', '农产品质量安全法',
  '未成年人保护法', '预防未成年人犯罪法', '家庭教育促进法', '妇女权益保障法', '反家庭暴力法', '老年人权益保障法', '劳动合同法', '保障农民工工资支付条例', '社会保险法',
  '土地管理法', '农村土地承包法', '森林法', '环境保护法', '乡村振兴促进法', '专利法', '商标法', '网络安全法', '个人信息保护法', '人民调解法', '法律援助法',
  '信访工作条例', '宗教事务条例', '兵役法', '国防教育法', '退役军人保障法', '行政处罚法', '传染病防治法', '烟花爆竹安全管理条例', '其他法律法规',
] as const;

export const AUDIENCES = ['村（居）民', '青少年学生', '企业经营管理人员和职工', '个体工商户', '农民工', '老年人', '妇女儿童', '公职人员', '村（社区）“两委”干部', '退役军人', '其他群体'] as const;

export const DUTY_FREQUENCIES = ['每月', '每季度', '每半年', '每年', '重要时间节点', '常态化开展'] as const;


export const activityLedger = defineLedger({
  name: 'publicity.activity',
  table: 'publicity_activity',
  label: '普法宣传活动',
  noun: '普法活动',
  module: 'publicity',
  titleFields: ['held_on', 'title'],
  defaultSort: { field: 'held_on', dir: 'desc' },
  dateField: 'held_on',
  fields: [
    { name: 'held_on', label: '活动日期', type: 'date', required: true, filter: true, list: true, group: '活动' },
    { name: 'title', label: '活动主题', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '活动' },
    { name: 'node', label: '宣传节点', type: 'dict', required: true, options: NODE_NAMES, filter: true, list: true, hint: '节点活动须在节点所在月份开展（宪法宣传周可自11月起）；不在特定节点的选“日常宣传”', group: '活动' },
    { name: 'form', label: '活动形式', type: 'dict', required: true, options: ACTIVITY_FORMS, filter: true, list: true, group: '活动' },
    { name: 'laws', label: '宣传的法律法规', type: 'dicts', required: true, options: PUBLICITY_LAWS, filter: true, group: '活动' },
    { name: 'audience', label: '主要宣传对象', type: 'dict', required: true, options: AUDIENCES, filter: true, group: '活动' },
    { name: 'village', label: '所在村（社区）', type: 'text', maxLength: 40, searchable: true, filter: true, group: '活动' },
    { name: 'location', label: '活动地点', type: 'text', required: true, maxLength: 100, searchable: true, group: '活动' },
    { name: 'organiser', label: '主办单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '组织' },
    { name: 'co_organisers', label: '协办（参与）单位', type: 'text', maxLength: 200, searchable: true, group: '组织' },
    { name: 'duty_id', label: '“谁执法谁普法”责任单位', type: 'ref', ref: 'publicity.duty', filter: true, hint: '属落实普法责任清单的活动，选择对应的清单事项', group: '组织' },
    { name: 'staff', label: '出动工作人员（人次）', type: 'int', min: 0, max: 10_000, group: '组织' },
    { name: 'contact', label: '联系人', type: 'text', maxLength: 20, group: '组织' },
    { name: 'contact_phone', label: '联系电话', type: 'phone', personal: 'phone', group: '组织' },
    { name: 'participants', label: '受教育群众（人次）', type: 'int', required: true, min: 0, max: 10_000_000, list: true, hint: '线上宣传填阅读（观看）人次', group: '成效' },
    { name: 'materials', label: '发放宣传资料（份）', type: 'int', min: 0, max: 10_000_000, list: true, hint: '含宣传册、折页和宣传品', group: '成效' },
    { name: 'consultations', label: '解答法律咨询（人次）', type: 'int', min: 0, max: 1_000_000, group: '成效' },
    { name: 'summary', label: '活动情况', type: 'textarea', maxLength: 2000, searchable: true, hint: '活动照片、签到表等作为附件上传', group: '成效' },
  ],
  rules: [
    { field: 'node', message: '活动日期不在该宣传节点所在月份，请核对节点或日期', check: (r) => !filled(r, 'node') || !filled(r, 'held_on') || nodeFitsDate(text(r, 'node'), text(r, 'held_on')) },
    notGreaterThan('consultations', 'participants', '解答咨询人次不能多于受教育群众人次'),
    { field: 'materials', message: '以发放宣传资料为形式的活动须填写发放份数', check: (r) => r['form'] !== '入户发放宣传资料' || (numberOf(r, 'materials') ?? 0) > 0 },
  ],
});

export const dutyLedger = defineLedger({
  name: 'publicity.duty',
  table: 'publicity_duty',
  label: '普法责任清单',
  noun: '责任清单事项',
  module: 'publicity',
  titleFields: ['unit', 'year'],
  defaultSort: { field: 'issued_on', dir: 'desc' },
  dateField: 'issued_on',
  fields: [
    { name: 'year', label: '责任年度', type: 'int', required: true, min: 2000, max: 2100, filter: true, list: true, group: '责任' },
    { name: 'unit', label: '责任单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '责任' },
    { name: 'issued_on', label: '清单印发日期', type: 'date', required: true, filter: true, group: '责任' },
    { name: 'leader', label: '分管领导', type: 'text', maxLength: 20, group: '责任' },
    { name: 'contact', label: '普法联络员', type: 'text', maxLength: 20, group: '责任' },
    { name: 'contact_phone', label: '联络员电话', type: 'phone', personal: 'phone', group: '责任' },
    { name: 'laws', label: '重点宣传的法律法规', type: 'dicts', required: true, options: PUBLICITY_LAWS, filter: true, list: true, group: '任务' },
    { name: 'audiences', label: '普法对象', type: 'dicts', required: true, options: AUDIENCES, filter: true, group: '任务' },
    { name: 'nodes', label: '重点宣传节点', type: 'dicts', options: NODE_NAMES, group: '任务' },
    { name: 'tasks', label: '普法任务', type: 'textarea', required: true, maxLength: 2000, searchable: true, group: '任务' },
    { name: 'frequency', label: '开展频次', type: 'dict', required: true, options: DUTY_FREQUENCIES, filter: true, group: '任务' },
    { name: 'planned_times', label: '计划开展活动（次）', type: 'int', required: true, min: 1, max: 1000, group: '任务' },
    // the activities recorded under the duty, never a number typed beside them (decision 0030)
    { name: 'done_times', label: '已开展活动（次）', type: 'int', list: true, group: '落实', counted: { ledger: 'publicity.activity', ref: 'duty_id' }, hint: '关联本事项的普法活动记录数；在普法宣传活动中选择本事项即计入' },
    { name: 'opening_times', label: '期初数（次）', type: 'int', min: 1, max: 1000, group: '落实', hint: '本清单事项在系统启用前已开展、未逐条录入的活动次数；须注明来源；单独列示，与已开展活动合计判断是否完成' },
    { name: 'opening_source', label: '期初数来源', type: 'text', maxLength: 100, searchable: true, group: '落实', hint: '如：城关镇2026年普法工作台账（纸质）' },
    { name: 'completed', label: '是否完成', type: 'bool', filter: true, list: true, group: '落实', reached: { count: 'done_times', opening: 'opening_times', target: 'planned_times' } },
    { name: 'remark', label: '落实情况说明', type: 'textarea', maxLength: 1000, group: '落实' },
  ],
  rules: [
    { field: 'issued_on', message: '清单应在责任年度或上一年度印发', check: (r) => yearOf(r, 'issued_on') === null || numberOf(r, 'year') === null || [Number(r['year']) - 1, Number(r['year'])].includes(yearOf(r, 'issued_on') ?? 0) },
    requiredWhen('opening_source', isFilled('opening_times'), '填写期初数的须注明来源'),
    forbiddenWhen('opening_source', isEmpty('opening_times'), '未填写期初数的不应填写期初数来源'),
  ],
});
