/**
 * how a computed indicator turns a platform figure into points: `threshold` full points when the figure reaches `min`
 * (else none); `linear` from none at `zero` to full at `full` (a `zero` above `full` means lower is better: 败诉率);
 * `count` full points from `n` upwards, in proportion below
 */
export type Scoring = { type: 'threshold'; min: number } | { type: 'linear'; zero: number; full: number } | { type: 'count'; n: number };

/** a leaf's scoring rule: computed from a platform indicator, or scored by hand by the assessor with evidence */
export type IndicatorRule =
  | { kind: 'computed'; indicator: string; scoring: Scoring; /** points when the figure has nothing to count (a rate of 0/0): full (not applicable) or none */ whenNone: 'full' | 'zero' }
  | { kind: 'manual'; guide: string };

/** one indicator of a system: level 1 and 2 group their children (points = the children's sum), a leaf carries the rule */
export interface SystemItem {
  code: string;
  parent: string | null;
  label: string;
  points: number;
  rule?: IndicatorRule | undefined;
}

export interface EvaluationSystem {
  /** the platform indicators its computed leaves read, with their labels and units */
  indicators?: Record<string, { label: string; unit: string }> | undefined;
  id: number;
  key: string;
  version: number;
  title: string;
  note: string;
  items: SystemItem[];
  total: number;
  createdAt: string;
}

/** a record or page behind a hand score: a link inside the platform (/ledgers/…/123) with what it shows */
export interface Evidence {
  label: string;
  href: string;
}

/** the current score of one leaf for one unit */
export interface ScoreLine {
  code: string;
  label: string;
  max: number;
  kind: 'computed' | 'manual';
  points: number | null;
  /** computed: the figure, as the report prints it (92.5%, 3次), and where it came from */
  valueText: string | null;
  source: 'snapshot' | 'live' | 'hand' | null;
  sourceNote: string | null;
  /** computed: the list of the records behind the figure */
  link: string | null;
  evidence: Evidence[];
  reason: string | null;
  scoredBy: string | null;
  scoredAt: string | null;
  /** scored again after the round closed (更正), with its reason */
  correction: boolean;
  /** earlier scores of this leaf for this unit (re-scored, corrected) */
  earlier: number;
}

/** a round's kinds of unit, each ranked among its own: the county's towns, the county's departments */
export type UnitGroup = 'town' | 'department';
export const UNIT_GROUP_LABELS: Record<UnitGroup, string> = { town: '乡镇（街道）', department: '县直部门' };

export interface UnitResult {
  orgCode: string;
  orgName: string;
  /** ranked within its group: a department is not compared with a town */
  group: UnitGroup;
  resultId: number | null;
  state: string | null;
  stateLabel: string | null;
  total: number;
  /** the place among the units of its group (competition ranking) */
  rank: number;
  /** points per first-level indicator, by its code */
  groups: Record<string, number>;
  /** hand-scored leaves still without a score */
  unscored: number;
  objection: { reason: string; on: string; reply: string | null; repliedOn: string | null } | null;
  lines: ScoreLine[];
}

export interface RoundDetail {
  roundId: number;
  title: string;
  year: number;
  state: string | null;
  closed: boolean;
  /** 参评单位: 乡镇（街道）, 县直部门 or 乡镇和县直部门 */
  unitScope: string;
  /** how many units each group holds (a unit sees its own line only, and its rank among its group's) */
  groupSizes: Partial<Record<UnitGroup, number>>;
  system: EvaluationSystem;
  /** the first-level indicators (the ranking's columns) */
  groups: Array<{ code: string; label: string; points: number }>;
  units: UnitResult[];
}

export interface TaskProgress {
  orgCode: string;
  orgName: string;
  total: number;
  done: number;
  overdue: number;
  rate: number | null;
}

/** how a rule reads in Chinese, for the system's page and the score's evidence */
export function scoringText(s: Scoring, unit: string): string {
  switch (s.type) {
    case 'threshold':
      return `达到${s.min}${unit}得满分，未达到不得分`;
    case 'linear':
      return s.zero > s.full ? `${s.full}${unit}及以下得满分，${s.zero}${unit}及以上不得分，其间按比例计分` : `${s.full}${unit}及以上得满分，${s.zero}${unit}及以下不得分，其间按比例计分`;
    case 'count':
      return `达到${s.n}${unit}得满分，不足的按比例计分`;
  }
}

