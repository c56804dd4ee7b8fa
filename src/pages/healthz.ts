import type { APIRoute } from 'astro';
import { json } from '#src/server/http/errors.ts';
import { checkDatabase } from '#src/server/services/health.ts';

export const GET: APIRoute = async () => {
  if (await checkDatabase()) return json({ status: 'ok', db: 'ok' }, 200, { 'cache-control': 'no-store' });
  return json({ status: 'error', db: 'unavailable' }, 503, { 'cache-control': 'no-store' });
};
