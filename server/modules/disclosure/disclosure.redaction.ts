import { findPersonalData, redactionPreview, type RedactionPreview } from '../../platform/crypto/redact.ts';

/** the item's texts that reach the public site, each masked by the redactor before it leaves */
export const PUBLISHED_TEXTS = [
  { field: 'title', label: '标题' },
  { field: 'summary', label: '内容概述' },
  { field: 'content', label: '正文' },
] as const;

export const REDACTION_UNCONFIRMED = '标题、内容概述或正文中含有个人信息，须查看并确认脱敏预览后方可同意公开';

/** true when personal data was found in a text the item publishes */
export function itemHoldsPersonalData(v: Readonly<Record<string, unknown>>): boolean {
  return PUBLISHED_TEXTS.some(({ field }) => typeof v[field] === 'string' && findPersonalData(String(v[field])).length > 0);
}

export interface ItemRedactionPreview {
  fields: Array<{ field: string; label: string } & RedactionPreview>;
  found: number;
  confirmed: boolean;
}

/** what the public site will show in place of each text, with the spans masked: the 保密审查 reviewer confirms it */
export function itemRedactionPreview(v: Readonly<Record<string, unknown>>): ItemRedactionPreview {
  const fields = PUBLISHED_TEXTS.filter(({ field }) => typeof v[field] === 'string' && v[field]).map(({ field, label }) => ({ field, label, ...redactionPreview(String(v[field])) }));
  return { fields, found: fields.reduce((n, f) => n + f.spans.length, 0), confirmed: v['redaction_confirmed'] === true };
}
