import type { DrawAssignment, DrawInspector, DrawTarget } from './enforcement-api.ts';

async function sha256Hex(text: string): Promise<string> {
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
