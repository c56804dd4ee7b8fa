import { describe, expect, it } from 'vitest';
import { SIZE_RULES, type SizeClass } from '#src/reference/size-rules.ts';
import { VSIC_CODES, type VsicCode } from '#src/reference/vsic.ts';
import { classifySize, sizeClass } from '#src/domain/identity/size-class.ts';

const BN = 1_000_000_000;
const RANK: Record<SizeClass, number> = { micro: 0, small: 1, medium: 2, large: 3 };

describe('SIZE_RULES (Nghị định 80/2021/NĐ-CP, art. 5)', () => {
  // Pinned on purpose: changing a threshold is a legal change, not a refactor.
  it('pins the thresholds', () => {
    expect(SIZE_RULES).toEqual({
      agri_industry: [
        { sizeClass: 'micro', maxEmployees: 10, maxRevenueVnd: 3 * BN, maxCapitalVnd: 3 * BN },
        { sizeClass: 'small', maxEmployees: 100, maxRevenueVnd: 50 * BN, maxCapitalVnd: 20 * BN },
        { sizeClass: 'medium', maxEmployees: 200, maxRevenueVnd: 200 * BN, maxCapitalVnd: 100 * BN },
      ],
      trade_services: [
        { sizeClass: 'micro', maxEmployees: 10, maxRevenueVnd: 10 * BN, maxCapitalVnd: 3 * BN },
        { sizeClass: 'small', maxEmployees: 50, maxRevenueVnd: 100 * BN, maxCapitalVnd: 50 * BN },
        { sizeClass: 'medium', maxEmployees: 100, maxRevenueVnd: 300 * BN, maxCapitalVnd: 100 * BN },
      ],
    });
  });
});

type Row = [sector: VsicCode, employees: number, revenueVnd: number | undefined, capitalVnd: number | undefined, expected: SizeClass];

// Group (i): agriculture/forestry/fishery, industry, construction (VSIC A–F).
const AGRI_INDUSTRY: Row[] = [
  ['C', 0, 0, undefined, 'micro'],
  ['C', 10, 3 * BN, undefined, 'micro'], // both at the micro limit
  ['C', 10, 3 * BN + 1, undefined, 'small'], // revenue one đồng over
  ['C', 10, 3 * BN + 1, 3 * BN, 'micro'], // …but capital fits: "revenue OR capital"
  ['C', 10, 3 * BN + 1, 3 * BN + 1, 'small'],
  ['A', 11, 1 * BN, 1 * BN, 'small'], // staff one over micro
  ['A', 100, 50 * BN, undefined, 'small'],
  ['A', 100, 50 * BN + 1, 20 * BN, 'small'], // capital at the small limit
  ['A', 100, 50 * BN + 1, 20 * BN + 1, 'medium'],
  ['F', 101, 1 * BN, undefined, 'medium'], // staff one over small
  ['F', 200, 200 * BN, undefined, 'medium'],
  ['F', 200, 200 * BN + 1, 100 * BN, 'medium'],
  ['F', 200, 200 * BN + 1, 100 * BN + 1, 'large'],
  ['B', 201, 1 * BN, 1 * BN, 'large'], // staff alone makes it large
  ['D', 5, 500 * BN, 500 * BN, 'large'], // few staff, big money
  ['E', 150, undefined, 60 * BN, 'medium'], // capital only
];

// Group (ii): trade and services (VSIC G–U).
const TRADE_SERVICES: Row[] = [
  ['G', 10, 10 * BN, undefined, 'micro'],
  ['G', 10, 10 * BN + 1, undefined, 'small'],
  ['G', 10, 10 * BN + 1, 3 * BN, 'micro'],
  ['G', 10, 10 * BN + 1, 3 * BN + 1, 'small'],
  ['I', 11, 1 * BN, undefined, 'small'],
  ['I', 50, 100 * BN, undefined, 'small'],
  ['I', 50, 100 * BN + 1, 50 * BN, 'small'], // 50 bn, not the 30 bn of one summary
  ['I', 50, 100 * BN + 1, 50 * BN + 1, 'medium'],
  ['J', 51, 1 * BN, undefined, 'medium'], // staff one over small
  ['J', 100, 300 * BN, undefined, 'medium'],
  ['M', 100, 300 * BN + 1, 100 * BN, 'medium'],
  ['M', 100, 300 * BN + 1, 100 * BN + 1, 'large'],
  ['U', 101, 1 * BN, 1 * BN, 'large'],
  ['S', 3, undefined, 2 * BN, 'micro'], // capital only
];

// Staff alone when neither revenue nor capital is known.
const EMPLOYEES_ONLY: Row[] = [
  ['A', 0, undefined, undefined, 'micro'],
  ['A', 10, undefined, undefined, 'micro'],
  ['A', 11, undefined, undefined, 'small'],
  ['C', 100, undefined, undefined, 'small'],
  ['C', 101, undefined, undefined, 'medium'],
  ['F', 200, undefined, undefined, 'medium'],
  ['F', 201, undefined, undefined, 'large'],
  ['G', 10, undefined, undefined, 'micro'],
  ['G', 50, undefined, undefined, 'small'],
  ['G', 51, undefined, undefined, 'medium'],
  ['Q', 100, undefined, undefined, 'medium'],
  ['Q', 101, undefined, undefined, 'large'],
];

describe.each([
  ['agriculture, industry, construction (A–F)', AGRI_INDUSTRY],
  ['trade and services (G–U)', TRADE_SERVICES],
  ['staff only', EMPLOYEES_ONLY],
])('sizeClass: %s', (_title, rows) => {
  it.each(rows)('%s, %i staff, revenue %s, capital %s → %s', (sector, employees, revenueVnd, capitalVnd, expected) => {
    expect(sizeClass({ sector, employees, revenueVnd, capitalVnd })).toBe(expected);
  });
});

describe('classifySize', () => {
  it('reports the basis so the UI can flag a staff-only classification', () => {
    expect(classifySize({ sector: 'G', employees: 8 })).toEqual({ sizeClass: 'micro', basis: 'employees_only' });
    expect(classifySize({ sector: 'G', employees: 8, revenueVnd: null, capitalVnd: null })).toEqual({
      sizeClass: 'micro',
      basis: 'employees_only',
    });
    expect(classifySize({ sector: 'G', employees: 8, revenueVnd: 20 * BN })).toEqual({
      sizeClass: 'small',
      basis: 'employees_and_finance',
    });
  });

  it('the same firm can be small in industry and medium in services (sector groups differ)', () => {
    const firm = { employees: 60, revenueVnd: 5 * BN };
    expect(sizeClass({ ...firm, sector: 'C' })).toBe('small');
    expect(sizeClass({ ...firm, sector: 'G' })).toBe('medium');
    const tiny = { employees: 8, revenueVnd: 5 * BN };
    expect(sizeClass({ ...tiny, sector: 'C' })).toBe('small');
    expect(sizeClass({ ...tiny, sector: 'G' })).toBe('micro');
  });

  it.each([
    { sector: 'G', employees: -1 },
    { sector: 'G', employees: 2.5 },
    { sector: 'G', employees: Number.NaN },
    { sector: 'G', employees: 3, revenueVnd: -1 },
    { sector: 'G', employees: 3, capitalVnd: Number.POSITIVE_INFINITY },
    { sector: 'V', employees: 3 },
    { sector: 'g', employees: 3 },
  ])('rejects invalid input %j', (input) => {
    expect(() => sizeClass(input as never)).toThrow();
  });
});

describe('sizeClass: properties', () => {
  const STAFF = [0, 1, 5, 10, 11, 30, 50, 51, 80, 100, 101, 150, 200, 201, 1000];
  const MONEY = [
    undefined,
    0,
    1 * BN,
    3 * BN,
    3 * BN + 1,
    10 * BN,
    10 * BN + 1,
    20 * BN,
    20 * BN + 1,
    50 * BN,
    50 * BN + 1,
    100 * BN,
    100 * BN + 1,
    200 * BN,
    200 * BN + 1,
    300 * BN,
    300 * BN + 1,
    10_000 * BN,
  ];

  it('more staff never gives a smaller class (every sector, every money pair)', () => {
    for (const sector of VSIC_CODES) {
      for (const revenueVnd of MONEY) {
        for (const capitalVnd of MONEY) {
          let previous = -1;
          for (const employees of STAFF) {
            const rank = RANK[sizeClass({ sector, employees, revenueVnd, capitalVnd })];
            expect(rank, `${sector} ${employees} ${revenueVnd} ${capitalVnd}`).toBeGreaterThanOrEqual(previous);
            previous = rank;
          }
        }
      }
    }
  });

  it('more revenue or more capital never gives a smaller class', () => {
    const defined = MONEY.filter((m): m is number => m !== undefined);
    for (const sector of ['A', 'C', 'G', 'I'] as const) {
      for (const employees of STAFF) {
        for (const other of MONEY) {
          let prevByRevenue = -1;
          let prevByCapital = -1;
          for (const money of defined) {
            const byRevenue = RANK[sizeClass({ sector, employees, revenueVnd: money, capitalVnd: other })];
            const byCapital = RANK[sizeClass({ sector, employees, revenueVnd: other, capitalVnd: money })];
            expect(byRevenue).toBeGreaterThanOrEqual(prevByRevenue);
            expect(byCapital).toBeGreaterThanOrEqual(prevByCapital);
            prevByRevenue = byRevenue;
            prevByCapital = byCapital;
          }
        }
      }
    }
  });

  it('knowing a figure never makes a firm smaller than staff alone says', () => {
    for (const sector of VSIC_CODES) {
      for (const employees of STAFF) {
        const staffOnly = RANK[sizeClass({ sector, employees })];
        for (const revenueVnd of MONEY) {
          expect(RANK[sizeClass({ sector, employees, revenueVnd })]).toBeGreaterThanOrEqual(staffOnly);
        }
      }
    }
  });

  it('sectors in the same group classify identically', () => {
    for (const employees of STAFF) {
      for (const revenueVnd of MONEY) {
        const agri = sizeClass({ sector: 'A', employees, revenueVnd });
        for (const sector of ['B', 'C', 'D', 'E', 'F'] as const) expect(sizeClass({ sector, employees, revenueVnd })).toBe(agri);
        const trade = sizeClass({ sector: 'G', employees, revenueVnd });
        for (const sector of VSIC_CODES.slice(7)) expect(sizeClass({ sector, employees, revenueVnd })).toBe(trade);
      }
    }
  });
});
