import { describe, expect, it } from 'vitest';
import { PhoneSchema, formatPhoneNational, parsePhone } from '#src/domain/identity/phone.ts';

// All numbers below are made up (x00 000 xxx patterns); none is meant to be reachable.
describe('parsePhone: accepted', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['  0912  345\t678 ', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['+84-912-345-678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['84 912 345 678', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'], // national 0 kept after the country code
    ['840912345678', '+84912345678'],
    ['0321000000', '+84321000000'], // 03x
    ['0561000000', '+84561000000'], // 05x
    ['0701000000', '+84701000000'], // 07x
    ['0841000000', '+84841000000'], // 08x: starts with "084", still national
    ['0981000000', '+84981000000'], // 09x
    ['0912\u00a0345\u00a0678', '+84912345678'], // no-break spaces from a pasted document
  ])('%j → %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value });
  });
});

describe('parsePhone: rejected', () => {
  it.each([
    ['', 'format'],
    ['091234567', 'format'], // 9 digits
    ['09123456789', 'format'], // 11 digits, not a landline
    ['0112345678', 'format'], // 01x: old 11-digit prefixes were retired in 2018
    ['0412345678', 'format'],
    ['0612345678', 'format'],
    ['0012345678', 'format'],
    ['912345678', 'format'], // no leading 0 or country code
    ['8491234567', 'format'], // 84 + 8 digits
    ['+8491234567', 'format'],
    ['+849123456789', 'format'],
    ['+85512345678', 'format'], // another country
    ['(091) 234 5678', 'format'], // brackets are not an allowed separator
    ['0912/345/678', 'format'],
    ['0912345678 ext 1', 'format'],
    ['+84 (0) 912 345 678', 'format'],
    ['０９１２３４５６７８', 'format'], // full-width digits
    ['02438251234', 'not_mobile'], // Hà Nội landline shape: 024 + 8 digits
    ['0228 3 123 456', 'not_mobile'],
    ['+84 24 3825 1234', 'not_mobile'],
  ])('%j → %s', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });

  it.each([null, undefined, 912345678, {}])('non-string %j → format', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('parsePhone: properties', () => {
  it('every national form and its +84 form normalise to the same value, idempotently', () => {
    for (const prefix of ['3', '5', '7', '8', '9']) {
      for (let i = 0; i < 50; i++) {
        const rest = String((i * 7_654_321 + 1_234_567) % 100_000_000).padStart(8, '0');
        const national = `0${prefix}${rest}`;
        const a = parsePhone(national);
        const b = parsePhone(`+84${prefix}${rest}`);
        const c = parsePhone(`84 ${prefix}${rest.slice(0, 2)} ${rest.slice(2)}`);
        expect(a.ok).toBe(true);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        if (a.ok) {
          expect(a.value).toMatch(/^\+84[35789]\d{8}$/);
          expect(parsePhone(a.value)).toEqual(a);
          expect(parsePhone(formatPhoneNational(a.value))).toEqual(a);
        }
      }
    }
  });
});

describe('formatPhoneNational', () => {
  it('writes the national form with spaces', () => {
    expect(formatPhoneNational('+84912345678')).toBe('0912 345 678');
  });
  it('throws on a value that is not normalised', () => {
    expect(() => formatPhoneNational('0912345678')).toThrow(RangeError);
  });
});

describe('PhoneSchema', () => {
  it('outputs E.164', () => {
    expect(PhoneSchema.parse('0912.345.678')).toBe('+84912345678');
  });
  it('explains a landline in Vietnamese', () => {
    const issue = PhoneSchema.safeParse('024 3825 1234').error!.issues[0]!;
    expect(issue.message).toMatch(/máy bàn/);
    expect(issue).toMatchObject({ params: { reason: 'not_mobile' } });
  });
  it('asks for a number when the value is missing', () => {
    expect(PhoneSchema.safeParse(undefined).error!.issues[0]!.message).toBe('Vui lòng nhập số điện thoại.');
  });
});
