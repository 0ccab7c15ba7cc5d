import { defineWorkflow, type WorkflowDef } from '../workflow.types.ts';

/**
 * 行政处罚案件 (行政处罚法 2021): no decision before the legality review and the notice of rights are on file
 * (国办发〔2018〕118号 重大执法决定法制审核); decide within 90 days of 立案 (art. 60); publish within 7 working days
 * of the decision (执法公示).
 */
export function penaltyWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      registered: { label: '案源登记' },
      filed: { label: '已立案' },
      investigated: { label: '调查终结' },
      reviewed: { label: '法制审核通过' },
      notified: { label: '已告知' },
      decided: { label: '已作出决定' },
      closed: { label: '已结案', final: true },
      dropped: { label: '不予立案', final: true },
    },
    initial: 'registered',
    transitions: [
      { name: 'file', label: '立案', from: ['registered'], to: 'filed' },
      { name: 'drop', label: '不予立案', from: ['registered'], to: 'dropped', note: 'required' },
      { name: 'conclude_investigation', label: '调查终结', from: ['filed'], to: 'investigated' },
      { name: 'legality_review', label: '法制审核', from: ['investigated'], to: 'reviewed', roles: ['legal_reviewer'], note: 'required', gates: { attachments: ['法制审核意见书'] } },
      { name: 'notify', label: '告知陈述申辩（听证）权利', from: ['reviewed'], to: 'notified', gates: { attachments: ['行政处罚事先告知书'] } },
      { name: 'decide', label: '作出处罚决定', from: ['notified'], to: 'decided', roles: ['leader'], gates: { after: ['legality_review', 'notify'], attachments: ['行政处罚决定书'] } },
      { name: 'publish', label: '公示处罚决定', from: ['decided', 'closed'] },
      { name: 'close', label: '结案', from: ['decided'], to: 'closed', gates: { attachments: ['结案审批表'] } },
    ],
    clocks: [
      { id: 'decide', rule: { id: 'penalty.decide', label: '处罚决定期限', days: 90, unit: 'calendar' }, start: { transitions: ['file'] }, stop: { transitions: ['decide'] } },
      { id: 'publish', rule: { id: 'penalty.publish', label: '处罚决定公示期限', days: 7, unit: 'working' }, start: { transitions: ['decide'] }, stop: { transitions: ['publish'] } },
    ],
  });
}
