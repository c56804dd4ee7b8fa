import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { businesses, consents, users, auditLog } from '#src/db/schema/index.ts';
import { auditValues, businessByTaxCode, communeInProvince, findUserByLogin, findUserById } from '#src/db/queries/accounts.ts';
import { parseTaxCode, TAX_CODE_MESSAGES } from '#src/domain/identity/tax-code.ts';
import { parsePhone, PHONE_MESSAGES } from '#src/domain/identity/phone.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { BUSINESS_NAME_MAX, freeText } from '#src/domain/text.ts';
import { ConflictError, ForbiddenError, ValidationError, type FieldIssue } from '#src/server/http/errors.ts';
import { getDummyHash, hashPassword, PasswordSchema, verifyPassword } from '#src/server/auth/password.ts';
import { liftAccount, liftIp, loginFailed, loginSucceeded, reserveLoginAttempt, reserveRegistration } from '#src/server/auth/throttle.ts';
import { conflictOnUnique } from '#src/server/http/db-errors.ts';
import { createSession, generateSessionToken, invalidateUserSessions } from '#src/server/auth/session.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { clearIndicatorCaches } from './indicators.ts';
import { parseWith } from '#src/server/http/forms.ts';
import { issuesFromZod } from '#src/domain/issues.ts';
import { publicChanged } from './changes.ts';

const both = (t: { vi: string; en: string }) => `${t.vi} / ${t.en}`;

/** "Email or phone" in one field: people on phones often have no email. */
export type LoginId = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export function parseLoginId(input: string): LoginId | { error: string } {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const ok = z.email().safeParse(trimmed.toLowerCase());
    return ok.success ? { kind: 'email', value: ok.data } : { error: 'Địa chỉ email không hợp lệ / Invalid email address' };
  }
  const phone = parsePhone(trimmed);
  return phone.ok ? { kind: 'phone', value: phone.value } : { error: both(PHONE_MESSAGES[phone.reason]) };
}

// Business and person names: the shared free-text rule (a NUL or a right-to-left override would
// make the name render blank or reversed, and never match a search).
const NameSchema = freeText({
  label: { vi: 'tên', en: 'name' },
  min: 2,
  max: BUSINESS_NAME_MAX,
  messages: {
    required: 'Vui lòng nhập tên / Please enter a name',
    min: 'Tên cần ít nhất 2 ký tự / Name needs at least 2 characters',
    max: 'Tên tối đa 200 ký tự / Name is at most 200 characters',
  },
});

const RegisterSchema = z.object({
  taxCode: z.string({ error: 'Vui lòng nhập mã số thuế / Please enter the tax code' }).max(40),
  name: NameSchema,
  communeCode: z
    .string({ error: 'Vui lòng chọn xã/phường / Please choose a commune or ward' })
    .regex(/^\d{5}$/, 'Vui lòng chọn xã/phường / Please choose a commune or ward'),
  login: z.string({ error: 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number' }).max(200),
  password: PasswordSchema,
  consent: z.literal('yes', { error: 'Bạn cần đồng ý để tiếp tục / You need to agree to continue' }),
});

function issue(path: string, message: string): FieldIssue {
  return { path: [path], message };
}

export type RegisterResult = { userId: number; businessId: number; token: string; expiresAt: Date };

/**
 * One answer whether the tax code or the e-mail/phone is taken, so the form cannot be used to
 * test which one is registered; it also shows an honest owner the way forward (log in, or ask
 * for the tax code to be moved to them).
 */
export const REGISTRATION_CONFLICT =
  'Mã số thuế này đã được đăng ký, hoặc email/số điện thoại này đã có tài khoản. Nếu đó là tài khoản của bạn, hãy đăng nhập. Nếu mã số thuế của doanh nghiệp bạn đã bị người khác đăng ký, hãy gửi yêu cầu chuyển quyền quản lý. / This tax code is already registered, or this email/phone number already has an account. If it is yours, log in. If someone else registered your business’s tax code, send a takeover request.';

export function registrationConflict(): ConflictError {
  return new ConflictError(REGISTRATION_CONFLICT);
}

export async function registerBusiness(
  db: Db,
  input: Record<string, unknown>,
  ctx: { provinceCode: string; ip: string; now: Date },
): Promise<RegisterResult> {
  // Every field is checked in one round: the schema's problems and the tax code, login and commune
  // checks together, so a person never fixes one error only to be shown the next.
  const parsed = RegisterSchema.safeParse(input);
  const issues: FieldIssue[] = parsed.success ? [] : issuesFromZod(parsed.error);
  const flagged = (field: string) => issues.some((i) => i.path[0] === field);
  const raw = (field: string): string | undefined => {
    const v = (input as Record<string, unknown>)[field];
    return typeof v === 'string' ? v : undefined;
  };
  const tax = flagged('taxCode') ? null : parseTaxCode(raw('taxCode') ?? '');
  if (tax && !tax.ok) issues.push(issue('taxCode', both(TAX_CODE_MESSAGES[tax.reason])));
  const login = flagged('login') ? null : parseLoginId(raw('login') ?? '');
  if (login && 'error' in login) issues.push(issue('login', login.error));
  const password = raw('password') ?? '';
  if (!flagged('password') && tax?.ok && password.replace(/\D/g, '') === tax.value.replace(/\D/g, '') && /^[\d\s-]+$/.test(password)) {
    issues.push(issue('password', 'Mật khẩu không được là mã số thuế / The password must not be the tax code'));
  }
  if (!flagged('communeCode') && !(await communeInProvince(db, raw('communeCode') ?? '', ctx.provinceCode))) {
    issues.push(issue('communeCode', 'Vui lòng chọn xã/phường trong tỉnh / Please choose a commune or ward in the province'));
  }
  if (issues.length || !parsed.success || !tax?.ok || !login || 'error' in login) throw new ValidationError(issues);
  const data = parsed.data;

  // Counted before anything reveals whether the tax code or login is taken.
  await reserveRegistration(db, ctx.ip, ctx.now);
  if ((await businessByTaxCode(db, tax.value)) || (await findUserByLogin(db, login.value))) throw registrationConflict();

  const passwordHash = await hashPassword(data.password);
  const token = generateSessionToken();
  const now = ctx.now;
  const loginColumn = login.kind === 'email' ? users.email : users.phone;
  const businessId = sql`(SELECT ${businesses.id} FROM ${businesses} WHERE ${businesses.taxCode} = ${tax.value})`;
  const userId = sql`(SELECT ${users.id} FROM ${users} WHERE ${loginColumn} = ${login.value})`;
  // One atomic batch (not a transaction: that opens a connection without busy_timeout). A
  // concurrent registration of the same tax code or login loses on the unique index here, and
  // the whole batch rolls back.
  const [[biz], [user]] = await conflictOnUnique(
    () =>
      db.batch([
        db
          .insert(businesses)
          .values({
            taxCode: tax.value,
            name: data.name.normalize('NFC'),
            nameSearch: toSearchKey(data.name),
            communeCode: data.communeCode,
            producerType: 'enterprise',
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: businesses.id }),
        db
          .insert(users)
          .values({
            role: 'business',
            email: login.kind === 'email' ? login.value : null,
            phone: login.kind === 'phone' ? login.value : null,
            displayName: data.name.normalize('NFC'),
            passwordHash,
            businessId,
            createdAt: now,
          })
          .returning({ id: users.id }),
        db.insert(consents).values({ userId, businessId, purpose: 'processing', method: 'online_form', grantedAt: now }),
        db.insert(auditLog).values({
          ...auditValues({ actorUserId: null, action: 'register', entity: 'business' }, now),
          actorUserId: userId,
          entityId: sql`CAST(${businessId} AS TEXT)`,
        }),
      ]),
    registrationConflict,
  );
  const result = { userId: user!.id, businessId: biz!.id };
  clearIndicatorCaches();
  await publicChanged(db, 'indicators');
  const session = await createSession(db, token, result.userId, now);
  return { ...result, token, expiresAt: session.expiresAt };
}

const LoginSchema = z.object({
  login: z
    .string({ error: 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number' })
    .trim()
    .min(1, 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number')
    .max(200),
  password: z
    .string({ error: 'Vui lòng nhập mật khẩu / Please enter a password' })
    .min(1, 'Vui lòng nhập mật khẩu / Please enter a password')
    .max(1000),
});

export const BAD_CREDENTIALS = 'Email/số điện thoại hoặc mật khẩu không đúng / Wrong email/phone number or password';

export async function logIn(
  db: Db,
  input: Record<string, unknown>,
  ctx: { ip: string; now: Date },
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const data = parseWith(LoginSchema, input);
  const id = parseLoginId(data.login);
  const normalised = 'error' in id ? data.login.trim().toLowerCase() : id.value;
  // Check and count in one step; the password is only verified when this lets the try through.
  await reserveLoginAttempt(db, normalised, ctx.ip, ctx.now);
  const user = 'error' in id ? undefined : await findUserByLogin(db, id.value);
  // Verify against a dummy hash for unknown accounts so response time does not reveal which exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), data.password);
  if (!user || !ok || user.disabledAt) {
    await loginFailed(db, normalised, ctx.ip, new Date());
    throw new ValidationError([{ path: ['password'], message: BAD_CREDENTIALS }], BAD_CREDENTIALS);
  }
  await loginSucceeded(db, normalised, ctx.ip, ctx.now);
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id, ctx.now);
  return { token, expiresAt: session.expiresAt, userId: user.id };
}

const ChangePasswordSchema = z.object({
  current: z
    .string({ error: 'Vui lòng nhập mật khẩu hiện tại / Please enter your current password' })
    .min(1, 'Vui lòng nhập mật khẩu hiện tại / Please enter your current password')
    .max(1000),
  next: PasswordSchema,
});

/** Changes the password and ends every other session of the user; returns a fresh session. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const data = parseWith(ChangePasswordSchema, input);
  const user = await findUserById(db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, data.current))) {
    throw new ValidationError([{ path: ['current'], message: 'Mật khẩu hiện tại không đúng / Current password is wrong' }]);
  }
  if (data.next === data.current) {
    throw new ValidationError([
      { path: ['next'], message: 'Mật khẩu mới phải khác mật khẩu cũ / The new password must differ from the old one' },
    ]);
  }
  if (user.businessId) {
    const [biz] = await db.select({ taxCode: businesses.taxCode }).from(businesses).where(eq(businesses.id, user.businessId));
    if (biz?.taxCode && data.next.replace(/\D/g, '') === biz.taxCode.replace(/\D/g, '') && /^[\d\s-]+$/.test(data.next)) {
      throw new ValidationError([{ path: ['next'], message: 'Mật khẩu không được là mã số thuế / The password must not be the tax code' }]);
    }
  }
  const passwordHash = await hashPassword(data.next);
  await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
  await invalidateUserSessions(db, user.id);
  await db
    .insert(auditLog)
    .values(auditValues({ actorUserId: user.id, action: 'change_password', entity: 'user', entityId: String(user.id) }, now));
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id, now);
  return { token, expiresAt: session.expiresAt };
}

const StaffSchema = z.object({
  role: z.enum(['helper', 'officer', 'admin'], { error: 'Vui lòng chọn vai trò / Please choose a role' }),
  displayName: NameSchema,
  login: z.string({ error: 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number' }).max(200),
  password: PasswordSchema,
  communeCode: z.string().optional(),
});

/** An admin creates helper, officer or admin accounts; helpers must have a commune. */
export async function createStaff(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  ctx: { provinceCode: string; now: Date },
): Promise<{ userId: number }> {
  const data = parseWith(StaffSchema, input);
  const issues: FieldIssue[] = [];
  const login = parseLoginId(data.login);
  if ('error' in login) issues.push(issue('login', login.error));
  const communeCode = data.communeCode?.trim() || null;
  if (data.role === 'helper' && !communeCode) {
    issues.push(
      issue('communeCode', 'Thành viên tổ công nghệ số phải gắn với một xã/phường / A community digital team member needs a commune'),
    );
  }
  if (communeCode) {
    if (!(await communeInProvince(db, communeCode, ctx.provinceCode)))
      issues.push(issue('communeCode', 'Xã/phường không hợp lệ / Unknown commune or ward'));
  }
  if (issues.length || 'error' in login) throw new ValidationError(issues);
  if (await findUserByLogin(db, login.value)) {
    throw new ConflictError('Tài khoản đã tồn tại / Account already exists', [
      issue('login', 'Email hoặc số điện thoại này đã có tài khoản / This email or phone number already has an account'),
    ]);
  }
  const passwordHash = await hashPassword(data.password);
  const accountExists = () =>
    new ConflictError('Tài khoản đã tồn tại / Account already exists', [
      issue('login', 'Email hoặc số điện thoại này đã có tài khoản / This email or phone number already has an account'),
    ]);
  const [user] = await conflictOnUnique(
    () =>
      db
        .insert(users)
        .values({
          role: data.role,
          email: login.kind === 'email' ? login.value : null,
          phone: login.kind === 'phone' ? login.value : null,
          displayName: data.displayName.normalize('NFC'),
          passwordHash,
          scopeProvinceCode: ctx.provinceCode,
          scopeCommuneCode: data.role === 'admin' ? null : communeCode,
          createdAt: ctx.now,
          createdBy: actor.id,
        })
        .returning({ id: users.id }),
    accountExists,
  );
  await db.insert(auditLog).values(
    auditValues(
      {
        actorUserId: actor.id,
        action: 'create_staff',
        entity: 'user',
        entityId: String(user!.id),
        detail: { role: data.role, communeCode },
      },
      ctx.now,
    ),
  );
  return { userId: user!.id };
}

const LiftSchema = z.object({
  login: z.string().trim().max(200).optional(),
  // The free-text field on the admin page (its own name, so its id differs from the staff form's).
  liftLogin: z.string().trim().max(200).optional(),
  ip: z
    .string()
    .trim()
    .max(64)
    .regex(/^[0-9A-Za-z:.%_-]*$/, 'Địa chỉ IP không hợp lệ / Invalid IP address')
    .optional(),
});

/**
 * An administrator lifts the login delays of one account (from every IP) or the per-IP limits of
 * one address, e.g. when a person is locked out after a guessing attack from their own network.
 */
export async function liftThrottle(db: Db, actor: Actor, input: Record<string, unknown>, now: Date): Promise<{ cleared: number }> {
  if (actor.role !== 'admin') throw new ForbiddenError();
  const data = parseWith(LiftSchema, input);
  const login = data.login || data.liftLogin;
  if (login) {
    const id = parseLoginId(login);
    const account = 'error' in id ? login.toLowerCase() : id.value;
    const cleared = await liftAccount(db, account);
    const user = 'error' in id ? undefined : await findUserByLogin(db, id.value);
    await db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actor.id,
          action: 'lift_login_throttle',
          entity: 'user',
          entityId: user ? String(user.id) : undefined,
          detail: { cleared },
        },
        now,
      ),
    );
    return { cleared };
  }
  if (data.ip) {
    const cleared = await liftIp(db, data.ip);
    await db
      .insert(auditLog)
      .values(
        auditValues({ actorUserId: actor.id, action: 'lift_ip_throttle', entity: 'ip', entityId: data.ip, detail: { cleared } }, now),
      );
    return { cleared };
  }
  throw new ValidationError([issue('login', 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number')]);
}
