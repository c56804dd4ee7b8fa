import type { APIRoute } from 'astro';
import { readJson } from '../../../lib/server/body.ts';
import { json, ValidationError } from '../../../lib/server/errors.ts';
import { apiRoute } from '../../../lib/server/api.ts';
import { scoreRequest } from '../../../domain/score-request.ts';
import { getDb } from '../../../db/client.ts';
import { catalogSnapshot } from '../../../db/queries/platforms.ts';

// Stateless and public: scores a body without storing anything.
export const POST: APIRoute = apiRoute(async ({ request }) => {
  const body = await readJson(request, 64 * 1024);
  const outcome = scoreRequest(body, await catalogSnapshot(getDb()));
  if (!outcome.ok) throw new ValidationError(outcome.issues);
  return json(outcome.body);
});
