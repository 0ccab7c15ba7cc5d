import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldCipher } from '../crypto/sm.ts';

export interface Actor {
  id: number | null;
  username: string;
  displayName: string;
  /** the user's home organisation: the widest scope they may ever see */
  homeOrg: string;
  roles: string[];
  permissions: ReadonlySet<string>;
}

export interface Scope {
  /** the organisation currently selected (home org, or one below it via the switcher) */
  root: string;
  /** every organisation code in the subtree of root */
  codes: string[];
  /** the names of those organisations, when the session already knows them (read with its reach, decision 0047) */
  names?: ReadonlyMap<string, string>;
}

/** what every service function takes first: who acts, where, on which transaction */
export interface Ctx {
  actor: Actor;
  ip: string;
  scope: Scope;
  tx: Kysely<Database>;
  cipher: FieldCipher;
  now: Date;
}

export const systemActor: Actor = {
  id: null,
  username: 'system',
  displayName: '系统',
  homeOrg: '',
  roles: [],
  permissions: new Set(),
};

export function can(ctx: Pick<Ctx, 'actor'>, permission: string): boolean {
  return ctx.actor.permissions.has(permission);
}

export function inScope(ctx: Pick<Ctx, 'scope'>, orgCode: string): boolean {
  return ctx.scope.codes.includes(orgCode);
}
