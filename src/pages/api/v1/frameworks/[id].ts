import type { APIRoute } from 'astro';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { publicFramework } from '#src/domain/framework/public.ts';
import { json, NotFoundError } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';

export const GET: APIRoute = apiRoute(async ({ params, url }) => {
  const v = url.searchParams.get('version');
  const version = v === null ? undefined : Number(v);
  const fw = getFramework(String(params.id), version !== undefined && Number.isInteger(version) ? version : undefined);
  if (!fw || (version !== undefined && fw.version !== version)) throw new NotFoundError('Không có bộ tiêu chí này / No such framework');
  return json(publicFramework(fw), 200, { 'cache-control': 'public, max-age=60' });
});
