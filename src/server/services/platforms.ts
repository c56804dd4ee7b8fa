// The public platform directory (pages and the open API): read-only, for everyone.
import type { Db } from '#src/db/client.ts';
import { catalogSnapshot, listCategories, listPlatforms, platformById, type PlatformFilter } from '#src/db/queries/platforms.ts';
import { NotFoundError } from '#src/server/http/errors.ts';

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

/** The whole current catalogue, as the recommendation engine reads it. */
export async function currentCatalog(db: Db) {
  return catalogSnapshot(db);
}
