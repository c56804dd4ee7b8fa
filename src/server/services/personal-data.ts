import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import {
  accountClaims,
  answerEvents,
  assessments,
  auditLog,
  businesses,
  consents,
  helpRequests,
  ocopProducts,
  productChecklist,
  productListings,
  recommendationMarks,
  users,
} from '#src/db/schema/index.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import { batchWithFacts, factRemovalStatements } from './facts.ts';
import { ForbiddenError, ValidationError } from '#src/server/http/errors.ts';
import { verifyPassword } from '#src/server/auth/password.ts';
import { requireUser, type Actor } from '#src/server/auth/guards.ts';
import { clearIndicatorCaches } from './indicators.ts';
import { forgetAccountsStatement } from '#src/server/auth/throttle.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { publicChanged } from './changes.ts';
import { photosOfProducts } from '#src/db/queries/ocop.ts';
import { photoUrl } from './product-photos.ts';

/** Only the business itself exercises the rights over its own data (Law 91/2025/QH15). */
function ownBusiness(actor: Actor | null): { actor: Actor; businessId: number } {
  const a = requireUser(actor);
  if (a.role !== 'business' || !a.businessId) throw new ForbiddenError();
  return { actor: a, businessId: a.businessId };
}

/** Everything the portal holds about the business and its account, as one JSON document. */
export async function exportMyData(db: Db, actor: Actor | null) {
  const { businessId } = ownBusiness(actor);
  const [business] = await db.select().from(businesses).where(eq(businesses.id, businessId));
  const accounts = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      phone: users.phone,
      displayName: users.displayName,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.businessId, businessId));
  const own = await db.select().from(assessments).where(eq(assessments.businessId, businessId));
  const products = await db.select().from(ocopProducts).where(eq(ocopProducts.businessId, businessId));
  const productIds = products.map((p) => p.id);
  return {
    exportedAt: new Date().toISOString(),
    business: business ? { ...business, nameSearch: undefined } : null,
    accounts,
    consents: await db.select().from(consents).where(eq(consents.businessId, businessId)),
    assessments: own,
    answerHistory: own.length
      ? await db
          .select()
          .from(answerEvents)
          .where(
            inArray(
              answerEvents.assessmentId,
              own.map((a) => a.id),
            ),
          )
      : [],
    recommendationMarks: await db.select().from(recommendationMarks).where(eq(recommendationMarks.businessId, businessId)),
    helpRequests: await db.select().from(helpRequests).where(eq(helpRequests.businessId, businessId)),
    ocopProducts: products.map((p) => ({ ...p, nameSearch: undefined })),
    productChecklists: productIds.length
      ? await db.select().from(productChecklist).where(inArray(productChecklist.productId, productIds))
      : [],
    productListings: productIds.length ? await db.select().from(productListings).where(inArray(productListings.productId, productIds)) : [],
    // The photos as stored (after resizing), by address: the bytes themselves would bloat the JSON.
    productPhotos: (await photosOfProducts(db, productIds)).map((p) => ({
      ...p,
      url: photoUrl(p.hash),
      thumbUrl: photoUrl(p.hash, 'thumb'),
    })),
  };
}

const EraseSchema = z.object({
  password: z
    .string({ error: 'Vui lòng nhập mật khẩu / Please enter your password' })
    .min(1, 'Vui lòng nhập mật khẩu / Please enter your password')
    .max(1000),
  confirm: z.literal('XOA', { error: 'Gõ XOA để xác nhận / Type XOA to confirm' }),
});

/**
 * Erases the business, its accounts and everything attached to them, after the password is
 * re-entered. Indicators lose its contribution first; see `eraseBusiness` for the audit trail.
 */
export async function eraseMyData(db: Db, actor: Actor | null, form: Record<string, unknown>, now: Date): Promise<void> {
  const { actor: a, businessId } = ownBusiness(actor);
  const erase = parseWith(EraseSchema, {
    password: form.password,
    confirm: typeof form.confirm === 'string' ? form.confirm.trim().toUpperCase() : form.confirm,
  });
  const [me] = await db.select().from(users).where(eq(users.id, a.id));
  if (!me || !(await verifyPassword(me.passwordHash, erase.password))) {
    throw new ValidationError([{ path: ['password'], message: 'Mật khẩu không đúng / Wrong password' }]);
  }
  await eraseBusiness(db, businessId, a.id, now);
}

/** The stable name an erased business (and its accounts) keeps in the audit trail. */
export const ERASED_PREFIX = 'đã xóa #';

/**
 * Deletes the business and everything attached to it, and pseudonymises the audit trail: every
 * event about the business, its accounts, assessments and help requests, or done by its accounts,
 * stays (so the history of staff actions and the count of events remain true) but names the
 * subject "đã xóa #n" (n: the id of the erasure event), loses its details (names, products, links)
 * and no longer points at the deleted accounts. `actorUserId` is whoever asked for the erasure:
 * the business itself, or a helper recording a withdrawal of consent on its behalf.
 */
export async function eraseBusiness(db: Db, businessId: number, actorUserId: number | null, now: Date): Promise<void> {
  const accounts = await db
    .select({ id: users.id, email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.businessId, businessId));
  const [own, requests] = await Promise.all([
    db.select({ id: assessments.id }).from(assessments).where(eq(assessments.businessId, businessId)),
    db.select({ id: helpRequests.id }).from(helpRequests).where(eq(helpRequests.businessId, businessId)),
  ]);
  const userIds = accounts.map((u) => u.id);
  const ids = (xs: number[]) =>
    xs.length
      ? sql.join(
          xs.map((x) => sql`${String(x)}`),
          sql`, `,
        )
      : sql`NULL`;
  const nums = (xs: number[]) =>
    xs.length
      ? sql.join(
          xs.map((x) => sql`${x}`),
          sql`, `,
        )
      : sql`NULL`;
  const subject = sql`(${auditLog.entity} = 'business' AND ${auditLog.entityId} = ${String(businessId)})
    OR (${auditLog.entity} = 'user' AND ${auditLog.entityId} IN (${ids(userIds)}))
    OR (${auditLog.entity} = 'assessment' AND ${auditLog.entityId} IN (${ids(own.map((x) => x.id))}))
    OR (${auditLog.entity} = 'help_request' AND ${auditLog.entityId} IN (${ids(requests.map((x) => x.id))}))`;
  const byErased = sql`${auditLog.actorUserId} IN (${nums(userIds)})`;
  // Inside the batch (one write transaction) the newest erasure event is the one just inserted.
  const pseudonym = sql`(SELECT ${ERASED_PREFIX} || max(id) FROM audit_log WHERE action = 'erase_business')`;
  // Failed logins are keyed by the e-mail or phone number typed: those of the erased accounts go too.
  const loginKeys = accounts.flatMap((u) => [u.email, u.phone]).filter((x): x is string => Boolean(x));
  // Counters lose the business in the same atomic batch that erases it.
  await batchWithFacts(db, async () => [
    ...(await factRemovalStatements(db, businessId)),
    db.delete(accountClaims).where(eq(accountClaims.businessId, businessId)),
    db
      .insert(auditLog)
      .values(auditValues({ actorUserId, action: 'erase_business', entity: 'business', entityId: String(businessId) }, now)),
    db
      .update(auditLog)
      .set({
        entityId: sql`CASE WHEN ${subject} THEN ${pseudonym} ELSE ${auditLog.entityId} END`,
        detail: sql`json_object('redacted', json('true'), 'actor', CASE WHEN ${byErased} THEN ${pseudonym} END)`,
        actorUserId: sql`CASE WHEN ${byErased} THEN NULL ELSE ${auditLog.actorUserId} END`,
      })
      .where(sql`${subject} OR ${byErased}`),
    ...(loginKeys.length ? [forgetAccountsStatement(db, loginKeys)] : []),
    // Cascades to users (and their sessions), assessments, answers, consents, marks, help requests, products.
    db.delete(businesses).where(eq(businesses.id, businessId)),
  ]);
  clearIndicatorCaches();
  await publicChanged(db, 'ocop', 'indicators');
}
