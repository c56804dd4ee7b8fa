import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, previewToken, taxCodeFrom } from '../helpers/http.ts';

let server: TestServer;
let admin: Browserless;
let commune: string;

beforeAll(async () => {
  server = await startServer();
  admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
});
afterAll(async () => {
  await server?.stop();
});

const cookie = () => [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const registryCount = async () =>
  Number((await server.db.execute('SELECT count(*) AS n FROM businesses WHERE in_registry = 1')).rows[0]!.n);

function postRaw(path: string, body: string, boundary: string): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, cookie: cookie(), 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
}

/**
 * Sends a chunked multipart body of `totalBytes` (no Content-Length) one chunk at a time, stopping as soon as the
 * server answers. Returns the status and how many bytes had been sent when the answer came.
 */
function sendChunked(path: string, head: string, totalBytes: number): Promise<{ status: number; sentWhenAnswered: number; body: string }> {
  const boundary = 'chunked-limit-test';
  const start = Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`);
  const filler = Buffer.alloc(64 * 1024, 'ma_so_thue,ten,ma_xa\n');
  const url = new URL(server.url + path);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          origin: server.url,
          cookie: cookie(),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, sentWhenAnswered, body });
        });
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        const chunk = sent === 0 ? start : filler;
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

describe('registry upload attacks', () => {
  it('registry upload missing its closing boundary: 400 with a clear message, nothing imported', async () => {
    const boundary = 'truncated-upload';
    const csv = `ma_so_thue,ten,vsic,ma_xa,lao_dong,doanh_thu\r\n${taxCodeFrom('087100000')},Công ty Cắt Cụt Một,4711,${commune},5,1000000\r\n${taxCodeFrom('087100100')},Công ty Cắt Cụt Hai,4711,${commune},7,5000000000`;
    // The file part is never closed: no "\r\n--boundary--" after the data.
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}`;
    const res = await postRaw('/admin/registry', body, boundary);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Tệp tải lên bị cắt ngang');
    expect(html).not.toContain('nhập 2');
    expect(await registryCount()).toBe(0);
  });

  it('registry file with no newline: rejected quickly with the line-length limit named, nothing imported', async () => {
    const boundary = 'one-long-line';
    const line = 'ma_so_thue,ten,ma_xa,' + 'x'.repeat(4 * 1024 * 1024);
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.csv"\r\nContent-Type: text/csv\r\n\r\n${line}\r\n--${boundary}--\r\n`;
    const res = await postRaw('/admin/registry', body, boundary);
    expect(res.status).toBe(400);
    const html = await res.text();
    // The page shows the Vietnamese half of the message; the unit test checks the English one.
    expect(html).toContain('65.536 ký tự');
    expect(await registryCount()).toBe(0);
  });

  it('a complete registry upload is previewed, writes nothing, and imports once confirmed', async () => {
    const boundary = 'complete-upload';
    const csv = `ma_so_thue,ten,vsic,ma_xa,lao_dong,doanh_thu\r\n${taxCodeFrom('087200000')},Công ty Đầy Đủ,4711,${commune},5,5000000000\r\n`;
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await postRaw('/admin/registry', body, boundary);
    expect(res.status).toBe(200);
    const token = previewToken(await res.text());
    expect(token).not.toBeNull();
    expect(await registryCount()).toBe(0);
    const confirmed = await admin.post('/admin/registry', { token: token! });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Đã nhập 1 doanh nghiệp');
    const row = await server.db.execute({ sql: 'SELECT revenue_vnd FROM businesses WHERE tax_code = ?', args: [taxCodeFrom('087200000')] });
    expect(row.rows.map((r) => Number(r.revenue_vnd))).toEqual([5_000_000_000]);
  });
});

describe('upload size limits are enforced while streaming', () => {
  it('chunked platform CSV upload over 5 MB: 413 before the body is all sent', async () => {
    const total = 40 * 1024 * 1024;
    const r = await sendChunked(
      '/admin/platforms',
      'Content-Disposition: form-data; name="file"; filename="catalog.csv"\r\nContent-Type: text/csv',
      total,
    );
    expect(r.status).toBe(413);
    expect(r.body).toContain('quá lớn');
    expect(r.sentWhenAnswered).toBeLessThan(total);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('chunked registry upload over 200 MB: 413 before the body is all sent', async () => {
    const before = await registryCount();
    const total = 260 * 1024 * 1024;
    // A non-file field, so the server spends nothing on CSV: only the size counting is under test.
    const r = await sendChunked('/admin/registry', 'Content-Disposition: form-data; name="padding"', total);
    expect(r.status).toBe(413);
    expect(r.sentWhenAnswered).toBeLessThan(total);
    expect(await registryCount()).toBe(before);
  }, 60_000);
});
