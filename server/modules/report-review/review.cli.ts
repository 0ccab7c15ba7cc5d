import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatReviewText } from './review.format.ts';
import { review } from './review.service.ts';

const USAGE = [
  '用法：fazhi review 文件... [--format json|text]',
  '  审查法治政府建设年度报告中的数字：分项之和、部分与整体、比率、前后一致、规定部分是否齐全。',
  '  支持纯文本、HTML 网页、Word（.docx）和带文字层的 PDF，按文件内容识别格式。',
  '  --format  输出格式：text（默认，中文说明）或 json',
];

const optionsSchema = z.object({
  format: z.enum(['json', 'text'], { error: '--format 只能是 json 或 text' }).default('text'),
  help: z.boolean().default(false),
});

/** `fazhi review FILE... [--format json|text]`; argv is what follows `review`. Returns 0 when it ran, 2 on bad usage */
export async function runReviewCli(argv: string[], out: (line: string) => void): Promise<number> {
  const args = argv[0] === 'review' ? argv.slice(1) : argv;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return usageError(out, error instanceof Error ? toChinese(error.message) : '参数有误');
  }
  const options = optionsSchema.safeParse(parsed.values);
  if (!options.success) return usageError(out, options.error.issues.map((i) => i.message).join('；'));
  if (options.data.help) {
    USAGE.forEach((line) => out(line));
    return 0;
  }
  if (parsed.positionals.length === 0) return usageError(out, '请指定要审查的报告文件');
  for (const path of parsed.positionals) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return usageError(out, `找不到文件：${path}`);
    if (!info.isFile()) return usageError(out, `不是文件：${path}`);
  }
  const result = await review(parsed.positionals);
  const lines = options.data.format === 'json' ? JSON.stringify(result, null, 2).split('\n') : formatReviewText(result);
  lines.forEach((line) => out(line));
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
}

function usageError(out: (line: string) => void, message: string): number {
  out(`错误：${message}`);
  USAGE.forEach((line) => out(line));
  return 2;
}

// node's parseArgs speaks English; the option name is what the user needs to see
function toChinese(message: string): string {
  const option = /'([^']+)'/.exec(message)?.[1];
  if (message.startsWith('Unknown option')) return `不认识的选项：${option ?? ''}`;
  if (message.includes('argument missing')) return `选项缺少取值：${option ?? ''}`;
  return `参数有误：${message}`;
}
