import type { APIRoute } from 'astro';
import { getDb } from '../../../db/client.ts';
import { listCategories } from '../../../db/queries/platforms.ts';
import { json } from '../../../lib/server/errors.ts';
import { apiRoute } from '../../../lib/server/api.ts';

export const GET: APIRoute = apiRoute(async () => {
  const rows = await listCategories(getDb());
  return json(
    { categories: rows.map((c) => ({ id: c.id, order: c.ord, name: { vi: c.nameVi, en: c.nameEn }, description: { vi: c.descriptionVi, en: c.descriptionEn } })) },
    200,
    { 'cache-control': 'public, max-age=300' },
  );
});
