import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ConfigOverrides } from '../../platform/config/config.ts';
import { startPlatform } from '../../platform/bootstrap.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { subtreeCodes, subtreeSystemCtx } from '../../platform/orgs/org.repository.ts';
import { buildFromDraft, encode, type Format } from './report.output.ts';

export const REPORT_USAGE = 'report annual --org CODE --year YYYY --format json|html|docx|pdf [--out FILE]   生成法治政府建设年度报告';

/** `fazhi report annual`: the organisation's draft (made from the template if none exists) with current figures */
export async function runReportCli(args: string[], env: { overrides: ConfigOverrides; out: (line: string) => void }, modules: ModuleDefinition[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: false, options: { org: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } } });
  const kind = positionals[0];
  const format = (typeof values.format === 'string' ? values.format : 'json') as Format;
  const year = Number(values.year);
  if (kind !== 'annual' || typeof values.org !== 'string' || !Number.isInteger(year) || !['json', 'html', 'docx', 'pdf'].includes(format)) {
    console.error(`用法：fazhi ${REPORT_USAGE}`);
    return 2;
  }
  if (format !== 'json' && format !== 'html' && typeof values.out !== 'string') {
    console.error('DOCX、PDF 须用 --out FILE 指定输出文件');
    return 2;
  }
  const { platform, handle } = await startPlatform(modules, env.overrides);
  try {
    const codes = await subtreeCodes(platform.db, values.org);
    if (!codes.length) {
      console.error(`单位 ${values.org} 不存在`);
      return 1;
    }
    const built = await platform.db.transaction().execute(async (tx) => {
      return buildFromDraft(await subtreeSystemCtx(tx, platform.cipher, values.org as string, 'cli'), platform, values.org as string, year);
    });
    const out = await encode(built, format);
    if (typeof values.out === 'string') {
      await writeFile(values.out, out.body);
      env.out(`已生成：${values.out}`);
    } else env.out(String(out.body));
    return 0;
  } finally {
    await handle.close();
  }
}
