import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { businesses, communes, consents, ocopProducts, productListings, productPhotos } from '#src/db/schema/index.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';

export type OcopSearch = {
  q?: string;
  stars?: number;
  group?: string;
  commune?: string;
  provinceCode: string;
  limit?: number;
  offset?: number;
};

/**
 * Public product search: public fields only (never a phone number or a consent record), and only
 * for producers with a current "publish my products" consent. Read live on every request (no
 * cache), so a withdrawal hides the products at once.
 */
/** The one rule of what /ocop shows: the product's commune is in the province and its producer consents now. */
function publicProduct(provinceCode: string): SQL[] {
  return [
    eq(communes.provinceCode, provinceCode),
    sql`exists (select 1 from ${consents} where ${consents.businessId} = ${businesses.id} and ${consents.purpose} = 'publish_products' and ${consents.withdrawnAt} is null)`,
  ];
}

export async function searchOcopProducts(db: Db, s: OcopSearch) {
  const parts: SQL[] = publicProduct(s.provinceCode);
  for (const w of s.q ? toSearchKey(s.q).split(' ').filter(Boolean).slice(0, 8) : [])
    parts.push(sql`instr(${ocopProducts.nameSearch}, ${w}) > 0`);
  if (s.stars) parts.push(eq(ocopProducts.stars, s.stars));
  if (s.group) parts.push(eq(ocopProducts.productGroup, s.group));
  if (s.commune) parts.push(eq(ocopProducts.communeCode, s.commune));
  const rows = await db
    .select({
      id: ocopProducts.id,
      name: ocopProducts.name,
      group: ocopProducts.productGroup,
      stars: ocopProducts.stars,
      communeCode: ocopProducts.communeCode,
      communeName: communes.name,
      producerName: businesses.name,
      description: ocopProducts.description,
      certificateYear: ocopProducts.certificateYear,
      priceVnd: ocopProducts.priceVnd,
      priceUnit: ocopProducts.priceUnit,
    })
    .from(ocopProducts)
    .innerJoin(businesses, eq(businesses.id, ocopProducts.businessId))
    .innerJoin(communes, eq(communes.code, ocopProducts.communeCode))
    .where(and(...parts))
    .orderBy(asc(ocopProducts.nameSearch), asc(ocopProducts.id))
    .limit(s.limit ?? 100)
    .offset(s.offset ?? 0);
  const listings = rows.length
    ? await db
        .select({
          productId: productListings.productId,
          floorId: productListings.floorId,
          status: productListings.status,
          url: productListings.url,
          id: productListings.id,
        })
        .from(productListings)
        .where(
          inArray(
            productListings.productId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(productListings.id))
    : [];
  const current = new Map<string, (typeof listings)[number]>();
  for (const l of listings) current.set(`${l.productId}:${l.floorId}`, l);
  const photos = await photosOfProducts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    photos: photos.filter((p) => p.productId === r.id),
    listings: [...current.values()]
      .filter((l) => l.productId === r.id)
      .map((l) => ({ floor: l.floorId, status: l.status, url: l.status === 'listed' ? l.url : null })),
  }));
}

/** The photos of these products, oldest first, without their bytes. */
export async function photosOfProducts(db: Db, productIds: readonly number[]) {
  if (productIds.length === 0) return [];
  return db
    .select({
      id: productPhotos.id,
      productId: productPhotos.productId,
      hash: productPhotos.hash,
      width: productPhotos.width,
      height: productPhotos.height,
      thumbWidth: productPhotos.thumbWidth,
      thumbHeight: productPhotos.thumbHeight,
    })
    .from(productPhotos)
    .where(inArray(productPhotos.productId, [...productIds]))
    .orderBy(asc(productPhotos.productId), asc(productPhotos.id));
}

export type PhotoMeta = Awaited<ReturnType<typeof photosOfProducts>>[number];

/**
 * One photo's bytes (full size or thumbnail) with what decides who may see it: whether /ocop shows its product,
 * and the producer's location for the editors of a product that is not public.
 */
export async function photoByHash(db: Db, hash: string, provinceCode: string, variant: 'full' | 'thumb') {
  const [row] = await db
    .select({
      mime: productPhotos.mime,
      bytes: variant === 'full' ? productPhotos.bytes : productPhotos.thumb,
      businessId: ocopProducts.businessId,
      isPublic: sql<number>`(${and(...publicProduct(provinceCode))})`,
    })
    .from(productPhotos)
    .innerJoin(ocopProducts, eq(ocopProducts.id, productPhotos.productId))
    .innerJoin(businesses, eq(businesses.id, ocopProducts.businessId))
    .innerJoin(communes, eq(communes.code, ocopProducts.communeCode))
    .where(eq(productPhotos.hash, hash))
    .limit(1);
  return row ? { ...row, isPublic: Boolean(row.isPublic) } : undefined;
}
