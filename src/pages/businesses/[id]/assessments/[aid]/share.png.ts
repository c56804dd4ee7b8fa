import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { loadBusiness } from '#src/server/services/assessments.ts';
import { submittedAssessment } from '#src/server/services/results.ts';
import { renderShareImage } from '#src/server/output/share-image.ts';
import { pngResponse, shareCardOf } from '#src/server/output/share-card.ts';

// Private: whoever may see the business may see its image.
export const GET: APIRoute = async ({ params, locals }) => {
  const db = getDb();
  const { actor, business } = await loadBusiness(db, locals.user, Number(params.id));
  const assessment = await submittedAssessment(db, actor, business, Number(params.aid));
  const png = await renderShareImage(shareCardOf(assessment, business.name, locals.lang));
  return pngResponse(png, 'private, no-store');
};
