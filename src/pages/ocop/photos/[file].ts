import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { getEnv } from '#src/server/config/env.ts';
import { photoFile } from '#src/server/services/product-photos.ts';
import { matchesEtag } from '#src/server/http/public-cache.ts';

// A product photo by its content hash: public when /ocop shows the product, else only to who may see the producer.
export const GET: APIRoute = async ({ params, locals, request }) => {
  const photo = await photoFile(getDb(), locals.user, getEnv().PROVINCE_CODE, params.file ?? '');
  const headers = new Headers({ etag: photo.etag, 'cache-control': photo.cacheControl });
  // Never both a public copy and a private one under one address for a shared cache to mix up.
  headers.set('vary', 'Cookie');
  if (matchesEtag(request.headers.get('if-none-match'), photo.etag)) return new Response(null, { status: 304, headers });
  headers.set('content-type', photo.mime);
  headers.set('content-length', String(photo.bytes.byteLength));
  return new Response(new Uint8Array(photo.bytes), { status: 200, headers });
};
