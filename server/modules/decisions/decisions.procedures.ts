import { sql } from 'kysely';
import type { DecisionChecklist, ProcedureStatus } from '../../../common/decisions.types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { countInScope } from '../../platform/ledger/ledger.query.ts';
import { loadRow } from '../../platform/ledger/ledger.service.ts';
import { commentLedger, decisionLedger } from './decisions.ledgers.ts';
import { lastSpeakerWarning, PROCEDURES, procedureMissing, speakers, SKIPPED } from './decisions.rules.ts';

const iso = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

export type { DecisionChecklist, ProcedureStatus } from '../../../common/decisions.types.ts';

/** the five procedures as a checklist, the 末位表态 check and the comment counts, from the same rules the gate uses */
export async function decisionChecklist(ctx: Ctx, id: number): Promise<DecisionChecklist> {
  const v = await loadRow(ctx, decisionLedger, id);
  const procedures = PROCEDURES.map((p): ProcedureStatus => {
    const missing = procedureMissing(p, v);
    const skipped = p.skippable && v[`${p.key}_result`] === SKIPPED;
    const date = iso(v[`${p.key}_date`]);
    const text = p.key === 'cd' ? str(v['cd_evidence']) : skipped ? str(v[`${p.key}_skip_reason`]) : str(v[`${p.key}_evidence`]);
    return { key: p.key, label: p.label, status: missing ? 'missing' : skipped ? 'skipped' : 'done', date: skipped ? null : date, text, missing };
  });
  const n = await countInScope(ctx, commentLedger, {
    total: sql`decision = ${id}`,
    unanswered: sql`decision = ${id} and handling is null`,
    answered: sql`decision = ${id} and handling is not null`,
    published: sql`decision = ${id} and answer_published = true`,
  });
  return {
    procedures,
    ready: procedures.every((p) => p.status !== 'missing'),
    meeting: { speakers: speakers(String(v['speaking_order'] ?? '')), principalLeader: str(v['principal_leader']), warning: lastSpeakerWarning(v) },
    comments: n,
  };
}
