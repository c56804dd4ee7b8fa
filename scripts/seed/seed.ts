import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  assessments,
  businesses,
  communes,
  formerWards,
  platformCategories,
  provinces,
  sizeRules,
  users,
  vsicSections,
} from '#src/db/schema/index.ts';
import { loadAdminUnits } from '#src/reference/admin-units.ts';
import { VSIC_SECTIONS } from '#src/reference/vsic.ts';
import { SIZE_RULES } from '#src/reference/size-rules.ts';
import { PLATFORM_CATEGORIES } from '#src/reference/platform-categories.ts';
import { generateDemoBusinesses, mulberry32 } from './demo-data.ts';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';
import { demoAnswers } from './demo-assessments.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { frameworkIdFor, toProfile } from '#src/domain/framework/questionnaire.ts';
import { scoreAssessment } from '#src/domain/scoring/score.ts';
import { catalogSnapshot, seedPlatforms } from '#src/db/queries/platforms.ts';
import { refreshBusinessFacts } from '#src/server/services/facts.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
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
      db.insert(provinces).values(part).onConflictDoUpdate({
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
  await db.batch(statements as [ (typeof statements)[number], ...(typeof statements)[number][] ]);
  await seedPlatforms(db, PLATFORM_CATALOG, new Date());
}

export const DEMO_BUSINESS_COUNT = 300;
export const DEMO_PASSWORD = 'demo-portal-2025';

export type DemoLogin = { role: string; login: string; password: string };

/** Demo businesses and logins for one province; runs only once (skipped when demo rows exist). */
export async function seedDemo(db: Db, opts: { provinceCode: string; now: Date }): Promise<DemoLogin[] | null> {
  const [existing] = await db.select({ n: count() }).from(businesses).where(eq(businesses.isDemo, true));
  if ((existing?.n ?? 0) > 0) return null;
  const wards = await db
    .select({ code: communes.code, name: communes.name })
    .from(communes)
    .where(eq(communes.provinceCode, opts.provinceCode));
  if (wards.length === 0) throw new Error(`No communes seeded for province ${opts.provinceCode}`);
  const demo = generateDemoBusinesses({ count: DEMO_BUSINESS_COUNT, wards, seed: 20250701, now: opts.now });
  const statements = [];
  for (const part of chunks(demo, 100)) {
    statements.push(
      db.insert(businesses).values(
        part.map((b) => ({
          taxCode: b.taxCode,
          name: b.name,
          nameSearch: toSearchKey(b.name),
          sector: b.sector,
          employees: b.employees,
          revenueVnd: b.revenueVnd,
          producerType: b.producerType,
          communeCode: b.communeCode,
          sizeClass: sizeClass({ sector: b.sector, employees: b.employees, revenueVnd: b.revenueVnd }),
          isDemo: true,
          createdAt: b.createdAt,
          updatedAt: b.createdAt,
        })),
      ),
    );
  }
  await db.batch(statements as [ (typeof statements)[number], ...(typeof statements)[number][] ]);

  // Demo logins: one business owner, a helper and an officer for the first demo commune, a province officer.
  const [firstBiz] = await db.select().from(businesses).where(eq(businesses.isDemo, true)).limit(1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const commune = firstBiz!.communeCode;
  const logins = [
    { role: 'business' as const, email: 'demo-doanhnghiep@example.com', displayName: firstBiz!.name, businessId: firstBiz!.id },
    { role: 'helper' as const, email: 'demo-totruong@example.com', displayName: 'Tổ công nghệ số (mẫu)', scopeCommuneCode: commune },
    { role: 'officer' as const, email: 'demo-canbo-xa@example.com', displayName: 'Cán bộ xã (mẫu)', scopeCommuneCode: commune },
    { role: 'officer' as const, email: 'demo-canbo-tinh@example.com', displayName: 'Cán bộ Sở Công Thương (mẫu)' },
  ];
  await db
    .insert(users)
    .values(
      logins.map((l) => ({
        role: l.role,
        email: l.email,
        displayName: l.displayName,
        passwordHash,
        businessId: 'businessId' in l ? l.businessId : null,
        scopeProvinceCode: l.role === 'business' ? null : opts.provinceCode,
        scopeCommuneCode: 'scopeCommuneCode' in l ? l.scopeCommuneCode : null,
        createdAt: opts.now,
      })),
    )
    .onConflictDoNothing();
  await seedDemoAssessments(db, opts.now);
  return logins.map((l) => ({ role: l.role, login: l.email, password: DEMO_PASSWORD }));
}

/** Submitted assessments for about 70 % of demo businesses, spread over the last four quarters. */
async function seedDemoAssessments(db: Db, now: Date): Promise<void> {
  const rnd = mulberry32(70);
  const demo = await db.select().from(businesses).where(eq(businesses.isDemo, true));
  const catalog = await catalogSnapshot(db);
  const DAY = 24 * 60 * 60 * 1000;
  for (const b of demo) {
    if (rnd() > 0.7 || !b.sector || b.employees === null) continue;
    const framework = getFramework(frameworkIdFor(b.producerType))!;
    const profile = toProfile({ sector: b.sector, employees: b.employees, revenueVnd: b.revenueVnd, capitalVnd: b.capitalVnd, producerType: b.producerType, communeCode: b.communeCode });
    // Bigger firms tend to be further along; everyone varies.
    const base = profile.sizeClass === 'micro' ? 0.2 : profile.sizeClass === 'small' ? 0.4 : 0.55;
    const maturity = Math.max(0, Math.min(1, base + (rnd() - 0.5) * 0.5));
    const answers = demoAnswers(framework, profile, rnd, maturity);
    const result = scoreAssessment(framework, profile, answers);
    const submittedAt = new Date(now.getTime() - Math.floor(rnd() * 360) * DAY);
    await db.insert(assessments).values({
      businessId: b.id, sequence: 1, frameworkId: framework.id, frameworkVersion: framework.version, status: 'submitted',
      profile, answers, currentStep: 'done', result,
      score: result.score, points: result.points, level: result.level, sector: profile.sector, sizeClass: profile.sizeClass ?? null,
      communeCode: b.communeCode, startedAt: submittedAt, updatedAt: submittedAt, submittedAt,
    });
    await refreshBusinessFacts(db, b.id, catalog);
  }
}

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
