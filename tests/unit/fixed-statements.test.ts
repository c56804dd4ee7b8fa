import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createDb, openClient } from '#src/db/client.ts';
import { eq } from 'drizzle-orm';
import {
  addingUpsertText,
  allColumns,
  bind,
  columnName,
  deleteWhereText,
  driverValue,
  driverValues,
  fixedText,
  insertText,
  qualifiedColumns,
  qualifiedName,
  tableReader,
  updateText,
} from '#src/db/fixed-statements.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-fixed-statements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cells = sqliteTable(
  'cells',
  {
    period: text('period').notNull(),
    place: text('place').notNull(),
    n: integer('n').notNull(),
    scoreSum: real('score_sum').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.period, t.place] })],
);

async function freshDb(name: string) {
  const client = openClient(`file:${join(dir, name)}`);
  await client.execute(
    'create table cells (period text not null, place text not null, n integer not null, score_sum real not null, at integer, primary key (period, place))',
  );
  return { client, db: createDb(client) };
}

describe('statements with a fixed text', () => {
  it('a multi-row upsert adds to the counters of existing rows and inserts the others, alone or in a batch', async () => {
    const { client, db } = await freshDb('upsert.db');
    const keys = [cells.period, cells.place];
    const counters = [cells.n, cells.scoreSum];
    await db.run(bind(addingUpsertText(cells, keys, counters, 2), ['Q1', 'a', 1, 2.5, 'Q1', 'b', 1, 1]));
    await db.batch([
      db.run(bind(addingUpsertText(cells, keys, counters, 2), ['Q1', 'a', -1, -2.5, 'Q1', 'c', 3, 0.5])),
      db.run(bind(addingUpsertText(cells, keys, counters, 1), ['Q1', 'b', 2, 1])),
    ]);
    const rows = await client.execute('select place, n, score_sum from cells order by place');
    expect(rows.rows.map((r) => [r.place, r.n, r.score_sum])).toEqual([
      ['a', 0, 0],
      ['b', 3, 2],
      ['c', 3, 0.5],
    ]);
    // The text is made once per table and row count.
    expect(addingUpsertText(cells, keys, counters, 2)).toBe(addingUpsertText(cells, keys, counters, 2));
    client.close();
  });

  it('inserts and deletes rows matched column by column, with values as the columns store them', async () => {
    const { client, db } = await freshDb('rows.db');
    const all = [cells.period, cells.place, cells.n, cells.scoreSum, cells.at];
    const at = new Date('2026-05-12T03:00:00Z');
    const row = ['Q2', 'x', 4, 1.25, at];
    await db.run(
      bind(
        insertText(cells, all),
        all.map((c, i) => driverValue(c, row[i])),
      ),
    );
    expect((await client.execute('select at from cells')).rows[0]!.at).toBe(at.getTime());
    // A row that differs in one column is not deleted; the same row is.
    const other = ['Q2', 'x', 5, 1.25, at];
    await db.run(
      bind(
        deleteWhereText(cells, all),
        all.map((c, i) => driverValue(c, other[i])),
      ),
    );
    expect((await client.execute('select count(*) as n from cells')).rows[0]!.n).toBe(1);
    await db.run(
      bind(
        deleteWhereText(cells, all),
        all.map((c, i) => driverValue(c, row[i])),
      ),
    );
    expect((await client.execute('select count(*) as n from cells')).rows[0]!.n).toBe(0);
    client.close();
  });

  it('an update with a fixed condition returns the rows it changed, read by position and decoded as drizzle decodes them', async () => {
    const notes = sqliteTable('notes', {
      id: integer('id').primaryKey({ autoIncrement: true }),
      body: text('body', { mode: 'json' }).$type<{ words: string[] }>(),
      done: integer('done', { mode: 'boolean' }).notNull(),
      at: integer('at', { mode: 'timestamp_ms' }),
      weight: real('weight'),
      label: text('label'),
    });
    const client = openClient(`file:${join(dir, 'notes.db')}`);
    await client.execute(
      'create table notes (id integer primary key autoincrement, body text, done integer not null, at integer, weight real, label text)',
    );
    const db = createDb(client);
    await db.insert(notes).values([
      { body: { words: ['a'] }, done: false, at: null, weight: 1.5, label: 'x' },
      { body: null, done: false, at: new Date(5), weight: null, label: null },
    ]);
    const set = [notes.body, notes.done, notes.at];
    const text1 = updateText(notes, set, `${columnName(notes.id)} = ? and ${columnName(notes.done)} = 0`, allColumns(notes));
    const values = [{ words: ['b', 'c'] }, true, new Date('2026-01-02T03:04:05Z')];
    const [changed] = await db.batch([db.values(bind(text1, [...driverValues(set, values), 1]))]);
    const decode = tableReader(notes);
    const read = await db.select().from(notes).where(eq(notes.id, 1));
    expect(changed.map(decode)).toEqual(read);
    expect(read[0]).toEqual({ id: 1, body: { words: ['b', 'c'] }, done: true, at: values[2], weight: 1.5, label: 'x' });
    // The condition holds no more: the same update changes nothing and returns no row.
    expect(await db.values(bind(text1, [...driverValues(set, values), 1]))).toEqual([]);
    // Nulls stay null, whatever the column's mode.
    expect(decode((await db.values(bind(text1, [null, false, null, 2])))[0]!)).toEqual({
      id: 2,
      body: null,
      done: false,
      at: null,
      weight: null,
      label: null,
    });
    // Two tables' rows side by side (a join): each read from its own offset.
    const [pair] = await db.values(
      bind(fixedText(`select ${qualifiedColumns(notes)}, ${qualifiedColumns(notes)} from notes where id = ? limit 1`), [1]),
    );
    expect(tableReader(notes, allColumns(notes).length)(pair!)).toEqual(read[0]);
    client.close();
  });

  it('names columns qualified by their table, as a join needs them', () => {
    expect(qualifiedName(cells.scoreSum)).toBe('"cells"."score_sum"');
    expect(qualifiedColumns(cells)).toBe('"cells"."period", "cells"."place", "cells"."n", "cells"."score_sum", "cells"."at"');
  });

  it('refuses values that do not match the placeholders', () => {
    const text = insertText(cells, [cells.period, cells.place]);
    expect(() => bind(text, ['Q1'])).toThrow(/2 values expected, 1 given/);
    expect(() => driverValues([cells.period, cells.at], ['Q1'])).toThrow(/2 values expected, 1 given/);
  });
});
