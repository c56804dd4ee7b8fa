import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { platformCategories } from '#src/server/services/platforms.ts';
import { json } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';

export const GET: APIRoute = apiRoute(async () => {
  const rows = await platformCategories(getDb());
  return json(
    {
      categories: rows.map((c) => ({
        id: c.id,
        order: c.ord,
        name: { vi: c.nameVi, en: c.nameEn },
        description: { vi: c.descriptionVi, en: c.descriptionEn },
      })),
    },
    200,
    { 'cache-control': 'public, max-age=300' },
  );
});
