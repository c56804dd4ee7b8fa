import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { ocopProducts } from '#src/server/services/ocop.ts';
import { json, ValidationError } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { getEnv } from '#src/server/config/env.ts';
import { ocopQuery } from '#src/server/http/ocop-query.ts';
import { issuesFromZod } from '#src/domain/issues.ts';

export const GET: APIRoute = apiRoute(async ({ url }) => {
  const parsed = ocopQuery(url);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  const rows = await ocopProducts(getDb(), getEnv().PROVINCE_CODE, { ...parsed.data, limit: 500 });
  return json(
    {
      products: rows.map((r) => ({
        id: r.id,
        name: r.name,
        group: r.group,
        stars: r.stars,
        communeCode: r.communeCode,
        producerName: r.producerName,
        listings: r.listings,
      })),
    },
    200,
    // No shared-cache lifetime: a producer who withdraws consent to publication disappears at once.
    { 'cache-control': 'no-cache' },
  );
});
