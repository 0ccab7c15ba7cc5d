import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { RoundDetail } from '../../../common/evaluation.types.ts';
import { withoutGlobalOptions, withPlatform, type CliEnv } from '../../platform/cli/cli-env.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { subtreeSystemCtx } from '../../platform/orgs/org.repository.ts';
import { roundDetail } from './evaluation.service.ts';


/** the ranking as the CLI prints it: no score lines, the figures a county pastes into its 通报 */
export function rankingOf(d: RoundDetail) {
  return {
    roundId: d.roundId,
    title: d.title,
    year: d.year,
    closed: d.closed,
    system: { id: d.system.id, title: d.system.title, version: d.system.version, total: d.system.total },
    groups: d.groups,
    units: [...d.units].sort((a, b) => a.rank - b.rank || a.orgCode.localeCompare(b.orgCode)).map((u) => ({ orgCode: u.orgCode, orgName: u.orgName, total: u.total, rank: u.rank, groups: u.groups, unscored: u.unscored })),
  };
}

/**
 * `fazhi evaluation ranking`: a round's ranking, read only — the round named, or the latest round of a year (a closed
 * one before one still being scored). Scores are the round's current ones; an open round says so.
 */
export async function runEvaluationCli(args: string[], env: CliEnv, modules: () => Promise<ModuleDefinition[]>): Promise<number> {
  const { values, positionals } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false, options: { round: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' } } });
  const format = typeof values['format'] === 'string' ? values['format'] : 'text';
  const round = typeof values['round'] === 'string' ? Number(values['round']) : undefined;
  const year = typeof values['year'] === 'string' ? Number(values['year']) : undefined;
  const badRound = round !== undefined && !(Number.isInteger(round) && round > 0);
  const badYear = year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100);
  if (positionals[0] !== 'ranking' || (round === undefined) === (year === undefined) || badRound || badYear || !['json', 'text'].includes(format)) {
    env.err('用法：fazhi evaluation ranking (--round ID | --year YYYY) [--format json|text]');
    return 2;
  }
  return withPlatform(modules, env, async (platform) =>
    platform.db.transaction().execute(async (tx) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the module's own table is not in the platform schema
      const d = tx as unknown as Kysely<any>;
      const q = d.selectFrom('evaluation_round as r').innerJoin('org as o', 'o.code', 'r.org_code').select(['r.id', 'r.state', 'o.path']).where('r.status', '=', 'active');
      const rows = await (round !== undefined ? q.where('r.id', '=', round) : q.where('r.year', '=', year)).orderBy('r.id', 'desc').execute();
      // a closed round before one being scored, then the newest
      const row = rows.find((r) => r.state === 'closed') ?? rows[0];
      if (!row) {
        env.err(round !== undefined ? `考核 ${round} 不存在` : `${year}年没有考核`);
        return 1;
      }
      // the round's county: the first organisation on its holder's path
      const top = String(row.path).split('/').filter(Boolean)[0] ?? '';
      const detail = await roundDetail(await subtreeSystemCtx(tx, platform.cipher, top, 'cli'), Number(row.id));
      const r = rankingOf(detail);
      if (format === 'json') {
        env.out(JSON.stringify(r, null, 2));
        return 0;
      }
      env.out(`${r.title}（${r.closed ? '已结束' : '评分中，得分未最终确定'}）`);
      env.out(`指标体系：${r.system.title}第${r.system.version}版，满分${r.system.total}分`);
      env.out(['名次', '单位', '总分', ...r.groups.map((g) => `${g.code}.${g.label}（${g.points}）`)].join('\t'));
      for (const u of r.units) env.out([String(u.rank), u.orgName, String(u.total), ...r.groups.map((g) => String(u.groups[g.code] ?? 0))].join('\t'));
      return 0;
    }),
  );
}
