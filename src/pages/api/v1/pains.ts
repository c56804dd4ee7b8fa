import type { APIRoute } from 'astro';
import { publicPains } from '#src/domain/recommendations/pains.ts';
import { json } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';

// Public and fixed: the pains the questionnaire opens with, and the platform categories that address each.
export const GET: APIRoute = apiRoute(async () => json(publicPains(), 200, { 'cache-control': 'public, max-age=300' }));
