import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { exportCatalog } from '#src/server/services/catalog.ts';
import { catalogToCsv } from '#src/domain/platforms/csv.ts';

export const GET: APIRoute = async ({ locals }) => {
  const csv = catalogToCsv(await exportCatalog(getDb(), locals.user));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="danh-muc-nen-tang.csv"',
      'cache-control': 'no-store',
    },
  });
};
