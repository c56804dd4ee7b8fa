import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { getEnv } from '#src/server/config/env.ts';
import { dashboardData, headlineTrend } from '#src/server/services/dashboard.ts';
import { dashboardSheets } from '#src/server/output/dashboard-export.ts';
import { toCsv } from '#src/server/output/spreadsheet.ts';

export const GET: APIRoute = async ({ locals, url }) => {
  const d = await dashboardData(getDb(), locals.user, url, getEnv().PROVINCE_CODE, new Date());
  // One CSV holds the sheets one after another, each under its name.
  const rows = dashboardSheets(d, await headlineTrend(getDb(), d)).flatMap((s, i) => [...(i > 0 ? [[]] : []), [`# ${s.name}`], ...s.rows]);
  return new Response(toCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="chi-so-${d.filter.period.id}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
};
