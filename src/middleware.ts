import { defineMiddleware } from 'astro:middleware';
import { getDb } from './server/config/db.ts';
import { splitLocale, localePath } from './i18n/index.ts';
import { AppError, apiErrorResponse, UnauthorizedError } from './server/http/errors.ts';
import { asAppError } from './server/http/db-errors.ts';
import { installLogRedaction } from './server/config/log.ts';
import { SESSION_COOKIE, setSessionCookie, validateSessionToken } from './server/auth/session.ts';
import { isSecureRequest } from './server/http/request.ts';
import { safeNextPath } from './server/http/redirect.ts';
import { ensurePublishedFrameworks } from './server/services/frameworks.ts';
import { cachedAnswer, publicRoute, serveCached } from './server/http/public-cache.ts';
import { changeVersions } from './server/services/changes.ts';
import { warmDashboard } from './server/services/dashboard-cache.ts';
import { getEnv } from './server/config/env.ts';

// Before anything can log: passwords, hashes, e-mails and tokens never reach the server log.
installLogRedaction();

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Headers the meta CSP cannot carry (frame-ancestors) and the rest of OWASP's baseline.
// Astro's security.csp puts script/style hashes in a CSP header on pages; we add what it cannot.
const CSP_EXTRA = "frame-ancestors 'none'";
const CSP_FALLBACK = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

function setSecurityHeaders(headers: Headers): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
  const csp = headers.get('content-security-policy');
  headers.set('content-security-policy', csp ? `${csp.replace(/[;\s]+$/, '')}; ${CSP_EXTRA}` : CSP_FALLBACK);
}

function withHeaders(response: Response, secure: boolean, personal: boolean): Response {
  let res = response;
  try {
    setSecurityHeaders(res.headers);
  } catch {
    // Some responses (e.g. from fetch) have immutable headers: copy them.
    res = new Response(response.body, response);
    setSecurityHeaders(res.headers);
  }
  if (secure) res.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  // Pages built for a logged-in person must not be cached by shared caches or the back button after logout.
  if (personal && !res.headers.has('cache-control')) res.headers.set('Cache-Control', 'private, no-store');
  return res;
}

const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|image\/svg\+xml)/;

/**
 * Gzip for text answers: a questionnaire page shrinks about six times, which matters more than
 * anything else on a slow mobile connection. Streams through, so large exports are not buffered.
 */
function compress(request: Request, response: Response): Response {
  const type = response.headers.get('content-type') ?? '';
  if (!response.body || request.method === 'HEAD' || response.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return response;
  if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return response;
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  headers.append('vary', 'Accept-Encoding');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export const onRequest = defineMiddleware(async (context, next) => {
  // A worker's first request of any kind starts the dashboard warm-up (once; not waited for here).
  void warmDashboard(getDb(), getEnv().PROVINCE_CODE);
  const url = context.url;
  const { lang, path } = splitLocale(url.pathname);
  context.locals.lang = lang;
  context.locals.user = null;
  context.locals.sessionId = null;
  const secure = isSecureRequest(context.request, url);
  const isApi = path.startsWith('/api/');

  // JSON routes are not covered by Astro's form origin check: a cookie only counts when the Origin is ours.
  const crossSiteWrite = !SAFE_METHODS.has(context.request.method) && context.request.headers.get('origin') !== url.origin && isApi;

  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token && !crossSiteWrite && path !== '/healthz') {
    try {
      const db = getDb();
      const { session, user } = await validateSessionToken(db, token, new Date());
      if (session) {
        context.locals.user = user;
        context.locals.sessionId = session.id;
        setSessionCookie(context.cookies, token, session.expiresAt, secure);
      }
    } catch (e) {
      console.error('session validation failed', e);
    }
  }

  if (path !== '/healthz') {
    // Frameworks an administrator published are part of the registry before anything reads it.
    try {
      await ensurePublishedFrameworks(getDb());
    } catch (e) {
      console.error('loading published frameworks failed', e);
    }
  }

  try {
    const render = () => (lang === 'en' ? next(path + url.search) : next());
    // Public answers for anonymous visitors come from the shared cache: never a logged-in person's page.
    // GET only: a HEAD rendering may come without its body, which must never be stored.
    const rule = !context.locals.user && context.request.method === 'GET' ? publicRoute(path) : null;
    if (rule) {
      const rendered: { response?: Response } = {};
      const entry = await cachedAnswer(context.request, rule, await changeVersions(getDb()), async () => {
        rendered.response = await render();
        return { response: rendered.response, setsCookie: !context.cookies.headers().next().done };
      });
      if (entry) return withHeaders(serveCached(entry, context.request), secure, false);
      // Not cacheable (an error page, a cookie…): answered as it was rendered, once.
      const response = rendered.response ?? (await render());
      return compress(context.request, withHeaders(response, secure, false));
    }
    const response = await render();
    return compress(context.request, withHeaders(response, secure, Boolean(context.locals.user)));
  } catch (thrown) {
    const error = asAppError(thrown);
    if (!(error instanceof AppError)) throw error;
    if (isApi) return withHeaders(apiErrorResponse(error), secure, true);
    if (error instanceof UnauthorizedError && SAFE_METHODS.has(context.request.method)) {
      const back = safeNextPath(url.pathname + url.search, url.origin);
      const query = back ? `?next=${encodeURIComponent(back)}` : '';
      return withHeaders(context.redirect(`${localePath(lang, '/login')}${query}`, 303), secure, false);
    }
    context.locals.error = { status: error.status, message: error.message };
    // Rewrite as a GET: the original body may already be consumed, and /error only renders.
    const errorRequest = new Request(new URL('/error', url), { method: 'GET', headers: context.request.headers });
    const res = await context.rewrite(errorRequest);
    return withHeaders(new Response(res.body, { status: error.status, headers: res.headers }), secure, true);
  }
});
