// the shapes of the administration API (server/platform: orgs, auth, audit), shared by the server and the web app
// type-only: no runtime code here

/** an organisation (GET /api/orgs) */
export interface OrgView {
  code: string;
  parentCode: string | null;
  name: string;
  kind: string;
  kindLabel: string;
  path: string;
  sort: number;
  status: string;
  version: number;
}

/** a user account (GET /api/users) */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  phone: string | null;
  roles: string[];
  roleNames: string[];
  /** roles held in units other than the home unit */
  units: Array<{ orgCode: string; orgName: string; roles: string[]; roleNames: string[] }>;
  status: string;
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
}

/** a signed-in session (GET /api/sessions) */
export interface OnlineSession {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  orgName: string;
  ip: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
}

/** an entry of the audit log (GET /api/audit) */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: string;
  ip: string;
  orgCode: string | null;
  entity: string;
  entityId: string;
  action: string;
  diff: unknown;
  hash: string;
}

/** what verifying the audit chain and its checkpoints found (POST /api/audit/verify, /verify/anchors, the CLI) */
export interface AuditVerifyResult {
  ok: boolean;
  /** entries verified */
  checked: number;
  /** checkpoints checked against the chain (database, anchor file, the auditor's file) */
  checkpoints: number;
  firstBad?: { id: string; reason: string };
  truncated?: { at: string; lastId: string; count: number; where: string };
  forged?: { where: string };
  /** what went wrong, in the words the CLI, the API and the web page show */
  problem?: string;
}
