/**
 * Vietnamese mobile phone numbers.
 *
 * Since the 2018 renumbering every mobile number is 10 digits in national form,
 * "0" + a network prefix 3, 5, 7, 8 or 9 + 8 digits, i.e. 03x, 05x, 07x, 08x, 09x.
 * Landlines are 11 digits starting 02x. Internationally: +84 and the number
 * without its leading 0.
 *
 * We check the prefix at the first-digit level only (3/5/7/8/9), on purpose:
 * three-digit network prefixes keep being added (087, 055, …) and numbers move
 * between networks, so a finer list would go stale and turn away real users.
 *
 * Accepted: "0912 345 678", "0912.345.678", "0912-345-678", "+84 912 345 678",
 * "84912345678", and "+84 0912 345 678" (the national 0 kept after +84).
 * Spaces, dots and dashes are the only separators allowed; brackets and
 * letters are rejected.
 * Stored form: E.164, "+84912345678".
 */
import { z } from 'zod';

export type PhoneFailure = 'format' | 'not_mobile';

export type PhoneResult = { ok: true; value: string } | { ok: false; reason: PhoneFailure };

const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/gu;
const MOBILE_SUBSCRIBER = /^[35789]\d{8}$/;
// The national significant number of a Vietnamese landline: 2 + 9 digits.
const LANDLINE_SUBSCRIBER = /^2\d{9}$/;

export function parsePhone(input: unknown): PhoneResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const compact = input.normalize('NFC').replace(SEPARATORS, '');

  // National significant number: the digits after "0" or after "+84".
  let subscriber: string;
  if (/^\+84\d+$/.test(compact)) subscriber = compact.slice(3);
  // "84…" without "+" only at exactly the international length: a 10-digit
  // "84…" is not read as a country code (and "084…" takes the national branch).
  else if (/^840?\d{9}$/.test(compact)) subscriber = compact.slice(2);
  else if (/^0\d+$/.test(compact)) return classifySubscriber(compact.slice(1));
  else return { ok: false, reason: 'format' };

  // "+84 0912 345 678" is a common way of writing the number; no subscriber
  // number starts with 0, so dropping that 0 is unambiguous.
  if (subscriber.startsWith('0')) subscriber = subscriber.slice(1);
  return classifySubscriber(subscriber);
}

function classifySubscriber(subscriber: string): PhoneResult {
  if (MOBILE_SUBSCRIBER.test(subscriber)) return { ok: true, value: `+84${subscriber}` };
  // A well-formed landline gets its own reason so the form can say "mobile
  // number please" rather than "invalid".
  if (LANDLINE_SUBSCRIBER.test(subscriber)) return { ok: false, reason: 'not_mobile' };
  return { ok: false, reason: 'format' };
}

/** "+84912345678" → "0912 345 678", the way Vietnamese users write it. */
export function formatPhoneNational(e164: string): string {
  const match = /^\+84(\d{3})(\d{3})(\d{3})$/.exec(e164);
  if (!match) throw new RangeError(`not a normalised Vietnamese mobile number: ${JSON.stringify(e164)}`);
  return `0${match[1]} ${match[2]} ${match[3]}`;
}

export const PHONE_MESSAGES: Record<PhoneFailure, { vi: string; en: string }> = {
  format: {
    vi: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678), hoặc dạng +84.',
    en: 'A mobile number has 10 digits starting with 03, 05, 07, 08 or 09 (e.g. 0912 345 678), or the +84 form.',
  },
  not_mobile: {
    vi: 'Đây là số máy bàn. Vui lòng nhập số điện thoại di động.',
    en: 'This is a landline number. Please enter a mobile number.',
  },
};

/** Form/API field: accepts untrusted text, outputs "+84xxxxxxxxx". */
export const PhoneSchema = z.string({ error: 'Vui lòng nhập số điện thoại.' }).transform((input, ctx) => {
  const result = parsePhone(input);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: PHONE_MESSAGES[result.reason].vi, input, params: { reason: result.reason } });
    return z.NEVER;
  }
  return result.value;
});
