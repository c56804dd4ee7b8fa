import type { APIRoute } from 'astro';
import { json } from '#src/server/http/errors.ts';
import { checkDatabase } from '#src/server/services/health.ts';
import { warmDashboard } from '#src/server/services/dashboard-cache.ts';
import { getDb } from '#src/server/config/db.ts';
import { getEnv } from '#src/server/config/env.ts';

export const GET: APIRoute = async () => {
  // Ready once the worker has warmed the dashboard's reads (once per worker; it never fails the check).
  await warmDashboard(getDb(), getEnv().PROVINCE_CODE);
  if (await checkDatabase()) return json({ status: 'ok', db: 'ok' }, 200, { 'cache-control': 'no-store' });
  return json({ status: 'error', db: 'unavailable' }, 503, { 'cache-control': 'no-store' });
};
