import { describe, expect, it } from 'vitest';
import { requireSafeNextPath, safeNextPath } from '#src/server/http/redirect.ts';

const ORIGIN = 'https://portal.example.vn';

describe('safeNextPath: open redirect attacks are refused', () => {
  it.each([
    ['tab after the first slash (decoded %09)', '/\t/evil.com'],
    ['tab as literal %09', '/%09/evil.com'],
    ['protocol-relative', '//evil.com'],
    ['protocol-relative with path', '//evil.com/login'],
    ['backslash', '/\\evil.com'],
    ['encoded backslash', '/%5Cevil.com'],
    ['absolute https URL', 'https://evil.com'],
    ['absolute URL on our own host', 'https://portal.example.vn/x'],
    ['scheme-less host', 'evil.com'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['CRLF (decoded)', '/\r\nSet-Cookie: x=1'],
    ['CRLF as literal %0d%0a', '/%0d%0aSet-Cookie:x=1'],
    ['LF only', '/a\nb'],
    ['NUL', '/a\u0000b'],
    ['non-ASCII', '/doanh-nghiệp'],
    ['non-ASCII look-alike slash', '/\u2215evil.com'],
    ['space', '/a b'],
    ['dot segments to protocol-relative', '/.//evil.com'],
    ['encoded double slash', '/%2F%2Fevil.com'],
    ['double slash later in the path', '/a//b'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['very long', '/' + 'a'.repeat(3000)],
  ])('%s', (_name, raw) => {
    expect(safeNextPath(raw, ORIGIN)).toBeNull();
    expect(() => requireSafeNextPath(raw, ORIGIN)).toThrow(/chuyển tiếp không hợp lệ/);
  });
});

describe('safeNextPath: plain same-origin paths are kept', () => {
  it.each([
    ['/', '/'],
    ['/admin/users', '/admin/users'],
    ['/en/businesses/12?tab=a%20b#plan', '/en/businesses/12?tab=a%20b#plan'],
    ['/dashboard?q=H%C3%A0%20N%E1%BB%99i', '/dashboard?q=H%C3%A0%20N%E1%BB%99i'],
    ['/a/../b', '/b'],
  ])('%s', (raw, expected) => {
    expect(safeNextPath(raw, ORIGIN)).toBe(expected);
    expect(requireSafeNextPath(raw, ORIGIN)).toBe(expected);
  });

  it('an absent value means "use the default", not an error', () => {
    expect(requireSafeNextPath(null, ORIGIN)).toBeNull();
    expect(requireSafeNextPath(undefined, ORIGIN)).toBeNull();
    expect(requireSafeNextPath('', ORIGIN)).toBeNull();
  });
});
