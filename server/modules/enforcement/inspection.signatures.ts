import { audit } from '../../platform/audit/audit.service.ts';
import { addAttachment, listAttachments, readAttachment, removeAttachment, SIGNATURE_KIND, type AttachmentView } from '../../platform/files/attachment.service.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { loadRow, type Row } from '../../platform/ledger/ledger.service.ts';
import { isPng, type SignatureImage } from '../../platform/reports/blocks.ts';
import { inspectionLedger } from './inspection.ledgers.ts';

/**
 * who signs the 笔录 on screen: the enterprise's person in charge (or whoever is present: the 现场检查笔录, 勘验笔录 and
 * 抽样取证凭证), the person questioned (the 询问笔录, when the inspection questioned anyone) and the two officers
 */
export const SIGNERS = {
  party: '被检查单位负责人',
  interviewee: '被询问人',
  inspector1: '检查人员一',
  inspector2: '检查人员二',
} as const;
export type Signer = keyof typeof SIGNERS;
export const SIGNER_KEYS = Object.keys(SIGNERS) as [Signer, ...Signer[]];

/** a signature pad's PNG is a few tens of kilobytes; anything larger is not a signature */
export const SIGNATURE_MAX_BYTES = 300 * 1024;
const PREFIX = '现场签名-';

export interface SignatureView {
  signer: Signer;
  label: string;
  /** the officer's name for an officer; null for the enterprise's side and the person questioned */
  name: string | null;
  attachment: AttachmentView | null;
}

const officerName = (row: Row, signer: Signer): string | null => (signer === 'party' || signer === 'interviewee' ? null : typeof row[`${signer}_name`] === 'string' ? String(row[`${signer}_name`]) : null);
const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
/** the signers of this inspection: the person questioned only when the inspection recorded a questioning */
const signersOf = (row: Row): Signer[] => SIGNER_KEYS.filter((k) => k !== 'interviewee' || hasText(row['interview_record']));
const fileName = (signer: Signer, name: string | null): string => `${PREFIX}${SIGNERS[signer]}${name ? `（${name}）` : ''}.png`;
/** which signer a stored signature belongs to, from the name the signature route gave it */
function signerOf(a: AttachmentView): Signer | null {
  if (a.kind !== SIGNATURE_KIND || !a.name.startsWith(PREFIX)) return null;
  return SIGNER_KEYS.find((k) => a.name.startsWith(`${PREFIX}${SIGNERS[k]}`)) ?? null;
}

function imageProblem(message: string): AppError {
  return new AppError('validation_failed', `签名图片${message}`, [{ path: 'image', label: '签名图片', message: `签名图片：${message}` }]);
}

/** the PNG a pad sent, as bytes: base64, optionally as a data: URL; refused unless it is a PNG within the size cap */
export function signatureBytes(image: string): Buffer {
  const b64 = image.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw imageProblem('须为 base64 编码的 PNG 图片');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw imageProblem('不能为空，请先签名');
  if (bytes.length > SIGNATURE_MAX_BYTES) throw imageProblem(`不能超过${SIGNATURE_MAX_BYTES / 1024} KB`);
  if (!isPng(bytes)) throw imageProblem('须为 PNG 图片');
  return bytes;
}

/** the signatures of an inspection, one line per signer, with the stored file when signed */
export async function inspectionSignatures(ctx: Ctx, id: number): Promise<SignatureView[]> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const files = await listAttachments(ctx, { entity: inspectionLedger.name, id });
  return signersOf(row).map((signer) => ({ signer, label: SIGNERS[signer], name: officerName(row, signer), attachment: files.filter((a) => signerOf(a) === signer).at(-1) ?? null }));
}

/**
 * 现场签名: a signer's signature drawn on screen, kept as an attachment of the inspection. Signing is after the result
 * is recorded, so the signature covers what the record says; signing again replaces the earlier one (withdrawn, audited).
 */
export async function signInspection(ctx: Ctx, store: BlobStore, id: number, signer: Signer, image: string): Promise<SignatureView[]> {
  const row = await loadRow(ctx, inspectionLedger, id);
  const bytes = signatureBytes(image);
  if (row['state'] !== 'inspected') throw new AppError('conflict', '记录检查结果后，方可在现场检查笔录上签名');
  if (signer === 'interviewee' && !hasText(row['interview_record'])) throw new AppError('conflict', '本次检查未记录询问情况，无需被询问人签名');
  const owner = { entity: inspectionLedger.name, id, orgCode: String(row['org_code']) };
  const name = officerName(row, signer);
  const earlier = (await listAttachments(ctx, owner)).filter((a) => signerOf(a) === signer);
  for (const a of earlier) await removeAttachment(ctx, owner, a.id, `${SIGNERS[signer]}重新签名`);
  const stored = await addAttachment(ctx, store, owner, { name: fileName(signer, name), bytes, kind: SIGNATURE_KIND });
  await audit(ctx, { entity: owner.entity, entityId: id, action: 'sign', orgCode: owner.orgCode, diff: { signer: `${SIGNERS[signer]}${name ? `（${name}）` : ''}`, attachment: { id: stored.id, name: stored.name, sm3: stored.hash } } });
  return inspectionSignatures(ctx, id);
}

/** the stored signatures as images for the 笔录 */
export async function signatureImages(ctx: Ctx, store: BlobStore, id: number): Promise<Partial<Record<Signer, SignatureImage>>> {
  const out: Partial<Record<Signer, SignatureImage>> = {};
  for (const s of await inspectionSignatures(ctx, id)) {
    if (!s.attachment) continue;
    const { bytes } = await readAttachment(ctx, store, { entity: inspectionLedger.name, id }, s.attachment.id);
    out[s.signer] = { png: bytes, alt: `${s.name ?? s.label}签名` };
  }
  return out;
}
