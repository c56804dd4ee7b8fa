import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { platformDirectory } from '#src/server/services/platforms.ts';
import { json, ValidationError } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { platformQuery } from '#src/server/http/platform-filter.ts';
import { publicPlatform } from '#src/domain/platforms/public.ts';
import { issuesFromZod } from '#src/domain/issues.ts';

export const GET: APIRoute = apiRoute(async ({ url }) => {
  const parsed = platformQuery(url);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  const { platforms: list, categories } = await platformDirectory(getDb(), parsed.data);
  const byId = new Map(categories.map((c) => [c.id, { id: c.id, name: { vi: c.nameVi, en: c.nameEn } }]));
  return json({ platforms: list.map((p) => publicPlatform(p, byId.get(p.category)!)) }, 200, { 'cache-control': 'public, max-age=60' });
});
