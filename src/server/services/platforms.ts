// The public platform directory (pages and the open API): read-only, for everyone.
import type { Db } from '#src/db/client.ts';
import { catalogSnapshot, listCategories, listPlatforms, platformById, type PlatformFilter } from '#src/db/queries/platforms.ts';
import { NotFoundError } from '#src/server/http/errors.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { changeVersions } from './changes.ts';

export async function platformCategories(db: Db) {
  return listCategories(db);
}

/** The platforms that match a filter, with every category (to group them and name their category). */
export async function platformDirectory(db: Db, filter: PlatformFilter) {
  const [platforms, categories] = await Promise.all([listPlatforms(db, filter), listCategories(db)]);
  return { platforms, categories };
}

/** One platform with its category; 404 when there is no such platform. */
export async function platformWithCategory(db: Db, id: string) {
  const platform = await platformById(db, id);
  if (!platform) throw new NotFoundError('Không có nền tảng này / No such platform');
  const category = (await listCategories(db)).find((c) => c.id === platform.category)!;
  return { platform, category };
}

const catalogs = new WeakMap<Db, { version: number; catalog: Promise<readonly Platform[]> }>();

/**
 * The whole current catalogue, as the recommendation engine reads it: read once per change of the catalogue (every
 * submission and plan reads it; it changes a few times a month). An edit in this worker is seen at once, one in
 * another worker within the change counters' check interval. The entries are frozen: callers share them.
 */
export async function currentCatalog(db: Db): Promise<readonly Platform[]> {
  const version = (await changeVersions(db)).catalog;
  const kept = catalogs.get(db);
  if (kept && kept.version === version) return kept.catalog;
  const catalog = catalogSnapshot(db).then((rows) => Object.freeze(rows.map(deepFreeze)));
  catalogs.set(db, { version, catalog });
  // A failed read is not kept.
  catalog.catch(() => {
    if (catalogs.get(db)?.catalog === catalog) catalogs.delete(db);
  });
  return catalog;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
