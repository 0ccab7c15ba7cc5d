import { officialDate, type Block, type DocumentSpec } from '../../platform/reports/blocks.ts';

/** what the 法律意见书 is made from: the review as its reader may see it, who asked for it and who gives it */
export interface OpinionInput {
  values: Readonly<Record<string, unknown>>;
  /** the government (or department) the opinion is addressed to */
  addressee: string;
  advisor: string;
  lawFirm: string;
}

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '' : String(v));
const day = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? officialDate(v) : '');

/** the opinion's lines, one paragraph each; a “1.…；2.…” list typed on one line is split at its numbers */
function opinionParas(v: unknown): Block[] {
  return text(v)
    .split(/\r?\n|；(?=\d+[.．、])/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => ({ kind: 'para', text: s, indent: true }));
}

/**
 * 法律意见书: the legal advisor's written opinion on a contract or document submitted for 合法性审查, numbered when
 * the review is issued; addressed to the submitting government, signed by the advisor with the firm
 */
export function opinionDocument(a: OpinionInput): DocumentSpec {
  const v = a.values;
  const no = text(v['opinion_no']);
  const contract = v['contract_amount'] !== null && v['contract_amount'] !== undefined && v['contract_amount'] !== '';
  const blocks: Block[] = [
    { kind: 'title', text: '法律意见书' },
    { kind: 'para', text: `${a.addressee}：` },
    { kind: 'para', text: `${day(v['received_on'])}，${text(v['submitting_unit'])}送来《${text(v['title'])}》（审查编号：${text(v['review_no'])}），请求进行合法性审查。本法律顾问依据有关法律、法规、规章和政策规定，对送审材料进行了审查，现出具法律意见如下。`, indent: true },
    { kind: 'heading', level: 1, text: '审查事项' },
    {
      kind: 'table',
      header: [['项目', '内容']],
      rows: [
        ['审查类别', text(v['review_type'])],
        ['送审事项', text(v['title'])],
        ['送审单位', text(v['submitting_unit'])],
        ...(text(v['counterparty']) ? [['合同相对方', text(v['counterparty'])]] : []),
        ...(contract ? [['合同金额', `${Number(v['contract_amount']).toFixed(2)}万元`]] : []),
        ['收件日期', day(v['received_on'])],
        ...(text(v['returned_on']) ? [['退回补充材料', `${day(v['returned_on'])}${text(v['resubmitted_on']) ? `，${day(v['resubmitted_on'])}补齐` : ''}`]] : []),
      ],
      widths: [24, 76],
    },
    { kind: 'heading', level: 1, text: '审查意见' },
    ...opinionParas(v['opinion']),
    { kind: 'heading', level: 1, text: '审查结论' },
    { kind: 'para', text: `${text(v['conclusion'])}。${Number(v['suggestions'] ?? 0) > 0 ? `共提出修改意见建议${Number(v['suggestions'])}条。` : ''}`, indent: true },
    { kind: 'para', text: '本法律意见书仅依据送审时提供的材料作出，供贵单位决策参考；送审材料或者有关事实发生变化的，请重新送审。', indent: true },
    { kind: 'signature', org: `法律顾问：${a.advisor}（${a.lawFirm}）`, date: day(v['completed_on']) },
  ];
  return { title: '法律意见书', blocks, ...(no ? { docNumber: no } : {}) };
}
