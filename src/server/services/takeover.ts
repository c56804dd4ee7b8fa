import { z } from 'zod';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, businesses, communes, consents, sessions, takeoverRequests, users } from '#src/db/schema/index.ts';
import { auditValues, businessByTaxCode, findUserById } from '#src/db/queries/accounts.ts';
import { parseTaxCode, TAX_CODE_MESSAGES } from '#src/domain/identity/tax-code.ts';
import { freeText, optionalFreeText } from '#src/domain/text.ts';
import { parseLoginId } from './accounts.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '#src/server/http/errors.ts';
import { conflictOnUnique } from '#src/server/http/db-errors.ts';
import { hashPassword, PasswordSchema } from '#src/server/auth/password.ts';
import { createSession, generateSessionToken } from '#src/server/auth/session.ts';
import { reserveRegistration } from '#src/server/auth/throttle.ts';
import { requireProvinceStaff, type Actor } from '#src/server/auth/guards.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { issuesFromZod } from '#src/domain/issues.ts';

// Tax-code takeover: whoever registered a tax code first owns the business record, so an honest
// business whose tax code was taken by someone else asks the Department to move it. The request
// creates the requester's own account; a province officer checks the papers and decides.

const both = (t: { vi: string; en: string }) => `${t.vi} / ${t.en}`;

// Free text follows the shared rule (NFC, no control or bidirectional characters, trimmed, bounded).
const Name = (label: { vi: string; en: string }) => freeText({ label, min: 2, max: 200 });

export const TakeoverRequestSchema = z.object({
  taxCode: z.string({ error: 'Vui lòng nhập mã số thuế / Please enter the tax code' }).max(40),
  businessName: Name({ vi: 'tên doanh nghiệp', en: 'business name' }),
  contactName: Name({ vi: 'họ và tên người liên hệ', en: 'contact person’s name' }),
  note: freeText({
    label: { vi: 'mô tả giấy tờ chứng minh', en: 'description of your evidence' },
    min: 20,
    max: 2000,
    multiline: true,
    messages: {
      required: 'Vui lòng mô tả giấy tờ chứng minh / Please describe your evidence',
      min: 'Vui lòng mô tả giấy tờ chứng minh (ít nhất 20 ký tự): số và ngày cấp giấy chứng nhận đăng ký doanh nghiệp, chức vụ của bạn… / Please describe your evidence (at least 20 characters): registration certificate number and date, your position…',
    },
  }),
  consent: z.literal('yes', { error: 'Bạn cần đồng ý để tiếp tục / You need to agree to continue' }),
});
const RequestSchema = TakeoverRequestSchema;

const NewAccountSchema = z.object({
  login: z.string({ error: 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number' }).max(200),
  password: PasswordSchema,
});

const LOGIN_UNAVAILABLE =
  'Không dùng được email/số điện thoại này cho yêu cầu mới. Nếu bạn đã có tài khoản, hãy đăng nhập rồi gửi yêu cầu. / This email/phone number cannot be used for a new request. If you already have an account, log in first.';

export type FiledRequest = { requestId: number; session: { token: string; expiresAt: Date } | null };

/**
 * Files a takeover request. Without a session it also creates the requester's account (a business
 * account with no business yet) and logs it in, so the requester can follow the decision.
 * Every tax code is accepted (registered or not), so the form cannot test who is registered.
 */
export async function fileTakeoverRequest(
  db: Db,
  actor: Actor | null,
  input: Record<string, unknown>,
  ctx: { ip: string; now: Date },
): Promise<FiledRequest> {
  if (actor && (actor.role !== 'business' || actor.businessId !== null)) {
    throw new ForbiddenError(
      'Tài khoản này đã quản lý một doanh nghiệp; hãy đăng xuất để gửi yêu cầu / This account already manages a business; log out to send a request',
    );
  }
  const issues: FieldIssue[] = [];
  const parsed = RequestSchema.safeParse(input);
  if (!parsed.success) issues.push(...issuesFromZod(parsed.error));
  const tax = parseTaxCode(typeof input.taxCode === 'string' ? input.taxCode : '');
  if (!tax.ok && !issues.some((i) => i.path[0] === 'taxCode'))
    issues.push({ path: ['taxCode'], message: both(TAX_CODE_MESSAGES[tax.reason]) });
  let account: { login: ReturnType<typeof parseLoginId>; password: string } | null = null;
  if (!actor) {
    const acc = NewAccountSchema.safeParse(input);
    if (!acc.success) issues.push(...issuesFromZod(acc.error));
    else {
      const login = parseLoginId(acc.data.login);
      if ('error' in login) issues.push({ path: ['login'], message: login.error });
      account = { login, password: acc.data.password };
    }
  }
  if (issues.length || !parsed.success || !tax.ok) throw new ValidationError(issues);
  const data = parsed.data;
  const now = ctx.now;

  if (actor) {
    const [row] = await db
      .insert(takeoverRequests)
      .values({
        taxCode: tax.value,
        businessName: data.businessName.normalize('NFC'),
        contactName: data.contactName.normalize('NFC'),
        requesterUserId: actor.id,
        note: data.note.normalize('NFC'),
        createdAt: now,
      })
      .returning({ id: takeoverRequests.id });
    await db
      .insert(auditLog)
      .values(
        auditValues({ actorUserId: actor.id, action: 'takeover_request', entity: 'takeover_request', entityId: String(row!.id) }, now),
      );
    return { requestId: row!.id, session: null };
  }

  const login = account!.login;
  if ('error' in login) throw new ValidationError([{ path: ['login'], message: login.error }]);
  // Creating an account: limited per IP like registration.
  await reserveRegistration(db, ctx.ip, now);
  const loginColumn = login.kind === 'email' ? users.email : users.phone;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(loginColumn, login.value)).limit(1);
  if (existing) throw new ConflictError(LOGIN_UNAVAILABLE, [{ path: ['login'], message: LOGIN_UNAVAILABLE }]);
  const passwordHash = await hashPassword(account!.password);
  const userId = sql`(SELECT ${users.id} FROM ${users} WHERE ${loginColumn} = ${login.value})`;
  const requestId = sql`(SELECT max(${takeoverRequests.id}) FROM ${takeoverRequests} WHERE ${takeoverRequests.requesterUserId} = ${userId})`;
  const [[user], [request]] = await conflictOnUnique(
    () =>
      db.batch([
        db
          .insert(users)
          .values({
            role: 'business',
            email: login.kind === 'email' ? login.value : null,
            phone: login.kind === 'phone' ? login.value : null,
            displayName: data.contactName.normalize('NFC'),
            passwordHash,
            createdAt: now,
          })
          .returning({ id: users.id }),
        db
          .insert(takeoverRequests)
          .values({
            taxCode: tax.value,
            businessName: data.businessName.normalize('NFC'),
            contactName: data.contactName.normalize('NFC'),
            requesterUserId: userId,
            note: data.note.normalize('NFC'),
            createdAt: now,
          })
          .returning({ id: takeoverRequests.id }),
        db.insert(consents).values({ userId, purpose: 'processing', method: 'online_form', grantedAt: now }),
        db.insert(auditLog).values({
          ...auditValues({ actorUserId: null, action: 'takeover_request', entity: 'takeover_request' }, now),
          actorUserId: userId,
          entityId: sql`CAST(${requestId} AS TEXT)`,
        }),
      ]),
    () => new ConflictError(LOGIN_UNAVAILABLE, [{ path: ['login'], message: LOGIN_UNAVAILABLE }]),
  );
  const token = generateSessionToken();
  const session = await createSession(db, token, user!.id, now);
  return { requestId: request!.id, session: { token, expiresAt: session.expiresAt } };
}

export async function myTakeoverRequests(db: Db, userId: number) {
  return db
    .select({
      id: takeoverRequests.id,
      taxCode: takeoverRequests.taxCode,
      businessName: takeoverRequests.businessName,
      status: takeoverRequests.status,
      createdAt: takeoverRequests.createdAt,
      decidedAt: takeoverRequests.decidedAt,
      decisionNote: takeoverRequests.decisionNote,
    })
    .from(takeoverRequests)
    .where(eq(takeoverRequests.requesterUserId, userId))
    .orderBy(desc(takeoverRequests.id));
}

export type TakeoverRow = Awaited<ReturnType<typeof listTakeoverRequests>>[number];

/** Requests for the Department, newest first, each with the business that holds the tax code now. */
export async function listTakeoverRequests(db: Db, actor: Actor | null) {
  requireProvinceStaff(actor);
  const requester = sql<
    string | null
  >`(SELECT coalesce(${users.email}, ${users.phone}) FROM ${users} WHERE ${users.id} = ${takeoverRequests.requesterUserId})`;
  const rows = await db
    .select({
      id: takeoverRequests.id,
      taxCode: takeoverRequests.taxCode,
      businessName: takeoverRequests.businessName,
      contactName: takeoverRequests.contactName,
      requesterLogin: requester,
      note: takeoverRequests.note,
      status: takeoverRequests.status,
      createdAt: takeoverRequests.createdAt,
      decidedAt: takeoverRequests.decidedAt,
      decisionNote: takeoverRequests.decisionNote,
      currentBusinessId: businesses.id,
      currentBusinessName: businesses.name,
      currentCommune: communes.name,
    })
    .from(takeoverRequests)
    .leftJoin(businesses, eq(businesses.taxCode, takeoverRequests.taxCode))
    .leftJoin(communes, eq(communes.code, businesses.communeCode))
    .orderBy(sql`${takeoverRequests.status} <> 'pending'`, desc(takeoverRequests.id))
    .limit(200);
  const ids = rows.map((r) => r.currentBusinessId).filter((id): id is number => id !== null);
  const owners = ids.length
    ? await db
        .select({ businessId: users.businessId, login: sql<string>`coalesce(${users.email}, ${users.phone})` })
        .from(users)
        .where(inArray(users.businessId, ids))
    : [];
  return rows.map((r) => ({ ...r, currentOwners: owners.filter((o) => o.businessId === r.currentBusinessId).map((o) => o.login) }));
}

const DecideSchema = z.object({
  intent: z.enum(['approve', 'reject'], { error: 'Thao tác không hợp lệ / Unknown action' }),
  id: z.coerce.number({ error: 'Yêu cầu không hợp lệ / Unknown request' }).int().positive(),
  decisionNote: optionalFreeText({ label: { vi: 'ghi chú', en: 'note' }, max: 1000, multiline: true }),
});

const ALREADY_DECIDED = 'Yêu cầu này đã được xử lý / This request was already decided';

/**
 * Approve: the business moves to the requester's account, the former owners lose it and their
 * sessions end. Every statement of the move runs in one batch and only while the request is
 * still pending, so two officers deciding at once cannot both act.
 */
export async function decideTakeover(
  db: Db,
  actor: Actor | null,
  input: Record<string, unknown>,
  now: Date,
): Promise<{ intent: 'approve' | 'reject'; businessId: number | null }> {
  const officer = requireProvinceStaff(actor);
  const { intent, id, decisionNote } = parseWith(DecideSchema, input);
  const [request] = await db.select().from(takeoverRequests).where(eq(takeoverRequests.id, id)).limit(1);
  if (!request) throw new NotFoundError();
  if (request.status !== 'pending') throw new ConflictError(ALREADY_DECIDED);
  const pending = sql`EXISTS (SELECT 1 FROM ${takeoverRequests} WHERE ${takeoverRequests.id} = ${id} AND ${takeoverRequests.status} = 'pending')`;
  const decide = (status: 'approved' | 'rejected') =>
    db
      .update(takeoverRequests)
      .set({ status, decidedBy: officer.id, decidedAt: now, decisionNote: decisionNote || null })
      .where(and(eq(takeoverRequests.id, id), eq(takeoverRequests.status, 'pending')))
      .returning({ id: takeoverRequests.id });
  const audit = (action: string, entity: string, entityId: string, detail: unknown) =>
    db.run(sql`INSERT INTO ${auditLog} (actor_user_id, action, entity, entity_id, detail, at)
      SELECT ${officer.id}, ${action}, ${entity}, ${entityId}, ${JSON.stringify(detail)}, ${now.getTime()} WHERE ${pending}`);

  if (intent === 'reject') {
    const [, decided] = await db.batch([
      audit('takeover_reject', 'takeover_request', String(id), { taxCode: request.taxCode }),
      decide('rejected'),
    ]);
    if (decided.length === 0) throw new ConflictError(ALREADY_DECIDED);
    return { intent, businessId: null };
  }

  const business = await businessByTaxCode(db, request.taxCode);
  if (!business) {
    throw new ConflictError(
      'Chưa có doanh nghiệp nào đăng ký mã số thuế này; hãy từ chối và hướng dẫn người gửi tự đăng ký / No business has registered this tax code; reject and ask the requester to register',
    );
  }
  const requester = await findUserById(db, request.requesterUserId);
  if (
    !requester ||
    requester.role !== 'business' ||
    requester.disabledAt ||
    (requester.businessId !== null && requester.businessId !== business.id)
  ) {
    throw new ConflictError(
      'Tài khoản người gửi không còn nhận được doanh nghiệp này / The requester’s account can no longer receive this business',
    );
  }
  const formerOwners = (await db.select({ id: users.id }).from(users).where(eq(users.businessId, business.id)))
    .map((u) => u.id)
    .filter((uid) => uid !== requester.id);
  const former = sql`(SELECT ${users.id} FROM ${users} WHERE ${users.businessId} = ${business.id} AND ${users.id} <> ${requester.id})`;
  const [, , , , decided] = await db.batch([
    db.delete(sessions).where(sql`${sessions.userId} IN ${former} AND ${pending}`),
    db
      .update(users)
      .set({ businessId: null })
      .where(sql`${users.businessId} = ${business.id} AND ${users.id} <> ${requester.id} AND ${pending}`),
    db
      .update(users)
      .set({ businessId: business.id })
      .where(and(eq(users.id, requester.id), isNull(users.businessId), pending)),
    audit('takeover_approve', 'business', String(business.id), { requestId: id, fromUserIds: formerOwners, toUserId: requester.id }),
    decide('approved'),
  ]);
  if (decided.length === 0) throw new ConflictError(ALREADY_DECIDED);
  return { intent, businessId: business.id };
}
