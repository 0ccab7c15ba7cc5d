// a role's data scope (decision 0042), shared by the server and the web app

/** own: the unit the role is held in; subtree: that unit and below; listed: exactly the role's listed units */
export type DataScope = 'own' | 'subtree' | 'listed';
export const DATA_SCOPE_LABELS: Record<DataScope, string> = { own: '本单位', subtree: '本单位及下级', listed: '指定单位' };

/** a role (GET /api/roles) */
export interface RoleView {
  code: string;
  name: string;
  description: string;
  builtin: boolean;
  permissions: string[];
  dataScope: DataScope;
  scopeOrgs: string[];
  version: number;
  users: number;
}
