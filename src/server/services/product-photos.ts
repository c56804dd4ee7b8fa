// Product photos: uploaded by whoever may edit the product, shown on /ocop when the product is public there.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { productPhotos, type OcopProduct } from '#src/db/schema/index.ts';
import { businessById, type BusinessWithLocation } from '#src/db/queries/accounts.ts';
import { photoByHash, photosOfProducts, type PhotoMeta } from '#src/db/queries/ocop.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT, PHOTO_MESSAGES } from '#src/domain/ocop/photo.ts';
import { canSeeBusiness } from '#src/domain/access.ts';
import { processPhoto } from '#src/server/output/photo.ts';
import { readUploadedBytes } from '#src/server/http/multipart-stream.ts';
import { ConflictError, NotFoundError } from '#src/server/http/errors.ts';
import { formValue } from '#src/server/http/forms.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { changeStatements, forgetVersions } from './changes.ts';
import { requireEditor } from './producers.ts';

type Form = Record<string, string | string[]>;

/** The form field the photo arrives in. */
export const PHOTO_FIELD = 'photo';

/** Where a stored photo is served: its content hash is its name, so the address changes with the photo. */
export function photoUrl(hash: string, variant: 'full' | 'thumb' = 'full'): string {
  return `/ocop/photos/${hash}${variant === 'thumb' ? '-thumb' : ''}.webp`;
}

export async function photosOf(db: Db, product: OcopProduct): Promise<PhotoMeta[]> {
  return photosOfProducts(db, [product.id]);
}

const tooMany = () => new ConflictError(PHOTO_MESSAGES.tooMany, [{ path: [PHOTO_FIELD], message: PHOTO_MESSAGES.tooMany }]);

/**
 * Adds the photo a multipart request carries. The editor's right and the photo count are checked before the
 * body is read; the file is refused while it streams in once it passes the size limit, and refused unless it
 * decodes as an image. The photo, the audit line and the public change counter are written in one batch, and
 * the insert re-checks the count so two uploads at once cannot pass the limit.
 */
export async function uploadProductPhoto(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  request: Request,
  now: Date,
): Promise<void> {
  requireEditor(actor, business);
  if ((await photosOf(db, product)).length >= MAX_PHOTOS_PER_PRODUCT) throw tooMany();
  const upload = await readUploadedBytes(request, PHOTO_FIELD, MAX_PHOTO_BYTES, PHOTO_MESSAGES.tooLarge);
  const photo = await processPhoto(upload);
  // Per product: the same picture on two products is two photos, each shown by its own product's rule.
  const hash = createHash('sha256').update(`${product.id}:`).update(photo.bytes).digest('hex').slice(0, 32);
  const [same] = await db.select({ id: productPhotos.id }).from(productPhotos).where(eq(productPhotos.hash, hash)).limit(1);
  if (same) throw new ConflictError(PHOTO_MESSAGES.duplicate, [{ path: [PHOTO_FIELD], message: PHOTO_MESSAGES.duplicate }]);
  const detail = JSON.stringify({
    productId: product.id,
    photo: hash,
    width: photo.width,
    height: photo.height,
    bytes: photo.bytes.byteLength,
  });
  const [inserted] = await db.batch([
    db.run(sql`insert into product_photos
        (product_id, hash, mime, width, height, bytes, thumb_width, thumb_height, thumb, created_by, created_at)
      select ${product.id}, ${hash}, ${photo.mime}, ${photo.width}, ${photo.height}, ${photo.bytes}, ${photo.thumbWidth},
        ${photo.thumbHeight}, ${photo.thumb}, ${actor.id}, ${now.getTime()}
      where (select count(*) from product_photos where product_id = ${product.id}) < ${MAX_PHOTOS_PER_PRODUCT}`),
    // Only when the photo went in.
    db.run(sql`insert into audit_log (actor_user_id, action, entity, entity_id, detail, at)
      select ${actor.id}, 'product_photo_add', 'business', ${String(business.id)}, ${detail}, ${now.getTime()}
      where exists (select 1 from product_photos where hash = ${hash})`),
    ...changeStatements(db, 'ocop'),
  ]);
  forgetVersions();
  if (inserted.rowsAffected === 0) throw tooMany();
}

/** Deletes one of the product's photos (a photo id of another product is "not found"). */
export async function deleteProductPhoto(
  db: Db,
  actor: Actor,
  business: BusinessWithLocation,
  product: OcopProduct,
  form: Form,
  now: Date,
): Promise<void> {
  requireEditor(actor, business);
  const id = Number(formValue(form, 'photoId'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  const [photo] = await db
    .select({ id: productPhotos.id, hash: productPhotos.hash })
    .from(productPhotos)
    .where(and(eq(productPhotos.id, id), eq(productPhotos.productId, product.id)))
    .limit(1);
  if (!photo) throw new NotFoundError();
  const detail = JSON.stringify({ productId: product.id, photo: photo.hash });
  await db.batch([
    db.delete(productPhotos).where(eq(productPhotos.id, photo.id)),
    db.run(sql`insert into audit_log (actor_user_id, action, entity, entity_id, detail, at)
      values (${actor.id}, 'product_photo_delete', 'business', ${String(business.id)}, ${detail}, ${now.getTime()})`),
    ...changeStatements(db, 'ocop'),
  ]);
  forgetVersions();
}

const FILE_NAME = /^([0-9a-f]{32})(-thumb)?\.webp$/;

/** A year: the address changes whenever the photo does, so a browser never needs to ask again. */
const PUBLIC_PHOTO_CACHE = 'public, max-age=31536000, s-maxage=300, immutable';
const PRIVATE_PHOTO_CACHE = 'private, max-age=31536000, immutable';

/**
 * A photo's bytes for this visitor: anyone when /ocop shows its product (the same rule, consent included), else
 * only the people who may see the producer (its editors checking a photo before publication). Anything else is
 * "not found", so a hidden product's photos are not told apart from photos that never existed. Shared caches
 * keep a public photo only minutes: a producer who withdraws consent to publication is gone from them soon.
 */
export async function photoFile(db: Db, actor: Actor | null, provinceCode: string, file: string) {
  const m = FILE_NAME.exec(file);
  if (!m) throw new NotFoundError();
  const hash = m[1]!;
  const variant = m[2] ? 'thumb' : 'full';
  const row = await photoByHash(db, hash, provinceCode, variant);
  if (!row) throw new NotFoundError();
  let cacheControl = PUBLIC_PHOTO_CACHE;
  if (!row.isPublic) {
    const business = actor ? await businessById(db, row.businessId) : undefined;
    if (!actor || !business || !canSeeBusiness(actor, business)) throw new NotFoundError();
    cacheControl = PRIVATE_PHOTO_CACHE;
  }
  return { bytes: row.bytes, mime: row.mime, etag: `"${hash}${variant === 'thumb' ? '-thumb' : ''}"`, cacheControl };
}
