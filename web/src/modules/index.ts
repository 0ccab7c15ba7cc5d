import { pagePath, type AuditLabels, type ModulePage, type WebModule } from '../platform/module.ts';
import { adminModule } from './admin/index.ts';
import { ledgersModule } from './ledgers/index.ts';
import { reportsModule } from './reports/index.ts';
import { reviewModule } from './review/index.ts';
import { workflowModule } from './workflow/index.ts';

/**
 * every work area's pages, by path prefix; adding a module's pages is one line here.
 * a nav entry from the server whose path has no page yet shows "该功能模块正在建设中".
 */
export const webModules: WebModule[] = [adminModule, reportsModule, reviewModule, workflowModule, ledgersModule];

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
