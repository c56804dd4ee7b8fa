/**
 * Pains: "what holds your business back most?", asked first, up to three. A pain names the needs
 * (NEEDS of src/domain/platforms/schema.ts) whose platforms address it; its platform categories are
 * derived from those needs so the public API and the engine can never disagree.
 *
 * Barriers: the unscored barriers question both shipped questionnaires already ask (`x_barriers`,
 * src/content/frameworks/dbi-sme-2021/extras.ts). Only the ones that change the advice are read
 * here: cost (free, freemium and free-trial options first) and skills (the community digital
 * team and training first). Time and trust have no option of their own in that question, and
 * "fear of data leaks" does not change which platform comes first, so they shape nothing yet.
 *
 * Pure module: no astro, no database, no clock.
 */
import { z } from 'zod';
import { getNeed } from '#src/domain/platforms/schema.ts';
import type { NeedId, PlatformCategoryId } from '#src/domain/platforms/schema.ts';
import type { Answers } from '#src/domain/framework/schema.ts';

export const PAIN_IDS = [
  'selling_online',
  'getting_paid',
  'invoices_tax',
  'bookkeeping',
  'stock',
  'customer_follow_up',
  'staff_work',
  'delivery',
  'marketing',
  'data_safety',
] as const;

export type PainId = (typeof PAIN_IDS)[number];

/** At most this many pains are chosen: a plan that addresses everything addresses nothing first. */
export const MAX_PAINS = 3;

export interface Pain {
  id: PainId;
  label: { vi: string; en: string };
  /** How the reason quotes the owner back: "vì bạn nói …". */
  quote: { vi: string; en: string };
  needs: readonly NeedId[];
}

export const PAINS: readonly Pain[] = [
  {
    id: 'selling_online',
    label: { vi: 'Bán hàng trực tuyến', en: 'Selling online' },
    quote: { vi: 'khó bán hàng trực tuyến', en: 'selling online is hard' },
    needs: ['ecommerce_marketplace', 'farm_ocop_floor', 'online_presence', 'cross_border'],
  },
  {
    id: 'getting_paid',
    label: { vi: 'Thu tiền, nhận thanh toán', en: 'Getting paid' },
    quote: { vi: 'khó thu tiền, nhận thanh toán', en: 'getting paid is hard' },
    needs: ['cashless_payment'],
  },
  {
    id: 'invoices_tax',
    label: { vi: 'Hóa đơn và thủ tục thuế', en: 'Invoices and tax paperwork' },
    quote: { vi: 'hóa đơn và thủ tục thuế mất nhiều công sức', en: 'invoices and tax paperwork take too much effort' },
    needs: ['e_invoice', 'e_tax', 'digital_signature'],
  },
  {
    id: 'bookkeeping',
    label: { vi: 'Sổ sách kế toán', en: 'Bookkeeping' },
    quote: { vi: 'sổ sách kế toán còn vất vả', en: 'bookkeeping is a struggle' },
    needs: ['accounting'],
  },
  {
    id: 'stock',
    label: { vi: 'Quản lý hàng tồn kho', en: 'Keeping track of stock' },
    quote: { vi: 'khó quản lý hàng tồn kho', en: 'keeping track of stock is hard' },
    needs: ['inventory', 'sales_management'],
  },
  {
    id: 'customer_follow_up',
    label: { vi: 'Chăm sóc, giữ chân khách hàng', en: 'Following up customers' },
    quote: { vi: 'khó chăm sóc và giữ chân khách hàng', en: 'following up customers is hard' },
    needs: ['customer_care'],
  },
  {
    id: 'staff_work',
    label: { vi: 'Quản lý nhân viên và công việc', en: 'Staff and work organisation' },
    quote: { vi: 'khó quản lý nhân viên và công việc', en: 'organising staff and work is hard' },
    needs: ['hr', 'cloud_office', 'online_meeting'],
  },
  {
    id: 'delivery',
    label: { vi: 'Giao hàng', en: 'Delivery' },
    quote: { vi: 'giao hàng còn khó khăn', en: 'delivery is a problem' },
    needs: ['logistics'],
  },
  {
    id: 'marketing',
    label: { vi: 'Quảng bá, tìm khách hàng mới', en: 'Marketing and finding new customers' },
    quote: { vi: 'khó quảng bá và tìm khách hàng mới', en: 'marketing and finding new customers is hard' },
    needs: ['digital_marketing', 'online_presence'],
  },
  {
    id: 'data_safety',
    label: { vi: 'An toàn dữ liệu', en: 'Keeping data safe' },
    quote: { vi: 'lo mất hoặc lộ dữ liệu', en: 'you worry about losing or leaking data' },
    needs: ['cybersecurity'],
  },
];

const PAIN_BY_ID: ReadonlyMap<string, Pain> = new Map(PAINS.map((p) => [p.id, p]));

export function getPain(id: string): Pain | undefined {
  return PAIN_BY_ID.get(id);
}

export function isPainId(value: string): value is PainId {
  return PAIN_BY_ID.has(value);
}

/** The platform categories of a pain's needs, in NEEDS order of first appearance, no repeats. */
export function painCategories(pain: Pain): PlatformCategoryId[] {
  const out: PlatformCategoryId[] = [];
  for (const id of pain.needs) {
    const category = getNeed(id)?.category;
    if (category && !out.includes(category)) out.push(category);
  }
  return out;
}

/** The public shape of GET /api/v1/pains. */
export function publicPains() {
  return { pains: PAINS.map((p) => ({ id: p.id, label: { ...p.label }, categories: painCategories(p) })) };
}

/** `pains: [ids]`: known ids, no repeats, at most three. */
export const PainsSchema = z
  .array(z.enum(PAIN_IDS, { error: 'Khó khăn không có trong danh sách / Unknown pain id' }), {
    error: 'Khó khăn phải là một danh sách mã / pains must be a list of ids',
  })
  .max(MAX_PAINS, { error: `Chọn tối đa ${MAX_PAINS} khó khăn / Choose at most ${MAX_PAINS} pains` })
  .refine((list) => new Set(list).size === list.length, { error: 'Khó khăn bị lặp lại / pains has repeated ids' });

/** The pains checkboxes of the first questionnaire page: none, one (a string) or several. */
export const PainsFormSchema = z.object({
  pains: z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), PainsSchema),
});

/** Pains as stored or posted, kept only when known, once each, at most three (never throws). */
export function sanitizePains(value: unknown): PainId[] {
  if (!Array.isArray(value)) return [];
  const out: PainId[] = [];
  for (const v of value) {
    if (typeof v === 'string' && isPainId(v) && !out.includes(v)) out.push(v);
    if (out.length === MAX_PAINS) break;
  }
  return out;
}

export interface Barriers {
  cost: boolean;
  skills: boolean;
}

/** Reads the barriers the owner ticked in `x_barriers` (either questionnaire). */
export function barriersFrom(answers: Answers): Barriers {
  const raw = Object.hasOwn(answers, 'x_barriers') ? answers['x_barriers'] : undefined;
  const list = Array.isArray(raw) ? raw : [];
  return { cost: list.includes('cost'), skills: list.includes('skills') };
}
