/**
 * Numbers typed into forms (questionnaire answers, amounts on the business profile).
 *
 * Accepted, after trimming:
 * - digits: "12";
 * - digits with a decimal comma, as Vietnamese writes them ("2,5" = 2.5), or a decimal point ("2.5" = 2.5);
 * - thousands grouped the Vietnamese way, with dots ("1.200" = 1200, "1.000.000") or spaces ("1 500"),
 *   optionally followed by a decimal comma ("1.500,5" = 1500.5).
 *
 * So a dot followed by groups of exactly three digits is a thousands separator (that is how
 * "1.200" reads in Vietnamese); any other single dot is a decimal point.
 * A comma followed by exactly three digits after a plain whole part ("1,200") is refused as
 * ambiguous: 1.2 to a Vietnamese reader, 1200 to an English one.
 *
 * Refused: signs, letters, exponents ("1e3"), hexadecimal ("0x10"), "Infinity", several decimal
 * marks, mixed or misplaced separators, digits other than 0–9. Blank is "no answer", not 0.
 *
 * Pure module: no astro, no database, no clock.
 */

export type NumberInput = { ok: true; value: number } | { ok: false; reason: 'blank' | 'format' | 'ambiguous' };

export const NUMBER_INPUT_MESSAGES = {
  format: 'Vui lòng chỉ nhập chữ số, ví dụ 12, 1.200 hoặc 2,5 / Please enter digits only, e.g. 12, 1200 or 2.5',
  ambiguous:
    'Số có dấu phẩy và ba chữ số sau (như 1,200) dễ hiểu nhầm: viết 1200 hoặc 1.200 nếu là một nghìn hai trăm, 1,2 nếu là một phẩy hai / A comma followed by three digits (like 1,200) is ambiguous: write 1200 for twelve hundred, or 1.2 for one point two',
} as const;

/** Longer input is not a number anyone types into these forms. */
const MAX_LENGTH = 40;
const PLAIN = /^\d+$/;
const DOT_GROUPS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const SPACE_GROUPS = /^[1-9]\d{0,2}(?:[ \u00A0\u202F]\d{3})+$/u;
const POINT_DECIMAL = /^(\d+)\.(\d+)$/;
const COMMA_DECIMAL = /^(.+),(\d+)$/u;

function wholePart(text: string): string | null {
  if (PLAIN.test(text)) return text;
  if (DOT_GROUPS.test(text)) return text.replaceAll('.', '');
  if (SPACE_GROUPS.test(text)) return text.replace(/[ \u00A0\u202F]/gu, '');
  return null;
}

export function parseNumberInput(raw: string): NumberInput {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'blank' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: 'format' };
  let literal: string | null = null;
  const comma = COMMA_DECIMAL.exec(text);
  if (comma) {
    const whole = wholePart(comma[1]!);
    if (whole === null) return { ok: false, reason: 'format' };
    if (PLAIN.test(comma[1]!) && whole !== '0' && comma[2]!.length === 3) return { ok: false, reason: 'ambiguous' };
    literal = `${whole}.${comma[2]}`;
  } else {
    const whole = wholePart(text);
    if (whole !== null) literal = whole;
    else if (POINT_DECIMAL.test(text)) literal = text;
  }
  if (literal === null) return { ok: false, reason: 'format' };
  const value = Number(literal);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}
