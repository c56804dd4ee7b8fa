import { ForbiddenError, NotFoundError, UnauthorizedError } from '#src/server/http/errors.ts';
import type { SessionUser } from './session.ts';
import type { Role } from '#src/reference/roles.ts';
import { scopeOf, type BusinessLocation, canSeeBusiness } from '#src/domain/access.ts';

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

/**
 * Whether an actor may put a record (a business, a product) in this commune. Staff keep records
 * inside their scope: a helper cannot move a business of their commune, or create its product,
 * elsewhere. A business owner may place their own records anywhere in the province (checked apart).
 */
export function canChooseCommune(actor: Actor, commune: { code: string; provinceCode: string }): boolean {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
    case 'business':
      return true;
    case 'province':
      return commune.provinceCode === scope.provinceCode;
    case 'commune':
      return commune.code === scope.communeCode;
    case 'none':
      return false;
  }
}

export const COMMUNE_OUT_OF_SCOPE = 'Xã/phường này ngoài phạm vi phụ trách của bạn / This commune or ward is outside your scope';

/** Province-wide staff only (e.g. the registry import rewrites the whole province's denominator). */
export function requireProvinceStaff(user: Actor | null | undefined): Actor {
  const actor = requireRole(user, 'admin', 'officer');
  if (actor.role === 'officer' && actor.scopeCommuneCode) throw new ForbiddenError();
  return actor;
}
