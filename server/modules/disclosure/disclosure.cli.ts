import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cliActor, withPlatform, type CliEnv } from '../../platform/cli/cli-env.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { computeIndicators } from '../../platform/indicators/indicator.service.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { subtreeCodes } from '../../platform/orgs/org.repository.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { renderHtml } from '../../platform/reports/html.renderer.ts';
import { disclosureIndicators } from './disclosure.indicators.ts';
import type { DisclosureReport } from './disclosure.report.ts';
import { buildDocumentSpec } from './disclosure.render.ts';
import { reportView } from './disclosure.service.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

export const DISCLOSURE_REPORT_USAGE = 'report disclosure --org CODE --year YYYY --format json|html|docx [--out FILE]   生成政府信息公开工作年度报告';

/** the stable JSON of `fazhi report disclosure --format json`: the common report shape plus the three tables */
export function reportJson(report: DisclosureReport, indicators: Array<{ id: string; label: string; value: number; unit: string; breakdown: Array<{ label: string; value: number }>; recordCount: number }>) {
  return {
    org: report.org,
    year: report.year,
    title: report.title,
    sections: report.sections.map((s) => ({ title: s.title, paragraphs: s.paragraphs, ...(s.table ? { table: s.table } : {}) })),
    indicators,
    checks: report.checks.map((c) => ({ id: c.id, ok: c.ok, message: c.message })),
  };
}

/** `fazhi report disclosure`: the organisation's report (its draft or frozen version) with current figures */
export async function runDisclosureReportCli(args: string[], env: CliEnv, modules: ModuleDefinition[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: false, options: { org: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } } });
  const format = typeof values.format === 'string' ? values.format : 'json';
  const year = Number(values.year);
  if ((positionals[0] !== undefined && positionals[0] !== 'disclosure') || typeof values.org !== 'string' || !Number.isInteger(year) || !['json', 'html', 'docx'].includes(format)) {
    env.err(`用法：fazhi ${DISCLOSURE_REPORT_USAGE}`);
    return 2;
  }
  if (format === 'docx' && typeof values.out !== 'string') {
    env.err('DOCX 须用 --out FILE 指定输出文件');
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
    const { report, indicators } = await platform.db.transaction().execute(async (tx) => {
      const ctx: Ctx = { actor: cliActor, ip: 'cli', scope: { root: org, codes }, tx, cipher: platform.cipher, now: new Date() };
      const view = await reportView(ctx, platform, org, year);
      const values = await computeIndicators(ctx, disclosureIndicators, platform.ledgers, { org, from: `${year}-01-01`, to: `${year}-12-31` });
      return { report: view.report, indicators: values.map((v) => ({ id: v.id, label: v.label, value: v.value, unit: v.unit, breakdown: v.breakdown.map((b) => ({ label: b.label, value: b.value })), recordCount: v.recordCount })) };
    });
    const doc = buildDocumentSpec(report, chinaDate(new Date()));
    const body = format === 'json' ? JSON.stringify(reportJson(report, indicators), null, 2) : format === 'html' ? renderHtml(doc) : await renderDocx(doc);
    if (file) {
      await writeFile(file, body);
      env.out(`已生成：${file}`);
    } else env.out(String(body));
    return 0;
  });
}
