import { describe, expect, it } from 'vitest';
import { LEGAL_NODES, nodeFitsDate, upcomingNodes } from './publicity.nodes.ts';

describe('nodeFitsDate', () => {
  it.each([
    ['3·15 国际消费者权益日', '2025-03-14', true],
    ['3·15 国际消费者权益日', '2025-04-02', false],
    ['民法典宣传月（5月）', '2025-05-31', true],
    ['民法典宣传月（5月）', '2025-06-01', false],
    ['12·4 国家宪法日（宪法宣传周）', '2025-11-28', true],
    ['12·4 国家宪法日（宪法宣传周）', '2025-12-08', true],
    ['12·4 国家宪法日（宪法宣传周）', '2025-10-30', false],
    ['6·1 国际儿童节', '2025-05-30', true],
    ['春节、元宵节期间', '2026-03-03', true],
    ['春节、元宵节期间', '2026-07-01', false],
    ['日常宣传', '2025-08-08', true],
    ['其他节点', '2025-02-02', true],
  ] as const)('%s on %s → %s', (node, date, ok) => {
    expect(nodeFitsDate(node, date)).toBe(ok);
  });

  it('gives every node with a fixed day a month in which that day exists', () => {
    for (const n of LEGAL_NODES) {
      if (!('day' in n)) continue;
      const month = n.months.at(-1) ?? 0;
      expect(new Date(Date.UTC(2025, month - 1, n.day)).getUTCMonth(), n.name).toBe(month - 1);
    }
  });
});

describe('upcomingNodes', () => {
  it('lists the fixed-date nodes of the next days, earliest first', () => {
    expect(upcomingNodes('2026-11-22', 14)).toEqual([
      { name: '12·2 全国交通安全日', date: '2026-12-02' },
      { name: '12·4 国家宪法日（宪法宣传周）', date: '2026-12-04' },
    ]);
  });

  it('includes the day itself and the last day of the window', () => {
    expect(upcomingNodes('2026-06-12', 14).map((n) => n.name)).toEqual(['6·25 全国土地日', '6·26 国际禁毒日']);
    expect(upcomingNodes('2026-06-26', 0).map((n) => n.name)).toEqual(['6·26 国际禁毒日']);
  });

  it('crosses into the next year', () => {
    expect(upcomingNodes('2026-12-28', 14)).toEqual([{ name: '1·10 中国人民警察节', date: '2027-01-10' }]);
  });

  it('ignores nodes without a fixed day', () => {
    expect(upcomingNodes('2026-09-01', 14)).toEqual([]);
  });
});
