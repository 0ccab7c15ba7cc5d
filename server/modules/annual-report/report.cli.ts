import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { withPlatform, type CliEnv } from '../../platform/cli/cli-env.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { subtreeCodes, subtreeSystemCtx } from '../../platform/orgs/org.repository.ts';
import { buildFromDraft, encode, type Format } from './report.output.ts';

export const REPORT_USAGE = 'report annual --org CODE --year YYYY --format json|html|docx|pdf [--out FILE]   生成法治政府建设年度报告';

/** `fazhi report annual`: the organisation's draft (made from the template if none exists) with current figures */
export async function runReportCli(args: string[], env: CliEnv, modules: ModuleDefinition[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: false, options: { org: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } } });
  const kind = positionals[0];
  const format = (typeof values.format === 'string' ? values.format : 'json') as Format;
  const year = Number(values.year);
  if (kind !== 'annual' || typeof values.org !== 'string' || !Number.isInteger(year) || !['json', 'html', 'docx', 'pdf'].includes(format)) {
    env.err(`用法：fazhi ${REPORT_USAGE}`);
    return 2;
  }
  if (format !== 'json' && format !== 'html' && typeof values.out !== 'string') {
    env.err('DOCX、PDF 须用 --out FILE 指定输出文件');
    return 2;
  }
  const org = values.org;
  const file = typeof values.out === 'string' ? values.out : undefined;
  return withPlatform(async () => modules, env, async (platform) => {
    const codes = await subtreeCodes(platform.db, org);
    if (!codes.length) {
      env.err(`单位 ${org} 不存在`);
      return 1;
    }
    const built = await platform.db.transaction().execute(async (tx) => buildFromDraft(await subtreeSystemCtx(tx, platform.cipher, org, 'cli'), platform, org, year));
    const out = await encode(built, format);
    if (file) {
      await writeFile(file, out.body);
      env.out(`已生成：${file}`);
    } else env.out(String(out.body));
    return 0;
  });
}
