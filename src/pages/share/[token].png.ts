import type { APIRoute } from 'astro';
import { getDb } from '../../db/client.ts';
import { businessById } from '../../db/queries/accounts.ts';
import { assessmentByShareToken } from '../../db/queries/assessments.ts';
import { NotFoundError } from '../../lib/server/errors.ts';
import { renderShareImage } from '../../lib/server/share-image.ts';
import { pngResponse, shareCardOf } from '../../lib/server/share-card.ts';

// Public only while the owner keeps sharing on; the token is random, so images cannot be enumerated.
export const GET: APIRoute = async ({ params, locals }) => {
  const token = String(params.token ?? '');
  if (!/^[a-z2-7]{26}$/.test(token)) throw new NotFoundError();
  const db = getDb();
  const assessment = await assessmentByShareToken(db, token);
  if (!assessment || assessment.status !== 'submitted') throw new NotFoundError();
  const business = await businessById(db, assessment.businessId);
  if (!business) throw new NotFoundError();
  const png = await renderShareImage(shareCardOf(assessment, business.name, locals.lang));
  return pngResponse(png, 'public, max-age=300');
};
