import type { Db } from '#src/db/client.ts';
import { changeCounters } from '#src/db/schema/index.ts';
import { bind, columnName, fixedText, qualifiedName, tableName } from '#src/db/fixed-statements.ts';

/** What a public page can depend on; a write bumps the scopes whose public pages it changes. */
export const CHANGE_SCOPES = ['catalog', 'ocop', 'indicators'] as const;
export type ChangeScope = (typeof CHANGE_SCOPES)[number];

// Fixed texts (see fixed-statements.ts): every write of the portal's public data carries these.
const C = changeCounters;
const BUMP = fixedText(
  `insert into ${tableName(C)} (${columnName(C.scope)}, ${columnName(C.n)}) values (?, 1) ` +
    `on conflict (${columnName(C.scope)}) do update set ${columnName(C.n)} = ${qualifiedName(C.n)} + 1`,
);
const READ_ALL = fixedText(`select ${columnName(C.scope)}, ${columnName(C.n)} from ${tableName(C)}`);

/** The statement bumping one scope's counter (to put in the batch of the write it reports). */
export function bumpStatement(db: Db, scope: ChangeScope) {
  return db.run(bind(BUMP, [scope]));
}

/** The read of every counter, to put last in a write's batch (its answer goes to `countersFrom`). */
export function changeCountersRead(db: Db) {
  return db.all<{ scope: string; n: number }>(bind(READ_ALL, []));
}

/** Every scope's counter (0 for a scope never bumped). One tiny read. */
export async function readChangeCounters(db: Db): Promise<Record<ChangeScope, number>> {
  return countersFrom(await changeCountersRead(db));
}

/** The counters in rows of the change counter table. */
export function countersFrom(rows: readonly { scope: string; n: number }[]): Record<ChangeScope, number> {
  const out = Object.fromEntries(CHANGE_SCOPES.map((s) => [s, 0])) as Record<ChangeScope, number>;
  for (const r of rows) if ((CHANGE_SCOPES as readonly string[]).includes(r.scope)) out[r.scope as ChangeScope] = r.n;
  return out;
}
