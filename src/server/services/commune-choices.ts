import type { Db } from '#src/db/client.ts';
import { communesOfProvince } from '#src/db/queries/accounts.ts';
import { canChooseCommune, type Actor } from '#src/server/auth/guards.ts';

// The options of a commune select. The list of communes is public reference data (the registration
// form shows it to anyone); which of them an actor may put a record in is decided by canChooseCommune.

/** Every commune and ward of the province, for self-registration and administrators. */
export async function provinceCommunes(db: Db, provinceCode: string) {
  return communesOfProvince(db, provinceCode);
}

/** The communes of the province an actor may put a record (a business, a product) in. */
export async function communeChoices(db: Db, actor: Actor, provinceCode: string) {
  return (await communesOfProvince(db, provinceCode)).filter((c) => canChooseCommune(actor, { code: c.code, provinceCode }));
}
