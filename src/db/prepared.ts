// Queries built once per database: drizzle builds a query's text from its columns on every call, which costs more
// than running a small query. The hot reads of every request (the session, the business, the draft) are prepared
// once with placeholders and then only run: `sql.placeholder('name')` in the query, `{ name: value }` when run.
import type { Db } from './client.ts';

/** `build(db)` made once per database and kept for it. */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>();
  return (db) => {
    let q = byDb.get(db);
    if (!q) byDb.set(db, (q = build(db)));
    return q;
  };
}
