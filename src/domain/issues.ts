import type { z } from 'zod';

/** One problem with an input, located by its path (field names and array indexes). */
export type FieldIssue = { path: (string | number)[]; message: string };

/**
 * The one mapping from a zod error to field issues. Messages are kept as written in the schema
 * ("Vietnamese / English"); `prefix` places the issues under a sub-form (e.g. `consent`).
 */
export function issuesFromZod(error: Pick<z.ZodError, 'issues'>, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}
