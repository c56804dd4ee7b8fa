import { getEnv } from '#src/server/config/env.ts';

export function isSecureRequest(request: Request, url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return getEnv().TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto') === 'https';
}

/** The client IP; X-Forwarded-For only counts behind a trusted proxy (its last hop is the one the proxy saw). */
export function clientIp(request: Request, socketAddress: string | undefined): string {
  if (getEnv().TRUST_PROXY === '1') {
    const hops = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return socketAddress ?? 'unknown';
}
