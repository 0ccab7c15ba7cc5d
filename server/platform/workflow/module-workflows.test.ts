import { describe, expect, it } from 'vitest';
import { petitionLedger } from '../../modules/petitions/petitions.ledgers.ts';
import { progressOf } from '../../modules/petitions/petitions.rules.ts';
import { workflowPermissions, workflowProblems } from './workflow.types.ts';
import { petitionWorkflow } from '../../modules/petitions/petitions.workflow.ts';
import { caseLedger as reconsiderationLedger, organLedger } from '../../modules/reconsideration/reconsideration.ledgers.ts';
import { reconsiderationCaseWorkflow, reconsiderationOrganWorkflow } from '../../modules/reconsideration/reconsideration.workflow.ts';

describe('the modules’ workflows', () => {
  it('fits the county’s reconsideration-organ ledger, the head alone deciding and extending', () => {
    const l = { ...organLedger, workflow: reconsiderationOrganWorkflow() };
    expect(workflowProblems(l)).toEqual([]);
    const byCode = new Map(workflowPermissions(l).map((p) => [p.code, p.roles]));
    expect(byCode.get('reconsideration.organ.transition.decide')).toEqual(['leader']);
    expect(byCode.get('reconsideration.organ.clock.decide.extend')).toEqual(['leader']);
  });

  it('fits the petitions ledger as it is declared today', () => {
    const l = { ...petitionLedger, workflow: petitionWorkflow({ computeFields: (v) => ({ progress: progressOf(v) }) }) };
    expect(workflowProblems(l)).toEqual([]);
    expect(workflowPermissions(l).map((p) => p.code)).toContain('petitions.case.clock.handle.extend');
  });

  it('fits the reconsideration ledger as it is declared today', () => {
    const l = { ...reconsiderationLedger, workflow: reconsiderationCaseWorkflow() };
    expect(workflowProblems(l)).toEqual([]);
    expect(workflowPermissions(l).map((p) => p.code)).toEqual([
      'reconsideration.case.transition.answer',
      'reconsideration.case.transition.record_hearing',
      'reconsideration.case.transition.record_decision',
      'reconsideration.case.transition.close',
      'reconsideration.case.clock.decide.extend',
      'reconsideration.case.correct',
    ]);
  });

  it('derives a petition state from its dates', () => {
    const derive = petitionWorkflow().deriveState ?? (() => null);
    expect(derive({ received_on: '2026-03-02' })).toBe('registered');
    expect(derive({ acceptance: '受理', accepted_on: '2026-03-05' })).toBe('handling');
    expect(derive({ acceptance: '导入相应程序', accepted_on: '2026-03-05' })).toBe('answered');
    expect(derive({ acceptance: '受理', reply_on: '2026-04-01', closed_on: '2026-04-10' })).toBe('closed');
    expect(derive({ acceptance: '受理', reply_on: '2026-04-01', review_requested_on: '2026-04-20' })).toBe('reviewing');
  });
});
