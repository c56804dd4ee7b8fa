/**
 * Small-cell protection for public outputs: a value is published only when no rule of
 * src/domain/indicators/suppression.ts hides it in any of the tables it belongs to (its siblings
 * by commune, by sector, by size…), so it cannot be recovered by subtraction from a published total.
 */
import { suppress, suppressCell, type Cell, type PublishedCell, type Table } from './indicators/suppression.ts';

export function publishCell(own: Cell, tables: readonly Table<Cell>[]): PublishedCell {
  const primary = suppressCell(own);
  if (primary.suppressed) return primary;
  for (const t of tables) {
    const published = suppress(t);
    const row = published.rows.find((r) => r.key === own.key);
    if (row?.suppressed) return { key: own.key, businesses: null, numerator: null, denominator: null, value: null, suppressed: true };
  }
  return primary;
}
