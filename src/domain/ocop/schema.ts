/**
 * OCOP (Chương trình Mỗi xã một sản phẩm): product groups, star ratings, and the
 * zod schemas of the product and producer forms used in assisted registration.
 *
 * Facts (docs/domain.md §5): products are rated by
 * QĐ 148/QĐ-TTg (24/02/2023) out of 100 points and certified only at 3★ (50–69),
 * 4★ (70–89) or 5★ (90–100); a certificate is valid 36 months.
 *
 * Pure module: no astro, no database, no clock. The current year is always
 * passed in (see `vietnamYear`).
 */
import { z } from 'zod';
import { vietnamWallClock } from '#src/domain/time.ts';
import { PRODUCER_TYPES } from '#src/domain/framework/schema.ts';
import type { ProducerType } from '#src/domain/framework/schema.ts';
import { PHONE_MESSAGES, parsePhone } from '#src/domain/identity/phone.ts';
import { TAX_CODE_MESSAGES, parseTaxCode } from '#src/domain/identity/tax-code.ts';
import { freeText } from '#src/domain/text.ts';
import { PriceSchema, PriceUnitSchema } from './price.ts';

export { PRODUCER_TYPES };
export type { ProducerType };

export type Text = { vi: string; en: string };

/** "Tiếng Việt / English": the format of every validation message. */
const msg = (vi: string, en: string): string => `${vi} / ${en}`;
const bilingual = (text: Text): string => msg(text.vi, text.en);

// ---------------------------------------------------------------------------
// Product groups and stars
// ---------------------------------------------------------------------------

export const OCOP_GROUP_IDS = ['food', 'beverage', 'herbal', 'handicraft', 'ornamental', 'tourism'] as const;
export type OcopGroupId = (typeof OCOP_GROUP_IDS)[number];

/**
 * The six groups of QĐ 148/QĐ-TTg (2023), with the Vietnamese names as the
 * decision words them (docs/domain.md §5). Note: the 2019 criteria (QĐ 1048) used
 * "Thảo dược"; 148 says "Dược liệu và sản phẩm từ dược liệu", which we follow.
 */
export const OCOP_GROUPS: Readonly<Record<OcopGroupId, Text>> = {
  food: { vi: 'Thực phẩm', en: 'Food' },
  beverage: { vi: 'Đồ uống', en: 'Beverages' },
  herbal: { vi: 'Dược liệu và sản phẩm từ dược liệu', en: 'Medicinal herbs and herbal products' },
  handicraft: { vi: 'Hàng thủ công mỹ nghệ', en: 'Handicrafts' },
  ornamental: { vi: 'Sinh vật cảnh', en: 'Ornamental plants and animals' },
  tourism: {
    vi: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    en: 'Community tourism, eco-tourism services and tourist sites',
  },
};

/** Only 3★, 4★ and 5★ products are certified; 1★ and 2★ exist as ratings only. */
export const OCOP_STARS = [3, 4, 5] as const;
export type OcopStars = (typeof OCOP_STARS)[number];

/** Point bands out of 100 (QĐ 148/QĐ-TTg). Changing them is a product decision: pinned in tests. */
export const OCOP_STAR_BANDS: Readonly<Record<OcopStars, { min: number; max: number }>> = {
  3: { min: 50, max: 69 },
  4: { min: 70, max: 89 },
  5: { min: 90, max: 100 },
};

/** The certified star band of a score out of 100, or null below 50 (not certified) or out of range. */
export function starsForPoints(points: number): OcopStars | null {
  if (!Number.isFinite(points) || points < 0 || points > 100) return null;
  for (const stars of [5, 4, 3] as const) {
    if (points >= OCOP_STAR_BANDS[stars].min) return stars;
  }
  return null;
}

/** The OCOP programme started with QĐ 490/QĐ-TTg (2018): no certificate is older. */
export const OCOP_FIRST_CERTIFICATE_YEAR = 2018;
/** Validity of an OCOP certificate (QĐ 148/QĐ-TTg). */
export const OCOP_CERTIFICATE_VALIDITY_MONTHS = 36;

/** The calendar year in Vietnam at `now` (31 Dec 18:00 UTC is already 1 January in Hà Nội). */
export function vietnamYear(now: Date): number {
  return vietnamWallClock(now).getUTCFullYear();
}

/**
 * Whether a certificate issued in `certificateYear` is still valid at `now`,
 * approximated by years because we store only the year: valid while
 * `certificateYear + 3 > current year`, i.e. during the issue year and the two
 * following calendar years.
 *
 * The approximation is conservative: a real certificate runs 36 months from its
 * issue date, which always ends on or after 1 January of year + 3, so this never
 * calls an expired certificate valid; it may call one expired up to ~12 months
 * early (issued late in the year). The UI should say "may have expired, please
 * check the date on the certificate", not "expired".
 */
export function isCertificateValid(certificateYear: number, now: Date): boolean {
  const currentYear = vietnamYear(now);
  return certificateYear <= currentYear && certificateYear + OCOP_CERTIFICATE_VALIDITY_MONTHS / 12 > currentYear;
}

// ---------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------

/** A one-line text field: the shared free-text rule (src/domain/text.ts). */
function lineText(min: number, max: number, label: Text) {
  return freeText({ label, min, max });
}

/** Forms send numbers as text: accept "4" as well as 4. */
function numberFromForm(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value;
}

/** An optional form field: a blank string counts as absent. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

export const COMMUNE_CODE_MESSAGE = msg('Vui lòng chọn xã/phường', 'Please choose a commune or ward');

/** Commune/ward code of QĐ 19/2025/QĐ-TTg: 5 digits (same rule as the business profile). */
export const CommuneCodeSchema = z
  .string({ error: COMMUNE_CODE_MESSAGE })
  .trim()
  .regex(/^\d{5}$/, COMMUNE_CODE_MESSAGE);

export const OcopGroupSchema = z.enum(OCOP_GROUP_IDS, {
  error: msg('Vui lòng chọn nhóm sản phẩm OCOP', 'Please choose the OCOP product group'),
});

export const OcopStarsSchema = z.preprocess(
  numberFromForm,
  z.literal(OCOP_STARS, { error: msg('Hạng sao OCOP phải là 3, 4 hoặc 5 sao', 'The OCOP rating must be 3, 4 or 5 stars') }),
);

export const CERTIFICATE_NO_MAX = 50;
export const PRODUCT_NAME_MIN = 2;
export const PRODUCT_NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

/** Multi-line text by the shared free-text rule; blank → absent. */
const DescriptionSchema = z.preprocess(
  blankToUndefined,
  freeText({
    label: { vi: 'mô tả', en: 'description' },
    max: DESCRIPTION_MAX,
    multiline: true,
    messages: { required: msg('Mô tả phải là văn bản', 'The description must be text') },
  }).optional(),
);

// ---------------------------------------------------------------------------
// Product input
// ---------------------------------------------------------------------------

/**
 * The OCOP product form. The certificate year must lie in 2018…`currentYear`;
 * pass `vietnamYear(now)`. An old (possibly expired) certificate is accepted:
 * the product stays on record and the UI flags it with `isCertificateValid`.
 */
export function makeOcopProductSchema(currentYear: number) {
  const yearMessage = msg(
    `Năm cấp giấy chứng nhận phải từ ${OCOP_FIRST_CERTIFICATE_YEAR} đến ${currentYear}`,
    `The certificate year must be between ${OCOP_FIRST_CERTIFICATE_YEAR} and ${currentYear}`,
  );
  return z
    .object({
      name: lineText(PRODUCT_NAME_MIN, PRODUCT_NAME_MAX, { vi: 'tên sản phẩm', en: 'product name' }),
      group: OcopGroupSchema,
      stars: OcopStarsSchema,
      certificateNo: lineText(1, CERTIFICATE_NO_MAX, { vi: 'số giấy chứng nhận OCOP', en: 'OCOP certificate number' }),
      certificateYear: z.preprocess(
        numberFromForm,
        z.number({ error: yearMessage }).int(yearMessage).min(OCOP_FIRST_CERTIFICATE_YEAR, yearMessage).max(currentYear, yearMessage),
      ),
      communeCode: CommuneCodeSchema,
      description: DescriptionSchema,
      price: PriceSchema,
      priceUnit: PriceUnitSchema,
    })
    .superRefine((p, ctx) => {
      // A unit with no price would be shown as nothing: ask for the price rather than drop the unit.
      if (p.priceUnit !== undefined && p.price === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['price'],
          message: msg('Vui lòng nhập giá bán cho đơn vị tính này', 'Please enter the price for this unit of sale'),
        });
    });
}

export type OcopProductInput = z.output<ReturnType<typeof makeOcopProductSchema>>;

// ---------------------------------------------------------------------------
// Producer input (assisted registration)
// ---------------------------------------------------------------------------

export const PRODUCER_TYPE_LABELS: Readonly<Record<ProducerType, Text>> = {
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  cooperative_group: { vi: 'Tổ hợp tác', en: 'Cooperative group' },
  household: { vi: 'Hộ sản xuất, kinh doanh', en: 'Household producer or business' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
};

const OcopPhoneSchema = z.string({ error: msg('Vui lòng nhập số điện thoại', 'Please enter a phone number') }).transform((input, ctx) => {
  const result = parsePhone(input);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: bilingual(PHONE_MESSAGES[result.reason]), input, params: { reason: result.reason } });
    return z.NEVER;
  }
  return result.value;
});

const OptionalTaxCodeSchema = z.preprocess(
  blankToUndefined,
  z
    .string({ error: msg('Mã số thuế phải là văn bản', 'The tax code must be text') })
    .transform((input, ctx) => {
      const result = parseTaxCode(input);
      if (!result.ok) {
        ctx.issues.push({ code: 'custom', message: bilingual(TAX_CODE_MESSAGES[result.reason]), input, params: { reason: result.reason } });
        return z.NEVER;
      }
      return result.value;
    })
    .optional(),
);

/**
 * The producer a community digital team member registers on someone's behalf.
 *
 * - `displayName`: the person or household ("Nguyễn Thị Lan", "Hộ ông Trần Văn Bình").
 * - `businessName`: the HTX / tổ hợp tác / enterprise / household business name.
 *   Required except for households: many OCOP households have no registered
 *   business name, and the display name then stands for it.
 * - `taxCode`: optional; when given it must be a valid 10- or 13-character
 *   organisation code (parseTaxCode). The 12-digit personal ID that households
 *   use as tax code since 7/2025 is NOT accepted by parseTaxCode: such
 *   households should leave the field blank.
 */
export const OcopProducerSchema = z
  .object({
    displayName: lineText(2, 100, { vi: 'họ tên người đại diện hoặc tên hộ', en: 'name of the person or household' }),
    producerType: z.enum(PRODUCER_TYPES, { error: msg('Vui lòng chọn loại chủ thể', 'Please choose the type of producer') }),
    phone: OcopPhoneSchema,
    taxCode: OptionalTaxCodeSchema,
    communeCode: CommuneCodeSchema,
    businessName: z.preprocess(
      blankToUndefined,
      lineText(2, 200, { vi: 'tên cơ sở sản xuất, kinh doanh', en: 'business name' }).optional(),
    ),
  })
  .superRefine((producer, ctx) => {
    if (producer.producerType !== 'household' && producer.businessName === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['businessName'],
        message: msg(
          'Vui lòng nhập tên hợp tác xã, tổ hợp tác hoặc doanh nghiệp',
          'Please enter the name of the cooperative, cooperative group or enterprise',
        ),
      });
    }
  });

export type OcopProducerInput = z.output<typeof OcopProducerSchema>;
