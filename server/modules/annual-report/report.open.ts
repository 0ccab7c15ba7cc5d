import { can, inScope, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { findDraft, openDraft, orgOf, templateContent, templateLevelOf } from './report.service.ts';
import { instantiate } from './report.template.ts';

/** what the annual-report page finds for an organisation and year: the report, or what a new one would be */
export type ReportLookup =
  | { exists: true; id: number; status: string }
  | { exists: false; orgCode: string; orgName: string; year: number; title: string; canCreate: boolean };

/**
 * looks the report up and writes nothing: opening the page never creates a report (reading never writes).
 * An organisation outside the user's scope is the same 404 whether or not it has a report
 */
export async function lookupReport(ctx: Ctx, orgCode: string, year: number): Promise<ReportLookup> {
  if (!inScope(ctx, orgCode)) throw notFound('单位');
  const existing = await findDraft(ctx, orgCode, year);
  if (existing) return { exists: true, id: existing.id, status: existing.status };
  const org = await orgOf(ctx, orgCode);
  const title = instantiate(await templateContent(ctx, await templateLevelOf(ctx, orgCode)), { orgName: org.name, parentName: org.parentName, year }).title;
  return { exists: false, orgCode, orgName: org.name, year, title, canCreate: can(ctx, 'report.edit') };
}

/** 新建年度报告: the explicit act that drafts the report from the template (audited as 新建 by who did it) */
export async function createReport(ctx: Ctx, platform: Platform, orgCode: string, year: number): Promise<{ id: number; created: boolean }> {
  if (!inScope(ctx, orgCode)) throw notFound('单位');
  const existing = await findDraft(ctx, orgCode, year);
  if (existing) return { id: existing.id, created: false };
  return { id: (await openDraft(ctx, platform, orgCode, year)).id, created: true };
}
