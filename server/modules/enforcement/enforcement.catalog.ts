import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { resolveOrg } from '../../platform/ledger/ledger.service.ts';
import type { CatalogCounts, CatalogItem, CatalogVersion, PublicCatalog } from '../../../common/enforcement.types.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;

export type { CatalogCounts, CatalogItem, CatalogVersion, PublicCatalog } from '../../../common/enforcement.types.ts';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').slice(0, 10));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function countCatalog(items: readonly Pick<CatalogItem, 'category' | 'selfSelected'>[]): CatalogCounts {
  const n = (category: string): number => items.filter((i) => i.category === category).length;
  return { total: items.length, statutory: n('法定'), delegated: n('赋权'), selfSelected: items.filter((i) => i.category === '赋权' && i.selfSelected).length, entrusted: n('可委托') };
}

/** the valid matters an organisation (and its departments) holds now, in code order */
export async function currentCatalog(d: AnyDb, orgCode: string): Promise<CatalogItem[]> {
  const rows = await d
    .selectFrom('enforcement_matter')
    .select(['code', 'name', 'matter_type', 'category', 'self_selected', 'domain', 'law', 'article', 'guiding_dept'])
    .where('status', '=', 'active')
    .where('matter_status', '=', '有效')
    .where((eb) => eb.or([eb('org_code', '=', orgCode), eb('org_code', 'like', `${orgCode}-%`)]))
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    matterType: String(r.matter_type),
    category: String(r.category),
    selfSelected: r.self_selected === true,
    domain: (r.domain as string | null) ?? null,
    law: String(r.law),
    article: (r.article as string | null) ?? null,
    guidingDept: (r.guiding_dept as string | null) ?? null,
  }));
}

function versionOut(r: Record<string, unknown>): CatalogVersion {
  return {
    id: Number(r['id']),
    orgCode: String(r['org_code']),
    orgName: String(r['org_name'] ?? ''),
    label: String(r['label']),
    publishedOn: iso(r['published_on']),
    note: (r['note'] as string | null) ?? null,
    counts: json<CatalogCounts>(r['counts']),
    createdBy: String(r['created_by']),
    createdAt: r['created_at'] instanceof Date ? r['created_at'].toISOString() : String(r['created_at']),
  };
}

/**
 * 发布清单版本: freezes the organisation's valid matters as a named version; the public site shows the latest one.
 * A label is used once per organisation; an empty catalog is not published.
 */
export async function publishCatalog(ctx: Ctx, input: { label: string; publishedOn: string; note?: string | undefined; orgCode?: string | undefined }): Promise<CatalogVersion> {
  const d = ctx.tx as unknown as AnyDb;
  const orgCode = resolveOrg(ctx, input.orgCode);
  const today = chinaDate(ctx.now);
  if (input.publishedOn > today) throw new AppError('validation_failed', '发布日期不能晚于今天', [{ path: 'publishedOn', label: '发布日期', message: `发布日期：不能晚于今天（${today}）` }]);
  const taken = await d.selectFrom('enforcement_catalog_version').select('id').where('org_code', '=', orgCode).where('label', '=', input.label).executeTakeFirst();
  if (taken) throw new AppError('validation_failed', `本单位已发布过“${input.label}”`, [{ path: 'label', label: '版本号', message: `版本号：“${input.label}”已发布过，请换一个版本号` }]);
  const items = await currentCatalog(d, orgCode);
  if (items.length === 0) throw new AppError('validation_failed', '本单位没有有效的执法事项，不能发布清单', [{ path: 'orgCode', label: '所属单位', message: '所属单位：没有有效的执法事项，请先在“执法事项清单”中录入或导入' }]);
  const counts = countCatalog(items);
  const row = await d
    .insertInto('enforcement_catalog_version')
    .values({ org_code: orgCode, label: input.label, published_on: input.publishedOn, note: input.note ?? null, counts: JSON.stringify(counts), items: JSON.stringify(items), created_by: ctx.actor.username })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await audit(ctx, { entity: 'enforcement.catalog', entityId: id, action: 'publish', orgCode, diff: { label: input.label, publishedOn: input.publishedOn, counts } });
  return (await listVersions(d, [orgCode], id))[0] as CatalogVersion;
}

async function listVersions(d: AnyDb, codes: readonly string[] | null, id?: number): Promise<CatalogVersion[]> {
  let q = d.selectFrom('enforcement_catalog_version as v').innerJoin('org as o', 'o.code', 'v.org_code').select(['v.id', 'v.org_code', 'o.name as org_name', 'v.label', 'v.published_on', 'v.note', 'v.counts', 'v.created_by', 'v.created_at']);
  if (codes) q = q.where('v.org_code', 'in', codes.length ? codes : ['']);
  if (id !== undefined) q = q.where('v.id', '=', id);
  return (await q.orderBy('v.published_on', 'desc').orderBy('v.id', 'desc').limit(500).execute()).map(versionOut);
}

/** the versions published by the organisations the user may see */
export async function catalogVersions(ctx: Ctx): Promise<CatalogVersion[]> {
  return listVersions(ctx.tx as unknown as AnyDb, ctx.scope.codes);
}

/** every organisation's latest published version, for the public site */
export async function publicCatalogs(d: AnyDb): Promise<CatalogVersion[]> {
  const all = await listVersions(d, null);
  const latest = new Map<string, CatalogVersion>();
  for (const v of all) if (!latest.has(v.orgCode)) latest.set(v.orgCode, v);
  return [...latest.values()].sort((a, b) => a.orgCode.localeCompare(b.orgCode));
}

/** one published version with its frozen matters (the latest of an organisation when no id is given) */
export async function publicCatalog(d: AnyDb, q: { id?: number | undefined; org?: string | undefined }): Promise<PublicCatalog> {
  let sel = d.selectFrom('enforcement_catalog_version as v').innerJoin('org as o', 'o.code', 'v.org_code').selectAll('v').select('o.name as org_name');
  if (q.id !== undefined) sel = sel.where('v.id', '=', q.id);
  else if (q.org) sel = sel.where('v.org_code', '=', q.org);
  else throw new AppError('validation_failed', '请指定单位或清单版本', [{ path: 'org', label: '单位', message: '单位：请指定' }]);
  const r = await sel.orderBy('v.published_on', 'desc').orderBy('v.id', 'desc').executeTakeFirst();
  if (!r) throw notFound('已发布的执法事项清单');
  const versions = (await d.selectFrom('enforcement_catalog_version').select(['id', 'label', 'published_on']).where('org_code', '=', r.org_code).orderBy('published_on', 'desc').orderBy('id', 'desc').execute()).map((v) => ({ id: Number(v.id), label: String(v.label), publishedOn: iso(v.published_on) }));
  return { ...versionOut(r), items: json<CatalogItem[]>(r.items), versions };
}
