import { BadRequestError } from './body.ts';

// Any byte a browser or proxy may strip, fold or split on: C0 controls (tab, CR, LF), DEL, space.
const UNSAFE_CHAR = /[\u0000-\u0020\u007f]/;
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;
const NON_ASCII = /[^\u0000-\u007f]/;
const MAX_LENGTH = 2000;

function hasDoubleSlashPath(s: string): boolean {
  const path = s.split(/[?#]/, 1)[0]!;
  return path.includes('//');
}

/**
 * The one check for every "where to go next" value (`next`, `back`, redirect targets):
 * a plain same-origin path, or null. Browsers drop tabs and newlines inside URLs and treat
 * `\` as `/`, so `/\t/evil.com` or `/\evil.com` become `//evil.com`, another host; both the
 * raw value and its percent-decoded form must be free of such characters. The value is then
 * resolved against the portal's origin and must stay there; what comes back is the normalised
 * path + query + fragment, which is what the redirect uses.
 */
export function safeNextPath(raw: string | null | undefined, origin: string): string | null {
  if (!raw || raw.length > MAX_LENGTH) return null;
  if (UNSAFE_CHAR.test(raw) || NON_ASCII.test(raw) || raw.includes('\\')) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (CONTROL_CHAR.test(decoded) || decoded.includes('\\') || hasDoubleSlashPath(decoded)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || hasDoubleSlashPath(path)) return null;
  return path;
}

/**
 * For request handlers: an absent value is null (use the default), a present but unsafe one is
 * refused with 400 before any action runs, so it can never reach a Location header.
 */
export function requireSafeNextPath(raw: string | null | undefined, origin: string): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const path = safeNextPath(raw, origin);
  if (path === null) throw new BadRequestError('Địa chỉ chuyển tiếp không hợp lệ / Invalid redirect address');
  return path;
}
