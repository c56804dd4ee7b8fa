import busboy from 'busboy';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.ts';
import { BadRequestError, PayloadTooLargeError } from './body.ts';

const CHOOSE_FILE = 'Vui lòng chọn tệp để tải lên / Please choose a file to upload';
const NOT_UTF8 = 'Tệp phải là văn bản UTF-8 / The file must be UTF-8 text';
const MALFORMED = 'Biểu mẫu tải lên không hợp lệ / Malformed upload';
export const TRUNCATED_UPLOAD =
  'Tệp tải lên bị cắt ngang (thiếu phần kết thúc của biểu mẫu); không có gì được nhập, vui lòng tải lại / The upload was cut off (the form has no closing boundary); nothing was imported, please upload again';

/** Counts the request bytes as they arrive and fails the stream as soon as the limit is passed. */
class ByteLimit extends Transform {
  bytes = 0;
  private readonly maxBytes: number;
  constructor(maxBytes: number) {
    super();
    this.maxBytes = maxBytes;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) cb(new PayloadTooLargeError());
    else cb(null, chunk);
  }
}

/**
 * Streams the content of one file field of a multipart/form-data request to `onText`, decoded as
 * UTF-8, without holding the upload in memory. The whole request body counts against `maxBytes`
 * while it is read (a chunked body has no Content-Length to check first), other fields are
 * skipped, and the returned promise resolves only once the form's closing boundary has been read:
 * a caller that writes nothing before then never acts on a cut-off upload.
 */
export async function streamMultipartFile(
  request: Request,
  field: string,
  onText: (text: string) => Promise<void> | void,
  maxBytes: number,
): Promise<{ bytes: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array, final: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !final });
    } catch {
      throw new BadRequestError(NOT_UTF8);
    }
  };
  return streamMultipartBytes(
    request,
    field,
    async (chunk) => {
      const text = decode(chunk, false);
      if (text) await onText(text);
    },
    async () => {
      const rest = decode(new Uint8Array(0), true);
      if (rest) await onText(rest);
    },
    maxBytes,
  );
}

/**
 * The same as `streamMultipartFile`, with the file's raw bytes (for binary uploads such as XLSX): `onBytes` for
 * each piece as it arrives, `onEnd` once the file part is complete.
 */
export async function streamMultipartBytes(
  request: Request,
  field: string,
  onBytes: (bytes: Uint8Array) => Promise<void> | void,
  onEnd: () => Promise<void> | void,
  maxBytes: number,
): Promise<{ bytes: number }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type) || !request.body) throw new BadRequestError(CHOOSE_FILE);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new PayloadTooLargeError();

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      defParamCharset: 'utf8',
      // Only one file is read; the other limits keep a hostile form from making busboy do much work.
      limits: { files: 1, fields: 20, parts: 25, fieldSize: 64 * 1024, headerPairs: 20 },
    });
  } catch {
    throw new BadRequestError(MALFORMED);
  }

  let found = false;
  // Assigned in the 'file' handler, which TypeScript cannot follow.
  let reading = null as Promise<void> | null;
  parser.on('file', (name, file) => {
    if (name !== field || found) {
      file.resume();
      return;
    }
    found = true;
    reading = (async () => {
      for await (const chunk of file as AsyncIterable<Buffer>) await onBytes(chunk);
      await onEnd();
    })();
    // The failure is reported through the pipeline below; this keeps it from going unhandled meanwhile.
    reading.catch((e) => parser.destroy(e instanceof Error ? e : new Error(String(e))));
  });

  const limit = new ByteLimit(maxBytes);
  const reader = request.body.getReader();
  // On failure the rest of the body is left unread rather than cancelled: cancelling tears the
  // socket down, racing the error page. The caller answers with `Connection: close` instead.
  const source = Readable.from(
    (async function* () {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    })(),
  );
  try {
    await pipeline(source, limit, parser);
    if (reading) await reading;
  } catch (e) {
    // The file reader's own error (bad UTF-8, a refused line…) is the one to report.
    if (reading) await reading.catch((inner: unknown) => (e = inner));
    if (e instanceof AppError) throw e;
    const message = e instanceof Error ? e.message : '';
    if (/unexpected end of (form|file)/i.test(message)) throw new BadRequestError(TRUNCATED_UPLOAD);
    throw new BadRequestError(MALFORMED);
  }
  if (!found) throw new BadRequestError(CHOOSE_FILE);
  return { bytes: limit.bytes };
}

/** Reads one uploaded text file into memory (small uploads only: the limit bounds what is held). */
export async function readUploadedText(request: Request, field: string, maxBytes: number): Promise<string> {
  let text = '';
  await streamMultipartFile(request, field, (t) => void (text += t), maxBytes);
  if (text === '') throw new BadRequestError(CHOOSE_FILE);
  return text;
}

// Room for the form's boundaries and part headers around the file itself.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads one uploaded binary file into memory, refusing it with `tooLarge` (413) as soon as the file passes
 * `maxFileBytes` while it streams in, or the whole body passes that plus the form's own overhead.
 */
export async function readUploadedBytes(request: Request, field: string, maxFileBytes: number, tooLarge: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    await streamMultipartBytes(
      request,
      field,
      (bytes) => {
        size += bytes.byteLength;
        if (size > maxFileBytes) throw new AppError(413, 'payload_too_large', tooLarge);
        chunks.push(bytes);
      },
      () => {},
      maxFileBytes + FORM_OVERHEAD_BYTES,
    );
  } catch (e) {
    if (e instanceof PayloadTooLargeError) throw new AppError(413, 'payload_too_large', tooLarge);
    throw e;
  }
  return Buffer.concat(chunks);
}
