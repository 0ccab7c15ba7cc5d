import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReviewCli } from './review.cli.ts';
import { reviewResultSchema } from './review.schema.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const jiangdong = fixture('004_62ce812be2832422.txt');
const xinglong = fixture('000_a35e55ae514b7412.txt');

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runReviewCli(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('fazhi review', () => {
  it('prints JSON in the published contract', async () => {
    const { code, lines } = await run(xinglong, jiangdong, '--format', 'json');
    expect(code).toBe(0);
    const result = reviewResultSchema.parse(JSON.parse(lines.join('\n')));
    expect(result.files.map((f) => [f.file, f.figures.length, f.findings.map((x) => x.kind)])).toEqual([
      [xinglong, 21, []],
      [jiangdong, 4, ['missing_section']],
    ]);
    expect(result.files[0]?.figures[8]).toEqual({
      text: expect.stringContaining('赋权执法事项54项(其中自选赋权执法事项39项)'),
      label: '赋权执法事项',
      value: 54,
      unit: '项',
      parts: [{ label: '自选赋权执法事项', value: 39, unit: '项' }],
      raw: '54项',
      approximate: false,
      normalized: { value: 54, unit: '项' },
    });
  });

  it('prints a Chinese summary by default', async () => {
    const { code, lines } = await run(jiangdong);
    expect(code).toBe(0);
    expect(lines[0]).toBe('审查 1 个文件，共发现问题 1 项。');
    expect(lines).toContain(`文件：${jiangdong}`);
    expect(lines.some((l) => l.includes('【缺少规定部分】') && l.includes('第一责任人'))).toBe(true);
    expect(lines).toContain('    · 答复及时率：100%');
  });

  it('says the numbers hold when nothing is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-review-'));
    const file = join(dir, 'ok.html');
    writeFileSync(file, '<html><body><p>收到调解申请582宗，成功调处553宗，调解成功率95%。</p></body></html>');
    const { lines } = await run('review', file, '--format=text');
    expect(lines).toContain('  提取数字 3 个，发现问题 0 项，数字核对无误。');
    expect(lines).toContain('    · 调解成功率：95%（553宗÷582宗）');
  });

  it.each([
    [[], '错误：请指定要审查的报告文件'],
    [[jiangdong, '--format', 'xml'], '错误：--format 只能是 json 或 text'],
    [[jiangdong, '--verbose'], '错误：不认识的选项：--verbose'],
    [['/no/such/报告.docx'], '错误：找不到文件：/no/such/报告.docx'],
    [[tmpdir()], `错误：不是文件：${tmpdir()}`],
  ])('refuses bad usage %j with exit code 2', async (argv, message) => {
    const { code, lines } = await run(...argv);
    expect(code).toBe(2);
    expect(lines[0]).toBe(message);
    expect(lines[1]).toMatch(/^用法：fazhi review/);
  });

  it('prints usage on --help', async () => {
    const { code, lines } = await run('--help');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^用法：/);
  });
});

describe('fazhi review as a process', () => {
  it('hands a slow reader the whole JSON document before it exits', async () => {
    const main = fileURLToPath(new URL('../../main.ts', import.meta.url));
    // many files make a document larger than a pipe holds, so the writes must wait for the reader
    const files = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? xinglong : jiangdong));
    const child = spawn(process.execPath, [main, 'review', ...files, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // a slow reader: take a breath after every chunk
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 20);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const output = Buffer.concat(chunks).toString('utf8');
    expect(output.length).toBeGreaterThan(65536);
    expect(reviewResultSchema.parse(JSON.parse(output)).files).toHaveLength(16);
  }, 60_000);
});
