import type { APIRoute } from 'astro';
import { readJson } from '../../../lib/server/body.ts';
import { json, ValidationError } from '../../../lib/server/errors.ts';
import { apiRoute } from '../../../lib/server/api.ts';
import { scoreRequest } from '../../../domain/score-request.ts';

// Stateless and public: scores a body without storing anything.
export const POST: APIRoute = apiRoute(async ({ request }) => {
  const outcome = scoreRequest(await readJson(request, 64 * 1024));
  if (!outcome.ok) throw new ValidationError(outcome.issues);
  return json(outcome.body);
});
