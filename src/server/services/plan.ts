import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { auditLog, recommendationMarks, type Assessment } from '#src/db/schema/index.ts';
import { auditValues, type BusinessWithLocation } from '#src/db/queries/accounts.ts';
import { platformById, marksOf } from '#src/db/queries/platforms.ts';
import { currentCatalog } from './platforms.ts';
import { NEED_IDS, type NeedId, type Platform } from '#src/domain/platforms/schema.ts';
import { optionalFreeText } from '#src/domain/text.ts';
import { recommend, type RecommendationPlan } from '#src/domain/recommendations/engine.ts';
import { ForbiddenError, ValidationError } from '#src/server/http/errors.ts';
import { batchWithFacts, factRefreshStatements } from './facts.ts';
import { type Actor } from '#src/server/auth/guards.ts';
import { canEditBusiness } from '#src/domain/access.ts';
import { frameworkOf, profileOf } from './assessments.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { createHelpRequest } from './help-requests.ts';
import { isMandatoryNeed } from '#src/domain/recommendations/first-actions.ts';

/** The adoption form's value for a platform outside the catalogue. */
export const OTHER_PLATFORM = 'other';

const NO_PLATFORM = {
  vi: 'Vui lòng chọn nền tảng bạn đã dùng (hoặc "Nền tảng khác")',
  en: 'Please choose the platform you use (or "Another platform")',
};
const MANDATORY_NOT_DISMISSABLE = {
  vi: 'Mục bắt buộc theo quy định không thể ẩn: hãy đánh dấu đã làm hoặc nhờ hỗ trợ',
  en: 'A mandatory item cannot be dismissed: mark it done or ask for help',
};
function refusal(field: string, m: { vi: string; en: string }): ValidationError {
  return new ValidationError([{ path: [field], message: `${m.vi} / ${m.en}` }], m);
}

/** The explained plan for a submitted assessment, with the business's current marks applied. */
export async function planFor(
  db: Db,
  assessment: Assessment,
  opts: { includeDismissed?: boolean; catalog?: readonly Platform[] } = {},
): Promise<RecommendationPlan | null> {
  const profile = profileOf(assessment);
  if (!profile) return null;
  const [catalog, marks] = await Promise.all([
    opts.catalog ? Promise.resolve(opts.catalog) : currentCatalog(db),
    marksOf(db, assessment.businessId),
  ]);
  return recommend({
    framework: frameworkOf(assessment),
    profile,
    answers: assessment.answers,
    catalog,
    marks: marks as { adopted: Record<NeedId, string | null>; dismissed: NeedId[] },
    includeDismissed: opts.includeDismissed ?? false,
    pains: assessment.pains,
  });
}

const PlanActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('adopt'),
      need: z.enum(NEED_IDS, { error: 'Mục không hợp lệ / Unknown item' }),
      // No default: a mark records the platform the person chose, or "other" said in words.
      platform: z.string({ error: `${NO_PLATFORM.vi} / ${NO_PLATFORM.en}` }).max(80),
      assessment: z.coerce.number().int().positive().optional(),
    }),
    z.object({
      intent: z.literal('dismiss'),
      need: z.enum(NEED_IDS, { error: 'Mục không hợp lệ / Unknown item' }),
      reason: optionalFreeText({
        label: { vi: 'lý do', en: 'reason' },
        max: 500,
        multiline: true,
        messages: { max: 'Lý do tối đa 500 ký tự / Reason is at most 500 characters' },
      }),
      assessment: z.coerce.number().int().positive().optional(),
    }),
    z.object({
      intent: z.literal('restore'),
      need: z.enum(NEED_IDS, { error: 'Mục không hợp lệ / Unknown item' }),
    }),
    z.object({
      intent: z.literal('help'),
      need: z.enum(NEED_IDS, { error: 'Mục không hợp lệ / Unknown item' }),
      platform: z.string().max(80).optional(),
      kind: z.enum(['trial', 'advice'], { error: 'Vui lòng chọn loại hỗ trợ / Please choose the kind of help' }),
      message: optionalFreeText({
        label: { vi: 'lời nhắn', en: 'message' },
        max: 1000,
        multiline: true,
        messages: { max: 'Lời nhắn tối đa 1000 ký tự / Message is at most 1000 characters' },
      }),
      consentVendor: z.literal('yes').optional(),
    }),
  ],
  { error: 'Thao tác không hợp lệ / Unknown action' },
);

export type PlanActionResult = { intent: 'adopt' | 'dismiss' | 'restore' | 'help'; need: NeedId };

/** Adoption loop: adopted (with the platform chosen), not suitable, show again, or ask for help. */
export async function applyPlanAction(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  form: Record<string, unknown>,
  now: Date,
): Promise<PlanActionResult> {
  if (!canEditBusiness(actor, business)) throw new ForbiddenError();
  const clean = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v === '' ? undefined : v]));
  // A help request (with its optional contact and the agreement to share it) has its own service and messages.
  if (clean.intent === 'help') {
    const created = await createHelpRequest(db, actor, business, form, now);
    return { intent: 'help', need: created.need as NeedId };
  }
  // Said in the page's heading too: these refusals come from a form the page never offers.
  if (clean.intent === 'adopt' && clean.platform === undefined) throw refusal('platform', NO_PLATFORM);
  const a = parseWith(PlanActionSchema, clean);
  if (a.intent === 'dismiss' && isMandatoryNeed(a.need)) throw refusal('need', MANDATORY_NOT_DISMISSABLE);
  const platformId =
    a.intent === 'adopt' ? (a.platform === OTHER_PLATFORM ? null : a.platform) : a.intent === 'help' ? a.platform : undefined;
  const withdrawPrevious = db
    .update(recommendationMarks)
    .set({ withdrawnAt: now })
    .where(
      and(eq(recommendationMarks.businessId, business.id), eq(recommendationMarks.need, a.need), isNull(recommendationMarks.withdrawnAt)),
    );

  if (a.intent === 'adopt' || a.intent === 'help') {
    if (platformId) {
      const p = await platformById(db, platformId);
      if (!p || !(p.needs as readonly string[]).includes(a.need)) {
        throw new ValidationError([
          { path: ['platform'], message: 'Nền tảng không phù hợp với mục này / This platform does not fit this item' },
        ]);
      }
    }
  }
  // The mark and the counter changes it causes are one atomic batch (rebuilt and retried when a
  // concurrent write changed the business's fact in between).
  const catalog = a.intent === 'help' ? [] : await currentCatalog(db);
  const afterMark = (current: string[]) =>
    a.intent === 'adopt' ? [...new Set([...current, a.need])] : current.filter((n) => n !== a.need);
  const facts = () => factRefreshStatements(db, business.id, catalog, { adopted: afterMark, now, onlyOpenPeriods: true });
  if (a.intent === 'adopt' || a.intent === 'dismiss') {
    await batchWithFacts(db, async () => [
      withdrawPrevious,
      db.insert(recommendationMarks).values({
        businessId: business.id,
        assessmentId: a.assessment ?? null,
        need: a.need,
        kind: a.intent === 'adopt' ? 'adopted' : 'dismissed',
        platformId: a.intent === 'adopt' ? (platformId ?? null) : null,
        reason: a.intent === 'dismiss' ? (a.reason ?? null) : null,
        createdBy: actor.id,
        createdAt: now,
      }),
      db.insert(auditLog).values(
        auditValues(
          {
            actorUserId: actor.id,
            action: `plan_${a.intent}`,
            entity: 'business',
            entityId: String(business.id),
            detail: { need: a.need },
          },
          now,
        ),
      ),
      ...(await facts()),
    ]);
  } else if (a.intent === 'restore') {
    await batchWithFacts(db, async () => [
      withdrawPrevious,
      db
        .insert(auditLog)
        .values(
          auditValues(
            { actorUserId: actor.id, action: 'plan_restore', entity: 'business', entityId: String(business.id), detail: { need: a.need } },
            now,
          ),
        ),
      ...(await facts()),
    ]);
  }
  return { intent: a.intent, need: a.need };
}
