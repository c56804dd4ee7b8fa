import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { communes, formerWards, platformCategories, provinces, sizeRules, users, vsicSections } from '#src/db/schema/index.ts';
import { loadAdminUnits } from '#src/reference/admin-units.ts';
import { VSIC_SECTIONS } from '#src/reference/vsic.ts';
import { SIZE_RULES } from '#src/reference/size-rules.ts';
import { PLATFORM_CATEGORIES } from '#src/reference/platform-categories.ts';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';
import { seedPlatforms } from '#src/db/queries/platforms.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { hashPassword } from '#src/server/auth/password.ts';

// SQLite caps bound parameters per statement; chunk multi-row inserts well below it.
const CHUNK = 200;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Reference data: idempotent upserts, safe on every start. */
export async function seedReference(db: Db): Promise<void> {
  const units = loadAdminUnits();
  const statements = [];
  for (const part of chunks(units.provinces)) {
    statements.push(
      db
        .insert(provinces)
        .values(part)
        .onConflictDoUpdate({
          target: provinces.code,
          set: { name: sql`excluded.name`, type: sql`excluded.type` },
        }),
    );
  }
  for (const part of chunks(units.wards)) {
    statements.push(
      db
        .insert(communes)
        .values(part.map((w) => ({ ...w, searchKey: toSearchKey(w.name) })))
        .onConflictDoUpdate({
          target: communes.code,
          set: {
            name: sql`excluded.name`,
            provinceCode: sql`excluded.province_code`,
            type: sql`excluded.type`,
            searchKey: sql`excluded.search_key`,
          },
        }),
    );
  }
  statements.push(
    db
      .insert(vsicSections)
      .values(VSIC_SECTIONS.map((s) => ({ code: s.code, nameVi: s.name.vi, nameEn: s.name.en, sectorGroup: s.group })))
      .onConflictDoUpdate({
        target: vsicSections.code,
        set: { nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en`, sectorGroup: sql`excluded.sector_group` },
      }),
  );
  const ruleRows = Object.entries(SIZE_RULES).flatMap(([group, rules]) =>
    rules.map((r) => ({ sectorGroup: group as 'agri_industry' | 'trade_services', ...r })),
  );
  statements.push(
    db
      .insert(sizeRules)
      .values(ruleRows)
      .onConflictDoUpdate({
        target: [sizeRules.sectorGroup, sizeRules.sizeClass],
        set: {
          maxEmployees: sql`excluded.max_employees`,
          maxRevenueVnd: sql`excluded.max_revenue_vnd`,
          maxCapitalVnd: sql`excluded.max_capital_vnd`,
        },
      }),
  );
  statements.push(
    db
      .insert(platformCategories)
      .values(
        PLATFORM_CATEGORIES.map((c) => ({
          id: c.id,
          ord: c.order,
          nameVi: c.name.vi,
          nameEn: c.name.en,
          descriptionVi: c.description.vi,
          descriptionEn: c.description.en,
        })),
      )
      .onConflictDoUpdate({
        target: platformCategories.id,
        set: {
          ord: sql`excluded.ord`,
          nameVi: sql`excluded.name_vi`,
          nameEn: sql`excluded.name_en`,
          descriptionVi: sql`excluded.description_vi`,
          descriptionEn: sql`excluded.description_en`,
        },
      }),
  );
  // Former wards have no natural key (some old codes are missing): replace them whole when the source changed.
  const [former] = await db.select({ n: count() }).from(formerWards);
  if ((former?.n ?? 0) !== units.formerWards.length) {
    statements.push(db.delete(formerWards));
    for (const part of chunks(units.formerWards)) statements.push(db.insert(formerWards).values(part));
  }
  // One batch = one transaction: a crash never leaves half the reference data.
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  await seedPlatforms(db, PLATFORM_CATALOG, new Date());
}

// The demo province lives in demo.ts; re-exported for the boot sequence.
export { seedDemo, DEMO_BUSINESS_COUNT, DEMO_PASSWORD, type DemoLogin } from './demo.ts';

/**
 * Makes sure an admin exists. With ADMIN_EMAIL/ADMIN_PASSWORD it creates that account;
 * otherwise it creates one with a random password and returns it so the caller prints it once.
 */
export async function ensureAdmin(
  db: Db,
  opts: { email?: string; password?: string; provinceCode: string; now: Date },
): Promise<{ created: false } | { created: true; email: string; password: string; generated: boolean }> {
  const [existing] = await db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  if ((existing?.n ?? 0) > 0) return { created: false };
  const email = (opts.email ?? 'admin@localhost.localdomain').toLowerCase();
  const generated = !opts.password;
  const password = opts.password ?? randomPassword();
  await db.insert(users).values({
    role: 'admin',
    email,
    displayName: 'Quản trị viên',
    passwordHash: await hashPassword(password),
    scopeProvinceCode: opts.provinceCode,
    createdAt: opts.now,
  });
  return { created: true, email, password, generated };
}

function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
