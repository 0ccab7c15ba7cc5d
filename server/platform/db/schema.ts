import type { DataScope } from '../../../common/roles.ts';
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface OrgTable {
  code: string;
  parent_code: string | null;
  name: string;
  kind: 'province' | 'city' | 'county' | 'town' | 'department';
  path: string;
  sort: Generated<number>;
  status: Generated<'active' | 'withdrawn'>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: Generated<number>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_code: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  status: Generated<'active' | 'disabled'>;
  phone_enc: string | null;
  last_login_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: Generated<number>;
}

export interface RoleTable {
  code: string;
  name: string;
  description: string;
  builtin: Generated<boolean>;
  permissions: Json<string[]>;
  /** own: the unit the role is held in; subtree: that unit and below; listed: exactly scope_orgs */
  data_scope: Generated<DataScope>;
  scope_orgs: ColumnType<string[], string | undefined, string>;
  updated_at: DefaultTimestamp;
  version: Generated<number>;
}

export type { DataScope } from '../../../common/roles.ts';

export interface UserRoleTable {
  user_id: number;
  role_code: string;
}

/** a role held in a unit other than the user's home unit */
export interface UserUnitRoleTable {
  user_id: number;
  org_code: string;
  role_code: string;
}

/** one row (id 1): a random token replaced with every change to role, user_role, user_unit_role or org */
export interface AuthzStateTable {
  id: number;
  token: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  current_org_code: string;
  ip: string;
  user_agent: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
}

export interface AuditTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  ip: string;
  org_code: string | null;
  entity: string;
  entity_id: string;
  action: string;
  diff: Json<unknown>;
  prev_hash: string;
  hash: string;
  /** 'sm3': written before the chain was keyed (SM3 over prev+entry); 'hmac-sm3': keyed with the audit key */
  alg: 'sm3' | 'hmac-sm3';
}

export interface AuditCheckpointTable {
  id: Generated<string>;
  at: Timestamp;
  last_id: string;
  hash: string;
  count: string;
  reason: string;
  mac: string;
}

export interface SettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: DefaultTimestamp;
}

export interface IdempotencyKeyTable {
  id: Generated<string>;
  user_id: number;
  key: string;
  request_hash: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface AttachmentTable {
  id: Generated<number>;
  org_code: string;
  /** the ledger the record belongs to */
  owner: string;
  owner_id: number;
  kind: Generated<string>;
  name: string;
  mime: string;
  size: number;
  /** SM3 of the content: the blob's address */
  hash: string;
  status: Generated<'active' | 'withdrawn'>;
  created_at: DefaultTimestamp;
  created_by: string;
  /** when and where the phone took it (captured evidence); null for ordinary uploads */
  captured_at: NullableTimestamp;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
}

export interface Database {
  org: OrgTable;
  app_user: UserTable;
  role: RoleTable;
  user_role: UserRoleTable;
  user_unit_role: UserUnitRoleTable;
  authz_state: AuthzStateTable;
  session: SessionTable;
  audit_log: AuditTable;
  audit_checkpoint: AuditCheckpointTable;
  setting: SettingTable;
  idempotency_key: IdempotencyKeyTable;
  attachment: AttachmentTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
