import type { APIRoute } from 'astro';
import { getDb } from '../../db/client.ts';
import { getEnv } from '../../lib/server/env.ts';
import { dashboardData } from '../../lib/server/dashboard.ts';
import { dashboardSheets } from '../../lib/server/dashboard-export.ts';
import { toCsv } from '../../lib/server/spreadsheet.ts';

export const GET: APIRoute = async ({ locals, url }) => {
  const d = await dashboardData(getDb(), locals.user, url, getEnv().PROVINCE_CODE, new Date());
  // One CSV holds the sheets one after another, each under its name.
  const rows = dashboardSheets(d).flatMap((s, i) => [...(i > 0 ? [[]] : []), [`# ${s.name}`], ...s.rows]);
  return new Response(toCsv(rows), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="chi-so-${d.filter.period.id}.csv"`, 'cache-control': 'private, no-store' },
  });
};
