/**
 * The one CSV writer of the portal (dashboard export, open data, platform
 * catalog export): RFC 4180 via csv-stringify, CRLF line ends, a UTF-8 BOM by
 * default (so Excel shows Vietnamese diacritics).
 *
 * Every text cell is neutralised against CSV injection: a cell that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR, or
 * their full-width forms) gets a leading apostrophe. So that an importer can
 * give back exactly what was written (`restoreFormula`), a cell that already
 * starts with apostrophes followed by such a character gets one more.
 * Numbers are written as they are (a negative number is not a formula).
 *
 * Pure module: no astro, no database, no clock.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
  /** Field delimiter (default ','). */
  delimiter?: ',' | ';';
}

const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_CHARS = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const NEEDS_APOSTROPHE = new RegExp(`^'*[${FORMULA_CHARS}]`);
const HAS_APOSTROPHE = new RegExp(`^'+[${FORMULA_CHARS}]`);

/** The text a spreadsheet shows as typed, never runs. */
export function neutraliseFormula(text: string): string {
  return NEEDS_APOSTROPHE.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`, for reading back a file we wrote. */
export function restoreFormula(cell: string): string {
  return HAS_APOSTROPHE.test(cell) ? cell.slice(1) : cell;
}

/** Rows as CSV text: one CRLF-terminated line per row, null as an empty cell. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const body = stringify(
    rows.map((r) => [...r]),
    {
      delimiter: options.delimiter ?? ',',
      record_delimiter: '\r\n',
      // Quote any cell with CR or LF, not only with CRLF: a lone LF would end the row in a spreadsheet.
      quote_record_delimiter: true,
      cast: { string: neutraliseFormula },
    },
  );
  return (options.bom === false ? '' : BOM) + body;
}
