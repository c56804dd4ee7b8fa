import type { Db } from '#src/db/client.ts';
import type { Assessment } from '#src/db/schema/index.ts';
import type { BusinessWithLocation } from '#src/db/queries/accounts.ts';
import { assessmentById, assessmentsOfBusiness, peerScores, provinceName } from '#src/db/queries/assessments.ts';
import { currentCatalog } from './platforms.ts';
import { NotFoundError } from '#src/server/http/errors.ts';
import { requireBusinessAccess, type Actor } from '#src/server/auth/guards.ts';
import { contactsFor, storiesFor } from './support.ts';
import { publicSupportFor } from '#src/domain/recommendations/support.ts';
import { planFor } from './plan.ts';
import { profileOf } from './assessments.ts';

/** Every assessment of a business (drafts too), newest first, for whoever may see the business. */
export async function assessmentsOf(db: Db, actor: Actor, business: BusinessWithLocation): Promise<Assessment[]> {
  requireBusinessAccess(actor, business);
  return assessmentsOfBusiness(db, business.id);
}

/** A submitted assessment of this business; anything else (another business's, a draft, no such id) is a 404. */
export async function submittedAssessment(db: Db, actor: Actor, business: BusinessWithLocation, assessmentId: number): Promise<Assessment> {
  requireBusinessAccess(actor, business);
  const assessment = await assessmentById(db, assessmentId);
  if (!assessment || assessment.businessId !== business.id || assessment.status !== 'submitted') throw new NotFoundError();
  return assessment;
}

/**
 * What the result page shows around a submitted assessment: the business's submitted history (newest first),
 * the scores of its peers (same framework, sector and size in the province, itself excluded) and, for the
 * newest assessment only, the plan and the catalogue it was drawn from.
 */
export async function resultDetails(db: Db, actor: Actor, business: BusinessWithLocation, assessment: Assessment) {
  const history = (await assessmentsOf(db, actor, business)).filter((a) => a.status === 'submitted');
  const peers =
    assessment.sector && assessment.sizeClass
      ? await peerScores(db, {
          provinceCode: business.provinceCode,
          frameworkId: assessment.frameworkId,
          sector: assessment.sector,
          sizeClass: assessment.sizeClass,
          excludeBusinessId: business.id,
          producerType: assessment.profile?.producerType ?? 'enterprise',
        })
      : [];
  // The plan always follows the newest assessment; older results show their scores only.
  const isLatest = history[0]?.id === assessment.id;
  const catalog = isLatest ? await currentCatalog(db) : [];
  const plan = isLatest ? await planFor(db, assessment, { includeDismissed: false, catalog }) : null;
  // Who to call and stories of businesses like this one, beside the plan (issue 13).
  const profile = profileOf(assessment);
  const [contacts, stories] = plan
    ? await Promise.all([contactsFor(db, assessment.communeCode ?? business.communeCode), storiesFor(db, profile, plan.pains)])
    : [null, []];
  const support = plan && profile ? publicSupportFor(profile) : null;
  const province = await provinceName(db, business.provinceCode);
  return { history, peers, isLatest, catalog, plan, contacts, stories, support, province };
}
