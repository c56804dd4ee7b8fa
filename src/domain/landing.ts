/**
 * Where each person starts after logging in: their own workspace, not the marketing home page.
 * Pure: the caller reads the user and the business's draft.
 */
import type { Role } from '#src/reference/roles.ts';

export type LandingInput = {
  role: Role;
  businessId: number | null;
  /** The business's questionnaire step when it has a draft ("profile", "3", "review"…). */
  draftStep?: string | null;
};

/** A path of the portal (without the language prefix). */
export function landingPath(u: LandingInput): string {
  switch (u.role) {
    case 'business':
      if (u.businessId === null) return '/takeover';
      if (u.draftStep) {
        const step = /^(\d+|profile|review)$/.test(u.draftStep) ? u.draftStep : '';
        return `/businesses/${u.businessId}/assessment${step ? `/${step}` : ''}`;
      }
      return `/businesses/${u.businessId}`;
    case 'helper':
      return '/assisted';
    case 'officer':
      return '/dashboard';
    case 'admin':
      return '/admin';
  }
}
