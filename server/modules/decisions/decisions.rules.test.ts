import { describe, expect, it } from 'vitest';
import { checkChallenge, issueChallenge } from './comment-challenge.ts';
import { decisionPeriodProblem, filingDue, lastSpeakerWarning, missingProcedures, normdocComputed, normdocPeriodProblem, speakers } from './decisions.rules.ts';

const complete = {
  pp_result: '已完成', pp_date: '2026-04-01', pp_evidence: '网站公开征求意见',
  er_result: '依法不适用', er_skip_reason: '不涉及专业技术问题',
  ra_result: '已完成', ra_date: '2026-04-05', ra_evidence: '低风险',
  lr_date: '2026-04-10', lr_evidence: '合法',
  cd_date: '2026-04-15', cd_meeting: '党委会议', participants: '甲、乙、丙', speaking_order: '甲、乙、丙', principal_leader: '丙', cd_evidence: '同意',
};

describe('the five procedures', () => {
  it('finds nothing missing when each is done with evidence or skipped with a reason', () => {
    expect(missingProcedures(complete)).toEqual([]);
  });
  it.each([
    ['pp_result', '公众参与'],
    ['er_skip_reason', '专家论证'],
    ['ra_evidence', '风险评估'],
    ['lr_date', '合法性审查'],
    ['speaking_order', '集体讨论决定'],
  ])('names the procedure when %s is missing', (field, label) => {
    const missing = missingProcedures({ ...complete, [field]: null });
    expect(missing.map((m) => m.procedure.label)).toEqual([label]);
    expect(missing[0]?.message).toContain(label);
  });
  it('does not let the legality review be skipped', () => {
    expect(missingProcedures({ ...complete, lr_date: null, lr_evidence: null }).map((m) => m.procedure.key)).toEqual(['lr']);
  });
});

describe('末位表态', () => {
  it('reads a speaking order written one per line or with 、', () => {
    expect(speakers('1. 张三\n2、李四\n王五')).toEqual(['张三', '李四', '王五']);
    expect(speakers('张三、李四，王五')).toEqual(['张三', '李四', '王五']);
  });
  it('warns when the principal leader does not speak last', () => {
    expect(lastSpeakerWarning(complete)).toBeNull();
    expect(lastSpeakerWarning({ ...complete, speaking_order: '甲、丙、乙' })).toBe('主要负责人丙未末位表态（最后发言：乙）');
    expect(lastSpeakerWarning({ ...complete, speaking_order: '甲、乙' })).toContain('没有主要负责人丙');
  });
});

describe('comment periods', () => {
  it('asks a reason for a decision comment period under 30 days', () => {
    expect(decisionPeriodProblem({ comment_from: '2026-03-01', comment_to: '2026-03-30' })).toBeNull();
    expect(decisionPeriodProblem({ comment_from: '2026-03-01', comment_to: '2026-03-29' })).toContain('29日');
    expect(decisionPeriodProblem({ comment_from: '2026-03-01', comment_to: '2026-03-20', comment_short_reason: '情况紧急' })).toBeNull();
  });
  it('counts 7 working days for a normative document, skipping the National Day holiday', () => {
    // 2026-09-28 (Mon) to 2026-10-09 (Fri): 国庆 1–7 Oct off; 9-28, 9-29, 9-30, 10-08, 10-09 and the 调休 Saturday 10-10 not included
    expect(normdocPeriodProblem({ comment_from: '2026-09-28', comment_to: '2026-10-09' })).toMatch(/7个工作日/);
    expect(normdocPeriodProblem({ comment_from: '2026-03-02', comment_to: '2026-03-10' })).toBeNull();
  });
  it('requires 30 days for a document closely affecting businesses', () => {
    expect(normdocPeriodProblem({ comment_from: '2026-03-02', comment_to: '2026-03-20', affects_business: true })).toContain('30日');
    expect(normdocPeriodProblem({ comment_from: '2026-03-02', comment_to: '2026-03-31', affects_business: true })).toBeNull();
  });
});

describe('filing clock', () => {
  it('is due 30 days after publication, a last day off work rolling to the next working day', () => {
    expect(filingDue('2026-03-02', 30)).toBe('2026-04-01');
    // 2026-09-01 + 30 = 10-01, inside the National Day holiday: due on 10-08 (10-09 is the first day after)
    expect(filingDue('2026-09-01', 30) > '2026-10-07').toBe(true);
  });
  it('marks a filing after the due date as late', () => {
    expect(normdocComputed({ publish_on: '2026-03-02', filed_on: '2026-04-01' }, 30)).toEqual({ filing_due_on: '2026-04-01', filed_on_time: true });
    expect(normdocComputed({ publish_on: '2026-03-02', filed_on: '2026-04-02' }, 30)).toEqual({ filing_due_on: '2026-04-01', filed_on_time: false });
    expect(normdocComputed({ publish_on: '2026-03-02' }, 15)).toEqual({ filing_due_on: '2026-03-17', filed_on_time: null });
  });
});

describe('comment challenge', () => {
  const key = 'k'.repeat(32);
  const t0 = new Date('2026-03-02T08:00:00Z');
  const later = new Date(t0.getTime() + 5000);
  const answerOf = (q: string): number => q.split(/[+=]/).slice(0, 2).reduce((s, x) => s + Number(x.trim()), 0);
  it('accepts the right answer once', () => {
    const c = issueChallenge(key, t0);
    const used = new Map<string, number>();
    expect(checkChallenge(key, c.token, answerOf(c.question), later, used)).toBeNull();
    expect(checkChallenge(key, c.token, answerOf(c.question), later, used)).toContain('已使用');
  });
  it('refuses a wrong answer, a forged token, an instant or a stale answer', () => {
    const c = issueChallenge(key, t0);
    expect(checkChallenge(key, c.token, answerOf(c.question) + 1, later, new Map())).toContain('不正确');
    expect(checkChallenge('x'.repeat(32), c.token, answerOf(c.question), later, new Map())).toContain('无效');
    expect(checkChallenge(key, c.token, answerOf(c.question), t0, new Map())).toContain('过快');
    expect(checkChallenge(key, c.token, answerOf(c.question), new Date(t0.getTime() + 3_600_000), new Map())).toContain('过期');
  });
  it('keeps the answer out of the token: nothing in it equals the sum, and without the key no guess can be checked', () => {
    // a = b = 5 (random 0.5): the answer is 10
    const c = issueChallenge(key, t0, () => 0.5);
    expect(c.question).toBe('5 + 5 = ?');
    const [payload = ''] = c.token.split('.');
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['h', 'n', 't']);
    expect(Object.values(data)).not.toContain(10);
    expect(JSON.stringify(data)).not.toMatch(/"(s|sum|answer)"/);
    // the same question twice gives different hashes (a fresh nonce), so answers cannot be tabulated
    const again = JSON.parse(Buffer.from(issueChallenge(key, t0, () => 0.5).token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(again['h']).not.toBe(data['h']);
    expect(checkChallenge(key, c.token, 10, later, new Map())).toBeNull();
  });
});
