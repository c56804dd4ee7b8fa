import type { APIRoute } from 'astro';
import { getDb } from '../../../db/client.ts';
import { searchOcopProducts } from '../../../db/queries/ocop.ts';
import { json, ValidationError } from '../../../lib/server/errors.ts';
import { apiRoute } from '../../../lib/server/api.ts';
import { getEnv } from '../../../lib/server/env.ts';
import { ocopQuery } from '../../../lib/server/ocop-query.ts';

export const GET: APIRoute = apiRoute(async ({ url }) => {
  const parsed = ocopQuery(url);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path as string[], message: i.message })));
  const rows = await searchOcopProducts(getDb(), { ...parsed.data, provinceCode: getEnv().PROVINCE_CODE, limit: 500 });
  return json(
    { products: rows.map((r) => ({ id: r.id, name: r.name, group: r.group, stars: r.stars, communeCode: r.communeCode, producerName: r.producerName, listings: r.listings })) },
    200,
    // No shared-cache lifetime: a producer who withdraws consent to publication disappears at once.
    { 'cache-control': 'no-cache' },
  );
});
