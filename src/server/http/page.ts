import type { AstroGlobal } from 'astro';
import { AppError, ValidationError, ConflictError } from './errors.ts';
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
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ConflictError) {
      Astro.response.status = error.status;
      return { kind: 'invalid', errors: fieldErrors(error.issues), message: error.message, values: form };
    }
    if (error instanceof AppError) {
      Astro.response.status = error.status;
      if (error.status === 429) {
        const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retry) Astro.response.headers.set('Retry-After', String(retry));
      }
      return { kind: 'error', message: error.message, status: error.status, values: form };
    }
    throw error;
  }
}

export { formValue } from './forms.ts';
