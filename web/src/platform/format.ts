import dayjs from 'dayjs';

/** ISO timestamp → 2026-03-01 09:30:12 (browser time zone) */
/** an instant in Beijing time, whatever the browser's zone: '2026-12-04 10:15' (an hours clock's due moment) */
export function formatChinaDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}

/** where a photo was taken: '39.90872, 116.39748 ±13 m' (5 decimals is about a metre) */
export function formatPlace(place: { lat: number; lng: number; accuracy: number | null }): string {
  const within = place.accuracy !== null ? ` ±${Math.round(place.accuracy)} m` : '';
  return `${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}${within}`;
}

/** 2026-03-09 → 2026年3月9日 */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** a transition waiting for a period the law grants someone: 自2026年3月9日起可办理（理由） */
export function waitingText(t: { notBefore?: string | null; waitReason?: string | null }): string | null {
  return t.notBefore ? `自${formatChineseDate(t.notBefore)}起可办理（${t.waitReason ?? ''}）` : null;
}

/** "3分钟前"; the zh-cn locale and relativeTime plugin are loaded by the app shell */
export function fromNow(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).fromNow();
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\/(\d+)/, 'Edge'],
  [/(?:Chrome|Chromium)\/(\d+)/, 'Chrome'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Version\/(\d+).*Safari/, 'Safari'],
  [/curl\/(\d+)/, 'curl'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** a short readable browser description from a user-agent string: "Chrome 120 · Windows" */
export function describeUserAgent(ua: string): string {
  if (!ua) return '未知';
  let browser = '其他浏览器';
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = `${name} ${m[1] ?? ''}`.trim();
      break;
    }
  }
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  return os ? `${browser} · ${os}` : browser;
}
