import { matchForm, parseChineseNumeral } from './numbers.ts';

import { isTableRow } from './tables.ts';

export type SectionId =
  | 'measures' | 'shortcomings' | 'firstResponsibility' | 'nextYear' | 'other'
  | 'overview' | 'proactive' | 'onRequest' | 'appeals' | 'improvement' | 'otherMatters';

/** 法治政府建设年度报告 (督察工作规定 art. 25) or 政府信息公开工作年度报告 (条例 art. 50) */
export type ReportType = 'ruleOfLaw' | 'disclosure';

export interface MandatedSection {
  id: SectionId;
  /** the wording of the rule that mandates the part */
  title: string;
  /** a report may leave it out: "其他需要报告的情况" only exists when there is something to report */
  optional: boolean;
  /** how towns phrase the heading; tested in this order, first match wins */
  heading: RegExp;
  /** wording in the body that shows the content is there even without its own heading */
  body?: RegExp;
}

// the order is the order of precedence: "其他…情况" is not results, "2025年…目标举措" is not this year's measures
export const MANDATED_SECTIONS: readonly MandatedSection[] = [
  { id: 'other', title: '其他需要报告的情况', optional: true, heading: /其[他它](需要)?(报告|说明)?的?(情况|事项)/ },
  {
    id: 'firstResponsibility',
    title: '党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
    optional: false,
    heading: /第一责任人|主要负责人|主要领导.*(职责|履职)|述法/,
    body: /第一责任人/,
  },
  { id: 'shortcomings', title: '存在的不足和原因', optional: false, heading: /不足|问题|困难|短板|差距|薄弱/ },
  {
    id: 'nextYear',
    title: '下一年度推进法治政府建设的主要安排',
    optional: false,
    heading: /下一步|下一年|下步|明年|今后|计划|安排|打算|思路|改进措施|努力方向|展望/,
  },
  {
    id: 'measures',
    title: '推进法治政府建设的主要举措和成效',
    optional: false,
    heading: /举措|成效|成绩|情况|亮点|做法|主要工作|工作开展|取得/,
  },
];

// 《政府信息公开条例》 art. 50 and the 2021 format: six parts, the last one (信息处理费 and the like) included
export const DISCLOSURE_SECTIONS: readonly MandatedSection[] = [
  { id: 'overview', title: '总体情况', optional: false, heading: /总体情况|基本情况|总体概述|概述/ },
  { id: 'proactive', title: '主动公开政府信息情况', optional: false, heading: /主动公开/ },
  { id: 'onRequest', title: '收到和处理政府信息公开申请情况', optional: false, heading: /收到和处理|依申请公开|公开申请/ },
  { id: 'appeals', title: '政府信息公开行政复议、行政诉讼情况', optional: false, heading: /行政复议|行政诉讼|复议诉讼/ },
  { id: 'improvement', title: '存在的主要问题及改进情况', optional: false, heading: /问题|不足|改进/ },
  { id: 'otherMatters', title: '其他需要报告的事项', optional: false, heading: /其[他它](需要)?(报告|说明)?的?(事项|情况)/ },
];

/** a 政府信息公开工作年度报告 names itself in its title or carries the parts only it has */
export function detectReportType(paragraphs: readonly string[]): ReportType {
  // the title: a short line without a full stop ("…按时发布政府信息公开工作年度报告。" in a 法治 report is no title)
  const titles = paragraphs.slice(0, 6).map(matchForm).filter((p) => p.length <= 60 && !/[。;]/.test(p));
  if (titles.some((t) => /政府信息公开(工作)?(年度)?报告/.test(t))) return 'disclosure';
  const all = paragraphs.map(matchForm).join('\n');
  const marks = [/主动公开政府信息情况/, /收到和处理政府信息公开申请情况/, /政府信息公开行政复议、?行政诉讼情况/, /本年新收政府信息公开申请/];
  return marks.filter((re) => re.test(all)).length >= 2 ? 'disclosure' : 'ruleOfLaw';
}

const TOP_HEADING = /^(?:([一二三四五六七八九十]+)[、.]|第([一二三四五六七八九十]+)部分)/;
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
const SUB_HEADING = /^(?:[(][一二三四五六七八九十]+[)]|\d+[.、])/;

export interface SectionMap {
  type: ReportType;
  /** the report has numbered top-level parts, so it is worth checking them */
  structured: boolean;
  /** paragraph index → section it belongs to, for paragraphs under a recognised top-level heading */
  sectionOf: Array<SectionId | undefined>;
  found: Set<SectionId>;
  /** first sentence of each top-level heading, in the original script */
  headings: string[];
}

/** which mandated parts a report has, matched loosely on headings at any level */
export function mapSections(paragraphs: readonly string[], type: ReportType = detectReportType(paragraphs)): SectionMap {
  const mandated = type === 'disclosure' ? DISCLOSURE_SECTIONS : MANDATED_SECTIONS;
  const found = new Set<SectionId>();
  const sectionOf: Array<SectionId | undefined> = [];
  const headings: string[] = [];
  let topHeadings = 0;
  let lastNumber = 0;
  let current: SectionId | undefined;
  // a report whose parts are "第一部分…" numbers what is inside them "一、二、": those are no parts
  const parts = paragraphs.some((p) => PART_HEADING.test(matchForm(p).trim()));
  paragraphs.forEach((p, i) => {
    const m = matchForm(p).trim();
    // a table row ("四、结转下年度继续办理 0 0 …") is no part of the report's outline
    if (isTableRow(p)) {
      sectionOf[i] = current;
      return;
    }
    const number = parts && !PART_HEADING.test(m) ? undefined : topNumber(m);
    // numbering that restarts (一、 after 四、) is a list inside the current part, not a new part
    const top = number !== undefined && number > lastNumber;
    if (top) {
      topHeadings += 1;
      lastNumber = number;
      headings.push(p.trim().split('。')[0] ?? '');
    }
    const heading = headingText(m, number !== undefined);
    if (heading !== undefined) {
      const ids = sectionsOfHeading(heading, mandated, type);
      for (const id of ids) found.add(id);
      if (top) current = ids[0];
    }
    for (const s of mandated) if (s.body?.test(m)) found.add(s.id);
    sectionOf[i] = current;
  });
  return { type, structured: topHeadings >= 3, sectionOf, found, headings };
}

// one heading may cover two parts ("存在的问题及下一步打算"); results only when it names nothing else
function sectionsOfHeading(heading: string, mandated: readonly MandatedSection[], type: ReportType): SectionId[] {
  const ids = mandated.filter((s) => s.heading.test(heading)).map((s) => s.id);
  if (type === 'disclosure') return ids.length > 1 && ids.includes('otherMatters') ? ['otherMatters'] : ids;
  return ids.length > 1 ? ids.filter((id) => id !== 'measures') : ids;
}

function topNumber(line: string): number | undefined {
  const m = TOP_HEADING.exec(line);
  const numeral = m?.[1] ?? m?.[2];
  return numeral === undefined ? undefined : parseChineseNumeral(numeral);
}

// a heading is a numbered line (its first sentence) or a short line standing alone
function headingText(line: string, top: boolean): string | undefined {
  if (top || SUB_HEADING.test(line)) return line.split('。')[0];
  if (line.length <= 30 && !/[。,;]/.test(line)) return line;
  return undefined;
}

export function missingSections(map: SectionMap): MandatedSection[] {
  if (!map.structured) return [];
  const mandated = map.type === 'disclosure' ? DISCLOSURE_SECTIONS : MANDATED_SECTIONS;
  return mandated.filter((s) => !s.optional && !map.found.has(s.id));
}
