import { describe, expect, it } from 'vitest';
import { CubeIndex, DIMENSIONS, YEAR_SLOT, aggregate, lastClosedBoundary, servingSnapshot, snapshotDue, suppressCube, type Address, type CubeRow, type Dimension, type Measure } from '#src/domain/indicators/publish.ts';
import { MIN_CELL } from '#src/domain/indicators/suppression.ts';
import { mulberry32 } from '../../scripts/seed/demo-data.ts';

/**
 * Disclosure control of the open data over the three hierarchies the API offers: communes →
 * province, each category (sector, size, producer type) → no category, quarters → year. A random
 * province is published through every request the API accepts (every period slot × the province
 * or a commune × no category or one value of one category); an attacker then solves for hidden
 * values from everything published.
 */

// Counters of a cell: n (assessed), nA, nB (attributes of assessed businesses), nSme, nSmeA.
const COUNTERS = ['n', 'nA', 'nB', 'nSme', 'nSmeA'] as const;
type CounterName = (typeof COUNTERS)[number];
/** The published measures: numerator and denominator counters (the denominator is also the suppression base). */
const MEASURES: { id: string; num: CounterName; den: CounterName }[] = [
  { id: 'a', num: 'nA', den: 'n' },
  { id: 'b', num: 'nB', den: 'n' },
  { id: 'sme_a', num: 'nSmeA', den: 'nSme' },
];

type Province = { cube: CubeIndex; counters: Record<CounterName, Float64Array>; rows: CubeRow[] };

function randomProvince(rnd: () => number): Province {
  const communes = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => `c${i}`);
  const values: Record<Dimension, string[]> = {
    sector: Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => 'GHCA'[i]!),
    size: Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ['micro', 'small', 'medium'][i]!),
    producerType: Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => ['enterprise', 'coop', 'household'][i]!),
  };
  const cube = new CubeIndex({ communes, values });
  const pA = [0.02, 0.3, 0.97][Math.floor(rnd() * 3)]!;
  const pB = rnd();
  const rows: CubeRow[] = [];
  const nBusinesses = Math.floor(rnd() * 160);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Small communes and rare categories are likely: skewed draws.
  const skew = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * rnd() * xs.length)]!;
  for (let i = 0; i < nBusinesses; i++) {
    const quarter = Math.floor(rnd() * 4);
    const sme = rnd() < 0.8 ? 1 : 0;
    const a = rnd() < pA ? 1 : 0;
    const counters = [1, a, rnd() < pB ? 1 : 0, sme, sme * a];
    const row = { commune: skew(communes), sector: skew(values.sector), size: pick(values.size), producerType: skew(values.producerType), counters };
    // Each business is assessed in one quarter, so the year is exactly the sum of the quarters.
    rows.push({ ...row, slot: quarter }, { ...row, slot: YEAR_SLOT });
  }
  const agg = aggregate(cube, rows, COUNTERS.length);
  return { cube, rows, counters: Object.fromEntries(COUNTERS.map((c, i) => [c, agg[i]!])) as Record<CounterName, Float64Array> };
}

function measuresOf(p: Province): Measure[] {
  return MEASURES.map((m) => ({ id: m.id, businesses: p.counters[m.den], numerator: p.counters[m.num], denominator: p.counters[m.den], complement: true }));
}

/** Every request the open-data API accepts, as cube addresses. */
function everyRequest(cube: CubeIndex): Address[] {
  const out: Address[] = [];
  for (let slot = 0; slot <= YEAR_SLOT; slot++) {
    for (const commune of [null, ...cube.shape.communes.keys()]) {
      out.push({ slot, commune, dim: null, value: null });
      for (const dim of DIMENSIONS) for (const value of cube.shape.values[dim].keys()) out.push({ slot, commune, dim, value });
    }
  }
  return out;
}

type Published = Map<string, Map<number, number>>;

/** What the public sees: for each request and measure, numerator and denominator unless hidden. Keyed by counter name (the same counter published by two measures is one unknown). */
function publish(p: Province, hidden: Map<string, Uint8Array>): Published {
  const known: Published = new Map(COUNTERS.map((c) => [c, new Map()]));
  for (const a of everyRequest(p.cube)) {
    const i = p.cube.at(a);
    for (const m of MEASURES) {
      if (hidden.get(m.id)![i]) continue;
      known.get(m.num)!.set(i, p.counters[m.num][i]!);
      known.get(m.den)!.set(i, p.counters[m.den][i]!);
    }
  }
  return known;
}

type Line = { total: number; parts: number[] };
function linesOf(cube: CubeIndex): Line[] {
  return Array.from(cube.lineTotal, (total, k) => ({ total, parts: Array.from(cube.lineParts.subarray(cube.lineStart[k]!, cube.lineStart[k + 1]!)) }));
}

/**
 * The attacker: repeatedly, any line (total = Σ parts) with exactly one unknown entry reveals it;
 * a published total whose published parts already add up to it reveals that every unknown part is
 * 0 (counts are non-negative); two of numerator, denominator and their difference reveal the third.
 * Runs on every counter and on each measure's complement (denominator − numerator).
 */
function attack(p: Province, known: Published): Published {
  const lines = linesOf(p.cube);
  const vars = new Map(known);
  for (const m of MEASURES) {
    const comp = new Map<number, number>();
    for (const [i, den] of known.get(m.den)!) if (known.get(m.num)!.has(i)) comp.set(i, den - known.get(m.num)!.get(i)!);
    vars.set(`${m.den}-${m.num}`, comp);
  }
  let progress = true;
  while (progress) {
    progress = false;
    for (const v of vars.values()) {
      for (const l of lines) {
        const unknown = [l.total, ...l.parts].filter((i) => !v.has(i));
        if (!unknown.length) continue;
        const partsKnown = l.parts.reduce((s, i) => s + (v.get(i) ?? 0), 0);
        if (unknown.length === 1) {
          const u = unknown[0]!;
          v.set(u, u === l.total ? partsKnown : v.get(l.total)! - partsKnown);
          progress = true;
        } else if (v.has(l.total) && v.get(l.total) === partsKnown) {
          for (const u of unknown) v.set(u, 0);
          progress = true;
        }
      }
    }
    for (const m of MEASURES) {
      const num = vars.get(m.num)!;
      const den = vars.get(m.den)!;
      const comp = vars.get(`${m.den}-${m.num}`)!;
      for (let i = 0; i < p.cube.size; i++) {
        const k = [num.has(i), den.has(i), comp.has(i)].filter(Boolean).length;
        if (k !== 2) continue;
        if (!num.has(i)) num.set(i, den.get(i)! - comp.get(i)!);
        else if (!den.has(i)) den.set(i, num.get(i)! + comp.get(i)!);
        else comp.set(i, den.get(i)! - num.get(i)!);
        progress = true;
      }
    }
  }
  return vars;
}

/**
 * Cells whose value the published zeros themselves say is 0: below a published total of 0 at any
 * depth (counts are non-negative), or made only of such parts. Learning those is what the published
 * 0 % or 100 % totals say about everyone in them, not a recovery.
 */
function zeroBelowPublished(lines: Line[], published: Map<number, number>): Set<number> {
  const zero = new Set([...published].filter(([, x]) => x === 0).map(([i]) => i));
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of lines) {
      if (zero.has(l.total)) {
        for (const i of l.parts) if (!zero.has(i)) (zero.add(i), (grew = true));
      } else if (l.parts.every((i) => zero.has(i))) (zero.add(l.total), (grew = true));
    }
  }
  return zero;
}

describe('open data: no hidden value is recoverable along the three hierarchies', () => {
  it('an attacker solving every published total from every request recovers nothing (300 random provinces)', () => {
    const rnd = mulberry32(20260411);
    const failures: string[] = [];
    let hiddenCells = 0;
    for (let k = 0; k < 300; k++) {
      const p = randomProvince(rnd);
      const hidden = suppressCube(p.cube, measuresOf(p));
      const known = publish(p, hidden);
      const learned = attack(p, known);
      const lines = linesOf(p.cube);
      const published = new Map([...known].map(([name, v]) => [name, v]));
      for (const m of MEASURES) {
        const comp = new Map<number, number>();
        for (const [i, den] of known.get(m.den)!) if (known.get(m.num)!.has(i)) comp.set(i, den - known.get(m.num)!.get(i)!);
        published.set(`${m.den}-${m.num}`, comp);
      }
      const zeros = new Map([...published].map(([name, v]) => [name, zeroBelowPublished(lines, v)]));
      for (const m of MEASURES) {
        const h = hidden.get(m.id)!;
        for (let i = 0; i < p.cube.size; i++) {
          // Primary rule: nothing published rests on fewer than 5 businesses.
          if (!h[i] && p.counters[m.den][i]! < MIN_CELL) failures.push(`${k}/${m.id}: cell ${i} with ${p.counters[m.den][i]} published`);
          if (!h[i] || p.counters[m.den][i] === 0) continue;
          hiddenCells++;
          for (const [name, truth] of [[m.num, p.counters[m.num][i]!], [m.den, p.counters[m.den][i]!], [`${m.den}-${m.num}`, p.counters[m.den][i]! - p.counters[m.num][i]!]] as const) {
            const v = learned.get(name)!;
            if (!v.has(i)) continue;
            expect(v.get(i), `${k}/${m.id}/${name}: the attacker's value is the true one`).toBe(truth);
            if (truth !== 0 || !zeros.get(name)!.has(i)) failures.push(`${k}/${m.id}: ${name} of hidden cell ${i} recovered (${truth})`);
          }
        }
      }
    }
    expect(hiddenCells).toBeGreaterThan(1000);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('all-or-none attack: a hidden group never all has, or all lacks, an attribute its published total does not', () => {
    const rnd = mulberry32(9);
    const failures: string[] = [];
    let groups = 0;
    for (let k = 0; k < 300; k++) {
      const p = randomProvince(rnd);
      const hidden = suppressCube(p.cube, measuresOf(p));
      for (const m of MEASURES) {
        const h = hidden.get(m.id)!;
        const num = p.counters[m.num];
        const den = p.counters[m.den];
        for (const l of linesOf(p.cube)) {
          if (h[l.total]) continue;
          const group = l.parts.filter((i) => h[i]);
          const groupDen = group.reduce((s, i) => s + den[i]!, 0);
          if (groupDen === 0) continue;
          groups++;
          // The public residual: published total minus published parts.
          const rNum = num[l.total]! - l.parts.filter((i) => !h[i]).reduce((s, i) => s + num[i]!, 0);
          const totalAllOrNone = num[l.total] === 0 || num[l.total] === den[l.total];
          if (!totalAllOrNone && (rNum === 0 || rNum === groupDen)) failures.push(`${k}/${m.id}: ${group.length} hidden cells, ${groupDen} businesses, ${rNum === 0 ? 'none' : 'all'} have it`);
        }
      }
    }
    expect(groups).toBeGreaterThan(500);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('all-or-none attack, worked example: 9 hidden medium and large businesses that all use digital technology', () => {
    // One commune; sizes micro, small, medium, large. Medium (4) and large (5) are small or made hidden;
    // all 9 adopt, the province does not: the residual must not read "9 of 9".
    const cube = new CubeIndex({ communes: ['c0'], values: { sector: ['G'], size: ['micro', 'small', 'medium', 'large'], producerType: ['enterprise'] } });
    const rows: CubeRow[] = [];
    const add = (size: string, n: number, a: number) => {
      for (let i = 0; i < n; i++) for (const slot of [0, YEAR_SLOT]) rows.push({ slot, commune: 'c0', sector: 'G', size, producerType: 'enterprise', counters: [1, i < a ? 1 : 0] });
    };
    add('micro', 40, 10);
    add('small', 20, 8);
    add('medium', 4, 4);
    add('large', 5, 5);
    const [n, nA] = aggregate(cube, rows, 2);
    const hidden = suppressCube(cube, [{ id: 'digital', businesses: n!, numerator: nA!, denominator: n!, complement: true }]).get('digital')!;
    const at = (size: number | null) => cube.at({ slot: YEAR_SLOT, commune: null, dim: size === null ? null : 'size', value: size });
    expect(hidden[at(2)]).toBe(1);
    expect(hidden[at(null)]).toBe(0);
    const group = [0, 1, 2, 3].filter((s) => hidden[at(s)]);
    const rNum = nA![at(null)]! - [0, 1, 2, 3].filter((s) => !hidden[at(s)]).reduce((s, v) => s + nA![at(v)]!, 0);
    const rDen = group.reduce((s, v) => s + n![at(v)]!, 0);
    expect(rNum).toBeGreaterThan(0);
    expect(rNum).toBeLessThan(rDen);
  });

  it('year minus the published quarters does not give a hidden quarter', () => {
    const cube = new CubeIndex({ communes: ['c0', 'c1'], values: { sector: ['G'], size: ['micro'], producerType: ['enterprise'] } });
    const rows: CubeRow[] = [];
    for (const [slot, n] of [[0, 30], [1, 3], [2, 25], [3, 20]] as const) {
      for (let i = 0; i < n; i++) for (const s of [slot, YEAR_SLOT]) rows.push({ slot: s, commune: i % 2 ? 'c1' : 'c0', sector: 'G', size: 'micro', producerType: 'enterprise', counters: [1, i % 3 ? 1 : 0] });
    }
    const [n, nA] = aggregate(cube, rows, 2);
    const hidden = suppressCube(cube, [{ id: 'x', businesses: n!, numerator: nA!, denominator: n!, complement: true }]).get('x')!;
    const at = (slot: number) => cube.at({ slot, commune: null, dim: null, value: null });
    expect(hidden[at(1)]).toBe(1);
    const hiddenQuarters = [0, 1, 2, 3].filter((s) => hidden[at(s)]).length;
    expect(hiddenQuarters >= 2 || hidden[at(YEAR_SLOT)] === 1).toBe(true);
  });

  it('keeps the pattern of frozen (closed) quarters and protects the year around them', () => {
    const rnd = mulberry32(77);
    for (let k = 0; k < 40; k++) {
      const p = randomProvince(rnd);
      const first = suppressCube(p.cube, measuresOf(p));
      const slots = [true, rnd() < 0.5, false, false, false];
      const again = suppressCube(p.cube, measuresOf(p), { slots, hidden: first });
      for (const m of MEASURES) {
        for (let i = 0; i < p.cube.size; i++) if (slots[p.cube.slotOf(i)]) expect(again.get(m.id)![i]).toBe(first.get(m.id)![i]);
      }
      const learned = attack(p, publish(p, again));
      for (const m of MEASURES) {
        const h = again.get(m.id)!;
        for (let i = 0; i < p.cube.size; i++) {
          if (!h[i] || p.counters[m.den][i] === 0) continue;
          const v = learned.get(m.den)!;
          if (v.has(i)) expect.fail(`${k}/${m.id}: denominator of hidden cell ${i} recovered`);
        }
      }
    }
  });
});

describe('open data: batch snapshots', () => {
  const q = (m: number) => new Date(Date.UTC(2026, m, 1) - 7 * 3600e3);
  const boundaries = [q(3), q(6), q(9), q(12)];
  it('takes the first snapshot at once, then only after 5 changed businesses or a period close', () => {
    const now = new Date(Date.UTC(2026, 4, 10));
    expect(snapshotDue({ lastTakenAt: null, changed: 0, now, boundaries })).toBe(true);
    const last = new Date(Date.UTC(2026, 4, 1));
    expect(snapshotDue({ lastTakenAt: last, changed: 1, now, boundaries })).toBe(false);
    expect(snapshotDue({ lastTakenAt: last, changed: 4, now, boundaries })).toBe(false);
    expect(snapshotDue({ lastTakenAt: last, changed: 5, now, boundaries })).toBe(true);
    // Q1 closed after the last snapshot: a final one for Q1 is due whatever changed.
    expect(snapshotDue({ lastTakenAt: new Date(Date.UTC(2026, 2, 20)), changed: 0, now, boundaries })).toBe(true);
    // A closed year does not move on after its final snapshot.
    expect(snapshotDue({ lastTakenAt: new Date(Date.UTC(2027, 0, 2)), changed: 50, now: new Date(Date.UTC(2027, 5, 1)), boundaries })).toBe(false);
    expect(lastClosedBoundary(boundaries, now)).toEqual(q(3));
  });

  it('publishes a closed period from its final snapshot and an open one from the newest', () => {
    const snaps = [{ id: 1, takenAt: new Date(Date.UTC(2026, 1, 1)) }, { id: 2, takenAt: new Date(Date.UTC(2026, 3, 2)) }, { id: 3, takenAt: new Date(Date.UTC(2026, 4, 2)) }];
    const now = new Date(Date.UTC(2026, 4, 10));
    expect(servingSnapshot(snaps, q(3), now)?.id).toBe(2);
    expect(servingSnapshot(snaps, q(6), now)?.id).toBe(3);
    expect(servingSnapshot(snaps.slice(0, 1), q(3), now)).toBe(null);
  });
});
