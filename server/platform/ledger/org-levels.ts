import type { Kysely } from 'kysely';
import { AppError } from '../http/errors.ts';
import type { Ctx } from '../http/context.ts';
import { ORG_KINDS, type OrgKind } from '../orgs/org.service.ts';
import type { LedgerDef } from './ledger.types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the org table, read raw
const db = (ctx: Pick<Ctx, 'tx'>): Kysely<any> => ctx.tx as unknown as Kysely<any>;

/** the level an organisation works at: its kind, or for a department the kind of the organisation it belongs to */
export interface OrgLevel {
  name: string;
  level: OrgKind;
  /** a department (office, bureau) of the organisation at `level`, not the government itself */
  department: boolean;
  /** the organisation a department belongs to (its own code otherwise) */
  parent: string;
}
export async function orgLevels(ctx: Pick<Ctx, 'tx'>, codes: readonly string[]): Promise<Map<string, OrgLevel>> {
  const out = new Map<string, OrgLevel>();
  if (!codes.length) return out;
  const rows = await db(ctx).selectFrom('org as o').leftJoin('org as p', 'p.code', 'o.parent_code').select(['o.code', 'o.name', 'o.kind', 'o.parent_code', 'p.kind as parent_kind']).where('o.code', 'in', [...new Set(codes)]).execute();
  for (const r of rows) {
    const department = r.kind === 'department' && Boolean(r.parent_kind);
    out.set(String(r.code), { name: String(r.name), level: (department ? r.parent_kind : r.kind) as OrgKind, department, parent: department ? String(r.parent_code) : String(r.code) });
  }
  return out;
}

/** why an organisation may not hold records of a ledger limited to some levels (LedgerDef.orgLevels), or null */
export function levelRefusal(l: LedgerDef, org: OrgLevel | undefined): string | null {
  if (org && l.orgLevels?.includes(org.level) && l.departmentsOnlyAt?.includes(org.level) && !org.department) {
    return `所属单位：${l.label}在${ORG_KINDS[org.level]}级只能由部门登记，${org.name}是${ORG_KINDS[org.level]}级人民政府本身，请选择其部门`;
  }
  if (!l.orgLevels || (org && l.orgLevels.includes(org.level))) return null;
  const allowed = l.orgLevels.map((k) => ORG_KINDS[k]).join('、');
  return `所属单位：${l.label}只能由${allowed}级单位（含其部门）登记${org ? `，${org.name}是${ORG_KINDS[org.level]}级单位` : ''}`;
}

/** refuses a record held by an organisation of a level the ledger does not admit (the county's 行政复议 cases at a town) */
export async function assertOrgLevel(ctx: Pick<Ctx, 'tx'>, l: LedgerDef, orgCode: string): Promise<void> {
  if (!l.orgLevels) return;
  const message = levelRefusal(l, (await orgLevels(ctx, [orgCode])).get(orgCode));
  if (message) throw new AppError('validation_failed', message, [{ path: 'orgCode', label: '所属单位', message }]);
}

/**
 * the unit an organisation answers for in the county's supervision and evaluation: a town's office answers as its
 * town, a county department as itself, any other organisation as itself
 */
export async function answeringUnits(ctx: Pick<Ctx, 'tx'>, codes: readonly string[]): Promise<(orgCode: string) => string> {
  const levels = await orgLevels(ctx, codes);
  return (orgCode) => {
    const o = levels.get(orgCode);
    return o?.department && o.level === 'town' ? o.parent : orgCode;
  };
}

/**
 * the units a county's supervision or evaluation covers: its towns (乡镇（街道）, the default), its departments
 * (县直部门: org kind 'department' directly under the county), or both
 */
export const UNIT_SCOPES = ['乡镇（街道）', '县直部门', '乡镇和县直部门'] as const;
export type UnitScope = (typeof UNIT_SCOPES)[number];
export const DEFAULT_UNIT_SCOPE: UnitScope = '乡镇（街道）';
export const scopeTakesTowns = (s: UnitScope): boolean => s !== '县直部门';
export const scopeTakesDepartments = (s: UnitScope): boolean => s !== '乡镇（街道）';
