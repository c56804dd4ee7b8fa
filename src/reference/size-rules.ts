/**
 * SME size thresholds, Nghị định 80/2021/NĐ-CP (26/8/2021, in force 15/10/2021,
 * replacing NĐ 39/2018), art. 5. Summary: docs/domain.md §7.
 *
 * A firm belongs to a class when it has at most `maxEmployees` staff (average
 * annual headcount with social insurance, "lao động tham gia bảo hiểm xã hội
 * bình quân năm") AND either annual revenue ≤ `maxRevenueVnd` OR total capital
 * (tổng nguồn vốn) ≤ `maxCapitalVnd`. Each class excludes the smaller ones, so
 * the smallest class that fits wins; a firm that fits none is large (not an SME).
 *
 * Pinned in tests/unit/size-class.test.ts: changing a number here is a legal
 * change, not a refactor.
 */
import type { VsicSizeGroup } from './vsic.ts';

export type SmeSizeClass = 'micro' | 'small' | 'medium';
export type SizeClass = SmeSizeClass | 'large';

export interface SizeRule {
  sizeClass: SmeSizeClass;
  maxEmployees: number;
  maxRevenueVnd: number;
  maxCapitalVnd: number;
}

const BILLION_VND = 1_000_000_000;

/** Ordered from the smallest class to the largest: the first rule that fits wins. */
export const SIZE_RULES: Readonly<Record<VsicSizeGroup, readonly SizeRule[]>> = {
  // (i) Nông nghiệp, lâm nghiệp, thủy sản và công nghiệp, xây dựng: VSIC A–F.
  agri_industry: [
    { sizeClass: 'micro', maxEmployees: 10, maxRevenueVnd: 3 * BILLION_VND, maxCapitalVnd: 3 * BILLION_VND },
    { sizeClass: 'small', maxEmployees: 100, maxRevenueVnd: 50 * BILLION_VND, maxCapitalVnd: 20 * BILLION_VND },
    { sizeClass: 'medium', maxEmployees: 200, maxRevenueVnd: 200 * BILLION_VND, maxCapitalVnd: 100 * BILLION_VND },
  ],
  // (ii) Thương mại, dịch vụ: VSIC G–U.
  trade_services: [
    { sizeClass: 'micro', maxEmployees: 10, maxRevenueVnd: 10 * BILLION_VND, maxCapitalVnd: 3 * BILLION_VND },
    // 50 bn capital per the decree's text; one English summary says 30 bn, a typo (docs/domain.md §7).
    { sizeClass: 'small', maxEmployees: 50, maxRevenueVnd: 100 * BILLION_VND, maxCapitalVnd: 50 * BILLION_VND },
    { sizeClass: 'medium', maxEmployees: 100, maxRevenueVnd: 300 * BILLION_VND, maxCapitalVnd: 100 * BILLION_VND },
  ],
};

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, { vi: string; en: string }>> = {
  micro: { vi: 'Doanh nghiệp siêu nhỏ', en: 'Micro enterprise' },
  small: { vi: 'Doanh nghiệp nhỏ', en: 'Small enterprise' },
  medium: { vi: 'Doanh nghiệp vừa', en: 'Medium enterprise' },
  large: { vi: 'Doanh nghiệp lớn', en: 'Large enterprise' },
};
