/**
 * CSV export and import of the platform catalog, so that officers can review
 * and update the list in a spreadsheet.
 *
 * Format (RFC 4180): one header line with the column names of `CSV_COLUMNS`,
 * one record per platform (written by the shared writer of `#src/domain/csv.ts`,
 * which also neutralises formula-like cells); fields holding the delimiter, a double quote, CR or
 * LF are wrapped in double quotes, with inner quotes doubled. List fields
 * (needs, sizes, sectors, producerTypes, requires, improves) hold their values
 * separated by `|` in one cell. Booleans are `true` / `false`.
 *
 * Export writes UTF-8 with a BOM (so Excel shows Vietnamese diacritics), comma
 * delimiter and CRLF line ends. Import accepts UTF-8 with or without BOM, comma
 * or semicolon delimiter (detected from the header line, as Excel with
 * Vietnamese regional settings writes `;`), CRLF, LF or CR line ends, and
 * columns in any order. Every row is validated with the same zod schema as the
 * seed data; any invalid row makes the whole import fail (nothing is
 * half-imported), with every problem reported.
 *
 * Row numbers in errors are 1-based physical lines of the file, the header
 * being line 1; a record whose quoted field spans several lines is reported at
 * the line where it starts.
 *
 * Pure module: no astro, no database, no clock.
 */
import { safeParsePlatform } from './schema.ts';
import type { Platform } from './schema.ts';
import { restoreFormula, toCsv } from '#src/domain/csv.ts';
import type { CsvWriteOptions } from '#src/domain/csv.ts';

export const CSV_COLUMNS = [
  'id',
  'name',
  'provider',
  'url',
  'category',
  'needs',
  'description_vi',
  'description_en',
  'costModel',
  'priceNote_vi',
  'priceNote_en',
  'freeTrial_vi',
  'freeTrial_en',
  'makeInVietnam',
  'sizes',
  'sectors',
  'producerTypes',
  'requires',
  'improves',
  'lastChecked',
  'retired',
  'source',
  'unverified',
] as const;

/**
 * Columns a file may leave out (files exported before the column existed still import). A file
 * without `source` still reads, but every row then fails the schema, which requires a source.
 */
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['source', 'unverified']);

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separator of the values of a list field inside one cell. */
export const LIST_SEPARATOR = '|';

const BOM = '\uFEFF';

const msg = (vi: string, en: string): string => `${vi} / ${en}`;

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

export type CatalogCsvOptions = CsvWriteOptions;

function toRecord(p: Platform): Record<CsvColumn, string> {
  return {
    id: p.id,
    name: p.name,
    provider: p.provider,
    url: p.url,
    category: p.category,
    needs: p.needs.join(LIST_SEPARATOR),
    description_vi: p.description.vi,
    description_en: p.description.en,
    costModel: p.costModel,
    priceNote_vi: p.priceNote?.vi ?? '',
    priceNote_en: p.priceNote?.en ?? '',
    freeTrial_vi: p.freeTrial?.vi ?? '',
    freeTrial_en: p.freeTrial?.en ?? '',
    makeInVietnam: String(p.makeInVietnam),
    sizes: p.fits.sizes.join(LIST_SEPARATOR),
    sectors: (p.fits.sectors as readonly string[]).join(LIST_SEPARATOR),
    producerTypes: p.fits.producerTypes.join(LIST_SEPARATOR),
    requires: p.requires.join(LIST_SEPARATOR),
    improves: p.improves.join(LIST_SEPARATOR),
    lastChecked: p.lastChecked,
    retired: p.retired === undefined ? '' : String(p.retired),
    source: p.source ?? '',
    unverified: p.unverified === undefined ? '' : String(p.unverified),
  };
}

/** The catalog as a CSV text (see the module comment for the format). */
export function catalogToCsv(platforms: readonly Platform[], options: CatalogCsvOptions = {}): string {
  const rows = platforms.map((p) => {
    const record = toRecord(p);
    return CSV_COLUMNS.map((c) => record[c]);
  });
  return toCsv([CSV_COLUMNS, ...rows], options);
}

// ---------------------------------------------------------------------------
// Tokenizer (RFC 4180, hand-written)
// ---------------------------------------------------------------------------

export interface CsvError {
  /** 1-based line of the file; the header is line 1. */
  row: number;
  /** CSV column name, when the problem is in one field. */
  field?: string;
  /** "Tiếng Việt / English". */
  message: string;
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** `;` when the header line holds more semicolons than commas (outside quotes), else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Splits a CSV text (without BOM) into records. Malformed quoting inside a
 * field is reported and scanning goes on; an unterminated quoted field ends
 * the scan (the rest of the file would be inside it).
 */
export function tokenizeCsv(text: string, delimiter: string): { records: CsvRecord[]; errors: CsvError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  const isLineEnd = (c: string | undefined): boolean => c === '\n' || c === '\r';

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let recordDone = false;
    while (!recordDone) {
      let value = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        if (!closed) {
          errors.push({
            row: start,
            message: msg('Ô bắt đầu bằng dấu ngoặc kép nhưng không có dấu đóng', 'A quoted field is never closed'),
          });
          return { records, errors };
        }
        if (i < n && text[i] !== delimiter && !isLineEnd(text[i])) {
          errors.push({
            row: start,
            message: msg(
              'Có ký tự ngay sau dấu ngoặc kép đóng; hãy bao cả ô trong ngoặc kép và nhân đôi dấu ngoặc bên trong',
              'Characters follow a closing quote; quote the whole field and double inner quotes',
            ),
          });
          while (i < n && text[i] !== delimiter && !isLineEnd(text[i])) value += text[i++];
        }
      } else {
        let stray = false;
        while (i < n && text[i] !== delimiter && !isLineEnd(text[i])) {
          if (text[i] === '"') stray = true;
          value += text[i++];
        }
        if (stray) {
          errors.push({
            row: start,
            message: msg(
              'Ô có dấu ngoặc kép phải được bao trong ngoặc kép, với dấu ngoặc bên trong nhân đôi',
              'A field containing quotes must be quoted, with inner quotes doubled',
            ),
          });
        }
      }
      fields.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      // End of record: line break or end of text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      recordDone = true;
    }
    // Blank lines carry no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, errors };
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

export interface ParseCatalogCsvOptions {
  /** 'YYYY-MM-DD' (UTC): rows whose lastChecked falls on a later UTC day are rejected. */
  asOf?: string;
}

export type ParseCatalogCsvResult = { ok: true; platforms: Platform[] } | { ok: false; errors: CsvError[] };

const LIST_COLUMNS: ReadonlySet<string> = new Set(['needs', 'sizes', 'sectors', 'producerTypes', 'requires', 'improves']);

function list(cell: string): string[] {
  return cell.trim() === '' ? [] : cell.split(LIST_SEPARATOR).map((v) => v.trim());
}

/** `true`/`false` in any case (Excel writes TRUE/FALSE); anything else is passed on for the schema to reject. */
function bool(cell: string): boolean | string {
  const v = cell.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return cell;
}

function optionalLocalized(vi: string, en: string): { vi: string; en: string } | undefined {
  return vi.trim() === '' && en.trim() === '' ? undefined : { vi, en };
}

function fromRecord(r: Record<CsvColumn, string>): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: r.id.trim(),
    name: r.name,
    provider: r.provider,
    url: r.url.trim(),
    category: r.category.trim(),
    needs: list(r.needs),
    description: { vi: r.description_vi, en: r.description_en },
    costModel: r.costModel.trim(),
    makeInVietnam: bool(r.makeInVietnam),
    fits: { sizes: list(r.sizes), sectors: list(r.sectors), producerTypes: list(r.producerTypes) },
    requires: list(r.requires),
    improves: list(r.improves),
    lastChecked: r.lastChecked.trim(),
  };
  const priceNote = optionalLocalized(r.priceNote_vi, r.priceNote_en);
  if (priceNote) entry.priceNote = priceNote;
  const freeTrial = optionalLocalized(r.freeTrial_vi, r.freeTrial_en);
  if (freeTrial) entry.freeTrial = freeTrial;
  if (r.retired.trim() !== '') entry.retired = bool(r.retired);
  if ((r.source ?? '').trim() !== '') entry.source = r.source.trim();
  if ((r.unverified ?? '').trim() !== '') entry.unverified = bool(r.unverified);
  return entry;
}

/** The CSV column of a schema issue path. */
function columnOf(path: readonly (string | number)[]): string | undefined {
  const [first, second] = path;
  if (first === undefined) return undefined;
  if (first === 'fits') return typeof second === 'string' ? second : undefined;
  if ((first === 'description' || first === 'priceNote' || first === 'freeTrial') && typeof second === 'string') {
    return `${first}_${second}`;
  }
  if (first === 'description' || first === 'priceNote' || first === 'freeTrial') return `${first}_vi`;
  return String(first);
}

function checkHeader(header: readonly string[]): { errors: CsvError[]; index: Map<CsvColumn, number> } {
  const errors: CsvError[] = [];
  const index = new Map<CsvColumn, number>();
  const known: ReadonlySet<string> = new Set(CSV_COLUMNS);
  const seen = new Set<string>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (seen.has(name)) {
      errors.push({ row: 1, field: name, message: msg(`Cột "${name}" bị lặp`, `Column "${name}" appears twice`) });
      return;
    }
    seen.add(name);
    if (!known.has(name)) {
      errors.push({ row: 1, field: name, message: msg(`Cột "${name}" không được hỗ trợ`, `Unknown column "${name}"`) });
      return;
    }
    index.set(name as CsvColumn, i);
  });
  for (const column of CSV_COLUMNS) {
    if (!seen.has(column) && !OPTIONAL_COLUMNS.has(column)) {
      errors.push({ row: 1, field: column, message: msg(`Thiếu cột "${column}"`, `Missing column "${column}"`) });
    }
  }
  return { errors, index };
}

/**
 * Reads a catalog CSV. Returns every platform when all rows are valid, or
 * every problem found (syntax, header, column counts, schema, duplicate ids)
 * and no platform at all.
 */
export function parseCatalogCsv(text: string, options: ParseCatalogCsvOptions = {}): ParseCatalogCsvResult {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (body.trim() === '') {
    return {
      ok: false,
      errors: [{ row: 1, message: msg('Tệp trống, thiếu dòng tiêu đề', 'The file is empty; the header line is missing') }],
    };
  }
  const delimiter = detectDelimiter(body);
  const { records, errors } = tokenizeCsv(body, delimiter);
  const [headerRecord, ...rows] = records;
  if (headerRecord === undefined || headerRecord.line !== 1) {
    errors.unshift({ row: 1, message: msg('Dòng đầu tiên phải là dòng tiêu đề', 'The first line must be the header') });
    return { ok: false, errors };
  }
  const header = checkHeader(headerRecord.fields);
  if (header.errors.length > 0) return { ok: false, errors: [...header.errors, ...errors] };

  const badSyntaxRows = new Set(errors.map((e) => e.row));
  const platforms: Platform[] = [];
  const firstRowOfId = new Map<string, number>();
  const width = headerRecord.fields.length;

  for (const record of rows) {
    if (record.fields.length !== width) {
      errors.push({
        row: record.line,
        message: msg(`Dòng có ${record.fields.length} cột, cần ${width}`, `The row has ${record.fields.length} columns, expected ${width}`),
      });
      continue;
    }
    if (badSyntaxRows.has(record.line)) continue;
    const cells = Object.fromEntries(
      // Undo the writer's formula neutralisation, so that export → import → export is byte-identical.
      CSV_COLUMNS.map((c) => [c, restoreFormula(record.fields[header.index.get(c)!] ?? '')]),
    ) as Record<CsvColumn, string>;

    const id = cells.id.trim();
    if (id !== '') {
      const first = firstRowOfId.get(id);
      if (first !== undefined) {
        errors.push({
          row: record.line,
          field: 'id',
          message: msg(`Mã "${id}" trùng với dòng ${first}`, `Duplicate id "${id}" (first on row ${first})`),
        });
      } else {
        firstRowOfId.set(id, record.line);
      }
    }

    const result = safeParsePlatform(fromRecord(cells), options.asOf === undefined ? {} : { asOf: options.asOf });
    if (result.ok) {
      platforms.push(result.platform);
      continue;
    }
    const seen = new Set<string>();
    for (const issue of result.issues) {
      const field = columnOf(issue.path);
      const key = `${field ?? ''}\u0000${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(field === undefined ? { row: record.line, message: issue.message } : { row: record.line, field, message: issue.message });
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, errors };
  }
  return { ok: true, platforms };
}

/** Whether a column holds `|`-separated values. */
export function isListColumn(column: string): boolean {
  return LIST_COLUMNS.has(column);
}
