import { createHash, randomBytes } from 'node:crypto';
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
  const key = sha256Hex;
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

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * the frozen candidate lists as one text, whose SHA-256 is published when the lists are frozen: one line per target
 * `T|id|uscc|domain|name`, then one per inspector `I|id|certNo|qualifications joined by ,|avoid joined by ,|name`, in
 * the order stored, joined by a line feed (the browser re-computes the same text)
 */
export function frozenListText(targets: readonly DrawTarget[], inspectors: readonly DrawInspector[]): string {
  return [...targets.map((t) => `T|${t.id}|${t.uscc}|${t.domain}|${t.name}`), ...inspectors.map((i) => `I|${i.id}|${i.certNo}|${i.qualifications.join(',')}|${i.avoid.join(',')}|${i.name}`)].join('\n');
}

/** the commit-reveal steps as published beside each draw */
export const DRAW_PROCEDURE =
  '1. 承诺：系统用密码学随机数生成种子（64位十六进制），只公开其SHA-256值和时间，种子本身保密；' +
  '2. 冻结名录：按检查事项的执法领域和本单位名录库确定检查对象名录和执法人员名录并冻结，公开名录及其SHA-256值和时间；' +
  '3. 揭示抽取：公开种子并按公开算法抽取。任何人可核对SHA-256(种子)等于承诺值、名录的SHA-256等于冻结时公开的值、按种子和名录重算结果一致。' +
  '每一次抽取（包括作废的）都公开，作废的注明理由。';

/** a fresh seed: 32 bytes from the system's cryptographic random source, as 64 hex digits; kept secret until the draw */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}
