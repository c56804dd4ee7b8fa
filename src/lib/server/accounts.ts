import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { businesses, consents, users, auditLog, communes } from '../../db/schema/index.ts';
import {
  auditValues,
  businessByTaxCode,
  communeByCode,
  findUserByLogin,
  findUserById,
} from '../../db/queries/accounts.ts';
import { parseTaxCode, TAX_CODE_MESSAGES } from '../../domain/tax-code.ts';
import { parsePhone, PHONE_MESSAGES } from '../../domain/phone.ts';
import { toSearchKey } from '../../domain/search-key.ts';
import { BUSINESS_NAME_MAX, freeText } from '../../domain/text.ts';
import { ConflictError, ValidationError, type FieldIssue } from './errors.ts';
import { getDummyHash, hashPassword, PasswordSchema, verifyPassword } from './password.ts';
import { accountKey, assertNotThrottled, clearFailures, ipKey, recordFailure } from './throttle.ts';
import { createSession, generateSessionToken, invalidateUserSessions } from './session.ts';
import type { Actor } from './guards.ts';
import { clearIndicatorCaches } from './indicators.ts';

const both = (t: { vi: string; en: string }) => `${t.vi} / ${t.en}`;

/** "Email or phone" in one field: people on phones often have no email. */
export type LoginId = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export function parseLoginId(input: string): LoginId | { error: string } {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const ok = z.email().safeParse(trimmed.toLowerCase());
    return ok.success
      ? { kind: 'email', value: ok.data }
      : { error: 'Địa chỉ email không hợp lệ / Invalid email address' };
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
  communeCode: z.string({ error: 'Vui lòng chọn xã/phường / Please choose a commune or ward' }).regex(/^\d{5}$/, 'Vui lòng chọn xã/phường / Please choose a commune or ward'),
  login: z.string({ error: 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number' }).max(200),
  password: PasswordSchema,
  consent: z.literal('yes', { error: 'Bạn cần đồng ý để tiếp tục / You need to agree to continue' }),
});

function issue(path: string, message: string): FieldIssue {
  return { path: [path], message };
}

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })));
  }
  return parsed.data;
}

export type RegisterResult = { userId: number; businessId: number; token: string; expiresAt: Date };

export async function registerBusiness(
  db: Db,
  input: Record<string, unknown>,
  ctx: { provinceCode: string; now: Date },
): Promise<RegisterResult> {
  const data = parseOrThrow(RegisterSchema, input);
  const issues: FieldIssue[] = [];
  const tax = parseTaxCode(data.taxCode);
  if (!tax.ok) issues.push(issue('taxCode', both(TAX_CODE_MESSAGES[tax.reason])));
  const login = parseLoginId(data.login);
  if ('error' in login) issues.push(issue('login', login.error));
  if (tax.ok && data.password.replace(/\D/g, '') === tax.value.replace(/\D/g, '') && /^[\d\s-]+$/.test(data.password)) {
    issues.push(issue('password', 'Mật khẩu không được là mã số thuế / The password must not be the tax code'));
  }
  const commune = await communeByCode(db, data.communeCode);
  if (!commune || commune.provinceCode !== ctx.provinceCode) {
    issues.push(issue('communeCode', 'Vui lòng chọn xã/phường trong tỉnh / Please choose a commune or ward in the province'));
  }
  if (issues.length) throw new ValidationError(issues);
  if (!tax.ok || 'error' in login) throw new ValidationError(issues);

  if (await businessByTaxCode(db, tax.value)) {
    throw new ConflictError('Mã số thuế này đã được đăng ký / This tax code is already registered', [
      issue('taxCode', 'Mã số thuế này đã được đăng ký. Hãy đăng nhập, hoặc liên hệ Sở Công Thương nếu bạn không đăng ký. / This tax code is already registered. Log in, or contact the Department if you did not register it.'),
    ]);
  }
  if (await findUserByLogin(db, login.value)) {
    throw new ConflictError('Tài khoản đã tồn tại / Account already exists', [
      issue('login', 'Email hoặc số điện thoại này đã có tài khoản / This email or phone number already has an account'),
    ]);
  }

  const passwordHash = await hashPassword(data.password);
  const token = generateSessionToken();
  const now = ctx.now;
  const result = await db.transaction(async (tx) => {
    const [biz] = await tx
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
      .returning({ id: businesses.id });
    const [user] = await tx
      .insert(users)
      .values({
        role: 'business',
        email: login.kind === 'email' ? login.value : null,
        phone: login.kind === 'phone' ? login.value : null,
        displayName: data.name.normalize('NFC'),
        passwordHash,
        businessId: biz!.id,
        createdAt: now,
      })
      .returning({ id: users.id });
    await tx.insert(consents).values({
      userId: user!.id,
      businessId: biz!.id,
      purpose: 'processing',
      method: 'online_form',
      grantedAt: now,
    });
    await tx.insert(auditLog).values(
      auditValues({ actorUserId: user!.id, action: 'register', entity: 'business', entityId: String(biz!.id) }, now),
    );
    return { userId: user!.id, businessId: biz!.id };
  });
  clearIndicatorCaches();
  const session = await createSession(db, token, result.userId, now);
  return { ...result, token, expiresAt: session.expiresAt };
}

const LoginSchema = z.object({
  login: z.string({ error: 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number' }).trim().min(1, 'Vui lòng nhập email hoặc số điện thoại / Please enter an email or phone number').max(200),
  password: z.string({ error: 'Vui lòng nhập mật khẩu / Please enter a password' }).min(1, 'Vui lòng nhập mật khẩu / Please enter a password').max(1000),
});

export const BAD_CREDENTIALS =
  'Email/số điện thoại hoặc mật khẩu không đúng / Wrong email/phone number or password';

export async function logIn(
  db: Db,
  input: Record<string, unknown>,
  ctx: { ip: string; now: Date },
): Promise<{ token: string; expiresAt: Date; userId: number }> {
  const data = parseOrThrow(LoginSchema, input);
  const id = parseLoginId(data.login);
  const normalised = 'error' in id ? data.login.trim().toLowerCase() : id.value;
  const keys = [accountKey(normalised), ipKey(ctx.ip)];
  await assertNotThrottled(db, keys, ctx.now);
  const user = 'error' in id ? undefined : await findUserByLogin(db, id.value);
  // Verify against a dummy hash for unknown accounts so response time does not reveal which exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), data.password);
  if (!user || !ok || user.disabledAt) {
    await recordFailure(db, keys, ctx.now);
    throw new ValidationError([{ path: ['password'], message: BAD_CREDENTIALS }], BAD_CREDENTIALS);
  }
  await clearFailures(db, [accountKey(normalised)], ctx.now);
  const token = generateSessionToken();
  const session = await createSession(db, token, user.id, ctx.now);
  return { token, expiresAt: session.expiresAt, userId: user.id };
}

const ChangePasswordSchema = z.object({
  current: z.string({ error: 'Vui lòng nhập mật khẩu hiện tại / Please enter your current password' }).min(1, 'Vui lòng nhập mật khẩu hiện tại / Please enter your current password').max(1000),
  next: PasswordSchema,
});

/** Changes the password and ends every other session of the user; returns a fresh session. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const data = parseOrThrow(ChangePasswordSchema, input);
  const user = await findUserById(db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, data.current))) {
    throw new ValidationError([{ path: ['current'], message: 'Mật khẩu hiện tại không đúng / Current password is wrong' }]);
  }
  if (data.next === data.current) {
    throw new ValidationError([{ path: ['next'], message: 'Mật khẩu mới phải khác mật khẩu cũ / The new password must differ from the old one' }]);
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
  await db.insert(auditLog).values(auditValues({ actorUserId: user.id, action: 'change_password', entity: 'user', entityId: String(user.id) }, now));
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
  const data = parseOrThrow(StaffSchema, input);
  const issues: FieldIssue[] = [];
  const login = parseLoginId(data.login);
  if ('error' in login) issues.push(issue('login', login.error));
  const communeCode = data.communeCode?.trim() || null;
  if (data.role === 'helper' && !communeCode) {
    issues.push(issue('communeCode', 'Thành viên tổ công nghệ số phải gắn với một xã/phường / A community digital team member needs a commune'));
  }
  if (communeCode) {
    const c = await db.select().from(communes).where(eq(communes.code, communeCode)).limit(1);
    if (!c[0] || c[0].provinceCode !== ctx.provinceCode) issues.push(issue('communeCode', 'Xã/phường không hợp lệ / Unknown commune or ward'));
  }
  if (issues.length || 'error' in login) throw new ValidationError(issues);
  if (await findUserByLogin(db, login.value)) {
    throw new ConflictError('Tài khoản đã tồn tại / Account already exists', [
      issue('login', 'Email hoặc số điện thoại này đã có tài khoản / This email or phone number already has an account'),
    ]);
  }
  const passwordHash = await hashPassword(data.password);
  const [user] = await db
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
    .returning({ id: users.id });
  await db.insert(auditLog).values(
    auditValues({ actorUserId: actor.id, action: 'create_staff', entity: 'user', entityId: String(user!.id), detail: { role: data.role, communeCode } }, ctx.now),
  );
  return { userId: user!.id };
}
