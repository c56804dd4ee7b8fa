import type { APIRoute } from 'astro';
import { json } from '../../../lib/server/errors.ts';
import { openApiDocument } from '../../../lib/server/openapi.ts';

export const GET: APIRoute = async () => json(openApiDocument(), 200, { 'cache-control': 'public, max-age=3600' });
