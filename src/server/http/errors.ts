// Typed failures, mapped to HTTP once (httpStatus) and shown in Vietnamese first, English second.
import type { Text } from '#src/i18n/index.ts';
import type { FieldIssue } from '#src/domain/issues.ts';

export type { FieldIssue };

/** A message in both languages; a plain string is read as "Vietnamese / English". */
export type ErrorMessage = Text | string;

export function toText(message: ErrorMessage): Text {
  if (typeof message !== 'string') return message;
  const i = message.indexOf(' / ');
  return i < 0 ? { vi: message, en: message } : { vi: message.slice(0, i), en: message.slice(i + 3) };
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  /** The message per language; `message` stays "vi / en" for logs and for pages that split it. */
  readonly text: Text;
  constructor(status: number, code: string, message: ErrorMessage) {
    const text = toText(message);
    super(typeof message === 'string' ? message : `${text.vi} / ${text.en}`);
    this.status = status;
    this.code = code;
    this.text = text;
  }
}

export class UnauthorizedError extends AppError {
  constructor(message: ErrorMessage = { vi: 'Vui lòng đăng nhập', en: 'Please log in' }) {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: ErrorMessage = { vi: 'Bạn không có quyền truy cập trang này', en: 'You do not have access to this page' }) {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: ErrorMessage = { vi: 'Không tìm thấy', en: 'Not found' }) {
    super(404, 'not_found', message);
  }
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message: ErrorMessage = { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' }) {
    super(400, 'validation', message);
    this.issues = issues;
  }
}

export class ConflictError extends AppError {
  readonly issues: FieldIssue[];
  constructor(message: ErrorMessage, issues: FieldIssue[] = []) {
    super(409, 'conflict', message);
    this.issues = issues;
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message?: ErrorMessage) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      'rate_limited',
      message ?? {
        vi: `Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
        en: `Too many failed attempts. Try again in ${minutes} minute(s).`,
      },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function jsonError(error: AppError): Response {
  const body: Record<string, unknown> = { error: error.message, code: error.code };
  if (error instanceof ValidationError || error instanceof ConflictError) body.issues = error.issues;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** Any thrown value as a JSON answer: typed failures keep their status; anything else is a logged 500. */
export function apiErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return jsonError(error);
  console.error(error);
  return jsonError(new AppError(500, 'internal', { vi: 'Lỗi máy chủ', en: 'Server error' }));
}

export function json(data: unknown, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...extraHeaders },
  });
}
