/** Building blocks shared by the pillar files of the DBI SME framework. */
import type { PlatformCategoryId } from '#src/reference/platform-categories.ts';

export type Grade = readonly [vi: string, en: string];
export type Scale = readonly [Grade, Grade, Grade, Grade, Grade, Grade];

/** g0 = nothing at all (0 points); g1…g5 = the five official grades (1…5 points). */
export function graded(grades: Scale, platformCategory?: PlatformCategoryId) {
  return grades.map(([vi, en], i) => ({
    value: `g${i}`,
    points: i,
    label: { vi, en },
    ...(platformCategory !== undefined && i > 0 ? { platformCategory } : {}),
  }));
}
