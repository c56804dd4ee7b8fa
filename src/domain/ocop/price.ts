/**
 * The price of an OCOP product: whole đồng (VND has no minor unit in use), optional, with an optional unit of
 * sale ("hộp 500 g"). People type prices the way they write them: "120.000", "120 000", "120000 đ" or
 * "120.000 ₫" all mean 120 000 đồng. A comma or a dot followed by other than three digits is refused rather
 * than guessed ("12,5" could be 12.5 or 125).
 *
 * Pure module: no astro, no database, no clock.
 */
import { z } from 'zod';
import { freeText } from '#src/domain/text.ts';

/** One billion đồng: well above any OCOP retail item, low enough to catch a slipped finger. */
export const PRICE_MAX_VND = 1_000_000_000;
export const PRICE_UNIT_MAX = 50;

const msg = (vi: string, en: string): string => `${vi} / ${en}`;

export const PRICE_MESSAGES = {
  format: msg(
    'Giá bán phải là số đồng, ví dụ 120.000 hoặc 120000',
    'The price must be a whole number of đồng, for example 120.000 or 120000',
  ),
  max: msg(`Giá bán tối đa ${formatVnd(PRICE_MAX_VND)}`, `The price can be at most ${formatVnd(PRICE_MAX_VND)}`),
} as const;

// Digits in groups of three separated by one dot, comma or space (Vietnamese writes "120.000").
const GROUPED = /^\d{1,3}(?:([.,\s\u00a0])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;
// A currency mark the person may type after (or before) the number.
const CURRENCY = /^(?:đồng|vnđ|vnd|₫|đ|d)\s*|\s*(?:đồng|vnđ|vnd|₫|đ|d)\.?$/giu;

/**
 * The number of đồng in a typed price, or null when it is not a whole non-negative amount written in one of
 * the accepted ways. Does not apply the maximum (the schema does, with its own message).
 */
export function parseVnd(input: string): number | null {
  const bare = input.normalize('NFC').trim().replace(CURRENCY, '').trim();
  if (bare === '') return null;
  if (!PLAIN.test(bare) && !GROUPED.test(bare)) return null;
  const n = Number(bare.replace(/\D/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** "120.000": dots between thousands, as vi-VN writes a whole number (and as the price field shows it). */
export function groupThousands(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** "120.000 ₫": grouped thousands and a no-break space before the sign, as vi-VN writes it. */
export function formatVnd(n: number): string {
  return `${groupThousands(n)}\u00a0₫`;
}

/** The price as shown: "120.000 ₫ / hộp 500 g", or null when the product has no price. */
export function priceText(vnd: number | null | undefined, unit: string | null | undefined): string | null {
  if (vnd === null || vnd === undefined) return null;
  return unit ? `${formatVnd(vnd)} / ${unit}` : formatVnd(vnd);
}

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The optional price field of the product form: blank → absent; else whole đồng, 0…PRICE_MAX_VND. */
export const PriceSchema = z.preprocess(
  blankToUndefined,
  z
    .union([z.string(), z.number()], { error: PRICE_MESSAGES.format })
    .transform((input, ctx) => {
      const n = typeof input === 'number' ? (Number.isSafeInteger(input) && input >= 0 ? input : null) : parseVnd(input);
      if (n === null) {
        ctx.issues.push({ code: 'custom', message: PRICE_MESSAGES.format, input });
        return z.NEVER;
      }
      if (n > PRICE_MAX_VND) {
        ctx.issues.push({ code: 'custom', message: PRICE_MESSAGES.max, input });
        return z.NEVER;
      }
      return n;
    })
    .optional(),
);

/** The optional unit of sale ("hộp 500 g", "chai 750 ml"): one line of free text. */
export const PriceUnitSchema = z.preprocess(
  blankToUndefined,
  freeText({ label: { vi: 'đơn vị tính', en: 'unit of sale' }, max: PRICE_UNIT_MAX }).optional(),
);
