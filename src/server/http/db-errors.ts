import { ConflictError } from './errors.ts';

/**
 * True for a UNIQUE (or primary key) constraint failure from libSQL, however deeply wrapped
 * (drizzle wraps driver errors in DrizzleQueryError with the original as `cause`).
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, extendedCode, message } = e as { code?: unknown; extendedCode?: unknown; message?: unknown };
    if (extendedCode === 'SQLITE_CONSTRAINT_UNIQUE' || extendedCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    if (typeof message === 'string' && /UNIQUE constraint failed|PRIMARY KEY constraint failed/.test(message)) return true;
  }
  return false;
}

export const GENERIC_CONFLICT = 'Dữ liệu này đã tồn tại / This already exists';

/**
 * The one place a unique-constraint failure becomes a 409: runs the write and turns a lost race
 * (another request inserted the same key between our check and our insert) into `conflict`.
 */
export async function conflictOnUnique<T>(
  write: () => Promise<T>,
  conflict: () => ConflictError = () => new ConflictError(GENERIC_CONFLICT),
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** A lost unique-index race is a conflict, not a server failure; every other value passes unchanged. */
export function asAppError(thrown: unknown): unknown {
  return isUniqueViolation(thrown) ? new ConflictError(GENERIC_CONFLICT) : thrown;
}
