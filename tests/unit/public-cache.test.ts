import { describe, expect, it } from 'vitest';
import { chooseEncoding, matchesEtag, publicRoute } from '#src/server/http/public-cache.ts';
import { workerCount } from '../../scripts/cluster.ts';

describe('public answer cache', () => {
  it('chooses brotli, then gzip, then none, honouring q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(null)).toBe('identity');
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBe('identity');
  });

  it('matches If-None-Match weakly, in lists and with *', () => {
    expect(matchesEtag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('*', 'W/"abc"')).toBe(true);
    expect(matchesEtag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesEtag(null, 'W/"abc"')).toBe(false);
  });

  it('caches only the public routes, never personal or admin pages', () => {
    for (const p of ['/', '/platforms', '/platforms/misa', '/ocop', '/ocop/3', '/open-data', '/api/v1/platforms', '/api/v1/indicators'])
      expect(publicRoute(p), p).not.toBeNull();
    for (const p of [
      '/login',
      '/businesses/1',
      '/dashboard',
      '/admin/platforms',
      '/account',
      '/platforms/a/b',
      '/api/v1/score',
      '/healthz',
    ])
      expect(publicRoute(p), p).toBeNull();
  });

  it('runs one worker per core unless WEB_CONCURRENCY says otherwise', () => {
    expect(workerCount({})).toBeGreaterThanOrEqual(1);
    expect(workerCount({ WEB_CONCURRENCY: '3' })).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: '0' })).toBe(workerCount({}));
    expect(workerCount({ WEB_CONCURRENCY: 'many' })).toBe(workerCount({}));
  });
});
