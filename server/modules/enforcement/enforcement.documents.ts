import type { Block, DocumentSpec } from '../../platform/reports/blocks.ts';
import { officialDate } from '../../platform/reports/blocks.ts';
import { exemptionBasis } from './enforcement.exemption.ts';

export const DOCUMENT_KINDS = {
  filing: { label: '立案审批表', word: '立' },
  inquiry: { label: '询问笔录', word: '询' },
  notice: { label: '行政处罚告知书', word: '罚告' },
  decision: { label: '行政处罚决定书', word: '罚决' },
  // 行政处罚法 art. 33: a decision to give no penalty is its own document, with no payment demand
  exemption: { label: '不予行政处罚决定书', word: '不罚' },
  // 行政处罚法 art. 52: the numbered on-the-spot decision handed to the party
  summary: { label: '当场行政处罚决定书', word: '当罚' },
  service: { label: '送达回证', word: '送' },
  closing: { label: '结案报告', word: '结' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** the case as a document sees it: plain values, the matter and the organ's name */
export interface CaseForDocument {
  values: Readonly<Record<string, unknown>>;
  orgName: string;
  matterName: string;
  law: string;
  article: string;
}

/** 文号 such as 城关镇罚决字〔2026〕第3号 */
export function docNumber(orgName: string, kind: DocumentKind, year: number, seq: number): string {
  return `${orgName}${DOCUMENT_KINDS[kind].word}字〔${year}〕第${seq}号`;
}

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '——' : String(v));
const yuan = (v: unknown): string => (v === null || v === undefined || v === '' ? '——' : `${Number(v).toFixed(2)}元`);
// the penalty the notice announces: the investigation's proposal (the decision comes after the party was heard)
function proposal(v: Record<string, unknown>): string {
  const kinds = Array.isArray(v['proposed_kinds']) ? (v['proposed_kinds'] as unknown[]).map(String) : [];
  if (kinds.length === 0) return '——';
  const given = (x: unknown): boolean => x !== null && x !== undefined && x !== '';
  const parts = kinds.map((k) => {
    if (k === '罚款' && given(v['proposed_amount'])) return `罚款${yuan(v['proposed_amount'])}`;
    if (k.startsWith('没收') && given(v['proposed_confiscated_value'])) return `${k}（价值${yuan(v['proposed_confiscated_value'])}）`;
    return k;
  });
  return parts.join('，');
}
/** the two officers with their certificate numbers (行政处罚法 arts. 42, 52) */
export const officerLine = (v: Readonly<Record<string, unknown>>): string =>
  [1, 2]
    .map((n) => (v[`officer${n}_name`] ? `${String(v[`officer${n}_name`])}（执法证号：${s(v[`officer${n}_cert`])}）` : ''))
    .filter(Boolean)
    .join('、') || s(v['handler']);
const day = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? officialDate(v) : '——');

function partyRows(v: Readonly<Record<string, unknown>>): string[][] {
  const rows = [['当事人', s(v['party_name'])]];
  if (v['party_kind'] === '单位') rows.push(['统一社会信用代码', s(v['party_uscc'])], ['法定代表人（负责人）', s(v['legal_rep'])]);
  else rows.push(['身份证号码', s(v['party_id_number'])]);
  rows.push(['住所（地址）', s(v['party_address'])], ['联系电话', s(v['party_phone'])]);
  return rows;
}

const REMEDIES = '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

/** the blocks of one enforcement document, filled from the case */
export function caseDocument(kind: DocumentKind, c: CaseForDocument, number: string | null, today: string): DocumentSpec {
  const v = c.values;
  const basis = `${c.law}${c.article ? c.article : ''}`;
  // the renderer prints neither spec.title nor spec.docNumber: both go in as blocks
  const blocks: Block[] = [{ kind: 'title', text: DOCUMENT_KINDS[kind].label }];
  if (number) blocks.push({ kind: 'para', text: number, align: 'center' });
  const table = (rows: string[][]): void => void blocks.push({ kind: 'table', header: [['项目', '内容']], rows, widths: [30, 70] });
  switch (kind) {
    case 'filing':
      table([['案号', s(v['case_no'])], ['案由', s(v['summary'])], ['案件来源', s(v['source'])], ['执法事项', c.matterName], ...partyRows(v), ['承办人', s(v['handler'])], ['立案审批人', s(v['filing_approver'])], ['立案日期', day(v['filed_on'])]]);
      break;
    case 'inquiry':
      blocks.push({ kind: 'para', text: `案由：${s(v['summary'])}（案号：${s(v['case_no'])}）` });
      table([...partyRows(v), ['询问人', s(v['handler'])]]);
      blocks.push({ kind: 'para', text: '问：我们是执法人员，现依法向你询问有关情况，你应当如实回答。你听清楚了吗？', indent: true }, { kind: 'para', text: '答：', indent: true }, { kind: 'para', text: `记录的违法事实：${s(v['facts'])}`, indent: true });
      break;
    case 'notice':
      blocks.push(
        { kind: 'para', text: `${s(v['party_name'])}：` },
        { kind: 'para', text: `经查，${s(v['facts'])}。你（单位）的上述行为违反了${basis}的规定。依据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条，本机关拟对你（单位）作出如下行政处罚：${proposal(v)}。`, indent: true },
        // the notice records whether it told the party of the hearing right (行政处罚法第六十三条、第六十四条)
        { kind: 'para', text: v['hearing_right_notified'] === true ? '你（单位）有权进行陈述和申辩，并有权要求听证；要求听证的，应当在收到本告知书之日起五日内提出。逾期未提出的，视为放弃上述权利。' : '你（单位）有权进行陈述和申辩；符合听证条件的，有权在收到本告知书之日起五日内提出听证申请。逾期未提出的，视为放弃上述权利。', indent: true },
      );
      break;
    case 'decision':
      blocks.push({ kind: 'table', header: [['项目', '内容']], rows: partyRows(v), widths: [30, 70] });
      blocks.push(
        { kind: 'para', text: `违法事实：${s(v['facts'])}`, indent: true },
        { kind: 'para', text: `执法事项：${c.matterName}；法律依据：${basis}。`, indent: true },
        { kind: 'para', text: `处罚种类：${Array.isArray(v['penalty_kinds']) ? (v['penalty_kinds'] as unknown[]).join('、') : '——'}；罚款金额：${yuan(v['amount'])}。`, indent: true },
        { kind: 'para', text: `处罚决定：${s(v['decision_result'])}`, indent: true },
        // 行政处罚法 arts. 67, 72: the payment period and the late-payment surcharge apply to a fine only
        ...(Number(v['amount'] ?? 0) > 0 ? [{ kind: 'para' as const, text: '当事人应当自收到本决定书之日起十五日内缴纳罚款。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。', indent: true }] : []),
        { kind: 'para', text: REMEDIES, indent: true },
      );
      break;
    case 'summary':
      blocks.push({ kind: 'table', header: [['项目', '内容']], rows: partyRows(v), widths: [30, 70] });
      blocks.push(
        { kind: 'para', text: `违法行为：${s(v['facts'])}（时间：${day(v['decided_on'])}；地点：${s(v['spot_place'])}）`, indent: true },
        { kind: 'para', text: `执法事项：${c.matterName}；处罚依据：${basis}、《中华人民共和国行政处罚法》第五十一条。`, indent: true },
        { kind: 'para', text: `处罚种类：${Array.isArray(v['penalty_kinds']) ? (v['penalty_kinds'] as unknown[]).join('、') : '——'}${Number(v['amount'] ?? 0) > 0 ? `；罚款数额：${yuan(v['amount'])}` : ''}。`, indent: true },
        ...(Number(v['amount'] ?? 0) > 0 ? [{ kind: 'para' as const, text: '当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（行政处罚法第五十三条、第六十七条）。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。', indent: true }] : []),
        { kind: 'para', text: REMEDIES, indent: true },
        { kind: 'para', text: `执法人员（签名）：${officerLine(v)}`, indent: true },
        { kind: 'para', text: '当事人（签收）：', indent: true },
      );
      break;
    case 'exemption':
      blocks.push({ kind: 'table', header: [['项目', '内容']], rows: partyRows(v), widths: [30, 70] });
      blocks.push(
        { kind: 'para', text: `经查，${s(v['facts'])}`, indent: true },
        { kind: 'para', text: `你（单位）的上述行为违反了${basis}的规定（执法事项：${c.matterName}）。`, indent: true },
        { kind: 'para', text: `依据${exemptionBasis(v['exemption_ground']) ?? '《中华人民共和国行政处罚法》第三十三条'}的规定，本机关决定对你（单位）不予行政处罚。`, indent: true },
        ...(typeof v['prior_violation_check'] === 'string' && v['prior_violation_check'] ? [{ kind: 'para' as const, text: `首违核查：${v['prior_violation_check']}`, indent: true }] : []),
        // art. 33(3): a party not penalised is educated
        { kind: 'para', text: '本机关已依照《中华人民共和国行政处罚法》第三十三条第三款对你（单位）进行教育，请依法经营、及时改正，避免再次违法。', indent: true },
        { kind: 'para', text: REMEDIES, indent: true },
      );
      break;
    case 'service':
      table([['送达文书', `行政处罚决定书（案号：${s(v['case_no'])}）`], ['受送达人', s(v['party_name'])], ['送达地点', s(v['party_address'])], ['送达方式', s(v['service_method'])], ['送达日期', day(v['served_on'])], ['受送达人签名', '']]);
      break;
    case 'closing':
      table([['案号', s(v['case_no'])], ['案由', s(v['summary'])], ['当事人', s(v['party_name'])], ['立案日期', day(v['filed_on'])], ['决定日期', day(v['decided_on'])], ['处罚决定', s(v['decision_result'])], ['罚款金额', yuan(v['amount'])], ['执行情况', s(v['execution'])], ['执行日期', day(v['executed_on'])], ['结案日期', day(v['closed_on'])]]);
      break;
  }
  blocks.push({ kind: 'signature', org: c.orgName, date: officialDate(typeof v['decided_on'] === 'string' && (kind === 'decision' || kind === 'exemption' || kind === 'summary') ? v['decided_on'] : today) });
  return { title: DOCUMENT_KINDS[kind].label, blocks, ...(number ? { docNumber: number } : {}) };
}
