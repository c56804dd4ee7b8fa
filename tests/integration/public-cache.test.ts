// Cached public answers on two workers: invalidated across workers within a second, revalidated with
// ETags, served compressed without compressing per request, and never holding a personal page.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';

let server: TestServer;
let admin: Browserless;
let commune: string;

beforeAll(async () => {
  server = await startServer({ workers: 2, env: { TRUST_PROXY: '1' } });
  admin = new Browserless(server.url);
  expect((await admin.post('/login', { login: ADMIN.email, password: ADMIN.password })).status).toBe(303);
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One request on a new connection (so the cluster hands successive requests to different workers), body as sent. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const platformForm = {
  name: 'Nền tảng Bộ Nhớ Đệm',
  provider: 'Công ty Thử',
  url: 'https://example.com',
  category: 'sales_management',
  needs: 'sales_management',
  descriptionVi: 'Quản lý bán hàng cho cửa hàng nhỏ.',
  descriptionEn: 'Sales management for small shops.',
  costModel: 'freemium',
  sizes: ['micro', 'small'],
  allSectors: 'yes',
  producerTypes: ['enterprise', 'household'],
  lastChecked: '2026-11-01',
  source: 'https://example.com/gioi-thieu',
  makeInVietnam: 'yes',
};

describe('public answers cached across two workers', () => {
  it('a cached public page changes within one second after an administrator edits a platform, in every worker', async () => {
    expect((await admin.post('/admin/platforms/new', { ...platformForm, id: 'bo-nho-dem' })).status).toBe(303);
    const pages = ['/platforms/bo-nho-dem', '/en/platforms/bo-nho-dem', '/platforms', '/api/v1/platforms'];
    // Both workers cache the current answers (successive connections go to alternate workers).
    for (const path of pages) {
      const etags = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const r = await raw(path);
        expect(r.status).toBe(200);
        expect(r.body.toString()).toContain('Nền tảng Bộ Nhớ Đệm');
        expect(r.headers['cache-control']).toMatch(/stale-while-revalidate/);
        etags.add(String(r.headers.etag));
      }
      expect(etags.size).toBe(1);
    }
    const edited = await admin.post('/admin/platforms/bo-nho-dem', { ...platformForm, name: 'Nền tảng Đã Sửa Tên' });
    expect(edited.status).toBe(200);
    const editedAt = Date.now();
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() - editedAt)));
    for (const path of pages) {
      for (let i = 0; i < 4; i++) {
        const text = (await raw(path)).body.toString();
        expect(text, `${path}, request ${i}`).toContain('Nền tảng Đã Sửa Tên');
        expect(text).not.toContain('Nền tảng Bộ Nhớ Đệm');
      }
    }
  });

  it('If-None-Match with the current ETag gets 304 Not Modified without a body; a stale ETag gets the page', async () => {
    for (const path of ['/platforms', '/en/ocop', '/open-data', '/api/v1/platform-categories', '/api/v1/openapi.json']) {
      const first = await raw(path, { 'accept-encoding': 'gzip' });
      expect(first.status, path).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/".+"$/);
      for (let i = 0; i < 2; i++) {
        const again = await raw(path, { 'if-none-match': etag, 'accept-encoding': 'br' });
        expect(again.status, path).toBe(304);
        expect(again.body.length).toBe(0);
        expect(again.headers.etag).toBe(etag);
      }
      const stale = await raw(path, { 'if-none-match': 'W/"not-the-current-one"' });
      expect(stale.status).toBe(200);
      expect(stale.body.length).toBeGreaterThan(0);
    }
  });

  it('brotli, gzip and identity bodies decode to the same HTML (and JSON), and the CSP hashes match the cached page', async () => {
    for (const path of ['/', '/platforms', '/en/open-data', '/api/v1/platforms']) {
      const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
      const gz = await raw(path, { 'accept-encoding': 'gzip' });
      const plain = await raw(path, { 'accept-encoding': 'identity' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(String(br.headers.vary)).toMatch(/Accept-Encoding/i);
      const text = plain.body.toString('utf8');
      expect(brotliDecompressSync(br.body).toString('utf8')).toBe(text);
      expect(gunzipSync(gz.body).toString('utf8')).toBe(text);
      expect(Number(br.headers['content-length'])).toBe(br.body.length);
      if (path.startsWith('/api/')) continue;
      // Every inline style and script of the cached body is allowed by the CSP header sent with it.
      const csp = String(br.headers['content-security-policy']);
      const inline = [...text.matchAll(/<(style|script)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
      expect(inline.length).toBeGreaterThan(0);
      for (const body of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    }
  });

  it('personal pages are never cached: a second user never sees the first one’s page, and anonymous visitors see neither', async () => {
    const users: { client: Browserless; id: number; name: string }[] = [];
    for (const [i, name] of ['Công ty Riêng Tư Một', 'Công ty Riêng Tư Hai'].entries()) {
      const client = new Browserless(server.url);
      const res = await client.post(
        '/register',
        {
          taxCode: validTaxCode(`08611100${i}`),
          name,
          communeCode: commune,
          login: `rieng${i}@example.com`,
          password: 'mat-khau-rieng-tu',
          consent: 'yes',
        },
        { 'x-forwarded-for': `192.0.2.${60 + i}` },
      );
      expect(res.status).toBe(303);
      const rs = await server.db.execute({ sql: 'SELECT id FROM businesses WHERE name = ?', args: [name] });
      users.push({ client, id: Number(rs.rows[0]![0]), name });
    }
    // Warm the anonymous cache of the home page first, in both workers.
    for (let i = 0; i < 4; i++) expect((await raw('/')).status).toBe(200);
    for (let round = 0; round < 3; round++) {
      for (const [i, u] of users.entries()) {
        const other = users[1 - i]!;
        for (const path of ['/', '/platforms', '/en/ocop']) {
          const res = await u.client.get(path);
          expect(res.status).toBe(200);
          expect(res.headers.get('cache-control')).toBe('private, no-store');
          expect(res.headers.get('etag')).toBeNull();
          const html = await res.text();
          expect(html, `${path} for user ${i}`).toContain(`/businesses/${u.id}"`);
          expect(html).not.toContain(`/businesses/${other.id}"`);
        }
        const own = await u.client.get(`/businesses/${u.id}`);
        expect(own.status).toBe(200);
        expect(own.headers.get('cache-control')).toBe('private, no-store');
        const ownHtml = await own.text();
        expect(ownHtml).toContain(u.name);
        expect(ownHtml).not.toContain(other.name);
      }
      const anon = (await raw('/')).body.toString();
      for (const u of users) expect(anon).not.toContain(`/businesses/${u.id}"`);
      expect(anon).toContain('/login');
    }
  });

  it('a crashed worker is replaced and the server keeps answering', async () => {
    const workers = () =>
      execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.pid)], { encoding: 'utf8' })
        .split('\n')
        .map((l) => Number(l.trim()))
        .filter((n) => n > 0);
    const before = workers();
    expect(before).toHaveLength(2);
    process.kill(before[0]!, 'SIGKILL');
    const deadline = Date.now() + 20_000;
    let now = workers();
    while ((now.length < 2 || now.includes(before[0]!)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      now = workers();
    }
    expect(now).toHaveLength(2);
    expect(now).not.toContain(before[0]);
    expect(server.logs()).toMatch(/worker \d+ exited \(SIGKILL\); starting another/);
    for (let i = 0; i < 4; i++) expect((await raw('/platforms')).status).toBe(200);
  });
});
