import { describe, expect, it } from 'vitest';
import { checkRules } from '../../platform/ledger/ledger.validate.ts';
import { runDraw, type DrawInspector, type DrawTarget } from './draw.algorithm.ts';
import { caseLedger } from './enforcement.ledgers.ts';
import { amountBand, benchmarkProblem, legalityReviewMissing, publishedInTime, topPenalty } from './enforcement.rules.ts';
import { repeatedInspections } from './enforcement.service.ts';

describe('discretion benchmark', () => {
  it.each([
    [{ amount: 5000, benchmark_min: 2000, benchmark_max: 10000 }, null],
    [{ amount: 12000, benchmark_min: 2000, benchmark_max: 10000 }, 'outside'],
    [{ amount: 12000, benchmark_min: 2000, benchmark_max: 10000, departure_reason: '情节特别严重' }, null],
    [{ amount: 1000 }, 'no_benchmark'],
    [{ amount: 0 }, null],
    [{}, null],
  ])('judges %o as %s', (v, expected) => expect(benchmarkProblem(v)).toBe(expected));
});

describe('顶格处罚', () => {
  const decided = { decided_on: '2026-03-20', benchmark_min: 2000, benchmark_max: 10000 };
  it.each([
    [{ ...decided, amount: 10000 }, true],
    [{ ...decided, amount: 9900 }, false],
    [{ ...decided, amount: 12000, departure_reason: '情节特别严重' }, false],
    [{ decided_on: '2026-03-20', amount: 500 }, false],
    [{ ...decided, amount: 0 }, null],
    [{ benchmark_min: 2000, benchmark_max: 10000, amount: 10000 }, null],
  ])('judges %o as %s', (v, expected) => expect(topPenalty(v)).toBe(expected));
});

describe('legality review', () => {
  it('is missing for a major decision without an opinion', () => {
    expect(legalityReviewMissing({ major: true, review_on: '2026-03-01' })).toBe(true);
    expect(legalityReviewMissing({ major: true, review_on: '2026-03-01', review_opinion: '同意' })).toBe(false);
    expect(legalityReviewMissing({ major: false })).toBe(false);
  });
});

describe('amount bands', () => {
  it.each([
    [0, '不罚款'], [500, '1000元以下'], [1000, '1000元至1万元'], [9999, '1000元至1万元'], [10000, '1万元至10万元'], [200000, '10万元以上'],
  ])('puts %d in %s', (amount, band) => expect(amountBand({ decided_on: '2026-01-05', amount })).toBe(band));
  it('has no band before the decision', () => expect(amountBand({ amount: 100 })).toBeNull());
});

describe('hearing time limits (行政处罚法 art. 64)', () => {
  const base = { case_no: 'x', case_type: '行政处罚', domain: '城管', matter: 1, source: '日常巡查', registered_on: '2026-03-01', summary: 's', party_kind: '单位', party_name: 'a', party_uscc: '91350100M000100Y43' };
  const messages = (v: Record<string, unknown>): string[] => checkRules(caseLedger, { ...base, ...v }).map((e) => e.message);
  it('refuses, on any edit or import, a fine outside the recorded benchmark without a reason', () => {
    const fine = { decided_on: '2026-03-20', amount: 12000, benchmark_min: 2000, benchmark_max: 10000 };
    expect(messages(fine).join()).toContain('须填写偏离裁量基准的理由');
    expect(messages({ ...fine, departure_reason: '当事人违法所得较大，经集体讨论从重处罚' }).join()).not.toContain('裁量基准');
  });
  it('refuses, on any edit or import, a major decision recorded before its legality review', () => {
    const decided = { major: true, decided_on: '2026-03-20' };
    expect(messages(decided).join()).toContain('重大执法决定须先经法制审核');
    expect(messages({ ...decided, review_on: '2026-03-21', review_opinion: '同意' }).join()).toContain('决定日期不能早于法制审核日期');
    expect(messages({ ...decided, review_on: '2026-03-18', review_opinion: '同意' }).join()).not.toContain('法制审核');
    expect(messages({ major: true }).join()).not.toContain('法制审核');
  });
  it('marks a publication on or before its deadline as in time', () => {
    expect(publishedInTime({ publication_due_on: '2026-03-31', published_on: '2026-03-31' })).toBe(true);
    expect(publishedInTime({ publication_due_on: '2026-03-31', published_on: '2026-04-01' })).toBe(false);
    expect(publishedInTime({ publication_due_on: '2026-03-31' })).toBeNull();
  });
  it('refuses on import a hearing request certainly later than 5 working days after the notice (the step counts exactly)', () => {
    expect(messages({ notified_on: '2026-03-10', hearing_requested_on: '2026-03-29' }).join()).toContain('5个工作日内');
    // a Tuesday's notice runs to the next Tuesday: a request on the 6th calendar day is in time (art. 85)
    expect(messages({ notified_on: '2026-03-10', hearing_requested_on: '2026-03-16' }).join()).not.toContain('5个工作日内');
    expect(messages({ notified_on: '2026-03-10', hearing_requested_on: '2026-03-28' }).join()).not.toContain('5个工作日内');
  });
  it('refuses a hearing notice less than 7 days before the hearing', () => {
    expect(messages({ hearing_notice_on: '2026-03-20', hearing_on: '2026-03-26' }).join()).toContain('7日前');
    expect(messages({ hearing_notice_on: '2026-03-19', hearing_on: '2026-03-26' }).join()).not.toContain('7日前');
  });
  it('asks a person for an ID number and an organisation for a USCC', () => {
    expect(messages({ party_kind: '个人', party_uscc: null }).join()).toContain('身份证号码');
    expect(messages({ party_uscc: null }).join()).toContain('统一社会信用代码');
  });
});

const targets: DrawTarget[] = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `对象${i + 1}`, uscc: `U${String(i).padStart(3, '0')}`, domain: i % 2 ? '城管' : '安全生产' }));
const inspectors: DrawInspector[] = Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, name: `人员${i}`, certNo: `C${i}`, qualifications: i === 0 ? ['城管'] : ['城管', '安全生产'], avoid: i === 1 ? ['U000', 'U001', 'U002', 'U003'] : [] }));

describe('the 双随机 draw', () => {
  it('gives the same targets and inspectors for the same seed and lists', () => {
    const a = runDraw('seed-2026-01', targets, inspectors, 6, 2);
    expect(runDraw('seed-2026-01', [...targets].reverse(), [...inspectors].reverse(), 6, 2)).toEqual(a);
    expect(a).toHaveLength(6);
  });
  it('gives a different draw for another seed', () => {
    expect(runDraw('seed-2026-02', targets, inspectors, 6, 2)).not.toEqual(runDraw('seed-2026-01', targets, inspectors, 6, 2));
  });
  it('never sends an inspector who must avoid the target or lacks the qualification', () => {
    for (const seed of ['a1', 'b2', 'c3', 'd4', 'e5']) {
      for (const a of runDraw(seed, targets, inspectors, 30, 3)) {
        const t = targets.find((x) => x.id === a.targetId);
        expect(a.inspectorIds).toHaveLength(3);
        for (const id of a.inspectorIds) {
          const i = inspectors.find((x) => x.id === id);
          expect(i?.avoid).not.toContain(t?.uscc);
          expect(i?.qualifications).toContain(t?.domain);
        }
      }
    }
  });
});

describe('repeated-inspection alert', () => {
  const v = (orgCode: string, date: string, uscc = 'U1') => ({ uscc, party: '甲公司', orgCode, orgName: orgCode, date, caseId: Number(date.replaceAll('-', '')) });
  it('flags a party inspected by two bodies within 30 days', () => {
    const out = repeatedInspections([v('A', '2026-03-01'), v('B', '2026-03-30')]);
    expect(out).toHaveLength(1);
    expect(out[0]?.bodies).toEqual(['A', 'B']);
  });
  it('ignores visits 30 days or more apart and visits by one body', () => {
    expect(repeatedInspections([v('A', '2026-03-01'), v('B', '2026-03-31')])).toEqual([]);
    expect(repeatedInspections([v('A', '2026-03-01'), v('A', '2026-03-05')])).toEqual([]);
  });
});
