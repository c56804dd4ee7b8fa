import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const FORM_ROUTES = ['/login', '/register', '/account', '/admin/users', '/logout'];

async function post(path: string, body: BodyInit, type = 'application/x-www-form-urlencoded'): Promise<Response> {
  return fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': type, origin: server.url }, body });
}

describe('malformed input never yields a 500', () => {
  it.each(FORM_ROUTES)('%s: wrong types, huge bodies and invalid UTF-8 → 4xx', async (path) => {
    const cases: [string, BodyInit, string?][] = [
      ['repeated keys', 'login=a&login=b&password=x&password=y&taxCode=1&taxCode=2'],
      ['garbage', '%%%&&&=&=='],
      ['invalid utf-8', new Uint8Array([0x6c, 0x6f, 0x67, 0x69, 0x6e, 0x3d, 0xff, 0xfe, 0xc3])],
      ['huge body', 'login=' + 'a'.repeat(2 * 1024 * 1024)],
      ['json to a form route', '{"login": 1}', 'application/json'],
      ['multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--', 'multipart/form-data; boundary=x'],
    ];
    for (const [label, body, type] of cases) {
      const res = await post(path, body, type);
      expect(res.status, `${path} ${label}`).toBeLessThan(500);
      if (path !== '/logout') expect(res.status, `${path} ${label}`).toBeGreaterThanOrEqual(300);
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('unknown pages are 404, bad ids are 404 not 500', async () => {
    expect((await fetch(`${server.url}/no-such-page`)).status).toBe(404);
    for (const id of ['abc', '-1', '1e999', '99999999999999999999', '%00']) {
      const res = await fetch(`${server.url}/businesses/${id}`, { redirect: 'manual' });
      expect(res.status, id).toBeLessThan(500);
    }
  });
});
