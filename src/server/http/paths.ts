import { localePath, type Lang } from '#src/i18n/index.ts';

/** URL of an assessment step ('profile', a page number, 'review'). */
export function stepPath(lang: Lang, businessId: number, step: string | number): string {
  const s = String(step);
  if (s === 'profile' || s === 'review') return localePath(lang, `/businesses/${businessId}/assessment/${s}`);
  if (/^\d+$/.test(s)) return localePath(lang, `/businesses/${businessId}/assessment/${s}`);
  return localePath(lang, `/businesses/${businessId}/assessment`);
}

export function resultPath(lang: Lang, businessId: number, assessmentId: number): string {
  return localePath(lang, `/businesses/${businessId}/assessments/${assessmentId}`);
}
