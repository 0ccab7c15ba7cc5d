import { DEMO_COUNTY, DEMO_TOWNS } from '../../demo/demo-county.ts';
import type { Rng } from '../../demo/fake.ts';

/** one organisation of the demo county that keeps publicity and study ledgers */
export interface DemoUnit {
  /** the town's code, or the county's for county departments */
  code: string;
  county: boolean;
  /** 城关镇, 石桥乡, 演示县 */
  name: string;
  /** 镇, 乡, 县: how its bodies are named (镇党委, 乡长办公会议, 县政府常务会议) */
  level: '镇' | '乡' | '县';
  /** records scale with size: the county seat is busiest */
  size: number;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  ...DEMO_TOWNS.map((t, i) => ({ code: t.code, county: false, name: t.name, level: t.name.endsWith('乡') ? ('乡' as const) : ('镇' as const), size: [1, 0.75, 0.55][i] ?? 0.5 })),
  { code: DEMO_COUNTY.code, county: true, name: DEMO_COUNTY.name, level: '县', size: 0.7 },
];

/** a practising lawyer of a fictional local firm, as legal advisors are named in ledgers */
export function lawFirm(r: Rng): string {
  return `演示县${r.pick(['正衡', '明德', '公信', '信达', '衡平', '中和'])}律师事务所`;
}
