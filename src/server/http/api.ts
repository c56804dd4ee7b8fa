import type { APIContext } from 'astro';
import { AppError, jsonError } from './errors.ts';

/** Wraps a JSON route: typed failures become their status with a JSON body; nothing else leaks. */
export function apiRoute(handler: (ctx: APIContext) => Promise<Response>) {
  return async (ctx: APIContext): Promise<Response> => {
    try {
      return await handler(ctx);
    } catch (error) {
      if (error instanceof AppError) return jsonError(error);
      console.error(error);
      return jsonError(new AppError(500, 'internal', 'Lỗi máy chủ / Server error'));
    }
  };
}
