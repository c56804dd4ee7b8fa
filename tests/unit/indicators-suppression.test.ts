import { describe, expect, it } from 'vitest';
import { breakdown, computeIndicators, percent } from '../oracle/indicators-oracle.ts';
import type { AssessmentFact, IndicatorInput } from '../oracle/indicators-oracle.ts';
import { MIN_CELL, suppress, suppressBreakdown, suppressCell, suppressGrid, suppressResult } from '#src/domain/indicators/suppression.ts';
import type { Cell, PublishedCell, Table } from '#src/domain/indicators/suppression.ts';
import { mulberry32 as prng } from '../../scripts/seed/demo-data.ts';

function cell(key: string, businesses: number, numerator: number): Cell {
  return { key, businesses, numerator, denominator: businesses, value: percent(numerator, businesses) };
}

function table(rows: [number, number][]): Table<Cell> {
  const cells = rows.map(([b, n], i) => cell(`r${String(i).padStart(2, '0')}`, b, n));
  const b = cells.reduce((s, c) => s + c.businesses, 0);
  const n = cells.reduce((s, c) => s + c.numerator!, 0);
  return { total: cell('total', b, n), rows: cells };
}

const pattern = (t: Table<PublishedCell>): string =>
  (t.total.suppressed ? 'T' : 't') + t.rows.map((r) => (r.suppressed ? 'S' : '.')).join('');

type Q = 'businesses' | 'numerator';

/** Every way the table can leak, or [] when it does not. */
function leaks(input: Table<Cell>, out: Table<PublishedCell>): string[] {
  const problems: string[] = [];
  for (const c of [out.total, ...out.rows]) {
    if (!c.suppressed && c.businesses! < MIN_CELL) problems.push(`published ${c.key} with ${c.businesses} businesses`);
    if (c.suppressed && (c.value !== null || c.numerator !== null || c.denominator !== null || c.businesses !== null)) {
      problems.push(`suppressed ${c.key} still shows a number`);
    }
  }
  if (!out.total.suppressed) {
    for (const q of ['businesses', 'numerator'] as Q[]) {
      const published = input.rows.filter((_, i) => !out.rows[i]!.suppressed);
      const residual = input.total[q]! - published.reduce((s, r) => s + r[q]!, 0);
      const everyRowZero = input.rows.every((r) => r[q] === 0);
      input.rows.forEach((r, i) => {
        // An empty row (no business) discloses nothing about anyone, even when its emptiness is deducible.
        if (out.rows[i]!.suppressed && r.businesses! > 0 && r[q] === residual && !everyRowZero) {
          problems.push(`${r.key}.${q} = ${r[q]} = total − published`);
        }
      });
    }
  }
  return problems;
}

function randomTable(rand: () => number): Table<Cell> {
  const n = 1 + Math.floor(rand() * 12);
  const rows: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    // Mostly small cells, some large, some empty.
    const r = rand();
    const b = r < 0.15 ? 0 : r < 0.6 ? 1 + Math.floor(rand() * 6) : 5 + Math.floor(rand() * 40);
    const share = rand();
    const num = share < 0.2 ? 0 : share > 0.85 ? b : Math.floor(rand() * (b + 1));
    rows.push([b, num]);
  }
  return table(rows);
}

describe('suppress: worked cases', () => {
  it('publishes a table with no small cell unchanged', () => {
    const t = table([
      [10, 3],
      [12, 12],
      [7, 0],
    ]);
    const out = suppress(t);
    expect(pattern(out)).toBe('t...');
    expect(out.rows[1]).toEqual({ ...t.rows[1], suppressed: false });
  });

  it('suppresses a small row and the next smallest row with it', () => {
    const out = suppress(
      table([
        [3, 1],
        [12, 5],
        [10, 4],
        [30, 10],
      ]),
    );
    expect(pattern(out)).toBe('tS.S.');
    expect(out.rows[0]).toEqual({ key: 'r00', businesses: null, numerator: null, denominator: null, value: null, suppressed: true });
    expect(out.total.businesses).toBe(55);
  });

  it('two small rows protect each other', () => {
    expect(
      pattern(
        suppress(
          table([
            [3, 1],
            [4, 2],
            [10, 5],
          ]),
        ),
      ),
    ).toBe('tSS.');
  });

  it('an empty row does not protect a small row', () => {
    // r00 (0 businesses) and r01 (3) hidden: total − published = 3 = r01. So r02 goes too.
    expect(
      pattern(
        suppress(
          table([
            [0, 0],
            [3, 1],
            [8, 2],
            [20, 5],
          ]),
        ),
      ),
    ).toBe('tSSS.');
  });

  it('hidden rows whose numerators are all 0 get a row with a non-zero numerator beside them', () => {
    // Otherwise total − published numerators = 0 tells that nobody in r00 and r01 adopts.
    const out = suppress(
      table([
        [3, 0],
        [4, 0],
        [10, 5],
        [12, 6],
        [15, 0],
      ]),
    );
    expect(pattern(out)).toBe('tSSSS.');
  });

  it('suppresses the total when no row is left to hide a single numerator', () => {
    // r00 holds the only adopter: the total's numerator would give it away.
    const out = suppress(
      table([
        [3, 1],
        [20, 0],
      ]),
    );
    expect(pattern(out)).toBe('TSS');
  });

  it('publishes a 0 % total (every row 0) with small rows hidden', () => {
    const out = suppress(
      table([
        [3, 0],
        [4, 0],
        [10, 0],
      ]),
    );
    expect(pattern(out)).toBe('tSS.');
    expect(out.total.value).toBe(0);
  });

  it('suppresses everything when the total is below the threshold', () => {
    expect(
      pattern(
        suppress(
          table([
            [2, 1],
            [2, 0],
          ]),
        ),
      ),
    ).toBe('TSS');
  });

  it('exactly MIN_CELL is published', () => {
    expect(suppressCell(cell('x', MIN_CELL, 1)).suppressed).toBe(false);
    expect(suppressCell(cell('x', MIN_CELL - 1, 1)).suppressed).toBe(true);
  });
});

describe('suppress: properties over 1 000 seeded random tables', () => {
  const rand = prng(20260331);
  const tables = Array.from({ length: 1000 }, () => randomTable(rand));

  it('never publishes a cell under MIN_CELL, nor a row recoverable as total − published rows', () => {
    const failures: string[] = [];
    tables.forEach((t, i) => {
      const problems = leaks(t, suppress(t));
      if (problems.length > 0)
        failures.push(`table ${i} ${JSON.stringify(t.rows.map((r) => [r.businesses, r.numerator]))}: ${problems.join('; ')}`);
    });
    expect(failures).toEqual([]);
  });

  it('suppresses only what it must: published cells are unchanged, some tables keep rows', () => {
    let publishedRows = 0;
    for (const t of tables) {
      const out = suppress(t);
      out.rows.forEach((r, i) => {
        if (!r.suppressed) {
          publishedRows++;
          expect(r).toEqual({ ...t.rows[i], suppressed: false });
        }
      });
    }
    expect(publishedRows).toBeGreaterThan(1000);
  });

  it('is deterministic and independent of row order', () => {
    for (const t of tables.slice(0, 300)) {
      const out = suppress(t);
      expect(suppress(structuredClone(t))).toEqual(out);
      const reversed = suppress({ total: t.total, rows: [...t.rows].reverse() });
      const byKey = (x: Table<PublishedCell>) => Object.fromEntries(x.rows.map((r) => [r.key, r.suppressed]));
      expect(byKey(reversed)).toEqual(byKey(out));
      expect(reversed.total.suppressed).toBe(out.total.suppressed);
    }
  });

  it('the property check itself catches a leak (primary suppression alone is not enough)', () => {
    const t = table([
      [3, 1],
      [12, 5],
      [10, 4],
    ]);
    const primaryOnly: Table<PublishedCell> = { total: suppressCell(t.total), rows: t.rows.map(suppressCell) };
    expect(leaks(t, primaryOnly)).not.toEqual([]);
  });
});

describe('suppressGrid: two-way tables', () => {
  it('protects every row and column line in 500 random grids', () => {
    const rand = prng(7);
    const failures: string[] = [];
    for (let k = 0; k < 500; k++) {
      const nr = 1 + Math.floor(rand() * 6);
      const nc = 1 + Math.floor(rand() * 6);
      const cells = Array.from({ length: nr }, () =>
        Array.from({ length: nc }, () => (rand() < 0.4 ? Math.floor(rand() * 5) : Math.floor(rand() * 30))),
      );
      const rowTotals = cells.map((r) => r.reduce((s, x) => s + x, 0));
      const colTotals = Array.from({ length: nc }, (_, c) => cells.reduce((s, r) => s + r[c]!, 0));
      const grand = rowTotals.reduce((s, x) => s + x, 0);
      const p = suppressGrid({ cells, rowTotals, colTotals, grand });
      const check = (label: string, total: number, totalHidden: boolean, values: number[], hidden: boolean[]) => {
        if (!totalHidden && total < MIN_CELL) failures.push(`${k} ${label}: total ${total} published`);
        values.forEach((v, i) => {
          if (!hidden[i] && v < MIN_CELL) failures.push(`${k} ${label}: cell ${i} = ${v} published`);
        });
        if (totalHidden) return;
        const residual = total - values.reduce((s, v, i) => s + (hidden[i] ? 0 : v), 0);
        const allZero = values.every((v) => v === 0);
        values.forEach((v, i) => {
          if (hidden[i] && v > 0 && v === residual && !allZero) failures.push(`${k} ${label}: cell ${i} recoverable`);
        });
      };
      for (let r = 0; r < nr; r++) check(`row ${r}`, rowTotals[r]!, p.rowTotals[r]!, cells[r]!, p.cells[r]!);
      for (let c = 0; c < nc; c++)
        check(
          `col ${c}`,
          colTotals[c]!,
          p.colTotals[c]!,
          cells.map((r) => r[c]!),
          p.cells.map((r) => r[c]!),
        );
      check('row margins', grand, p.grand, rowTotals, p.rowTotals);
      check('col margins', grand, p.grand, colTotals, p.colTotals);
    }
    expect(failures).toEqual([]);
  });
});

describe('suppressBreakdown and suppressResult', () => {
  const Q = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
  const facts: AssessmentFact[] = [];
  const add = (id: string, commune: string, level: number, covered: AssessmentFact['coveredNeeds']) =>
    facts.push({
      businessId: id,
      submittedAt: new Date('2026-02-01T00:00:00Z'),
      frameworkId: 'dbi-sme',
      level,
      score: 10 * level,
      pillars: [{ id: 'p1', score: 10 * level }],
      sizeClass: 'micro',
      sector: 'G',
      producerType: 'enterprise',
      communeCode: commune,
      coveredNeeds: covered,
      usesPlatform: covered.length > 0,
      appliesDigital: level >= 1,
      inRegistry: true,
    });
  // Commune 1: 12 businesses; commune 2: 9; commune 3: 3 (small).
  for (let i = 0; i < 12; i++) add(`c1-${i}`, '00001', i % 3, i < 6 ? ['e_invoice'] : []);
  for (let i = 0; i < 9; i++) add(`c2-${i}`, '00002', i < 2 ? 0 : 1, i < 4 ? ['e_invoice'] : []);
  for (let i = 0; i < 3; i++) add(`c3-${i}`, '00003', 2, ['e_invoice']);
  const input: IndicatorInput = {
    assessments: facts,
    ocopProducts: [],
    registeredCount: [
      { communeCode: '00001', sector: null, sizeClass: null, producerType: null, count: 40 },
      { communeCode: '00002', sector: null, sizeClass: null, producerType: null, count: 30 },
      { communeCode: '00003', sector: null, sizeClass: null, producerType: null, count: 10 },
    ],
    recommendation: [],
  };

  it('hides the small commune and its complement in every indicator, keeps the province total', () => {
    const pub = suppressBreakdown(breakdown(input, { period: Q }, 'commune'));
    const row = (key: string) => pub.rows.find((r) => r.key === key)!.result;
    const einvoice = (r: ReturnType<typeof row>) => r.indicators.find((v) => v.id === 'einvoice_adoption')!;
    expect(einvoice(row('00003'))).toMatchObject({ suppressed: true, value: null, businesses: null });
    // The next smallest commune (9 businesses) is hidden too, so 00003 is not total − others.
    expect(einvoice(row('00002')).suppressed).toBe(true);
    expect(einvoice(row('00001'))).toMatchObject({ suppressed: false, numerator: 6, denominator: 12, value: 50 });
    expect(einvoice(pub.total.result)).toMatchObject({ suppressed: false, numerator: 13, denominator: 24 });
    expect(pub.total.result.assessed).toBe(24);
    expect(row('00003').assessed).toBeNull();
    // Level distribution: commune 3 hidden; commune 1 has 4 at each of levels 0–2, all below 5.
    expect(row('00003').levelDistribution.counts.every((c) => c === null)).toBe(true);
    expect(row('00001').levelDistribution.counts.slice(0, 3)).toEqual([null, null, null]);
    // Pillar means follow the same rule.
    expect(row('00003').pillarMeans[0]).toMatchObject({ mean: null, n: null, suppressed: true });
    expect(row('00001').pillarMeans[0]).toMatchObject({ mean: 10, n: 12, suppressed: false });
  });

  it('hides a published row rather than let hidden rows show 100 %', () => {
    // Everyone in communes 2 and 3 applying digital technology would follow from total − commune 1 otherwise.
    const all = facts.map((f) => (f.communeCode === '00002' ? { ...f, level: 1, appliesDigital: true } : f));
    const pub = suppressBreakdown(breakdown({ ...input, assessments: all }, { period: Q }, 'commune'));
    const tech = pub.rows.map((r) => r.result.indicators.find((v) => v.id === 'digital_tech_adoption')!.suppressed);
    expect(tech).toEqual([true, true, true]);
    expect(pub.total.result.indicators.find((v) => v.id === 'digital_tech_adoption')!.suppressed).toBe(false);
  });

  it('keeps rows on the same businesses linked: the assessed count is hidden wherever a row is hidden', () => {
    const pub = suppressBreakdown(breakdown(input, { period: Q }, 'commune'));
    for (const r of pub.rows) {
      const tech = r.result.indicators.find((v) => v.id === 'digital_tech_adoption')!;
      expect(tech.suppressed, r.key).toBe(r.result.assessed === null);
    }
  });

  it('a single published cell: primary suppression only', () => {
    const small = suppressResult(computeIndicators(input, { period: Q, communeCode: '00003' }));
    expect(small.indicators.every((v) => v.suppressed && v.value === null)).toBe(true);
    expect(small.assessed).toBeNull();
    const big = suppressResult(computeIndicators(input, { period: Q, communeCode: '00001' }));
    expect(big.indicators.find((v) => v.id === 'einvoice_adoption')).toMatchObject({ value: 50, suppressed: false });
    expect(big.assessed).toBe(12);
  });
});
