import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { OrgView } from '../../../common/admin.types.ts';
import { audit } from '../audit/audit.service.ts';
import { diffFields } from '../audit/canonical.ts';
import type { Database } from '../db/schema.ts';
import { inScope, type Ctx } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { text } from '../http/validate.ts';

export const ORG_KINDS = { province: '省', city: '市', county: '县（区）', town: '乡镇（街道）', department: '部门' } as const;
export type OrgKind = keyof typeof ORG_KINDS;

// 统计用区划代码: 12 digits; a department sits beneath a division as CODE-NN
export const orgCodeSchema = z.string().regex(/^\d{12}(-\d{2,3})?$/, '须为12位统计用区划代码，部门为“区划代码-两到三位序号”');

export const orgInput = z.object({
  code: orgCodeSchema,
  name: text(100).trim().min(2, '至少2个字'),
  kind: z.enum(Object.keys(ORG_KINDS) as [OrgKind, ...OrgKind[]]),
  parentCode: orgCodeSchema.nullable(),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type OrgInput = z.infer<typeof orgInput>;
export const ORG_LABELS = { code: '代码', name: '名称', kind: '类型', parentCode: '上级单位', sort: '排序' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- row from either typed or raw selects
const present = (r: any): OrgView => ({
  code: r.code,
  parentCode: r.parent_code,
  name: r.name,
  kind: r.kind,
  kindLabel: ORG_KINDS[r.kind as OrgKind] ?? r.kind,
  path: r.path,
  sort: r.sort,
  status: r.status,
  version: r.version,
});

export async function listOrgs(ctx: Ctx): Promise<OrgView[]> {
  if (ctx.scope.codes.length === 0) return [];
  const rows = await ctx.tx.selectFrom('org').selectAll().where('code', 'in', ctx.scope.codes).orderBy('path').execute();
  return rows.map(present);
}

/** the organisations a user may switch to: the home org and everything their roles reach (decision 0042), not just the current one */
export async function switchableOrgs(db: Kysely<Database>, homeOrg: string, reach: readonly string[]): Promise<OrgView[]> {
  const codes = [...new Set([homeOrg, ...reach])];
  const rows = await db.selectFrom('org').selectAll().where('code', 'in', codes).where('status', '=', 'active').orderBy('path').execute();
  return rows.map(present);
}

export async function createOrg(ctx: Ctx, input: OrgInput): Promise<OrgView> {
  if (input.parentCode === null) {
    if (ctx.actor.homeOrg !== '') throw new AppError('forbidden', '只能在本单位之下新建组织机构');
  } else if (!inScope(ctx, input.parentCode)) {
    throw new AppError('validation_failed', '上级单位不存在或不在管辖范围内', [{ path: 'parentCode', label: '上级单位', message: '上级单位：不存在或不在管辖范围内' }]);
  }
  if (input.kind === 'department' && !input.code.includes('-')) {
    throw new AppError('validation_failed', '部门代码须为“区划代码-序号”', [{ path: 'code', label: '代码', message: '代码：部门代码须为“区划代码-序号”，如 999001001000-01' }]);
  }
  const exists = await ctx.tx.selectFrom('org').select('code').where('code', '=', input.code).executeTakeFirst();
  if (exists) throw new AppError('conflict', `代码 ${input.code} 已存在`, [{ path: 'code', label: '代码', message: `代码：${input.code} 已存在` }]);
  const parent = input.parentCode ? await ctx.tx.selectFrom('org').select('path').where('code', '=', input.parentCode).executeTakeFirstOrThrow() : { path: '/' };
  const row = await ctx.tx
    .insertInto('org')
    .values({ code: input.code, parent_code: input.parentCode, name: input.name, kind: input.kind, path: `${parent.path}${input.code}/`, sort: input.sort })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, { entity: 'org', entityId: input.code, action: 'create', orgCode: input.code, diff: diffFields(null, { name: input.name, kind: input.kind, parent_code: input.parentCode }) });
  return present(row);
}

export const orgUpdate = z.object({ name: text(100).trim().min(2, '至少2个字'), sort: z.number().int().min(0).max(9999), version: z.number().int() });

export async function updateOrg(ctx: Ctx, code: string, input: z.infer<typeof orgUpdate>): Promise<OrgView> {
  if (!inScope(ctx, code)) throw notFound('组织机构');
  const before = await ctx.tx.selectFrom('org').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  if (before.version !== input.version) throw new AppError('stale_version', '该组织机构已被他人修改，请刷新后重试');
  const row = await ctx.tx
    .updateTable('org')
    .set({ name: input.name, sort: input.sort, updated_at: ctx.now, version: before.version + 1 })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, { entity: 'org', entityId: code, action: 'update', orgCode: code, diff: diffFields({ name: before.name, sort: before.sort }, { name: row.name, sort: row.sort }) });
  return present(row);
}

export async function setOrgStatus(ctx: Ctx, code: string, status: 'active' | 'withdrawn', reason: string): Promise<OrgView> {
  if (!inScope(ctx, code) || code === ctx.scope.root) throw notFound('组织机构');
  if (status === 'withdrawn') {
    const users = await ctx.tx.selectFrom('app_user').select('id').where('org_code', '=', code).where('status', '=', 'active').limit(1).execute();
    if (users.length) throw new AppError('conflict', '该单位下仍有启用的账号，请先停用或调整账号');
  }
  const row = await ctx.tx.updateTable('org').set((eb) => ({ status, updated_at: ctx.now, version: eb('version', '+', 1) })).where('code', '=', code).returningAll().executeTakeFirstOrThrow();
  await audit(ctx, { entity: 'org', entityId: code, action: status === 'withdrawn' ? 'withdraw' : 'restore', orgCode: code, diff: { status: { from: status === 'withdrawn' ? 'active' : 'withdrawn', to: status }, reason } });
  return present(row);
}

export interface ImportReport {
  ok: boolean;
  total: number;
  created: number;
  errors: Array<{ row: number; field: string; message: string }>;
}

/** imports rows (from a spreadsheet) in parent-before-child order; all or nothing */
export async function importOrgs(ctx: Ctx, rows: Array<Record<string, unknown>>, dryRun: boolean): Promise<ImportReport> {
  const errors: ImportReport['errors'] = [];
  const valid: Array<{ row: number; input: OrgInput }> = [];
  const kindByLabel = new Map<string, OrgKind>(Object.entries(ORG_KINDS).flatMap(([k, v]) => [[v, k as OrgKind], [k, k as OrgKind], [v.replace(/（.*）/, ''), k as OrgKind]]));
  rows.forEach((raw, i) => {
    const rowNo = i + 2;
    const candidate = {
      code: String(raw['代码'] ?? '').trim(),
      name: String(raw['名称'] ?? '').trim(),
      kind: kindByLabel.get(String(raw['类型'] ?? '').trim()) ?? String(raw['类型'] ?? '').trim(),
      parentCode: String(raw['上级代码'] ?? '').trim() || null,
      sort: Number(raw['排序'] ?? 0) || 0,
    };
    const r = orgInput.safeParse(candidate);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const key = String(issue.path[0] ?? '');
        errors.push({ row: rowNo, field: ORG_LABELS[key as keyof typeof ORG_LABELS] ?? key, message: issue.message });
      }
    } else valid.push({ row: rowNo, input: r.data });
  });
  const known = new Set((await ctx.tx.selectFrom('org').select('code').execute()).map((r) => r.code));
  const pending = new Set(valid.map((v) => v.input.code));
  for (const v of valid) {
    if (known.has(v.input.code)) errors.push({ row: v.row, field: '代码', message: `${v.input.code} 已存在` });
    if (v.input.parentCode && !known.has(v.input.parentCode) && !pending.has(v.input.parentCode)) errors.push({ row: v.row, field: '上级代码', message: `上级 ${v.input.parentCode} 不存在` });
    else if (v.input.parentCode && known.has(v.input.parentCode) && !inScope(ctx, v.input.parentCode)) errors.push({ row: v.row, field: '上级代码', message: '上级单位不在管辖范围内' });
  }
  if (errors.length || dryRun) return { ok: errors.length === 0, total: rows.length, created: 0, errors };
  const byDepth = [...valid].sort((a, b) => depth(a.input, valid) - depth(b.input, valid));
  for (const v of byDepth) {
    await createOrg({ ...ctx, scope: { ...ctx.scope, codes: [...ctx.scope.codes, ...byDepth.map((x) => x.input.code)] } }, v.input);
  }
  return { ok: true, total: rows.length, created: valid.length, errors: [] };
}

function depth(o: OrgInput, all: Array<{ input: OrgInput }>): number {
  let d = 0;
  let p = o.parentCode;
  while (p && d < 20) {
    const parent = all.find((x) => x.input.code === p);
    if (!parent) break;
    p = parent.input.parentCode;
    d++;
  }
  return d;
}
