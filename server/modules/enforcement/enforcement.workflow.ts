import { filled, numberOf } from '../../platform/ledger/rules.ts';
import { defineWorkflow, type GateCheck, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';
import { FIRST_VIOLATION, isExemption, NO_PENALTY } from './enforcement.exemption.ts';
import { OFFICER_FIELDS, officersIfNamed, registeredOfficers, twoOfficers } from './enforcement.officers.ts';
import { DECISION_EXTENSION_DAYS, EXTENSION_APPROVAL, PERIOD_CLOCKS, PERIOD_TRANSITIONS } from './enforcement.periods.ts';
import { hearingFacts, hearingOffered } from './enforcement.hearing.ts';
import { isSummary, loadEnforcementSettings, SUMMARY_DEFAULTS, SUMMARY_FILING_DAYS, summaryProblem } from './enforcement.summary.ts';
import { amountBand, benchmarkProblem, legalityReviewMissing, publishedInTime, topPenalty } from './enforcement.rules.ts';

const PENALTY = '行政处罚';

// 重大执法决定法制审核 (国办发〔2018〕118号): refused until the review and its opinion are on file
const reviewed: GateCheck = { message: '重大执法决定须先经法制审核：请先记录法制审核日期和审核意见，再作出决定', check: (v) => !legalityReviewMissing(v) };
// 行政裁量基准: the amount must lie within the matter's benchmark, or the departure must be reasoned
const withinBenchmark: GateCheck = { message: '罚款金额不在裁量基准范围内，须填写偏离裁量基准的理由', check: (v) => benchmarkProblem(v) !== 'outside' };
// 行政处罚法 art. 64: a party who asked for a hearing is heard before the decision (art. 65: decided on the hearing record)
const heard: GateCheck = {
  message: '当事人已要求听证，须先举行听证并记录听证日期（行政处罚法第六十四条、第六十五条）',
  check: (v) => !filled(v, 'hearing_requested_on') || filled(v, 'rights_waived_on') || (filled(v, 'hearing_on') && (!filled(v, 'decided_on') || String(v['decided_on']) >= String(v['hearing_on']))),
};
// 行政处罚法 arts. 63–64: a penalty of the art. 63 kinds is decided only after the party was told of the right to a hearing
const hearingRight: GateCheck = {
  message: '拟作出的处罚属于行政处罚法第六十三条应告知听证权利的情形，告知时未告知当事人有要求听证的权利：须先告知听证权利',
  check: hearingOffered,
};
// the investigation ends with a proposal (调查终结报告的处理意见): it decides 重大, the hearing right and the notice's text
const proposalMade: GateCheck = {
  message: '调查终结须提出处理意见：请填写拟处罚种类（拟罚款的，填写拟罚款金额）',
  check: (v) => v['case_type'] !== PENALTY || (Array.isArray(v['proposed_kinds']) && v['proposed_kinds'].length > 0 && (!(v['proposed_kinds'] as unknown[]).includes('罚款') || filled(v, 'proposed_amount'))),
};
const REVIEW_FIELDS = ['review_on', 'reviewer', 'review_opinion', 'review_conclusion', 'deliberated_on', 'deliberation_participants', 'deliberation_conclusion', 'deliberation_minutes'];
const DECISION_STEPS = ['decided_on', 'publication_due_on', 'served_on', 'executed_on', 'closed_on'];
const majorDecision = (v: Readonly<Record<string, unknown>>): boolean => v['major'] === true && filled(v, 'decided_on');
// the withdrawal clock runs for a published penalty decision whose publication was not already withdrawn before the change
const publishedWhenChanged = (v: Readonly<Record<string, unknown>>): boolean =>
  v['case_type'] === PENALTY && filled(v, 'published_on') && (!filled(v, 'publication_withdrawn_on') || String(v['publication_withdrawn_on']) >= String(v['changed_on']));

// 行政处罚法 art. 33: a 不予处罚 decision names its ground, gives no other penalty, and a first violation is a first one
const exemptionGrounded: GateCheck = { message: '决定不予处罚的，须选择不予处罚的依据（行政处罚法第三十三条）', check: (v) => !isExemption(v) || filled(v, 'exemption_ground') };
const exemptionAlone: GateCheck = {
  message: '决定不予处罚的，不能同时给予其他处罚或处以罚款；未决定不予处罚的，不填写不予处罚依据',
  check: (v) => (isExemption(v) ? (v['penalty_kinds'] as unknown[]).every((k) => k === NO_PENALTY) && !((numberOf(v, 'amount') ?? 0) > 0) : !filled(v, 'exemption_ground')),
};
const firstViolation: GateCheck = {
  message: '当事人此前有同一执法事项的违法行为，不适用“初次违法”不予处罚（行政处罚法第三十三条第一款）',
  check: (v) => v['exemption_ground'] !== FIRST_VIOLATION || (numberOf(v, 'prior_violations') ?? 0) === 0,
};

// 行政处罚法 art. 57(2): a penalty for a complicated or major violation is decided by the organ's heads collectively
const deliberated: GateCheck = {
  message: '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）：请先记录集体讨论',
  check: (v) => v['major'] !== true || (filled(v, 'deliberated_on') && filled(v, 'deliberation_conclusion') && (!filled(v, 'decided_on') || String(v['decided_on']) >= String(v['deliberated_on']))),
};
/** the heads who took part, as typed (张三、李四 or one per line) */
export const participants = (v: Readonly<Record<string, unknown>>): string[] => [...new Set(String(v['deliberation_participants'] ?? '').split(/[\s,，、;；]+/).filter(Boolean))];

const benchmarkChosen: GateCheck = { message: '处以罚款的，须先选择适用的裁量基准（情形）', check: (v) => benchmarkProblem(v) !== 'no_benchmark' };

/**
 * 行政处罚、行政检查、行政强制 cases (行政处罚法 2021). The state follows the dates, so imported records land right;
 * every clock starts and stops on a date field. A penalty runs 案源登记 → 立案 → 调查终结 → 告知 → 决定 → 送达 → 执行
 * → 结案, the 法制审核 recorded before the decision (it leaves the state as it is); an inspection is recorded with its result and closed.
 */
export function caseWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      registered: { label: '案源登记' },
      filed: { label: '已立案' },
      investigated: { label: '调查终结' },
      notified: { label: '已告知' },
      decided: { label: '已作出决定' },
      served: { label: '已送达' },
      executed: { label: '已执行' },
      closed: { label: '已结案', final: true },
      dropped: { label: '不予立案', final: true },
      revoked: { label: '决定已撤销', final: true },
    },
    initial: 'registered',
    deriveState: (v) => {
      if (filled(v, 'revoked_on')) return 'revoked';
      if (filled(v, 'closed_on')) return 'closed';
      if (v['case_type'] !== PENALTY && v['case_type'] !== '行政强制') return 'registered';
      if (filled(v, 'executed_on')) return 'executed';
      if (filled(v, 'served_on')) return 'served';
      if (filled(v, 'decided_on')) return 'decided';
      if (filled(v, 'notified_on')) return 'notified';
      if (filled(v, 'investigated_on')) return 'investigated';
      if (filled(v, 'filed_on')) return 'filed';
      return 'registered';
    },
    computeFields: (v) => ({ amount_band: amountBand(v), published_in_time: publishedInTime(v), top_penalty: topPenalty(v), ...hearingFacts(v) }),
    derived: {
      amount_band: '按罚款金额自动确定',
      published_in_time: '按公示日期是否晚于公示期限自动判断',
      top_penalty: '在作出处罚决定时按罚款金额是否等于所适用裁量基准的上限自动认定',
      major: '按处罚种类、罚款（没收）金额和当事人类型自动认定（行政处罚法第六十三条情形属重大执法决定）',
      hearing_required: '按处罚种类、罚款（没收）金额和当事人类型自动认定（行政处罚法第六十三条）',
    },
    loadSettings: loadEnforcementSettings,
    // the 承办人 is named at 立案 for convenience; staff change during a case and the record follows them
    editable: ['handler'],
    transitions: [
      // inspections: the on-site record and its result close the inspection (转立案 opens a new penalty case)
      {
        name: 'inspect',
        label: '记录检查结果',
        from: ['registered'],
        to: 'closed',
        todo: { when: (v) => v['case_type'] === '行政检查' },
        captures: ['inspection_result', 'inspection_record', 'rectify_due_on', 'closed_on'],
        gates: { fields: ['inspection_result', 'closed_on'], checks: [{ message: '只有行政检查案件可记录检查结果', check: (v) => v['case_type'] === '行政检查' }] },
      },
      { name: 'follow_up', label: '整改复查', from: ['closed'], todo: { when: (v) => v['inspection_result'] === '责令整改' && !filled(v, 'followed_up_on') }, captures: ['followed_up_on', 'follow_up_result'], gates: { fields: ['followed_up_on', 'follow_up_result'], checks: [{ message: '只有责令整改的检查需要复查', check: (v) => v['inspection_result'] === '责令整改' }] } },
      {
        name: 'file',
        label: '立案',
        from: ['registered'],
        to: 'filed',
        roles: ['reviewer', 'leader', 'county_admin'],
        todo: { label: '立案审批', when: (v) => v['case_type'] !== '行政检查' },
        captures: ['filed_on', 'filing_approver', 'handler', ...OFFICER_FIELDS],
        signedBy: 'filing_approver',
        gates: {
          fields: ['filed_on', 'filing_approver'],
          lookups: [registeredOfficers],
          checks: [
            // named at 立案 when known; required by 调查终结 at the latest
            officersIfNamed,
            { message: '行政检查案件不需立案，请记录检查结果', check: (v) => v['case_type'] !== '行政检查' },
            { message: '简易程序（当场处罚）案件不需立案，请办理“当场处罚”', check: (v) => !isSummary(v) },
          ],
        },
      },
      // 行政处罚法 arts. 51–52: the 简易程序 decides on the spot, the decision handed over at once; no 立案, 告知 window or review
      {
        name: 'decide_on_spot',
        label: '当场处罚',
        from: ['registered'],
        to: 'served',
        todo: { when: isSummary },
        captures: ['decided_on', 'spot_place', 'facts', 'penalty_kinds', 'amount', 'decision_result', 'served_on', 'service_method', ...OFFICER_FIELDS],
        gates: {
          fields: ['decided_on', 'spot_place', 'facts', 'penalty_kinds', 'decision_result', 'served_on'],
          lookups: [registeredOfficers],
          checks: [
            twoOfficers,
            { message: '只有简易程序的行政处罚案件可当场处罚：请在登记时选择“简易程序”', check: isSummary },
            { message: '当场处罚只能给予警告或者罚款，且不超过当场处罚的限额（行政处罚法第五十一条）', check: (v) => summaryProblem(v) === null },
            { message: '当场处罚决定书应当当场交付当事人（行政处罚法第五十二条）：送达日期须为决定日期', check: (v) => String(v['served_on']) === String(v['decided_on']) },
          ],
        },
      },
      // art. 52(3): the officers report the on-the-spot decision to their organ (备案)
      { name: 'file_summary', label: '当场处罚决定备案', from: ['served', 'executed', 'closed'], todo: { when: (v) => isSummary(v) && !filled(v, 'summary_filed_on') }, captures: ['summary_filed_on'], gates: { fields: ['summary_filed_on'], checks: [{ message: '只有当场处罚的决定需要备案', check: isSummary }] } },
      { name: 'drop', label: '不予立案', from: ['registered'], to: 'dropped', note: 'required' },
      {
        name: 'conclude_investigation',
        label: '调查终结',
        from: ['filed'],
        to: 'investigated',
        todo: true,
        captures: ['investigated_on', 'facts', 'proposed_kinds', 'proposed_amount', 'proposed_confiscated_value', ...OFFICER_FIELDS],
        gates: { fields: ['investigated_on', 'facts'], checks: [proposalMade, twoOfficers], lookups: [registeredOfficers] },
      },
      {
        name: 'legality_review',
        label: '法制审核',
        from: ['investigated', 'notified'],
        roles: ['legal_reviewer'],
        todo: { when: legalityReviewMissing },
        captures: ['review_on', 'reviewer', 'review_opinion', 'review_conclusion'],
        signedBy: 'reviewer',
        gates: { fields: ['review_on', 'reviewer', 'review_opinion', 'review_conclusion'] },
        // 不同意: no decision until the reviewer records a new review
        conclusion: { field: 'review_conclusion', negative: ['不同意'], blocks: ['decide'] },
      },
      // art. 57(2): the heads' collective discussion of a major case, its participants and conclusion (不同意 blocks the decision)
      {
        name: 'deliberate',
        label: '负责人集体讨论',
        from: ['investigated', 'notified'],
        roles: ['leader', 'county_admin'],
        todo: { when: (v) => v['major'] === true && !filled(v, 'deliberated_on') },
        captures: ['deliberated_on', 'deliberation_participants', 'deliberation_conclusion', 'deliberation_minutes'],
        gates: {
          fields: ['deliberated_on', 'deliberation_participants', 'deliberation_conclusion'],
          checks: [
            { message: '集体讨论须记录参加讨论的负责人（至少两人）', check: (v) => participants(v).length >= 2 },
            { message: '集体讨论的日期不能早于调查终结日期', check: (v) => !filled(v, 'investigated_on') || String(v['deliberated_on']) >= String(v['investigated_on']) },
          ],
        },
        conclusion: { field: 'deliberation_conclusion', negative: ['不同意拟处理意见'], blocks: ['decide'] },
      },
      // 行政处罚法 arts. 44–45, 63–64: notice of the intended penalty and of the right to be heard
      { name: 'notify', label: '告知陈述申辩（听证）权利', from: ['investigated'], to: 'notified', todo: true, captures: ['notified_on', 'hearing_right_notified', 'hearing_requested_on', 'hearing_notice_on', 'hearing_on', 'rights_waived_on'], gates: { fields: ['notified_on'] } },
      {
        name: 'hearing',
        label: '记录听证',
        from: ['notified'],
        captures: ['hearing_requested_on', 'hearing_notice_on', 'hearing_on', 'rights_waived_on'],
        gates: {
          fields: ['hearing_requested_on'],
          // art. 64(2) with art. 85: the parties are told of the hearing 7 working days before it
          notBefore: [{ id: 'hearing_notice', days: 7, unit: 'working', from: { field: 'hearing_notice_on' }, on: 'hearing_on', reason: (p) => `听证须在通知当事人${p}后举行`, statute: '行政处罚法第六十四条、第八十五条' }],
          // art. 64(1) with art. 85: the party asks within 5 working days of the notice; a later request is not taken
          notAfter: [{ id: 'hearing_request_late', days: 5, unit: 'working', from: { field: 'notified_on' }, on: 'hearing_requested_on', reason: (p, last) => `当事人要求听证的，应当在告知后${p}内提出，最后一日为${last}`, statute: '行政处罚法第六十四条、第八十五条' }],
        },
      },
      // art. 62: the party states in writing that he gives up 陈述、申辩 and the hearing: the window no longer holds the decision
      { name: 'waive', label: '记录当事人书面放弃陈述申辩（听证）', from: ['notified'], captures: ['rights_waived_on'], gates: { fields: ['rights_waived_on'] } },
      {
        name: 'decide',
        label: '作出处罚决定',
        from: ['notified'],
        to: 'decided',
        roles: ['leader', 'county_admin'],
        todo: { label: '作出决定' },
        captures: ['decided_on', 'decision_result', 'penalty_kinds', 'amount', 'confiscated_value', 'benchmark', 'benchmark_min', 'benchmark_max', 'departure_reason', 'first_violation_exempt', 'quick_minor', 'exemption_ground', 'prior_violations', 'prior_violation_check', 'publication_due_on'],
        gates: {
          after: ['notify'],
          fields: ['decided_on', 'decision_result'],
          checks: [reviewed, deliberated, heard, hearingRight, benchmarkChosen, withinBenchmark, exemptionGrounded, exemptionAlone, firstViolation],
          notBefore: [
            // arts. 44–45, 62–64 with art. 85 (working days): the party is heard, or asks for a hearing, within 5 working
            // days of the notice; the period is shortened only by the party's written waiver (art. 62)
            {
              id: 'hearing_request',
              days: 5,
              unit: 'working',
              from: { field: 'notified_on' },
              on: 'decided_on',
              reason: (p) => `当事人可在告知后${p}内要求听证`,
              statute: '行政处罚法第六十四条',
              when: (v) => v['case_type'] === PENALTY,
              unless: ['rights_waived_on'],
            },
          ],
        },
        // the range must come from the catalog, never from the request: only POST /api/enforcement/cases/:id/decide decides
        dedicated: { hint: '在本页“作出处罚决定”卡片中办理（按裁量基准核对罚款金额）' },
      },
      { name: 'serve', label: '送达', from: ['decided'], to: 'served', todo: true, captures: ['served_on', 'service_method'], gates: { fields: ['served_on', 'service_method'] } },
      { name: 'execute', label: '执行', from: ['served'], to: 'executed', todo: true, captures: ['executed_on', 'execution'], gates: { fields: ['executed_on', 'execution'] } },
      { name: 'close', label: '结案归档', from: ['executed', 'served'], to: 'closed', roles: ['reviewer', 'leader', 'county_admin'], todo: true, captures: ['closed_on'], gates: { fields: ['closed_on'] } },
      // 执法公示: publication and its withdrawal (with a reason) leave the state as it is
      { name: 'publish', label: '公示决定信息', from: ['decided', 'served', 'executed', 'closed'], todo: { when: (v) => !filled(v, 'published_on') }, captures: ['published_on'], gates: { fields: ['published_on'] } },
      ...PERIOD_TRANSITIONS,
      { name: 'unpublish', label: '撤回公示', from: ['notified', 'decided', 'served', 'executed', 'closed', 'revoked'], roles: ['reviewer', 'leader', 'county_admin'], note: 'required', captures: ['publication_withdrawn_on', 'publication_withdrawn_reason'], gates: { fields: ['publication_withdrawn_on', 'publication_withdrawn_reason', 'published_on'] } },
    ],
    clocks: [
      // 行政处罚法 art. 60: decide within 90 days of 立案
      // where the department's procedural rule allows (art. 60: 从其规定): 听证、鉴定、公告 … not counted, and extended
      // once by the head with the signed approval form (市场监督管理行政处罚程序规定 art. 64: 30 days)
      {
        id: 'decide',
        rule: { id: 'enforcement.decide', label: '处罚决定期限', days: 90, unit: 'calendar', extension: { days: DECISION_EXTENSION_DAYS, unit: 'calendar' } },
        start: { field: 'filed_on', when: (v) => v['case_type'] === PENALTY },
        stop: { field: 'decided_on' },
        pauseOn: ['pause_period'],
        resumeOn: ['resume_period'],
        extension: { roles: ['leader', 'county_admin'], noticeKind: EXTENSION_APPROVAL, on: ['extend_period'], field: 'period_extended_on' },
      },
      ...PERIOD_CLOCKS,
      // 国办发〔2018〕118号: publish within 7 working days of a penalty decision, 20 for other decisions
      // 行政处罚法 art. 52(3): an on-the-spot decision is reported to the organ; the period is the departments' (setting)
      { id: 'summary_filing', rule: { id: 'enforcement.summary_filing', label: '当场处罚决定备案期限', days: SUMMARY_DEFAULTS.filingDays, unit: 'working' }, daysSetting: SUMMARY_FILING_DAYS, start: { field: 'decided_on', when: isSummary }, stop: { field: 'summary_filed_on' } },
      // 行政处罚法 art. 61 with art. 85: a decision not handed over when announced is served within 7 working days
      { id: 'serve', rule: { id: 'enforcement.serve', label: '处罚决定书送达期限', days: 7, unit: 'working' }, start: { field: 'decided_on', when: (v) => v['case_type'] === PENALTY }, stop: { field: 'served_on' } },
      { id: 'publish', rule: { id: 'enforcement.publish', label: '处罚决定公示期限', days: 7, unit: 'working' }, start: { field: 'decided_on', when: (v) => v['case_type'] === PENALTY }, stop: { field: 'published_on' } },
      { id: 'publish_other', rule: { id: 'enforcement.publish_other', label: '执法决定公示期限', days: 20, unit: 'working' }, start: { field: 'decided_on', when: (v) => v['case_type'] !== PENALTY }, stop: { field: 'published_on' } },
      // 行政处罚法 art. 48 with art. 85: a published penalty decision changed or revoked is withdrawn within 3 working
      // days; recording the withdrawal (撤回公示) or publishing the changed decision again stops the clock
      { id: 'withdraw_publication', rule: { id: 'enforcement.withdraw_publication', label: '撤回公示期限', days: 3, unit: 'working' }, start: { field: 'changed_on', when: publishedWhenChanged }, stop: { field: 'publication_withdrawn_on', transitions: ['publish'] } },
    ],
    correction: {
      // 执法公示: a published decision is read-only like a closed case, until its publication is withdrawn
      lockedWhen: (v) => filled(v, 'published_on') && !filled(v, 'publication_withdrawn_on'),
      // a corrected major decision is reviewed (法制审核) and decided again: the review and the decision's steps are emptied
      clear: (v) => (majorDecision(v) ? [...REVIEW_FIELDS, ...DECISION_STEPS] : []),
      returnTo: (v) => (majorDecision(v) ? 'notified' : null),
      changedOnField: 'changed_on',
      revoke: { field: 'revoked_on', reasonField: 'revoke_reason', to: 'revoked', label: '撤销决定' },
    },
  });
}
