import { z } from 'zod';
import { parse } from '../http/validate.ts';

/** when and where a photo or video was taken, as the device reported it (docs/decisions/0039-field-evidence-capture.md) */
export interface Capture {
  takenAt: Date | null;
  /** null when the device gave no position (permission denied, no fix) */
  place: { lat: number; lng: number; accuracy: number | null } | null;
}

/** the form fields an upload may carry, and the Chinese names errors give them */
export const CAPTURE_LABELS = { takenAt: '拍摄时间', latitude: '纬度', longitude: '经度', accuracy: '定位精度' } as const;
type CaptureField = keyof typeof CAPTURE_LABELS;

/** a device clock may run a little ahead of the server's; beyond this a time "from the future" is refused */
export const CLOCK_SKEW_MS = 5 * 60_000;

// numbers come as form text: a plain decimal, nothing coerce would also accept ('', ' ', '0x10', '1e3')
const decimal = (min: number, max: number, range: string) =>
  z
    .string()
    .regex(/^-?\d{1,9}(\.\d{1,12})?$/, '须为数字')
    .transform(Number)
    .refine((n) => n >= min && n <= max, range);

const schema = (now: Date) =>
  z
    .object({
      takenAt: z.iso
        .datetime({ offset: true, error: '须为有效时间，格式如 2026-12-07T09:30:00+08:00' })
        .transform((s) => new Date(s))
        .refine((d) => !Number.isNaN(d.getTime()), '须为有效时间')
        .refine((d) => d.getTime() <= now.getTime() + CLOCK_SKEW_MS, '不能晚于当前时间，请检查手机时间')
        .optional(),
      latitude: decimal(-90, 90, '须在-90至90之间').optional(),
      longitude: decimal(-180, 180, '须在-180至180之间').optional(),
      accuracy: decimal(0, 100_000, '须在0至100000米之间').optional(),
    })
    .superRefine((v, c) => {
      // a position is both coordinates; an accuracy alone says nothing
      if (v.latitude !== undefined && v.longitude === undefined) c.addIssue({ code: 'custom', path: ['longitude'], message: '须与纬度一同提供' });
      if (v.longitude !== undefined && v.latitude === undefined) c.addIssue({ code: 'custom', path: ['latitude'], message: '须与经度一同提供' });
      if (v.accuracy !== undefined && (v.latitude === undefined || v.longitude === undefined)) c.addIssue({ code: 'custom', path: ['accuracy'], message: '须与经纬度一同提供' });
    });

/**
 * the capture metadata of an upload's form fields, or null when it has none; every bad field is named in one 400.
 * An empty field counts as absent: a form sends '' for a position it did not get.
 */
export function parseCapture(fields: Partial<Record<CaptureField, string | undefined>>, now: Date): Capture | null {
  const present = Object.fromEntries(Object.entries(fields).filter(([k, v]) => k in CAPTURE_LABELS && v !== undefined && v.trim() !== '').map(([k, v]) => [k, v?.trim()]));
  if (Object.keys(present).length === 0) return null;
  const v = parse(schema(now), present, CAPTURE_LABELS);
  const place = v.latitude !== undefined && v.longitude !== undefined ? { lat: v.latitude, lng: v.longitude, accuracy: v.accuracy ?? null } : null;
  return { takenAt: v.takenAt ?? null, place };
}
