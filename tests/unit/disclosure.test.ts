import { describe, expect, it } from 'vitest';
import {
  BATCH_SIZE,
  Cube,
  YEAR_SLOT,
  cubeMeasures,
  frozenSlots,
  fromHex,
  snapshotDue,
  suppressCube,
  toHex,
  type Dimension,
  type Measure,
} from '#src/domain/indicators/disclosure.ts';
import { MIN_CELL } from '#src/domain/indicators/suppression.ts';
import { COUNTER_KEYS, emptyCounters } from '#src/domain/indicators/definitions.ts';
import { indicatorValues } from '#src/domain/indicators/dashboard.ts';
import { mulberry32 } from '../../scripts/seed/demo-data.ts';

/** One business of a random province: where it counts and what it has. */
type Biz = { commune: number; quarter: number; sector: string; size: string; type: string; adopts: boolean; level: number };

/** Builds the counters of a year's cube from businesses (each assessed in one quarter, so quarters add up to the year exactly: the attacker's best case). */
function cubeOf(communes: number, values: Record<Dimension, string[]>, biz: readonly Biz[]) {
  const cube = new Cube({ communes: Array.from({ length: communes }, (_, i) => `c${i}`), values });
  const n = new Float64Array(cube.size);
  const adopt = new Float64Array(cube.size);
  const sme = new Float64Array(cube.size);
  const smeAdopt = new Float64Array(cube.size);
  const levels = Array.from({ length: 6 }, () => new Float64Array(cube.size));
  for (const x of biz) {
    for (const slot of [x.quarter, YEAR_SLOT])
      for (const row of [0, x.commune + 1])
        for (const col of [0, cube.col('sector', x.sector), cube.col('size', x.size), cube.col('producerType', x.type)]) {
          const i = cube.at(slot, row, col);
          n[i]!++;
          if (x.adopts) adopt[i]!++;
          if (x.size !== 'large') {
            sme[i]!++;
            if (x.adopts) smeAdopt[i]!++;
          }
          levels[x.level]![i]!++;
        }
  }
  const measures: Measure[] = [
    { id: 'digital', businesses: n, shares: [{ numerator: adopt, denominator: n }] },
    { id: 'levels', businesses: n, categories: [levels] },
    { id: 'sme_platform', businesses: sme, shares: [{ numerator: smeAdopt, denominator: sme }] },
  ];
  return { cube, measures };
}

function randomProvince(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const communes = 1 + Math.floor(rnd() * 6);
  const values: Record<Dimension, string[]> = {
    sector: ['A', 'C', 'G', 'I'].slice(0, 1 + Math.floor(rnd() * 4)),
    size: ['large', 'medium', 'micro', 'small'].slice(0, 1 + Math.floor(rnd() * 4)),
    producerType: ['cooperative', 'enterprise', 'household'].slice(0, 1 + Math.floor(rnd() * 3)),
  };
  // Skewed: some communes and quarters much busier than others; some provinces all-or-none overall.
  const weight = Array.from({ length: communes }, () => rnd() ** 2);
  const share = rnd() < 0.15 ? pick([0, 1]) : rnd();
  const count = Math.floor(rnd() * 90);
  const biz: Biz[] = Array.from({ length: count }, () => {
    let w = rnd() * weight.reduce((s, x) => s + x, 0);
    let commune = 0;
    while (commune < communes - 1 && (w -= weight[commune]!) > 0) commune++;
    return {
      commune,
      quarter: rnd() < 0.6 ? 3 : Math.floor(rnd() * 4),
      sector: pick(values.sector),
      size: pick(values.size),
      type: pick(values.producerType),
      adopts: rnd() < share,
      level: Math.min(5, Math.floor(rnd() * rnd() * 6)),
    };
  });
  return { ...cubeOf(communes, values, biz), count };
}

/**
 * The attacker: starts from what is published (and, to be safe, from every empty cell), and uses
 * every line of the three hierarchies — a published total with one unknown part reveals it, a hidden
 * total whose parts are all known is their sum — until nothing more is learnt. Returns the hidden
 * non-empty cells it learns, and the lines where the residual group is all-or-none on an attribute
 * while the total is not.
 */
function attack(cube: Cube, m: Measure, hidden: Uint8Array) {
  const b = m.businesses;
  const known = Uint8Array.from(hidden, (h, i) => (!h || b[i] === 0 ? 1 : 0));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of cube.lines()) {
      const unknown = line.parts.filter((p) => !known[p]);
      if (known[line.total] && unknown.length === 1) known[unknown[0]!] = 1;
      else if (!known[line.total] && unknown.length === 0) known[line.total] = 1;
      else continue;
      changed = true;
    }
  }
  const recovered = [...known.keys()].filter((i) => hidden[i] && b[i]! > 0 && known[i]);
  const allOrNone: string[] = [];
  for (const line of cube.lines()) {
    if (hidden[line.total]) continue;
    const group = line.parts.filter((p) => hidden[p] && b[p]! > 0);
    if (!group.length) continue;
    const sum = (a: ArrayLike<number>) => group.reduce((s, p) => s + a[p]!, 0);
    for (const s of m.shares ?? []) {
      const [n, d] = [s.numerator[line.total]!, s.denominator[line.total]!];
      if (n > 0 && n < d && (sum(s.numerator) === 0 || sum(s.numerator) === sum(s.denominator)))
        allOrNone.push(`${m.id} ${cube.coords(line.total)}: ${sum(s.numerator)}/${sum(s.denominator)}`);
    }
    for (const cats of m.categories ?? []) {
      if (cats.some((k) => k[line.total] === b[line.total])) continue;
      cats.forEach((k, c) => {
        if (sum(k) === sum(b)) allOrNone.push(`${m.id} ${cube.coords(line.total)}: all ${sum(b)} in category ${c}`);
      });
    }
  }
  return { recovered, allOrNone };
}

describe('disclosure control over the three hierarchies (worked examples)', () => {
  it('the differencing attack "year − published quarters" finds nothing: a second quarter is hidden with the small one', () => {
    // Commune c0: 3 businesses in Q1, 6 in Q4; commune c1: 8 in Q4.
    const x = (commune: number, quarter: number, k: number): Biz[] =>
      Array.from({ length: k }, (_, i) => ({
        commune,
        quarter,
        sector: 'G',
        size: 'micro',
        type: 'enterprise',
        adopts: i % 2 === 0,
        level: 1,
      }));
    const { cube, measures } = cubeOf(2, { sector: ['G'], size: ['micro'], producerType: ['enterprise'] }, [
      ...x(0, 0, 3),
      ...x(0, 3, 6),
      ...x(1, 3, 8),
    ]);
    const { hidden, conflicts } = suppressCube(cube, measures);
    const h = hidden.get('digital')!;
    expect(conflicts).toEqual([]);
    expect(h[cube.at(0, 1, 0)]).toBe(1); // c0 Q1 (3 businesses)
    expect(h[cube.at(3, 1, 0)]).toBe(1); // c0 Q4 hidden as its complement: c0's year − Q4 would give Q1
    expect(h[cube.at(0, 0, 0)]).toBe(1); // province Q1 (3 businesses)
    expect(h[cube.at(3, 0, 0)]).toBe(1); // province Q4: the year − Q4 would give Q1
    expect(h[cube.root]).toBe(0); // the province headline for the year stays published
    expect(h[cube.at(YEAR_SLOT, 1, 0)]).toBe(0);
    expect(attack(cube, measures[0]!, h).recovered).toEqual([]);
  });

  it('all-or-none: "all 9 hidden medium and large businesses adopt" is not readable; a sibling with non-adopters is hidden too', () => {
    const x = (size: string, k: number, adopters: number): Biz[] =>
      Array.from({ length: k }, (_, i) => ({
        commune: 0,
        quarter: 3,
        sector: 'G',
        size,
        type: 'enterprise',
        adopts: i < adopters,
        level: 1,
      }));
    const biz = [...x('micro', 40, 20), ...x('small', 12, 6), ...x('medium', 6, 6), ...x('large', 3, 3)];
    const { cube, measures } = cubeOf(1, { sector: ['G'], size: ['large', 'medium', 'micro', 'small'], producerType: ['enterprise'] }, biz);
    const h = suppressCube(cube, measures).hidden.get('digital')!;
    const at = (size: string) => h[cube.at(YEAR_SLOT, 0, cube.col('size', size))];
    expect(at('large')).toBe(1); // primary
    expect(at('medium')).toBe(1); // complement: the smallest published sibling
    expect(at('small')).toBe(1); // all-or-none: medium + large = 9 of 9 adopt, the total (35 of 61) does not
    expect(at('micro')).toBe(0);
    expect(h[cube.root]).toBe(0);
    expect(attack(cube, measures[0]!, h).allOrNone).toEqual([]);
  });

  it('a total that is itself 100 % says so about everyone: no extra hiding for it', () => {
    const biz: Biz[] = [
      ...Array.from({ length: 10 }, () => ({
        commune: 0,
        quarter: 3,
        sector: 'G',
        size: 'micro',
        type: 'enterprise',
        adopts: true,
        level: 2,
      })),
      ...Array.from({ length: 3 }, () => ({
        commune: 0,
        quarter: 3,
        sector: 'G',
        size: 'small',
        type: 'enterprise',
        adopts: true,
        level: 2,
      })),
      ...Array.from({ length: 7 }, () => ({
        commune: 0,
        quarter: 3,
        sector: 'G',
        size: 'medium',
        type: 'enterprise',
        adopts: true,
        level: 2,
      })),
    ];
    const { cube, measures } = cubeOf(1, { sector: ['G'], size: ['medium', 'micro', 'small'], producerType: ['enterprise'] }, biz);
    const h = suppressCube(cube, measures).hidden.get('digital')!;
    const at = (size: string) => h[cube.at(YEAR_SLOT, 0, cube.col('size', size))];
    expect([at('small'), at('medium'), at('micro')]).toEqual([1, 1, 0]);
  });

  it('frozen quarters keep their published state; the year is protected around them', () => {
    const x = (commune: number, quarter: number, k: number): Biz[] =>
      Array.from({ length: k }, (_, i) => ({
        commune,
        quarter,
        sector: 'G',
        size: 'micro',
        type: 'enterprise',
        adopts: i % 2 === 0,
        level: 1,
      }));
    // Q1 closed with c0 = 7 published; now c0 has 2 more in Q2: year − Q1 would give Q2.
    const { cube, measures } = cubeOf(2, { sector: ['G'], size: ['micro'], producerType: ['enterprise'] }, [
      ...x(0, 0, 7),
      ...x(1, 0, 9),
      ...x(0, 1, 2),
      ...x(1, 1, 12),
    ]);
    const { hidden, conflicts } = suppressCube(cube, measures, { slots: [true, false, false, false, false], previous: () => false });
    const h = hidden.get('digital')!;
    expect(conflicts).toEqual([]);
    expect(h[cube.at(0, 1, 0)]).toBe(0); // frozen: still published
    expect(h[cube.at(1, 1, 0)]).toBe(1); // c0 Q2 (2)
    expect(h[cube.at(YEAR_SLOT, 1, 0)]).toBe(1); // c0's year hidden: no other quarter of c0 can be
    expect(h[cube.root]).toBe(0);
    for (const m of measures) expect(attack(cube, m, hidden.get(m.id)!).recovered).toEqual([]);
  });
});

describe('disclosure control: properties over random provinces × every public request', () => {
  it('no hidden cell is recoverable along communes → province, categories → total, quarters → year; no all-or-none residual; the headline stays published', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const { cube, measures } = randomProvince(seed);
      const { hidden, conflicts } = suppressCube(cube, measures);
      if (conflicts.length) failures.push(`${seed}: ${conflicts.length} conflicts`);
      for (const m of measures) {
        const h = hidden.get(m.id)!;
        const b = m.businesses;
        // Every request is one cell: each published cell rests on 5 or more businesses (or none).
        for (let i = 0; i < cube.size; i++)
          if (!h[i] && b[i]! > 0 && b[i]! < MIN_CELL) failures.push(`${seed} ${m.id}: small cell ${i} published`);
        if (b[cube.root]! > 0 && b[cube.root]! >= MIN_CELL === Boolean(h[cube.root]))
          failures.push(`${seed} ${m.id}: headline ${b[cube.root]} hidden=${h[cube.root]}`);
        // For every published total, the hidden non-empty children are none or at least two.
        for (const line of cube.lines()) {
          if (h[line.total]) continue;
          const k = line.parts.filter((p) => h[p] && b[p]! > 0).length;
          if (k === 1) failures.push(`${seed} ${m.id}: one hidden child under ${cube.coords(line.total)}`);
        }
        const { recovered, allOrNone } = attack(cube, m, h);
        if (recovered.length) failures.push(`${seed} ${m.id}: recovered ${recovered.map((i) => cube.coords(i).join('/')).join(', ')}`);
        failures.push(...allOrNone.map((s) => `${seed} ${s}`));
      }
      // Measures on the same businesses share one pattern.
      expect(hidden.get('digital')).toEqual(hidden.get('levels'));
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('is deterministic', () => {
    const { cube, measures } = randomProvince(77);
    expect(toHex(suppressCube(cube, measures).hidden.get('digital')!)).toBe(toHex(suppressCube(cube, measures).hidden.get('digital')!));
  });
});

describe('batches of the public answer', () => {
  const year = 2026;
  const ends = [3, 6, 9, 12].map((m) => new Date(Date.UTC(year, m, 1) - 7 * 3600e3));
  const at = (iso: string) => new Date(iso);
  const last = { takenAt: at('2026-05-01T00:00:00Z'), version: 'v1' };

  it('one submission between two queries changes nothing public until 5 businesses have changed', () => {
    for (let changed = 0; changed < BATCH_SIZE; changed++)
      expect(snapshotDue({ last, version: 'v1', changed, now: at('2026-05-02T00:00:00Z'), boundaries: ends })).toBe(false);
    expect(snapshotDue({ last, version: 'v1', changed: BATCH_SIZE, now: at('2026-05-02T00:00:00Z'), boundaries: ends })).toBe(true);
  });

  it('advances at a period close, on a definitions change, and the first time; a closed year stays as it was unless 5 businesses are removed', () => {
    expect(snapshotDue({ last: null, version: 'v1', changed: 0, now: at('2026-05-02T00:00:00Z'), boundaries: ends })).toBe(true);
    expect(snapshotDue({ last, version: 'v2', changed: 0, now: at('2026-05-02T00:00:00Z'), boundaries: ends })).toBe(true);
    // Q2 ends at 17:00 UTC on 30 June.
    expect(snapshotDue({ last, version: 'v1', changed: 1, now: at('2026-06-30T16:59:00Z'), boundaries: ends })).toBe(false);
    expect(snapshotDue({ last, version: 'v1', changed: 1, now: at('2026-06-30T17:00:00Z'), boundaries: ends })).toBe(true);
    const final = { takenAt: at('2027-01-02T00:00:00Z'), version: 'v1' };
    expect(snapshotDue({ last: final, version: 'v1', changed: 4, now: at('2027-03-01T00:00:00Z'), boundaries: ends })).toBe(false);
    // Five or more businesses removed (erasures, the demo removal) revise it.
    expect(snapshotDue({ last: final, version: 'v1', changed: 5, now: at('2027-03-01T00:00:00Z'), boundaries: ends })).toBe(true);
  });

  it('a quarter closed before the previous snapshot is copied from it (frozen)', () => {
    expect(frozenSlots(at('2026-05-01T00:00:00Z'), ends)).toEqual([true, false, false, false, false]);
    expect(frozenSlots(null, ends)).toEqual([false, false, false, false, false]);
    expect(frozenSlots(at('2027-01-05T00:00:00Z'), ends)).toEqual([false, false, false, false, false]);
  });

  it('stores patterns compactly', () => {
    const bits = Uint8Array.from([1, 0, 0, 1, 1, 1, 0, 0, 1]);
    expect(fromHex(toHex(bits), bits.length)).toEqual(bits);
  });
});

describe('cube measures follow the definition table', () => {
  it('give every cell the numerator, denominator and businesses of indicatorValues', () => {
    const rnd = mulberry32(5);
    const size = 50;
    const arrays = new Map<string, Float64Array>([...COUNTER_KEYS, 'registered'].map((k) => [k, new Float64Array(size)]));
    for (let i = 0; i < size; i++) for (const a of arrays.values()) a[i] = Math.floor(rnd() * 30);
    const measures = cubeMeasures((k) => arrays.get(k)!, size);
    for (let i = 0; i < size; i++) {
      const c = emptyCounters();
      for (const k of COUNTER_KEYS) c[k] = arrays.get(k)![i]!;
      for (const v of indicatorValues(c, { registered: arrays.get('registered')![i]!, ocopProducts: 0, ocopListed: 0 })) {
        if (v.id === 'ocop_products_on_ecommerce') continue;
        const m = measures.find((x) => x.id === v.id)!;
        expect([m.businesses[i], m.shares![0]!.numerator[i], m.shares![0]!.denominator[i]], v.id).toEqual([
          v.businesses,
          v.numerator,
          v.denominator,
        ]);
      }
    }
  });
});
