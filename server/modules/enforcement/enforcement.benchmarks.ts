import type { Kysely } from 'kysely';
import type { PublicBenchmarkMatter, PublicBenchmarks } from '../../../common/enforcement.types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables, read without a user scope on the public site
type AnyDb = Kysely<any>;

const LEVEL_ORDER = ['不予处罚', '减轻处罚', '从轻处罚', '一般处罚', '从重处罚'];

/**
 * 裁量基准公开 (行政处罚法 art. 34: 裁量基准应当向社会公布): the organisations that hold benchmarks, and for one of them
 * (the first when none is named) each matter with its benchmarks, mildest first. The ledger holds no personal data;
 * only current (active) rows of valid matters are shown.
 */
export async function publicBenchmarks(d: AnyDb, org?: string): Promise<PublicBenchmarks> {
  const orgs = (
    await d
      .selectFrom('enforcement_benchmark as b')
      .innerJoin('org as o', 'o.code', 'b.org_code')
      .select(['o.code', 'o.name', 'o.sort'])
      .where('b.status', '=', 'active')
      .groupBy(['o.code', 'o.name', 'o.sort'])
      .orderBy('o.sort')
      .orderBy('o.code')
      .execute()
  ).map((r) => ({ code: String(r.code), name: String(r.name) }));
  const chosen = org ? orgs.find((o) => o.code === org) : orgs[0];
  if (!chosen) return { orgs, orgCode: org ?? null, orgName: null, items: [] };
  const rows = await d
    .selectFrom('enforcement_benchmark as b')
    .innerJoin('enforcement_matter as m', 'm.id', 'b.matter')
    .select(['m.id as matter_id', 'm.code', 'm.name', 'm.law', 'm.article', 'b.id', 'b.circumstance', 'b.level', 'b.min_amount', 'b.max_amount', 'b.first_violation_exempt', 'b.quick_minor', 'b.note'])
    .where('b.status', '=', 'active')
    .where('m.status', '=', 'active')
    .where('m.matter_status', '=', '有效')
    .where('b.org_code', '=', chosen.code)
    .orderBy('m.code')
    .orderBy('b.id')
    .execute();
  const byMatter = new Map<number, PublicBenchmarkMatter>();
  for (const r of rows) {
    const id = Number(r.matter_id);
    const m = byMatter.get(id) ?? { matterId: id, code: String(r.code), name: String(r.name), law: String(r.law), article: (r.article as string | null) ?? null, benchmarks: [] };
    m.benchmarks.push({ id: Number(r.id), circumstance: String(r.circumstance), level: String(r.level), min: Number(r.min_amount), max: Number(r.max_amount), firstViolationExempt: r.first_violation_exempt === true, quickMinor: r.quick_minor === true, note: (r.note as string | null) ?? null });
    byMatter.set(id, m);
  }
  const items = [...byMatter.values()].map((m) => ({ ...m, benchmarks: [...m.benchmarks].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.min - b.min || a.id - b.id) }));
  return { orgs, orgCode: chosen.code, orgName: chosen.name, items };
}
