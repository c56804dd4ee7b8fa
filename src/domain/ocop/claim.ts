/**
 * One-time account claim codes for assisted registration.
 *
 * A community digital team member registers a producer and hands them a claim
 * code (on paper, by SMS or read out on the phone); the producer uses it once,
 * within 72 hours, to take over the account. Only an HMAC-SHA-256 of the code
 * under a server secret is stored, compared in constant time.
 *
 * Alphabet: 8 digits and 17 consonants, 25 symbols, 8 symbols per code
 * (25^8 ≈ 1.5·10^11, about 37 bits). Left out:
 * - 0, O, 1, I, L: easily confused when read or handwritten;
 * - the vowels A, E, U, Y (and O, I already): Vietnamese keyboards (Telex,
 *   VNI) turn a vowel followed by s/f/r/x/j, a digit, or a doubled vowel into
 *   one accented letter ("AS" → "Á", "A6" → "Â"), losing a symbol;
 * - D (Telex "DD" → "Đ") and W (Telex "W" → "Ư").
 * With no vowel, D or W in the code, typing it with a Vietnamese keyboard on
 * gives back exactly what was shown.
 *
 * Security notes: 37 bits is enough against online guessing only together
 * with rate limiting at the endpoint and the 72-hour lifetime. A plain SHA-256
 * of so short a code would let anyone holding the table (a backup, an export)
 * recover live codes by brute force in minutes; keyed with a secret of at
 * least 32 bytes the hashes are useless without the secret too. The secret
 * comes from the environment or from its own table (see the server's
 * `claimCodeSecret`): kept out of the database, a stolen database alone no
 * longer yields codes.
 *
 * Pure module: randomness is injected, the clock is passed in.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';

export const CLAIM_CODE_ALPHABET = '23456789BCFGHJKMNPQRSTVXZ';
export const CLAIM_CODE_LENGTH = 8;
/** Codes are shown in two groups of four: "K7MX-3QPB". */
export const CLAIM_CODE_GROUP = 4;

const HOUR_MS = 60 * 60 * 1000;
/** The shortest HMAC key accepted, in bytes (the output size of SHA-256). */
export const CLAIM_SECRET_MIN_BYTES = 32;
export const CLAIM_CODE_TTL_MS = 72 * HOUR_MS;

export type RandomBytes = (n: number) => Uint8Array;
export type ClaimCheck = 'ok' | 'wrong' | 'expired' | 'used';

const ALPHABET_SIZE = CLAIM_CODE_ALPHABET.length;
// Rejection sampling: a byte b < 250 maps to b % 25 without bias; 250…255 are skipped.
const UNBIASED_LIMIT = Math.floor(256 / ALPHABET_SIZE) * ALPHABET_SIZE;
const BATCH = 16;
// With a working CSPRNG the chance of needing more than one batch of 16 bytes
// is below 10^-9; a source that keeps giving unusable bytes is broken.
const MAX_BATCHES = 32;
const CODE_SHAPE = new RegExp(`^[${CLAIM_CODE_ALPHABET}]{${CLAIM_CODE_LENGTH}}$`);
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

/**
 * A new code in display form, e.g. "K7MX-3QPB". Pass
 * `(n) => crypto.getRandomValues(new Uint8Array(n))` in production.
 */
export function generateClaimCode(randomBytes: RandomBytes): string {
  let code = '';
  for (let batch = 0; batch < MAX_BATCHES && code.length < CLAIM_CODE_LENGTH; batch++) {
    const bytes = randomBytes(BATCH);
    for (const byte of bytes) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += CLAIM_CODE_ALPHABET[byte % ALPHABET_SIZE];
      if (code.length === CLAIM_CODE_LENGTH) break;
    }
  }
  if (code.length < CLAIM_CODE_LENGTH) throw new Error('generateClaimCode: the random source gave no usable bytes');
  return formatClaimCode(code);
}

/** "K7MX3QPB" → "K7MX-3QPB". Throws on anything but a normalised code. */
export function formatClaimCode(code: string): string {
  if (!CODE_SHAPE.test(code)) throw new RangeError(`not a normalised claim code: ${JSON.stringify(code)}`);
  return `${code.slice(0, CLAIM_CODE_GROUP)}-${code.slice(CLAIM_CODE_GROUP)}`;
}

/**
 * What the user typed → the 8-symbol code, or null when it cannot be a code.
 * Case-insensitive; spaces and dashes anywhere are ignored; full-width letters
 * from phone keyboards are folded (NFKC).
 */
export function normaliseClaimCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const compact = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  return CODE_SHAPE.test(compact) ? compact : null;
}

function mac(secret: Uint8Array, text: string): Uint8Array {
  if (secret.length < CLAIM_SECRET_MIN_BYTES) throw new RangeError(`claim code secret: at least ${CLAIM_SECRET_MIN_BYTES} bytes`);
  return hmac(SHA256, secret, new TextEncoder().encode(text));
}

/** Lower-case hex HMAC-SHA-256 of the normalised code under the server secret: the only form that is stored. */
export function hashClaimCode(code: string, secret: Uint8Array): string {
  const normalised = normaliseClaimCode(code);
  if (normalised === null) throw new RangeError('hashClaimCode: not a claim code');
  return encodeHexLowerCase(mac(secret, normalised));
}

/** When a code issued at `issuedAt` stops working. */
export function claimCodeExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + CLAIM_CODE_TTL_MS);
}

function decodeStoredHash(storedHash: string): Uint8Array | null {
  try {
    const bytes = decodeHex(storedHash);
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Checks a typed code against the stored record.
 *
 * The code is checked first, so someone guessing learns nothing about the
 * record (not whether it was used or has expired) until they hold the right
 * code. Then: used → 'used'; `now` at or after `expiresAt` → 'expired'
 * (a code issued at t works up to t + TTL − 1 ms).
 * Input that cannot be a code is hashed all the same and compared against the
 * stored hash, so every call does the same work.
 */
export function checkClaim(args: {
  storedHash: string;
  expiresAt: Date;
  usedAt: Date | null | undefined;
  now: Date;
  input: unknown;
  secret: Uint8Array;
}): ClaimCheck {
  const normalised = normaliseClaimCode(args.input);
  const candidate = mac(args.secret, normalised ?? String(args.input ?? ''));
  const stored = decodeStoredHash(args.storedHash) ?? new Uint8Array(32);
  const equal = constantTimeEqual(candidate, stored);
  if (!equal || normalised === null) return 'wrong';
  if (args.usedAt) return 'used';
  if (args.now.getTime() >= args.expiresAt.getTime()) return 'expired';
  return 'ok';
}

export const CLAIM_CHECK_MESSAGES: Readonly<Record<Exclude<ClaimCheck, 'ok'>, string>> = {
  wrong: 'Mã nhận tài khoản không đúng. Vui lòng kiểm tra lại / The claim code is not correct. Please check it again',
  expired:
    'Mã nhận tài khoản đã hết hạn (sau 72 giờ). Vui lòng nhờ cán bộ hỗ trợ cấp mã mới / The claim code has expired (after 72 hours). Please ask your helper for a new code',
  used: 'Mã nhận tài khoản này đã được dùng / This claim code has already been used',
};
