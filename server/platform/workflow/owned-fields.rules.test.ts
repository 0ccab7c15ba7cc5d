import { describe, expect, it } from 'vitest';
import { modules } from '../../modules/index.ts';
import { hearingFacts, hearingGrounds } from '../../modules/enforcement/enforcement.hearing.ts';
import { defineLedger, type LedgerDef } from '../ledger/ledger.types.ts';
import { conclusionState, conclusionToLabel, fieldOwners, ownershipMeta } from './owned-fields.rules.ts';
import { defineWorkflow, workflowProblems, type WorkflowDef } from './workflow.types.ts';

const review = (over: Partial<WorkflowDef> = {}): LedgerDef =>
  defineLedger({
    name: 'oftest.case',
    table: 'oftest_case',
    label: '测试案件',
    noun: '案件',
    module: 'oftest',
    titleFields: ['case_no'],
    fields: [
      { name: 'case_no', label: '案号', type: 'text', required: true },
      { name: 'handler', label: '承办人', type: 'text' },
      { name: 'notified_on', label: '告知日期', type: 'date' },
      { name: 'opinion', label: '审核意见', type: 'textarea' },
      { name: 'conclusion', label: '审核结论', type: 'dict', options: ['同意', '不同意'] },
      { name: 'decided_on', label: '决定日期', type: 'date' },
    ],
    workflow: defineWorkflow({
      states: { open: { label: '办理中' }, approved: { label: '已同意' }, refused: { label: '未同意' }, decided: { label: '已决定', final: true } },
      initial: 'open',
      transitions: [
        { name: 'notify', label: '告知', from: ['open'], captures: ['notified_on', 'handler'] },
        { name: 'review', label: '审核', from: ['open', 'approved', 'refused'], roles: ['legal_reviewer'], captures: ['opinion', 'conclusion'], conclusion: { field: 'conclusion', negative: ['不同意'], blocks: ['decide'], states: { 同意: 'approved', 不同意: 'refused' } } },
        { name: 'decide', label: '决定', from: ['approved'], to: 'decided', roles: ['leader'], captures: ['decided_on'] },
      ],
      editable: ['handler'],
      ...over,
    }),
  });

describe('workflow-owned fields (decision 0011)', () => {
  it('owns what transitions capture, except the editable list', () => {
    const wf = review().workflow as WorkflowDef;
    expect([...fieldOwners(wf).keys()].sort()).toEqual(['conclusion', 'decided_on', 'notified_on', 'opinion']);
    expect(ownershipMeta(review(), 'opinion')).toEqual({ ownedBy: [{ transition: 'review', label: '审核' }] });
    expect(ownershipMeta(review(), 'handler')).toEqual({});
  });

  it('routes a review by its conclusion and says so', () => {
    const wf = review().workflow as WorkflowDef;
    const t = wf.transitions[1];
    expect(t && conclusionState(t, { conclusion: '不同意' })).toBe('refused');
    expect(t && conclusionToLabel(wf, t)).toBe('同意→已同意；不同意→未同意');
  });

  it('refuses a declaration where another step with other roles records the review, or the conclusion is unsound', () => {
    expect(workflowProblems(review())).toEqual([]);
    const wf = review().workflow as WorkflowDef;
    const leaky = review({ transitions: wf.transitions.map((t) => (t.name === 'notify' ? { ...t, captures: ['notified_on', 'opinion'] } : t)) });
    expect(workflowProblems(leaky).join()).toContain('notify (clerk,reviewer,county_admin) captures opinion, which the review review records');
    const badValue = review({ transitions: wf.transitions.map((t) => (t.conclusion ? { ...t, conclusion: { ...t.conclusion, negative: ['驳回'] } } : t)) });
    expect(workflowProblems(badValue).join()).toContain('conclusion value 驳回 of review is not an option of conclusion');
    expect(workflowProblems(review({ editable: ['conclusion'] })).join()).toContain('conclusion field conclusion cannot be editable');
  });

  it('holds for every module’s declaration', () => {
    for (const m of modules) for (const l of m.ledgers ?? []) expect(workflowProblems(l), l.name).toEqual([]);
  });
});

describe('行政处罚法第六十三条: the hearing right and 重大 follow from the penalty', () => {
  const th = { person: 10_000, org: 100_000 };
  const penalty = { case_type: '行政处罚', party_kind: '个人', penalty_kinds: ['罚款'] };
  it('counts a large fine from the threshold for the party kind', () => {
    expect(hearingGrounds({ ...penalty, amount: 9_999 }, th)).toEqual([]);
    expect(hearingGrounds({ ...penalty, amount: 10_000 }, th)[0]).toContain('较大数额：10000元以上');
    expect(hearingGrounds({ ...penalty, party_kind: '单位', amount: 50_000 }, th)).toEqual([]);
    expect(hearingGrounds({ ...penalty, penalty_kinds: ['没收违法所得'], party_kind: '单位', confiscated_value: 100_000 }, th)).toHaveLength(1);
  });
  it('counts the heavy kinds whatever the amount, and nothing for other case types', () => {
    expect(hearingGrounds({ ...penalty, penalty_kinds: ['警告', '吊销许可证件'], amount: 0 }, th)).toEqual(['吊销许可证件']);
    expect(hearingFacts({ ...penalty, penalty_kinds: ['责令停产停业'] })).toEqual({ hearing_required: true, major: true });
    expect(hearingFacts({ case_type: '行政检查' })).toEqual({ hearing_required: null, major: null });
  });
});
