import type { Ctx } from '../../platform/http/context.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { Platform } from '../../platform/module.ts';
import type { DocumentSpec } from '../../platform/reports/blocks.ts';
import { renderDocx } from '../../platform/reports/docx.renderer.ts';
import { renderHtml } from '../../platform/reports/html.renderer.ts';
import { renderPdf } from '../../platform/reports/pdf.renderer.ts';
import type { ReportContent } from './report.content.ts';
import { checkDraft, type Check } from './report.checks.ts';
import { renderSections, buildDocumentSpec, type AppendixUnit, type RenderedSection } from './report.render.ts';
import { loadVersion, openDraft, reportFigures, reportingUnits, sourceChecks } from './report.service.ts';
import type { UnitSource } from './report.county.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

/** the stable JSON contract of `fazhi report annual --format json` */
export interface AnnualReportJson {
  org: { code: string; name: string };
  year: number;
  title: string;
  status: string;
  sections: RenderedSection[];
  indicators: Array<{ id: string; label: string; value: number; unit: string; breakdown: Array<{ label: string; value: number }>; recordCount: number }>;
  checks: Array<{ id: string; ok: boolean; message: string; severity: string }>;
  /** a county's report: where each unit's figures come from (submitted report, live records, missing) */
  units?: UnitSource[];
}

export interface BuiltReport {
  json: AnnualReportJson;
  document: DocumentSpec;
}

function build(org: { code: string; name: string }, year: number, status: string, content: ReportContent, values: Map<string, IndicatorValue>, checks: Check[], signDate: string, units: readonly AppendixUnit[], sources: UnitSource[] | null): BuiltReport {
  return {
    json: {
      org,
      year,
      title: content.title,
      status,
      sections: renderSections(content, values),
      indicators: [...values.values()].map((v) => ({ id: v.id, label: v.label, value: v.value, unit: v.unit, breakdown: v.breakdown.map((b) => ({ label: b.label, value: b.value })), recordCount: v.recordCount })),
      checks: checks.map((c) => ({ id: c.id, ok: c.ok, message: c.message, severity: c.severity })),
      ...(sources ? { units: sources } : {}),
    },
    // a county's report is its people's government's: signed 演示县人民政府, as its title reads
    document: buildDocumentSpec(content, values, { org: sources ? `${org.name}人民政府` : org.name, date: signDate }, units),
  };
}

/** the live draft (made from the template if there is none yet) with current figures */
export async function buildFromDraft(ctx: Ctx, platform: Platform, orgCode: string, year: number): Promise<BuiltReport> {
  const draft = await openDraft(ctx, platform, orgCode, year);
  const org = await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', '=', orgCode).executeTakeFirstOrThrow();
  const { values, sources } = await reportFigures(ctx, platform, orgCode, year, draft.content);
  return build(org, year, draft.status, draft.content, values, [...sourceChecks(sources), ...checkDraft(draft.content, values)], chinaDate(ctx.now), sources ?? (await reportingUnits(ctx, orgCode)), sources);
}

/** a frozen version exactly as submitted */
export async function buildFromVersion(ctx: Ctx, versionId: number): Promise<BuiltReport> {
  const v = await loadVersion(ctx, versionId, 'annual');
  const org = await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', '=', v.org_code).executeTakeFirstOrThrow();
  const values = new Map((v.indicators as IndicatorValue[]).map((x) => [x.id, x]));
  const submitted = chinaDate(new Date(v.submitted_at));
  // a county's version keeps where each unit's figures came from when it was submitted
  const sources = (v.units as UnitSource[] | null) ?? null;
  return build(org, v.year, v.status, v.content as ReportContent, values, v.checks as Check[], submitted, sources ?? (await reportingUnits(ctx, v.org_code)), sources);
}

export type Format = 'json' | 'html' | 'docx' | 'pdf';

export async function encode(report: BuiltReport, format: Format): Promise<{ body: Buffer | string; type: string; ext: string }> {
  switch (format) {
    case 'json':
      return { body: JSON.stringify(report.json, null, 2), type: 'application/json; charset=utf-8', ext: 'json' };
    case 'html':
      return { body: renderHtml(report.document), type: 'text/html; charset=utf-8', ext: 'html' };
    case 'docx':
      return { body: await renderDocx(report.document), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
    case 'pdf':
      return { body: await renderPdf(await renderDocx(report.document), renderHtml(report.document)), type: 'application/pdf', ext: 'pdf' };
  }
}
