import type { Block, DocumentSpec, SignatureImage } from '../../platform/reports/blocks.ts';
import { officialDate } from '../../platform/reports/blocks.ts';
import { parseChecklist } from '../../../common/inspection.checklist.ts';

/**
 * the seven documents of the 行政检查文书基本格式文本（试行） (司法部办公厅, 2025) made from an inspection record: the
 * approval, the notice, the on-site record, the result notice, and — where the inspection questioned, surveyed or
 * sampled — the 询问笔录, 勘验笔录 and 抽样取证凭证
 */
export const INSPECTION_DOCUMENTS = {
  approval: { label: '行政检查审批表', needs: null },
  notice: { label: '行政检查通知书', needs: 'approved_on' },
  record: { label: '现场检查笔录', needs: 'approved_on' },
  result: { label: '行政检查结果告知书', needs: 'outcome' },
  inquiry: { label: '询问笔录', needs: 'interview_record' },
  survey: { label: '勘验笔录', needs: 'survey_record' },
  sampling: { label: '抽样取证凭证', needs: 'samples' },
} as const;
export type InspectionDocumentKind = keyof typeof INSPECTION_DOCUMENTS;

export interface InspectionForDocument {
  values: Readonly<Record<string, unknown>>;
  orgName: string;
  matterName: string;
  basis: string;
  standards: ReadonlyArray<{ title: string; items: string }>;
  /** the public address where the enterprise checks the inspection code */
  verifyUrl: string;
  caseNo: string | null;
  /** the signatures drawn on screen for the 笔录 (inspection.signatures.ts), when any */
  signatures?: Partial<Record<'party' | 'interviewee' | 'inspector1' | 'inspector2', SignatureImage>>;
}

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '——' : String(v));
const day = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? officialDate(v) : '——');
const officer = (v: Readonly<Record<string, unknown>>, n: 1 | 2): string => `${s(v[`inspector${n}_name`])}（执法证号：${s(v[`inspector${n}_cert`])}）`;

/** who signs a 笔录 on paper or on screen: the other side's signer and label, and the officers' label */
const SIGNING: Record<'record' | 'inquiry' | 'survey' | 'sampling', { side: 'party' | 'interviewee'; sideLabel: string; officersLabel: string }> = {
  record: { side: 'party', sideLabel: '被检查单位负责人（签名）：', officersLabel: '检查人员（签名）：' },
  inquiry: { side: 'interviewee', sideLabel: '被询问人（签名）：', officersLabel: '询问人（签名）：' },
  survey: { side: 'party', sideLabel: '当事人（见证人）（签名）：', officersLabel: '勘验人员（签名）：' },
  sampling: { side: 'party', sideLabel: '被抽样单位（签名或盖章）：', officersLabel: '抽样人员（签名）：' },
};

/** the 笔录's signing line: blank for signing on paper, or with the signatures drawn on screen next to their labels */
function signingLines(kind: keyof typeof SIGNING, signed: NonNullable<InspectionForDocument['signatures']>): Block {
  const { side, sideLabel, officersLabel } = SIGNING[kind];
  const sideImage = signed[side];
  const other = sideImage ? [sideImage] : [];
  const officers = [signed.inspector1, signed.inspector2].filter((x): x is SignatureImage => x !== undefined);
  if (other.length === 0 && officers.length === 0) return { kind: 'para', text: `${sideLabel}　　　　　　${officersLabel}`, indent: true };
  return { kind: 'signedBy', parts: [{ label: sideLabel, images: other }, { label: officersLabel, images: officers }] };
}

/** the blocks of one inspection document; the 检查编号 is its number */
export function inspectionDocument(kind: InspectionDocumentKind, c: InspectionForDocument, today: string): DocumentSpec {
  const v = c.values;
  const label = INSPECTION_DOCUMENTS[kind].label;
  const number = s(v['inspection_no']);
  const blocks: Block[] = [{ kind: 'title', text: label }, { kind: 'para', text: number, align: 'center' }];
  const table = (rows: string[][]): void => void blocks.push({ kind: 'table', header: [['项目', '内容']], rows, widths: [30, 70] });
  const codeLines = (): void => {
    if (typeof v['inspection_code'] !== 'string' || !v['inspection_code']) return;
    blocks.push({ kind: 'para', text: `检查码：${String(v['inspection_code'])}`, bold: true }, { kind: 'para', text: `贵单位可登录 ${c.verifyUrl} 或扫描检查码，核验本次检查的实施机关、检查事项、检查人员及审批情况。`, indent: true });
  };
  let date = today;
  switch (kind) {
    case 'approval':
      table([
        ['检查编号', number],
        ['检查类型', `${s(v['plan_kind'])}检查${v['plan_name'] ? `（${String(v['plan_name'])}）` : ''}`],
        ['检查事项', c.matterName],
        ['检查依据', c.basis || '——'],
        ['被检查企业', s(v['enterprise_name'])],
        ['统一社会信用代码', s(v['enterprise_uscc'])],
        ['经营地址', s(v['enterprise_address'])],
        ['联合检查部门', s(v['joint_orgs'])],
        ['计划检查日期', day(v['planned_on'])],
        ['检查人员', `${officer(v, 1)}、${officer(v, 2)}`],
        ...(v['emergency_reason'] ? [['紧急检查理由（事后补批）', s(v['emergency_reason'])]] : []),
        ['负责人审批意见', s(v['approval_opinion'])],
        ['批准人', s(v['approver'])],
        ['审批日期', day(v['approved_on'])],
      ]);
      if (typeof v['approved_on'] === 'string') date = v['approved_on'];
      break;
    case 'notice':
      blocks.push(
        { kind: 'para', text: `${s(v['enterprise_name'])}：` },
        { kind: 'para', text: `根据${c.basis || '有关法律法规'}的规定，经本机关负责人批准，本机关定于${day(v['planned_on'])}对你单位开展${s(v['plan_kind'])}检查，检查事项为：${c.matterName}。${v['joint_orgs'] ? `本次检查为联合检查（综合查一次），参加部门：${String(v['joint_orgs'])}。` : ''}`, indent: true },
        { kind: 'para', text: `检查人员：${officer(v, 1)}、${officer(v, 2)}。检查人员将出示行政执法证件，请予以配合。你单位认为检查人员与本次检查有利害关系的，有权申请回避。`, indent: true },
      );
      codeLines();
      if (typeof v['approved_on'] === 'string') date = v['approved_on'];
      break;
    case 'record':
      table([
        ['检查编号', number],
        ['被检查企业', s(v['enterprise_name'])],
        ['检查地点', s(v['enterprise_address'])],
        ['检查日期', day(v['inspected_on'])],
        ['检查事项', c.matterName],
        ['检查人员', `${officer(v, 1)}、${officer(v, 2)}`],
      ]);
      blocks.push({ kind: 'para', text: '检查人员已向被检查单位出示行政执法证件，告知了检查事项、依据及申请回避的权利。', indent: true });
      {
        // 一表通查: checked item by item, the checklist is the table of what was checked and found; else the standards
        const checked = typeof v['checklist'] === 'string' ? parseChecklist(v['checklist']).entries : [];
        if (checked.length) {
          blocks.push(
            { kind: 'para', text: `逐项检查结果${c.standards.length ? `（检查标准：${c.standards.map((st) => st.title).join('、')}）` : ''}：`, bold: true },
            { kind: 'table', header: [['序号', '检查内容', '检查结论', '说明']], rows: checked.map((e, i) => [String(i + 1), e.item, e.verdict, e.note]), widths: [8, 50, 14, 28] },
          );
        } else {
          for (const st of c.standards) {
            blocks.push({ kind: 'para', text: `检查标准：${st.title}`, bold: true });
            for (const line of st.items.split('\n').filter((x) => x.trim())) blocks.push({ kind: 'para', text: line.trim(), indent: true });
          }
        }
      }
      blocks.push({ kind: 'para', text: `现场检查情况：${s(v['inspection_record'])}`, indent: true }, signingLines('record', c.signatures ?? {}));
      codeLines();
      if (typeof v['inspected_on'] === 'string') date = v['inspected_on'];
      break;
    case 'result': {
      const outcome = String(v['outcome'] ?? '');
      const what =
        outcome === '责令整改'
          ? `检查发现你单位存在问题，责令你单位于${day(v['rectify_due_on'])}前整改完毕，本机关将适时复查。`
          : outcome === '转立案'
            ? `检查发现你单位涉嫌违法，本机关已依法登记立案调查${c.caseNo ? `（案号：${c.caseNo}）` : ''}，将另行告知有关事项。`
            : '本次检查未发现问题。';
      blocks.push(
        { kind: 'para', text: `${s(v['enterprise_name'])}：` },
        { kind: 'para', text: `本机关于${day(v['inspected_on'])}依据${c.basis || '有关法律法规'}对你单位开展了${s(v['plan_kind'])}检查（检查事项：${c.matterName}）。${what}`, indent: true },
        { kind: 'para', text: '你单位对检查结果有异议的，可以向本机关提出陈述和申辩。', indent: true },
      );
      if (typeof v['result_notified_on'] === 'string') date = v['result_notified_on'];
      else if (typeof v['inspected_on'] === 'string') date = v['inspected_on'];
      break;
    }
    case 'inquiry':
      table([
        ['检查编号', number],
        ['询问日期', day(v['inspected_on'])],
        ['询问地点', s(v['enterprise_address'])],
        ['被询问人', s(v['interviewee'])],
        ['工作单位及职务', `${s(v['enterprise_name'])}　${s(v['interviewee_role'])}`],
        ['询问人', `${officer(v, 1)}、${officer(v, 2)}`],
        ['检查事项', c.matterName],
      ]);
      blocks.push({ kind: 'para', text: '询问人已出示行政执法证件，告知被询问人如实回答询问、协助检查的义务，以及认为询问人与本次检查有利害关系时申请回避的权利。', indent: true });
      for (const line of String(v['interview_record'] ?? '').split('\n').filter((x) => x.trim())) blocks.push({ kind: 'para', text: line.trim(), indent: true });
      blocks.push({ kind: 'para', text: '以上笔录经被询问人核对，与所述一致。', indent: true }, signingLines('inquiry', c.signatures ?? {}));
      if (typeof v['inspected_on'] === 'string') date = v['inspected_on'];
      break;
    case 'survey':
      table([
        ['检查编号', number],
        ['勘验日期', day(v['inspected_on'])],
        ['勘验地点', s(v['enterprise_address'])],
        ['被检查企业', s(v['enterprise_name'])],
        ['勘验人员', `${officer(v, 1)}、${officer(v, 2)}`],
        ['检查事项', c.matterName],
      ]);
      blocks.push({ kind: 'para', text: '勘验情况：', bold: true });
      for (const line of String(v['survey_record'] ?? '').split('\n').filter((x) => x.trim())) blocks.push({ kind: 'para', text: line.trim(), indent: true });
      blocks.push(signingLines('survey', c.signatures ?? {}));
      if (typeof v['inspected_on'] === 'string') date = v['inspected_on'];
      break;
    case 'sampling': {
      const rows = String(v['samples'] ?? '')
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean)
        .map((line, i) => [String(i + 1), line]);
      blocks.push(
        { kind: 'para', text: `${s(v['enterprise_name'])}：` },
        { kind: 'para', text: `本机关检查人员${officer(v, 1)}、${officer(v, 2)}于${day(v['inspected_on'])}在${s(v['enterprise_address'])}依据${c.basis || '有关法律法规'}，对你单位下列物品抽取样品，用于${s(v['sample_purpose'])}（检查事项：${c.matterName}）。`, indent: true },
        { kind: 'table', header: [['序号', '样品名称、规格型号、批号、数量']], rows, widths: [12, 88] },
        { kind: 'para', text: '样品已由双方确认并封存。你单位对抽样有异议的，可以向本机关提出。', indent: true },
        signingLines('sampling', c.signatures ?? {}),
      );
      if (typeof v['inspected_on'] === 'string') date = v['inspected_on'];
      break;
    }
  }
  blocks.push({ kind: 'signature', org: c.orgName, date: officialDate(date) });
  return { title: label, blocks, docNumber: number };
}
