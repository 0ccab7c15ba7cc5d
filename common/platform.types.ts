// shapes of the platform's API shared by the server and the web app (GET /api/me, ledgers)
// type-only: no runtime code here

/** a navigation entry of the web app; shown only to users holding the permission */
export interface NavItem {
  path: string;
  label: string;
  permission: string;
  group: string;
  icon?: string;
  order?: number;
  /** shown only to users whose home organisation works at one of these levels (a department at its parent's) */
  orgLevels?: readonly string[];
}
