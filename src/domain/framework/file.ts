/**
 * A framework file (JSON) as an administrator uploads it or `npm run framework:check FILE` reads it:
 * parsed and checked by the same schema as the shipped frameworks, with every problem at its path
 * (docs/frameworks.md, "Frameworks as data").
 *
 * Pure module: no astro, no database, no clock.
 */
import { FrameworkSchema } from './schema.ts';
import type { Framework } from './schema.ts';

export interface FileIssue {
  path: (string | number)[];
  message: string;
}

export type FrameworkFileResult = { ok: true; framework: Framework } | { ok: false; issues: FileIssue[] };

/** Largest framework file accepted (the 2021 index is about 120 KB as JSON). */
export const MAX_FRAMEWORK_FILE_BYTES = 1024 * 1024;

/** `pillars[0].questions[2].options[1].points`, or `(file)` for the whole file. */
export function issuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function checkFrameworkFile(text: string): FrameworkFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [{ path: [], message: `Không phải JSON hợp lệ / Not valid JSON: ${detail}` }] };
  }
  const result = FrameworkSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message })),
    };
  }
  return { ok: true, framework: result.data };
}
