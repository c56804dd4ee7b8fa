// The public OCOP directory: products whose producers consented to publication, in this province.
import type { Db } from '#src/db/client.ts';
import { searchOcopProducts, type OcopSearch } from '#src/db/queries/ocop.ts';
import { communesOfProvince } from '#src/db/queries/accounts.ts';
import { NotFoundError } from '#src/server/http/errors.ts';

type Filter = Omit<OcopSearch, 'provinceCode'>;

export async function ocopProducts(db: Db, provinceCode: string, filter: Filter) {
  return searchOcopProducts(db, { ...filter, provinceCode });
}

/** The directory page: the matching products and the province's communes (for the filter). */
export async function ocopDirectory(db: Db, provinceCode: string, filter: Filter) {
  const [products, communes] = await Promise.all([
    searchOcopProducts(db, { ...filter, provinceCode }),
    communesOfProvince(db, provinceCode),
  ]);
  return { products, communes };
}

/** One published product; 404 when it does not exist or is not public. */
export async function ocopProduct(db: Db, provinceCode: string, id: number) {
  const all = await searchOcopProducts(db, { provinceCode, limit: 100000 });
  const p = all.find((r) => r.id === id);
  if (!p) throw new NotFoundError();
  return p;
}
