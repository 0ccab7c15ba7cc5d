import { describe, expect, it } from 'vitest';
import { checkRules } from '../../platform/ledger/ledger.validate.ts';
import { caseLedger } from './reconsideration.ledgers.ts';
import { lostFor, outcomesFor, RECONSIDERATION_OUTCOMES, LITIGATION_OUTCOMES } from './reconsideration.rules.ts';

describe('lostFor', () => {
  it.each([
    ['撤销', true],
    ['变更', true],
    ['确认违法', true],
    ['确认无效', true],
    ['责令履行', true],
    ['维持', false],
    ['驳回复议请求', false],
    ['驳回诉讼请求', false],
    ['裁定驳回起诉', false],
    ['原告撤诉', false],
    ['撤回申请', false],
    ['终止', false],
    ['调解', null],
    ['其他', null],
  ] as const)('%s → %s', (outcome, expected) => {
    expect(lostFor(outcome)).toBe(expected);
  });

  it('has a decision for every outcome of both kinds', () => {
    const all = [...RECONSIDERATION_OUTCOMES, ...LITIGATION_OUTCOMES];
    expect(all.filter((o) => lostFor(o) === null).sort()).toEqual(['其他', '调解', '调解']);
  });
});

describe('case rules', () => {
  const suit = {
    kind: '行政诉讼', case_no: '（2026）演0101行初9号', filed_on: '2026-03-02', received_on: '2026-03-06', organ: '演示县人民法院', stage: '一审', after_reconsideration: false,
    applicant_type: '自然人', applicant_person: '张某', applicant_count: 1, respondent: '城关镇人民政府', act_category: '行政强制', act: '强制拆除行为',
  };
  const failing = (r: Record<string, unknown>): string[] => checkRules(caseLedger, r).map((e) => e.path);

  it('accepts a fresh suit', () => {
    expect(failing(suit)).toEqual([]);
  });

  it.each([
    ['a reconsideration stage on a suit', { stage: '决定' }, 'stage'],
    ['a reconsideration outcome on a suit', { outcome: '维持', decided_on: '2026-06-01', lost: false }, 'outcome'],
    ['a quashed act not counted as lost', { outcome: '撤销', decided_on: '2026-06-01', lost: false }, 'lost'],
    ['an outcome without lost', { outcome: '驳回诉讼请求', decided_on: '2026-06-01' }, 'lost'],
    ['a heard and decided suit without the head recorded', { hearing_on: '2026-05-10', outcome: '驳回诉讼请求', decided_on: '2026-06-01', lost: false }, 'head_appeared'],
    ['a head who appeared without a name', { hearing_on: '2026-05-10', head_appeared: true, head_title: '镇长' }, 'head_name'],
    ['a head absent without a reason', { hearing_on: '2026-05-10', head_appeared: false }, 'head_absence_reason'],
    ['a second instance without its case number', { stage: '二审' }, 'appeal_case_no'],
    ['a person applicant without a name', { applicant_person: null }, 'applicant_person'],
    ['closing before deciding', { outcome: '原告撤诉', decided_on: '2026-06-01', lost: false, closed_on: '2026-05-01' }, 'closed_on'],
  ] as const)('refuses %s', (_name, patch, field) => {
    expect(failing({ ...suit, ...patch })).toContain(field);
  });

  it('lets the clerk judge a mediated case either way', () => {
    expect(outcomesFor('行政诉讼')).toContain('调解');
    for (const lost of [true, false]) expect(failing({ ...suit, outcome: '调解', decided_on: '2026-06-01', lost })).toEqual([]);
  });

  it('requires a reconsideration to be at stage 决定 exactly when decided', () => {
    const recon = { ...suit, kind: '行政复议', case_no: '演府复〔2026〕3号', organ: '演示县人民政府', procedure: '普通程序', after_reconsideration: null, stage: '审理' };
    expect(failing(recon)).toEqual([]);
    expect(failing({ ...recon, outcome: '维持', decided_on: '2026-04-20', lost: false })).toContain('stage');
    expect(failing({ ...recon, stage: '决定' })).toContain('stage');
    expect(failing({ ...recon, procedure: null })).toContain('procedure');
  });
});
