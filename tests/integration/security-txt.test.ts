import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

let withContact: TestServer;
let without: TestServer;
beforeAll(async () => {
  [withContact, without] = await Promise.all([startServer({ env: { SECURITY_CONTACT: 'security@portal.example' } }), startServer()]);
});
afterAll(async () => {
  await Promise.all([withContact?.stop(), without?.stop()]);
});

describe('/.well-known/security.txt', () => {
  it('names the private contact the deployment configured, with a future expiry', async () => {
    const res = await fetch(`${withContact.url}/.well-known/security.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^Contact: mailto:security@portal\.example$/m);
    const expires = /^Expires: (.+)$/m.exec(text)![1]!;
    const at = Date.parse(expires);
    expect(at).toBeGreaterThan(Date.now());
    expect(at).toBeLessThan(Date.now() + 366 * 24 * 60 * 60 * 1000);
  });

  it('is absent when no contact is configured, rather than inventing one', async () => {
    expect((await fetch(`${without.url}/.well-known/security.txt`)).status).toBe(404);
  });
});
