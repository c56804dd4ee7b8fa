import type { z } from 'zod';
import type { FieldIssue } from './errors.ts';

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

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** Single value of a form field (a repeated key keeps its first value); undefined when absent. */
export function formValue(form: Record<string, string | string[]> | undefined, key: string): string | undefined {
  const v = form?.[key];
  return Array.isArray(v) ? v[0] : v;
}
