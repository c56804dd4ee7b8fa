// The roles of the portal (stored in users.role). Imports nothing.

export const ROLES = ['business', 'helper', 'officer', 'admin'] as const;

export type Role = (typeof ROLES)[number];
