import type { Selectable } from 'kysely';
import { audit } from '../audit/audit.service.ts';
import type { AttachmentTable } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { BlobStore } from './blob-store.ts';
import type { Capture } from './capture.ts';
import { sniff } from './sniff.ts';

export interface AttachmentView {
  id: number;
  kind: string;
  name: string;
  mime: string;
  size: number;
  hash: string;
  createdAt: string;
  createdBy: string;
  /** when the phone took it (captured evidence), else null */
  capturedAt: string | null;
  /** where the phone was when it took it: the place of the inspection; null when not captured or no position was given */
  place: { lat: number; lng: number; accuracy: number | null } | null;
}

const ALLOWED = new Set(['pdf', 'png', 'jpg', 'gif', 'webp', 'wav', 'mp3', 'm4a', 'amr', 'mp4', 'mov', 'avi', 'docx', 'xlsx', 'pptx', 'odt', 'doc', 'rtf', 'txt', 'zip']);

/** stores an upload for a record the caller has already found in scope; the hash goes into the audit trail */
/** the kind a signature is stored under: added only through a signing route, never by a plain upload */
export const SIGNATURE_KIND = '签名';
/** attachment kinds a plain upload may not claim */
export const RESERVED_KINDS: ReadonlySet<string> = new Set([SIGNATURE_KIND]);

export async function addAttachment(ctx: Ctx, store: BlobStore, owner: { entity: string; id: number; orgCode: string }, file: { name: string; bytes: Buffer; kind?: string; capture?: Capture | null }): Promise<AttachmentView> {
  if (file.bytes.length === 0) throw new AppError('validation_failed', '文件是空的', [{ path: 'file', label: '文件', message: '文件：不能为空' }]);
  const type = sniff(file.bytes);
  if (!type || !ALLOWED.has(type.ext)) {
    throw new AppError('unsupported_media_type', '不支持该文件类型：请上传 PDF、图片、Word/Excel 文档、录音或视频（按文件内容识别，与扩展名无关）');
  }
  const hash = await store.put(file.bytes);
  const name = file.name.replace(/[\\/]/g, '_').slice(0, 200) || `附件.${type.ext}`;
  const capture = file.capture ?? null;
  const place = capture?.place ?? null;
  const row = await ctx.tx
    .insertInto('attachment')
    .values({
      org_code: owner.orgCode,
      owner: owner.entity,
      owner_id: owner.id,
      kind: (file.kind ?? '附件').slice(0, 40),
      name,
      mime: type.mime,
      size: file.bytes.length,
      hash,
      created_by: ctx.actor.username,
      created_at: ctx.now,
      captured_at: capture?.takenAt ?? null,
      latitude: place?.lat ?? null,
      longitude: place?.lng ?? null,
      accuracy: place?.accuracy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // the trail says when and where evidence was taken: a captured file without a position says so (place: null)
  const captured = capture ? { takenAt: capture.takenAt?.toISOString() ?? null, place } : {};
  await audit(ctx, { entity: owner.entity, entityId: owner.id, action: 'attach', orgCode: owner.orgCode, diff: { attachment: { id: Number(row.id), name, kind: row.kind, mime: type.mime, size: file.bytes.length, sm3: hash, ...captured } } });
  return view(row);
}

const view = (r: Selectable<AttachmentTable>): AttachmentView => ({
  id: Number(r.id),
  kind: r.kind,
  name: r.name,
  mime: r.mime,
  size: Number(r.size),
  hash: r.hash,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  capturedAt: r.captured_at ? new Date(r.captured_at).toISOString() : null,
  place: r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lng: r.longitude, accuracy: r.accuracy } : null,
});

export async function listAttachments(ctx: Ctx, owner: { entity: string; id: number }): Promise<AttachmentView[]> {
  const rows = await ctx.tx.selectFrom('attachment').selectAll().where('owner', '=', owner.entity).where('owner_id', '=', owner.id).where('status', '=', 'active').where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).orderBy('id').execute();
  return rows.map(view);
}

export async function readAttachment(ctx: Ctx, store: BlobStore, owner: { entity: string; id: number }, attachmentId: number): Promise<{ view: AttachmentView; bytes: Buffer }> {
  const row = await ctx.tx.selectFrom('attachment').selectAll().where('id', '=', attachmentId).where('owner', '=', owner.entity).where('owner_id', '=', owner.id).where('status', '=', 'active').where('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).executeTakeFirst();
  if (!row) throw notFound('附件');
  return { view: view(row), bytes: await store.get(row.hash) };
}

export async function removeAttachment(ctx: Ctx, owner: { entity: string; id: number; orgCode: string }, attachmentId: number, reason: string): Promise<void> {
  const row = await ctx.tx.selectFrom('attachment').selectAll().where('id', '=', attachmentId).where('owner', '=', owner.entity).where('owner_id', '=', owner.id).where('status', '=', 'active').executeTakeFirst();
  if (!row) throw notFound('附件');
  await ctx.tx.updateTable('attachment').set({ status: 'withdrawn' }).where('id', '=', attachmentId).execute();
  await audit(ctx, { entity: owner.entity, entityId: owner.id, action: 'detach', orgCode: owner.orgCode, diff: { attachment: { id: attachmentId, name: row.name, sm3: row.hash }, reason } });
}
