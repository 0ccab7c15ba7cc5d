import { officialDate, type Block, type DocumentSpec } from '../../platform/reports/blocks.ts';

/** what the 人民调解协议书 is made from: the case as its reader may see it, and the names of its references */
export interface AgreementInput {
  values: Readonly<Record<string, unknown>>;
  /** the committee that mediated (人民调解委员会), as it seals the agreement */
  committee: string;
  mediator: string;
}

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '' : String(v));
const day = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? officialDate(v) : '');

/** the paragraphs of a free text, one block each (a clerk types the agreement's terms one to a line) */
function paras(v: unknown): Block[] {
  return text(v)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => ({ kind: 'para', text: s, indent: true }));
}

/**
 * 人民调解协议书 (人民调解法 art. 29): the parties, the main facts and the matters in dispute with each party's
 * responsibility, the terms agreed with how and when they are performed; it takes effect when the parties and the
 * mediator sign and the committee seals it, one copy each and one kept by the committee (art. 29), and tells the
 * parties of the 30 days in which they may apply together for 司法确认 (art. 33)
 */
export function agreementDocument(a: AgreementInput): DocumentSpec {
  const v = a.values;
  const no = text(v['agreement_no']);
  const blocks: Block[] = [{ kind: 'title', text: '人民调解协议书' }];
  if (no) blocks.push({ kind: 'para', text: no, align: 'right' });
  blocks.push({
    kind: 'table',
    header: [['当事人', '姓名（名称）', '身份证件号码（统一社会信用代码）', '联系电话']],
    rows: [
      ['申请人', text(v['applicant_name']), text(v['applicant_id']), text(v['applicant_phone'])],
      ['被申请人', text(v['respondent_name']), text(v['respondent_id']), ''],
    ],
    widths: [14, 26, 36, 24],
  });
  blocks.push({ kind: 'heading', level: 1, text: '纠纷主要事实、争议事项' });
  blocks.push(...(paras(v['description']).length ? paras(v['description']) : [{ kind: 'para' as const, text: text(v['summary']), indent: true }]));
  if (text(v['responsibility'])) blocks.push({ kind: 'heading', level: 1, text: '各方当事人的责任' }, ...paras(v['responsibility']));
  blocks.push({ kind: 'heading', level: 1, text: '经调解，各方当事人自愿达成如下协议' }, ...paras(v['agreement_content']));
  if (v['agreement_amount'] !== null && v['agreement_amount'] !== undefined && v['agreement_amount'] !== '') blocks.push({ kind: 'para', text: `本协议涉及金额${Number(v['agreement_amount']).toFixed(2)}万元。`, indent: true });
  blocks.push(
    { kind: 'para', text: '本协议经人民调解委员会调解达成，具有法律约束力，当事人应当按照约定履行。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。', indent: true },
    { kind: 'para', text: '双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认；人民法院依法确认本协议有效后，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。当事人之间就本协议的履行或者内容发生争议的，一方当事人可以向人民法院提起诉讼。', indent: true },
    { kind: 'para', text: `本协议一式${v['parties_count'] !== null && v['parties_count'] !== undefined ? Number(v['parties_count']) + 1 : 3}份，当事人各执一份，人民调解委员会留存一份。`, indent: true },
    {
      kind: 'table',
      header: [['', '签名（盖章或按指印）', '日期']],
      rows: [
        ['申请人', '', ''],
        ['被申请人', '', ''],
        ['人民调解员', a.mediator, ''],
      ],
      widths: [20, 50, 30],
    },
    { kind: 'signature', org: `${a.committee}（印章）`, date: day(v['agreement_effective_on']) || '' },
  );
  return { title: '人民调解协议书', blocks, ...(no ? { docNumber: no } : {}) };
}
