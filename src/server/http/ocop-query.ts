import { z } from 'zod';
import { OCOP_GROUP_IDS } from '#src/domain/ocop/schema.ts';
import { optionalFreeText } from '#src/domain/text.ts';

const empty = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Public OCOP search filters (page and API share them); unknown values are 400s. */
export const OcopQuerySchema = z.object({
  q: optionalFreeText({
    label: { vi: 'từ khóa', en: 'search' },
    max: 100,
    messages: { max: 'Từ khóa tối đa 100 ký tự / Search is at most 100 characters' },
  }),
  stars: z.preprocess(
    empty,
    z.coerce.number().int().min(3, 'Hạng sao từ 3 đến 5 / Stars are 3 to 5').max(5, 'Hạng sao từ 3 đến 5 / Stars are 3 to 5').optional(),
  ),
  group: z.preprocess(empty, z.enum(OCOP_GROUP_IDS, { error: 'Nhóm sản phẩm không hợp lệ / Unknown product group' }).optional()),
  commune: z.preprocess(
    empty,
    z
      .string()
      .regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits')
      .optional(),
  ),
});

export function ocopQuery(url: URL) {
  return OcopQuerySchema.safeParse({
    q: url.searchParams.get('q'),
    stars: url.searchParams.get('stars'),
    group: url.searchParams.get('group'),
    commune: url.searchParams.get('commune'),
  });
}
