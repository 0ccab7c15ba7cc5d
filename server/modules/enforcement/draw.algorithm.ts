import { createHash } from 'node:crypto';
import type { DrawAssignment, DrawInspector, DrawTarget } from '../../../common/enforcement.types.ts';

export type { DrawAssignment, DrawInspector, DrawTarget } from '../../../common/enforcement.types.ts';

/**
 * the draw, reproducible by anyone from the published seed and frozen lists:
 * 1. each target gets the key sha256(`${seed}|T|${uscc}`) (hex); targets are sorted by key (then id), the first
 *    `targetCount` are drawn;
 * 2. for each drawn target in that order, each inspector gets sha256(`${seed}|I|${uscc}|${certNo}`); inspectors
 *    sorted by key, skipping those not qualified for the target's domain or who must avoid it, and those already
 *    given `maxPerInspector` targets; the first `perTarget` are assigned.
 * Only SHA-256 and string sorting are used, so the result does not depend on the language or machine.
 */
export function runDraw(seed: string, targets: readonly DrawTarget[], inspectors: readonly DrawInspector[], targetCount: number, perTarget: number, maxPerInspector = Number.MAX_SAFE_INTEGER): DrawAssignment[] {
  const key = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
  const order = <T extends { id: number }>(items: readonly T[], k: (x: T) => string): T[] =>
    items.map((x) => ({ x, k: k(x) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.x.id - b.x.id)).map((e) => e.x);
  const drawn = order(targets, (t) => key(`${seed}|T|${t.uscc}`)).slice(0, targetCount);
  const load = new Map<number, number>();
  return drawn.map((t) => {
    const picked: number[] = [];
    for (const i of order(inspectors, (x) => key(`${seed}|I|${t.uscc}|${x.certNo}`))) {
      if (picked.length >= perTarget) break;
      if (!i.qualifications.includes(t.domain) || i.avoid.includes(t.uscc) || (load.get(i.id) ?? 0) >= maxPerInspector) continue;
      picked.push(i.id);
      load.set(i.id, (load.get(i.id) ?? 0) + 1);
    }
    return { targetId: t.id, inspectorIds: picked };
  });
}

/** the algorithm as published beside each draw, so anyone can re-run it */
export const DRAW_ALGORITHM =
  '1. 对每个检查对象计算 SHA-256(“种子|T|统一社会信用代码”)（UTF-8，十六进制小写），按该值升序排列（相同时按对象编号），取前N个为抽中对象；' +
  '2. 按抽中顺序，对每个对象、每名执法人员计算 SHA-256(“种子|I|对象统一社会信用代码|执法证号”)，按该值升序排列，跳过不具备该领域执法资格、须回避或已达每人任务上限的人员，取前M名。' +
  '种子、冻结的检查对象名录和执法人员名录与结果一并公开，任何人按上述步骤重算可得到相同结果。';

/** a fresh public seed: 32 hex digits from the system's random source, published with the draw */
export function newSeed(): string {
  return createHash('sha256').update(crypto.getRandomValues(new Uint8Array(32))).digest('hex').slice(0, 32);
}
