import type { APIRoute } from 'astro';
import { requireProvinceStaff } from '#src/server/auth/guards.ts';
import { toXlsx } from '#src/server/output/spreadsheet.ts';
import { REGISTRY_TEMPLATE_HEADER } from '#src/server/services/registry-import.ts';

/** The registry template as a workbook: the header row the importer reads, ready to fill in. */
export const GET: APIRoute = ({ locals }) => {
  requireProvinceStaff(locals.user);
  return new Response(new Uint8Array(toXlsx([{ name: 'Danh bạ', rows: [REGISTRY_TEMPLATE_HEADER] }])), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="mau-danh-ba-doanh-nghiep.xlsx"',
      'cache-control': 'private, no-store',
    },
  });
};
