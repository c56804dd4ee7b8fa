import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { listCategories, platformById } from '#src/db/queries/platforms.ts';
import { json, NotFoundError } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { publicPlatform } from '#src/domain/platforms/public.ts';

export const GET: APIRoute = apiRoute(async ({ params }) => {
  const db = getDb();
  const p = await platformById(db, String(params.id));
  if (!p) throw new NotFoundError('Không có nền tảng này / No such platform');
  const c = (await listCategories(db)).find((x) => x.id === p.category)!;
  return json(publicPlatform(p, { id: c.id, name: { vi: c.nameVi, en: c.nameEn } }));
});
