import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { adminModule } from '../server/platform/admin.module.ts';
import { startPlatform } from '../server/platform/bootstrap.ts';
import { systemActor, type Ctx } from '../server/platform/http/context.ts';
import { exportStream } from '../server/platform/ledger/ledger.excel.ts';
import { mediationModule } from '../server/modules/mediation/mediation.module.ts';

/**
 * issue 3: a streaming export of 100 000 records must stay under 300 MB of memory.
 * Reports the peak RSS growth during the export, and the export time as a ratio to a lower
 * bound measured in the same run: reading the same rows with a plain keyset scan.
 */
export async function exportBench(rows = 100_000): Promise<{ rows: number; peakMb: number; ratio: number; bytes: number }> {
  const { platform, handle } = await startPlatform([adminModule, mediationModule], { dataDir: 'memory://' }, { ...process.env, LOG_LEVEL: 'silent', FAZHI_SECRET_KEY: 'ab'.repeat(32) });
  const db = platform.db;
  await db.insertInto('org').values({ code: '999001000000', parent_code: null, name: '基准县', kind: 'county', path: '/999001000000/' }).execute();
  await sql`insert into mediation_committee (org_code, name, kind, director, members, created_by, updated_by) values ('999001000000', '基准调委会', '村（居）人民调解委员会', '张三', 5, 'bench', 'bench')`.execute(db);
  await sql`insert into mediation_mediator (org_code, name, gender, committee_id, position, kind, active, created_by, updated_by) values ('999001000000', '李四', '男', 1, '主任', '专职', true, 'bench', 'bench')`.execute(db);
  await sql`
    insert into mediation_case (org_code, case_no, received_on, source, dispute_type, summary, description, location, applicant_name, respondent_name, parties_count, amount, committee_id, mediator_id, outcome, agreement_type, closed_on, search_text, created_by, updated_by)
    select '999001000000', '（2025）基准调字第' || g || '号', date '2025-01-01' + (g % 365), '排查', (array['邻里纠纷','劳动争议','合同纠纷','婚姻家庭纠纷'])[1 + g % 4],
      '基准纠纷概要' || g, repeat('申请人与被申请人因宅基地界址发生纠纷，经调解达成协议。', 3), '基准村', '申请人' || g, '被申请人' || g, 2, (g % 1000) / 10.0, 1, 1, '调解成功', '口头协议', date '2025-01-05' + (g % 360), '', 'bench', 'bench'
    from generate_series(1, ${rows}) g`.execute(db);
  const ctx: Ctx = { actor: { ...systemActor, permissions: new Set(['mediation.case.export']) }, ip: 'bench', scope: { root: '999001000000', codes: ['999001000000'] }, tx: db, cipher: platform.cipher, now: new Date() };
  const ledger = platform.ledgers.get('mediation.case');
  if (!ledger) throw new Error('no ledger');

  // lower bound: read every row once in the same keyset pages, doing nothing with it
  const t0 = performance.now();
  let last = 0;
  for (;;) {
    const page = await db.selectFrom('mediation_case' as never).selectAll().where('id' as never, '>', last as never).orderBy('id' as never).limit(2000).execute();
    if (page.length === 0) break;
    last = Number((page.at(-1) as unknown as { id: number }).id);
  }
  const lower = performance.now() - t0;

  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let bytes = 0;
  const t1 = performance.now();
  await pipeline(await exportStream(ctx, ledger, { page: 1, pageSize: 20, status: 'active' } as Parameters<typeof exportStream>[2], new Map([['999001000000', '基准县']]), platform.ledgers), new Writable({ write(chunk: Buffer, _e, cb) { bytes += chunk.length; peak = Math.max(peak, process.memoryUsage().rss); cb(); } }));
  const took = performance.now() - t1;
  clearInterval(timer);
  await handle.close();
  return { rows, peakMb: Math.round(((peak - base) / 1024 / 1024) * 10) / 10, ratio: Math.round((took / lower) * 10) / 10, bytes };
}
