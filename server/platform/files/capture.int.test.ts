import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { adminModule } from '../admin.module.ts';
import type { AttachmentView } from './attachment.service.ts';

let t: TestApp;
let clerk: string;
let id: number;
const base = '/api/ledgers/mediation.case';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

interface Problem {
  status: number;
  detail: string;
  errors?: Array<{ path: string; label?: string; message: string }>;
}

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, mediationModule] });
  clerk = await t.login('clerk');
  id = json<{ items: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: `${base}?pageSize=1` })).items[0]?.id ?? 0;
});
afterAll(async () => t.close());

const upload = (fields: Record<string, string>, name = '现场照片.png') => {
  const body = multipart([{ name: 'kind', value: '现场照片' }, ...Object.entries(fields).map(([k, v]) => ({ name: k, value: v })), { name: 'file', value: PNG, filename: name }]);
  return t.request(clerk, { method: 'POST', url: `${base}/${id}/attachments`, payload: body.payload, headers: body.headers });
};
const attachCount = async (): Promise<number> => Number((await t.platform.db.selectFrom('attachment').select((eb) => eb.fn.countAll<number>().as('n')).where('owner', '=', 'mediation.case').where('owner_id', '=', id).executeTakeFirstOrThrow()).n);
const auditCount = async (): Promise<number> => Number((await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const lastAttachDiff = async (): Promise<{ attachment: Record<string, unknown> }> =>
  (await t.platform.db.selectFrom('audit_log').select('diff').where('entity', '=', 'mediation.case').where('entity_id', '=', String(id)).where('action', '=', 'attach').orderBy('id', 'desc').executeTakeFirstOrThrow()).diff as { attachment: Record<string, unknown> };

describe('evidence captured on the phone', () => {
  it('stores when and where a photo was taken, shows it with the record and writes it into the audit trail', async () => {
    const takenAt = new Date(Date.now() - 60_000).toISOString();
    const res = await upload({ takenAt, latitude: '39.9087243', longitude: '116.3974812', accuracy: '12.5' });
    expect(res.statusCode).toBe(200);
    const att = json<AttachmentView>(res);
    expect(att.capturedAt).toBe(takenAt);
    expect(att.place).toEqual({ lat: 39.9087243, lng: 116.3974812, accuracy: 12.5 });

    const detail = json<{ attachments: AttachmentView[] }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` }));
    const listed = detail.attachments.find((a) => a.id === att.id);
    expect(listed?.capturedAt).toBe(takenAt);
    expect(listed?.place).toEqual({ lat: 39.9087243, lng: 116.3974812, accuracy: 12.5 });

    const diff = await lastAttachDiff();
    expect(diff.attachment['id']).toBe(att.id);
    expect(diff.attachment['takenAt']).toBe(takenAt);
    expect(diff.attachment['place']).toEqual({ lat: 39.9087243, lng: 116.3974812, accuracy: 12.5 });
  });

  it('takes a photo without a position (permission denied) and records that no place was given', async () => {
    const takenAt = new Date().toISOString();
    const res = await upload({ takenAt, latitude: '', longitude: '', accuracy: '' });
    expect(res.statusCode).toBe(200);
    const att = json<AttachmentView>(res);
    expect(att.capturedAt).toBe(takenAt);
    expect(att.place).toBeNull();
    const diff = await lastAttachDiff();
    expect(diff.attachment['takenAt']).toBe(takenAt);
    expect(diff.attachment).toHaveProperty('place', null);
  });

  it('leaves an ordinary upload without capture metadata, in the record and in the trail', async () => {
    const att = json<AttachmentView>(await upload({}, '扫描件.png'));
    expect(att.capturedAt).toBeNull();
    expect(att.place).toBeNull();
    const diff = await lastAttachDiff();
    expect(diff.attachment).not.toHaveProperty('takenAt');
    expect(diff.attachment).not.toHaveProperty('place');
  });

  const soon = (): string => new Date(Date.now() + 60_000).toISOString();
  const later = (): string => new Date(Date.now() + 60 * 60_000).toISOString();
  const cases: Array<[string, () => Record<string, string>, string, string]> = [
    ['a latitude beyond 90', () => ({ latitude: '90.5', longitude: '116.4' }), 'latitude', '纬度：须在-90至90之间'],
    ['a latitude below -90', () => ({ latitude: '-91', longitude: '116.4' }), 'latitude', '纬度：须在-90至90之间'],
    ['a longitude beyond 180', () => ({ latitude: '39.9', longitude: '180.01' }), 'longitude', '经度：须在-180至180之间'],
    ['a longitude that is not a number', () => ({ latitude: '39.9', longitude: '东经116度' }), 'longitude', '经度：须为数字'],
    ['a negative accuracy', () => ({ latitude: '39.9', longitude: '116.4', accuracy: '-1' }), 'accuracy', '定位精度：须在0至100000米之间'],
    ['an accuracy above 100 km', () => ({ latitude: '39.9', longitude: '116.4', accuracy: '100001' }), 'accuracy', '定位精度：须在0至100000米之间'],
    ['an accuracy without a position', () => ({ accuracy: '10' }), 'accuracy', '定位精度：须与经纬度一同提供'],
    ['a latitude without a longitude', () => ({ latitude: '39.9' }), 'longitude', '经度：须与纬度一同提供'],
    ['a time that is not a time', () => ({ takenAt: '2026-13-45T25:00:00Z' }), 'takenAt', '拍摄时间：须为有效时间，格式如 2026-12-07T09:30:00+08:00'],
    ['a time without its zone', () => ({ takenAt: '2026-12-05T09:30:00' }), 'takenAt', '拍摄时间：须为有效时间，格式如 2026-12-07T09:30:00+08:00'],
    ['a time an hour in the future', () => ({ takenAt: later() }), 'takenAt', '拍摄时间：不能晚于当前时间，请检查手机时间'],
  ];
  it.each(cases)('refuses %s with a 400 naming the field in Chinese, and saves nothing', async (_, fields, path, message) => {
    const [files, entries] = [await attachCount(), await auditCount()];
    const res = await upload(fields());
    expect(res.statusCode).toBe(400);
    const problem = json<Problem>(res);
    expect(problem.errors).toContainEqual(expect.objectContaining({ path, message }));
    expect(problem.detail).toContain(message.split('：')[0]);
    expect(await attachCount()).toBe(files);
    expect(await auditCount()).toBe(entries);
  });

  it('names every bad field at once', async () => {
    const problem = json<Problem>(await upload({ takenAt: later(), latitude: '100', longitude: '200', accuracy: 'x' }));
    expect(problem.errors?.map((e) => e.label).sort()).toEqual(['定位精度', '拍摄时间', '纬度', '经度'].sort());
  });

  it('accepts a phone clock a minute ahead of the server', async () => {
    const res = await upload({ takenAt: soon(), latitude: '-33.8688', longitude: '151.2093', accuracy: '0' });
    expect(res.statusCode).toBe(200);
    expect(json<AttachmentView>(res).place).toEqual({ lat: -33.8688, lng: 151.2093, accuracy: 0 });
  });
});
