import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { ocopProducts } from '#src/server/services/ocop.ts';
import { json, ValidationError } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { getEnv } from '#src/server/config/env.ts';
import { ocopQuery } from '#src/server/http/ocop-query.ts';
import { issuesFromZod } from '#src/domain/issues.ts';
import { priceText } from '#src/domain/ocop/price.ts';
import { photoUrl } from '#src/server/services/product-photos.ts';

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
        price: r.priceVnd === null ? null : { vnd: r.priceVnd, unit: r.priceUnit, text: priceText(r.priceVnd, r.priceUnit) },
        photos: r.photos.map((p) => ({
          url: photoUrl(p.hash),
          width: p.width,
          height: p.height,
          thumbUrl: photoUrl(p.hash, 'thumb'),
          thumbWidth: p.thumbWidth,
          thumbHeight: p.thumbHeight,
        })),
        listings: r.listings,
      })),
    },
    200,
    // No shared-cache lifetime: a producer who withdraws consent to publication disappears at once.
    { 'cache-control': 'no-cache' },
  );
});
