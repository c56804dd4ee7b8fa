import { AppError } from './errors.ts';

// Forms and JSON bodies larger than this are refused before parsing.
export const MAX_BODY_BYTES = 256 * 1024;

export class PayloadTooLargeError extends AppError {
  constructor() {
    super(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn / Request body too large');
  }
}
export class BadRequestError extends AppError {
  constructor(message: string) {
    super(400, 'bad_request', message);
  }
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new PayloadTooLargeError();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError('Dữ liệu không phải UTF-8 hợp lệ / Body is not valid UTF-8');
  }
}

/** Reads a urlencoded form into a plain object (NFC-normalised strings; repeated keys become arrays). */
export async function readForm(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, string | string[]>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new BadRequestError('Biểu mẫu không hợp lệ / Unsupported form encoding');
  }
  const text = await readText(request, maxBytes);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    throw new BadRequestError('Biểu mẫu không hợp lệ / Malformed form');
  }
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of params) {
    const value = raw.normalize('NFC');
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new BadRequestError('Cần Content-Type: application/json / Content-Type must be application/json');
  }
  const text = await readText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('JSON không hợp lệ / Malformed JSON');
  }
}
