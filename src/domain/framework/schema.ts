/**
 * Assessment framework: the zod schema (also the shape of the public JSON API),
 * the TypeScript types derived from it, and the structural checks that run once
 * when a framework is loaded (`parseFramework`).
 *
 * Pure module: no astro, no database, no clock.
 */
import { z } from 'zod';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import type { PlatformCategoryId } from '#src/reference/platform-categories.ts';
import { SIZE_CLASS_LABELS } from '#src/reference/size-rules.ts';
import type { SizeClass } from '#src/reference/size-rules.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import type { VsicCode } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import type { ProducerType } from '#src/reference/producer-types.ts';

// ---------------------------------------------------------------------------
// Reference lists (one source of truth: src/reference)
// ---------------------------------------------------------------------------

export { PLATFORM_CATEGORY_IDS, VSIC_CODES };
export type { PlatformCategoryId, SizeClass, VsicCode };

export { PRODUCER_TYPES };
export type { ProducerType };

/** Size classes of Nghị định 80/2021 plus "large", in the order of SIZE_CLASS_LABELS. */
const SIZE_CLASSES = Object.keys(SIZE_CLASS_LABELS) as readonly SizeClass[];

/**
 * What we know about a business when it answers. `sizeClass` is derived by
 * another module (Nghị định 80/2021) and passed in; conditions may use it.
 */
export interface Profile {
  sector: VsicCode;
  employees: number;
  revenueVnd?: number;
  capitalVnd?: number;
  producerType?: ProducerType;
  communeCode?: string;
  sizeClass?: SizeClass;
}

/** Profile fields a condition may refer to as `profile.<name>`. */
export const PROFILE_FIELDS = [
  'sector',
  'employees',
  'revenueVnd',
  'capitalVnd',
  'producerType',
  'communeCode',
  'sizeClass',
] as const satisfies readonly (keyof Profile)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

// ---------------------------------------------------------------------------
// Zod schema
// ---------------------------------------------------------------------------

const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;
const IdSchema = z.string().regex(ID_PATTERN, 'id: lowercase letters, digits, "_" or "-"');

export const LocalizedSchema = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type Localized = z.infer<typeof LocalizedSchema>;

const PointsSchema = z.number().nonnegative();

const ChoiceOptionSchema = z.strictObject({
  value: z.string().min(1),
  points: PointsSchema,
  label: LocalizedSchema,
  platformCategory: z.enum(PLATFORM_CATEGORY_IDS).optional(),
});

const MultiOptionSchema = ChoiceOptionSchema.extend({
  /** "None of these": cannot be combined with any other option. */
  exclusive: z.literal(true).optional(),
});

const BooleanOptionSchema = ChoiceOptionSchema.extend({ value: z.boolean() });

const ConditionValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const ConditionSchema = z.strictObject({
  /** `profile.<field>` or `answers.<earlier question id>`. */
  field: z.string().min(1),
  in: z.array(ConditionValueSchema).min(1),
});
export type Condition = z.infer<typeof ConditionSchema>;

const VariantSchema = z.strictObject({
  sectors: z.array(z.enum(VSIC_CODES)).min(1),
  text: LocalizedSchema,
});

const BandSchema = z.strictObject({
  min: z.number().int(),
  max: z.number().int(),
  points: PointsSchema,
});

const QuestionBase = {
  id: IdSchema,
  text: LocalizedSchema,
  /** One line: why we ask. Shown under the question. */
  why: LocalizedSchema,
  component: IdSchema.optional(),
  condition: ConditionSchema.optional(),
  /** Sector-specific wording or examples; the first variant listing the sector wins. */
  variants: z.array(VariantSchema).min(1).optional(),
  /** `false` for questions that never affect scores (barriers, platform usage). */
  scored: z.literal(false).optional(),
};

export const SingleQuestionSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('single'),
  options: z.array(ChoiceOptionSchema).min(2),
});

export const MultiQuestionSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('multi'),
  options: z.array(MultiOptionSchema).min(2),
  /** Upper bound on the summed points of the selected options. */
  cap: z.number().positive().optional(),
});

export const BooleanQuestionSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('boolean'),
  options: z.array(BooleanOptionSchema).length(2),
});

/**
 * Number questions are counts (products listed, staff…): answers are whole
 * numbers in [min, max], and bands are inclusive integer ranges. A value that
 * falls in no band scores 0.
 */
export const NumberQuestionSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('number'),
  min: z.number().int(),
  max: z.number().int(),
  bands: z.array(BandSchema).min(1),
  unit: LocalizedSchema.optional(),
});

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultiQuestionSchema,
  BooleanQuestionSchema,
  NumberQuestionSchema,
]);

export const ComponentSchema = z.strictObject({ id: IdSchema, name: LocalizedSchema });

export const PillarSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedSchema,
  /** Relative weight in the total; 0 keeps the pillar out of the total and the level rule. */
  weight: z.number().nonnegative(),
  /** Optional pin: when present it must equal the sum of the questions' best points. */
  maxPoints: z.number().positive().optional(),
  components: z.array(ComponentSchema).min(1).optional(),
  questions: z.array(QuestionSchema).min(1),
});

/** Unscored questions (barriers, platform usage) live here, never in pillars. */
export const ExtraSectionSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedSchema,
  questions: z.array(QuestionSchema).min(1),
});

export const LevelSchema = z.strictObject({
  level: z.number().int().nonnegative(),
  /** Total score (0–100) must be strictly greater than this. */
  minScore: z.number().min(0).max(100),
  /** Number of weighted pillars that must be at this level or higher. */
  minPillars: z.number().int().nonnegative(),
  name: LocalizedSchema,
  description: LocalizedSchema,
});

export const PillarLevelSchema = z.strictObject({
  level: z.number().int().nonnegative(),
  /** Pillar score (0–100) must be strictly greater than this. */
  minScore: z.number().min(0).max(100),
});

/**
 * What a framework rests on. `current`: an official index in force; `superseded`: an official index
 * that has been replaced (kept so that old results keep their meaning); `local`: our own reading or
 * a province's, not an official index (the legal basis then says whose reading it is).
 */
export const FRAMEWORK_STATUSES = ['current', 'superseded', 'local'] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];

const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

export const SourceSchema = z.strictObject({
  title: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/ }),
});

export const FrameworkMetaSchema = z
  .strictObject({
    status: z.enum(FRAMEWORK_STATUSES),
    /** e.g. "QĐ 1970/QĐ-BTTTT, 13/12/2021"; a local framework says whose reading it is. */
    legalBasis: LocalizedSchema,
    validFrom: IsoDateSchema.optional(),
    /** Set when the framework was replaced (status superseded). */
    validTo: IsoDateSchema.optional(),
    /** Public texts the framework was built from; at least one. */
    sources: z.array(SourceSchema).min(1),
    /** What in the framework is our reading rather than official text. */
    reading: LocalizedSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.validFrom && m.validTo && m.validTo < m.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo must not be before validFrom' });
    if (m.status === 'superseded' && !m.validTo)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'a superseded framework needs validTo' });
  });
export type FrameworkMeta = z.infer<typeof FrameworkMetaSchema>;

const FrameworkObjectSchema = z.strictObject({
  id: IdSchema,
  version: z.number().int().positive(),
  title: LocalizedSchema,
  description: LocalizedSchema.optional(),
  meta: FrameworkMetaSchema,
  /**
   * How a pillar's maximum is counted. `all` (default): every scored question, whether shown or
   * not (the DBI rule). `profile`: only the questions this profile can be shown, so a sector
   * module of another sector does not count; questions hidden by an answer still count.
   */
  maximum: z.enum(['all', 'profile']).optional(),
  levels: z.array(LevelSchema).min(2),
  pillarLevels: z.array(PillarLevelSchema).min(1),
  pillars: z.array(PillarSchema).min(1),
  extraSections: z.array(ExtraSectionSchema).optional(),
  /**
   * Every question of the questionnaire may be answered "Không biết" (UNKNOWN_ANSWER): it scores
   * like the worst answer (0) and the result lists it as "cần kiểm tra".
   */
  allowUnknown: z.literal(true).optional(),
});

export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;
export type MultiOption = z.infer<typeof MultiOptionSchema>;
export type BooleanOption = z.infer<typeof BooleanOptionSchema>;
export type Option = ChoiceOption | MultiOption | BooleanOption;
export type Band = z.infer<typeof BandSchema>;
export type SingleQuestion = z.infer<typeof SingleQuestionSchema>;
export type MultiQuestion = z.infer<typeof MultiQuestionSchema>;
export type BooleanQuestion = z.infer<typeof BooleanQuestionSchema>;
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type Component = z.infer<typeof ComponentSchema>;
export type Pillar = z.infer<typeof PillarSchema>;
export type ExtraSection = z.infer<typeof ExtraSectionSchema>;
export type Level = z.infer<typeof LevelSchema>;
export type PillarLevel = z.infer<typeof PillarLevelSchema>;
export type Framework = z.infer<typeof FrameworkObjectSchema>;
/** What framework data modules are typed as (same shapes; checked by parseFramework). */
export type FrameworkInput = z.input<typeof FrameworkObjectSchema>;
export type PillarInput = z.input<typeof PillarSchema>;
export type ExtraSectionInput = z.input<typeof ExtraSectionSchema>;
export type QuestionInput = z.input<typeof QuestionSchema>;
export type LevelInput = z.input<typeof LevelSchema>;
export type PillarLevelInput = z.input<typeof PillarLevelSchema>;

/**
 * The stored answer "Không biết" (I do not know), for frameworks with `allowUnknown`. It matches no
 * option, so it earns 0 points and opens no follow-up; no option may use this value.
 */
export const UNKNOWN_ANSWER = 'dont_know';

/** A single answer as stored: option value, selected values, or a number. */
export type AnswerValue = string | boolean | number | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

// ---------------------------------------------------------------------------
// Structural helpers (also used by scoring)
// ---------------------------------------------------------------------------

export function isScored(question: Question): boolean {
  return question.scored !== false;
}

/** Best points a question can give. */
export function questionMaxPoints(question: Question): number {
  switch (question.type) {
    case 'single':
    case 'boolean':
      return Math.max(...question.options.map((o) => o.points));
    case 'multi': {
      const combinable = question.options.filter((o) => !o.exclusive).reduce((s, o) => s + o.points, 0);
      const capped = question.cap === undefined ? combinable : Math.min(question.cap, combinable);
      const exclusive = Math.max(0, ...question.options.filter((o) => o.exclusive).map((o) => o.points));
      return Math.max(capped, exclusive);
    }
    case 'number':
      return Math.max(...question.bands.map((b) => b.points));
  }
}

/** Worst points an answer can give (leaving a multi empty counts as an answer worth 0). */
export function questionMinPoints(question: Question): number {
  switch (question.type) {
    case 'single':
    case 'boolean':
      return Math.min(...question.options.map((o) => o.points));
    case 'multi':
      return 0;
    case 'number': {
      if (!bandsCoverRange(question)) return 0;
      return Math.min(...question.bands.map((b) => b.points));
    }
  }
}

function bandsCoverRange(question: NumberQuestion): boolean {
  const sorted = [...question.bands].sort((a, b) => a.min - b.min);
  let next = question.min;
  for (const band of sorted) {
    if (band.min > next) return false;
    next = Math.max(next, band.max + 1);
  }
  return next > question.max;
}

/** Fixed maximum of a pillar: the best points of every scored question (see scoring.ts). */
export function pillarMaxPoints(pillar: Pillar): number {
  return pillar.questions.filter(isScored).reduce((sum, q) => sum + questionMaxPoints(q), 0);
}

/** Every question of the framework in questionnaire order: pillars, then extra sections. */
export function allQuestions(framework: Framework): readonly Question[] {
  let found = questionLists.get(framework);
  if (!found) {
    found = Object.freeze([
      ...framework.pillars.flatMap((p) => p.questions),
      ...(framework.extraSections ?? []).flatMap((s) => s.questions),
    ]);
    questionLists.set(framework, found);
  }
  return found;
}
// A loaded framework never changes: its question list is made once (scoring walks it several times a request).
const questionLists = new WeakMap<Framework, readonly Question[]>();

export type ConditionTarget = { kind: 'profile'; name: ProfileField } | { kind: 'answers'; questionId: string };

/** Splits `profile.sector` / `answers.c1_website`; undefined when the field is malformed. */
export function parseConditionField(field: string): ConditionTarget | undefined {
  const dot = field.indexOf('.');
  if (dot < 0) return undefined;
  const scope = field.slice(0, dot);
  const name = field.slice(dot + 1);
  if (scope === 'profile' && (PROFILE_FIELDS as readonly string[]).includes(name)) {
    return { kind: 'profile', name: name as ProfileField };
  }
  if (scope === 'answers' && ID_PATTERN.test(name)) return { kind: 'answers', questionId: name };
  return undefined;
}

/** Question wording for a sector: the first variant that lists the sector, else the default text. */
export function questionText(question: Question, sector?: string): Localized {
  if (sector === undefined) return question.text;
  return question.variants?.find((v) => (v.sectors as readonly string[]).includes(sector))?.text ?? question.text;
}

// ---------------------------------------------------------------------------
// Cross-field checks
// ---------------------------------------------------------------------------

type Issue = { path: (string | number)[]; message: string };

function checkUniqueIds(fw: Framework, issues: Issue[]): void {
  const sections = new Set<string>();
  fw.pillars.forEach((p, i) => {
    if (sections.has(p.id)) issues.push({ path: ['pillars', i, 'id'], message: `duplicate section id "${p.id}"` });
    sections.add(p.id);
  });
  (fw.extraSections ?? []).forEach((s, i) => {
    if (sections.has(s.id)) issues.push({ path: ['extraSections', i, 'id'], message: `duplicate section id "${s.id}"` });
    sections.add(s.id);
  });

  const components = new Set<string>();
  fw.pillars.forEach((p, i) =>
    (p.components ?? []).forEach((c, j) => {
      if (components.has(c.id)) issues.push({ path: ['pillars', i, 'components', j, 'id'], message: `duplicate component id "${c.id}"` });
      components.add(c.id);
    }),
  );

  const questions = new Set<string>();
  forEachQuestion(fw, (q, path) => {
    if (questions.has(q.id)) issues.push({ path: [...path, 'id'], message: `duplicate question id "${q.id}"` });
    questions.add(q.id);
  });
}

function forEachQuestion(
  fw: Framework,
  visit: (q: Question, path: (string | number)[], where: 'pillar' | 'extra', pillar?: Pillar) => void,
): void {
  fw.pillars.forEach((p, i) => p.questions.forEach((q, j) => visit(q, ['pillars', i, 'questions', j], 'pillar', p)));
  (fw.extraSections ?? []).forEach((s, i) => s.questions.forEach((q, j) => visit(q, ['extraSections', i, 'questions', j], 'extra')));
}

function checkQuestionShape(q: Question, path: (string | number)[], issues: Issue[]): void {
  if (q.type !== 'number') {
    const seen = new Set<string | boolean>();
    q.options.forEach((o, k) => {
      if (seen.has(o.value))
        issues.push({ path: [...path, 'options', k, 'value'], message: `duplicate option value "${String(o.value)}"` });
      if (o.value === UNKNOWN_ANSWER)
        issues.push({ path: [...path, 'options', k, 'value'], message: `"${UNKNOWN_ANSWER}" is reserved for "Không biết"` });
      seen.add(o.value);
    });
  }
  if (q.type === 'boolean') {
    const values = q.options.map((o) => o.value);
    if (!values.includes(true) || !values.includes(false)) {
      issues.push({ path: [...path, 'options'], message: 'boolean question needs exactly one true and one false option' });
    }
  }
  if (q.type === 'multi' && q.options.every((o) => o.exclusive)) {
    issues.push({ path: [...path, 'options'], message: 'multi question needs at least one non-exclusive option' });
  }
  if (q.type === 'number') {
    if (q.min > q.max) issues.push({ path: [...path, 'min'], message: 'min must not exceed max' });
    const sorted = q.bands.map((b, k) => ({ ...b, k })).sort((a, b) => a.min - b.min);
    sorted.forEach((b, idx) => {
      if (b.min > b.max) issues.push({ path: [...path, 'bands', b.k], message: 'band min must not exceed band max' });
      if (b.min < q.min || b.max > q.max) issues.push({ path: [...path, 'bands', b.k], message: 'band must lie inside [min, max]' });
      const prev = sorted[idx - 1];
      if (prev && b.min <= prev.max) issues.push({ path: [...path, 'bands', b.k], message: 'bands must not overlap' });
    });
  }
}

function checkScoring(q: Question, path: (string | number)[], where: 'pillar' | 'extra', issues: Issue[]): void {
  // Decision: unscored questions live only in extraSections, so a pillar's
  // questions are exactly the ones that count.
  if (where === 'pillar' && !isScored(q)) {
    issues.push({ path: [...path, 'scored'], message: 'unscored questions belong in extraSections' });
  }
  if (where === 'extra' && isScored(q)) {
    issues.push({ path: [...path, 'scored'], message: 'questions in extraSections must have scored: false' });
  }
  if (where === 'pillar') {
    // "Nothing at all" must score 0 so that all-worst answers give 0 and an
    // unanswered question is the same as the worst answer.
    if (questionMinPoints(q) !== 0) issues.push({ path, message: 'the worst answer of a scored question must be worth 0 points' });
    if (questionMaxPoints(q) <= 0) issues.push({ path, message: 'a scored question must be able to earn points' });
  }
}

function checkComponent(q: Question, path: (string | number)[], pillar: Pillar | undefined, issues: Issue[]): void {
  if (!pillar) {
    if (q.component !== undefined) issues.push({ path: [...path, 'component'], message: 'questions in extraSections have no component' });
    return;
  }
  if (!pillar.components) {
    if (q.component !== undefined) issues.push({ path: [...path, 'component'], message: `pillar "${pillar.id}" has no components` });
    return;
  }
  if (q.component === undefined) {
    issues.push({ path: [...path, 'component'], message: `pillar "${pillar.id}" has components: every question must name one` });
  } else if (!pillar.components.some((c) => c.id === q.component)) {
    issues.push({ path: [...path, 'component'], message: `unknown component "${q.component}" in pillar "${pillar.id}"` });
  }
}

function checkVariants(q: Question, path: (string | number)[], issues: Issue[]): void {
  const seen = new Set<string>();
  (q.variants ?? []).forEach((v, k) =>
    v.sectors.forEach((s) => {
      if (seen.has(s)) issues.push({ path: [...path, 'variants', k, 'sectors'], message: `sector ${s} appears in two variants` });
      seen.add(s);
    }),
  );
}

const PROFILE_VALUE_CHECKS: Record<ProfileField, (v: unknown) => boolean> = {
  sector: (v) => (VSIC_CODES as readonly unknown[]).includes(v),
  employees: (v) => Number.isInteger(v) && (v as number) >= 0,
  revenueVnd: (v) => typeof v === 'number' && v >= 0,
  capitalVnd: (v) => typeof v === 'number' && v >= 0,
  producerType: (v) => (PRODUCER_TYPES as readonly unknown[]).includes(v),
  communeCode: (v) => typeof v === 'string',
  sizeClass: (v) => (SIZE_CLASSES as readonly unknown[]).includes(v),
};

function checkCondition(q: Question, path: (string | number)[], earlier: ReadonlyMap<string, Question>, issues: Issue[]): void {
  if (!q.condition) return;
  const cpath = [...path, 'condition'];
  const target = parseConditionField(q.condition.field);
  if (!target) {
    issues.push({
      path: [...cpath, 'field'],
      message: `condition field must be profile.<${PROFILE_FIELDS.join('|')}> or answers.<question id>`,
    });
    return;
  }
  if (target.kind === 'profile') {
    const ok = PROFILE_VALUE_CHECKS[target.name];
    q.condition.in.forEach((v, k) => {
      if (!ok(v)) issues.push({ path: [...cpath, 'in', k], message: `not a possible value of profile.${target.name}` });
    });
    return;
  }
  const ref = earlier.get(target.questionId);
  if (!ref) {
    issues.push({ path: [...cpath, 'field'], message: `condition must refer to an earlier question, not "${target.questionId}"` });
    return;
  }
  if (ref.type === 'number') {
    // Equality on counts is brittle; ask a choice question first instead.
    issues.push({ path: [...cpath, 'field'], message: 'conditions may not refer to number questions' });
    return;
  }
  const values = ref.options.map((o) => o.value);
  q.condition.in.forEach((v, k) => {
    if (!(values as unknown[]).includes(v))
      issues.push({ path: [...cpath, 'in', k], message: `"${String(v)}" is not an option of ${ref.id}` });
  });
  // Improving an answer must never hide a scored question that could already
  // count, otherwise "better answer → lower score" becomes possible. So a scored
  // question may only depend on a single/boolean answer through an upward-closed
  // set: if an option is in the list, every option worth more is too.
  if (isScored(q) && ref.type === 'multi') {
    // Adding a selection can only reveal such a question, except by dropping
    // an exclusive "none" option: so a scored question may not depend on one.
    q.condition.in.forEach((v, k) => {
      if (ref.options.some((o) => o.value === v && o.exclusive)) {
        issues.push({
          path: [...cpath, 'in', k],
          message: `a scored question's condition may not list the exclusive option "${String(v)}"`,
        });
      }
    });
  }
  if (isScored(q) && ref.type !== 'multi') {
    const listed = ref.options.filter((o) => (q.condition!.in as unknown[]).includes(o.value));
    const threshold = Math.min(...listed.map((o) => o.points));
    const missing = ref.options.filter((o) => o.points > threshold && !listed.includes(o));
    if (missing.length > 0) {
      issues.push({
        path: [...cpath, 'in'],
        message: `a scored question's condition must include every better option of ${ref.id} (missing ${missing.map((o) => String(o.value)).join(', ')})`,
      });
    }
  }
}

function checkPillars(fw: Framework, issues: Issue[]): void {
  fw.pillars.forEach((p, i) => {
    const max = pillarMaxPoints(p);
    if (max <= 0) issues.push({ path: ['pillars', i], message: 'pillar maximum must be > 0' });
    if (p.maxPoints !== undefined && p.maxPoints !== max) {
      issues.push({ path: ['pillars', i, 'maxPoints'], message: `maxPoints is ${p.maxPoints} but the questions add up to ${max}` });
    }
  });
  const totalWeight = fw.pillars.reduce((s, p) => s + p.weight, 0);
  if (!(totalWeight > 0)) issues.push({ path: ['pillars'], message: 'pillar weights must add up to more than 0' });
}

function checkLevels(fw: Framework, issues: Issue[]): void {
  const weighted = fw.pillars.filter((p) => p.weight > 0).length;
  fw.levels.forEach((l, i) => {
    if (l.level !== i) issues.push({ path: ['levels', i, 'level'], message: `levels must be 0, 1, 2… in order (expected ${i})` });
    if (i === 0 && (l.minScore !== 0 || l.minPillars !== 0)) {
      issues.push({ path: ['levels', 0], message: 'level 0 is the fallback: minScore 0 and minPillars 0' });
    }
    const prev = fw.levels[i - 1];
    if (prev && l.minScore <= prev.minScore)
      issues.push({ path: ['levels', i, 'minScore'], message: 'minScore must be strictly ascending' });
    // Non-decreasing minPillars keeps the rule cumulative: reaching level L implies reaching every lower level.
    if (prev && l.minPillars < prev.minPillars) issues.push({ path: ['levels', i, 'minPillars'], message: 'minPillars must not decrease' });
    if (l.minPillars > weighted) issues.push({ path: ['levels', i, 'minPillars'], message: `only ${weighted} pillars carry weight` });
    if (l.minScore >= 100)
      issues.push({ path: ['levels', i, 'minScore'], message: 'minScore must be below 100 or the level is unreachable' });
  });
  const top = fw.levels.length - 1;
  fw.pillarLevels.forEach((l, i) => {
    if (l.level < 1 || l.level > top) issues.push({ path: ['pillarLevels', i, 'level'], message: `pillar levels run from 1 to ${top}` });
    const prev = fw.pillarLevels[i - 1];
    if (prev && l.level <= prev.level) issues.push({ path: ['pillarLevels', i, 'level'], message: 'pillar levels must be ascending' });
    if (prev && l.minScore <= prev.minScore)
      issues.push({ path: ['pillarLevels', i, 'minScore'], message: 'pillar minScore must be strictly ascending' });
    if (l.minScore >= 100)
      issues.push({ path: ['pillarLevels', i, 'minScore'], message: 'minScore must be below 100 or the level is unreachable' });
  });
}

/** Every cross-field rule; returns issues rather than throwing so tests can read them. */
export function frameworkIssues(fw: Framework): Issue[] {
  const issues: Issue[] = [];
  checkUniqueIds(fw, issues);
  checkPillars(fw, issues);
  checkLevels(fw, issues);
  const earlier = new Map<string, Question>();
  forEachQuestion(fw, (q, path, where, pillar) => {
    checkQuestionShape(q, path, issues);
    checkScoring(q, path, where, issues);
    checkComponent(q, path, pillar, issues);
    checkVariants(q, path, issues);
    checkCondition(q, path, earlier, issues);
    if (!earlier.has(q.id)) earlier.set(q.id, q);
  });
  return issues;
}

export const FrameworkSchema = FrameworkObjectSchema.superRefine((fw, ctx) => {
  for (const issue of frameworkIssues(fw)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/**
 * Validates a framework at load time and returns it typed. Throws with every
 * problem listed: a broken framework must stop the server, not score people.
 */
export function parseFramework(data: unknown): Framework {
  const result = FrameworkSchema.safeParse(data);
  if (!result.success) {
    const id = typeof data === 'object' && data !== null && 'id' in data ? String((data as { id: unknown }).id) : '?';
    throw new Error(`Invalid framework "${id}":\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
