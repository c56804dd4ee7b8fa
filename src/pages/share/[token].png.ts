import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { businessById } from '#src/db/queries/accounts.ts';
import { assessmentByShareToken } from '#src/db/queries/assessments.ts';
import { NotFoundError } from '#src/server/http/errors.ts';
import { renderShareImage } from '#src/server/output/share-image.ts';
import { pngResponse, shareCardOf } from '#src/server/output/share-card.ts';

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
