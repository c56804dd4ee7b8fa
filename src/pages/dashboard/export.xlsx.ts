import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { getEnv } from '#src/server/config/env.ts';
import { dashboardData, headlineTrend } from '#src/server/services/dashboard.ts';
import { dashboardSheets } from '#src/server/output/dashboard-export.ts';
import { toXlsx } from '#src/server/output/spreadsheet.ts';

export const GET: APIRoute = async ({ locals, url }) => {
  const d = await dashboardData(getDb(), locals.user, url, getEnv().PROVINCE_CODE, new Date());
  return new Response(new Uint8Array(toXlsx(dashboardSheets(d, await headlineTrend(getDb(), d)))), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="chi-so-${d.filter.period.id}.xlsx"`,
      'cache-control': 'private, no-store',
    },
  });
};
