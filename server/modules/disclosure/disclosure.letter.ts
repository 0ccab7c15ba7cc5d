import { officialDate, type Block, type DocumentSpec } from '../../platform/reports/blocks.ts';
import { LEGAL_BASIS } from './disclosure.taxonomy.ts';

export interface LetterInput {
  /** the answering organ, as it signs: 城关镇人民政府 */
  organ: string;
  /** who hears a reconsideration: 演示县人民政府 */
  reviewOrgan: string;
  docNumber: string;
  applicant: string;
  received_on: string;
  subject: string;
  outcome: string;
  outcome_reason: string | null;
  answered_on: string;
  supplement_received_on: string | null;
  extension_approved_on: string | null;
  reply_note: string | null;
  /** a consultation under art. 32 or 34 (its time is not counted, art. 33) */
  consult_party?: string | null;
  consult_sent_on?: string | null;
}

/** the outcome's own sentence, with its legal basis (政府信息公开条例 2019 arts. 36–39) */
export function outcomeSentence(outcome: string, reason: string | null): string {
  const basis = LEGAL_BASIS[reason ?? outcome] ?? LEGAL_BASIS[outcome] ?? '《中华人民共和国政府信息公开条例》';
  switch (outcome) {
    case '予以公开':
      return `经审查，您申请公开的政府信息属于公开范围。根据${basis}的规定，本机关予以公开，相关信息按您选择的方式提供（见附件）。`;
    case '部分公开':
      return `经审查，您申请公开的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据${basis}的规定，本机关向您提供可以公开的部分，并对不予公开的部分说明理由。`;
    case '不予公开':
      return `经审查，您申请公开的政府信息${reason ?? ''}。根据${basis}的规定，本机关不予公开。`;
    case '无法提供':
      return `经审查，${reason ?? '本机关无法提供您申请公开的政府信息'}。根据${basis}的规定，本机关无法提供。`;
    case '不予处理':
      return `经审查，您的申请属于“${reason ?? ''}”的情形。根据${basis}的规定，本机关不予处理。`;
    default:
      return reason && reason !== '其他' ? `${reason.replace('、行政机关不再处理其政府信息公开申请', '')}。根据${basis}的规定，本机关不再处理您的政府信息公开申请。` : `根据${basis}的规定，本机关对您的申请依法作出处理。`;
  }
}

/** 政府信息公开申请答复书, numbered, for the outcome of an application */
export function replyLetter(a: LetterInput): DocumentSpec {
  const blocks: Block[] = [
    { kind: 'title', text: '政府信息公开申请答复书' },
    { kind: 'para', text: a.docNumber, align: 'right', indent: false },
    { kind: 'para', text: `${a.applicant}：`, indent: false },
  ];
  let received = `本机关于${officialDate(a.received_on)}收到您提出的政府信息公开申请，申请公开“${a.subject}”。`;
  if (a.supplement_received_on) received += `经本机关告知补正，您于${officialDate(a.supplement_received_on)}提交了补正材料。`;
  if (a.consult_sent_on) received += `本机关于${officialDate(a.consult_sent_on)}就该信息书面征求了${a.consult_party === '共同制作机关' ? '共同制作机关' : '第三方'}的意见，征求意见所需时间不计算在答复期限内。`;
  if (a.extension_approved_on) received += `因情况复杂，经本机关负责人同意，答复期限延长20个工作日，本机关已告知您延期答复。`;
  blocks.push({ kind: 'para', text: received });
  blocks.push({ kind: 'para', text: outcomeSentence(a.outcome, a.outcome_reason) });
  if (a.reply_note) blocks.push({ kind: 'para', text: a.reply_note });
  blocks.push({ kind: 'para', text: `如对本答复不服，可以自收到本答复之日起六十日内向${a.reviewOrgan}申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。` });
  blocks.push({ kind: 'signature', org: a.organ, date: officialDate(a.answered_on) });
  return { title: '政府信息公开申请答复书', blocks };
}
