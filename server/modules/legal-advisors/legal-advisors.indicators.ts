import { defineIndicators } from '../../platform/indicators/indicator.types.ts';

const GOVERNMENT_DOCUMENTS = ['政府合同', '协议', '行政规范性文件', '重大行政决策', '信访答复', '其他法律文书'];
const CONTRACTS = ['政府合同', '协议', '村（居）合同'];
const MEETINGS = ['列席党委会（政府常务会）', '参加专题会议'];
const LAW_AFFAIRS = ['诉讼（复议）代理', '矛盾纠纷化解', '信访接待', '涉法事务处置'];

export const legalAdvisorIndicators = defineIndicators([
  { id: 'legal-advisors.reviews', kind: 'count', ledger: 'advisors.review', label: '合法性审查（合同审查）事项', unit: '件', breakdown: 'review_type', description: '期间收件的全部审查事项，含村（居）合同' },
  { id: 'legal-advisors.government_documents', kind: 'count', ledger: 'advisors.review', label: '审查修改各类政府合同、协议及其他法律文书', unit: '件', where: { review_type: GOVERNMENT_DOCUMENTS }, breakdown: 'review_type', description: '本级政府送审的合同、协议、规范性文件、决策和其他法律文书，不含村（居）合同' },
  { id: 'legal-advisors.contracts', kind: 'count', ledger: 'advisors.review', label: '审查合同', unit: '件', where: { review_type: CONTRACTS }, breakdown: 'review_type', description: '政府合同、协议和村（居）合同' },
  // review figures by kind, as the report states them: 合同, 规范性文件, 重大决策, 其他
  { id: 'legal-advisors.normdoc_reviews', kind: 'count', ledger: 'advisors.review', label: '审查行政规范性文件', unit: '件', where: { review_type: '行政规范性文件' } },
  { id: 'legal-advisors.decision_reviews', kind: 'count', ledger: 'advisors.review', label: '审查重大行政决策', unit: '件', where: { review_type: '重大行政决策' } },
  { id: 'legal-advisors.other_reviews', kind: 'count', ledger: 'advisors.review', label: '审查其他法律文书', unit: '件', where: { review_type: ['信访答复', '其他法律文书'] }, breakdown: 'review_type' },
  { id: 'legal-advisors.opinions_issued', kind: 'count', ledger: 'advisors.review', label: '出具法律意见书', unit: '份', where: { completed_on: { present: true } }, dateField: 'completed_on', description: '出具意见日期在期间内的审查事项' },
  { id: 'legal-advisors.contracts_filed', kind: 'count', ledger: 'advisors.contract', label: '政府合同备案', unit: '件', breakdown: 'filed_to' },
  { id: 'legal-advisors.contracts_filed_amount', kind: 'sum', ledger: 'advisors.contract', field: 'amount', label: '备案政府合同金额', unit: '万元' },
  { id: 'legal-advisors.village_contracts', kind: 'count', ledger: 'advisors.review', label: '审查村（居）合同', unit: '件', where: { review_type: '村（居）合同' } },
  { id: 'legal-advisors.contract_amount', kind: 'sum', ledger: 'advisors.review', field: 'contract_amount', label: '审查合同涉及金额', unit: '万元', where: { review_type: CONTRACTS } },
  { id: 'legal-advisors.reviews_completed', kind: 'count', ledger: 'advisors.review', label: '已出具审查意见', unit: '件', where: { progress: '已出具意见' }, breakdown: 'conclusion' },
  { id: 'legal-advisors.reviews_pending', kind: 'count', ledger: 'advisors.review', label: '正在审查', unit: '件', where: { progress: ['审查中', '退回补充材料'] } },
  { id: 'legal-advisors.suggestions', kind: 'sum', ledger: 'advisors.review', field: 'suggestions', label: '审查提出修改意见建议', unit: '条' },
  { id: 'legal-advisors.suggestions_adopted', kind: 'sum', ledger: 'advisors.review', field: 'adopted', label: '审查意见建议被采纳', unit: '条' },
  { id: 'legal-advisors.adoption_rate', kind: 'ratio', label: '审查意见建议采纳率', unit: '%', numerator: 'legal-advisors.suggestions_adopted', denominator: 'legal-advisors.suggestions', digits: 0 },
  { id: 'legal-advisors.affairs', kind: 'count', ledger: 'advisors.affair', label: '法律顾问履职', unit: '次', breakdown: 'affair_type' },
  { id: 'legal-advisors.opinions', kind: 'sum', ledger: 'advisors.affair', field: 'opinions', label: '提供法律意见建议', unit: '条', description: '法律顾问在会议议题审查、专题会议和涉法事务中提出的意见建议' },
  { id: 'legal-advisors.meetings', kind: 'count', ledger: 'advisors.affair', label: '法律顾问列席（参加）会议', unit: '次', where: { affair_type: MEETINGS }, breakdown: 'affair_type' },
  { id: 'legal-advisors.law_affairs', kind: 'count', ledger: 'advisors.affair', label: '参与处置各类涉法事务', unit: '次', where: { affair_type: LAW_AFFAIRS }, breakdown: 'affair_type' },
  { id: 'legal-advisors.litigation', kind: 'count', ledger: 'advisors.affair', label: '代理诉讼（复议）案件', unit: '件', where: { affair_type: '诉讼（复议）代理' } },
  { id: 'legal-advisors.consultations', kind: 'count', ledger: 'advisors.affair', label: '驻村（社区）开展法律咨询', unit: '次', where: { affair_type: '驻村（社区）法律咨询' } },
  { id: 'legal-advisors.consulted_people', kind: 'sum', ledger: 'advisors.affair', field: 'people', label: '解答群众法律咨询', unit: '人次', where: { affair_type: '驻村（社区）法律咨询' } },
  { id: 'legal-advisors.lectures', kind: 'count', ledger: 'advisors.affair', label: '法律顾问开展法治讲座', unit: '场', where: { affair_type: '法治讲座（培训）' } },
  { id: 'legal-advisors.lecture_audience', kind: 'sum', ledger: 'advisors.affair', field: 'people', label: '法治讲座受众', unit: '人次', where: { affair_type: '法治讲座（培训）' } },
  { id: 'legal-advisors.government_advisors', kind: 'count', ledger: 'advisors.advisor', label: '政府法律顾问', unit: '名', snapshot: true, where: { engagement: '在聘', kind: ['政府法律顾问', '部门法律顾问'] } },
  { id: 'legal-advisors.advisors', kind: 'count', ledger: 'advisors.advisor', label: '在聘法律顾问', unit: '名', snapshot: true, where: { engagement: '在聘' }, breakdown: 'kind' },
  { id: 'legal-advisors.villages_covered', kind: 'sum', ledger: 'advisors.advisor', field: 'served_count', label: '配备法律顾问的村（社区）', unit: '个', snapshot: true, where: { engagement: '在聘', kind: '村（居）法律顾问' }, description: '一村（居）一法律顾问：在聘村（居）法律顾问服务的村（社区）数之和' },
  { id: 'legal-advisors.legal_volunteers', kind: 'count', ledger: 'advisors.volunteer', label: '培育法律明白人', unit: '名', snapshot: true, where: { active: true }, breakdown: 'occupation' },
  { id: 'legal-advisors.legal_volunteers_trained', kind: 'count', ledger: 'advisors.volunteer', label: '参加培训的法律明白人', unit: '名', snapshot: true, where: { active: true, trained: true } },
  { id: 'legal-advisors.legal_volunteer_training_rate', kind: 'ratio', label: '法律明白人培训率', unit: '%', numerator: 'legal-advisors.legal_volunteers_trained', denominator: 'legal-advisors.legal_volunteers', digits: 0 },
]);
