import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';
import type { SessionUser } from './session.ts';
import type { Role } from '../../db/schema/index.ts';

// The one authorisation module: every page and API route asks here before it reads or writes.

export type Actor = SessionUser;

/** What part of the data an actor may see. Queries turn this into a WHERE clause. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'commune'; communeCode: string }
  | { kind: 'business'; businessId: number }
  | { kind: 'none' };

export function requireUser(user: Actor | null | undefined): Actor {
  if (!user) throw new UnauthorizedError();
  return user;
}

export function requireRole(user: Actor | null | undefined, ...roles: Role[]): Actor {
  const actor = requireUser(user);
  if (!roles.includes(actor.role)) throw new ForbiddenError();
  return actor;
}

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'officer':
    case 'helper':
      if (actor.scopeCommuneCode) return { kind: 'commune', communeCode: actor.scopeCommuneCode };
      // A helper is always commune-scoped; one without a commune sees nothing rather than everything.
      if (actor.role === 'officer' && actor.scopeProvinceCode)
        return { kind: 'province', provinceCode: actor.scopeProvinceCode };
      return { kind: 'none' };
    case 'business':
      return actor.businessId ? { kind: 'business', businessId: actor.businessId } : { kind: 'none' };
  }
}

export type BusinessLocation = { id: number; communeCode: string; provinceCode: string };

export function canSeeBusiness(actor: Actor, business: BusinessLocation): boolean {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return business.provinceCode === scope.provinceCode;
    case 'commune':
      return business.communeCode === scope.communeCode;
    case 'business':
      return business.id === scope.businessId;
    case 'none':
      return false;
  }
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

/** Business owners may change their own record; staff in scope may change records they can see. */
export function canEditBusiness(actor: Actor, business: BusinessLocation): boolean {
  if (actor.role === 'officer') return false;
  return canSeeBusiness(actor, business);
}

/** Province-wide staff only (e.g. the registry import rewrites the whole province's denominator). */
export function requireProvinceStaff(user: Actor | null | undefined): Actor {
  const actor = requireRole(user, 'admin', 'officer');
  if (actor.role === 'officer' && actor.scopeCommuneCode) throw new ForbiddenError();
  return actor;
}
