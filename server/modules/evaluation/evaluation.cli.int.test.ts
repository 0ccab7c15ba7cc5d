import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../../common/evaluation.types.ts';
import { today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { runEvaluationCli } from './evaluation.cli.ts';

// `fazhi evaluation ranking` on the demo county (last year's closed round), run on the test app's platform as the
// server runs a forwarded command
let t: TestApp;
const lastYear = Number(today.slice(0, 4)) - 1;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvaluationCli(args, { overrides: {}, platform: t.platform, out: (l) => out.push(l), err: (l) => err.push(l) }, async () => t.platform.modules);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('fazhi evaluation ranking', () => {
  it('prints the year’s closed round as the page shows it: totals, ranks and first-level points', async () => {
    const r = await run(['ranking', '--year', String(lastYear), '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const ranking = JSON.parse(r.out) as { roundId: number; closed: boolean; units: Array<{ orgCode: string; total: number; rank: number; groups: Record<string, number> }> };
    expect(ranking.closed).toBe(true);
    const county = await t.login('county');
    const page = json<RoundDetail>(await t.request(county, { method: 'GET', url: `/api/evaluation/rounds/${ranking.roundId}` }));
    expect(ranking.units.map((u) => [u.orgCode, u.total, u.rank])).toEqual(
      [...page.units].sort((a, b) => a.rank - b.rank || a.orgCode.localeCompare(b.orgCode)).map((u) => [u.orgCode, u.total, u.rank]),
    );
    for (const u of ranking.units) expect(Object.values(u.groups).reduce((a, b) => a + b, 0)).toBeCloseTo(u.total, 5);

    const text = await run(['ranking', '--round', String(ranking.roundId)]);
    expect(text.code, text.err).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toContain('已结束');
    expect(lines[2]?.startsWith('名次\t单位\t总分')).toBe(true);
    expect(lines.length).toBe(3 + ranking.units.length);
  });

  it('says what is wrong with the arguments, and when there is no round', async () => {
    for (const args of [['ranking'], ['ranking', '--year', '19'], ['ranking', '--round', 'x'], ['ranking', '--year', '2025', '--round', '1'], ['ranking', '--year', '2025', '--format', 'xml'], ['rank']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('用法');
    }
    const none = await run(['ranking', '--year', '2001']);
    expect(none.code).toBe(1);
    expect(none.err).toBe('2001年没有考核');
    const missing = await run(['ranking', '--round', '99999']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('考核 99999 不存在');
  });
});
