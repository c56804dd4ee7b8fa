// The administrator's staff page: the accounts of staff, the communes to tie them to, the login limits in force.
import type { Db } from '#src/db/client.ts';
import { communesOfProvince, listStaff } from '#src/db/queries/accounts.ts';
import { activeThrottles } from '#src/server/auth/throttle.ts';
import { requireRole, type Actor } from '#src/server/auth/guards.ts';

export async function staffOverview(db: Db, actor: Actor | null, provinceCode: string, now: Date) {
  requireRole(actor, 'admin');
  const [staff, communes, throttles] = await Promise.all([listStaff(db), communesOfProvince(db, provinceCode), activeThrottles(db, now)]);
  return { staff, communes, throttles };
}
