import { describe, expect, it } from 'vitest';
import { streamMultipartFile } from '#src/server/http/multipart-stream.ts';

function multipart(boundary: string, parts: { name: string; filename?: string; body: string | Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    chunks.push(
      enc.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.filename ? 'Content-Type: text/csv\r\n' : ''}\r\n`,
      ),
    );
    chunks.push(typeof p.body === 'string' ? enc.encode(p.body) : p.body);
    chunks.push(enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function requestOf(bytes: Uint8Array, boundary: string, chunkSize: number): Request {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(i, i + chunkSize));
      i += chunkSize;
    },
  });
  return new Request('http://x/upload', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  } as RequestInit);
}

const CSV = 'ma_so_thue,ten\r\n0100109106,"Công ty Điện tử, Viễn thông"\r\n0300588569,Hợp tác xã Nghêu Đồng Tháp\r\n';

describe('streamMultipartFile', () => {
  it.each([1, 2, 3, 5, 7, 13, 64, 4096])('returns the file exactly with %d-byte chunks, skipping other fields', async (size) => {
    const boundary = '----x1y2z3';
    const body = multipart(boundary, [
      { name: 'note', body: 'bỏ qua' },
      { name: 'file', filename: 'dn.csv', body: CSV },
      { name: 'after', body: 'cũng bỏ qua' },
    ]);
    let text = '';
    await streamMultipartFile(requestOf(body, boundary, size), 'file', (t) => void (text += t), 1_000_000);
    expect(text).toBe(CSV);
  });

  it('refuses invalid UTF-8, a missing file and a body over the limit', async () => {
    const boundary = 'b';
    const bad = multipart(boundary, [{ name: 'file', filename: 'x.csv', body: new Uint8Array([0x61, 0xff, 0xfe]) }]);
    await expect(streamMultipartFile(requestOf(bad, boundary, 4), 'file', () => {}, 1000)).rejects.toMatchObject({ status: 400 });
    const none = multipart(boundary, [{ name: 'other', body: 'x' }]);
    await expect(streamMultipartFile(requestOf(none, boundary, 4), 'file', () => {}, 1000)).rejects.toMatchObject({ status: 400 });
    const big = multipart(boundary, [{ name: 'file', filename: 'x.csv', body: 'a'.repeat(5000) }]);
    await expect(streamMultipartFile(requestOf(big, boundary, 100), 'file', () => {}, 1000)).rejects.toMatchObject({ status: 413 });
  });
});

describe('streamMultipartFile and a cut-off upload', () => {
  it('upload missing its closing boundary: rejected with 400 after the data, so the caller can discard it', async () => {
    const boundary = 'cut';
    const whole = new TextDecoder().decode(
      multipart(boundary, [{ name: 'file', filename: 'dn.csv', body: CSV + '0300588569,Cuối,5000000000' }]),
    );
    const cut = new TextEncoder().encode(whole.slice(0, whole.lastIndexOf(`\r\n--${boundary}--`)));
    for (const size of [1, 7, 4096]) {
      await expect(streamMultipartFile(requestOf(cut, boundary, size), 'file', () => {}, 1_000_000)).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining('cắt ngang'),
      });
    }
  });

  it('a form with no boundary parameter is a 400, not a crash', async () => {
    const req = new Request('http://x/upload', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data' } });
    await expect(streamMultipartFile(req, 'file', () => {}, 1000)).rejects.toMatchObject({ status: 400 });
  });
});
