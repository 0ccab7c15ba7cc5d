import type { Kysely } from 'kysely';
import { standardItems } from '../../../common/inspection.checklist.ts';
import type { InspectionStandards } from '../../../common/inspection.types.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { loadRow } from '../../platform/ledger/ledger.service.ts';
import { inspectionLedger } from './inspection.ledgers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- this module's own tables
type AnyDb = Kysely<any>;

/**
 * 一表通查 for the field mode: the active inspection standards of the inspection's matter, and their items as one
 * checklist (each item once, in the standards' order). Scoped like the record: who may not read the inspection gets
 * its 404.
 */
export async function inspectionStandards(ctx: Ctx, id: number): Promise<InspectionStandards> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const standards = await (ctx.tx as unknown as AnyDb)
    .selectFrom('enforcement_inspection_standard')
    .select(['id', 'title', 'items', 'basis'])
    .where('matter', '=', Number(row['matter']))
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const list = standards.map((s) => ({ id: Number(s.id), title: String(s.title), basis: s.basis === null ? null : String(s.basis), items: standardItems([String(s.items)]) }));
  return { standards: list, items: standardItems(standards.map((s) => String(s.items))) };
}
