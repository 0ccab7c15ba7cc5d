import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LedgerMeta, LedgerRecordDetail } from './ledger/ledger-types.ts';

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
  /**
   * extra cards on a ledger record's detail page, by ledger name ("enforcement.case" → decide form, documents):
   * the generic page stays generic and a work area adds only what its procedure needs
   */
  recordPanels?: Record<string, LazyExoticComponent<ComponentType<RecordPanelProps>>>;
  /** ledgers whose panels are the record's main content (a scoring sheet, a list of drawn files): shown in the wide column */
  mainPanels?: readonly string[];
  /** pages of the public site (no login), with absolute paths under /public; `nav` puts one in the site's top bar */
  publicPages?: PublicPage[];
}

/** what a record panel receives: the record as the detail page loaded it, and its ledger's meta */
export interface RecordPanelProps {
  ledger: string;
  record: LedgerRecordDetail;
  meta: LedgerMeta;
}

export interface PublicPage {
  /** absolute, e.g. "/public/enforcement" or "/public/enforcement/:id" */
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** the label in the public site's top navigation, for a section's entry page */
  nav?: { label: string; order: number };
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
