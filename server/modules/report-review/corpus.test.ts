import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocx, buildPdf } from './fixtures/documents.ts';
import type { DisclosureReport, FileReport, GenuineError } from './fixtures/corpus/index.ts';
import { disclosureReports, fileReports } from './fixtures/corpus/index.ts';
import { applicationRows, appealRow, proseFigures, renderDisclosure } from './fixtures/corpus/disclosure.ts';
import { reviewParagraphs } from './review.service.ts';
import type { FileReview, Finding } from './review.schema.ts';
import { readReport } from './reader.ts';

// precision and recall of the reviewer over a corpus of both kinds of report: the errors each report really has,
// and single-number errors planted into the sentences and table cells a careful reader can check

const MARK = /⟦([^⟧]*)⟧/g;
const corpusFile = (name: string) => readFileSync(new URL(`./fixtures/corpus/${name}`, import.meta.url), 'utf8');

interface Plant {
  /** the planted figure as it now reads: "236" or "89.9" */
  value: string;
  /** for a table cell: the row's figures as they now read, space-separated */
  row?: string;
}

interface Case {
  name: string;
  bytes: () => Promise<Uint8Array>;
  plant?: Plant;
  errors: GenuineError[];
}

async function encode(text: string, form: FileReport['form']): Promise<Uint8Array> {
  if (form === 'docx') return buildDocx(text.split('\n').filter((l) => l !== '').map((l) => [l]));
  // a PDF page holds about 34 characters a line: long paragraphs wrap, as they do in published files
  if (form === 'pdf') return buildPdf(text.split('\n').filter((l) => l !== '').flatMap(wrap));
  return new TextEncoder().encode(text);
}

// (a number is never broken across two lines: a published file wraps before it or after it)
function wrap(line: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < line.length; ) {
    let j = Math.min(i + 34, line.length);
    while (j < line.length && /\d/.test(line[j - 1] ?? '') && /[\d,.]/.test(line[j] ?? '')) j += 1;
    lines.push(line.slice(i, j));
    i = j;
  }
  return lines;
}

// a planted value: rates move 7 points, counts about 15 %; never a value the document already shows
function plantedValue(mark: string, doc: string): string {
  const direction = mark.endsWith('-') ? -1 : 1;
  const written = mark.replace(/[+-]$/, '');
  const percent = written.endsWith('%');
  const grouped = written.includes(',');
  const number = Number(written.replace('%', '').replaceAll(',', ''));
  const decimals = written.includes('.') ? (written.split('.')[1]?.replace('%', '').length ?? 0) : 0;
  let value: number;
  if (percent) value = direction < 0 || number + 7 > 100 ? number - 7 : number + 7;
  else value = number + direction * Math.max(2, Math.round(number * 0.15));
  // written as the report writes it: "1,268" stays grouped
  const shown = (v: number) => (grouped ? v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : v.toFixed(decimals));
  while (new RegExp(`(?<![\\d.])${shown(value).replace('.', '\\.')}(?![\\d.])`).test(doc.replace(MARK, ''))) value += direction;
  return `${shown(value)}${percent ? '%' : ''}`;
}

function fileCases(report: FileReport): Case[] {
  const source = corpusFile(report.file);
  const clean = source.replace(MARK, (_, m: string) => m.replace(/[+-]$/, ''));
  const cases: Case[] = [{ name: report.name, bytes: () => encode(clean, report.form), errors: report.errors }];
  let k = 0;
  for (const match of source.matchAll(MARK)) {
    const at = match.index;
    const mark = match[1] ?? '';
    const planted = plantedValue(mark, source);
    const text = `${source.slice(0, at)}⟪${planted}⟫${source.slice(at + match[0].length)}`
      .replace(MARK, (_, m: string) => m.replace(/[+-]$/, ''))
      .replace(/⟪|⟫/g, '');
    k += 1;
    cases.push({
      name: `${report.name} #${k}: ${mark} → ${planted}`,
      bytes: () => encode(text, report.form),
      plant: { value: planted.replace('%', '').replaceAll(',', '') },
      errors: report.errors,
    });
  }
  return cases;
}

async function encodeDisclosure(report: DisclosureReport, plant?: Parameters<typeof renderDisclosure>[1]): Promise<Uint8Array> {
  const out = renderDisclosure(report.spec, plant);
  if (out.blocks) return buildDocx(out.blocks);
  if (out.lines) return buildPdf(out.lines);
  return new TextEncoder().encode(out.text ?? '');
}

// a planted cell: the row's value moves by two (three when two would repeat a figure of the row)
function disclosureCases(report: DisclosureReport): Case[] {
  const cases: Case[] = [{ name: report.name, bytes: () => encodeDisclosure(report), errors: report.errors }];
  const rows = applicationRows(report.spec);
  const width = rows[0]?.values.length ?? 0;
  const columns = width === 1 ? [0] : [0, 1, width - 1];
  const keys = ['本年新收', '上年结转', '予以公开', '部分公开', '本机关不掌握', '信访举报投诉', '总计', '结转下年'];
  const targets: Array<{ row: string; column: number; values: number[] }> = [];
  for (const key of keys) {
    const row = rows.find((r) => r.key.startsWith(key));
    if (row !== undefined) for (const column of columns) targets.push({ row: row.key, column, values: row.values });
  }
  const appeals = appealRow(report.spec);
  for (const column of [0, 4, 6, 14]) targets.push({ row: '表四', column, values: appeals });
  // the paragraph on applications: its figures are checked against each other and against 表三
  const prose = proseFigures(report.spec);
  prose.forEach((old, k) => {
    const doc = renderDisclosure(report.spec);
    const text = doc.text ?? doc.lines?.join('\n') ?? doc.blocks?.map((b) => ('cells' in b ? b.cells : b).join(' ')).join('\n') ?? '';
    let value = old + Math.max(2, Math.round(old * 0.15));
    while (new RegExp(`(?<!\\d)${value}(?!\\d)`).test(text)) value += 1;
    cases.push({
      name: `${report.name} 正文第${k + 1}个数: ${old} → ${value}`,
      bytes: () => encodeDisclosure(report, { prose: k, value }),
      plant: { value: String(value) },
      errors: report.errors,
    });
  });
  for (const t of targets) {
    const old = t.values[t.column] ?? 0;
    let value = old + 2;
    while (t.values.includes(value)) value += 1;
    const now = t.values.map((v, i) => (i === t.column ? value : v));
    cases.push({
      name: `${report.name} ${t.row}[${t.column}]: ${old} → ${value}`,
      bytes: () => encodeDisclosure(report, { row: t.row, column: t.column, value }),
      plant: { value: String(value), row: now.join(' ') },
      errors: report.errors,
    });
  }
  return cases;
}

const figureHits = (f: Finding, test: (raw: string, quote: string) => boolean) => f.figures.some((x) => test(x.raw, x.quote));
const spaced = (s: string) => s.replace(/\s+/g, ' ');

function hitsPlant(f: Finding, plant: Plant): boolean {
  return figureHits(f, (raw, quote) => {
    if (raw.replace(/[^\d.]/g, '') !== plant.value) return false;
    if (plant.row === undefined) return true;
    // a row quoted whole, or one line of a row the layout broke (表四 in three lines of five)
    const figuresOfQuote = spaced(quote).replace(/^[^\d]*(?=\d)/, '').trim();
    return spaced(quote).includes(plant.row) || (/^[\d ]+$/.test(figuresOfQuote) && plant.row.includes(figuresOfQuote));
  });
}

function hitsError(f: Finding, e: GenuineError): boolean {
  if (e.kind === 'missing_section') return f.kind === 'missing_section' && f.expected === e.title;
  // (a table row the PDF layout broke is quoted by the line its cell stands on, as for planted cells)
  return figureHits(f, (raw, quote) => raw === e.raw && (quote.includes(e.near) || (/^[\d ]+$/.test(spaced(quote).trim()) && spaced(e.near).endsWith(spaced(quote).trim())) || sameCellOfRow(raw, quote, e.near)));
}

// a genuine error in a table cell, quoted by its row after the one plant of the copy changed another cell of that row
// (near may hold only the row's first cells)
function sameCellOfRow(raw: string, quote: string, near: string): boolean {
  const row = (s: string) => /^(.*[^\d\s,.])((?:\s+[\d,.]+)+)$/.exec(spaced(s).trim());
  const [a, b] = [row(near), row(quote)];
  if (a === null || b === null || !(b[1] ?? '').endsWith(a[1] ?? '')) return false;
  const x = (a[2] ?? '').trim().split(' ');
  const y = (b[2] ?? '').trim().split(' ').slice(0, x.length);
  if (x.length !== y.length || x.filter((v, i) => v !== y[i]).length > 1) return false;
  return x.some((v, i) => v === raw && y[i] === raw);
}

interface Scored {
  name: string;
  review: FileReview;
  text: string;
  findings: Array<{ finding: Finding; correct: boolean }>;
  plantFound?: boolean;
  errorsFound: boolean[];
}

async function score(c: Case): Promise<Scored> {
  // read once: reading a PDF costs three times the review, and every copy is a document of its own
  const { paragraphs } = await readReport(await c.bytes());
  const review = reviewParagraphs(c.name, paragraphs);
  const text = paragraphs.join('\n');
  const findings = review.findings.map((finding) => ({
    finding,
    correct: (c.plant !== undefined && hitsPlant(finding, c.plant)) || c.errors.some((e) => hitsError(finding, e)),
  }));
  const scored: Scored = { name: c.name, review, text, findings, errorsFound: c.errors.map((e) => review.findings.some((f) => hitsError(f, e))) };
  if (c.plant !== undefined) scored.plantFound = review.findings.some((f) => hitsPlant(f, c.plant as Plant));
  return scored;
}

describe('the reviewer on the corpus', () => {
  const cases = [...fileReports.flatMap(fileCases), ...disclosureReports.flatMap(disclosureCases)];

  it('finds the planted and the genuine errors with precision ≥ 0.9 and recall ≥ 0.8', async () => {
    const results: Scored[] = [];
    for (const c of cases) results.push(await score(c));
    const findings = results.flatMap((r) => r.findings);
    const correct = findings.filter((f) => f.correct).length;
    const plants = results.filter((r) => r.plantFound !== undefined);
    const clean = results.filter((r) => r.plantFound === undefined);
    const genuine = clean.flatMap((r) => r.errorsFound);
    const found = plants.filter((r) => r.plantFound).length + genuine.filter(Boolean).length;
    const precision = findings.length === 0 ? 1 : correct / findings.length;
    const recall = found / (plants.length + genuine.length);
    const falseAlarms = results.flatMap((r) => r.findings.filter((f) => !f.correct).map((f) => `${r.name}: [${f.finding.kind}] ${f.finding.message}`));
    const share = (rs: Scored[]) => `${rs.filter((r) => r.plantFound).length}/${rs.length}`;
    const inTables = plants.filter((r) => disclosureReports.some((d) => r.name.startsWith(d.name)) && !r.name.includes('正文'));
    const inText = plants.filter((r) => !inTables.includes(r));
    const missed = [...plants.filter((r) => !r.plantFound).map((r) => r.name), ...clean.flatMap((r) => r.errorsFound.flatMap((ok, i) => (ok ? [] : [`${r.name}: genuine error ${i + 1}`])))];
    // printed so a run shows the measure, not only pass or fail
    process.stdout.write(
      `${[
        `corpus: ${clean.length} reports, ${plants.length} planted errors, ${genuine.length} genuine errors, ${findings.length} findings`,
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (planted in text ${share(inText)}, in tables ${share(inTables)}, genuine ${genuine.filter(Boolean).length}/${genuine.length})`,
        ...falseAlarms.map((x) => `  false alarm — ${x}`),
        ...missed.map((x) => `  missed — ${x}`),
      ].join('\n')}\n`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    // the tables hold most plants: the text alone must reach the bar too
    expect(inText.filter((r) => r.plantFound).length / inText.length).toBeGreaterThanOrEqual(0.8);
    // some thirty-three thousand reviews (every plant is a document of its own): about four minutes alone on the two-core
    // machine, more beside the other test files, so the limit leaves room (a hang still fails)
  }, 1_500_000);

  it('quotes every figure of every finding verbatim from the report text', async () => {
    for (const c of cases.filter((x) => x.plant === undefined)) {
      const { review, text } = await score(c);
      for (const f of review.findings) {
        for (const figure of f.figures) {
          expect(text, `${c.name}: ${figure.quote}`).toContain(figure.quote);
          expect(figure.quote.replace(/\s/g, ''), c.name).toContain(figure.raw.replace(/\s/g, ''));
        }
        if (f.kind !== 'missing_section') expect(f.arithmetic, c.name).not.toBe('');
      }
    }
    // (two hundred and more reviews: seconds alone, longer beside the other test files)
  }, 120_000);

  it('reads each report as the kind it is', async () => {
    for (const c of cases.filter((x) => x.plant === undefined)) {
      const { review } = await score(c);
      const disclosure = disclosureReports.some((d) => d.name === c.name) || fileReports.some((f) => f.name === c.name && f.disclosure === true);
      expect(review.reportType, c.name).toBe(disclosure ? 'disclosure' : 'ruleOfLaw');
    }
  }, 120_000);
});
