import type { DrawAssignment, DrawInspector, DrawTarget } from './enforcement-api.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** whether this browser can re-run a draw itself (WebCrypto is available on https and on localhost only) */
export const canVerifyInBrowser = (): boolean => typeof crypto !== 'undefined' && typeof crypto.subtle?.digest === 'function';

/**
 * the published draw algorithm, re-run in the visitor's browser (the same steps as server/modules/enforcement/draw.algorithm.ts):
 * targets ordered by SHA-256("seed|T|uscc"), the first N drawn; for each, inspectors ordered by SHA-256("seed|I|uscc|certNo"),
 * skipping the unqualified, those who must avoid the target and those at their task limit; the first M assigned
 */
export async function rerunDraw(seed: string, targets: readonly DrawTarget[], inspectors: readonly DrawInspector[], targetCount: number, perTarget: number, maxPerInspector: number): Promise<DrawAssignment[]> {
  const limit = maxPerInspector > 0 ? maxPerInspector : Number.MAX_SAFE_INTEGER;
  const order = async <T extends { id: number }>(items: readonly T[], key: (x: T) => string): Promise<T[]> => {
    const keyed = await Promise.all(items.map(async (x) => ({ x, k: await sha256Hex(key(x)) })));
    return keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.x.id - b.x.id)).map((e) => e.x);
  };
  const drawn = (await order(targets, (t) => `${seed}|T|${t.uscc}`)).slice(0, targetCount);
  const load = new Map<number, number>();
  const out: DrawAssignment[] = [];
  for (const t of drawn) {
    const picked: number[] = [];
    for (const i of await order(inspectors, (x) => `${seed}|I|${t.uscc}|${x.certNo}`)) {
      if (picked.length >= perTarget) break;
      if (!i.qualifications.includes(t.domain) || i.avoid.includes(t.uscc) || (load.get(i.id) ?? 0) >= limit) continue;
      picked.push(i.id);
      load.set(i.id, (load.get(i.id) ?? 0) + 1);
    }
    out.push({ targetId: t.id, inspectorIds: picked });
  }
  return out;
}

/** the frozen lists' text whose SHA-256 was published at freezing (the same as frozenListText in draw.algorithm.ts) */
export function frozenListText(targets: readonly DrawTarget[], inspectors: readonly DrawInspector[]): string {
  return [...targets.map((t) => `T|${t.id}|${t.uscc}|${t.domain}|${t.name}`), ...inspectors.map((i) => `I|${i.id}|${i.certNo}|${i.qualifications.join(',')}|${i.avoid.join(',')}|${i.name}`)].join('\n');
}

/** what the visitor's browser found; null where there is nothing to check */
export interface BrowserChecks {
  seed: boolean | null;
  list: boolean | null;
  result: boolean | null;
}

/** re-computes, in this browser, SHA-256(seed) against the commitment, the frozen lists against their hash, and the draw */
export async function checkDraw(d: { seed: string | null; seedHash: string | null; listHash: string | null; targets: readonly DrawTarget[]; inspectors: readonly DrawInspector[]; targetCount: number; perTarget: number; maxPerInspector: number; result: readonly DrawAssignment[] }): Promise<BrowserChecks> {
  const seed = d.seed && d.seedHash ? (await sha256Hex(d.seed)) === d.seedHash : null;
  const list = d.listHash && d.targets.length ? (await sha256Hex(frozenListText(d.targets, d.inspectors))) === d.listHash : null;
  const result = d.seed && d.result.length ? JSON.stringify(await rerunDraw(d.seed, d.targets, d.inspectors, d.targetCount, d.perTarget, d.maxPerInspector)) === JSON.stringify(d.result) : null;
  return { seed, list, result };
}
