import type { AstroGlobal } from 'astro';
import { AppError, ValidationError, ConflictError, RateLimitedError } from './errors.ts';
import { fieldErrors, type FieldErrors } from './forms.ts';
import { readForm } from './body.ts';

export type FormOutcome<T> =
  | { kind: 'idle' }
  | { kind: 'ok'; value: T }
  | { kind: 'invalid'; errors: FieldErrors; message: string; values: Record<string, string | string[]> }
  | { kind: 'error'; message: string; status: number; values: Record<string, string | string[]> };

/**
 * Runs a form POST for a page: parses the body, calls the action, and turns validation and
 * business failures into field errors with a 4xx status instead of a 500.
 */
export async function handleForm<T>(
  Astro: AstroGlobal,
  action: (form: Record<string, string | string[]>) => Promise<T>,
): Promise<FormOutcome<T>> {
  if (Astro.request.method !== 'POST') return { kind: 'idle' };
  let form: Record<string, string | string[]> = {};
  try {
    form = await readForm(Astro.request);
    return { kind: 'ok', value: await action(form) };
  } catch (thrown) {
    const error = pageError(Astro, thrown);
    if (error instanceof ValidationError || error instanceof ConflictError) {
      return { kind: 'invalid', errors: fieldErrors(error.issues), message: error.message, values: form };
    }
    return { kind: 'error', message: error.message, status: error.status, values: form };
  }
}

/**
 * The one mapping of a failure shown inside a page: a typed failure sets the response status
 * (and Retry-After) and is returned for the page to show; anything else is rethrown for the
 * middleware, which renders /error or lets a real fault be a 500.
 */
export function pageError(Astro: Pick<AstroGlobal, 'response'>, thrown: unknown): AppError {
  if (!(thrown instanceof AppError)) throw thrown;
  Astro.response.status = thrown.status;
  if (thrown instanceof RateLimitedError) Astro.response.headers.set('Retry-After', String(thrown.retryAfterSeconds));
  return thrown;
}

export { formValue } from './forms.ts';
