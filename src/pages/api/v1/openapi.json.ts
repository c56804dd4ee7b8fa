import type { APIRoute } from 'astro';
import { json } from '#src/server/http/errors.ts';
import { openApiDocument } from '#src/server/output/openapi.ts';

export const GET: APIRoute = async () => json(openApiDocument(), 200, { 'cache-control': 'public, max-age=3600' });
