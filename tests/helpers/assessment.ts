import { expect } from 'vitest';
import type { Browserless } from './http.ts';

export type PublicQuestion = {
  id: string;
  type: 'single' | 'multi' | 'boolean' | 'number';
  options?: { value: string | boolean; points: number }[];
  min?: number;
  max?: number;
  bands?: { min: number; max: number; points: number }[];
  scored?: false;
  condition?: { field: string; in: unknown[] };
};
export type PublicFramework = {
  id: string;
  version: number;
  pillars: { id: string; weight: number; questions: PublicQuestion[] }[];
  extraSections: { id: string; questions: PublicQuestion[] }[];
};

export async function fetchFramework(base: string, id: string): Promise<PublicFramework> {
  const res = await fetch(`${base}/api/v1/frameworks/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PublicFramework;
}

/** The best-scoring answer of a question, as form values. */
export function bestFormValue(q: PublicQuestion): string[] {
  if (q.type === 'number') {
    const best = [...(q.bands ?? [])].sort((a, b) => b.points - a.points)[0]!;
    return [String(best.min)];
  }
  const options = q.options ?? [];
  if (q.type === 'multi') {
    const scoring = options.filter((o) => o.points > 0).map((o) => String(o.value));
    // Unscored questions (barriers, tools): any real answer will do.
    return scoring.length ? scoring : [String(options[0]!.value)];
  }
  const best = [...options].sort((a, b) => b.points - a.points)[0]!;
  return [String(best.value)];
}

export function worstFormValue(q: PublicQuestion): string[] {
  if (q.type === 'number') {
    const worst = [...(q.bands ?? [])].sort((a, b) => a.points - b.points)[0]!;
    return [String(worst.min)];
  }
  const options = q.options ?? [];
  // Unscored "which tools do you use" questions: the worst answer is "none".
  if (q.type === 'multi' && options.some((o) => o.value === 'none')) return ['none'];
  const worst = [...options].sort((a, b) => a.points - b.points)[0]!;
  return [String(worst.value)];
}

export function questionIndex(fw: PublicFramework): Map<string, PublicQuestion> {
  const m = new Map<string, PublicQuestion>();
  for (const p of fw.pillars) for (const q of p.questions) m.set(q.id, q);
  for (const s of fw.extraSections) for (const q of s.questions) m.set(q.id, q);
  return m;
}

export function shownIds(html: string): string[] {
  const m = /name="shown" value="([^"]*)"/.exec(html);
  return m && m[1] ? m[1].split(',').filter(Boolean) : [];
}

/**
 * Answers pages from `from` until the review page (or `stopAfter` pages), like a person
 * without JavaScript: GET the page, POST its form, follow the redirect.
 */
export async function answerPages(
  c: Browserless,
  businessId: number,
  fw: PublicFramework,
  pick: (q: PublicQuestion) => string[],
  opts: { from?: number; stopAfter?: number } = {},
): Promise<string> {
  const questions = questionIndex(fw);
  let path = `/businesses/${businessId}/assessment/${opts.from ?? 1}`;
  let pages = 0;
  for (let guard = 0; guard < 50; guard++) {
    if (path.endsWith('/review')) return path;
    if (opts.stopAfter !== undefined && pages >= opts.stopAfter) return path;
    const page = await c.get(path);
    expect(page.status, path).toBe(200);
    const ids = shownIds(await page.text());
    const form: Record<string, string | string[]> = { shown: ids.join(','), intent: 'next' };
    for (const id of ids) form[`q_${id}`] = pick(questions.get(id)!);
    const res = await c.post(path, form);
    expect(res.status, `${path}: ${res.status === 400 ? await res.text() : ''}`).toBe(303);
    const next = new URL(res.headers.get('location')!, 'http://x');
    // New questions appeared (a condition now holds): back to the same page (`?new=…#q-…`), answer it again.
    if (next.pathname === path && next.searchParams.has('new')) continue;
    path = next.pathname;
    pages++;
  }
  throw new Error('questionnaire did not reach the review page');
}
