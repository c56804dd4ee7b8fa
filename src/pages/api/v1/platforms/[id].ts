import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { platformWithCategory } from '#src/server/services/platforms.ts';
import { json } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { publicPlatform } from '#src/domain/platforms/public.ts';

export const GET: APIRoute = apiRoute(async ({ params }) => {
  const { platform: p, category: c } = await platformWithCategory(getDb(), String(params.id));
  return json(publicPlatform(p, { id: c.id, name: { vi: c.nameVi, en: c.nameEn } }));
});
