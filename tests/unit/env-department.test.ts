import { describe, expect, it } from 'vitest';
import { getEnv } from '#src/server/config/env.ts';

describe('DEPARTMENT_NAME', () => {
  it('is optional and kept trimmed when it is plain text', () => {
    expect(getEnv({}).DEPARTMENT_NAME).toBeUndefined();
    expect(getEnv({ DEPARTMENT_NAME: '  Sở Công Thương tỉnh Ninh Bình ' }).DEPARTMENT_NAME).toBe('Sở Công Thương tỉnh Ninh Bình');
  });

  it.each([
    ['markup', '<script>alert(1)</script> Sở'],
    ['a control character', 'Sở Công\u0000 Thương'],
    ['a right-to-left override', 'Sở Công \u202eThương'],
    ['too short', 'Sở'],
    ['too long', 'S'.repeat(151)],
  ])('refuses %s at start-up', (_what, value) => {
    expect(() => getEnv({ DEPARTMENT_NAME: value })).toThrow(/DEPARTMENT_NAME/);
  });
});
