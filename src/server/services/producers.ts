import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  accountClaims,
  auditLog,
  businesses,
  communes,
  consents,
  ocopProducts,
  productChecklist,
  productListings,
  users,
  type OcopProduct,
} from '#src/db/schema/index.ts';
import { auditValues, communeInProvince, whereInScope, type BusinessWithLocation } from '#src/db/queries/accounts.ts';
import { OcopProducerSchema, makeOcopProductSchema, vietnamYear } from '#src/domain/ocop/schema.ts';
import { CONSENT_PURPOSES, ConsentRecordSchema } from '#src/domain/ocop/consent.ts';
import { OCOP_FLOORS } from '#src/content/ocop/floors.ts';
import {
  COMMON_CHECKLIST,
  floorProgress,
  floorsForProduct,
  requirementsFor,
  splitChecklist,
  validateTransition,
  type ListingStatus,
} from '#src/domain/ocop/floors.ts';
import { claimCodeSecret } from '#src/server/config/secrets.ts';
import {
  checkClaim,
  claimCodeExpiresAt,
  CLAIM_CHECK_MESSAGES,
  generateClaimCode,
  hashClaimCode,
  normaliseClaimCode,
} from '#src/domain/ocop/claim.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { parsePhone } from '#src/domain/identity/phone.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '#src/server/http/errors.ts';
import { formValue } from '#src/server/http/forms.ts';
import { canChooseCommune, COMMUNE_OUT_OF_SCOPE, requireRole, type Actor } from '#src/server/auth/guards.ts';
import { canEditBusiness, scopeOf } from '#src/domain/access.ts';
import { hashPassword, PasswordSchema } from '#src/server/auth/password.ts';
import { createSession, generateSessionToken } from '#src/server/auth/session.ts';
import { provincialFloorDomain } from '#src/server/config/env.ts';
import { claimSucceeded, reserveClaimAttempt } from '#src/server/auth/throttle.ts';
import { clearIndicatorCaches } from './indicators.ts';
import { publicChanged } from './changes.ts';
import { issuesFromZod } from '#src/domain/issues.ts';
import { parseWith } from '#src/server/http/forms.ts';

type Form = Record<string, string | string[]>;

export function requireEditor(actor: Actor, business: BusinessWithLocation): void {
  if (!canEditBusiness(actor, business)) throw new ForbiddenError();
}

/**
 * A community digital team member registers a producer on their behalf, after recording consent
 * (who consented, how, for which purposes). Helpers only register in their own commune.
 */
export async function registerProducer(db: Db, actor: Actor | null, form: Form, ctx: { provinceCode: string; now: Date }): Promise<number> {
  const staff = requireRole(actor, 'helper', 'admin');
  const producer = OcopProducerSchema.safeParse({
    displayName: formValue(form, 'displayName'),
    producerType: formValue(form, 'producerType'),
    phone: formValue(form, 'phone'),
    taxCode: formValue(form, 'taxCode'),
    communeCode: staff.role === 'helper' ? (staff.scopeCommuneCode ?? '') : formValue(form, 'communeCode'),
    businessName: formValue(form, 'businessName'),
  });
  const consent = ConsentRecordSchema.safeParse({
    consentedBy: formValue(form, 'consentedBy'),
    relation: formValue(form, 'relation'),
    method: formValue(form, 'method'),
    purposes: {
      processing: formValue(form, 'consent_processing'),
      share_province: formValue(form, 'consent_share_province'),
      share_vendors: formValue(form, 'consent_share_vendors'),
      publish_products: formValue(form, 'consent_publish_products'),
    },
    recordedAt: ctx.now,
  });
  const issues = [
    ...(producer.success ? [] : issuesFromZod(producer.error)),
    ...(consent.success ? [] : issuesFromZod(consent.error, ['consent'])),
  ];
  if (!producer.success || !consent.success) throw new ValidationError(issues);
  const p = producer.data;
  const commune = await communeInProvince(db, p.communeCode, ctx.provinceCode);
  if (!commune) throw new ValidationError([{ path: ['communeCode'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  if (!canChooseCommune(staff, commune)) throw new ValidationError([{ path: ['communeCode'], message: COMMUNE_OUT_OF_SCOPE }]);
  const [samePhone] = await db
    .select({ id: businesses.id })
    .from(businesses)
    .where(and(eq(businesses.contactPhone, p.phone), eq(businesses.communeCode, p.communeCode)))
    .limit(1);
  if (samePhone)
    throw new ConflictError('Số điện thoại này đã đăng ký ở xã/phường này / This phone number is already registered in this commune', [
      {
        path: ['phone'],
        message: 'Số điện thoại này đã đăng ký ở xã/phường này / This phone number is already registered in this commune',
      },
    ]);
  if (p.taxCode) {
    const [sameTax] = await db.select({ id: businesses.id }).from(businesses).where(eq(businesses.taxCode, p.taxCode)).limit(1);
    if (sameTax)
      throw new ConflictError('Mã số thuế này đã được đăng ký / This tax code is already registered', [
        { path: ['taxCode'], message: 'Mã số thuế này đã được đăng ký / This tax code is already registered' },
      ]);
  }
  const name = p.businessName ?? p.displayName;
  const c = consent.data;
  const granted = CONSENT_PURPOSES.filter((k) => c.purposes[k]);
  const id = await db.transaction(async (tx) => {
    const [biz] = await tx
      .insert(businesses)
      .values({
        taxCode: p.taxCode ?? null,
        name,
        nameSearch: toSearchKey(name),
        producerType: p.producerType,
        communeCode: p.communeCode,
        contactPhone: p.phone,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: businesses.id });
    await tx.insert(consents).values(
      granted.map((purpose) => ({
        businessId: biz!.id,
        purpose,
        method: c.method,
        recordedBy: staff.id,
        consentedByName: c.consentedBy,
        relation: c.relation,
        grantedAt: ctx.now,
      })),
    );
    clearIndicatorCaches();
    await tx.insert(auditLog).values(
      auditValues(
        {
          actorUserId: staff.id,
          action: 'register_producer',
          entity: 'business',
          entityId: String(biz!.id),
          detail: { consent: { by: c.consentedBy, relation: c.relation, method: c.method, purposes: granted } },
        },
        ctx.now,
      ),
    );
    return biz!.id;
  });
  // After the commit: the bump is another connection's write, which the open transaction would block.
  await publicChanged(db, 'ocop', 'indicators');
  return id;
}

export async function productsOf(db: Db, businessId: number): Promise<OcopProduct[]> {
  return db.select().from(ocopProducts).where(eq(ocopProducts.businessId, businessId)).orderBy(asc(ocopProducts.id));
}

export async function productOf(db: Db, business: BusinessWithLocation, productId: number): Promise<OcopProduct> {
  if (!Number.isSafeInteger(productId)) throw new NotFoundError();
  const [p] = await db.select().from(ocopProducts).where(eq(ocopProducts.id, productId)).limit(1);
  // A product of another business is "not found", whatever its id.
  if (!p || p.businessId !== business.id) throw new NotFoundError();
  return p;
}

function productValues(form: Form, now: Date) {
  return parseWith(makeOcopProductSchema(vietnamYear(now)), {
    name: formValue(form, 'name'),
    group: formValue(form, 'group'),
    stars: formValue(form, 'stars'),
    certificateNo: formValue(form, 'certificateNo'),
    certificateYear: formValue(form, 'certificateYear'),
    communeCode: formValue(form, 'communeCode'),
    description: formValue(form, 'description') || undefined,
    price: formValue(form, 'price'),
    priceUnit: formValue(form, 'priceUnit'),
  });
}

/** The commune must be in the province and, for staff, inside their scope. */
async function assertCommuneAllowed(db: Db, actor: Actor, code: string, provinceCode: string) {
  const c = await communeInProvince(db, code, provinceCode);
  if (!c) throw new ValidationError([{ path: ['communeCode'], message: 'Xã/phường không thuộc tỉnh / Commune not in the province' }]);
  if (!canChooseCommune(actor, c)) throw new ValidationError([{ path: ['communeCode'], message: COMMUNE_OUT_OF_SCOPE }]);
}

export async function saveProduct(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  productId: number | null,
  form: Form,
  now: Date,
): Promise<number> {
  requireEditor(actor, business);
  const v = productValues(form, now);
  await assertCommuneAllowed(db, actor, v.communeCode, business.provinceCode);
  const values = {
    name: v.name,
    nameSearch: toSearchKey(v.name),
    productGroup: v.group,
    stars: v.stars,
    certificateNo: v.certificateNo,
    certificateYear: v.certificateYear,
    communeCode: v.communeCode,
    description: v.description ?? null,
    priceVnd: v.price ?? null,
    priceUnit: v.priceUnit ?? null,
    updatedAt: now,
  };
  if (productId === null) {
    const [row] = await db
      .insert(ocopProducts)
      .values({ ...values, businessId: business.id, createdBy: actor.id, createdAt: now })
      .returning({ id: ocopProducts.id });
    await db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actor.id,
          action: 'product_create',
          entity: 'business',
          entityId: String(business.id),
          detail: { productId: row!.id, after: values },
        },
        now,
      ),
    );
    await publicChanged(db, 'ocop', 'indicators');
    return row!.id;
  }
  const before = await productOf(db, business, productId);
  await db.batch([
    db.update(ocopProducts).set(values).where(eq(ocopProducts.id, productId)),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actor.id,
          action: 'product_update',
          entity: 'business',
          entityId: String(business.id),
          detail: { productId, before: { ...before, nameSearch: undefined }, after: values },
        },
        now,
      ),
    ),
  ]);
  await publicChanged(db, 'ocop', 'indicators');
  return productId;
}

export function floorsFor(product: OcopProduct) {
  return floorsForProduct({ group: product.productGroup as never }, OCOP_FLOORS);
}

/**
 * A product's listing state: the checklist items every floor asks for (ticked once, for all floors), and per
 * floor its own extra items, progress, current status and history.
 */
export async function productFloorState(db: Db, product: OcopProduct, producerType: string, revenueVnd?: number | null) {
  const [ticks, listings] = await Promise.all([
    db.select().from(productChecklist).where(eq(productChecklist.productId, product.id)),
    db.select().from(productListings).where(eq(productListings.productId, product.id)).orderBy(asc(productListings.id)),
  ]);
  const group = { group: product.productGroup as never };
  const floors = floorsFor(product);
  const { common, extras } = splitChecklist(floors, group, producerType as never, { revenueVnd });
  // A common item ticked on one floor before the checklist was shared still counts as prepared.
  const commonTicked = [...new Set(ticks.filter((t) => common.includes(t.itemId as never)).map((t) => t.itemId))];
  const shared = commonTicked.map((itemId) => ({ floorId: COMMON_CHECKLIST, itemId }));
  return {
    common,
    commonTicked,
    floors: floors.map((floor) => {
      const requirements = requirementsFor(floor, group, producerType as never, { revenueVnd });
      const own = extras.get(floor.id) ?? [];
      const history = listings.filter((l) => l.floorId === floor.id);
      const current = history.at(-1);
      return {
        floor,
        requirements,
        extras: own,
        ticked: ticks.filter((t) => t.floorId === floor.id && own.includes(t.itemId as never)).map((t) => t.itemId),
        progress: floorProgress(requirements, [...shared, ...ticks.filter((t) => t.floorId === floor.id)], floor.id),
        status: (current?.status ?? 'not_listed') as ListingStatus,
        url: current?.url ?? null,
        history,
      };
    }),
  };
}

const itemsOf = (form: Form): string[] => {
  const raw = form.items;
  return Array.isArray(raw) ? raw : raw ? [raw] : [];
};

function checklistStatements(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  scope: string,
  allowed: readonly string[],
  picked: readonly string[],
  now: Date,
) {
  const items = [...new Set(picked.filter((i) => allowed.includes(i)))];
  const inScope = allowed.length ? inArray(productChecklist.itemId, [...allowed]) : sql`0`;
  return [
    // Common items: their rows on single floors (from before the checklist was shared) go too, so unticking works.
    db
      .delete(productChecklist)
      .where(
        and(
          eq(productChecklist.productId, product.id),
          scope === COMMON_CHECKLIST ? inScope : and(eq(productChecklist.floorId, scope), inScope),
        ),
      ),
    ...items.map((itemId) =>
      db.insert(productChecklist).values({ productId: product.id, floorId: scope, itemId, updatedBy: actor.id, updatedAt: now }),
    ),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actor.id,
          action: 'product_checklist',
          entity: 'business',
          entityId: String(business.id),
          detail: { productId: product.id, floorId: scope, items },
        },
        now,
      ),
    ),
  ] as const;
}

/** The product's checklist split into common items and each floor's own, for this seller. */
function checklistOf(product: OcopProduct, business: BusinessWithLocation) {
  return splitChecklist(floorsFor(product), { group: product.productGroup as never }, business.producerType as never, {
    revenueVnd: business.revenueVnd,
  });
}

/**
 * Saves the common checklist (`floorId` = COMMON_CHECKLIST, the items every floor asks for) or one floor's own
 * items. Items outside that scope are ignored.
 */
export async function saveChecklist(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  floorId: string,
  form: Form,
  now: Date,
): Promise<void> {
  requireEditor(actor, business);
  const { common, extras } = checklistOf(product, business);
  const allowed = floorId === COMMON_CHECKLIST ? common : extras.get(floorId);
  if (!allowed) throw new NotFoundError();
  const [first, ...rest] = checklistStatements(db, actor, business, product, floorId, allowed, itemsOf(form), now);
  await db.batch([first, ...rest]);
}

/**
 * One floor's form: its own checklist items, its status and link, checked first and written together, so a
 * refused link saves nothing of the form.
 */
export async function saveFloor(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  floorId: string,
  form: Form,
  now: Date,
): Promise<void> {
  requireEditor(actor, business);
  const floor = floorsFor(product).find((f) => f.id === floorId);
  if (!floor) throw new NotFoundError();
  const { extras } = checklistOf(product, business);
  const listing = await listingChange(db, product, floor, form);
  const checklist = checklistStatements(db, actor, business, product, floorId, extras.get(floorId) ?? [], itemsOf(form), now);
  const [first, ...rest] = [
    ...checklist,
    ...(listing.changed ? listingStatements(db, actor, business, product, floorId, listing, now) : []),
  ];
  await db.batch([first, ...rest]);
  if (listing.changed) await publicChanged(db, 'ocop', 'indicators');
}

/** The listing change a form asks for, validated (the link must be a product page on that floor). */
async function listingChange(db: Db, product: OcopProduct, floor: ReturnType<typeof floorsFor>[number], form: Form) {
  const [current] = await db
    .select()
    .from(productListings)
    .where(and(eq(productListings.productId, product.id), eq(productListings.floorId, floor.id)))
    .orderBy(desc(productListings.id))
    .limit(1);
  const from = (current?.status ?? 'not_listed') as ListingStatus;
  const to = (formValue(form, 'status') ?? from) as ListingStatus;
  const result = validateTransition({
    from,
    to,
    url: formValue(form, 'url') ?? null,
    floor,
    provincialDomain: provincialFloorDomain(),
  });
  if (!result.ok) throw new ValidationError([{ path: ['url'], message: result.message }], result.message);
  const url = result.url ?? null;
  return { to, url, changed: to !== from || url !== (current?.url ?? null) };
}

function listingStatements(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  floorId: string,
  change: { to: ListingStatus; url: string | null },
  now: Date,
) {
  return [
    db
      .insert(productListings)
      .values({ productId: product.id, floorId, status: change.to, url: change.url, changedBy: actor.id, changedAt: now }),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actor.id,
          action: 'listing_status',
          entity: 'business',
          entityId: String(business.id),
          detail: { productId: product.id, floorId, status: change.to, url: change.url },
        },
        now,
      ),
    ),
  ] as const;
}

export async function setListingStatus(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  floorId: string,
  form: Form,
  now: Date,
): Promise<void> {
  requireEditor(actor, business);
  const floor = floorsFor(product).find((f) => f.id === floorId);
  if (!floor) throw new NotFoundError();
  const change = await listingChange(db, product, floor, form);
  await db.batch(listingStatements(db, actor, business, product, floorId, change, now));
  await publicChanged(db, 'ocop', 'indicators');
}

export async function hasAccount(db: Db, businessId: number): Promise<boolean> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.businessId, businessId)).limit(1);
  return Boolean(u);
}

/** A one-time code for the producer to take over the account; shown once, only its hash is kept. */
export async function issueClaimCode(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  requireEditor(actor, business);
  if (actor.role === 'business') throw new ForbiddenError();
  if (await hasAccount(db, business.id)) throw new ConflictError('Cơ sở này đã có tài khoản / This producer already has an account');
  if (!business.contactPhone)
    throw new ValidationError([
      { path: ['phone'], message: 'Cần số điện thoại của cơ sở để nhận tài khoản / A phone number is needed to claim the account' },
    ]);
  const code = generateClaimCode((n) => crypto.getRandomValues(new Uint8Array(n)));
  const expiresAt = claimCodeExpiresAt(now);
  const secret = await claimCodeSecret(db);
  await db.batch([
    // A new code replaces any earlier unused one.
    db
      .update(accountClaims)
      .set({ usedAt: now })
      .where(and(eq(accountClaims.businessId, business.id), isNull(accountClaims.usedAt))),
    db.insert(accountClaims).values({
      businessId: business.id,
      codeHash: hashClaimCode(normaliseClaimCode(code)!, secret),
      expiresAt,
      createdBy: actor.id,
      createdAt: now,
    }),
    db
      .insert(auditLog)
      .values(auditValues({ actorUserId: actor.id, action: 'claim_code_issued', entity: 'business', entityId: String(business.id) }, now)),
  ]);
  return { code, expiresAt };
}

/** The producer types the phone number and the code, chooses a password, and is logged in. */
export async function claimAccount(
  db: Db,
  form: Form,
  ctx: { ip: string; now: Date },
): Promise<{ token: string; expiresAt: Date; businessId: number }> {
  const phone = parsePhone(formValue(form, 'phone') ?? '');
  const password = PasswordSchema.safeParse(formValue(form, 'password'));
  const issues: FieldIssue[] = [];
  if (!phone.ok) issues.push({ path: ['phone'], message: 'Số điện thoại không hợp lệ / Invalid phone number' });
  if (!password.success) issues.push({ path: ['password'], message: password.error.issues[0]!.message });
  const code = normaliseClaimCode(formValue(form, 'code'));
  if (!code) issues.push({ path: ['code'], message: CLAIM_CHECK_MESSAGES.wrong });
  if (issues.length || !phone.ok || !password.success || !code) throw new ValidationError(issues);
  // Counted before the code is checked, in one atomic step, so parallel guesses cannot overrun it.
  await reserveClaimAttempt(db, ctx.ip, ctx.now);
  const secret = await claimCodeSecret(db);
  const [claim] = await db
    .select({ claim: accountClaims, phone: businesses.contactPhone })
    .from(accountClaims)
    .innerJoin(businesses, eq(businesses.id, accountClaims.businessId))
    .where(eq(accountClaims.codeHash, hashClaimCode(code, secret)))
    .limit(1);
  const outcome =
    claim && claim.phone === phone.value
      ? checkClaim({
          storedHash: claim.claim.codeHash,
          expiresAt: claim.claim.expiresAt,
          usedAt: claim.claim.usedAt,
          now: ctx.now,
          input: code,
          secret,
        })
      : 'wrong';
  if (outcome !== 'ok') {
    throw new ValidationError([{ path: ['code'], message: CLAIM_CHECK_MESSAGES[outcome] }], CLAIM_CHECK_MESSAGES[outcome]);
  }
  const businessId = claim!.claim.businessId;
  const [biz] = await db.select().from(businesses).where(eq(businesses.id, businessId)).limit(1);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone.value)).limit(1);
  if (existing)
    throw new ConflictError('Số điện thoại này đã có tài khoản; hãy đăng nhập / This phone number already has an account; please log in', [
      { path: ['phone'], message: 'Số điện thoại này đã có tài khoản / This phone number already has an account' },
    ]);
  const passwordHash = await hashPassword(password.data);
  const userId = await db.transaction(async (tx) => {
    // Single use, even under a race: only the request that flips used_at from NULL proceeds.
    const used = await tx
      .update(accountClaims)
      .set({ usedAt: ctx.now })
      .where(and(eq(accountClaims.id, claim!.claim.id), isNull(accountClaims.usedAt)))
      .returning({ id: accountClaims.id });
    if (used.length === 0) throw new ValidationError([{ path: ['code'], message: CLAIM_CHECK_MESSAGES.used }], CLAIM_CHECK_MESSAGES.used);
    const [u] = await tx
      .insert(users)
      .values({ role: 'business', phone: phone.value, displayName: biz!.name, passwordHash, businessId, createdAt: ctx.now })
      .returning({ id: users.id });
    await tx
      .insert(auditLog)
      .values(auditValues({ actorUserId: u!.id, action: 'account_claimed', entity: 'business', entityId: String(businessId) }, ctx.now));
    return u!.id;
  });
  await claimSucceeded(db, ctx.ip);
  const token = generateSessionToken();
  const session = await createSession(db, token, userId, ctx.now);
  return { token, expiresAt: session.expiresAt, businessId };
}

/** Who changed what, for a producer: answers (any assessment) and product and account events. */
export async function businessHistory(db: Db, businessId: number) {
  const answerRows = await db.all<{
    at: number;
    actor: string | null;
    role: string | null;
    question: string;
    value: string | null;
    seq: number;
    frameworkId: string;
  }>(sql`
    select e.at as at, u.display_name as actor, u.role as role, e.question_id as question, e.value as value, a.sequence as seq,
      a.framework_id as frameworkId
    from answer_events e join assessments a on a.id = e.assessment_id left join users u on u.id = e.actor_user_id
    where a.business_id = ${businessId} order by e.at desc, e.id desc limit 2000`);
  const auditRows = await db.all<{ at: number; actor: string | null; role: string | null; action: string; detail: string | null }>(sql`
    select l.at as at, u.display_name as actor, u.role as role, l.action as action, l.detail as detail
    from audit_log l left join users u on u.id = l.actor_user_id
    where l.entity = 'business' and l.entity_id = ${String(businessId)} order by l.at desc, l.id desc limit 300`);
  return { answers: answerRows, events: auditRows };
}

export async function producersInScope(db: Db, actor: Actor) {
  const staff = requireRole(actor, 'helper', 'officer', 'admin');
  return db
    .select({
      id: businesses.id,
      name: businesses.name,
      producerType: businesses.producerType,
      phone: businesses.contactPhone,
      communeName: communes.name,
      isDemo: businesses.isDemo,
    })
    .from(businesses)
    .innerJoin(communes, eq(communes.code, businesses.communeCode))
    .where(whereInScope(scopeOf(staff), inArray(businesses.producerType, ['cooperative', 'cooperative_group', 'household'])))
    .orderBy(asc(businesses.nameSearch))
    .limit(500);
}
