import type { Db } from '#src/db/client.ts';
import { findUserById } from '#src/db/queries/accounts.ts';
import { draftOf } from '#src/db/queries/assessments.ts';
import { landingPath } from '#src/domain/landing.ts';

/** The workspace a user lands on after logging in (see src/domain/landing.ts); the home page if unknown. */
export async function landingFor(db: Db, userId: number): Promise<string> {
  const user = await findUserById(db, userId);
  if (!user) return '/';
  const draft = user.role === 'business' && user.businessId !== null ? await draftOf(db, user.businessId) : undefined;
  return landingPath({ role: user.role, businessId: user.businessId, draftStep: draft?.currentStep ?? null });
}
