import type { Figure, FileReview, FindingKind, ReviewResult } from './review.schema.ts';

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  parts_sum_mismatch: '分项之和与总数不符',
  table_mismatch: '表格数字不平衡',
  sequence_violation: '后一环节多于前一环节',
  subset_exceeds_total: '部分大于整体',
  rate_mismatch: '比率与数字不符',
  average_mismatch: '平均数与数字不符',
  difference_mismatch: '增减数与数字不符',
  percent_over_100: '比率超过100%',
  inconsistent_value: '前后数字不一致',
  missing_section: '缺少规定部分',
  unreadable: '无法读取',
};

/** the human-readable review for `--format text`, one array entry per line */
export function formatReviewText(result: ReviewResult): string[] {
  const total = result.files.reduce((n, f) => n + f.findings.length, 0);
  const lines = [`审查 ${result.files.length} 个文件，共发现问题 ${total} 项。`];
  for (const file of result.files) lines.push('', ...formatFile(file));
  return lines;
}

function formatFile(file: FileReview): string[] {
  const lines = [
    `文件：${file.file}`,
    `  提取数字 ${file.figures.length} 个，发现问题 ${file.findings.length} 项${file.findings.length === 0 ? '，数字核对无误' : ''}。`,
  ];
  file.findings.forEach((f, i) => {
    lines.push(`  ${i + 1}. 【${FINDING_KIND_LABELS[f.kind]}】${f.message}`);
    if (f.relation !== '') lines.push(`     依据：${f.relation}`);
    if (f.arithmetic !== '') lines.push(`     核算：${f.arithmetic}`);
    for (const figure of f.figures) lines.push(`     · ${figure.label || '（未标明）'} ${figure.raw}：${figure.quote}`);
    if (f.figures.length === 0 && f.text !== '') lines.push(`     原文：${f.text}`);
  });
  if (file.figures.length > 0) {
    lines.push('  提取的数字：');
    for (const figure of file.figures) lines.push(`    · ${describeFigure(figure)}`);
  }
  return lines;
}

function describeFigure(f: Figure): string {
  const name = f.label === '' ? '（未标明）' : f.label;
  const parts = f.parts.length > 0 ? `（其中${f.parts.map((p) => `${p.label}${p.value}${p.unit}`).join('、')}）` : '';
  const ratio = f.numerator !== undefined && f.denominator !== undefined
    ? `（${f.numerator.value}${f.numerator.unit}÷${f.denominator.value}${f.denominator.unit}）`
    : '';
  return `${name}：${f.raw}${parts}${ratio}`;
}
