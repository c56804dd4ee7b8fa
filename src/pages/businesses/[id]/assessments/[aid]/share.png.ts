import type { APIRoute } from 'astro';
import { getDb } from '../../../../../db/client.ts';
import { assessmentById } from '../../../../../db/queries/assessments.ts';
import { loadBusiness } from '../../../../../lib/server/assessments.ts';
import { NotFoundError } from '../../../../../lib/server/errors.ts';
import { renderShareImage } from '../../../../../lib/server/share-image.ts';
import { pngResponse, shareCardOf } from '../../../../../lib/server/share-card.ts';

// Private: whoever may see the business may see its image.
export const GET: APIRoute = async ({ params, locals }) => {
  const db = getDb();
  const { business } = await loadBusiness(db, locals.user, Number(params.id));
  const assessment = await assessmentById(db, Number(params.aid));
  if (!assessment || assessment.businessId !== business.id || assessment.status !== 'submitted') throw new NotFoundError();
  const png = await renderShareImage(shareCardOf(assessment, business.name, locals.lang));
  return pngResponse(png, 'private, no-store');
};
