import type { z } from 'zod';
import { issuesFromZod } from '#src/domain/issues.ts';
import { ValidationError, type ErrorMessage, type FieldIssue } from './errors.ts';

export type FieldErrors = Record<string, string>;

/** First message per field, for showing next to inputs. */
export function fieldErrors(issues: FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * Parses untrusted input with a schema: the typed value, or a ValidationError carrying one issue
 * per problem (messages as the schema wrote them). `prefix` nests the paths under a sub-form.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { prefix?: (string | number)[]; message?: ErrorMessage } = {},
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(issuesFromZod(parsed.error, options.prefix), options.message);
}

/** Single value of a form field (a repeated key keeps its first value); undefined when absent. */
export function formValue(form: Record<string, string | string[]> | undefined, key: string): string | undefined {
  const v = form?.[key];
  return Array.isArray(v) ? v[0] : v;
}
