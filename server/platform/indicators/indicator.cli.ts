import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli-commands.ts';
import { withoutGlobalOptions, withPlatform } from '../cli/cli-env.ts';
import type { ModuleDefinition, Platform } from '../module.ts';
import { subtreeCodes, subtreeSystemCtx } from '../orgs/org.repository.ts';
import { computeIndicators } from './indicator.service.ts';
import { compactTally, syncTallies, tallyYears, verifyTally } from './indicator.tally.ts';

const USAGE = [
  '用法：fazhi indicators verify [--org 代码] [--year YYYY]   逐项核对统计台账与台账记录重新计数的结果（默认：各顶级单位及其直属单位、所有有记录的年度）',
  '      fazhi indicators rebuild                            从台账记录重新计数统计台账',
];

/** an organisation and the units directly below it; without one, every top-level organisation and its units */
async function orgsToCheck(platform: Platform, org: string | undefined): Promise<string[]> {
  const q = platform.db.selectFrom('org').select('code').where('status', '=', 'active');
  const tops = org ? [org] : (await q.where('parent_code', 'is', null).orderBy('code').execute()).map((r) => r.code);
  const below = tops.length ? (await q.where('parent_code', 'in', tops).orderBy('code').execute()).map((r) => r.code) : [];
  return [...tops, ...below];
}

/** `fazhi indicators verify|rebuild`: the operator's check that every figure read from the tally equals a recount of the ledgers */
export function indicatorCliCommands(modules: () => Promise<ModuleDefinition[]>): CliCommand[] {
  return [
    {
      name: 'indicators',
      usage: 'indicators verify|rebuild [--org 代码] [--year YYYY]   核对或重建指标统计台账',
      forward: true,
      async run(args, env) {
        const { out } = env;
        const { values, positionals } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false, options: { org: { type: 'string' }, year: { type: 'string' } } });
        const sub = positionals[0];
        const year = typeof values['year'] === 'string' ? Number(values['year']) : undefined;
        if ((sub !== 'verify' && sub !== 'rebuild') || (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))) {
          USAGE.forEach((l) => out(l));
          return 2;
        }
        return withPlatform(modules, env, async (platform) => {
          const defs = platform.modules.flatMap((m) => m.indicators ?? []);
          if (sub === 'rebuild') {
            const done = await syncTallies(platform.db, platform.ledgers.all(), defs, { force: true });
            done.forEach((l) => out(l));
            out(`统计台账已从台账记录重新计数（${done.length}个台账）。`);
            return 0;
          }
          const org = typeof values['org'] === 'string' ? values['org'] : undefined;
          if (org && !(await subtreeCodes(platform.db, org)).length) {
            out(`单位 ${org} 不存在`);
            return 1;
          }
          await compactTally(platform.db);
          const orgs = await orgsToCheck(platform, org);
          const years = year ? [year] : await tallyYears(platform.db);
          const result = await verifyTally(orgs, years, async (code, y, source) =>
            platform.db.transaction().execute(async (tx) => {
              const period = { org: code, from: `${y}-01-01`, to: `${y}-12-31` };
              return computeIndicators(await subtreeSystemCtx(tx, platform.cipher, code, 'cli'), defs, platform.ledgers, period, { source, byUnit: true, compare: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` } });
            }),
          );
          const scope = `${orgs.length}个单位 × ${years.length}个年度，共${result.checked}项指标值`;
          if (!result.differences.length) {
            out(`核对一致：${scope}，统计台账与台账记录重新计数的结果完全相同。`);
            return 0;
          }
          out(`核对发现${result.differences.length}处不一致（${scope}）：`);
          for (const d of result.differences.slice(0, 50)) out(`  ${d.org} ${d.year}年 ${d.indicator} ${d.part}：统计台账 ${d.tally}，重新计数 ${d.scan}`);
          if (result.differences.length > 50) out(`  ……另有${result.differences.length - 50}处`);
          out('可运行 fazhi indicators rebuild 从台账记录重新计数。');
          return 1;
        });
      },
    },
  ];
}
