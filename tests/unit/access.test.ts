// Worked examples of the access rules: who sees and who may change which business.
import { describe, expect, it } from 'vitest';
import { canEditBusiness, canSeeBusiness, scopeOf, type Actor } from '#src/domain/access.ts';

const actor = (a: Partial<Actor> & Pick<Actor, 'role'>): Actor => ({
  businessId: null,
  scopeProvinceCode: null,
  scopeCommuneCode: null,
  ...a,
});

const ours = { id: 7, communeCode: '14500', provinceCode: '37' };
const neighbour = { id: 8, communeCode: '14501', provinceCode: '37' };
const elsewhere = { id: 9, communeCode: '00001', provinceCode: '01' };

describe('scopeOf', () => {
  it('gives the administrator everything', () => {
    expect(scopeOf(actor({ role: 'admin' }))).toEqual({ kind: 'all' });
  });

  it('scopes an officer to the commune when one is set, else to the province', () => {
    expect(scopeOf(actor({ role: 'officer', scopeProvinceCode: '37', scopeCommuneCode: '14500' }))).toEqual({
      kind: 'commune',
      communeCode: '14500',
    });
    expect(scopeOf(actor({ role: 'officer', scopeProvinceCode: '37' }))).toEqual({ kind: 'province', provinceCode: '37' });
  });

  it('gives a helper without a commune nothing, never the whole province', () => {
    expect(scopeOf(actor({ role: 'helper', scopeProvinceCode: '37' }))).toEqual({ kind: 'none' });
    expect(scopeOf(actor({ role: 'helper', scopeCommuneCode: '14500' }))).toEqual({ kind: 'commune', communeCode: '14500' });
  });

  it('gives an officer with no scope at all nothing', () => {
    expect(scopeOf(actor({ role: 'officer' }))).toEqual({ kind: 'none' });
  });

  it('limits a business account to its own business, and one without a business to nothing', () => {
    expect(scopeOf(actor({ role: 'business', businessId: 7 }))).toEqual({ kind: 'business', businessId: 7 });
    expect(scopeOf(actor({ role: 'business' }))).toEqual({ kind: 'none' });
  });
});

describe('canSeeBusiness and canEditBusiness', () => {
  const cases: [string, Actor, boolean[], boolean[]][] = [
    // name, actor, sees [ours, neighbour, elsewhere], edits [ours, neighbour, elsewhere]
    ['administrator', actor({ role: 'admin' }), [true, true, true], [true, true, true]],
    ['province officer', actor({ role: 'officer', scopeProvinceCode: '37' }), [true, true, false], [false, false, false]],
    [
      'commune officer',
      actor({ role: 'officer', scopeProvinceCode: '37', scopeCommuneCode: '14500' }),
      [true, false, false],
      [false, false, false],
    ],
    ['commune helper', actor({ role: 'helper', scopeCommuneCode: '14500' }), [true, false, false], [true, false, false]],
    ['helper without a commune', actor({ role: 'helper', scopeProvinceCode: '37' }), [false, false, false], [false, false, false]],
    ['owner', actor({ role: 'business', businessId: 7 }), [true, false, false], [true, false, false]],
    ['business account without a business', actor({ role: 'business' }), [false, false, false], [false, false, false]],
  ];
  for (const [name, who, sees, edits] of cases) {
    it(`${name}: sees ${sees.join('/')}, edits ${edits.join('/')}`, () => {
      expect([ours, neighbour, elsewhere].map((b) => canSeeBusiness(who, b))).toEqual(sees);
      expect([ours, neighbour, elsewhere].map((b) => canEditBusiness(who, b))).toEqual(edits);
    });
  }
});
