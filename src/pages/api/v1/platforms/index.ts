import type { APIRoute } from 'astro';
import { getDb } from '../../../../db/client.ts';
import { listCategories, listPlatforms } from '../../../../db/queries/platforms.ts';
import { json, ValidationError } from '../../../../lib/server/errors.ts';
import { apiRoute } from '../../../../lib/server/api.ts';
import { platformQuery } from '../../../../lib/server/platform-filter.ts';
import { publicPlatform } from '../../../../domain/platforms/public.ts';

export const GET: APIRoute = apiRoute(async ({ url }) => {
  const parsed = platformQuery(url);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path as string[], message: i.message })));
  const db = getDb();
  const [list, categories] = await Promise.all([listPlatforms(db, parsed.data), listCategories(db)]);
  const byId = new Map(categories.map((c) => [c.id, { id: c.id, name: { vi: c.nameVi, en: c.nameEn } }]));
  return json({ platforms: list.map((p) => publicPlatform(p, byId.get(p.category)!)) }, 200, { 'cache-control': 'public, max-age=60' });
});
