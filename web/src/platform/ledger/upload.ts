import { ApiError, type Problem } from '../api.ts';

/**
 * multipart POST with upload progress (fetch cannot report it); answers like api.post:
 * the parsed JSON body, or an ApiError carrying the server's problem
 */
export function uploadWithProgress<T>(url: string, fields: Record<string, string | Blob>, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: '网络错误', status: 0, code: 'network_error', detail: '无法连接服务器，请检查网络后重试' }));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: a proxy answered
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const p = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
      reject(
        new ApiError({
          type: p.type ?? 'about:blank',
          title: p.title ?? '上传失败',
          status: xhr.status,
          code: p.code ?? 'http_error',
          detail: p.detail ?? `上传失败（${xhr.status}），请稍后重试`,
          ...(Array.isArray(p.errors) ? { errors: p.errors } : {}),
        }),
      );
    };
    xhr.send(form);
  });
}
