// the shape of GET /api/ledgers/:ledger/:id/versions (server/platform/ledger/correction.service.ts), shared by the server and the web app

/** one version of a record: the values as they stood until a 更正 or 撤回 replaced them */
export interface VersionEntry {
  /** 1 for the first version, the current one last */
  n: number;
  version: number;
  current: boolean;
  state: string | null;
  stateLabel: string;
  status: string;
  /** who wrote these values, and when */
  writtenBy: string;
  writtenAt: string;
  /** what replaced them: 更正 or 撤回, why, by whom, when (null for the current version) */
  replacedBy: { kind: 'correct' | 'revoke'; reason: string; actorName: string; at: string } | null;
}
