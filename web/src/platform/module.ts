import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** one page of a work area; its path is relative to the module's prefix and may hold params ("cases/:id") */
export interface ModulePage {
  path: string;
  /** shown only to users holding any of these permissions (the API refuses the others anyway) */
  permission: string | readonly string[];
  title: string;
  component: LazyExoticComponent<ComponentType>;
}

/** a work area's pages, registered once in web/src/modules/index.ts */
export interface WebModule {
  name: string;
  /** every page lives under this path, e.g. "/admin" or "/mediation" */
  prefix: string;
  pages: ModulePage[];
  /** Chinese headings for permission code prefixes ("mediation" → "人民调解") on the role editor */
  permissionGroups?: Record<string, string>;
  /** Chinese names of the module's audit log entities, actions and diff fields */
  auditLabels?: AuditLabels;
}

export interface AuditLabels {
  entities?: Record<string, string>;
  actions?: Record<string, string>;
  fields?: Record<string, string>;
}

export function defineWebModule(def: WebModule): WebModule {
  return def;
}

/** React.lazy over a named export, so page files keep named exports only */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const mod = await load();
    return { default: mod[name] as ComponentType };
  });
}

/** the absolute route pattern of a page */
export const pagePath = (m: WebModule, p: ModulePage): string => `${m.prefix.replace(/\/$/, '')}/${p.path.replace(/^\//, '')}`;
