import { ApiError, type Problem } from '../api.ts';

/** downloads a file the server generates (an xlsx export or template, an attachment); refusals throw ApiError */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await refusal(res, '下载失败', `下载失败（${res.status}），请稍后重试`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  saveBlob(await res.blob(), name);
}

/** the error of a refused file request: the server's problem, with this title and detail where it gives none */
export async function refusal(res: Response, title: string, detail: string): Promise<ApiError> {
  const p = (await res.json().catch(() => ({}))) as Partial<Problem>;
  return new ApiError({ type: p.type ?? 'about:blank', title: p.title ?? title, status: res.status, code: p.code ?? 'http_error', detail: p.detail ?? detail });
}

/** hands a file the page holds to the browser as a download under the given name */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
