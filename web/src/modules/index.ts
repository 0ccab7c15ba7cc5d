import type { ComponentType, LazyExoticComponent } from 'react';
import { pagePath, type AuditLabels, type ModulePage, type PublicPage, type RecordPanelProps, type WebModule } from '../platform/module.ts';
import { adminModule } from './admin/index.ts';
import { decisionsModule } from './decisions/index.ts';
import { disclosureModule } from './disclosure/index.ts';
import { enforcementModule } from './enforcement/index.ts';
import { ledgersModule } from './ledgers/index.ts';
import { legalAdvisorsModule } from './legal-advisors/index.ts';
import { mediationModule } from './mediation/index.ts';
import { publicityModule } from './publicity/index.ts';
import { reconsiderationModule } from './reconsideration/index.ts';
import { reportsModule } from './reports/index.ts';
import { reviewModule } from './review/index.ts';
import { supervisionModule } from './supervision/index.ts';
import { evaluationModule } from './evaluation/index.ts';
import { workflowModule } from './workflow/index.ts';

/**
 * every work area's pages, by path prefix; adding a module's pages is one line here.
 * a nav entry from the server whose path has no page yet shows "该功能模块正在建设中".
 */
export const webModules: WebModule[] = [adminModule, reportsModule, reviewModule, workflowModule, ledgersModule, enforcementModule, disclosureModule, decisionsModule, mediationModule, legalAdvisorsModule, reconsiderationModule, publicityModule, supervisionModule, evaluationModule];

export interface RegisteredPage extends ModulePage {
  fullPath: string;
  module: string;
}

export const registeredPages: RegisteredPage[] = webModules.flatMap((m) => m.pages.map((p) => ({ ...p, fullPath: pagePath(m, p), module: m.name })));

export const permissionGroupLabels: Record<string, string> = Object.assign({}, ...webModules.map((m) => m.permissionGroups ?? {}));

export const auditLabels: Required<AuditLabels> = {
  entities: Object.assign({}, ...webModules.map((m) => m.auditLabels?.entities ?? {})),
  actions: Object.assign({}, ...webModules.map((m) => m.auditLabels?.actions ?? {})),
  fields: Object.assign({}, ...webModules.map((m) => m.auditLabels?.fields ?? {})),
};

/** the extra cards each ledger's detail page shows, from every module that declares some */
export const recordPanels: Record<string, Array<LazyExoticComponent<ComponentType<RecordPanelProps>>>> = {};
for (const m of webModules) for (const [ledger, panel] of Object.entries(m.recordPanels ?? {})) (recordPanels[ledger] ??= []).push(panel);
/** ledgers whose panels go in the record page's wide column, under the fields */
export const mainPanelLedgers: ReadonlySet<string> = new Set(webModules.flatMap((m) => m.mainPanels ?? []));

/** every public page (no login), and the public site's top navigation in order */
export const publicPages: PublicPage[] = webModules.flatMap((m) => m.publicPages ?? []);
export const publicNav = publicPages
  .filter((p): p is PublicPage & { nav: NonNullable<PublicPage['nav']> } => p.nav !== undefined)
  .sort((a, b) => a.nav.order - b.nav.order)
  .map((p) => ({ path: p.path, label: p.nav.label }));
