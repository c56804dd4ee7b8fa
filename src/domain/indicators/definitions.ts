/**
 * The indicator catalogue the Department of Industry and Trade watches, as
 * data: what each indicator measures (numerator, denominator, which
 * assessments count), its unit, where the numbers come from, and the national
 * target it is read against (QĐ 411/QĐ-TTg, 31/3/2022; see
 * docs/domain.md §6).
 *
 * This table is the single source: the counters (`counterDelta`), the dashboard values
 * (`dashboard.ts`), drill-downs, exports, open data and the OpenAPI document all derive from it.
 * Adding an assessment-based share is one entry here (plus a fact predicate in `facts.ts` and its
 * counter columns if it counts something new). docs/indicators.md explains every entry.
 *
 * Rules shared by every assessment-based indicator:
 * - Each business counts once, through its newest submitted assessment within
 *   the period; a retake in the same period replaces the earlier one.
 * - A need counts as covered when that assessment's answers show it (the
 *   recommender's evidence rules) or the business has marked a platform for it
 *   as adopted.
 * - Need-based shares count only businesses whose questionnaire asks about the
 *   need (the producer questionnaire has no e-contract question, so household
 *   producers are neither in the numerator nor in the denominator of
 *   e-contract adoption).
 * - Shares of a self-selected sample: always show `assessment_coverage` beside
 *   them (docs/domain.md §6).
 *
 * Pure module: no astro, no database, no clock.
 */
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { asks, type FactFlags } from './facts.ts';

export interface Localized {
  vi: string;
  en: string;
}

export const INDICATOR_UNITS = ['percent', 'count', 'score'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/**
 * How the value is built: a share (numerator ÷ denominator as a percent), a
 * count, or one of the two multi-value indicators (a level distribution, a
 * mean score per pillar).
 */
export type IndicatorKind = 'share' | 'count' | 'distribution' | 'mean';

export interface NationalTarget {
  /** Percent, in the indicator's unit. */
  value: number;
  /** Reached by the end of this year. */
  year: number;
  /** 'gt' for "more than" (> 50 %), 'gte' for "at least" (100 %). */
  comparator: 'gt' | 'gte';
  source: Localized;
}

export const INDICATOR_IDS = [
  'sme_platform_adoption',
  'digital_tech_adoption',
  'einvoice_adoption',
  'etax_adoption',
  'epayment_adoption',
  'econtract_adoption',
  'ecommerce_adoption',
  'ocop_products_on_ecommerce',
  'assessment_coverage',
  'recommendation_adoption',
  'level_distribution',
  'pillar_mean_score',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The indicators with one value per cell (everything but the distribution and the pillar means). */
export type ScalarIndicatorId = Exclude<IndicatorId, 'level_distribution' | 'pillar_mean_score'>;

/** Counters kept per cell (period × commune × sector × size × producer type). */
export const COUNTER_KEYS = [
  'n',
  'nSme',
  'nSmePlatform',
  'nDigital',
  'nAskedEinvoice',
  'nEinvoice',
  'nAskedEtax',
  'nEtax',
  'nAskedEpayment',
  'nEpayment',
  'nAskedEcontract',
  'nEcontract',
  'nAskedEcommerce',
  'nEcommerce',
  'nNotInRegistry',
  'l0',
  'l1',
  'l2',
  'l3',
  'l4',
  'l5',
  'scoreSum',
  'recommended',
  'adoptedRecommended',
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];
export type Counters = Record<CounterKey, number>;

export type FactFlagName = keyof FactFlags;

/** The stored fact of one business in one period, as the counters see it (flags as 0/1). */
export type StoredFact = {
  frameworkId: string;
  level: number;
  score: number;
  inRegistry: number;
  recommended: number;
  adoptedRecommended: number;
} & Record<FactFlagName, number>;

/** Who is in an assessment-based share's denominator. */
export type Population =
  | { kind: 'assessed' }
  | { kind: 'sme' }
  /** Businesses whose questionnaire asks about one of these needs. */
  | { kind: 'asked'; needs: readonly NeedId[] };

/** How a scalar indicator's numerator and denominator are obtained. */
export type Measure =
  /** A share of assessed businesses (newest submitted assessment in the period), counted in cells. */
  | { basis: 'facts'; population: Population; numerator: FactFlagName; counters: { population: CounterKey; numerator: CounterKey } }
  | { basis: 'ocop' }
  | { basis: 'registry' }
  | { basis: 'recommendations' };

export interface IndicatorDefinition {
  id: IndicatorId;
  /** Scalar indicators only. */
  measure?: Measure;
  /** Whether the value may be published as open data (after small-cell suppression). */
  publishable: boolean;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  name: Localized;
  /** Numerator, denominator and which assessments count. */
  definition: Localized;
  source: Localized;
  /**
   * National targets in year order (empty when there is none). An array, not
   * one value, because QĐ 411 sets both a 2025 and a 2030 milestone; use
   * `nationalTargetFor` to pick the one that applies in a given year.
   */
  nationalTargets: readonly NationalTarget[];
  /** Needs whose coverage the numerator counts (need-based shares only). */
  needs?: readonly NeedId[];
  /** Only SMEs (micro, small, medium) count. */
  smeOnly?: boolean;
}

const QD_411: Localized = {
  vi: 'QĐ 411/QĐ-TTg (31/3/2022), Chiến lược quốc gia phát triển kinh tế số và xã hội số',
  en: 'Decision 411/QĐ-TTg (31 March 2022), national strategy for the digital economy and digital society',
};

const SELF_ASSESSMENT: Localized = {
  vi: 'Tự đánh giá của doanh nghiệp trên cổng (bài đánh giá mới nhất đã nộp trong kỳ)',
  en: "Businesses' self-assessments on the portal (newest submitted assessment in the period)",
};

const NEWEST_RULE: Localized = {
  vi: 'Mỗi doanh nghiệp tính một lần, theo bài đánh giá mới nhất đã nộp trong kỳ (làm lại trong cùng kỳ chỉ tính bài sau).',
  en: 'Each business counts once, through its newest assessment submitted in the period (a retake in the same period replaces the earlier one).',
};

const COVERED_RULE: Localized = {
  vi: 'Một nhu cầu được tính là đã đáp ứng khi câu trả lời cho thấy điều đó hoặc doanh nghiệp đã đánh dấu đã dùng nền tảng cho nhu cầu này.',
  en: 'A need counts as covered when the answers show it or the business has marked a platform for it as adopted.',
};

function sourceWith(target: boolean): Localized {
  return target
    ? { vi: `${SELF_ASSESSMENT.vi}; mục tiêu theo ${QD_411.vi}`, en: `${SELF_ASSESSMENT.en}; target from ${QD_411.en}` }
    : SELF_ASSESSMENT;
}

function needShare(
  id: ScalarIndicatorId,
  needs: readonly NeedId[],
  numerator: FactFlagName,
  counters: { population: CounterKey; numerator: CounterKey },
  name: Localized,
  what: Localized,
  nationalTargets: readonly NationalTarget[] = [],
): IndicatorDefinition {
  return {
    id,
    measure: { basis: 'facts', population: { kind: 'asked', needs }, numerator, counters },
    publishable: true,
    kind: 'share',
    unit: 'percent',
    name,
    definition: {
      vi: `Tử số: số doanh nghiệp đã đánh giá ${what.vi}. Mẫu số: số doanh nghiệp đã đánh giá bằng bộ câu hỏi có hỏi về nhu cầu này. ${COVERED_RULE.vi} ${NEWEST_RULE.vi}`,
      en: `Numerator: assessed businesses ${what.en}. Denominator: businesses assessed with a questionnaire that asks about this need. ${COVERED_RULE.en} ${NEWEST_RULE.en}`,
    },
    source: sourceWith(nationalTargets.length > 0),
    nationalTargets,
    needs,
  };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'sme_platform_adoption',
    measure: {
      basis: 'facts',
      population: { kind: 'sme' },
      numerator: 'platform',
      counters: { population: 'nSme', numerator: 'nSmePlatform' },
    },
    publishable: true,
    kind: 'share',
    unit: 'percent',
    name: { vi: 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số', en: 'SMEs using digital platforms' },
    definition: {
      vi: `Tử số: số doanh nghiệp nhỏ và vừa (siêu nhỏ, nhỏ, vừa theo Nghị định 80/2021) đã đánh giá có dùng ít nhất một nền tảng số trong kinh doanh NGOÀI những gì pháp luật bắt buộc mọi doanh nghiệp (hóa đơn điện tử, khai nộp thuế điện tử, bảo hiểm xã hội điện tử và chữ ký số đi kèm) và ngoài việc chỉ dùng ngân hàng số. Thanh toán không dùng tiền mặt chỉ được tính khi khách hàng trả qua mã QR/ví điện tử, máy POS hoặc cổng thanh toán. Mẫu số: số doanh nghiệp nhỏ và vừa đã đánh giá. Doanh nghiệp lớn và doanh nghiệp chưa xác định được quy mô không được tính. ${COVERED_RULE.vi} ${NEWEST_RULE.vi}`,
      en: `Numerator: assessed SMEs (micro, small, medium by Decree 80/2021) using at least one digital platform in their business BEYOND what the law requires of everyone (e-invoices, electronic tax filing, electronic social insurance and the digital signature they need) and beyond online banking alone. Cashless payment counts only when customers pay through a QR code or e-wallet, a card terminal or a payment gateway. Denominator: assessed SMEs. Large firms and firms of unknown size are left out. ${COVERED_RULE.en} ${NEWEST_RULE.en}`,
    },
    source: sourceWith(true),
    nationalTargets: [
      { value: 50, year: 2025, comparator: 'gt', source: QD_411 },
      { value: 70, year: 2030, comparator: 'gt', source: QD_411 },
    ],
    smeOnly: true,
  },
  {
    id: 'digital_tech_adoption',
    measure: {
      basis: 'facts',
      population: { kind: 'assessed' },
      numerator: 'digital',
      counters: { population: 'n', numerator: 'nDigital' },
    },
    publishable: true,
    kind: 'share',
    unit: 'percent',
    name: {
      vi: 'Tỷ lệ doanh nghiệp ứng dụng công nghệ số trong sản xuất, kinh doanh',
      en: 'Businesses applying digital technology in production or business',
    },
    definition: {
      vi: `Tử số: số doanh nghiệp đã đánh giá có dùng công cụ số trong ít nhất một khâu sản xuất, vận hành hoặc quản lý (phần mềm sản xuất, chất lượng, kế toán, bán hàng, kho, nhân sự, ERP, quản lý công việc, CRM, quản lý đội xe/kho vận, nhật ký sản xuất điện tử, IoT, CAD/CNC; với hộ sản xuất, HTX: ứng dụng bán hàng, phần mềm kế toán, ứng dụng giao hàng, tem truy xuất, phần mềm quản lý HTX). Bảng tính, nhóm chat, e-mail và lưu trữ đám mây không được tính. Mẫu số: số doanh nghiệp đã đánh giá. ${NEWEST_RULE.vi}`,
      en: `Numerator: assessed businesses using digital tools in at least one production, operations or management function (production, quality, accounting, sales, stock, HR, ERP, task-management or CRM software, fleet or warehouse systems, electronic production logs, IoT, CAD/CNC; for household producers and co-operatives: a sales app, accounting software, a delivery app, traceability labels, co-operative management software). Spreadsheets, chat groups, e-mail and cloud storage do not count. Denominator: assessed businesses. ${NEWEST_RULE.en}`,
    },
    source: sourceWith(false),
    nationalTargets: [],
  },
  needShare(
    'einvoice_adoption',
    ['e_invoice'],
    'einvoice',
    { population: 'nAskedEinvoice', numerator: 'nEinvoice' },
    { vi: 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử', en: 'Businesses using e-invoices' },
    { vi: 'dùng hóa đơn điện tử', en: 'using e-invoices' },
  ),
  needShare(
    'etax_adoption',
    ['e_tax'],
    'etax',
    { population: 'nAskedEtax', numerator: 'nEtax' },
    { vi: 'Tỷ lệ doanh nghiệp khai, nộp thuế điện tử', en: 'Businesses filing and paying taxes electronically' },
    { vi: 'khai, nộp thuế điện tử', en: 'filing and paying taxes electronically' },
  ),
  needShare(
    'epayment_adoption',
    ['cashless_payment'],
    'epayment',
    { population: 'nAskedEpayment', numerator: 'nEpayment' },
    { vi: 'Tỷ lệ doanh nghiệp nhận thanh toán không dùng tiền mặt', en: 'Businesses accepting cashless payment' },
    { vi: 'nhận thanh toán không dùng tiền mặt', en: 'accepting cashless payment' },
  ),
  needShare(
    'econtract_adoption',
    ['e_contract'],
    'econtract',
    { population: 'nAskedEcontract', numerator: 'nEcontract' },
    { vi: 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử', en: 'Businesses using e-contracts' },
    { vi: 'dùng hợp đồng điện tử', en: 'using e-contracts' },
    [
      { value: 80, year: 2025, comparator: 'gt', source: QD_411 },
      { value: 100, year: 2030, comparator: 'gte', source: QD_411 },
    ],
  ),
  needShare(
    'ecommerce_adoption',
    ['ecommerce_marketplace', 'farm_ocop_floor'],
    'ecommerce',
    { population: 'nAskedEcommerce', numerator: 'nEcommerce' },
    { vi: 'Tỷ lệ doanh nghiệp bán hàng trên sàn thương mại điện tử', en: 'Businesses selling on e-commerce floors' },
    {
      vi: 'bán trên sàn thương mại điện tử hoặc sàn nông sản, OCOP',
      en: 'selling on e-commerce marketplaces or farm and OCOP floors',
    },
  ),
  {
    id: 'ocop_products_on_ecommerce',
    measure: { basis: 'ocop' },
    publishable: true,
    kind: 'share',
    unit: 'percent',
    name: {
      vi: 'Sản phẩm OCOP được đưa lên sàn thương mại điện tử',
      en: 'OCOP products listed on e-commerce floors',
    },
    definition: {
      vi: 'Tử số: số sản phẩm OCOP đạt từ 3 sao trở lên đang được niêm yết (trạng thái "đã lên sàn") trên ít nhất một sàn. Mẫu số: số sản phẩm OCOP từ 3 sao trở lên. Đây là số liệu hiện tại, không theo kỳ đánh giá. Mục tiêu quốc gia: mọi sản phẩm OCOP từ 3 sao lên sàn Postmart/Vỏ Sò.',
      en: 'Numerator: OCOP products rated 3 stars or more that are listed (status "listed") on at least one floor. Denominator: OCOP products rated 3 stars or more. A current snapshot, not tied to the assessment period. National aim: every 3-star-plus OCOP product on Postmart/Voso.',
    },
    source: {
      vi: 'Danh sách sản phẩm OCOP và tình trạng lên sàn trên cổng (QĐ 148/QĐ-TTg về bộ tiêu chí OCOP)',
      en: 'OCOP products and their listing status on the portal (Decision 148/QĐ-TTg on OCOP criteria)',
    },
    nationalTargets: [],
  },
  {
    id: 'assessment_coverage',
    measure: { basis: 'registry' },
    publishable: true,
    kind: 'share',
    unit: 'percent',
    name: { vi: 'Độ bao phủ của tự đánh giá', en: 'Assessment coverage' },
    definition: {
      vi: `Tử số: số doanh nghiệp đã đánh giá trong kỳ. Mẫu số: số doanh nghiệp đã đăng ký (danh sách doanh nghiệp nhập vào cổng cộng các tài khoản đã đăng ký, không tính trùng). Luôn hiển thị bên cạnh các tỷ lệ khác: các tỷ lệ đó chỉ mô tả những doanh nghiệp tự nguyện đánh giá, không phải toàn tỉnh. ${NEWEST_RULE.vi}`,
      en: `Numerator: businesses assessed in the period. Denominator: registered businesses (the imported business registry plus registered accounts, without double counting). Always show beside the other shares: they describe the businesses that chose to assess themselves, not the whole province. ${NEWEST_RULE.en}`,
    },
    source: {
      vi: 'Tự đánh giá trên cổng; danh sách doanh nghiệp do Sở nhập',
      en: 'Self-assessments on the portal; business registry imported by the Department',
    },
    nationalTargets: [],
  },
  {
    id: 'recommendation_adoption',
    measure: { basis: 'recommendations' },
    publishable: true,
    kind: 'share',
    unit: 'percent',
    name: { vi: 'Tỷ lệ gợi ý được áp dụng', en: 'Recommendations adopted' },
    definition: {
      vi: 'Tử số: số cặp (doanh nghiệp, nhu cầu) đã từng được gợi ý và sau đó được doanh nghiệp đánh dấu đã dùng. Mẫu số: số cặp (doanh nghiệp, nhu cầu) khác nhau đã từng được gợi ý, dù đã đánh dấu hay chưa.',
      en: 'Numerator: (business, need) pairs that were recommended and later marked as adopted. Denominator: distinct (business, need) pairs ever recommended, marked or not.',
    },
    source: {
      vi: 'Kế hoạch gợi ý và đánh dấu đã dùng của doanh nghiệp trên cổng',
      en: "The portal's recommendation plans and businesses' adoption marks",
    },
    nationalTargets: [],
  },
  {
    id: 'level_distribution',
    publishable: true,
    kind: 'distribution',
    unit: 'count',
    name: { vi: 'Phân bố mức chuyển đổi số', en: 'Digital-transformation level distribution' },
    definition: {
      vi: `Số doanh nghiệp đã đánh giá ở mỗi mức từ 0 (Chưa khởi động) đến 5 (Dẫn dắt). ${NEWEST_RULE.vi}`,
      en: `Assessed businesses at each level from 0 (Not started) to 5 (Leading). ${NEWEST_RULE.en}`,
    },
    source: sourceWith(false),
    nationalTargets: [],
  },
  {
    id: 'pillar_mean_score',
    publishable: true,
    kind: 'mean',
    unit: 'score',
    name: { vi: 'Điểm trung bình theo trụ cột', en: 'Mean score per pillar' },
    definition: {
      vi: `Điểm trung bình (0–100) của mỗi trụ cột, tính riêng cho từng bộ câu hỏi. ${NEWEST_RULE.vi}`,
      en: `Mean score (0–100) of each pillar, per questionnaire. ${NEWEST_RULE.en}`,
    },
    source: sourceWith(false),
    nationalTargets: [],
  },
];

const BY_ID: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATORS.map((d) => [d.id, d]));

export function getIndicator(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

export function isIndicatorId(value: string): value is IndicatorId {
  return BY_ID.has(value);
}

/** The scalar indicators (one value per cell), in catalogue order. */
export const SCALAR_INDICATOR_IDS: readonly ScalarIndicatorId[] = INDICATORS.filter((d) => d.kind === 'share' || d.kind === 'count').map(
  (d) => d.id as ScalarIndicatorId,
);

/**
 * The national target that applies in `year`: the first milestone whose year
 * is `year` or later, else the last one (a past strategy's final target still
 * stands until a new one is issued). Undefined when the indicator has none.
 */
export function nationalTargetFor(definition: IndicatorDefinition, year: number): NationalTarget | undefined {
  const targets = definition.nationalTargets;
  return targets.find((t) => t.year >= year) ?? targets.at(-1);
}

/** Whether a stored fact is in a population. */
export function inPopulation(p: Population, f: StoredFact): boolean {
  if (p.kind === 'assessed') return true;
  if (p.kind === 'sme') return f.sme === 1;
  return p.needs.some((n) => asks(f.frameworkId, n));
}

/** The assessment-based shares with their measure (the ones counted in cells). */
export const FACT_SHARES = INDICATORS.flatMap((d) =>
  d.measure?.basis === 'facts' ? [{ id: d.id as ScalarIndicatorId, measure: d.measure }] : [],
);

export function emptyCounters(): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as Counters;
}

/**
 * What one fact adds to (sign 1) or takes from (sign -1) its cell's counters: the structural counts
 * (assessed, levels, scores, recommendations) and, for every assessment-based share of the table,
 * its population and numerator.
 */
export function counterDelta(f: StoredFact, sign: 1 | -1): Counters {
  const c = emptyCounters();
  c.n = sign;
  c.nNotInRegistry = f.inRegistry ? 0 : sign;
  c[`l${f.level}` as CounterKey] = sign;
  c.scoreSum = sign * f.score;
  c.recommended = sign * f.recommended;
  c.adoptedRecommended = sign * f.adoptedRecommended;
  for (const { measure: m } of FACT_SHARES) {
    if (!inPopulation(m.population, f)) continue;
    c[m.counters.population] = sign;
    if (f[m.numerator]) c[m.counters.numerator] = sign;
  }
  return c;
}

/**
 * Bumped whenever a definition or a fact predicate changes meaning: a start with stored facts of
 * another version re-derives them all (see server/services/indicator-maintenance.ts).
 */
export const DEFINITIONS_VERSION = '2026-11-beyond-mandatory';
