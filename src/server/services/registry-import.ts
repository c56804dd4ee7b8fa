import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { auditLog, businesses, communes, indicatorFacts } from '#src/db/schema/index.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import { createRegistryParser, RegistryLineTooLongError, type RegistryRow } from '#src/domain/imports/registry-csv.ts';
import { BadRequestError } from '#src/server/http/body.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { batchWithFacts, registryFlagStatements } from './facts.ts';
import { clearIndicatorCaches } from './indicators.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { publicChanged } from './changes.ts';

/** Rows written per batch: large enough to be fast, small enough to keep memory flat. */
const BATCH_ROWS = 500;
/** Errors listed back to the person (the count is always complete). */
const MAX_REPORTED_ERRORS = 500;

export type ImportReport = {
  rows: number;
  imported: number;
  created: number;
  updated: number;
  failed: number;
  errors: { row: number; message: string }[];
};

/**
 * Imports the provincial business registry (the denominator of coverage) from a stream of text
 * chunks. Valid rows are upserted by tax code in batches, so re-importing updates instead of
 * duplicating; invalid rows are reported with their line numbers and skipped.
 *
 * Two phases, so that an upload that breaks off (or a file refused half-way) writes nothing:
 * `push` only parses and checks, spooling the valid rows to a temporary file; `end`, called once
 * the whole upload has arrived, writes them. `discard` drops the spool of an abandoned import.
 */
export function createRegistryImport(db: Db, actor: Actor, provinceCode: string, now: Date) {
  const parser = createRegistryParser();
  const report: ImportReport = { rows: 0, imported: 0, created: 0, updated: 0, failed: 0, errors: [] };
  let valid: RegistryRow[] = [];
  let communeCodes: Set<string> | null = null;
  let spool: { dir: string; file: FileHandle } | null = null;
  /** Valid rows checked but not yet appended to the spool, as JSON lines. */
  let spoolLines: string[] = [];

  async function spoolFile(): Promise<FileHandle> {
    if (!spool) {
      const dir = await mkdtemp(join(tmpdir(), 'registry-import-'));
      spool = { dir, file: await open(join(dir, 'rows.jsonl'), 'w+') };
    }
    return spool.file;
  }

  async function spoolFlush() {
    if (!spoolLines.length) return;
    const text = spoolLines.join('');
    spoolLines = [];
    await (await spoolFile()).write(text);
  }

  async function discard() {
    const s = spool;
    spool = null;
    spoolLines = [];
    if (!s) return;
    await s.file.close().catch(() => {});
    await rm(s.dir, { recursive: true, force: true });
  }

  const fail = (row: number, message: string) => {
    report.failed++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ row, message });
  };

  async function flush() {
    if (!valid.length) return;
    const batch = valid;
    valid = [];
    const values = batch.map((r) => ({
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
    const existing = await db.all<{ n: number }>(
      sql`select count(*) as n from ${businesses} where ${businesses.taxCode} in (${sql.join(
        values.map((v) => sql`${v.taxCode}`),
        sql`, `,
      )})`,
    );
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

  async function write() {
    await spoolFlush();
    if (!spool) return;
    for await (const line of spool.file.readLines({ start: 0, autoClose: false })) {
      if (!line) continue;
      valid.push(JSON.parse(line) as RegistryRow);
      if (valid.length >= BATCH_ROWS) await flush();
    }
    await flush();
  }

  return {
    async push(text: string) {
      communeCodes ??= new Set(
        (await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode))).map((c) => c.code),
      );
      let results;
      try {
        results = parser.push(text);
      } catch (e) {
        if (e instanceof RegistryLineTooLongError) throw new BadRequestError(e.message);
        throw e;
      }
      for (const r of results) take(r);
      if (spoolLines.length >= BATCH_ROWS) await spoolFlush();
    },
    /** Call only once the whole upload has arrived: the rows are written now. */
    async end(): Promise<ImportReport> {
      try {
        communeCodes ??= new Set(
          (await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode))).map((c) => c.code),
        );
        for (const r of parser.end()) take(r);
        await write();
      } finally {
        await discard();
      }
      // Assessed businesses that the registry now knows: their counters move from "not in registry".
      const stale = await db
        .select({ id: indicatorFacts.businessId })
        .from(indicatorFacts)
        .innerJoin(businesses, eq(businesses.id, indicatorFacts.businessId))
        .where(and(eq(indicatorFacts.inRegistry, 0), eq(businesses.inRegistry, true)))
        .groupBy(indicatorFacts.businessId);
      for (const s of stale) await batchWithFacts(db, () => registryFlagStatements(db, s.id, true));
      clearIndicatorCaches();
      await publicChanged(db, 'indicators');
      await db.insert(auditLog).values(
        auditValues(
          {
            actorUserId: actor.id,
            action: 'registry_import',
            entity: 'registry',
            detail: {
              rows: report.rows,
              imported: report.imported,
              created: report.created,
              updated: report.updated,
              failed: report.failed,
            },
          },
          new Date(),
        ),
      );
      return report;
    },
    discard,
  };

  function take(r: ReturnType<typeof parser.push>[number]) {
    if (r.row > 1) report.rows++;
    if (!r.ok) {
      fail(r.row, r.errors.map((e) => e.message).join('; '));
      return;
    }
    if (!communeCodes!.has(r.value.communeCode)) {
      fail(r.row, 'Mã xã/phường không thuộc tỉnh / The commune code is not in the province');
      return;
    }
    spoolLines.push(`${JSON.stringify(r.value)}\n`);
  }
}
