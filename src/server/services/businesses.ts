import type { Db } from '#src/db/client.ts';
import { BUSINESS_PAGE_SIZE, listBusinesses } from '#src/db/queries/accounts.ts';
import { scopeOf } from '#src/domain/access.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { requireRole, type Actor } from '#src/server/auth/guards.ts';

/** One page of the businesses in the actor's scope (staff only), searched by name or tax code. */
export async function businessesInScope(db: Db, actor: Actor | null, opts: { page: number; q: string }) {
  const staff = requireRole(actor, 'officer', 'helper', 'admin');
  const { total, rows } = await listBusinesses(db, scopeOf(staff), { page: opts.page, q: opts.q ? toSearchKey(opts.q) : undefined });
  return { total, rows, pages: Math.max(1, Math.ceil(total / BUSINESS_PAGE_SIZE)) };
}
