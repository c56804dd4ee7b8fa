import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  apiErrorResponse,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { pageError } from '#src/server/http/page.ts';
import { issuesFromZod } from '#src/domain/issues.ts';
import type { APIContext } from 'astro';

describe('typed errors carry {vi, en}', () => {
  it('keeps the "vi / en" message of every default, and exposes each language', () => {
    expect(new UnauthorizedError().message).toBe('Vui lòng đăng nhập / Please log in');
    expect(new ForbiddenError().message).toBe('Bạn không có quyền truy cập trang này / You do not have access to this page');
    expect(new NotFoundError().message).toBe('Không tìm thấy / Not found');
    expect(new ValidationError([]).message).toBe('Dữ liệu không hợp lệ / Invalid data');
    expect(new NotFoundError().text).toEqual({ vi: 'Không tìm thấy', en: 'Not found' });
  });

  it('reads a "vi / en" string into both languages and leaves the message as written', () => {
    const e = new ConflictError('Dữ liệu này đã tồn tại / This already exists');
    expect(e.message).toBe('Dữ liệu này đã tồn tại / This already exists');
    expect(e.text).toEqual({ vi: 'Dữ liệu này đã tồn tại', en: 'This already exists' });
    expect(new AppError(400, 'x', 'Chỉ tiếng Việt').text).toEqual({ vi: 'Chỉ tiếng Việt', en: 'Chỉ tiếng Việt' });
  });

  it('builds the "vi / en" message from a {vi, en} message', () => {
    const e = new ForbiddenError({ vi: 'Không được', en: 'Not allowed' });
    expect(e.message).toBe('Không được / Not allowed');
    expect(e.status).toBe(403);
  });

  it('words the throttling message as before, in minutes rounded up', () => {
    expect(new RateLimitedError(61).message).toBe(
      'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút. / Too many failed attempts. Try again in 2 minute(s).',
    );
  });
});

describe('issuesFromZod and parseWith: the one zod mapping', () => {
  const Schema = z.object({ name: z.string({ error: 'Vui lòng nhập tên / Please enter a name' }), tags: z.array(z.string()) });

  it('keeps the schema messages and the paths, array indexes included', () => {
    const r = Schema.safeParse({ tags: ['a', 1] });
    expect(r.success).toBe(false);
    expect(issuesFromZod(r.error!)).toEqual([
      { path: ['name'], message: 'Vui lòng nhập tên / Please enter a name' },
      { path: ['tags', 1], message: expect.any(String) },
    ]);
  });

  it('nests the paths under a prefix', () => {
    const r = z.enum(['a', 'b'], { error: 'Sai / Wrong' }).safeParse('c');
    expect(issuesFromZod(r.error!, ['purpose'])).toEqual([{ path: ['purpose'], message: 'Sai / Wrong' }]);
  });

  it('returns the typed value or throws a ValidationError with the field issues', () => {
    expect(parseWith(Schema, { name: 'An', tags: [] })).toEqual({ name: 'An', tags: [] });
    let thrown: unknown;
    try {
      parseWith(Schema, { tags: [] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).status).toBe(400);
    expect((thrown as ValidationError).issues).toEqual([{ path: ['name'], message: 'Vui lòng nhập tên / Please enter a name' }]);
  });
});

describe('apiErrorResponse: the one mapping to JSON', () => {
  it('answers a validation failure with { error, code, issues } and its status', async () => {
    const res = apiErrorResponse(new ValidationError([{ path: ['x'], message: 'Sai / Wrong' }]));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: 'Dữ liệu không hợp lệ / Invalid data',
      code: 'validation',
      issues: [{ path: ['x'], message: 'Sai / Wrong' }],
    });
  });

  it('carries Retry-After for throttling', () => {
    expect(apiErrorResponse(new RateLimitedError(120)).headers.get('retry-after')).toBe('120');
  });

  it('hides anything untyped behind a 500 without its text', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const res = apiErrorResponse(new Error('secret detail'));
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body).toEqual({ error: 'Lỗi máy chủ / Server error', code: 'internal' });
    } finally {
      console.error = original;
    }
  });

  it('apiRoute answers a lost unique-index race as 409, as the middleware does for pages', async () => {
    const route = apiRoute(async () => {
      throw Object.assign(new Error('UNIQUE constraint failed: users.email'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    });
    const res = await route({} as APIContext);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('conflict');
  });
});

describe('pageError: the one mapping inside a page', () => {
  const fakeAstro = () => ({ response: { status: 200, headers: new Headers() } }) as Parameters<typeof pageError>[0];

  it('sets the status (and Retry-After) and returns the typed error', () => {
    const astro = fakeAstro();
    const e = pageError(astro, new RateLimitedError(90));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect(astro.response.status).toBe(429);
    expect(astro.response.headers.get('Retry-After')).toBe('90');
  });

  it('rethrows anything untyped so the middleware can decide', () => {
    const astro = fakeAstro();
    const boom = new Error('boom');
    expect(() => pageError(astro, boom)).toThrow(boom);
    expect(astro.response.status).toBe(200);
  });
});
