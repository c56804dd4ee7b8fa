/**
 * Small-cell protection for public outputs. Every public number is one cell (or margin) of a
 * commune × category grid (category: sector, size or producer type; a single column when no
 * category is asked for). The whole grid is suppressed to a fixed point with the rules of
 * src/domain/indicators/suppression.ts, so a hidden value can be recovered neither from its row,
 * nor from its column, nor from the province total.
 */
import { suppressGrid, type Grid } from './suppression.ts';

/** Which value of the grid is asked for: a commune row (or null for the province) and a column (or null for all). */
export type GridRequest = { row: number | null; col: number | null };

export function isSuppressed(grid: Grid, req: GridRequest): boolean {
  const p = suppressGrid(grid);
  if (req.row === null && req.col === null) return p.grand;
  if (req.row === null) return p.colTotals[req.col!]!;
  if (req.col === null) return p.rowTotals[req.row]!;
  return p.cells[req.row]![req.col]!;
}

/** Builds a grid from per-cell counts; margins are the sums, so rows and columns partition the total. */
export function gridOf(cells: number[][], rowKeys: string[], colKeys: string[]): Grid {
  const rowTotals = cells.map((r) => r.reduce((s, x) => s + x, 0));
  const colTotals = colKeys.map((_, c) => cells.reduce((s, r) => s + r[c]!, 0));
  return { cells, rowTotals, colTotals, grand: rowTotals.reduce((s, x) => s + x, 0), rowKeys, colKeys };
}
