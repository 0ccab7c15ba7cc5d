/** units real reports use */
export type Unit = '件' | '宗' | '次' | '人次' | '项' | '个' | '名' | '人' | '场' | '条' | '%' | '万元' | '元' | '天' | '家' | '份' | '户' | '篇' | '期' | '分';

/**
 * a condition on a ledger's fields: field → value (or any of several values; for a multi-value field,
 * "contains any of"); null means "is empty"; { present: true } means "is filled in"
 */
export type Where = Record<string, string | number | boolean | null | ReadonlyArray<string | number | boolean> | { present: boolean }>;

interface Base {
  /** stable id, module first: 'mediation.cases' */
  id: string;
  /** Chinese label as a report would say it: 调处矛盾纠纷 */
  label: string;
  unit: Unit;
  /** one line on what is counted, shown beside the number */
  description?: string;
}

/** counts (or sums a field of) the active records of a ledger in the period, for an organisation and everything below it */
export interface LedgerIndicator extends Base {
  kind: 'count' | 'sum';
  ledger: string;
  /** for sum: the numeric field added up */
  field?: string;
  where?: Where;
  /** the date field placing a record in the period; defaults to the ledger's dateField */
  dateField?: string;
  /** split by the values of a dict, bool or multi-value field: "其中劳动争议35宗、合同纠纷4宗" (a record with several values counts under each) */
  breakdown?: string;
  /** count every active record regardless of date (rosters: committees, mediators) */
  snapshot?: boolean;
  /** count the different values of this field among the records instead of the records (draws behind inspection tasks) */
  distinct?: string;
}

/** numerator / denominator × 100, both other indicators; the rate carries both counts */
export interface RatioIndicator extends Base {
  kind: 'ratio';
  numerator: string;
  denominator: string;
  /** decimals shown; 0 → "95%" */
  digits?: number;
  /** a statutory floor (e.g. 100: every major decision reviewed); a value below it is a finding in the report checks */
  required?: number;
}

export type IndicatorDef = LedgerIndicator | RatioIndicator;

export function defineIndicators(defs: IndicatorDef[]): IndicatorDef[] {
  const ids = new Set<string>();
  for (const d of defs) {
    if (ids.has(d.id)) throw new Error(`duplicate indicator ${d.id}`);
    ids.add(d.id);
    if (d.kind === 'sum' && !d.field) throw new Error(`${d.id}: sum without field`);
    // a distinct count is a number of values, not of records: it has no parts
    if (d.kind !== 'ratio' && d.distinct && d.breakdown) throw new Error(`${d.id}: distinct with breakdown`);
  }
  return defs;
}
