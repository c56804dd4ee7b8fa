// Statements whose text is fixed once, for the hottest writes. Drizzle builds a statement's text anew on every call,
// testing each column and parameter against its entity classes: for an upsert of 30 counters that costs more CPU
// than SQLite's work. Here the text is made once from the schema's own names, and each call only binds values.
import { getTableColumns, getTableName, SQL, type Column, type QueryWithTypings } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A fixed text with its count of `?` placeholders (the texts made here hold no literal question mark). */
export type FixedText = { text: string; placeholders: number };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function fixedText(text: string): FixedText {
  return { text, placeholders: text.split('?').length - 1 };
}

/**
 * A statement drizzle runs (alone or in a batch) as it is: its text and values, with nothing to build. A plain
 * `sql` template would be walked chunk by chunk on every call, which is what this avoids.
 */
class FixedStatement extends SQL {
  readonly #query: QueryWithTypings;
  constructor(text: string, values: unknown[]) {
    super([]);
    this.#query = { sql: text, params: values };
  }
  override toQuery(): QueryWithTypings {
    return this.#query;
  }
}

/** The statement `text` with `values` (already in the driver's form) bound to its placeholders, in order. */
export function bind(text: FixedText, values: readonly unknown[]): SQL {
  if (values.length !== text.placeholders) throw new Error(`${text.placeholders} values expected, ${values.length} given`);
  return new FixedStatement(text.text, [...values]);
}

/** A value as its column stores it (a Date as milliseconds, JSON as text), as drizzle would write it. */
export function driverValue(column: Column, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/** `values` as `columns` store them, position by position (the bind values of a fixed text). */
export function driverValues(columns: readonly Column[], values: readonly unknown[]): unknown[] {
  if (values.length !== columns.length) throw new Error(`${columns.length} values expected, ${values.length} given`);
  return columns.map((c, i) => driverValue(c, values[i]));
}

/**
 * `insert into t (columns) values (?, …)`: one row with every listed column.
 */
export function insertText(table: SQLiteTable, columns: readonly Column[]): FixedText {
  const names = columns.map((c) => quote(c.name)).join(', ');
  return fixedText(`insert into ${quote(getTableName(table))} (${names}) values (${columns.map(() => '?').join(', ')})`);
}

/** `delete from t where c1 = ? and c2 = ? …`: a row matched column by column (NOT NULL columns: `= null` never matches). */
export function deleteWhereText(table: SQLiteTable, columns: readonly Column[]): FixedText {
  return fixedText(`delete from ${quote(getTableName(table))} where ${columns.map((c) => `${quote(c.name)} = ?`).join(' and ')}`);
}

const upserts = new WeakMap<SQLiteTable, Map<number, FixedText>>();

/**
 * A multi-row upsert ADDING to counters: `insert into t (keys, counters) values (…), (…) on conflict (keys) do
 * update set c = t.c + excluded.c`. `keys` must be the table's primary key; the rows must have distinct keys.
 */
export function addingUpsertText(table: SQLiteTable, keys: readonly Column[], counters: readonly Column[], rows: number): FixedText {
  let byRows = upserts.get(table);
  if (!byRows) upserts.set(table, (byRows = new Map()));
  const found = byRows.get(rows);
  if (found) return found;
  const t = quote(getTableName(table));
  const columns = [...keys, ...counters];
  const row = `(${columns.map(() => '?').join(', ')})`;
  const text = fixedText(
    `insert into ${t} (${columns.map((c) => quote(c.name)).join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}` +
      ` on conflict (${keys.map((c) => quote(c.name)).join(', ')}) do update set ` +
      counters.map((c) => `${quote(c.name)} = ${t}.${quote(c.name)} + excluded.${quote(c.name)}`).join(', '),
  );
  byRows.set(rows, text);
  return text;
}

/**
 * `update t set c1 = ?, c2 = ? … where <where>`, optionally `returning` columns. `where` is a fixed text of its own
 * (with `?` for its values, bound after the set values).
 */
export function updateText(table: SQLiteTable, columns: readonly Column[], where: string, returning: readonly Column[] = []): FixedText {
  const set = columns.map((c) => `${quote(c.name)} = ?`).join(', ');
  const back = returning.length ? ` returning ${returning.map((c) => quote(c.name)).join(', ')}` : '';
  return fixedText(`update ${quote(getTableName(table))} set ${set} where ${where}${back}`);
}

/** A column's quoted name, for the fixed `where` texts of the statements above. */
export function columnName(column: Column): string {
  return quote(column.name);
}

/** `"t"."c"`: a column's quoted name qualified by its table's, for fixed texts that join tables. */
export function qualifiedName(column: Column): string {
  return `${quote(getTableName(column.table))}.${quote(column.name)}`;
}

/** A table's quoted name, for fixed texts. */
export function tableName(table: SQLiteTable): string {
  return quote(getTableName(table));
}

/** Every column of `table`, in its declared order (the order `tableReader` reads). */
export function allColumns(table: SQLiteTable): Column[] {
  return Object.values(getTableColumns(table));
}

/** `"t"."c1", "t"."c2", …`: every column of `table`, qualified, in declared order (what `tableReader` reads). */
export function qualifiedColumns(table: SQLiteTable): string {
  return allColumns(table).map(qualifiedName).join(', ');
}

/**
 * Reads a row of `table` from the positions `offset`, `offset + 1`, … of a row the driver returned (a select of
 * `qualifiedColumns(table)`, possibly after other columns): what drizzle's select of the table gives, decoded the
 * same way, without its per-row checks of every selected field.
 */
export function tableReader<T extends SQLiteTable>(table: T, offset = 0): (row: ArrayLike<unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column], i) => [key, offset + i, column] as const);
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [key, at, column] of columns) {
      const value = row[at];
      out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out as T['$inferSelect'];
  };
}
