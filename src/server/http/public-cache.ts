// Public answers rendered once and served many times: the body is kept identity, gzip and brotli encoded, with
// an ETag, and dropped when a change counter it depends on moves (in any worker: see services/changes.ts).
// Only anonymous requests are served from here, so a cached body never holds anything personal.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { ChangeScope, ChangeVersions } from '#src/server/services/changes.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `negotiates`: the answer depends on the Accept header (the indicators API answers CSV to text/csv). */
type Rule = { pattern: RegExp; scopes: readonly ChangeScope[]; cacheControl: string; negotiates?: true };

/** Lets a reverse proxy keep a public answer briefly; browsers revalidate with the ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=10, stale-while-revalidate=60';
// OCOP listings must disappear at once when a producer withdraws consent: proxies revalidate every time.
const REVALIDATE = 'public, no-cache';
// Frameworks and the API description change only with a new release.
const RELEASE = 'public, max-age=300, stale-while-revalidate=3600';

/**
 * The cached public routes (paths without the /en prefix) and what their content depends on. The home
 * page depends on every scope: it is cheap to render, and whatever it shows later stays fresh.
 */
const RULES: readonly Rule[] = [
  { pattern: /^\/$/, scopes: ['catalog', 'ocop', 'indicators'], cacheControl: PUBLIC_CACHE_CONTROL },
  { pattern: /^\/platforms(\/[^/]+)?$/, scopes: ['catalog'], cacheControl: PUBLIC_CACHE_CONTROL },
  { pattern: /^\/ocop(\/[^/]+)?$/, scopes: ['ocop'], cacheControl: REVALIDATE },
  { pattern: /^\/open-data$/, scopes: ['indicators'], cacheControl: PUBLIC_CACHE_CONTROL },
  { pattern: /^\/api\/v1\/platforms(\/[^/]+)?$/, scopes: ['catalog'], cacheControl: PUBLIC_CACHE_CONTROL },
  { pattern: /^\/api\/v1\/platform-categories$/, scopes: ['catalog'], cacheControl: PUBLIC_CACHE_CONTROL },
  // Frameworks ship with the code: a new version arrives with a restart, which empties the cache.
  // A framework an administrator publishes bumps the catalog counter.
  { pattern: /^\/api\/v1\/frameworks(\/[^/]+)?$/, scopes: ['catalog'], cacheControl: RELEASE },
  { pattern: /^\/api\/v1\/ocop-products$/, scopes: ['ocop'], cacheControl: REVALIDATE },
  { pattern: /^\/api\/v1\/indicators$/, scopes: ['indicators'], cacheControl: PUBLIC_CACHE_CONTROL, negotiates: true },
  { pattern: /^\/api\/v1\/openapi\.json$/, scopes: [], cacheControl: RELEASE },
];

// Anonymous and logged-in visitors get different pages at the same address (the header's menu).
const VARY = 'Accept-Encoding, Cookie';
// Pages that depend on the date (the current quarter) are rendered again at least this often.
const MAX_AGE_MS = 60_000;
const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|image\/svg\+xml)/;

export type CachedAnswer = {
  scopes: readonly ChangeScope[];
  cacheControl: string;
  vary: string;
  versions: readonly number[];
  status: number;
  headers: [string, string][];
  etag: string;
  identity: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
};

const cache = new LRUCache<string, CachedAnswer>({
  max: 2000,
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (e) => e.identity.byteLength + e.gzip.byteLength + e.br.byteLength + 512,
  ttl: MAX_AGE_MS,
});
const inflight = new Map<string, Promise<CachedAnswer | null>>();

/** What a public route depends on and how others may cache it, or null when the route is not cached. */
export function publicRoute(path: string): Rule | null {
  return RULES.find((r) => r.pattern.test(path)) ?? null;
}

function versionsOf(scopes: readonly ChangeScope[], v: ChangeVersions): number[] {
  return scopes.map((s) => v[s]);
}

function fresh(e: CachedAnswer, v: ChangeVersions): boolean {
  return e.scopes.every((s, i) => v[s] === e.versions[i]);
}

/**
 * The cached answer to this request (its address, and its Accept header where the route negotiates) while the counters are `v`, or the one `render` gives (shared by the
 * requests that ask at the same time). Null when the answer may not be cached (not a plain 200,
 * sets a cookie, chooses its own caching); the caller then renders it normally.
 */
export async function cachedAnswer(
  request: Request,
  rule: Rule,
  v: ChangeVersions,
  render: () => Promise<{ response: Response; setsCookie: boolean }>,
): Promise<CachedAnswer | null> {
  const url = new URL(request.url);
  const key = `${url.pathname}${url.search}${rule.negotiates ? `|${request.headers.get('accept') ?? ''}` : ''}`;
  const hit = cache.get(key);
  if (hit && fresh(hit, v)) return hit;
  const versions = versionsOf(rule.scopes, v);
  const flightKey = `${versions.join(',')}|${key}`;
  const pending = inflight.get(flightKey);
  if (pending) return pending;
  const promise = (async () => {
    const out = await render();
    const entry = await toEntry(out.response, out.setsCookie, rule, versions);
    if (entry) cache.set(key, entry);
    return entry;
  })().finally(() => inflight.delete(flightKey));
  inflight.set(flightKey, promise);
  return promise;
}

/** Empties the cache (tests and benchmarks). */
export function clearPublicCache(): void {
  cache.clear();
}

async function toEntry(response: Response, setsCookie: boolean, rule: Rule, versions: number[]): Promise<CachedAnswer | null> {
  const h = response.headers;
  if (response.status !== 200 || setsCookie || h.has('set-cookie') || h.has('content-encoding')) return null;
  // A page that asks not to be stored is not (its own lifetime otherwise gives way to the rule's).
  if (/private|no-store/i.test(h.get('cache-control') ?? '')) return null;
  if (!COMPRESSIBLE.test(h.get('content-type') ?? '')) return null;
  const identity = new Uint8Array(await response.arrayBuffer());
  // Once per change, off the main thread; brotli 9 keeps a re-render after a change short (11 is several times slower).
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotli(identity, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.byteLength },
    }),
  ]);
  const dropped = new Set(['content-length', 'vary', 'etag', 'cache-control']);
  const headers = [...h.entries()].filter(([k]) => !dropped.has(k));
  const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  return {
    scopes: rule.scopes,
    cacheControl: rule.cacheControl,
    vary: rule.negotiates ? `${VARY}, Accept` : VARY,
    versions,
    status: 200,
    headers,
    etag,
    identity,
    gzip: gz,
    br,
  };
}

/** The encoding to send: brotli, else gzip, else none, as the client's Accept-Encoding allows. */
export function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | 'identity' {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const allowed = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return 'identity';
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** The response for one request from a cached answer: 304 when the client has it, else the best encoding. */
export function serveCached(entry: CachedAnswer, request: Request): Response {
  const headers = new Headers(entry.headers);
  headers.set('etag', entry.etag);
  headers.set('cache-control', entry.cacheControl);
  headers.set('vary', entry.vary);
  if (matchesEtag(request.headers.get('if-none-match'), entry.etag)) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.identity;
  if (encoding !== 'identity') headers.set('content-encoding', encoding);
  headers.set('content-length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: entry.status, headers });
}
