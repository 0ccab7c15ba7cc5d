import { officialDate, type Block, type DocumentSpec } from '../../platform/reports/blocks.ts';

/** the step letters of an application (政府信息公开条例 arts. 30, 32–34), each numbered by the step that sends it */
export const NOTICE_KINDS = {
  supplement: { title: '政府信息公开申请补正告知书', field: 'supplement_notice_no', step: '告知补正' },
  consult: { title: '政府信息公开征求意见书', field: 'consult_notice_no', step: '征求意见' },
  extension: { title: '政府信息公开申请延期答复告知书', field: 'extension_notice_no', step: '延期答复' },
  reasons: { title: '政府信息公开申请说明理由告知书', field: 'reasons_notice_no', step: '要求说明理由' },
  delay: { title: '政府信息公开申请延迟答复告知书', field: 'delay_notice_no', step: '审查申请理由' },
} as const;
/** the date of the step each letter belongs to: a letter exists only once its step is recorded */
export const NOTICE_DATE: Readonly<Record<NoticeKind, string>> = {
  supplement: 'supplement_requested_on',
  consult: 'consult_sent_on',
  extension: 'extension_approved_on',
  reasons: 'reasons_asked_on',
  delay: 'delayed_due_on',
};
export type NoticeKind = keyof typeof NOTICE_KINDS;

export interface NoticeInput {
  organ: string;
  docNumber: string;
  applicant: string;
  received_on: string;
  subject: string;
  supplement_requested_on: string | null;
  supplement_items: string | null;
  supplement_due_on: string | null;
  consult_party: string | null;
  consult_with: string | null;
  consult_sent_on: string | null;
  extension_approved_on: string | null;
  extension_reason: string | null;
  /** the answer's last day after the extension (the live clock) */
  extended_due: string | null;
  reasons_due_on?: string | null;
  reasons_asked_on?: string | null;
  reasons_received_on?: string | null;
  reasons_judged_on?: string | null;
  delayed_due_on?: string | null;
  /** the applicant's requests in the period the 说明理由告知书 cites (art. 35) */
  requests?: { from: string; to: string; count: number } | null;
}

const need = (v: string | null, what: string): string => {
  if (!v) throw new Error(`notice input lacks ${what}`);
  return v;
};

const opening = (a: NoticeInput, to: string): Block[] => [
  { kind: 'title', text: '' },
  { kind: 'para', text: a.docNumber, align: 'right', indent: false },
  { kind: 'para', text: `${to}：`, indent: false },
];

/** 补正告知书: what to complete, by when, and what silence means (art. 30) */
function supplementNotice(a: NoticeInput): Block[] {
  const items = need(a.supplement_items, 'supplement_items')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [
    { kind: 'para', text: `本机关于${officialDate(a.received_on)}收到您提出的政府信息公开申请，申请公开“${a.subject}”。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第二十九条、第三十条的规定，现一次性告知您对以下事项作出补正：` },
    ...items.map((text, i): Block => ({ kind: 'para', text: items.length > 1 ? `${i + 1}. ${text}` : text })),
    { kind: 'para', text: `请您于${officialDate(need(a.supplement_due_on, 'supplement_due_on'))}前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。` },
    { kind: 'signature', org: a.organ, date: officialDate(need(a.supplement_requested_on, 'supplement_requested_on')) },
  ];
}

/** 征求意见书 to a third party (art. 32) or a co-producing organ (art. 34); the applicant is not named to them */
function consultNotice(a: NoticeInput): Block[] {
  const organ = a.consult_party === '共同制作机关';
  return [
    {
      kind: 'para',
      text: organ
        ? `本机关于${officialDate(a.received_on)}收到政府信息公开申请，申请公开“${a.subject}”。经查，该信息由你单位与本机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求你单位意见。`
        : `本机关于${officialDate(a.received_on)}收到政府信息公开申请，申请公开“${a.subject}”。经审查，该信息的公开可能损害你方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你方意见。`,
    },
    {
      kind: 'para',
      text: organ
        ? '请你单位自收到本征求意见书之日起15个工作日内，就是否同意公开提出书面意见；不同意公开的，请说明理由和依据。逾期未提出意见的，视为同意公开。'
        : '请你方自收到本征求意见书之日起15个工作日内，就是否同意公开提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。',
    },
    { kind: 'signature', org: a.organ, date: officialDate(need(a.consult_sent_on, 'consult_sent_on')) },
  ];
}

/** 延期答复告知书: approved by the head of the disclosure office, at most 20 working days more (art. 33) */
function extensionNotice(a: NoticeInput): Block[] {
  const due = a.extended_due ? `本机关将于${officialDate(a.extended_due)}前作出答复。` : '';
  return [
    { kind: 'para', text: `本机关于${officialDate(a.received_on)}收到您提出的政府信息公开申请，申请公开“${a.subject}”。因${need(a.extension_reason, 'extension_reason').replace(/[。；，]$/, '')}，本机关不能在规定期限内作出答复。` },
    { kind: 'para', text: `经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长20个工作日。${due}` },
    { kind: 'signature', org: a.organ, date: officialDate(need(a.extension_approved_on, 'extension_approved_on')) },
  ];
}

/** 说明理由告知书: the count and period that make the requests clearly excessive, and what follows (art. 35) */
function reasonsNotice(a: NoticeInput): Block[] {
  const r = a.requests;
  const counted = r ? `经统计，${officialDate(r.from)}至${officialDate(r.to)}，您共向本机关提出政府信息公开申请${r.count}件，` : '经审查，';
  return [
    { kind: 'para', text: `本机关于${officialDate(a.received_on)}收到您提出的政府信息公开申请，申请公开“${a.subject}”。${counted}申请公开政府信息的数量、频次明显超过合理范围。` },
    { kind: 'para', text: `根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您于${officialDate(need(a.reasons_due_on ?? null, 'reasons_due_on'))}前向本机关书面说明申请理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。` },
    { kind: 'signature', org: a.organ, date: officialDate(need(a.reasons_asked_on ?? null, 'reasons_asked_on')) },
  ];
}

/** 延迟答复告知书: the reasons were found reasonable, the answer comes by a reasonable later date (art. 35) */
function delayNotice(a: NoticeInput): Block[] {
  const said = a.reasons_received_on ? `您于${officialDate(a.reasons_received_on)}向本机关说明了申请理由。` : '';
  return [
    { kind: 'para', text: `本机关于${officialDate(a.received_on)}收到您提出的政府信息公开申请，申请公开“${a.subject}”。本机关于${officialDate(need(a.reasons_asked_on ?? null, 'reasons_asked_on'))}要求您说明申请理由，${said}` },
    { kind: 'para', text: `经审查，本机关认为您的申请理由合理，但因申请数量较多，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，本机关确定延迟答复的合理期限，将于${officialDate(need(a.delayed_due_on ?? null, 'delayed_due_on'))}前作出答复。` },
    { kind: 'signature', org: a.organ, date: officialDate(need(a.reasons_judged_on ?? null, 'reasons_judged_on')) },
  ];
}

const BODY: Readonly<Record<NoticeKind, (a: NoticeInput) => Block[]>> = { supplement: supplementNotice, consult: consultNotice, extension: extensionNotice, reasons: reasonsNotice, delay: delayNotice };

export function noticeLetter(kind: NoticeKind, a: NoticeInput): DocumentSpec {
  const { title } = NOTICE_KINDS[kind];
  const to = kind === 'consult' ? need(a.consult_with, 'consult_with') : a.applicant;
  const head = opening(a, to);
  head[0] = { kind: 'title', text: title };
  const body = BODY[kind](a);
  return { title, blocks: [...head, ...body] };
}
