import type { APIRoute } from 'astro';
import { readJson } from '#src/server/http/body.ts';
import { json, ValidationError } from '#src/server/http/errors.ts';
import { apiRoute } from '#src/server/http/api.ts';
import { scoreRequest } from '#src/server/services/score-request.ts';
import { getDb } from '#src/server/config/db.ts';
import { currentCatalog } from '#src/server/services/platforms.ts';

// Stateless and public: scores a body without storing anything.
export const POST: APIRoute = apiRoute(async ({ request }) => {
  const body = await readJson(request, 64 * 1024);
  const outcome = scoreRequest(body, await currentCatalog(getDb()));
  if (!outcome.ok) throw new ValidationError(outcome.issues);
  return json(outcome.body);
});
