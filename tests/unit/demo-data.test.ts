import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAdminUnits } from '#src/reference/admin-units.ts';
import { isVsicCode } from '#src/reference/vsic.ts';
import { DEMO_EMAIL_DOMAIN, generateDemoBusinesses, mulberry32 } from '../../scripts/seed/demo-data.ts';
import { parsePhone } from '#src/domain/identity/phone.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { parseTaxCode } from '#src/domain/identity/tax-code.ts';

const units = loadAdminUnits();
const NINH_BINH_WARDS = units.wards.filter((w) => w.provinceCode === '37'); // 129 wards
const NOW = new Date('2026-03-01T08:00:00.000Z');
const TWO_YEARS_MS = 730 * 24 * 60 * 60 * 1000;

const generate = (overrides: Partial<Parameters<typeof generateDemoBusinesses>[0]> = {}) =>
  generateDemoBusinesses({ count: 400, wards: NINH_BINH_WARDS, seed: 20250701, now: NOW, ...overrides });

const NAME_PREFIX = {
  enterprise: /^(Công ty TNHH MTV|Công ty TNHH|Công ty CP) \S/u,
  cooperative: /^HTX \S/u,
  cooperative_group: /^Tổ hợp tác \S/u,
  household: /^Hộ kinh doanh \S/u,
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(b()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('generateDemoBusinesses', () => {
  const list = generate();

  it('is deterministic: same arguments → deep-equal output', () => {
    expect(generate()).toEqual(list);
  });

  it('depends on the seed', () => {
    expect(generate({ seed: 1 })).not.toEqual(list);
  });

  it('uses neither Math.random nor Date.now', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    expect(generate({ count: 50 })).toEqual(list.slice(0, 50));
  });

  it('returns the requested count', () => {
    expect(list).toHaveLength(400);
    expect(generate({ count: 0, wards: [] })).toEqual([]);
  });

  it('gives every business a valid, distinct tax code', () => {
    for (const b of list) expect(parseTaxCode(b.taxCode), b.taxCode).toEqual({ ok: true, value: b.taxCode, base: b.taxCode, branch: null });
    expect(new Set(list.map((b) => b.taxCode)).size).toBe(list.length);
  });

  it('gives distinct names, also accent-insensitively, in NFC', () => {
    expect(new Set(list.map((b) => b.name)).size).toBe(list.length);
    expect(new Set(list.map((b) => toSearchKey(b.name))).size).toBe(list.length);
    for (const b of list) expect(b.name).toBe(b.name.normalize('NFC'));
  });

  it('names match the producer type', () => {
    for (const b of list) expect(b.name, b.producerType).toMatch(NAME_PREFIX[b.producerType]);
    expect(new Set(list.map((b) => b.producerType))).toEqual(new Set(['enterprise', 'cooperative', 'cooperative_group', 'household']));
  });

  it('spreads over at least 50 communes when given ≥ 100 wards and ≥ 300 businesses', () => {
    expect(NINH_BINH_WARDS.length).toBeGreaterThanOrEqual(100);
    const wardCodes = new Set(NINH_BINH_WARDS.map((w) => w.code));
    for (const b of list) expect(wardCodes.has(b.communeCode)).toBe(true);
    expect(new Set(list.map((b) => b.communeCode)).size).toBeGreaterThanOrEqual(50);
    // …and for other seeds too, not by luck of one seed
    for (const seed of [1, 2, 3]) {
      const other = generate({ seed, count: 300 });
      expect(new Set(other.map((b) => b.communeCode)).size).toBeGreaterThanOrEqual(50);
    }
  });

  it('has a realistic sector mix: ≥ 8 sections, with G, C, A, I, F among the most common', () => {
    const counts = new Map<string, number>();
    for (const b of list) {
      expect(isVsicCode(b.sector)).toBe(true);
      counts.set(b.sector, (counts.get(b.sector) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThanOrEqual(8);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([s]) => s);
    for (const s of ['G', 'C', 'A', 'I', 'F']) expect(top, `top sections ${top.join(',')}`).toContain(s);
    expect(top[0]).toBe('G');
  });

  it('has plausible staff and revenue for each producer type', () => {
    for (const b of list) {
      expect(Number.isInteger(b.employees) && b.employees >= 1).toBe(true);
      expect(Number.isSafeInteger(b.revenueVnd) && b.revenueVnd > 0).toBe(true);
      expect(b.revenueVnd % 1_000_000).toBe(0);
      if (b.producerType === 'household') expect(b.employees).toBeLessThan(10);
    }
    const enterprises = list.filter((b) => b.producerType === 'enterprise');
    const micro = enterprises.filter((b) => b.employees <= 10).length;
    expect(micro / enterprises.length).toBeGreaterThan(0.4); // most SMEs are micro
    expect(enterprises.some((b) => b.employees > 50)).toBe(true);
  });

  it('uses only obviously fake contacts: exactly one of a demo e-mail or a fake-block phone', () => {
    for (const [i, b] of list.entries()) {
      expect((b.email === null) !== (b.phone === null)).toBe(true);
      if (b.email !== null) expect(b.email).toBe(`demo+${i + 1}@${DEMO_EMAIL_DOMAIN}`);
      if (b.phone !== null) {
        expect(parsePhone(b.phone)).toEqual({ ok: true, value: b.phone });
        expect(b.phone).toMatch(/^\+8490000\d{4}$/);
      }
    }
  });

  it('creates every business within the two years before now, in whole seconds', () => {
    for (const b of list) {
      const t = b.createdAt.getTime();
      expect(t).toBeLessThanOrEqual(NOW.getTime());
      expect(t).toBeGreaterThan(NOW.getTime() - TWO_YEARS_MS);
      expect(t % 1000).toBe(0);
    }
    const spanDays = (Math.max(...list.map((b) => +b.createdAt)) - Math.min(...list.map((b) => +b.createdAt))) / 86_400_000;
    expect(spanDays).toBeGreaterThan(600);
  });

  it('stays unique and valid at larger scale, even with few wards', () => {
    const many = generateDemoBusinesses({ count: 3000, wards: NINH_BINH_WARDS.slice(0, 5), seed: 7, now: NOW });
    expect(new Set(many.map((b) => toSearchKey(b.name))).size).toBe(3000);
    expect(new Set(many.map((b) => b.taxCode)).size).toBe(3000);
  });

  it.each([[{ count: -1 }], [{ count: 1.5 }], [{ seed: 0.5 }], [{ now: new Date(Number.NaN) }], [{ wards: [] }]])(
    'rejects bad options %j',
    (overrides) => {
      expect(() => generate(overrides)).toThrow(RangeError);
    },
  );
});
