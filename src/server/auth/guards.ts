import { ForbiddenError, NotFoundError, UnauthorizedError } from '#src/server/http/errors.ts';
import type { SessionUser } from './session.ts';
import type { Role } from '#src/reference/roles.ts';
import { type BusinessLocation, canSeeBusiness } from '#src/domain/access.ts';

// The rule is pure and the queries need it too, so it lives in the domain; re-exported for the services.
export { canChooseCommune } from '#src/domain/access.ts';

// The one authorisation module: every page and API route asks here before it reads or writes.

export type Actor = SessionUser;

export function requireUser(user: Actor | null | undefined): Actor {
  if (!user) throw new UnauthorizedError();
  return user;
}

export function requireRole(user: Actor | null | undefined, ...roles: Role[]): Actor {
  const actor = requireUser(user);
  if (!roles.includes(actor.role)) throw new ForbiddenError();
  return actor;
}

/**
 * Throws 404 rather than 403 for records outside the actor's scope, so ids of other
 * businesses cannot be probed.
 */
export function requireBusinessAccess(actor: Actor | null | undefined, business: BusinessLocation | undefined): Actor {
  const a = requireUser(actor);
  if (!business || !canSeeBusiness(a, business)) throw new NotFoundError();
  return a;
}

export const COMMUNE_OUT_OF_SCOPE = 'Xã/phường này ngoài phạm vi phụ trách của bạn / This commune or ward is outside your scope';

/** Province-wide staff only (e.g. the registry import rewrites the whole province's denominator). */
export function requireProvinceStaff(user: Actor | null | undefined): Actor {
  const actor = requireRole(user, 'admin', 'officer');
  if (actor.role === 'officer' && actor.scopeCommuneCode) throw new ForbiddenError();
  return actor;
}
