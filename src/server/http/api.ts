import type { APIContext } from 'astro';
import { apiErrorResponse } from './errors.ts';
import { asAppError } from './db-errors.ts';

/** Wraps a JSON route: typed failures become their status with a JSON body; nothing else leaks. */
export function apiRoute(handler: (ctx: APIContext) => Promise<Response>) {
  return async (ctx: APIContext): Promise<Response> => {
    try {
      return await handler(ctx);
    } catch (error) {
      return apiErrorResponse(asAppError(error));
    }
  };
}
