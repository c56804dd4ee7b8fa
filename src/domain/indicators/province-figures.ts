/**
 * Province-level figures that no questionnaire gives: province officers enter them per period with
 * their source and the date they describe, and the dashboard shows them beside the computed ones.
 * The table and the validation live here so the form, the service and the docs agree.
 *
 * Decisions a successor might otherwise undo:
 * - A national target is shown only where QĐ 411/QĐ-TTg states one (digital economy 20 % of GDP by
 *   2025, 30 % by 2030). It is a national share of GDP read against the province's share of GRDP:
 *   a reference, not the province's own target (the province's plan sets that; cite it in the
 *   source when entering).
 * - The "as of" date must fall inside the period the figure is entered for: a 2026 figure dated
 *   2025 is almost always a typing mistake, and it would otherwise silently stand for the wrong year.
 *
 * Pure module: no astro, no database, no clock.
 */
import { z } from 'zod';
import { parseNumberInput, NUMBER_INPUT_MESSAGES } from '#src/domain/number-input.ts';
import type { Localized, NationalTarget } from './definitions.ts';
import { parsePeriod, type Period } from './periods.ts';

export const PROVINCE_FIGURE_IDS = [
  'digital_economy_grdp_share',
  'dti_rank',
  'ecommerce_revenue',
  'provincial_floor_booths',
  'provincial_floor_products',
] as const;
export type ProvinceFigureId = (typeof PROVINCE_FIGURE_IDS)[number];

export type ProvinceFigureUnit = 'percent' | 'rank' | 'billion_vnd' | 'count';

export interface ProvinceFigureDefinition {
  id: ProvinceFigureId;
  name: Localized;
  unit: ProvinceFigureUnit;
  /** What to enter and where it usually comes from. */
  hint: Localized;
  nationalTargets: readonly NationalTarget[];
}

const QD_411: Localized = {
  vi: 'QĐ 411/QĐ-TTg (31/3/2022), Chiến lược quốc gia phát triển kinh tế số và xã hội số (tỷ trọng trong GDP cả nước)',
  en: 'Decision 411/QĐ-TTg (31 March 2022), national strategy for the digital economy and digital society (share of national GDP)',
};

export const PROVINCE_FIGURES: readonly ProvinceFigureDefinition[] = [
  {
    id: 'digital_economy_grdp_share',
    name: { vi: 'Tỷ trọng kinh tế số trong GRDP của tỉnh', en: 'Digital economy share of the province’s GRDP' },
    unit: 'percent',
    hint: {
      vi: 'Theo số liệu của Cục Thống kê / Sở Khoa học và Công nghệ (%).',
      en: 'From the statistics office or the Department of Science and Technology (%).',
    },
    nationalTargets: [
      { value: 20, year: 2025, comparator: 'gte', source: QD_411 },
      { value: 30, year: 2030, comparator: 'gte', source: QD_411 },
    ],
  },
  {
    id: 'dti_rank',
    name: { vi: 'Xếp hạng chỉ số chuyển đổi số (DTI) cấp tỉnh', en: 'Provincial digital transformation index (DTI) rank' },
    unit: 'rank',
    hint: { vi: 'Thứ hạng do Bộ công bố (1 là cao nhất).', en: 'The rank published by the ministry (1 is best).' },
    nationalTargets: [],
  },
  {
    id: 'ecommerce_revenue',
    name: { vi: 'Doanh thu thương mại điện tử', en: 'E-commerce revenue' },
    unit: 'billion_vnd',
    hint: { vi: 'Tỷ đồng, theo báo cáo của Sở Công Thương.', en: 'Billion VND, from the Department of Industry and Trade report.' },
    nationalTargets: [],
  },
  {
    id: 'provincial_floor_booths',
    name: { vi: 'Gian hàng trên sàn thương mại điện tử của tỉnh', en: 'Booths on the provincial e-commerce floor' },
    unit: 'count',
    hint: { vi: 'Số gian hàng đang hoạt động theo quản trị sàn.', en: 'Active booths according to the floor’s operator.' },
    nationalTargets: [],
  },
  {
    id: 'provincial_floor_products',
    name: { vi: 'Sản phẩm trên sàn thương mại điện tử của tỉnh', en: 'Products on the provincial e-commerce floor' },
    unit: 'count',
    hint: { vi: 'Số sản phẩm đang bày bán theo quản trị sàn.', en: 'Products on sale according to the floor’s operator.' },
    nationalTargets: [],
  },
];

/** Highest DTI rank there can be (provinces and centrally-run cities before the 2025 merger). */
export const MAX_DTI_RANK = 63;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (v: unknown) => (typeof one(v) === 'string' ? (one(v) as string).trim() : '');

/** The entry form, validated: clear bilingual messages per field, Vietnamese first. */
export const ProvinceFigureFormSchema = z
  .object({
    figureId: z.preprocess(one, z.enum(PROVINCE_FIGURE_IDS, { error: 'Vui lòng chọn số liệu / Please choose a figure' })),
    period: z.preprocess(
      text,
      z.string().refine((p) => parsePeriod(p) !== null, 'Kỳ phải có dạng 2026 hoặc 2026-Q3 / The period must look like 2026 or 2026-Q3'),
    ),
    value: z.preprocess(text, z.string().min(1, 'Vui lòng nhập giá trị / Please enter the value')),
    source: z.preprocess(
      text,
      z
        .string()
        .min(3, 'Vui lòng ghi nguồn số liệu (văn bản, cơ quan công bố) / Please give the source (document, publisher)')
        .max(300, 'Nguồn tối đa 300 ký tự / The source is at most 300 characters'),
    ),
    asOf: z.preprocess(text, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày số liệu dạng YYYY-MM-DD / The date as YYYY-MM-DD')),
  })
  .transform((f, ctx) => {
    const period = parsePeriod(f.period) as Period;
    const definition = PROVINCE_FIGURES.find((d) => d.id === f.figureId)!;
    const parsed = parseNumberInput(f.value);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: parsed.reason === 'ambiguous' ? NUMBER_INPUT_MESSAGES.ambiguous : NUMBER_INPUT_MESSAGES.format,
      });
      return z.NEVER;
    }
    const value = parsed.value;
    if (definition.unit === 'percent' && !(value >= 0 && value <= 100)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Tỷ lệ phải từ 0 đến 100 % / A share must be between 0 and 100 %' });
    }
    if (definition.unit === 'rank' && !(Number.isInteger(value) && value >= 1 && value <= MAX_DTI_RANK)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Thứ hạng là số nguyên từ 1 đến ${MAX_DTI_RANK} / The rank is a whole number from 1 to ${MAX_DTI_RANK}`,
      });
    }
    if (definition.unit === 'count' && !Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Số lượng phải là số nguyên / A count must be a whole number' });
    }
    const at = new Date(`${f.asOf}T00:00:00+07:00`);
    if (Number.isNaN(at.getTime()) || !(at >= period.from && at < period.to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['asOf'],
        message: `Ngày số liệu phải nằm trong kỳ ${period.id} / The date must fall within ${period.id}`,
      });
    }
    return { figureId: f.figureId, periodId: period.id, value, source: f.source, asOf: f.asOf, year: period.year };
  });

export type ProvinceFigureEntry = z.infer<typeof ProvinceFigureFormSchema>;

/** Whether an entered figure meets the national reference target of its year (null when there is none). */
export function meetsNationalTarget(id: ProvinceFigureId, year: number, value: number): { target: NationalTarget; met: boolean } | null {
  const targets = PROVINCE_FIGURES.find((d) => d.id === id)!.nationalTargets;
  const target = targets.find((t) => t.year >= year) ?? targets.at(-1);
  if (!target) return null;
  return { target, met: target.comparator === 'gt' ? value > target.value : value >= target.value };
}
