import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, businesses, communes, indicatorFacts } from '../../db/schema/index.ts';
import { auditValues } from '../../db/queries/accounts.ts';
import { createRegistryParser, type RegistryRow } from '../../domain/registry-csv.ts';
import { sizeClass } from '../../domain/size-class.ts';
import { toSearchKey } from '../../domain/search-key.ts';
import { refreshBusinessFacts } from '../../db/queries/indicators.ts';
import { catalogSnapshot } from '../../db/queries/platforms.ts';
import { clearIndicatorCaches } from './indicators.ts';
import type { Actor } from './guards.ts';

/** Rows written per batch: large enough to be fast, small enough to keep memory flat. */
const BATCH_ROWS = 500;
/** Errors listed back to the person (the count is always complete). */
const MAX_REPORTED_ERRORS = 500;

export type ImportReport = { rows: number; imported: number; created: number; updated: number; failed: number; errors: { row: number; message: string }[] };

/**
 * Imports the provincial business registry (the denominator of coverage) from a stream of text
 * chunks. Valid rows are upserted by tax code in batches, so re-importing updates instead of
 * duplicating; invalid rows are reported with their line numbers and skipped.
 */
export function createRegistryImport(db: Db, actor: Actor, provinceCode: string, now: Date) {
  const parser = createRegistryParser();
  const report: ImportReport = { rows: 0, imported: 0, created: 0, updated: 0, failed: 0, errors: [] };
  let valid: { row: number; value: RegistryRow }[] = [];
  let communeCodes: Set<string> | null = null;

  const fail = (row: number, message: string) => {
    report.failed++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ row, message });
  };

  async function flush() {
    if (!valid.length) return;
    const batch = valid;
    valid = [];
    const values = batch.map(({ value: r }) => ({
      taxCode: r.taxCode,
      name: r.name,
      nameSearch: toSearchKey(r.name),
      sector: r.vsic,
      employeesRegistry: r.employees,
      employees: r.employees,
      revenueVnd: r.revenueVnd === null ? null : Math.round(r.revenueVnd),
      sizeClass: r.vsic && r.employees !== null ? sizeClass({ sector: r.vsic, employees: r.employees, revenueVnd: r.revenueVnd }) : null,
      communeCode: r.communeCode,
      producerType: 'enterprise' as const,
      inRegistry: true,
      createdAt: now,
      updatedAt: now,
    }));
    const existing = await db.all<{ n: number }>(sql`select count(*) as n from ${businesses} where ${businesses.taxCode} in (${sql.join(values.map((v) => sql`${v.taxCode}`), sql`, `)})`);
    const before = Number(existing[0]?.n ?? 0);
    await db
      .insert(businesses)
      .values(values)
      .onConflictDoUpdate({
        target: businesses.taxCode,
        // What the business told the portal itself wins; the registry fills gaps and marks it known.
        set: {
          inRegistry: sql`1`,
          employeesRegistry: sql`excluded.employees_registry`,
          sector: sql`coalesce(${businesses.sector}, excluded.sector)`,
          employees: sql`coalesce(${businesses.employees}, excluded.employees)`,
          revenueVnd: sql`coalesce(${businesses.revenueVnd}, excluded.revenue_vnd)`,
          sizeClass: sql`coalesce(${businesses.sizeClass}, excluded.size_class)`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
    report.imported += values.length;
    report.updated += before;
    report.created += values.length - before;
  }

  return {
    async push(text: string) {
      communeCodes ??= new Set((await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode))).map((c) => c.code));
      for (const r of parser.push(text)) await take(r);
    },
    async end(): Promise<ImportReport> {
      communeCodes ??= new Set((await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode))).map((c) => c.code));
      for (const r of parser.end()) await take(r);
      await flush();
      // Assessed businesses that the registry now knows: their counters move from "not in registry".
      const stale = await db
        .select({ id: indicatorFacts.businessId })
        .from(indicatorFacts)
        .innerJoin(businesses, eq(businesses.id, indicatorFacts.businessId))
        .where(and(eq(indicatorFacts.inRegistry, 0), eq(businesses.inRegistry, true)))
        .groupBy(indicatorFacts.businessId);
      if (stale.length) {
        const catalog = await catalogSnapshot(db);
        for (const s of stale) await refreshBusinessFacts(db, s.id, catalog);
      }
      clearIndicatorCaches();
      await db.insert(auditLog).values(auditValues({ actorUserId: actor.id, action: 'registry_import', entity: 'registry', detail: { rows: report.rows, imported: report.imported, created: report.created, updated: report.updated, failed: report.failed } }, new Date()));
      return report;
    },
  };

  async function take(r: ReturnType<typeof parser.push>[number]) {
    if (r.row > 1) report.rows++;
    if (!r.ok) {
      fail(r.row, r.errors.map((e) => e.message).join('; '));
      return;
    }
    if (!communeCodes!.has(r.value.communeCode)) {
      fail(r.row, 'Mã xã/phường không thuộc tỉnh / The commune code is not in the province');
      return;
    }
    valid.push({ row: r.row, value: r.value });
    if (valid.length >= BATCH_ROWS) await flush();
  }
}
