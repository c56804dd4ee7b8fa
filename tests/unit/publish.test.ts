import { describe, expect, it } from 'vitest';
import { gridOf, isSuppressed } from '#src/domain/indicators/publish.ts';
import { MIN_CELL } from '#src/domain/indicators/suppression.ts';
import { mulberry32 } from '../../scripts/seed/demo-data.ts';

/**
 * Property: whatever the data and whatever a member of the public asks for (province or commune,
 * with or without a category), a published count never rests on fewer than 5 businesses, and no
 * hidden non-empty value equals a line total minus the published values of that line.
 */
describe('publishing from a commune × category grid', () => {
  it('never publishes a small or recoverable cell (1 000 random provinces, every request)', () => {
    const rnd = mulberry32(411);
    const failures: string[] = [];
    for (let k = 0; k < 1000; k++) {
      const nr = 1 + Math.floor(rnd() * 10);
      const nc = 1 + Math.floor(rnd() * 4);
      const cells = Array.from({ length: nr }, () =>
        Array.from({ length: nc }, () => (rnd() < 0.35 ? Math.floor(rnd() * 5) : Math.floor(rnd() * 30))),
      );
      const grid = gridOf(
        cells,
        cells.map((_, i) => `c${i}`),
        Array.from({ length: nc }, (_, i) => `s${i}`),
      );
      const published = (row: number | null, col: number | null) => !isSuppressed(grid, { row, col });
      const value = (row: number | null, col: number | null) =>
        row === null && col === null
          ? grid.grand
          : row === null
            ? grid.colTotals[col!]!
            : col === null
              ? grid.rowTotals[row]!
              : cells[row]![col]!;
      for (const row of [null, ...cells.keys()])
        for (const col of [null, ...Array.from({ length: nc }, (_, i) => i)]) {
          if (published(row, col) && value(row, col) < MIN_CELL) failures.push(`${k}: (${row},${col}) = ${value(row, col)} published`);
        }
      // Lines: each row against its total, each column against its total, and the margins against the grand total.
      const lines: { total: [number | null, number | null]; parts: [number | null, number | null][] }[] = [
        ...cells.map((_, r) => ({
          total: [r, null] as [number, null],
          parts: Array.from({ length: nc }, (_, c) => [r, c] as [number, number]),
        })),
        ...Array.from({ length: nc }, (_, c) => ({
          total: [null, c] as [null, number],
          parts: cells.map((_, r) => [r, c] as [number, number]),
        })),
        { total: [null, null], parts: cells.map((_, r) => [r, null] as [number, null]) },
        { total: [null, null], parts: Array.from({ length: nc }, (_, c) => [null, c] as [null, number]) },
      ];
      for (const line of lines) {
        if (!published(...line.total)) continue;
        const hidden = line.parts.filter((p) => !published(...p) && value(...p) > 0);
        const residual = value(...line.total) - line.parts.reduce((s, p) => s + (published(...p) ? value(...p) : 0), 0);
        if (hidden.length === 1 && value(...hidden[0]!) === residual) failures.push(`${k}: ${JSON.stringify(hidden[0])} recoverable`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('publishes big cells and hides small ones with a complement', () => {
    const grid = gridOf(
      [
        [20, 3],
        [15, 12],
        [9, 8],
      ],
      ['a', 'b', 'c'],
      ['x', 'y'],
    );
    expect(isSuppressed(grid, { row: 0, col: 1 })).toBe(true);
    expect(isSuppressed(grid, { row: null, col: null })).toBe(false);
    // (0, 1) is hidden, so another cell of row 0's line and of column 1's line must be hidden too.
    const hiddenInRow0 = [0, 1].filter((c) => isSuppressed(grid, { row: 0, col: c })).length;
    const hiddenInCol1 = [0, 1, 2].filter((r) => isSuppressed(grid, { row: r, col: 1 })).length;
    expect(hiddenInRow0 >= 2 || isSuppressed(grid, { row: 0, col: null })).toBe(true);
    expect(hiddenInCol1 >= 2 || isSuppressed(grid, { row: null, col: 1 })).toBe(true);
  });
});
