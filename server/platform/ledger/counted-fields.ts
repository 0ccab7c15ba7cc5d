import type { FieldError } from '../http/errors.ts';
import type { FieldDef, LedgerDef } from './ledger.types.ts';
import { blank } from './rules.ts';

// figures the system counts from records instead of a person typing them beside the records (decision 0030)

/** a field the system fills from records or from other fields: never typed, never in an import template */
export const isCountedField = (f: FieldDef): boolean => !!(f.counted || f.reached);

/** kept by the database (triggers or a generated column), so never written by the ledger service */
export const isKeptByDatabase = (f: FieldDef): boolean => !!f.reached || (!!f.counted && 'ledger' in f.counted);

/** how the system fills it, as the form hint and the refusal say: “由系统{how}” */
export function countedHow(f: FieldDef): string {
  if (f.reached) return '按已开展次数（含期初数）是否达到计划次数自动判断';
  if (f.counted && 'names' in f.counted) return '按所列名称个数自动统计';
  if (f.counted && 'peers' in f.counted) return f.counted.how;
  return '按关联记录自动统计';
}

/** the names a text field lists, separated by 顿号, commas, semicolons or line breaks */
export const namesIn = (text: unknown): number => String(text ?? '').split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean).length;

/** the values with each names-counted field set from the names it counts */
export function withNameCounts(l: LedgerDef, values: Record<string, unknown>): Record<string, unknown> {
  const fields = l.fields.filter((f) => f.counted && 'names' in f.counted);
  if (!fields.length) return values;
  const out = { ...values };
  for (const f of fields) if (f.counted && 'names' in f.counted) out[f.name] = blank(out[f.counted.names]) ? null : namesIn(out[f.counted.names]);
  return out;
}

/**
 * a typed value of a counted field is refused unless it is what the system has (the stored figure of an edit sent
 * back unchanged, or the count of the names typed beside it)
 */
export function countedRefusals(l: LedgerDef, input: Readonly<Record<string, unknown>>, before: Readonly<Record<string, unknown>> | null): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of l.fields) {
    if (!isCountedField(f) || !(f.name in input) || blank(input[f.name])) continue;
    const typed = input[f.name];
    if (before && String(before[f.name] ?? '') === String(typed)) continue;
    if (f.counted && 'names' in f.counted) {
      const names = f.counted.names in input ? input[f.counted.names] : before?.[f.counted.names];
      if (String(namesIn(names)) === String(typed)) continue;
    }
    errors.push({ path: f.name, label: f.label, message: `“${f.label}”由系统${countedHow(f)}，不能手工填写或修改` });
  }
  return errors;
}

/** the input without the counted fields (an import of an exported sheet carries them back) */
export function withoutCounted(l: LedgerDef, input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k]) => !l.fields.some((f) => f.name === k && isCountedField(f))));
}

/** a generated column's DDL for a reached field, or null */
export function reachedColumnDdl(l: LedgerDef, f: FieldDef): string | null {
  if (!f.reached) return null;
  const { count, opening, target } = f.reached;
  return `alter table ${l.table} add column if not exists ${f.name} boolean generated always as (coalesce(${count}, 0)${opening ? ` + coalesce(${opening}, 0)` : ''} >= ${target}) stored`;
}

/**
 * the triggers keeping each record-counted field of `parent`: statement-level on the counting ledger, recounting
 * the parents its changed rows point at (before and after), writing only figures that change; then a recount of
 * every parent, so records entered before the field was counted are counted too
 */
export function countedDdl(parent: LedgerDef, ledgers: ReadonlyMap<string, LedgerDef>): string[] {
  const out: string[] = [];
  for (const f of parent.fields) {
    if (!f.counted || !('ledger' in f.counted)) continue;
    const child = ledgers.get(f.counted.ledger);
    const ref = f.counted.ref;
    if (!child || !child.fields.some((c) => c.name === ref && c.type === 'ref' && c.ref === parent.name)) throw new Error(`${parent.name}.${f.name}: counted ledger ${f.counted.ledger} has no ref ${ref} to ${parent.name}`);
    const fn = `fz_count_${parent.table}_${f.name}`;
    const filters = Object.entries(f.counted.where ?? {}).map(([field, v]) => {
      if (!child.fields.some((c) => c.name === field)) throw new Error(`${parent.name}.${f.name}: counted filter on unknown field ${child.name}.${field}`);
      const values = (Array.isArray(v) ? v : [v]) as ReadonlyArray<string | boolean>;
      return ` and c.${field} in (${values.map((x) => (typeof x === 'boolean' ? String(x) : `'${x.replace(/'/g, "''")}'`)).join(', ')})`;
    });
    const count = (p: string): string => `(select count(*) from ${child.table} c where c.${ref} = ${p}.id and c.status = 'active'${filters.join('')})`;
    const recount = (rows: string): string => `update ${parent.table} p set ${f.name} = ${count('p')} where p.id in (select ${ref} from ${rows} where ${ref} is not null) and p.${f.name} is distinct from ${count('p')}`;
    out.push(`create or replace function ${fn}() returns trigger language plpgsql as $fz$
begin
  if tg_op <> 'INSERT' then
    ${recount('fz_old')};
  end if;
  if tg_op <> 'DELETE' then
    ${recount('fz_new')};
  end if;
  return null;
end
$fz$`);
    out.push(`create or replace trigger ${fn}_ins after insert on ${child.table} referencing new table as fz_new for each statement execute function ${fn}()`);
    out.push(`create or replace trigger ${fn}_upd after update on ${child.table} referencing old table as fz_old new table as fz_new for each statement execute function ${fn}()`);
    out.push(`create or replace trigger ${fn}_del after delete on ${child.table} referencing old table as fz_old for each statement execute function ${fn}()`);
    out.push(`update ${parent.table} p set ${f.name} = ${count('p')} where p.${f.name} is distinct from ${count('p')}`);
  }
  return out;
}
