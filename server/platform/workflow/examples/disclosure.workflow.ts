import { defineWorkflow, type ClockStart, type WorkflowDef } from '../workflow.types.ts';

/**
 * 依申请公开 (政府信息公开条例 2019): answer within 20 working days (+20 with approval); a request to complete the
 * application pauses the clock and its receipt restarts it (art. 30); consulting a third party is not counted (art. 32).
 */
export function disclosureApplicationWorkflow(opts: { receivedField?: string } = {}): WorkflowDef {
  const received: ClockStart = opts.receivedField ? { field: opts.receivedField } : { onCreate: true };
  return defineWorkflow({
    states: {
      received: { label: '办理中' },
      awaiting_supplement: { label: '待补正' },
      consulting: { label: '征求第三方意见' },
      answered: { label: '已答复', final: true },
    },
    initial: 'received',
    transitions: [
      { name: 'request_supplement', label: '告知补正', from: ['received'], to: 'awaiting_supplement', gates: { attachments: ['补正告知书'] } },
      { name: 'supplement_received', label: '收到补正材料', from: ['awaiting_supplement'], to: 'received' },
      { name: 'consult', label: '征求第三方意见', from: ['received'], to: 'consulting', gates: { attachments: ['征求意见函'] } },
      { name: 'consulted', label: '第三方答复', from: ['consulting'], to: 'received' },
      { name: 'extend', label: '延期答复', from: ['received', 'consulting'], roles: ['leader', 'county_admin'], note: 'required' },
      { name: 'answer', label: '作出答复', from: ['received'], to: 'answered', gates: { attachments: ['答复告知书'] } },
    ],
    clocks: [
      {
        id: 'answer',
        rule: { id: 'disclosure.answer', label: '依申请公开答复期限', days: 20, unit: 'working', extension: { days: 20, unit: 'working' } },
        start: received,
        pauseOn: ['request_supplement', 'consult'],
        resumeOn: ['consulted'],
        restartOn: ['supplement_received'],
        stop: { transitions: ['answer'] },
        extension: { roles: ['leader', 'county_admin'], noticeKind: '延期答复告知书', on: ['extend'] },
      },
    ],
  });
}
