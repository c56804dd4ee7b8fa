import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CLAIM_CHECK_MESSAGES,
  CLAIM_CODE_ALPHABET,
  CLAIM_CODE_TTL_MS,
  checkClaim,
  claimCodeExpiresAt,
  formatClaimCode,
  generateClaimCode,
  hashClaimCode,
  normaliseClaimCode,
} from '#src/domain/ocop/claim.ts';

// Spy on the comparison so the tests can see the constant-time path is taken.
vi.mock('@oslojs/crypto/subtle', async (importOriginal) => {
  const original = await importOriginal<typeof import('@oslojs/crypto/subtle')>();
  return { constantTimeEqual: vi.fn(original.constantTimeEqual) };
});

/** A fake random source that hands out the given bytes in order, then zeros. */
function bytesFrom(values: number[]): (n: number) => Uint8Array {
  let position = 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = values[position++] ?? 0;
    return out;
  };
}

const cryptoRandom = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const SECRET = new TextEncoder().encode('key-of-the-claim-code-unit-tests');
const OTHER_SECRET = new TextEncoder().encode('another-key-for-claim-code-tests');
const sha256Hex = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

describe('alphabet', () => {
  it('has 25 symbols and none of the ambiguous 0 O 1 I L', () => {
    expect(CLAIM_CODE_ALPHABET).toBe('23456789BCFGHJKMNPQRSTVXZ');
    expect(new Set(CLAIM_CODE_ALPHABET).size).toBe(25);
    for (const ch of '01OIL') expect(CLAIM_CODE_ALPHABET).not.toContain(ch);
  });

  it('has nothing a Vietnamese keyboard would merge into an accented letter', () => {
    // Vowels take tone keys (Telex s/f/r/x/j, VNI digits); D doubles to Đ; W becomes Ư.
    for (const ch of 'AEIOUYDW') expect(CLAIM_CODE_ALPHABET).not.toContain(ch);
  });
});

describe('generateClaimCode', () => {
  it('is deterministic for a fixed random source', () => {
    const fixed = [0, 1, 2, 24, 25, 49, 100, 249];
    // 0→'2', 1→'3', 2→'4', 24→'Z', 25→'2', 49→'Z', 100→'2', 249→'Z'
    expect(generateClaimCode(bytesFrom(fixed))).toBe('234Z-2Z2Z');
    expect(generateClaimCode(bytesFrom(fixed))).toBe(generateClaimCode(bytesFrom(fixed)));
  });

  it('skips bytes 250–255 so every symbol is equally likely', () => {
    expect(generateClaimCode(bytesFrom([250, 251, 252, 253, 254, 255, 8, 8, 8, 8, 8, 8, 8, 8]))).toBe('BBBB-BBBB');
  });

  it('asks for more bytes when a batch is not enough', () => {
    const calls: number[] = [];
    const source = (n: number) => {
      calls.push(n);
      // First batch: all unusable; second batch: usable.
      return new Uint8Array(n).fill(calls.length === 1 ? 255 : 9);
    };
    expect(generateClaimCode(source)).toBe('CCCC-CCCC');
    expect(calls.length).toBe(2);
  });

  it('gives up on a broken random source instead of looping forever', () => {
    expect(() => generateClaimCode((n) => new Uint8Array(n).fill(255))).toThrow(/random source/);
  });

  it('produces grouped codes from the alphabet', () => {
    const shape = new RegExp(`^[${CLAIM_CODE_ALPHABET}]{4}-[${CLAIM_CODE_ALPHABET}]{4}$`);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = generateClaimCode(cryptoRandom);
      expect(code).toMatch(shape);
      seen.add(code);
    }
    expect(seen.size).toBe(200);
  });
});

describe('formatClaimCode and normaliseClaimCode', () => {
  it('groups a compact code', () => {
    expect(formatClaimCode('K7MX3QPB')).toBe('K7MX-3QPB');
    expect(() => formatClaimCode('K7MX-3QPB')).toThrow(RangeError);
    expect(() => formatClaimCode('K7MX3QPA')).toThrow(RangeError); // A is not in the alphabet
  });

  it.each([
    ['K7MX-3QPB', 'K7MX3QPB'],
    ['k7mx-3qpb', 'K7MX3QPB'],
    ['K7MX3QPB', 'K7MX3QPB'],
    ['  k7mx 3qpb ', 'K7MX3QPB'],
    ['K-7-M-X-3-Q-P-B', 'K7MX3QPB'],
    ['K7MX\u20133QPB', 'K7MX3QPB'], // en dash from a word processor
    ['Ｋ７ＭＸ－３ＱＰＢ', 'K7MX3QPB'], // full-width from a phone keyboard
  ])('%j → %s', (input, expected) => {
    expect(normaliseClaimCode(input)).toBe(expected);
  });

  it.each([['K7MX-3QP'], ['K7MX-3QPBB'], ['K7MX-3QP0'], ['K7MX-3QPO'], ['K7MX-3QPA'], ['K7MX_3QPB'], [''], [null], [12345678]])(
    '%j is not a code',
    (input) => {
      expect(normaliseClaimCode(input)).toBeNull();
    },
  );
});

describe('hashClaimCode', () => {
  it('is the lower-case hex HMAC-SHA-256 of the normalised code under the secret, stable across spellings', () => {
    const expected = encodeHexLowerCase(hmac(SHA256, SECRET, new TextEncoder().encode('K7MX3QPB')));
    expect(hashClaimCode('K7MX-3QPB', SECRET)).toBe(expected);
    expect(hashClaimCode('k7mx 3qpb', SECRET)).toBe(expected);
    expect(hashClaimCode('K7MX3QPB', SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashClaimCode('K7MX-3QPC', SECRET)).not.toBe(expected);
  });

  it('pins one value (a changed hash would lock out every code in flight)', () => {
    // printf '22222222' | openssl dgst -sha256 -hmac 'key-of-the-claim-code-unit-tests'
    expect(hashClaimCode('2222-2222', SECRET)).toBe('b41ef175f1a35c76a643404d03a36af21c036fe5e2e4c8a963462430fe682e34');
  });

  it('claim codes stored as unsalted SHA-256: the stored value is not the plain SHA-256 of the code', () => {
    for (const code of ['2222-2222', 'K7MX-3QPB', generateClaimCode(cryptoRandom)]) {
      const normalised = normaliseClaimCode(code)!;
      expect(hashClaimCode(code, SECRET)).not.toBe(sha256Hex(normalised));
      expect(hashClaimCode(code, SECRET)).not.toBe(sha256Hex(code));
    }
  });

  it('differs between two secrets', () => {
    expect(hashClaimCode('K7MX-3QPB', SECRET)).not.toBe(hashClaimCode('K7MX-3QPB', OTHER_SECRET));
  });

  it('refuses what is not a code, and a secret shorter than 32 bytes', () => {
    expect(() => hashClaimCode('hello', SECRET)).toThrow(RangeError);
    expect(() => hashClaimCode('K7MX-3QPB', new Uint8Array(31))).toThrow(RangeError);
  });
});

describe('checkClaim', () => {
  const issuedAt = new Date('2026-03-02T08:00:00Z');
  const code = generateClaimCode(bytesFrom([10, 11, 12, 13, 14, 15, 16, 17]));
  const record = { storedHash: hashClaimCode(code, SECRET), expiresAt: claimCodeExpiresAt(issuedAt), usedAt: null, secret: SECRET };
  const spy = vi.mocked(constantTimeEqual);

  beforeEach(() => {
    spy.mockClear();
  });

  it('lives 72 hours', () => {
    expect(CLAIM_CODE_TTL_MS).toBe(72 * 60 * 60 * 1000);
    expect(record.expiresAt.toISOString()).toBe('2026-03-05T08:00:00.000Z');
  });

  it('accepts the right code before expiry, however it is typed', () => {
    expect(checkClaim({ ...record, now: issuedAt, input: code })).toBe('ok');
    expect(checkClaim({ ...record, now: issuedAt, input: code.toLowerCase().replace('-', ' ') })).toBe('ok');
  });

  it('expires at exactly the TTL, not a millisecond before', () => {
    const justBefore = new Date(issuedAt.getTime() + CLAIM_CODE_TTL_MS - 1);
    const exactly = new Date(issuedAt.getTime() + CLAIM_CODE_TTL_MS);
    expect(checkClaim({ ...record, now: justBefore, input: code })).toBe('ok');
    expect(checkClaim({ ...record, now: exactly, input: code })).toBe('expired');
    expect(checkClaim({ ...record, now: new Date(exactly.getTime() + 1), input: code })).toBe('expired');
  });

  it('refuses a code already used, even before expiry', () => {
    expect(checkClaim({ ...record, usedAt: new Date('2026-03-02T09:00:00Z'), now: issuedAt, input: code })).toBe('used');
  });

  it('reports "used" before "expired"', () => {
    const later = new Date(issuedAt.getTime() + 2 * CLAIM_CODE_TTL_MS);
    expect(checkClaim({ ...record, usedAt: issuedAt, now: later, input: code })).toBe('used');
  });

  it('says only "wrong" to a wrong code, whatever the state of the record', () => {
    const wrong = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    const later = new Date(issuedAt.getTime() + 2 * CLAIM_CODE_TTL_MS);
    expect(checkClaim({ ...record, now: issuedAt, input: wrong })).toBe('wrong');
    expect(checkClaim({ ...record, usedAt: issuedAt, now: issuedAt, input: wrong })).toBe('wrong');
    expect(checkClaim({ ...record, now: later, input: wrong })).toBe('wrong');
  });

  it('compares hashes in constant time, for right, wrong and malformed input alike', () => {
    for (const input of [code, 'BBBB-BBBB', 'not a code', '', undefined]) {
      spy.mockClear();
      checkClaim({ ...record, now: issuedAt, input });
      expect(spy).toHaveBeenCalledTimes(1);
      const [candidate, stored] = spy.mock.calls[0]!;
      expect(candidate).toHaveLength(32);
      expect(stored).toHaveLength(32);
    }
  });

  it('treats a malformed stored hash as matching nothing', () => {
    for (const storedHash of ['', 'zz', record.storedHash.slice(0, 62), record.storedHash.toUpperCase() + '00']) {
      expect(checkClaim({ ...record, storedHash, now: issuedAt, input: code })).toBe('wrong');
    }
    // Upper-case hex is the same hash.
    expect(checkClaim({ ...record, storedHash: record.storedHash.toUpperCase(), now: issuedAt, input: code })).toBe('ok');
  });

  it('never accepts malformed input, even if its hash were stored', () => {
    const storedHash = encodeHexLowerCase(hmac(SHA256, SECRET, new TextEncoder().encode('not a code')));
    expect(checkClaim({ ...record, storedHash, now: issuedAt, input: 'not a code' })).toBe('wrong');
  });

  it('does not accept a code hashed under another secret, nor the old plain SHA-256 of the code', () => {
    expect(checkClaim({ ...record, secret: OTHER_SECRET, now: issuedAt, input: code })).toBe('wrong');
    expect(checkClaim({ ...record, storedHash: sha256Hex(normaliseClaimCode(code)!), now: issuedAt, input: code })).toBe('wrong');
  });

  it('has a bilingual message for every failure', () => {
    for (const message of Object.values(CLAIM_CHECK_MESSAGES)) expect(message).toMatch(/^.+ \/ .+$/);
  });
});
