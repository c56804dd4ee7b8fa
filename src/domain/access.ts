// Access rules: what part of the data a signed-in person may see or change. Pure: no database, no request.
import type { Role } from '#src/reference/roles.ts';

/** The fields of a signed-in user that decide access (a session user has them all). */
export type Actor = {
  role: Role;
  businessId: number | null;
  scopeProvinceCode: string | null;
  scopeCommuneCode: string | null;
};

/** What part of the data an actor may see. Queries turn this into a WHERE clause. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'commune'; communeCode: string }
  | { kind: 'business'; businessId: number }
  | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'officer':
    case 'helper':
      if (actor.scopeCommuneCode) return { kind: 'commune', communeCode: actor.scopeCommuneCode };
      // A helper is always commune-scoped; one without a commune sees nothing rather than everything.
      if (actor.role === 'officer' && actor.scopeProvinceCode) return { kind: 'province', provinceCode: actor.scopeProvinceCode };
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

/** Business owners may change their own record; staff in scope may change records they can see. */
export function canEditBusiness(actor: Actor, business: BusinessLocation): boolean {
  if (actor.role === 'officer') return false;
  return canSeeBusiness(actor, business);
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
