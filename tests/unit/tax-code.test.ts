import { describe, expect, it } from 'vitest';
import { TAX_CODE_WEIGHTS, TaxCodeSchema, makeTaxCode, parseTaxCode, taxCodeCheckDigit } from '#src/domain/identity/tax-code.ts';

/*
 * Worked examples, computed by hand with
 *   N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11
 *
 * 010010910 (Viettel's published code 0100109106):
 *   0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 29 + 17 + 63 + 5 = 114
 *   114 = 10·11 + 4  → 10 − 4 = 6  → 0100109106 ✓
 * 030058856 (Vinamilk's published code 0300588569):
 *   0 + 3·29 + 0 + 0 + 5·17 + 8·13 + 8·7 + 5·5 + 6·3 = 87 + 85 + 104 + 56 + 25 + 18 = 375
 *   375 = 34·11 + 1  → 10 − 1 = 9  → 0300588569 ✓
 * 123456789:
 *   31 + 58 + 69 + 76 + 85 + 78 + 49 + 40 + 27 = 513 = 46·11 + 7 → 10 − 7 = 3 → 1234567893
 * 600000000 (check digit 0):
 *   6·31 = 186 = 16·11 + 10 → 10 − 10 = 0 → 6000000000
 * 000000012 (no check digit exists):
 *   1·5 + 2·3 = 11 ≡ 0 (mod 11) → 10 − 0 = 10, not a digit → never issued
 * 000000000: sum 0 → likewise never issued, so "0000000000" is rejected.
 */
const WORKED: Array<[first9: string, checkDigit: number | null]> = [
  ['010010910', 6],
  ['030058856', 9],
  ['123456789', 3],
  ['600000000', 0],
  ['000000012', null],
  ['000000000', null],
];

// Deterministic sample of 9-digit prefixes (no Math.random: failures must reproduce).
function samplePrefixes(n: number): string[] {
  const out: string[] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 48271) % 2147483647; // Park–Miller minimal standard generator
    out.push(String(x % 1_000_000_000).padStart(9, '0'));
  }
  return out;
}

const VALID_CODES = samplePrefixes(3000)
  .map(makeTaxCode)
  .filter((c): c is string => c !== null);

describe('taxCodeCheckDigit', () => {
  it('pins the weights (changing them is a legal fact, not a refactor)', () => {
    expect(TAX_CODE_WEIGHTS).toEqual([31, 29, 23, 19, 17, 13, 7, 5, 3]);
  });

  it.each(WORKED)('%s → %s', (first9, checkDigit) => {
    expect(taxCodeCheckDigit(first9)).toBe(checkDigit);
    expect(makeTaxCode(first9)).toBe(checkDigit === null ? null : `${first9}${checkDigit}`);
  });

  it.each(['12345678', '1234567890', '12345678a', ' 123456789', '１２３４５６７８９'])('throws on non-9-digit input %j', (bad) => {
    expect(() => taxCodeCheckDigit(bad)).toThrow(RangeError);
  });

  it('leaves about 1 prefix in 11 without a check digit', () => {
    const prefixes = samplePrefixes(11_000);
    const impossible = prefixes.filter((p) => taxCodeCheckDigit(p) === null).length;
    expect(impossible).toBeGreaterThan(800);
    expect(impossible).toBeLessThan(1200);
  });
});

describe('parseTaxCode: accepted forms', () => {
  it.each([
    ['0100109106', '0100109106', null],
    ['0300588569', '0300588569', null],
    ['6000000000', '6000000000', null],
    ['0100109106-001', '0100109106-001', '001'],
    ['0300588569-999', '0300588569-999', '999'],
    ['  0100109106  ', '0100109106', null],
    ['0100 109 106', '0100109106', null],
    ['0100109106 - 012', '0100109106-012', '012'],
    ['0100109106\u2013012', '0100109106-012', '012'], // en dash pasted from a document
    ['0100109106\u00a0', '0100109106', null], // no-break space
    ['\u200b0100109106', '0100109106', null], // zero-width space
  ])('%j → %s', (input, value, branch) => {
    const result = parseTaxCode(input);
    expect(result).toEqual({ ok: true, value, base: value.slice(0, 10), branch });
  });
});

describe('parseTaxCode: rejected forms', () => {
  it.each([
    ['', 'format'],
    ['010010910', 'format'], // 9 digits
    ['01001091060', 'format'], // 11 digits
    ['0100109106001', 'format'], // 13 digits without the hyphen
    ['0100109106-01', 'format'],
    ['0100109106-0001', 'format'],
    ['0100109106-', 'format'],
    ['0100109106--001', 'format'],
    ['0100109106/001', 'format'],
    ['MST 0100109106', 'format'],
    ['0100.109.106', 'format'],
    ['０１００１０９１０６', 'format'], // full-width digits are not normalised by NFC
    // Decision: branch 000 is rejected. Dependent units are numbered 001–999 and a
    // head office is written without a suffix, so "-000" is a typo or invented.
    ['0100109106-000', 'format'],
    ['0100109107', 'checksum'],
    ['0300588560', 'checksum'],
    ['0300588568-001', 'checksum'], // branch does not rescue a bad base
    ['0000000000', 'checksum'], // prefix without a check digit (sum ≡ 0 mod 11)
    ['0000000120', 'checksum'],
  ])('%j → %s', (input, reason) => {
    expect(parseTaxCode(input)).toEqual({ ok: false, reason });
  });

  it.each([null, undefined, 100109106, {}, ['0100109106']])('non-string %j → format', (input) => {
    expect(parseTaxCode(input)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('parseTaxCode: properties', () => {
  it('accepts every code made by makeTaxCode, with and without a branch', () => {
    expect(VALID_CODES.length).toBeGreaterThan(2500);
    for (const code of VALID_CODES) {
      expect(parseTaxCode(code)).toMatchObject({ ok: true, value: code });
      expect(parseTaxCode(`${code}-123`)).toMatchObject({ ok: true, value: `${code}-123` });
    }
  });

  // 11 is prime and no weight is a multiple of 11 (31, 29, 23, 19, 17, 13, 7, 5, 3
  // are ≡ 9, 7, 1, 8, 6, 2, 7, 5, 3 mod 11), so a change d ∈ ±1…±9 at position i
  // moves the sum by w·d ≢ 0 (mod 11) and the required check digit changes. Hence
  // changing any single digit makes a valid code invalid, with no exception:
  // the new code either has the wrong check digit or a prefix that has none.
  it('rejects every single-digit change of a valid code (no exceptions)', () => {
    for (const code of VALID_CODES.slice(0, 300)) {
      for (let pos = 0; pos < 10; pos++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === code[pos]) continue;
          const changed = code.slice(0, pos) + digit + code.slice(pos + 1);
          expect(parseTaxCode(changed), `${code} → ${changed}`).toEqual({ ok: false, reason: 'checksum' });
        }
      }
    }
  });

  // Swapping N_i and N_{i+1} (i ≤ 8) moves the sum by (w_i − w_{i+1})·(b − a); the
  // weight differences 2, 6, 4, 2, 4, 6, 2, 2 are all non-zero mod 11. Swapping N9
  // with the check digit N10 is NOT always caught, so that case is not asserted.
  it('rejects every adjacent transposition within the first nine digits', () => {
    for (const code of VALID_CODES.slice(0, 500)) {
      for (let pos = 0; pos < 8; pos++) {
        if (code[pos] === code[pos + 1]) continue;
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(parseTaxCode(swapped).ok, `${code} → ${swapped}`).toBe(false);
      }
    }
  });

  it('is idempotent: parsing the canonical value gives the same value', () => {
    for (const input of ['  0100 109 106 ', '0100109106 \u2014 045']) {
      const first = parseTaxCode(input);
      expect(first.ok).toBe(true);
      if (first.ok) expect(parseTaxCode(first.value)).toEqual(first);
    }
  });
});

describe('TaxCodeSchema', () => {
  it('outputs the canonical code', () => {
    expect(TaxCodeSchema.parse(' 0100109106 - 001 ')).toBe('0100109106-001');
  });

  it('reports a Vietnamese message and the reason', () => {
    const bad = TaxCodeSchema.safeParse('0100109107');
    expect(bad.success).toBe(false);
    const issue = bad.error!.issues[0]!;
    expect(issue.message).toMatch(/chữ số kiểm tra/);
    expect(issue).toMatchObject({ code: 'custom', params: { reason: 'checksum' } });
    expect(TaxCodeSchema.safeParse('abc').error!.issues[0]!.message).toMatch(/10 chữ số/);
    expect(TaxCodeSchema.safeParse(undefined).error!.issues[0]!.message).toBe('Vui lòng nhập mã số thuế.');
  });
});
