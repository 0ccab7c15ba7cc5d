import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reconciliation, StatsTable } from '../../../common/enforcement-stats.types.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { startPlatform } from '../../platform/bootstrap.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import { numberingModule } from '../../platform/numbering/numbering.module.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { disclosureModule } from '../disclosure/disclosure.module.ts';
import { enforcementModule } from '../enforcement/enforcement.module.ts';
import { annualReportModule } from './annual-report.module.ts';
import { runStatsCli } from './stats.cli.ts';

const MODULES = [adminModule, calendarModule, workflowModule, numberingModule, enforcementModule, disclosureModule, annualReportModule];
const year = new Date().getUTCFullYear() - 1;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stats-cli-'));
  const { platform, handle } = await startPlatform(MODULES, { dataDir: join(dir, 'data') }, { ...process.env, LOG_LEVEL: 'silent' });
  await seedDemo(platform);
  await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStatsCli(args, { overrides: { dataDir: join(dir, 'data') }, out: (l) => out.push(l), err: (l) => err.push(l) }, MODULES);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('fazhi report enforcement-stats and reconcile', () => {
  it('prints the submitted table as JSON, with no figure where the system has no records', async () => {
    const r = await run(['enforcement-stats', '--org', '999001002000', '--year', String(year), '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { org: { code: string }; status: string; versionNo: number; table: StatsTable };
    expect(json.org.code).toBe('999001002000');
    expect(json.status).toBe('submitted');
    expect(json.versionNo).toBe(1);
    const levy = json.table.rows.find((x) => x.key === 'levy')?.cells[0];
    expect(levy?.value).toBeNull();
    expect(levy?.source).toBe('none');
    expect(json.table.rows.find((x) => x.key === 'penalty')?.cells[0]?.value).toBeGreaterThan(0);
    expect(json.table.checks.filter((c) => !c.ok && c.severity === 'error')).toEqual([]);
  });

  it('writes a DOCX, refuses one without --out, and reconciles as JSON', async () => {
    expect((await run(['enforcement-stats', '--org', '999001002000', '--year', String(year), '--format', 'docx'])).code).toBe(2);
    const out = join(dir, 's.docx');
    expect((await run(['enforcement-stats', '--org', '999001002000', '--year', String(year), '--format', 'docx', '--out', out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const r = await run(['reconcile', '--org', '999001002000', '--year', String(year)]);
    expect(r.code, r.err).toBe(0);
    const rec = JSON.parse(r.out) as Reconciliation;
    expect(rec.ok).toBe(true);
    expect(rec.facts.find((f) => f.id === 'penalty_decisions')?.places.map((p) => p.report)).toEqual(['annual', 'disclosure', 'stats']);
    expect((await run(['reconcile', '--org', '999009000000', '--year', String(year)])).code).toBe(1);
  });
});
