import { readFile } from 'node:fs/promises';
import { checkFacts, checkSections } from './check.ts';
import type { Fact } from './extract.ts';
import { extractFacts } from './extract.ts';
import { unitFamily } from './numbers.ts';
import { readReport, ReportReadError } from './reader.ts';
import type { FigurePart, FileReview, Figure, ReviewResult } from './review.schema.ts';
import { mapSections } from './sections.ts';
import { checkComparisonRows, checkDisclosureTables, checkRowsBelowTotal, checkTotalRows, readRows } from './tables.ts';

/** reviews report files on disk: `fazhi review FILE...` */
export async function review(paths: readonly string[]): Promise<ReviewResult> {
  const files: FileReview[] = [];
  for (const path of paths) files.push(await reviewBuffer(path, await readFile(path)));
  return { files };
}

/** reviews one uploaded file; a file that cannot be read yields an `unreadable` finding, not an exception */
export async function reviewBuffer(name: string, bytes: Uint8Array): Promise<FileReview> {
  try {
    const { paragraphs } = await readReport(bytes);
    return reviewParagraphs(name, paragraphs);
  } catch (error) {
    if (!(error instanceof ReportReadError)) throw error;
    return {
      file: name,
      figures: [],
      findings: [
        {
          kind: 'unreadable',
          message: error.message,
          text: '',
          expected: '可读取的报告文件',
          actual: error.code,
          relation: '报告文件应能读出文字',
          figures: [],
          arithmetic: '',
        },
      ],
    };
  }
}

/** reviews a report already split into paragraphs; pure */
export function reviewParagraphs(name: string, paragraphs: readonly string[]): FileReview {
  const sections = mapSections(paragraphs);
  const facts = extractFacts(paragraphs, sections);
  const rows = readRows(paragraphs);
  // 表三's 总计 sums groups, not the rows above it: the disclosure tables have their own identities
  const tables = sections.type === 'disclosure' ? checkDisclosureTables(rows, facts) : [...checkTotalRows(rows, paragraphs), ...checkRowsBelowTotal(rows, paragraphs, facts), ...checkComparisonRows(paragraphs)];
  return {
    file: name,
    reportType: sections.type,
    figures: facts.map(toFigure),
    findings: [...tables, ...checkFacts(facts), ...checkSections(sections)],
  };
}

function toFigure(f: Fact): Figure {
  const q = f.quantity;
  const figure: Figure = {
    text: f.quote,
    label: f.label,
    value: q.value,
    unit: q.unit,
    parts: f.parts.map(toPart),
    raw: q.raw,
    approximate: q.approximation !== undefined,
    normalized: q.normalized,
  };
  if (f.numerator !== undefined) figure.numerator = toPart(f.numerator);
  if (f.denominator !== undefined) figure.denominator = toPart(f.denominator);
  return figure;
}

function toPart(f: Fact): FigurePart {
  return { label: f.label, value: f.quantity.value, unit: f.quantity.unit };
}

export interface ComparisonCell {
  value: number;
  unit: string;
  raw: string;
  approximate: boolean;
  text: string;
}

export interface ComparisonRow {
  label: string;
  unit: string;
  /** one list per file, in the order of `files`; empty when the file does not give the figure */
  cells: ComparisonCell[][];
}

export interface FigureComparison {
  files: string[];
  rows: ComparisonRow[];
}

/** the figures of several reports side by side: one row per label, one column per file; pure */
export function compareFigures(results: ReviewResult | readonly FileReview[]): FigureComparison {
  const files = 'files' in results ? results.files : results;
  const rows = new Map<string, ComparisonRow>();
  files.forEach((file, column) => {
    for (const figure of file.figures) {
      if (figure.label === '') continue;
      const key = `${figure.label}|${unitFamily(figure.normalized.unit)}`;
      let row = rows.get(key);
      if (row === undefined) {
        row = { label: figure.label, unit: figure.normalized.unit, cells: files.map(() => []) };
        rows.set(key, row);
      }
      row.cells[column]?.push({
        value: figure.value,
        unit: figure.unit,
        raw: figure.raw,
        approximate: figure.approximate,
        text: figure.text,
      });
    }
  });
  const covered = (row: ComparisonRow) => row.cells.filter((c) => c.length > 0).length;
  return {
    files: files.map((f) => f.file),
    // figures most reports give first; a stable sort keeps report order within a tie
    rows: [...rows.values()].sort((a, b) => covered(b) - covered(a)),
  };
}
