import { z } from 'zod';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { toProfile } from '#src/domain/framework/questionnaire.ts';
import { scoreAssessment, validateAnswers, type AnswerIssue } from '#src/domain/scoring/score.ts';
import { recommend } from '#src/domain/recommendations/engine.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { issuesFromZod } from '#src/domain/issues.ts';
import { PainsSchema } from '#src/domain/recommendations/pains.ts';

const MAX_VND = 1e15;

/** Body of POST /api/v1/score. */
export const ScoreRequestSchema = z.strictObject({
  framework: z.string({ error: 'Cần mã bộ tiêu chí / framework is required' }).min(1).max(50),
  version: z.number().int().positive().optional(),
  profile: z.strictObject({
    sector: z.enum(VSIC_CODES, { error: 'Ngành phải là một mục VSIC từ A đến U / sector must be a VSIC section letter A–U' }),
    employees: z
      .number({ error: 'Số lao động phải là số / employees must be a number' })
      .int('Số lao động phải là số nguyên / employees must be an integer')
      .min(0)
      .max(10_000_000),
    revenueVnd: z.number().min(0).max(MAX_VND).optional(),
    capitalVnd: z.number().min(0).max(MAX_VND).optional(),
    producerType: z.enum(PRODUCER_TYPES).optional(),
    communeCode: z
      .string()
      .regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / communeCode has 5 digits')
      .optional(),
  }),
  answers: z.record(z.string().max(100), z.unknown()),
  /** What holds the business back most (up to three pain ids of GET /api/v1/pains). */
  pains: PainsSchema.optional(),
});

export type ScoreOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; issues: AnswerIssue[] };

/** Validates and scores a request; every failure is an issue with a path into the body. */
export function scoreRequest(body: unknown, catalog: readonly Platform[]): ScoreOutcome {
  const parsed = ScoreRequestSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, issues: issuesFromZod(parsed.error) };
  }
  const req = parsed.data;
  const framework = getFramework(req.framework, req.version);
  if (!framework) return { ok: false, issues: [{ path: ['framework'], message: 'Không có bộ tiêu chí này / Unknown framework' }] };
  const profile = toProfile({
    sector: req.profile.sector,
    employees: req.profile.employees,
    revenueVnd: req.profile.revenueVnd ?? null,
    capitalVnd: req.profile.capitalVnd ?? null,
    producerType: req.profile.producerType ?? 'enterprise',
    communeCode: req.profile.communeCode ?? '',
  });
  if (!req.profile.communeCode) delete (profile as { communeCode?: string }).communeCode;
  const checked = validateAnswers(framework, profile, req.answers);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const result = scoreAssessment(framework, profile, checked.answers);
  const plan = recommend({ framework, profile, answers: checked.answers, catalog, pains: req.pains ?? [] });
  return {
    ok: true,
    body: {
      framework: result.framework,
      version: result.version,
      score: result.score,
      points: result.points,
      maxPoints: result.maxPoints,
      level: result.level,
      levelName: result.levelName,
      sizeClass: profile.sizeClass,
      pillars: result.pillars.map((p) => ({ id: p.id, score: p.score, points: p.points, level: p.level })),
      recommendations: plan.items.map((i) => ({
        step: i.step,
        category: i.category,
        need: i.need,
        platforms: i.platforms,
        reasons: i.reasons,
        pillars: i.pillars.map((p) => ({ id: p.id, gain: p.gain })),
        scoreGain: i.scoreGain,
        pains: i.pains,
      })),
      pains: plan.pains,
    },
  };
}
