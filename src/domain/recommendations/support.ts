/**
 * Support around a plan: who to call (the commune's community digital team and the Department),
 * the public support an SME may claim, and success stories of businesses like this one.
 *
 * Official facts carry their source (docs/catalog.md). The SME support decree's share and caps for
 * digital transformation are NOT shown: the secondary summaries found disagree on what the caps
 * apply to and the decree's own text was not retrieved, so the plan names the decree and article
 * and sends the owner to the Department for the amounts.
 *
 * Pure module: no astro, no database, no clock.
 */
import { z } from 'zod';
import { freeText, optionalFreeText } from '#src/domain/text.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import type { Profile } from '#src/domain/framework/schema.ts';
import { PAIN_IDS } from './pains.ts';
import type { PainId } from './pains.ts';

// ---------------------------------------------------------------------------
// Who to call
// ---------------------------------------------------------------------------

export const PROVINCE_SCOPE = 'province';

const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{6,18}[0-9]$/;

export const ContactFormSchema = z.object({
  scope: z
    .string({ error: 'Vui lòng chọn phạm vi / Please choose the scope' })
    .regex(/^(province|\d{5})$/, 'Phạm vi là "toàn tỉnh" hoặc một xã/phường / The scope is the province or one commune'),
  name: freeText({ label: { vi: 'tên đơn vị hoặc người liên hệ', en: 'unit or contact name' }, max: 200 }),
  phone: optionalFreeText({ label: { vi: 'số điện thoại', en: 'phone number' }, max: 30 }).refine(
    (v) => v === undefined || PHONE_PATTERN.test(v),
    'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang hoặc + ở đầu / A phone number has digits, spaces, dots, dashes or a leading +',
  ),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.email({ error: 'Địa chỉ email không hợp lệ / Invalid e-mail address' }).max(200).optional(),
  ),
  note: optionalFreeText({ label: { vi: 'ghi chú', en: 'note' }, max: 500, multiline: true }),
});

export type ContactForm = z.infer<typeof ContactFormSchema>;

// ---------------------------------------------------------------------------
// Public support (Nghị định 80/2021/NĐ-CP)
// ---------------------------------------------------------------------------

export interface PublicSupport {
  text: { vi: string; en: string };
  source: string;
}

/** The decree's metadata and summary (issued 26/8/2021, in force 15/10/2021). */
export const SME_SUPPORT_SOURCE =
  'https://english.luatvietnam.vn/decree-no-80-2021-nd-cp-detailing-and-guiding-the-law-on-suppor-208340-Doc1.html';

/**
 * SMEs (enterprises of micro, small or medium size) may claim support for digital transformation
 * under Nghị định 80/2021/NĐ-CP, Điều 11; others get nothing here rather than a guess.
 */
export function publicSupportFor(profile: Profile): PublicSupport | null {
  const type = profile.producerType ?? 'enterprise';
  const size = profile.sizeClass ?? 'micro';
  if (type !== 'enterprise' || size === 'large') return null;
  return {
    text: {
      vi: 'Doanh nghiệp nhỏ và vừa có thể được hỗ trợ một phần chi phí tư vấn, thuê hoặc mua giải pháp chuyển đổi số theo Nghị định 80/2021/NĐ-CP (Điều 11). Mức và trần hỗ trợ: hỏi Sở Công Thương trước khi ký hợp đồng.',
      en: 'Small and medium enterprises may get part of the cost of digital-transformation advice, or of renting or buying solutions, covered under Decree 80/2021/ND-CP (Article 11). Ask the Department about the share and the caps before signing a contract.',
    },
    source: SME_SUPPORT_SOURCE,
  };
}

// ---------------------------------------------------------------------------
// Success stories
// ---------------------------------------------------------------------------

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(20));

export const StoryFormSchema = z.object({
  title: freeText({ label: { vi: 'tiêu đề', en: 'title' }, max: 200 }),
  sector: z.enum(VSIC_CODES, { error: 'Vui lòng chọn ngành / Please choose a sector' }),
  sizeClass: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['micro', 'small', 'medium', 'large']).optional()),
  producerType: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PRODUCER_TYPES).optional()),
  pains: listOf(z.enum(PAIN_IDS, { error: 'Khó khăn không có trong danh sách / Unknown pain id' })),
  platforms: listOf(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Mã nền tảng không hợp lệ / Invalid platform id')),
  before: freeText({ label: { vi: 'trước khi chuyển đổi số', en: 'before' }, max: 1000, multiline: true }),
  after: freeText({ label: { vi: 'sau khi chuyển đổi số', en: 'after' }, max: 1000, multiline: true }),
  sourceUrl: z.url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'Nguồn phải là địa chỉ web công khai (http/https) / The source must be a public web address',
  }),
  storyDate: z.iso.date({ error: 'Ngày của câu chuyện có dạng YYYY-MM-DD / The story date is YYYY-MM-DD' }),
  consent: z.preprocess((v) => v === 'yes' || v === true, z.boolean()),
});

export type StoryForm = z.infer<typeof StoryFormSchema>;

export interface StoryForPlan {
  id: number;
  sector: string;
  sizeClass: string | null;
  producerType: string | null;
  pains: readonly string[];
  consent: boolean;
  status: 'draft' | 'published';
}

/**
 * The stories a plan shows: published, with the business's consent, of the same sector; those
 * sharing a chosen pain first, then the same producer type, then the same size; newest id last
 * as the tie-break is left to the caller's order. Never more than `max`.
 */
export function storiesForPlan<T extends StoryForPlan>(stories: readonly T[], profile: Profile, pains: readonly PainId[], max = 2): T[] {
  const rank = (s: T): number[] => [
    -s.pains.filter((p) => pains.includes(p as PainId)).length,
    s.producerType === (profile.producerType ?? 'enterprise') ? 0 : 1,
    s.sizeClass === (profile.sizeClass ?? 'micro') ? 0 : 1,
  ];
  return stories
    .map((s, index) => ({ s, index, r: rank(s) }))
    .filter(({ s }) => s.status === 'published' && s.consent === true && s.sector === profile.sector)
    .sort((a, b) => a.r[0]! - b.r[0]! || a.r[1]! - b.r[1]! || a.r[2]! - b.r[2]! || a.index - b.index)
    .slice(0, max)
    .map(({ s }) => s);
}
