import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { json } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { getEnv } from '#src/server/config/env.ts';
import { cachedPublicIndicators, parseViewQuery } from '#src/server/services/indicators.ts';
import { toCsv } from '#src/server/output/spreadsheet.ts';

// Open data: aggregates only, small cells suppressed, never a business name.
export const GET: APIRoute = apiRoute(async ({ url, request }) => {
  const now = new Date();
  const { query, period } = parseViewQuery(url, now);
  const body = await cachedPublicIndicators(getDb(), getEnv().PROVINCE_CODE, query, period, now);
  if ((request.headers.get('accept') ?? '').includes('text/csv')) {
    const rows: (string | number | null)[][] = [
      [
        'Kỳ / Period',
        'Đơn vị / Unit',
        'Mã chỉ số / Indicator id',
        'Chỉ số',
        'Indicator',
        'Giá trị / Value',
        'Tử số / Numerator',
        'Mẫu số / Denominator',
        'Đơn vị đo / Unit of measure',
        'Mục tiêu / Target',
        'Tình trạng / Status',
        'Ẩn vì ít hơn 5 / Suppressed',
      ],
      ...body.indicators.map((i) => [
        body.period,
        body.unit,
        i.id,
        i.name.vi,
        i.name.en,
        i.value,
        i.numerator,
        i.denominator,
        i.unit,
        i.target,
        i.status,
        i.suppressed ? 'true' : 'false',
      ]),
    ];
    return new Response(toCsv(rows), { headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'public, max-age=60' } });
  }
  return json(body, 200, { 'cache-control': 'public, max-age=60' });
});
