import type { APIRoute } from 'astro';
import { getDb } from '#src/server/config/db.ts';
import { sharedAssessment } from '#src/server/services/public-share.ts';
import { NotFoundError } from '#src/server/http/errors.ts';
import { renderShareImage } from '#src/server/output/share-image.ts';
import { pngResponse, shareCardOf } from '#src/server/output/share-card.ts';

// Public only while the owner keeps sharing on; the token is random, so images cannot be enumerated.
export const GET: APIRoute = async ({ params, locals }) => {
  const token = String(params.token ?? '');
  if (!/^[a-z2-7]{26}$/.test(token)) throw new NotFoundError();
  const { assessment, businessName } = await sharedAssessment(getDb(), token);
  const png = await renderShareImage(shareCardOf(assessment, businessName, locals.lang));
  return pngResponse(png, 'public, max-age=300');
};
