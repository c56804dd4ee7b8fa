import { z } from 'zod';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { optionalFreeText } from '#src/domain/text.ts';

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Catalog filters from a query string (pages and the JSON API share them). Unknown values are 400s. */
export const PlatformQuerySchema = z.object({
  category: z.preprocess(empty, z.enum(PLATFORM_CATEGORY_IDS, { error: 'Nhóm nền tảng không hợp lệ / Unknown category' }).optional()),
  sector: z.preprocess(empty, z.enum(VSIC_CODES, { error: 'Ngành không hợp lệ (A–U) / Unknown sector (A–U)' }).optional()),
  size: z.preprocess(empty, z.enum(['micro', 'small', 'medium', 'large'], { error: 'Quy mô không hợp lệ / Unknown size' }).optional()),
  q: optionalFreeText({
    label: { vi: 'từ khóa', en: 'search' },
    max: 100,
    messages: { max: 'Từ khóa tối đa 100 ký tự / Search is at most 100 characters' },
  }),
});

export function platformQuery(url: URL) {
  return PlatformQuerySchema.safeParse({
    category: url.searchParams.get('category'),
    sector: url.searchParams.get('sector'),
    size: url.searchParams.get('size'),
    q: url.searchParams.get('q'),
  });
}
