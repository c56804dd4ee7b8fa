import type { APIRoute } from 'astro';
import { getDb } from '../../../../db/client.ts';
import { listCategories, platformById } from '../../../../db/queries/platforms.ts';
import { json, NotFoundError } from '../../../../lib/server/errors.ts';
import { apiRoute } from '../../../../lib/server/api.ts';
import { publicPlatform } from '../../../../domain/platforms/public.ts';

export const GET: APIRoute = apiRoute(async ({ params }) => {
  const db = getDb();
  const p = await platformById(db, String(params.id));
  if (!p) throw new NotFoundError('Không có nền tảng này / No such platform');
  const c = (await listCategories(db)).find((x) => x.id === p.category)!;
  return json(publicPlatform(p, { id: c.id, name: { vi: c.nameVi, en: c.nameEn } }));
});
