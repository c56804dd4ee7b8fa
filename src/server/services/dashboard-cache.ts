/**
 * The officer dashboard's reads, kept per worker until the data under them changes. The page reads maintained
 * counters (tens of milliseconds over 3 000 communes); an officer reloading it, paging or sorting the breakdown
 * asks the same question again. An answer is kept per scope (the province, or one commune), normalised query and
 * Vietnam day, and dropped as soon as a change counter moves (every write to facts, targets, registry, province
 * figures and OCOP bumps one: see `changes.ts`), so a figure is at most CHECK_INTERVAL_MS behind another worker's
 * write and never behind this worker's own. The scope is checked before the cache is looked at.
 *
 * `warmDashboard` runs the province's default view once when the worker starts (the health check waits for it),
 * so the first officer after a start does not pay for cold statements, cold pages of the database and cold code.
 */
import type { Db } from '#src/db/client.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { vietnamDay } from '#src/domain/time.ts';
import { changeVersions, type ChangeVersions } from './changes.ts';
import { dashboardData, dashboardScope, type DashboardData } from './dashboard.ts';
import { parseViewQuery } from './indicators.ts';

/** Few entries: each holds the rows of every commune of the province. */
const MAX_ENTRIES = 8;

type Entry = { versions: ChangeVersions; value: Promise<unknown> };
const entries = new Map<string, Entry>();

function sameVersions(a: ChangeVersions, b: ChangeVersions): boolean {
  return (Object.keys(a) as (keyof ChangeVersions)[]).every((k) => a[k] === b[k]);
}

/** Not part of the question: the period is normalised, `page` only picks rows of the same answer. */
const IGNORED = new Set(['period', 'lang', 'page']);

/** The question a dashboard URL asks, the same for `/dashboard` and `/dashboard?period=<the default>`. */
function questionKey(url: URL, now: Date): string {
  const { period } = parseViewQuery(url, now);
  const params = [...url.searchParams].filter(([k]) => !IGNORED.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([period.id, vietnamDay(now), params]);
}

/**
 * `compute`'s answer for this scope and question, shared with the other requests asking it until a change
 * counter moves. `part` names what is kept (and anything else the answer depends on, e.g. the language).
 */
export async function memoDashboard<T>(
  db: Db,
  actor: Actor | null,
  provinceCode: string,
  url: URL,
  now: Date,
  part: string,
  compute: () => Promise<T>,
): Promise<T> {
  const { scopeCommune } = dashboardScope(actor, provinceCode);
  const key = JSON.stringify([part, provinceCode, scopeCommune ?? '', questionKey(url, now)]);
  const versions = await changeVersions(db);
  const hit = entries.get(key);
  if (hit && sameVersions(hit.versions, versions)) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.set(key, { versions, value });
  // A failed read is not kept: the next request asks again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** The province officers' default view, as they would ask it. */
export function dashboardDataMemo(db: Db, actor: Actor | null, url: URL, provinceCode: string, now: Date): Promise<DashboardData> {
  return memoDashboard(db, actor, provinceCode, url, now, 'data', () => dashboardData(db, actor, url, provinceCode, now));
}

let warming: Promise<void> | null = null;

/** Once per worker: the province's default dashboard read, to warm what the first officer would otherwise pay. */
export function warmDashboard(db: Db, provinceCode: string): Promise<void> {
  warming ??= (async () => {
    // A province reader with only what the scope check reads: it reads aggregates, never returns them to anyone.
    const reader = { role: 'officer', businessId: null, scopeProvinceCode: provinceCode, scopeCommuneCode: null } as Actor;
    const url = new URL('http://localhost/dashboard');
    try {
      await dashboardDataMemo(db, reader, url, provinceCode, new Date());
    } catch (e) {
      // A warm-up that fails (e.g. an empty database being migrated) only costs the first officer some time.
      console.error('dashboard warm-up failed', e);
    }
  })();
  return warming;
}
