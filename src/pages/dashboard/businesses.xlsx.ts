import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { getEnv } from '#src/server/config/env.ts';
import { outreachExport } from '#src/server/services/outreach.ts';
import { toXlsx } from '#src/server/output/spreadsheet.ts';

// The drill-down list (side and filters of the URL) as XLSX; scope, consent and the audit line are the service's.
export const GET: APIRoute = async ({ locals, url }) => {
  const { sheet, filename } = await outreachExport(getDb(), locals.user, url, getEnv().PROVINCE_CODE, new Date(), 'xlsx');
  return new Response(new Uint8Array(toXlsx([sheet])), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
};
