import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { HomeItem } from '../../platform/module.ts';
import { getSetting } from '../../platform/settings.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import type { FinesGrowth } from '../../../common/enforcement.types.ts';

/**
 * 罚没收入同比预警: fines are not a revenue target (行政处罚法 art. 74: 罚没收入不得同考核、考评挂钩; 国务院关于进一步规范
 * 和监督罚款设定与实施的指导意见 (国发〔2024〕5号): 防止以罚增收). The county supervisor is warned when the county's, or
 * a town's, fines decided this year to date exceed the same period of last year by more than the configured growth.
 * Computed from the cases each time, never stored.
 */
export const FINES_GROWTH_SETTING = 'enforcement.fines.growth_alert_pct';
export const FINES_GROWTH_DEFAULT = 20;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables are not in the platform schema
type AnyDb = Kysely<any>;

export async function finesGrowthThreshold(db: Kysely<Database>): Promise<number> {
  const v = await getSetting<unknown>(db, FINES_GROWTH_SETTING);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : FINES_GROWTH_DEFAULT;
}

/** the same day a year earlier (29 February falls back to the 28th) */
function sameDayLastYear(day: string): string {
  const [y, m, d] = day.split('-');
  const last = `${Number(y) - 1}-${m}-${d}`;
  return m === '02' && d === '29' ? `${Number(y) - 1}-02-28` : last;
}

/** the county (when the user's scope is a county) and each town in scope: this year to date against the same period last year */
export async function finesGrowth(ctx: Ctx): Promise<FinesGrowth[]> {
  if (ctx.scope.codes.length === 0) return [];
  const d = ctx.tx as unknown as AnyDb;
  const threshold = await finesGrowthThreshold(ctx.tx);
  const to = chinaDate(ctx.now);
  const from = `${to.slice(0, 4)}-01-01`;
  const lastTo = sameDayLastYear(to);
  const lastFrom = `${lastTo.slice(0, 4)}-01-01`;
  const rows = await d
    .selectFrom('enforcement_case')
    .select(['org_code', 'decided_on', 'amount'])
    .where('org_code', 'in', ctx.scope.codes)
    .where('status', '=', 'active')
    .where('case_type', '=', '行政处罚')
    .where('revoked_on', 'is', null)
    .where('decided_on', '>=', lastFrom)
    .where('decided_on', '<=', to)
    .execute();
  const orgs = await ctx.tx.selectFrom('org').select(['code', 'name', 'kind', 'sort']).where('code', 'in', ctx.scope.codes).orderBy('sort').orderBy('code').execute();
  const day = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  const tally = (match: (orgCode: string) => boolean) => {
    let amount = 0;
    let lastAmount = 0;
    let cases = 0;
    for (const r of rows) {
      if (!match(String(r.org_code))) continue;
      const on = day(r.decided_on);
      if (on >= from) {
        amount += Number(r.amount ?? 0);
        cases += 1;
      } else if (on <= lastTo) lastAmount += Number(r.amount ?? 0);
    }
    return { amount: Math.round(amount * 100) / 100, lastAmount: Math.round(lastAmount * 100) / 100, cases };
  };
  const growthOf = (org: { code: string; name: string }, county: boolean, match: (c: string) => boolean): FinesGrowth => {
    const t = tally(match);
    const growth = t.lastAmount > 0 ? Math.round(((t.amount - t.lastAmount) / t.lastAmount) * 1000) / 10 : null;
    return { orgCode: org.code, orgName: org.name, county, from, to, lastFrom, lastTo, ...t, growth, threshold, alert: growth !== null && growth > threshold };
  };
  const out: FinesGrowth[] = [];
  const root = orgs.find((o) => o.code === ctx.scope.root);
  if (root?.kind === 'county') out.push(growthOf(root, true, () => true));
  for (const town of orgs.filter((o) => o.kind === 'town')) out.push(growthOf(town, false, (c) => c === town.code || c.startsWith(`${town.code}-`)));
  return out;
}

const wan = (n: number): string => (n >= 10_000 ? `${(n / 10_000).toFixed(2)}万元` : `${n.toLocaleString('zh-CN')}元`);

/** the supervisor's home items: one warning per area whose fines grew past the setting, linking to the cases counted */
export async function finesGrowthHomeItems(ctx: Ctx): Promise<HomeItem[]> {
  if (!ctx.actor.roles.some((r) => r === 'supervisor' || r === 'county_admin')) return [];
  const list = await finesGrowth(ctx);
  if (!list.some((g) => g.county)) return [];
  return list
    .filter((g) => g.alert)
    .map((g) => ({
      key: `enforcement.fines_growth.${g.orgCode}`,
      label: `罚款同比增长${String(g.growth)}%（预警线${g.threshold}%）：${g.orgName}今年至今罚款${wan(g.amount)}，去年同期${wan(g.lastAmount)}`,
      count: g.cases,
      link: `/ledgers/enforcement.case?f.case_type=行政处罚&f.decided_on.from=${g.from}&f.decided_on.to=${g.to}&f.revoked_on.present=0${g.county ? '' : `&org=${g.orgCode}`}`,
      tone: 'warning' as const,
    }));
}
