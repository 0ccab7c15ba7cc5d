import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Ctx } from '../../platform/http/context.ts';
import { withPlatform, type CliEnv } from '../../platform/cli/cli-env.ts';
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { subtreeCodes, subtreeSystemCtx } from '../../platform/orgs/org.repository.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { renderHtml } from '../../platform/reports/html.renderer.ts';
import { renderPdf } from '../../platform/reports/pdf.renderer.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { reconcile } from './reconcile.service.ts';
import { orgOf } from './report.service.ts';
import { statsDocument } from './stats.output.ts';
import { latestStatsVersion, statsReading } from './stats.service.ts';
import type { StatsTable } from '../../../common/enforcement-stats.types.ts';

export const STATS_USAGE = 'report enforcement-stats|reconcile --org CODE --year YYYY [--format json|html|docx|pdf] [--out FILE]   行政执法统计年报；三报对账';

/**
 * `fazhi report enforcement-stats`: the organisation's latest submitted table, else its draft's, else the current
 * layout over today's records — reading only, nothing is created. `fazhi report reconcile`: the three reports' shared facts
 */
export async function runStatsCli(args: string[], env: CliEnv, modules: ModuleDefinition[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: false, options: { org: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } } });
  const kind = positionals[0];
  const format = typeof values.format === 'string' ? values.format : 'json';
  const year = Number(values.year);
  const allowed = kind === 'reconcile' ? ['json'] : ['json', 'html', 'docx', 'pdf'];
  if ((kind !== 'enforcement-stats' && kind !== 'reconcile') || typeof values.org !== 'string' || !Number.isInteger(year) || !allowed.includes(format)) {
    env.err(`用法：fazhi ${STATS_USAGE}`);
    return 2;
  }
  if ((format === 'docx' || format === 'pdf') && typeof values.out !== 'string') {
    env.err('DOCX、PDF 须用 --out FILE 指定输出文件');
    return 2;
  }
  const org = values.org;
  const file = typeof values.out === 'string' ? values.out : undefined;
  return withPlatform(async () => modules, env, async (platform) => {
    if (!(await subtreeCodes(platform.db, org)).length) {
      env.err(`单位 ${org} 不存在`);
      return 1;
    }
    const body = await platform.db.transaction().execute(async (tx) => {
      const ctx = await subtreeSystemCtx(tx, platform.cipher, org, 'cli');
      if (kind === 'reconcile') return JSON.stringify(await reconcile(ctx, platform, org, year), null, 2);
      return statsOutput(ctx, platform, org, year, format);
    });
    if (file) {
      await writeFile(file, body);
      env.out(`已生成：${file}`);
    } else env.out(String(body));
    return 0;
  });
}

async function statsOutput(ctx: Ctx, platform: Platform, org: string, year: number, format: string): Promise<string | Buffer> {
  const o = await orgOf(ctx, org);
  const version = await latestStatsVersion(ctx, org, year);
  const reading = version ? null : await statsReading(ctx, platform, org, year);
  const table = version?.table ?? (reading as { table: StatsTable }).table;
  const title = `${o.name}${year}年度行政执法统计年报`;
  const status = version ? version.status : (reading?.status ?? 'not_started');
  if (format === 'json') return JSON.stringify({ org: { code: o.code, name: o.name }, year, title, status, versionNo: version?.versionNo ?? null, table }, null, 2);
  const doc = statsDocument(title, o.name, year, table, chinaDate(ctx.now));
  if (format === 'html') return renderHtml(doc);
  const docx = await renderDocx(doc);
  return format === 'pdf' ? renderPdf(docx, renderHtml(doc)) : docx;
}
