import type { APIRoute } from 'astro';
import { getClient } from '#src/server/config/db.ts';
import { json } from '#src/server/http/errors.ts';

export const GET: APIRoute = async () => {
  try {
    await getClient().execute('SELECT count(*) FROM provinces');
    return json({ status: 'ok', db: 'ok' }, 200, { 'cache-control': 'no-store' });
  } catch {
    return json({ status: 'error', db: 'unavailable' }, 503, { 'cache-control': 'no-store' });
  }
};
