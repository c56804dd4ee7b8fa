import { BadRequestError, PayloadTooLargeError } from './body.ts';

const CRLF = new Uint8Array([13, 10]);

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Streams the content of one file field of a multipart/form-data request to `onText`, decoded as
 * UTF-8, without holding the whole upload in memory (large registry files). Other fields are skipped.
 */
export async function streamMultipartFile(
  request: Request,
  field: string,
  onText: (text: string) => Promise<void> | void,
  maxBytes: number,
): Promise<{ bytes: number }> {
  const type = request.headers.get('content-type') ?? '';
  const m = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!m || !request.body) throw new BadRequestError('Vui lòng chọn tệp để tải lên / Please choose a file to upload');
  const boundary = new TextEncoder().encode(`\r\n--${m[1] ?? m[2]}`);
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Prepend CRLF so the first boundary looks like every other one.
  let buf: Uint8Array = concat(CRLF, new Uint8Array(0));
  let total = 0;
  let state: 'preamble' | 'headers' | 'body' | 'skip' | 'done' = 'preamble';
  let found = false;

  const emit = async (bytes: Uint8Array, final: boolean) => {
    try {
      const text = decoder.decode(bytes, { stream: !final });
      if (text) await onText(text);
    } catch (e) {
      if (e instanceof TypeError) throw new BadRequestError('Tệp phải là văn bản UTF-8 / The file must be UTF-8 text');
      throw e;
    }
  };

  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new PayloadTooLargeError();
      }
      buf = concat(buf, value);
    }
    // Process as much of the buffer as possible.
    for (;;) {
      if (state === 'preamble' || state === 'skip') {
        const at = indexOf(buf, boundary);
        if (at < 0) {
          buf = buf.slice(Math.max(0, buf.length - boundary.length));
          break;
        }
        buf = buf.slice(at + boundary.length);
        state = 'headers';
      }
      if (state === 'headers') {
        if (buf.length >= 2 && buf[0] === 45 && buf[1] === 45) {
          state = 'done';
          break;
        }
        const end = indexOf(buf, new Uint8Array([13, 10, 13, 10]));
        if (end < 0) {
          if (buf.length > 16 * 1024) throw new BadRequestError('Biểu mẫu không hợp lệ / Malformed upload');
          break;
        }
        const headers = new TextDecoder().decode(buf.slice(0, end));
        buf = buf.slice(end + 4);
        const name = /name="([^"]*)"/i.exec(headers)?.[1];
        const isFile = /filename="/i.test(headers);
        state = name === field && isFile ? 'body' : 'skip';
        if (state === 'body') found = true;
        continue;
      }
      if (state === 'body') {
        const at = indexOf(buf, boundary);
        if (at >= 0) {
          await emit(buf.slice(0, at), true);
          buf = buf.slice(at + boundary.length);
          state = 'headers';
          continue;
        }
        // Keep a tail that could be the start of the boundary.
        const keep = boundary.length;
        if (buf.length > keep) {
          await emit(buf.slice(0, buf.length - keep), false);
          buf = buf.slice(buf.length - keep);
        }
        break;
      }
      break;
    }
    if (done || state === 'done') break;
  }
  if (!found) throw new BadRequestError('Vui lòng chọn tệp để tải lên / Please choose a file to upload');
  return { bytes: total };
}
