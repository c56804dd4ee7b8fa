import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { readSheet } from 'read-excel-file/node';
import type { Db } from '#src/db/client.ts';
import { auditLog, businesses, communes, formerWards, indicatorFacts } from '#src/db/schema/index.ts';
import { auditValues } from '#src/db/queries/accounts.ts';
import { createRegistryParser, RegistryLineTooLongError, type RegistryRow } from '#src/domain/imports/registry-csv.ts';
import { createCommuneResolver, type CommuneResolver } from '#src/domain/imports/commune-names.ts';
import { BadRequestError, PayloadTooLargeError } from '#src/server/http/body.ts';
import { sizeClass } from '#src/domain/identity/size-class.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { batchWithFacts, registryFlagStatements, type Statement } from './facts.ts';
import { clearIndicatorCaches } from './indicators.ts';
import type { Actor } from '#src/server/auth/guards.ts';
import { publicChanged } from './changes.ts';

/** Rows per insert statement: large enough to be fast, small enough for SQLite's variable limit. */
const BATCH_ROWS = 500;
/** Errors listed back to the person (the count is always complete). */
const MAX_REPORTED_ERRORS = 500;
/** How long a preview waits for its confirmation. */
const PREVIEW_TTL_MS = 60 * 60 * 1000;
/** Previews live on the server's disk, shared by every worker process of the machine. */
const PREVIEW_DIR = join(tmpdir(), 'registry-previews');
const TOKEN = /^[0-9a-f]{32}$/;

export type ImportReport = {
  /** Set on a preview: the key to confirm it with. */
  token?: string;
  rows: number;
  imported: number;
  created: number;
  updated: number;
  failed: number;
  errors: { row: number; message: string }[];
};

/** The province's communes and the former wards merged into them, to read communes given by name. */
export async function communeResolverFor(db: Db, provinceCode: string): Promise<CommuneResolver> {
  const [current, former] = await Promise.all([
    db.select({ code: communes.code, name: communes.name }).from(communes).where(eq(communes.provinceCode, provinceCode)),
    db
      .select({ oldName: formerWards.oldName, oldDistrict: formerWards.oldDistrict, newCode: formerWards.newCode })
      .from(formerWards)
      .innerJoin(communes, eq(communes.code, formerWards.newCode))
      .where(eq(communes.provinceCode, provinceCode)),
  ]);
  return createCommuneResolver(current, former);
}

/**
 * Imports the provincial business registry (the denominator of coverage) from a stream of text
 * chunks. Valid rows are upserted by tax code, so re-importing updates instead of duplicating;
 * invalid rows are reported with their line numbers and skipped.
 *
 * Two phases, so that an upload that breaks off (or a file refused half-way) writes nothing:
 * `push` only parses and checks, spooling the valid rows to a temporary file; `end`, called once
 * the whole upload has arrived, writes them all in one atomic batch. `preview` instead keeps the
 * spool for `commitRegistryPreview` (the person sees per-row errors before anything is written).
 * `discard` drops the spool of an abandoned import.
 */
export function createRegistryImport(
  db: Db,
  actor: Actor,
  provinceCode: string,
  now: Date,
  options: { resolveCommune?: CommuneResolver } = {},
) {
  const parser = createRegistryParser(options);
  const report: ImportReport = { rows: 0, imported: 0, created: 0, updated: 0, failed: 0, errors: [] };
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

  async function loadCodes() {
    communeCodes ??= new Set(
      (await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode))).map((c) => c.code),
    );
  }

  async function finishParsing() {
    await loadCodes();
    for (const r of parser.end()) take(r);
    await spoolFlush();
  }

  return {
    async push(text: string) {
      await loadCodes();
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
        await finishParsing();
        if (spool) await writeRows(db, spool.file, now, report);
      } finally {
        await discard();
      }
      return finishImport(db, actor, report);
    },
    /**
     * Call once the whole upload has arrived: nothing is written; the checked rows wait (for an hour) for
     * `commitRegistryPreview` with the returned token, by the same person.
     */
    async preview(): Promise<ImportReport> {
      try {
        await finishParsing();
        const token = randomBytes(16).toString('hex');
        await mkdir(PREVIEW_DIR, { recursive: true });
        await sweepPreviews();
        const target = join(PREVIEW_DIR, token);
        if (spool) {
          await spool.file.close();
          await rename(spool.dir, target);
          spool = null;
        } else {
          await mkdir(target);
          await writeFile(join(target, 'rows.jsonl'), '');
        }
        report.token = token;
        await writeFile(join(target, 'meta.json'), JSON.stringify({ actorId: actor.id, provinceCode, report }));
        return report;
      } finally {
        await discard();
      }
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

const PREVIEW_GONE =
  'Bản xem trước không còn (quá một giờ, đã nhập, hoặc của người khác); vui lòng tải tệp lên lại / The preview is gone (over an hour old, already imported, or someone else’s); please upload the file again';

/** Writes the rows of a preview that its author confirmed; the preview is used up. */
export async function commitRegistryPreview(db: Db, actor: Actor, provinceCode: string, token: string, now: Date): Promise<ImportReport> {
  if (!TOKEN.test(token)) throw new BadRequestError(PREVIEW_GONE);
  const dir = join(PREVIEW_DIR, token);
  let meta: { actorId: number; provinceCode: string; report: ImportReport };
  try {
    meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
    if ((await stat(dir)).mtimeMs < now.getTime() - PREVIEW_TTL_MS) throw new Error('expired');
  } catch {
    throw new BadRequestError(PREVIEW_GONE);
  }
  if (meta.actorId !== actor.id || meta.provinceCode !== provinceCode) throw new BadRequestError(PREVIEW_GONE);
  // Claimed by moving it away first: a double click cannot import the same preview twice.
  const claimed = join(PREVIEW_DIR, `${token}.claimed`);
  try {
    await rename(dir, claimed);
  } catch {
    throw new BadRequestError(PREVIEW_GONE);
  }
  const report: ImportReport = { ...meta.report, token: undefined, imported: 0, created: 0, updated: 0 };
  const file = await open(join(claimed, 'rows.jsonl'), 'r');
  try {
    await writeRows(db, file, now, report);
  } finally {
    await file.close().catch(() => {});
    await rm(claimed, { recursive: true, force: true });
  }
  return finishImport(db, actor, report);
}

/** Drops previews nobody confirmed within the hour. */
async function sweepPreviews() {
  const cutoff = Date.now() - PREVIEW_TTL_MS;
  for (const name of await readdir(PREVIEW_DIR).catch(() => [] as string[])) {
    const path = join(PREVIEW_DIR, name);
    const s = await stat(path).catch(() => null);
    if (s && s.mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
  }
}

/** All spooled rows in one atomic batch: a failure half-way leaves nothing half-imported. */
async function writeRows(db: Db, file: FileHandle, now: Date, report: ImportReport) {
  const statements: Statement[] = [];
  let chunk: RegistryRow[] = [];
  const prepare = async () => {
    if (!chunk.length) return;
    const values = chunk.map((r) => ({
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
    chunk = [];
    const existing = await db.all<{ n: number }>(
      sql`select count(*) as n from ${businesses} where ${businesses.taxCode} in (${sql.join(
        values.map((v) => sql`${v.taxCode}`),
        sql`, `,
      )})`,
    );
    const before = Number(existing[0]?.n ?? 0);
    statements.push(
      db
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
        }),
    );
    report.imported += values.length;
    report.updated += before;
    report.created += values.length - before;
  };
  for await (const line of file.readLines({ start: 0, autoClose: false })) {
    if (!line) continue;
    chunk.push(JSON.parse(line) as RegistryRow);
    if (chunk.length >= BATCH_ROWS) await prepare();
  }
  await prepare();
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** After the rows are in: counters of assessed businesses the registry now knows, caches, the audit entry. */
async function finishImport(db: Db, actor: Actor, report: ImportReport): Promise<ImportReport> {
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
}

/** The largest spreadsheet accepted: XLSX is read whole (it is a zip), so it is bounded tighter than CSV. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
const NOT_XLSX =
  'Không đọc được tệp Excel (.xlsx); hãy lưu lại dạng .xlsx hoặc CSV UTF-8 / The Excel file (.xlsx) cannot be read; save it again as .xlsx or UTF-8 CSV';

/** The first sheet of an uploaded XLSX file as CSV text, for the same parser as a CSV upload. */
export async function xlsxAsCsv(bytes: Uint8Array): Promise<string> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(Buffer.from(bytes))) as unknown[][];
  } catch {
    throw new BadRequestError(NOT_XLSX);
  }
  const cell = (v: unknown): string =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : String(v);
  return stringify(
    rows.map((r) => r.map(cell)),
    { record_delimiter: '\n' },
  );
}

const NOT_UTF8 = 'Tệp phải là văn bản UTF-8 / The file must be UTF-8 text';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The first sheet of a registry workbook, and the header a filled-in template starts with. */
export const REGISTRY_TEMPLATE_HEADER = ['Mã số thuế', 'Tên doanh nghiệp', 'Ngành', 'Xã/phường', 'Số lao động', 'Doanh thu (triệu đồng)'];

/**
 * Feeds an uploaded registry file to an import, whatever its kind: an XLSX workbook (a zip, recognised by its
 * first bytes, not its name) is read whole within `MAX_XLSX_BYTES` and its first sheet parsed like CSV; anything
 * else is UTF-8 text streamed as it arrives.
 */
export function registryUploadSink(job: { push(text: string): Promise<void> }) {
  let mode: 'csv' | 'xlsx' | null = null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: Uint8Array[] = [];
  let size = 0;
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new BadRequestError(NOT_UTF8);
    }
  };
  return {
    async onBytes(bytes: Uint8Array) {
      mode ??= ZIP_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
      if (mode === 'xlsx') {
        size += bytes.length;
        if (size > MAX_XLSX_BYTES) throw new PayloadTooLargeError();
        parts.push(bytes);
        return;
      }
      const text = decode(bytes);
      if (text) await job.push(text);
    },
    async onEnd() {
      if (mode === 'xlsx') await job.push(await xlsxAsCsv(Buffer.concat(parts)));
      else {
        const rest = decode();
        if (rest) await job.push(rest);
      }
    },
  };
}
