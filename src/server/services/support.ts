/**
 * Who to call and success stories (issue 13). Contacts are set by an administrator, one per commune
 * and one for the province; stories are added and published by province staff, and reach a plan only
 * when published with the business's consent (src/domain/recommendations/support.ts).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, successStories, supportContacts, type SuccessStory, type SupportContact } from '#src/db/schema/index.ts';
import { auditValues, communesOfProvince } from '#src/db/queries/accounts.ts';
import type { Profile } from '#src/domain/framework/schema.ts';
import type { PainId } from '#src/domain/recommendations/pains.ts';
import { ContactFormSchema, PROVINCE_SCOPE, StoryFormSchema, storiesForPlan } from '#src/domain/recommendations/support.ts';
import { requireProvinceStaff, requireRole, type Actor } from '#src/server/auth/guards.ts';
import { NotFoundError, ValidationError } from '#src/server/http/errors.ts';
import { formValue, parseWith } from '#src/server/http/forms.ts';

type Form = Record<string, string | string[]>;
const single = (form: Form) => Object.fromEntries(Object.keys(form).map((k) => [k, formValue(form, k)]));

export interface PlanContacts {
  commune: SupportContact | null;
  province: SupportContact | null;
}

/** The commune's community digital team and the Department's contact (either may be unset). */
export async function contactsFor(db: Db, communeCode: string | null | undefined): Promise<PlanContacts> {
  const scopes = [PROVINCE_SCOPE, ...(communeCode ? [communeCode] : [])];
  const rows = await db.select().from(supportContacts).where(inArray(supportContacts.scope, scopes));
  return {
    commune: rows.find((r) => r.scope === communeCode) ?? null,
    province: rows.find((r) => r.scope === PROVINCE_SCOPE) ?? null,
  };
}

export async function contactsOverview(db: Db, actor: Actor | null, provinceCode: string) {
  requireRole(actor, 'admin');
  const [communes, contacts] = await Promise.all([
    communesOfProvince(db, provinceCode),
    db.select().from(supportContacts).orderBy(asc(supportContacts.scope)),
  ]);
  return { communes, contacts };
}

export async function saveContact(db: Db, actor: Actor | null, form: Form, ctx: { provinceCode: string; now: Date }): Promise<void> {
  const admin = requireRole(actor, 'admin');
  const c = parseWith(ContactFormSchema, single(form));
  if (c.scope !== PROVINCE_SCOPE && !(await communesOfProvince(db, ctx.provinceCode)).some((x) => x.code === c.scope)) {
    throw new ValidationError([{ path: ['scope'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  }
  const values = {
    name: c.name,
    phone: c.phone ?? null,
    email: c.email ?? null,
    note: c.note ?? null,
    updatedBy: admin.id,
    updatedAt: ctx.now,
  };
  await db.batch([
    db
      .insert(supportContacts)
      .values({ scope: c.scope, ...values })
      .onConflictDoUpdate({ target: supportContacts.scope, set: values }),
    db
      .insert(auditLog)
      .values(
        auditValues(
          { actorUserId: admin.id, action: 'set_support_contact', entity: 'support_contact', entityId: c.scope, detail: c },
          ctx.now,
        ),
      ),
  ]);
}

export async function storiesOverview(db: Db, actor: Actor | null): Promise<SuccessStory[]> {
  requireProvinceStaff(actor);
  return db.select().from(successStories).orderBy(desc(successStories.id));
}

/** Adds a story as a draft: publishing is a separate, deliberate step. */
export async function addStory(db: Db, actor: Actor | null, form: Form, now: Date): Promise<void> {
  const staff = requireProvinceStaff(actor);
  // Platforms come as one "id|id" field (like the catalog form's lists).
  const platforms = (formValue(form, 'platforms') ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
  const s = parseWith(StoryFormSchema, { ...single(form), pains: form.pains, platforms });
  await db.batch([
    db.insert(successStories).values({
      title: s.title,
      sector: s.sector,
      sizeClass: s.sizeClass ?? null,
      producerType: s.producerType ?? null,
      pains: s.pains,
      platforms: s.platforms,
      before: s.before,
      after: s.after,
      sourceUrl: s.sourceUrl,
      storyDate: s.storyDate,
      consent: s.consent,
      status: 'draft',
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    }),
    db
      .insert(auditLog)
      .values(
        auditValues(
          { actorUserId: staff.id, action: 'add_story', entity: 'success_story', entityId: s.title, detail: { sourceUrl: s.sourceUrl } },
          now,
        ),
      ),
  ]);
}

export const NO_CONSENT_MESSAGE =
  'Chưa có sự đồng ý của doanh nghiệp: không thể đăng câu chuyện này / The business has not consented: this story cannot be published';

/** Publishes or withdraws a story; a story without the business's consent is never published. */
export async function setStoryStatus(db: Db, actor: Actor | null, form: Form, now: Date): Promise<void> {
  const staff = requireProvinceStaff(actor);
  const id = Number(formValue(form, 'id'));
  const status = formValue(form, 'status');
  if (!Number.isInteger(id) || id <= 0 || (status !== 'published' && status !== 'draft')) {
    throw new ValidationError([{ path: ['status'], message: 'Thao tác không hợp lệ / Unknown action' }]);
  }
  const [story] = await db.select().from(successStories).where(eq(successStories.id, id));
  if (!story) throw new NotFoundError();
  if (status === 'published' && !story.consent) throw new ValidationError([{ path: ['status'], message: NO_CONSENT_MESSAGE }]);
  await db.batch([
    db
      .update(successStories)
      .set({ status, updatedAt: now })
      .where(and(eq(successStories.id, id), status === 'published' ? eq(successStories.consent, true) : undefined)),
    db
      .insert(auditLog)
      .values(
        auditValues({ actorUserId: staff.id, action: `story_${status}`, entity: 'success_story', entityId: String(id), detail: null }, now),
      ),
  ]);
}

/** Stories for a plan: published, consented, same sector, matched by pain (at most two). */
export async function storiesFor(db: Db, profile: Profile | null, pains: readonly PainId[]): Promise<SuccessStory[]> {
  if (!profile) return [];
  const rows = await db
    .select()
    .from(successStories)
    .where(and(eq(successStories.sector, profile.sector), eq(successStories.status, 'published'), eq(successStories.consent, true)))
    .orderBy(desc(successStories.id));
  return storiesForPlan(rows, profile, pains);
}
