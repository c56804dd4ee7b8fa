// Public share images: reachable by token only, and only while the owner keeps sharing on.
import type { Db } from '#src/db/client.ts';
import type { Assessment } from '#src/db/schema/index.ts';
import { businessById } from '#src/db/queries/accounts.ts';
import { assessmentByShareToken } from '#src/db/queries/assessments.ts';
import { NotFoundError } from '#src/server/http/errors.ts';

/**
 * The submitted assessment a share token points at, with its business's name only when the owner
 * chose to show it (null otherwise); 404 for an unknown or revoked token.
 */
export async function sharedAssessment(db: Db, token: string): Promise<{ assessment: Assessment; businessName: string | null }> {
  const assessment = await assessmentByShareToken(db, token);
  if (!assessment || assessment.status !== 'submitted') throw new NotFoundError();
  const business = await businessById(db, assessment.businessId);
  if (!business) throw new NotFoundError();
  return { assessment, businessName: assessment.shareShowName ? business.name : null };
}
