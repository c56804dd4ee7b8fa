import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { preparedQuery } from '#src/db/prepared.ts';
import { auditLog, platforms, platformCategories, recommendationMarks } from '#src/db/schema/index.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { NEEDS, fitsAllSectors, NEED_IDS, type NeedId } from '#src/domain/platforms/schema.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { auditValues } from './accounts.ts';

/** Everything a search should find a platform by: names, provider, descriptions, category and needs. */
export function platformSearchKey(p: Platform, categoryName?: { vi: string; en: string }): string {
  const needs = p.needs.map((n) => NEEDS.find((x) => x.id === n)?.name).filter(Boolean) as { vi: string; en: string }[];
  return toSearchKey(
    [
      p.id,
      p.name,
      p.provider,
      p.description.vi,
      p.description.en,
      categoryName?.vi,
      categoryName?.en,
      ...needs.flatMap((n) => [n.vi, n.en]),
    ]
      .filter(Boolean)
      .join(' '),
  );
}

async function categoryNames(db: Db): Promise<Map<string, { vi: string; en: string }>> {
  const rows = await db.select().from(platformCategories);
  return new Map(rows.map((r) => [r.id, { vi: r.nameVi, en: r.nameEn }]));
}

export function platformRow(p: Platform, categoryName: { vi: string; en: string } | undefined, now: Date, by: number | null) {
  return {
    id: p.id,
    category: p.category,
    retired: Boolean(p.retired),
    searchKey: platformSearchKey(p, categoryName),
    data: p,
    updatedAt: now,
    updatedBy: by,
  };
}

/**
 * Seeds the shipped catalog. A shipped entry nobody has edited (`updated_by` null) follows the shipped
 * data, so a correction such as a closed marketplace's retirement reaches existing databases; entries an
 * admin has edited or imported are left alone.
 */
export async function seedPlatforms(db: Db, catalog: readonly Platform[], now: Date): Promise<void> {
  const names = await categoryNames(db);
  const rows = catalog.map((p) => platformRow(p, names.get(p.category), now, null));
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insert(platforms)
      .values(rows.slice(i, i + 100))
      .onConflictDoUpdate({
        target: platforms.id,
        set: {
          category: sql`excluded.category`,
          retired: sql`excluded.retired`,
          searchKey: sql`excluded.search_key`,
          data: sql`excluded.data`,
        },
        setWhere: isNull(platforms.updatedBy),
      });
  }
}

export type PlatformFilter = { category?: string; sector?: string; size?: string; q?: string; includeRetired?: boolean };

const collator = new Intl.Collator('vi');

/** The catalog, filtered; sorted by name in Vietnamese order. */
export async function listPlatforms(db: Db, f: PlatformFilter = {}): Promise<Platform[]> {
  const conditions = [];
  if (!f.includeRetired) conditions.push(eq(platforms.retired, false));
  if (f.category) conditions.push(eq(platforms.category, f.category));
  const words = f.q ? toSearchKey(f.q).split(' ').filter(Boolean).slice(0, 8) : [];
  for (const w of words) conditions.push(sql`instr(${platforms.searchKey}, ${w}) > 0`);
  const rows = await db
    .select({ data: platforms.data })
    .from(platforms)
    .where(conditions.length ? and(...conditions) : undefined);
  return rows
    .map((r) => r.data)
    .filter((p) => !f.sector || fitsAllSectors(p.fits) || (p.fits.sectors as readonly string[]).includes(f.sector))
    .filter((p) => !f.size || (p.fits.sizes as readonly string[]).includes(f.size))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export async function platformById(db: Db, id: string): Promise<Platform | undefined> {
  const rows = await db.select({ data: platforms.data }).from(platforms).where(eq(platforms.id, id)).limit(1);
  return rows[0]?.data;
}

/** The whole catalog in a stable order (export, recommendation engine). */
export async function catalogSnapshot(db: Db): Promise<Platform[]> {
  const rows = await db.select({ data: platforms.data }).from(platforms).orderBy(asc(platforms.id));
  return rows.map((r) => r.data);
}

/** Creates or replaces one entry, recording who changed what. */
export async function savePlatform(
  db: Db,
  actorId: number,
  p: Platform,
  now: Date,
  action: 'create' | 'update' | 'retire' | 'restore',
): Promise<void> {
  const names = await categoryNames(db);
  const before = await platformById(db, p.id);
  const row = platformRow(p, names.get(p.category), now, actorId);
  await db.batch([
    db
      .insert(platforms)
      .values(row)
      .onConflictDoUpdate({ target: platforms.id, set: { ...row } }),
    db.insert(auditLog).values(
      auditValues(
        {
          actorUserId: actorId,
          action: `platform_${action}`,
          entity: 'platform',
          entityId: p.id,
          detail: { before: before ?? null, after: p },
        },
        now,
      ),
    ),
  ]);
}

/** Replaces or adds every entry of an import in one transaction: all rows or none. */
export async function importPlatforms(
  db: Db,
  actorId: number,
  list: readonly Platform[],
  now: Date,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const names = await categoryNames(db);
  const existing = new Map((await db.select({ id: platforms.id, data: platforms.data }).from(platforms)).map((r) => [r.id, r.data]));
  const statements = [];
  let created = 0;
  let updated = 0;
  for (const p of list) {
    const before = existing.get(p.id);
    if (before && JSON.stringify(before) === JSON.stringify(p)) continue;
    const row = platformRow(p, names.get(p.category), now, actorId);
    if (before) {
      updated++;
      statements.push(db.update(platforms).set(row).where(eq(platforms.id, p.id)));
    } else {
      created++;
      statements.push(db.insert(platforms).values(row));
    }
    // One history line per changed entry, so each platform's page shows who changed what and when.
    statements.push(
      db.insert(auditLog).values(
        auditValues(
          {
            actorUserId: actorId,
            action: before ? 'platform_update' : 'platform_create',
            entity: 'platform',
            entityId: p.id,
            detail: { before: before ?? null, after: p, via: 'csv' },
          },
          now,
        ),
      ),
    );
  }
  if (statements.length) await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  return { created, updated, unchanged: list.length - created - updated };
}

export async function platformHistory(db: Db, id: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'platform'), eq(auditLog.entityId, id)))
    .orderBy(sql`${auditLog.at} DESC`)
    .limit(50);
}

export async function listCategories(db: Db) {
  return db.select().from(platformCategories).orderBy(asc(platformCategories.ord));
}

/** Current (not withdrawn) marks of a business, newest per need. */
const openMarks = preparedQuery((db) =>
  db
    .select()
    .from(recommendationMarks)
    .where(and(eq(recommendationMarks.businessId, sql.placeholder('businessId')), isNull(recommendationMarks.withdrawnAt)))
    .orderBy(asc(recommendationMarks.createdAt), asc(recommendationMarks.id))
    .prepare(),
);

export async function currentMarks(db: Db, businessId: number) {
  const rows = await openMarks(db).all({ businessId });
  const byNeed = new Map<string, (typeof rows)[number]>();
  for (const r of rows) byNeed.set(r.need, r);
  return [...byNeed.values()];
}

export type MarksInput = { adopted: Partial<Record<NeedId, string | null>>; dismissed: NeedId[] };

export async function marksOf(db: Db, businessId: number): Promise<MarksInput> {
  const rows = await currentMarks(db, businessId);
  const adopted: Partial<Record<NeedId, string | null>> = {};
  const dismissed: NeedId[] = [];
  for (const r of rows) {
    if (!(NEED_IDS as readonly string[]).includes(r.need)) continue;
    if (r.kind === 'adopted') adopted[r.need as NeedId] = r.platformId;
    else dismissed.push(r.need as NeedId);
  }
  return { adopted, dismissed };
}
