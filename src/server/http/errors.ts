// Typed failures, mapped to HTTP once (httpStatus) and shown in Vietnamese first, English second.
export type FieldIssue = { path: (string | number)[]; message: string };

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Vui lòng đăng nhập / Please log in') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Bạn không có quyền truy cập trang này / You do not have access to this page') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Không tìm thấy / Not found') {
    super(404, 'not_found', message);
  }
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message = 'Dữ liệu không hợp lệ / Invalid data') {
    super(400, 'validation', message);
    this.issues = issues;
  }
}

export class ConflictError extends AppError {
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super(409, 'conflict', message);
    this.issues = issues;
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message?: string) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      'rate_limited',
      message ??
        `Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút. / Too many failed attempts. Try again in ${minutes} minute(s).`,
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

export function json(data: unknown, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...extraHeaders },
  });
}
