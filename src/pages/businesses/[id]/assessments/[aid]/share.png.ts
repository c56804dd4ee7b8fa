import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { assessmentById } from '#src/db/queries/assessments.ts';
import { loadBusiness } from '#src/server/services/assessments.ts';
import { NotFoundError } from '#src/server/http/errors.ts';
import { renderShareImage } from '#src/server/output/share-image.ts';
import { pngResponse, shareCardOf } from '#src/server/output/share-card.ts';

// Private: whoever may see the business may see its image.
export const GET: APIRoute = async ({ params, locals }) => {
  const db = getDb();
  const { business } = await loadBusiness(db, locals.user, Number(params.id));
  const assessment = await assessmentById(db, Number(params.aid));
  if (!assessment || assessment.businessId !== business.id || assessment.status !== 'submitted') throw new NotFoundError();
  const png = await renderShareImage(shareCardOf(assessment, business.name, locals.lang));
  return pngResponse(png, 'private, no-store');
};
