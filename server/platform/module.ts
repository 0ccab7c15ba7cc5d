import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { NavItem } from '../../common/platform.types.ts';
import type { PermissionDef } from './auth/roles.ts';
import type { FieldCipher } from './crypto/sm.ts';
import type { MigrationSet } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import type { Config } from './config/config.ts';
import type { Ctx } from './http/context.ts';
import type { Api } from './http/route.ts';
import type { BlobStore } from './files/blob-store.ts';
import type { LedgerRegistry } from './ledger/ledger.service.ts';
import type { LedgerDef } from './ledger/ledger.types.ts';
import type { IndicatorDef } from './indicators/indicator.types.ts';
import type { TodoItem } from '../../common/todo.types.ts';
import type { DeadlineItem } from '../../common/workflow.types.ts';
import type { ReportObligation } from '../../common/reports.types.ts';

export type { NavItem };

/** one line of the home page's pending work: a count that links to the list behind it */
export interface HomeItem {
  key: string;
  label: string;
  count: number;
  link: string;
  tone?: 'normal' | 'warning' | 'danger';
}

/** a work area, declared once; the platform wires storage, routes, permissions, navigation and demo data */
export interface ModuleDefinition {
  name: string;
  label: string;
  permissions?: PermissionDef[];
  migrations?: MigrationSet;
  /** ledgers: each gets its table, API, permissions, search, Excel and attachments from the platform */
  ledgers?: LedgerDef[];
  /** figures this work area yields for reports; each value carries the records behind it */
  indicators?: IndicatorDef[];
  nav?: NavItem[];
  routes?: (api: Api, platform: Platform) => void;
  home?: (ctx: Ctx) => Promise<HomeItem[]>;
  /** to-dos that are not steps of a ledger's workflow (a returned annual report), merged into the 待办 list */
  todos?: (ctx: Ctx) => Promise<TodoItem[]>;
  /** deadlines kept outside ledgers (an annual report's due date), merged into 到期事项 and filtered like its clocks */
  deadlines?: (ctx: Ctx) => Promise<DeadlineItem[]>;
  /**
   * the yearly reports this work area owes, one per unit below a county (an annual report to submit, a disclosure
   * report to publish): their state and due day, for the reminders and the county's 报送情况 (report-reminders.ts)
   */
  reportObligations?: (db: Kysely<Database>, year: number) => Promise<ReportObligation[]>;
  /** creates demo records for the demo county; runs once, in one transaction */
  demo?: (ctx: Ctx, platform: Platform) => Promise<void>;
  /** runs at every start after migrations (e.g. loading reference data on first start) */
  init?: (platform: Platform) => Promise<void>;
  /** runs once the HTTP server is about to listen (background jobs such as the reminder scan) */
  onServe?: (platform: Platform) => Promise<void>;
}

export interface Platform {
  db: Kysely<Database>;
  cipher: FieldCipher;
  config: Config;
  log: Logger;
  modules: ModuleDefinition[];
  permissions: PermissionDef[];
  ledgers: LedgerRegistry;
  blobs: BlobStore;
  app?: FastifyInstance;
}

export function defineModule(def: ModuleDefinition): ModuleDefinition {
  return def;
}
