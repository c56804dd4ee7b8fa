import type { APIRoute } from 'astro';
import { requireProvinceStaff } from '#src/server/auth/guards.ts';
import { toCsv } from '#src/server/output/spreadsheet.ts';
import { REGISTRY_TEMPLATE_HEADER } from '#src/server/services/registry-import.ts';

/** The registry template: the header row the importer reads, ready to fill in. */
export const GET: APIRoute = ({ locals }) => {
  requireProvinceStaff(locals.user);
  return new Response(toCsv([REGISTRY_TEMPLATE_HEADER]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="mau-danh-ba-doanh-nghiep.csv"',
      'cache-control': 'private, no-store',
    },
  });
};
