import type { APIRoute } from 'astro';
import { getDb } from '../../db/client.ts';
import { getEnv } from '../../lib/server/env.ts';
import { dashboardData } from '../../lib/server/dashboard.ts';
import { dashboardSheets } from '../../lib/server/dashboard-export.ts';
import { toXlsx } from '../../lib/server/spreadsheet.ts';

export const GET: APIRoute = async ({ locals, url }) => {
  const d = await dashboardData(getDb(), locals.user, url, getEnv().PROVINCE_CODE, new Date());
  return new Response(new Uint8Array(toXlsx(dashboardSheets(d))), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="chi-so-${d.filter.period.id}.xlsx"`,
      'cache-control': 'private, no-store',
    },
  });
};
