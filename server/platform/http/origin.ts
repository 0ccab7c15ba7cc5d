import type { IncomingHttpHeaders } from 'node:http';

/**
 * the origin of a state-changing request when it comes from a page of another site (or another port of this
 * host): Origin, else Referer, compared with the request's own host; null when it is the same site, an allowed
 * origin, or neither header is sent (CLI, scripts, server-to-server)
 */
export function foreignOrigin(headers: IncomingHttpHeaders, host: string, allowed: ReadonlySet<string>): string | null {
  const origin = typeof headers.origin === 'string' && headers.origin !== '' ? headers.origin : undefined;
  const referer = typeof headers.referer === 'string' && headers.referer !== '' ? headers.referer : undefined;
  const claimed = origin ?? referer;
  if (claimed === undefined) return null;
  let url: URL;
  try {
    url = new URL(claimed);
  } catch {
    // "null" (sandboxed frames, some redirects) and anything unparsable
    return claimed.slice(0, 200);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.origin.slice(0, 200);
  if (allowed.has(url.origin)) return null;
  return url.host === normaliseHost(host, url.protocol) ? null : url.origin;
}

// Host carries the port only when it is not the scheme's default, as URL.host does
function normaliseHost(host: string, protocol: string): string {
  const lower = host.toLowerCase();
  if (protocol === 'http:' && lower.endsWith(':80')) return lower.slice(0, -3);
  if (protocol === 'https:' && lower.endsWith(':443')) return lower.slice(0, -4);
  return lower;
}

/** FAZHI_ALLOWED_ORIGINS: a comma list of origins (scheme://host[:port]) that may also post, e.g. a portal */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => new URL(s).origin);
}
