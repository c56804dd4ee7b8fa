/**
 * Vietnamese tax code (mã số thuế, MST) of an organisation.
 *
 * Shape: 10 digits N1…N10, where N10 is a check digit, optionally followed by
 * "-" and 3 digits N11N12N13 for a dependent unit (chi nhánh, văn phòng đại
 * diện). Structure per Thông tư 105/2020/TT-BTC, art. 5 (cited from memory,
 * not checked against the published text; the check-digit formula was confirmed on
 * published codes, see the worked examples in tests/unit/tax-code.test.ts).
 *
 * Check digit: N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6
 *                          + 7·N7 + 5·N8 + 3·N9) mod 11.
 * When the sum is ≡ 0 (mod 11) the formula gives 10, which is not a digit: the
 * tax authority never issues such a prefix, so no valid code starts with it.
 *
 * Decisions (also pinned in tests/unit/tax-code.test.ts):
 * - Branch suffix "000" is rejected as a format error: dependent-unit numbers
 *   run 001–999 (TT 105/2020, art. 5), and the head office is written without
 *   a suffix, so "-000" is a typo or a made-up code.
 * - The branch suffix carries no check digit; only N1…N10 are verified.
 * - 12-digit personal identification numbers, which individuals and household
 *   businesses use as tax codes from 1 July 2025 (Thông tư 86/2024/TT-BTC; not
 *   checked against the text), are not accepted here: this parser is for the
 *   10/13-digit organisation code. Household businesses may need a separate path.
 */
import { z } from 'zod';

export type TaxCodeFailure = 'format' | 'checksum';

export type TaxCodeResult =
  | {
      ok: true;
      /** Canonical form: "0123456789" or "0123456789-001". */
      value: string;
      /** The 10-digit code of the legal entity (head office). */
      base: string;
      /** The 3-digit dependent-unit number, or null for the head office. */
      branch: string | null;
    }
  | { ok: false; reason: TaxCodeFailure };

/** Weights for N1…N9, in order. */
export const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

const NINE_DIGITS = /^\d{9}$/;
const TAX_CODE_SHAPE = /^(\d{10})(?:-(\d{3}))?$/;
// People paste codes from Word, PDFs and spreadsheets: typographic dashes and
// the minus sign stand in for "-", and thin/no-break/zero-width spaces for " ".
const DASH_VARIANTS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200D\u2060]/gu;

/**
 * Check digit for the first nine digits, or null when the sum is ≡ 0 mod 11
 * (the formula would yield 10: such prefixes are never issued).
 * Throws on anything but exactly nine ASCII digits: that is a programming error.
 */
export function taxCodeCheckDigit(first9: string): number | null {
  if (!NINE_DIGITS.test(first9)) {
    throw new RangeError(`taxCodeCheckDigit expects 9 digits, got ${JSON.stringify(first9)}`);
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += TAX_CODE_WEIGHTS[i]! * Number(first9[i]);
  const checkDigit = 10 - (sum % 11);
  return checkDigit === 10 ? null : checkDigit;
}

/**
 * Completes nine digits into a valid 10-digit tax code, or returns null when
 * no check digit exists for that prefix (about 1 prefix in 11).
 * Used by demo data and tests.
 */
export function makeTaxCode(first9: string): string | null {
  const checkDigit = taxCodeCheckDigit(first9);
  return checkDigit === null ? null : `${first9}${checkDigit}`;
}

/** Canonical text form for comparison and storage: NFC, no spaces, ASCII "-". */
function normaliseTaxCodeInput(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE_OR_SPACE, '').replace(DASH_VARIANTS, '-');
}

export function parseTaxCode(input: unknown): TaxCodeResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const match = TAX_CODE_SHAPE.exec(normaliseTaxCodeInput(input));
  if (!match) return { ok: false, reason: 'format' };
  const base = match[1]!;
  const branch = match[2] ?? null;
  if (branch === '000') return { ok: false, reason: 'format' };
  if (taxCodeCheckDigit(base.slice(0, 9)) !== Number(base[9])) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, value: branch ? `${base}-${branch}` : base, base, branch };
}

export const TAX_CODE_MESSAGES: Record<TaxCodeFailure, { vi: string; en: string }> = {
  format: {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số của đơn vị phụ thuộc (ví dụ 0123456789-001).',
    en: 'A tax code has 10 digits, or 10 digits, a hyphen and the 3-digit number of a dependent unit (e.g. 0123456789-001).',
  },
  checksum: {
    vi: 'Mã số thuế không hợp lệ: chữ số kiểm tra không khớp. Vui lòng kiểm tra lại từng chữ số.',
    en: 'This tax code is not valid: its check digit does not match. Please check each digit.',
  },
};

/** Form/API field: accepts untrusted text, outputs the canonical code. */
export const TaxCodeSchema = z.string({ error: 'Vui lòng nhập mã số thuế.' }).transform((input, ctx) => {
  const result = parseTaxCode(input);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: TAX_CODE_MESSAGES[result.reason].vi, input, params: { reason: result.reason } });
    return z.NEVER;
  }
  return result.value;
});
