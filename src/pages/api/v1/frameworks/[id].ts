import type { APIRoute } from 'astro';
import { getFramework } from '../../../../domain/framework/registry.ts';
import { publicFramework } from '../../../../domain/public-framework.ts';
import { json, NotFoundError } from '../../../../lib/server/errors.ts';
import { apiRoute } from '../../../../lib/server/api.ts';

export const GET: APIRoute = apiRoute(async ({ params, url }) => {
  const v = url.searchParams.get('version');
  const version = v === null ? undefined : Number(v);
  const fw = getFramework(String(params.id), version !== undefined && Number.isInteger(version) ? version : undefined);
  if (!fw || (version !== undefined && fw.version !== version)) throw new NotFoundError('Không có bộ tiêu chí này / No such framework');
  return json(publicFramework(fw), 200, { 'cache-control': 'public, max-age=300' });
});
