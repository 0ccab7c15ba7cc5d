import { defineIndicators } from '../../platform/indicators/indicator.types.ts';

const L = 'petitions.case';
const H = 'petitions.hotline';

export const petitionIndicators = defineIndicators([
  { id: 'petitions.cases', kind: 'count', ledger: L, label: '处理群众投诉', unit: '宗', breakdown: 'channel', description: '期间登记的全部信访事项和群众投诉，按来源渠道分列' },
  // reports often quote letters and visits together: "其中来信来访70宗"
  { id: 'petitions.letters_visits', kind: 'count', ledger: L, label: '来信来访', unit: '宗', where: { channel: ['来信', '来访'] }, breakdown: 'channel' },
  { id: 'petitions.assigned', kind: 'count', ledger: L, label: '上级交办', unit: '宗', where: { channel: '上级交办' } },
  { id: 'petitions.online', kind: 'count', ledger: L, label: '网络问政', unit: '宗', where: { channel: '网络问政' } },
  { id: 'petitions.by_category', kind: 'count', ledger: L, label: '群众投诉（按问题类别）', unit: '宗', breakdown: 'category' },
  { id: 'petitions.visits', kind: 'count', ledger: L, label: '接待群众来访', unit: '次', where: { channel: '来访' }, breakdown: 'party_kind' },
  { id: 'petitions.visit_people', kind: 'sum', ledger: L, field: 'people_count', label: '接待来访群众', unit: '人次', where: { channel: '来访' } },
  { id: 'petitions.collective', kind: 'count', ledger: L, label: '集体访（联名信）', unit: '宗', where: { party_kind: '集体' }, breakdown: 'channel' },
  { id: 'petitions.accepted', kind: 'count', ledger: L, label: '受理信访事项', unit: '宗', where: { acceptance: '受理' } },
  { id: 'petitions.by_acceptance', kind: 'count', ledger: L, label: '信访事项受理情况', unit: '宗', breakdown: 'acceptance', description: '受理、转送有权机关、导入相应程序、告知向有权机关提出、不再受理（信访工作条例第二十二、二十三、三十一条）' },
  { id: 'petitions.closed', kind: 'count', ledger: L, label: '办结群众投诉', unit: '宗', where: { progress: '已办结' }, breakdown: 'channel', description: '期间登记且已办结的' },
  { id: 'petitions.closed_on_time', kind: 'count', ledger: L, label: '按期办结', unit: '宗', where: { on_time: true } },
  { id: 'petitions.on_time_rate', kind: 'ratio', label: '按期办结率', unit: '%', numerator: 'petitions.closed_on_time', denominator: 'petitions.closed', digits: 1 },
  { id: 'petitions.extended', kind: 'count', ledger: L, label: '经批准延期办理', unit: '宗', where: { extension_approved: true } },
  { id: 'petitions.rated', kind: 'count', ledger: L, label: '参与满意度评价', unit: '宗', where: { satisfaction: ['满意', '基本满意', '不满意'] }, breakdown: 'satisfaction' },
  { id: 'petitions.satisfied', kind: 'count', ledger: L, label: '满意（含基本满意）', unit: '宗', where: { satisfaction: ['满意', '基本满意'] } },
  { id: 'petitions.satisfaction_rate', kind: 'ratio', label: '群众满意率', unit: '%', numerator: 'petitions.satisfied', denominator: 'petitions.rated', digits: 1, description: '满意和基本满意占参与评价的比例，未评价的不计入' },
  { id: 'petitions.repeated', kind: 'count', ledger: L, label: '重复信访', unit: '宗', where: { repeated: true }, breakdown: 'channel' },
  { id: 'petitions.escalated', kind: 'count', ledger: L, label: '越级访', unit: '宗', where: { escalated: true } },
  { id: 'petitions.reviews', kind: 'count', ledger: L, label: '申请复查', unit: '宗', dateField: 'review_requested_on', breakdown: 'review_result', description: '期间提出复查申请的信访事项' },
  { id: 'petitions.rereviews', kind: 'count', ledger: L, label: '申请复核', unit: '宗', dateField: 'rereview_requested_on', breakdown: 'rereview_result' },
  { id: 'petitions.pending', kind: 'count', ledger: L, label: '正在办理', unit: '宗', snapshot: true, where: { progress: ['待受理', '办理中', '已答复'] }, breakdown: 'channel', description: '当前尚未办结的全部信访事项和投诉' },
  { id: 'petitions.by_class', kind: 'count', ledger: L, label: '信访事项（按类别）', unit: '宗', where: { matter_class: ['建议意见', '检举控告', '申诉求决'] }, breakdown: 'matter_class', description: '建议意见类、检举控告类、申诉求决类（信访工作条例第二十九至三十一条），不含改用“12345热线工单”台账前登记的12345工单' },
  { id: 'petitions.claims', kind: 'count', ledger: L, label: '申诉求决类信访事项', unit: '宗', where: { matter_class: '申诉求决' }, breakdown: 'acceptance' },
  // 12345 tickets on their own ledger (decision 0023): counted under 12345, never among the 信访事项 above; the
  // retired 12345 channel of a 信访 record has no indicator of its own (its old records are only in the channel breakdown)
  { id: 'petitions.hotline_tickets', kind: 'count', ledger: H, label: '办理12345热线工单', unit: '件', breakdown: 'request_kind', description: '期间收到派单的12345政务服务便民热线工单（“12345热线工单”台账），按诉求类型分列' },
  { id: 'petitions.hotline_returned', kind: 'count', ledger: H, label: '退单', unit: '件', where: { returned_on: { present: true } }, description: '不属于本单位职责、退回热线平台重新派单的工单' },
  { id: 'petitions.hotline_urgent', kind: 'count', ledger: H, label: '紧急工单', unit: '件', where: { urgency: '紧急' }, description: '按小时计时的紧急工单（默认1小时内签收、24小时内办结）' },
  { id: 'petitions.hotline_bounced', kind: 'count', ledger: H, label: '退回改派的工单', unit: '件', where: { bounced_on: { present: true } }, description: '派错单位、签收前退回派单机构申请改派的工单（统计在工单现所属单位名下，每次退回记入办理记录）' },
  { id: 'petitions.hotline_redispatched', kind: 'count', ledger: H, label: '改派的工单', unit: '件', where: { redispatched_on: { present: true } }, description: '经派单机构改派至其他承办单位的工单，统计在改派后的承办单位名下' },
  { id: 'petitions.hotline_visited', kind: 'count', ledger: H, label: '已回访评价的工单', unit: '件', where: { satisfaction: ['满意', '基本满意', '不满意'] }, breakdown: 'satisfaction' },
  { id: 'petitions.hotline_satisfied', kind: 'count', ledger: H, label: '回访满意（含基本满意）的工单', unit: '件', where: { satisfaction: ['满意', '基本满意'] } },
  { id: 'petitions.hotline_satisfaction_rate', kind: 'ratio', label: '12345热线工单回访满意率', unit: '%', numerator: 'petitions.hotline_satisfied', denominator: 'petitions.hotline_visited', digits: 1, description: '回访满意和基本满意的工单占已回访评价工单的比例' },
  { id: 'petitions.diverted', kind: 'count', ledger: L, label: '导入相应程序', unit: '宗', where: { acceptance: '导入相应程序' }, breakdown: 'diverted_to', description: '应通过诉讼、仲裁、行政复议等程序解决，导入相应程序并告知信访人的（信访工作条例第三十一条）' },
]);
