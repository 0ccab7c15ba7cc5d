import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { startPlatform } from '../../platform/bootstrap.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { runDisclosureReportCli } from './disclosure.cli.ts';
import { disclosureModule } from './disclosure.module.ts';

const MODULES = [adminModule, calendarModule, workflowModule, disclosureModule];
const year = new Date().getUTCFullYear() - 1;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'disclosure-cli-'));
  const { platform, handle } = await startPlatform(MODULES, { dataDir: join(dir, 'data') }, { ...process.env, LOG_LEVEL: 'silent' });
  await seedDemo(platform);
  await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fazhi report disclosure', () => {
  it('prints the report as JSON with its tables and checks', async () => {
    const lines: string[] = [];
    const code = await runDisclosureReportCli(['disclosure', '--org', '999001001000', '--year', String(year), '--format', 'json'], { overrides: { dataDir: join(dir, 'data') }, out: (l) => lines.push(l), err: () => undefined }, MODULES);
    expect(code).toBe(0);
    const json = JSON.parse(lines.join('\n')) as { org: { code: string }; sections: Array<{ title: string; table?: { rows: unknown[] } }>; indicators: Array<{ id: string; value: number }>; checks: Array<{ ok: boolean }> };
    expect(json.org.code).toBe('999001001000');
    expect(json.sections.map((s) => s.title)[2]).toBe('三、收到和处理政府信息公开申请情况');
    expect(json.sections[2]?.table?.rows).toHaveLength(25);
    expect(json.indicators.find((i) => i.id === 'disclosure.items_published')?.value).toBeGreaterThan(100);
    expect(json.checks.every((c) => c.ok)).toBe(true);
  });

  it('writes a DOCX, and refuses a DOCX without --out', async () => {
    const out = join(dir, 'r.docx');
    const code = await runDisclosureReportCli(['disclosure', '--org', '999001001000', '--year', String(year), '--format', 'docx', '--out', out], { overrides: { dataDir: join(dir, 'data') }, out: () => undefined, err: () => undefined }, MODULES);
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(await runDisclosureReportCli(['disclosure', '--org', '999001001000', '--year', String(year), '--format', 'docx'], { overrides: { dataDir: join(dir, 'data') }, out: () => undefined, err: () => undefined }, MODULES)).toBe(2);
  });
});
