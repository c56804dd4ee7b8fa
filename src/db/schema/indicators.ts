import { integer, primaryKey, real, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import type { CounterKey } from '#src/domain/indicators/definitions.ts';

/**
 * The newest submitted assessment of each business in each period (quarter "2026-Q3" and year
 * "2026"), with what it contributes to the indicators. Kept so a retake can replace its own
 * contribution in `indicator_cells`.
 */
export const indicatorFacts = sqliteTable(
  'indicator_facts',
  {
    periodId: text('period_id').notNull(),
    businessId: integer('business_id').notNull(),
    assessmentId: integer('assessment_id').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    frameworkId: text('framework_id').notNull(),
    communeCode: text('commune_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    level: integer('level').notNull(),
    score: real('score').notNull(),
    pillars: text('pillars', { mode: 'json' }).$type<{ id: string; score: number }[]>().notNull(),
    sme: integer('sme').notNull(),
    platform: integer('platform').notNull(),
    digital: integer('digital').notNull(),
    einvoice: integer('einvoice').notNull(),
    etax: integer('etax').notNull().default(0),
    epayment: integer('epayment').notNull(),
    econtract: integer('econtract').notNull(),
    ecommerce: integer('ecommerce').notNull(),
    inRegistry: integer('in_registry').notNull(),
    recommended: integer('recommended').notNull(),
    adoptedRecommended: integer('adopted_recommended').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.businessId] }),
    // Drill-downs list the businesses behind a number for one commune and period.
    index('indicator_facts_commune_idx').on(t.periodId, t.communeCode),
  ],
);

/**
 * The counters every cell keeps (a fresh set of column builders per table): one per COUNTER_KEYS
 * entry of the definition table (a type check below keeps the two in step).
 */
function counterColumns() {
  return {
    n: integer('n').notNull(),
    nSme: integer('n_sme').notNull(),
    nSmePlatform: integer('n_sme_platform').notNull(),
    nDigital: integer('n_digital').notNull(),
    nAskedEinvoice: integer('n_asked_einvoice').notNull().default(0),
    nEinvoice: integer('n_einvoice').notNull(),
    nAskedEtax: integer('n_asked_etax').notNull().default(0),
    nEtax: integer('n_etax').notNull().default(0),
    nAskedEpayment: integer('n_asked_epayment').notNull().default(0),
    nEpayment: integer('n_epayment').notNull(),
    nAskedEcontract: integer('n_asked_econtract').notNull().default(0),
    nEcontract: integer('n_econtract').notNull(),
    nAskedEcommerce: integer('n_asked_ecommerce').notNull().default(0),
    nEcommerce: integer('n_ecommerce').notNull(),
    nNotInRegistry: integer('n_not_in_registry').notNull(),
    l0: integer('l0').notNull(),
    l1: integer('l1').notNull(),
    l2: integer('l2').notNull(),
    l3: integer('l3').notNull(),
    l4: integer('l4').notNull(),
    l5: integer('l5').notNull(),
    scoreSum: real('score_sum').notNull(),
    recommended: integer('recommended').notNull(),
    adoptedRecommended: integer('adopted_recommended').notNull(),
  };
}

/**
 * Counters per period × commune × sector × size class × producer type: the dashboard sums these
 * (a few thousand rows) instead of scanning every assessment. Empty text stands for "unknown".
 */
export const indicatorCells = sqliteTable(
  'indicator_cells',
  {
    periodId: text('period_id').notNull(),
    communeCode: text('commune_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.communeCode, t.sector, t.sizeClass, t.producerType] })],
);

/**
 * The same counters one level up (period × province × sector × size × type): a province-wide view
 * sums a few hundred rows whatever the number of communes.
 */
export const provinceCells = sqliteTable(
  'province_cells',
  {
    periodId: text('period_id').notNull(),
    provinceCode: text('province_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.provinceCode, t.sector, t.sizeClass, t.producerType] })],
);

/** Pillar score sums per cell and framework (pillars differ between frameworks). */
export const pillarCells = sqliteTable(
  'pillar_cells',
  {
    periodId: text('period_id').notNull(),
    communeCode: text('commune_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    frameworkId: text('framework_id').notNull(),
    pillarId: text('pillar_id').notNull(),
    n: integer('n').notNull(),
    scoreSum: real('score_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.communeCode, t.sector, t.sizeClass, t.producerType, t.frameworkId, t.pillarId] })],
);

/** Pillar sums one level up, for province-wide views. */
export const provincePillarCells = sqliteTable(
  'province_pillar_cells',
  {
    periodId: text('period_id').notNull(),
    provinceCode: text('province_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    frameworkId: text('framework_id').notNull(),
    pillarId: text('pillar_id').notNull(),
    n: integer('n').notNull(),
    scoreSum: real('score_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.provinceCode, t.sector, t.sizeClass, t.producerType, t.frameworkId, t.pillarId] })],
);

/** Targets set by an admin, province-wide (communeCode '') or per commune. */
export const indicatorTargets = sqliteTable(
  'indicator_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: text('indicator_id').notNull(),
    communeCode: text('commune_code').notNull().default(''),
    baselineDate: text('baseline_date').notNull(),
    baselineValue: real('baseline_value').notNull(),
    targetDate: text('target_date').notNull(),
    targetValue: real('target_value').notNull(),
    /** Where the figure comes from (plan or decision, or "mục tiêu mẫu" for a sample); shown beside the target. */
    basis: text('basis'),
    /** Seeded with the demo province (SEED_DEMO=1); `npm run demo:remove` deletes it. */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('indicator_targets_idx').on(t.indicatorId, t.communeCode)],
);

export type IndicatorFact = typeof indicatorFacts.$inferSelect;
export type IndicatorCell = typeof indicatorCells.$inferSelect;

/** A compile error here means the cell columns and the definition table's COUNTER_KEYS differ. */
type CounterColumnKeys = Exclude<
  keyof typeof indicatorCells.$inferSelect,
  'periodId' | 'communeCode' | 'sector' | 'sizeClass' | 'producerType'
>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const counterColumnsMatchDefinitions: Same<CounterColumnKeys, CounterKey> = true;

/**
 * Bookkeeping of the indicator pipeline: the definitions version the stored facts were derived
 * with, so a start after a definition change re-derives them instead of serving old meanings.
 */
export const indicatorMeta = sqliteTable('indicator_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Province-level figures no questionnaire gives (src/domain/indicators/province-figures.ts), entered
 * by province officers per period with their source; every entry is kept, the newest per figure and
 * period is the one shown.
 */
export const provinceFigures = sqliteTable(
  'province_figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    figureId: text('figure_id').notNull(),
    periodId: text('period_id').notNull(),
    value: real('value').notNull(),
    source: text('source').notNull(),
    asOf: text('as_of').notNull(),
    enteredBy: integer('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: integer('entered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('province_figures_period_idx').on(t.periodId, t.figureId)],
);

/**
 * Known businesses (registry ∪ registered accounts: every row of `businesses`) per commune × sector
 * × size × type, the coverage denominator. Kept by triggers on `businesses` (migration
 * 0007_known_cells_triggers), so every write path updates it in the same statement and no request
 * recounts the businesses table. Empty text stands for "unknown".
 */
export const knownCells = sqliteTable(
  'known_cells',
  {
    communeCode: text('commune_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.sector, t.sizeClass, t.producerType] })],
);

/**
 * Public snapshots of a year's counters (the year and its four quarters), from which open data is
 * published: the public answer moves on only in batches (docs/decisions/002-public-suppression.md).
 * Only the newest snapshot of each year is kept. `data` holds the cube's counters and the
 * suppression pattern of every measure (src/server/services/public-snapshots.ts).
 */
export const publicSnapshots = sqliteTable(
  'public_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull(),
    /** DEFINITIONS_VERSION the counters were derived with: a change of meaning retakes the snapshot. */
    version: text('version').notNull(),
    /** Businesses assessed in the province in the year at the snapshot: bulk removals (erasures, demo removal) count as changes too. */
    assessed: integer('assessed').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('public_snapshots_year_idx').on(t.provinceCode, t.year, t.takenAt)],
);

/**
 * Per-commune rollup of `indicator_cells` (period × commune, every category summed), kept in the
 * same batch as the cells: the dashboard's breakdown over all communes reads one row per commune
 * instead of summing every category cell of the province (about 300 000 rows at 1 M assessments).
 */
export const communeCells = sqliteTable(
  'commune_cells',
  {
    periodId: text('period_id').notNull(),
    communeCode: text('commune_code').notNull(),
    ...counterColumns(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.communeCode] })],
);

/**
 * Known businesses per province × sector × size × type and per commune: rollups of `known_cells`
 * kept by the same triggers on `businesses` (migration known_rollups), so a province view or a
 * breakdown over every commune reads a few hundred or a few thousand rows, never the whole cube.
 */
export const provinceKnownCells = sqliteTable(
  'province_known_cells',
  {
    provinceCode: text('province_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.sector, t.sizeClass, t.producerType] })],
);

export const communeKnown = sqliteTable('commune_known', {
  communeCode: text('commune_code').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * Businesses per framework and level, per period × province × sector × size × type, kept in the
 * same batch as the facts (one upsert per fact in or out): a province view's level distribution
 * (levels of different frameworks are never added up) reads a few hundred rows instead of grouping
 * every fact of the period. A commune's distribution reads its facts through their index.
 */
export const provinceLevelCells = sqliteTable(
  'province_level_cells',
  {
    periodId: text('period_id').notNull(),
    provinceCode: text('province_code').notNull(),
    sector: text('sector').notNull(),
    sizeClass: text('size_class').notNull(),
    producerType: text('producer_type').notNull(),
    frameworkId: text('framework_id').notNull(),
    level: integer('level').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.provinceCode, t.sector, t.sizeClass, t.producerType, t.frameworkId, t.level] })],
);
