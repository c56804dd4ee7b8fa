/**
 * Business registry import (the denominators of the province's indicators):
 * a streaming CSV row parser.
 *
 * Format: one header line, then one record per business. Columns (any order,
 * other columns ignored), matched after normalising the header text like
 * `toSearchKey` (no accents, lower case) with every run of non-letters and
 * non-digits turned into "_":
 *   taxCode*      ma_so_thue, mst, tax_code, ma_so_doanh_nghiep ("Mã số thuế")
 *   name*         ten, name, ten_doanh_nghiep, ten_dn ("Tên doanh nghiệp")
 *   communeCode*  ma_xa, commune_code, ma_xa_phuong, ma_phuong_xa ("Mã xã"), or by name:
 *                 xa, xa_phuong, phuong_xa, ten_xa, ten_xa_phuong, commune, commune_name,
 *                 ward ("Xã/phường") — a code or a name in either, resolved by the
 *                 caller's commune resolver (commune-names.ts)
 *   vsic          vsic, nganh, ma_nganh, nganh_nghe, vsic_code ("Ngành")
 *   employees     lao_dong, employees, so_lao_dong ("Số lao động")
 *   revenueVnd    doanh_thu, revenue, revenue_vnd, doanh_thu_vnd, doanh_thu_dong
 *                 ("Doanh thu"); doanh_thu_trieu_dong / revenue_million_vnd
 *                 are in millions and doanh_thu_ty_dong / revenue_billion_vnd
 *                 in billions of VND, converted to VND.
 * (* required: a header without them is reported as an error on row 1 and
 * no record is parsed.)
 *
 * Text: UTF-8 (the caller decodes bytes, e.g. with a streaming TextDecoder),
 * with or without BOM; comma or semicolon delimiter, detected from the header
 * line (more semicolons than commas outside quotes → semicolon; Excel with
 * Vietnamese regional settings writes `;`); RFC 4180 quoting, with quoted
 * fields that may hold delimiters, quotes ("") and line breaks; CRLF, LF or
 * CR line ends. Blank lines and lines of empty cells (";;;;", left by
 * spreadsheets) are skipped.
 *
 * Streaming: `createRegistryParser()` returns `push(chunk)` / `end()`, each
 * giving the results of the records completed so far. Chunks may split a
 * record, a quoted field, a doubled quote or a CRLF anywhere: the results do
 * not depend on where. Only the record being read is buffered (and, before
 * the delimiter is known, the header line), and each character is looked at
 * once, so time is linear in the file size. A record (a line, or several
 * when a quoted field holds line breaks) longer than `MAX_LINE_CHARS` throws
 * `RegistryLineTooLongError` as soon as the limit is passed: such a file is
 * not a registry (no line breaks at all, or a quote never closed), and
 * holding it would make memory grow with the upload. Duplicate tax codes are not detected here (that would mean
 * remembering every code): the importer's upsert handles them.
 *
 * Row numbers are 1-based physical lines of the file, the header being line 1;
 * a record whose quoted field spans several lines is reported at the line
 * where it starts.
 *
 * Values:
 * - taxCode: canonical by `parseTaxCode`. A 9-digit code (or 9 digits plus a
 *   branch) gets its leading zero back when that gives a valid check digit:
 *   spreadsheets drop leading zeros, and Nam Định codes start with 06.
 * - name: the shared free-text rule of text.ts: NFC, trimmed, inner runs of
 *   white space (including line breaks in a quoted cell) turned into one
 *   space; no control or bidirectional characters; at most 200 characters;
 *   required.
 * - vsic: a section letter A–U, or a numeric VSIC code of 2–5 digits whose
 *   2-digit division gives the section (4711 → G); a trailing description
 *   ("4711 - Bán lẻ…", "G: Bán buôn…") is ignored. Empty → null.
 * - communeCode: 5 digits; 1–4 digits are left-padded with zeros (the
 *   spreadsheet leading-zero problem again). Whether the code exists is for
 *   the importer to check against the commune table.
 * - employees: a whole number ≥ 0, thousands separators allowed; empty → null.
 * - revenueVnd: a number ≥ 0; "3.000.000.000", "3,000,000,000",
 *   "3 000 000 000" and "3E+09" are accepted. One separator followed by exactly
 *   three digits is read as a thousands separator ("1.500" = 1 500, VND has no
 *   subunits); otherwise one "." or "," is a decimal mark ("2,5" with a
 *   million/billion header = 2.5 million/billion). Empty → null.
 *
 * Pure module: no astro, no database, no clock.
 */
import { parseTaxCode, TAX_CODE_MESSAGES } from '#src/domain/identity/tax-code.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';
import { BUSINESS_NAME_MAX, checkFreeText } from '#src/domain/text.ts';
import type { VsicCode } from '#src/reference/vsic.ts';
import type { CommuneResolver } from './commune-names.ts';

export type RegistryField = 'taxCode' | 'name' | 'vsic' | 'communeCode' | 'employees' | 'revenueVnd';

export interface RegistryRow {
  taxCode: string;
  name: string;
  vsic: VsicCode | null;
  communeCode: string;
  employees: number | null;
  revenueVnd: number | null;
}

export interface RegistryError {
  /** A field, 'header' for a header problem, 'csv' for broken quoting. */
  field: RegistryField | 'header' | 'csv';
  /** "Tiếng Việt / English". */
  message: string;
}

export type RegistryRowResult = { row: number; ok: true; value: RegistryRow } | { row: number; ok: false; errors: RegistryError[] };

export interface RegistryParser {
  /** Feeds a piece of text; returns the results of the records completed by it. */
  push(chunk: string): RegistryRowResult[];
  /** Ends the input; returns the results of the last record, if any. */
  end(): RegistryRowResult[];
}

const msg = (vi: string, en: string): string => `${vi} / ${en}`;

/** The longest record accepted, in characters; real registry lines are a few hundred. */
export const MAX_LINE_CHARS = 64 * 1024;

const grouped = (n: number, separator: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Thrown by `push` once a record passes `MAX_LINE_CHARS`: the whole file is refused. */
export class RegistryLineTooLongError extends Error {
  readonly row: number;
  constructor(row: number) {
    super(
      msg(
        `Dòng ${row} dài hơn ${grouped(MAX_LINE_CHARS, '.')} ký tự: đây không phải tệp danh bạ CSV (thiếu dấu xuống dòng, hoặc có dấu ngoặc kép không được đóng). Không có gì được nhập`,
        `Line ${row} is longer than ${grouped(MAX_LINE_CHARS, ',')} characters: this is not a registry CSV file (line breaks are missing, or a quote is never closed). Nothing was imported`,
      ),
    );
    this.name = 'RegistryLineTooLongError';
    this.row = row;
  }
}

// ---------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------

interface ColumnSpec {
  field: RegistryField;
  /** Multiplier to VND for revenue columns in millions or billions. */
  scale?: number;
}

const HEADER_ALIASES: ReadonlyMap<string, ColumnSpec> = new Map<string, ColumnSpec>([
  ...['ma_so_thue', 'mst', 'tax_code', 'taxcode', 'ma_so_doanh_nghiep'].map((a) => [a, { field: 'taxCode' }] as const),
  ...['ten', 'name', 'ten_doanh_nghiep', 'ten_dn', 'business_name', 'company_name'].map((a) => [a, { field: 'name' }] as const),
  ...['vsic', 'nganh', 'ma_nganh', 'nganh_nghe', 'vsic_code', 'sector'].map((a) => [a, { field: 'vsic' }] as const),
  ...[
    'ma_xa',
    'commune_code',
    'ma_xa_phuong',
    'ma_phuong_xa',
    'ward_code',
    'xa',
    'xa_phuong',
    'phuong_xa',
    'ten_xa',
    'ten_xa_phuong',
    'ten_phuong_xa',
    'commune',
    'commune_name',
    'ward',
    'ward_name',
  ].map((a) => [a, { field: 'communeCode' }] as const),
  ...['lao_dong', 'employees', 'so_lao_dong'].map((a) => [a, { field: 'employees' }] as const),
  ...['doanh_thu', 'revenue', 'revenue_vnd', 'doanh_thu_vnd', 'doanh_thu_dong'].map((a) => [a, { field: 'revenueVnd' }] as const),
  ...['doanh_thu_trieu_dong', 'doanh_thu_trieu', 'revenue_million_vnd'].map((a) => [a, { field: 'revenueVnd', scale: 1_000_000 }] as const),
  ...['doanh_thu_ty_dong', 'doanh_thu_ty', 'revenue_billion_vnd'].map((a) => [a, { field: 'revenueVnd', scale: 1_000_000_000 }] as const),
]);

const REQUIRED: readonly { field: RegistryField; vi: string; en: string }[] = [
  { field: 'taxCode', vi: 'mã số thuế', en: 'tax code' },
  { field: 'name', vi: 'tên doanh nghiệp', en: 'name' },
  { field: 'communeCode', vi: 'xã/phường (mã hoặc tên)', en: 'commune (code or name)' },
];

/** Header text → alias key: accents off, lower case, runs of other characters → "_". */
export function headerKey(text: string): string {
  return toSearchKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

interface Columns {
  index: Map<RegistryField, number>;
  revenueScale: number;
}

function readHeader(fields: readonly string[]): { columns: Columns } | { errors: RegistryError[] } {
  const errors: RegistryError[] = [];
  const index = new Map<RegistryField, number>();
  let revenueScale = 1;
  fields.forEach((raw, i) => {
    const spec = HEADER_ALIASES.get(headerKey(raw));
    if (!spec) return;
    if (index.has(spec.field)) {
      errors.push({
        field: 'header',
        message: msg(`Cột "${raw.trim()}" trùng với một cột đã có`, `Column "${raw.trim()}" duplicates another column`),
      });
      return;
    }
    index.set(spec.field, i);
    if (spec.field === 'revenueVnd') revenueScale = spec.scale ?? 1;
  });
  for (const r of REQUIRED) {
    if (!index.has(r.field)) {
      errors.push({ field: 'header', message: msg(`Thiếu cột ${r.vi}`, `Missing column: ${r.en}`) });
    }
  }
  return errors.length > 0 ? { errors } : { columns: { index, revenueScale } };
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

const DIVISION_RANGES: readonly (readonly [number, number, VsicCode])[] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

/** The VSIC 2018 section of a 2-digit division (1–99), or null for a number that is not a division. */
export function vsicSectionOfDivision(division: number): VsicCode | null {
  for (const [lo, hi, section] of DIVISION_RANGES) if (division >= lo && division <= hi) return section;
  return null;
}

const VSIC_LETTER = /^([A-Ua-u])(?![\p{L}\p{N}])/u;
const VSIC_NUMBER = /^(\d{2,5})(?!\d)(?![.,]\d)/;

/** A section letter or a numeric VSIC code → its section; null when it is neither. */
export function parseVsic(input: string): VsicCode | null {
  const text = input.trim();
  const letter = VSIC_LETTER.exec(text);
  if (letter) return letter[1]!.toUpperCase() as VsicCode;
  const number = VSIC_NUMBER.exec(text);
  if (number) return vsicSectionOfDivision(Number(number[1]!.slice(0, 2)));
  return null;
}

const SPACES = /[\s\u00A0\u202F]+/gu;

/** Non-negative number in the formats of the module comment, or null when unreadable. */
function parseAmount(input: string): number | null {
  const text = input.trim();
  if (/^\d{1,3}(?:([.,\s\u00A0\u202F])\d{3})(?:\1\d{3})*$/u.test(text)) {
    // One kind of separator between groups of three digits: thousands.
    return Number(text.replace(/[.,\s\u00A0\u202F]/gu, ''));
  }
  const compact = text.replace(SPACES, '');
  if (/^\d+$/.test(compact)) return Number(compact);
  // "1.234.567,5" / "1,234,567.5": thousands then a decimal mark.
  let m = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(compact);
  if (m) return Number(`${m[1]!.replaceAll('.', '')}.${m[2]}`);
  m = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(compact);
  if (m) return Number(`${m[1]!.replaceAll(',', '')}.${m[2]}`);
  m = /^(\d+)[.,](\d+)$/.exec(compact);
  if (m) return Number(`${m[1]}.${m[2]}`);
  if (/^\d+(?:[.,]\d+)?[eE]\+?\d+$/.test(compact)) return Number(compact.replace(',', '.'));
  return null;
}

function parseTax(raw: string): { value: string } | { error: string } {
  const first = parseTaxCode(raw);
  if (first.ok) return { value: first.value };
  const compact = raw.trim();
  if (/^\d{9}(?:\s*[-\u2010-\u2015\u2212]\s*\d{3})?$/u.test(compact)) {
    const padded = parseTaxCode(`0${compact}`);
    if (padded.ok) return { value: padded.value };
  }
  const m = TAX_CODE_MESSAGES[first.reason];
  return { error: msg(m.vi, m.en) };
}

function validateRecord(
  fields: readonly string[],
  columns: Columns,
  resolveCommune?: CommuneResolver,
): { value: RegistryRow } | { errors: RegistryError[] } {
  const cell = (f: RegistryField): string => {
    const i = columns.index.get(f);
    return i === undefined ? '' : (fields[i] ?? '');
  };
  const errors: RegistryError[] = [];

  let taxCode = '';
  const taxRaw = cell('taxCode');
  if (taxRaw.trim() === '') {
    errors.push({ field: 'taxCode', message: msg('Thiếu mã số thuế', 'Tax code is missing') });
  } else {
    const t = parseTax(taxRaw);
    if ('error' in t) errors.push({ field: 'taxCode', message: t.error });
    else taxCode = t.value;
  }

  // The shared free-text rule: a control or bidirectional character would make the name render
  // blank or reversed and never match a search.
  const checkedName = checkFreeText(cell('name'), {
    label: { vi: 'tên doanh nghiệp', en: 'business name' },
    max: BUSINESS_NAME_MAX,
    messages: { required: msg('Thiếu tên doanh nghiệp', 'Name is missing') },
  });
  const name = checkedName.ok ? checkedName.value : '';
  if (!checkedName.ok) errors.push({ field: 'name', message: checkedName.message });

  let vsic: VsicCode | null = null;
  const vsicRaw = cell('vsic').trim();
  if (vsicRaw !== '') {
    vsic = parseVsic(vsicRaw);
    if (vsic === null) {
      errors.push({
        field: 'vsic',
        message: msg(
          `Ngành "${vsicRaw}" không phải chữ cái A–U hay mã ngành VSIC 2018 (ví dụ 4711)`,
          `Sector "${vsicRaw}" is neither a VSIC 2018 section letter A–U nor a VSIC code (e.g. 4711)`,
        ),
      });
    }
  }

  let communeCode = '';
  const communeRaw = cell('communeCode').trim();
  if (communeRaw === '') {
    errors.push({ field: 'communeCode', message: msg('Thiếu mã xã', 'Commune code is missing') });
  } else if (resolveCommune) {
    const m = resolveCommune(communeRaw);
    if (m.ok) communeCode = m.code;
    else errors.push({ field: 'communeCode', message: m.message });
  } else if (/^\d{1,5}$/.test(communeRaw)) {
    communeCode = communeRaw.padStart(5, '0');
  } else {
    errors.push({
      field: 'communeCode',
      message: msg(`Mã xã "${communeRaw}" phải gồm 5 chữ số`, `Commune code "${communeRaw}" must be 5 digits`),
    });
  }

  let employees: number | null = null;
  const employeesRaw = cell('employees').trim();
  if (employeesRaw !== '') {
    const n = parseAmount(employeesRaw);
    if (n === null || !Number.isSafeInteger(n)) {
      errors.push({
        field: 'employees',
        message: msg(`Số lao động "${employeesRaw}" phải là số nguyên không âm`, `Employees "${employeesRaw}" must be a whole number ≥ 0`),
      });
    } else {
      employees = n;
    }
  }

  let revenueVnd: number | null = null;
  const revenueRaw = cell('revenueVnd').trim();
  if (revenueRaw !== '') {
    const n = parseAmount(revenueRaw);
    if (n === null || !Number.isFinite(n)) {
      errors.push({
        field: 'revenueVnd',
        message: msg(`Doanh thu "${revenueRaw}" phải là số không âm`, `Revenue "${revenueRaw}" must be a number ≥ 0`),
      });
    } else {
      revenueVnd = Math.round(n * columns.revenueScale);
    }
  }

  if (errors.length > 0) return { errors };
  return { value: { taxCode, name, vsic, communeCode, employees, revenueVnd } };
}

// ---------------------------------------------------------------------------
// Streaming tokenizer
// ---------------------------------------------------------------------------

const TOKEN = {
  FIELD_START: 0,
  UNQUOTED: 1,
  QUOTED: 2,
  QUOTE_IN_QUOTED: 3,
  AFTER_CLOSE: 4,
} as const;
type TokenState = (typeof TOKEN)[keyof typeof TOKEN];

interface RawRecord {
  line: number;
  fields: string[];
  /** Quoting problems met in the record. */
  problems: RegistryError[];
}

const UNCLOSED: RegistryError = {
  field: 'csv',
  message: msg('Ô bắt đầu bằng dấu ngoặc kép nhưng không có dấu đóng', 'A quoted field is never closed'),
};
const AFTER_QUOTE: RegistryError = {
  field: 'csv',
  message: msg(
    'Có ký tự ngay sau dấu ngoặc kép đóng; hãy bao cả ô trong ngoặc kép và nhân đôi dấu ngoặc bên trong',
    'Characters follow a closing quote; quote the whole field and double inner quotes',
  ),
};
const STRAY_QUOTE: RegistryError = {
  field: 'csv',
  message: msg(
    'Ô có dấu ngoặc kép phải được bao trong ngoặc kép, với dấu ngoặc bên trong nhân đôi',
    'A field containing quotes must be quoted, with inner quotes doubled',
  ),
};

class Tokenizer {
  private state: TokenState = TOKEN.FIELD_START;
  private field = '';
  private fields: string[] = [];
  private problems: RegistryError[] = [];
  /** The previous character was a CR (a following LF belongs to it). */
  private afterCR = false;
  private line = 1;
  private recordLine = 1;
  /** Characters read since the current record started. */
  private recordChars = 0;
  private readonly delimiter: string;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
  }

  private addProblem(p: RegistryError): void {
    if (!this.problems.includes(p)) this.problems.push(p);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = TOKEN.FIELD_START;
  }

  private endRecord(out: RawRecord[]): void {
    this.endField();
    // Blank lines, and lines of empty cells that spreadsheets leave at the end (";;;;"), carry no record.
    const blank = this.problems.length === 0 && this.fields.every((f) => f.trim() === '');
    if (!blank) out.push({ line: this.recordLine, fields: this.fields, problems: this.problems });
    this.fields = [];
    this.problems = [];
    this.recordChars = 0;
  }

  push(text: string, out: RawRecord[]): void {
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (++this.recordChars > MAX_LINE_CHARS) throw new RegistryLineTooLongError(this.recordLine);
      const wasCR = this.afterCR;
      this.afterCR = c === '\r';
      if (c === '\n' && wasCR) {
        // Second half of a CRLF: the line was counted (and any record ended) at the CR.
        if (this.state === TOKEN.QUOTED) this.field += c;
        continue;
      }
      const lineEnd = c === '\n' || c === '\r';
      switch (this.state) {
        case TOKEN.QUOTED:
          if (c === '"') this.state = TOKEN.QUOTE_IN_QUOTED;
          else {
            this.field += c;
            if (lineEnd) this.line++;
          }
          break;
        case TOKEN.QUOTE_IN_QUOTED:
          if (c === '"') {
            this.field += '"';
            this.state = TOKEN.QUOTED;
            break;
          }
          this.state = TOKEN.AFTER_CLOSE;
          this.afterClose(c, lineEnd, d, out);
          break;
        case TOKEN.AFTER_CLOSE:
          this.afterClose(c, lineEnd, d, out);
          break;
        case TOKEN.FIELD_START:
          if (c === '"') {
            this.state = TOKEN.QUOTED;
            break;
          }
          this.state = TOKEN.UNQUOTED;
        // falls through
        case TOKEN.UNQUOTED:
          if (c === d) this.endField();
          else if (lineEnd) this.newLine(out);
          else {
            if (c === '"') this.addProblem(STRAY_QUOTE);
            this.field += c;
          }
          break;
      }
    }
  }

  private afterClose(c: string, lineEnd: boolean, d: string, out: RawRecord[]): void {
    if (c === d) this.endField();
    else if (lineEnd) this.newLine(out);
    else {
      this.addProblem(AFTER_QUOTE);
      this.field += c;
    }
  }

  private newLine(out: RawRecord[]): void {
    this.endRecord(out);
    this.line++;
    this.recordLine = this.line;
  }

  end(out: RawRecord[]): void {
    if (this.state === TOKEN.QUOTED) {
      this.addProblem(UNCLOSED);
      this.endRecord(out);
    } else if (this.state !== TOKEN.FIELD_START || this.fields.length > 0) {
      this.endRecord(out);
    }
    this.state = TOKEN.FIELD_START;
  }
}

/** `;` when the header line holds more semicolons than commas outside quotes, else `,`. */
function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Finds the end of the header line: the first CR or LF outside quotes that follows some non-blank
 * text. Fed the text as it grows, it resumes where it stopped, so each character is scanned once.
 */
class HeaderLineScanner {
  private pos = 0;
  private quoted = false;
  private seenText = false;

  /** Characters scanned so far. */
  get length(): number {
    return this.pos;
  }

  /** Scans the next piece of text; the index of the line end in all the text so far, or -1. */
  find(chunk: string): number {
    for (let i = 0; i < chunk.length; i++, this.pos++) {
      const c = chunk[i]!;
      if (c === '"') this.quoted = !this.quoted;
      if (!this.quoted && (c === '\n' || c === '\r')) {
        if (this.seenText) return this.pos;
      } else if (c.trim() !== '') {
        this.seenText = true;
      }
    }
    return -1;
  }
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

/**
 * `resolveCommune` reads the commune cell (a code or a name, see commune-names.ts) and checks it belongs to the
 * province; without it the cell must be a 1–5 digit code, checked by the caller.
 */
export function createRegistryParser(options: { resolveCommune?: CommuneResolver } = {}): RegistryParser {
  let started = false;
  /** Text held until the header line is complete (to detect the delimiter), in the pieces pushed. */
  let pending: string[] = [];
  const headerScan = new HeaderLineScanner();
  let tokenizer: Tokenizer | null = null;
  let columns: Columns | null = null;
  let headerFailed = false;
  let ended = false;

  const handle = (records: readonly RawRecord[]): RegistryRowResult[] => {
    const results: RegistryRowResult[] = [];
    for (const r of records) {
      if (headerFailed) continue;
      if (columns === null) {
        const header = readHeader(r.fields);
        if ('errors' in header) {
          headerFailed = true;
          results.push({ row: r.line, ok: false, errors: [...r.problems, ...header.errors] });
        } else {
          columns = header.columns;
        }
        continue;
      }
      const checked = validateRecord(r.fields, columns, options.resolveCommune);
      if (r.problems.length > 0) {
        results.push({ row: r.line, ok: false, errors: [...r.problems, ...('errors' in checked ? checked.errors : [])] });
      } else if ('errors' in checked) {
        results.push({ row: r.line, ok: false, errors: checked.errors });
      } else {
        results.push({ row: r.line, ok: true, value: checked.value });
      }
    }
    return results;
  };

  const feed = (text: string): RegistryRowResult[] => {
    const records: RawRecord[] = [];
    tokenizer!.push(text, records);
    return handle(records);
  };

  return {
    push(chunk: string): RegistryRowResult[] {
      if (ended) throw new Error('registry parser: push after end');
      let text = chunk;
      if (!started) {
        if (text.length === 0) return [];
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      if (tokenizer === null) {
        pending.push(text);
        const at = headerScan.find(text);
        if (at === -1) {
          if (headerScan.length > MAX_LINE_CHARS) throw new RegistryLineTooLongError(1);
          return [];
        }
        const held = pending.join('');
        pending = [];
        tokenizer = new Tokenizer(detectDelimiter(held.slice(0, at)));
        return feed(held);
      }
      return feed(text);
    },
    end(): RegistryRowResult[] {
      if (ended) return [];
      ended = true;
      if (tokenizer === null) {
        const held = pending.join('');
        pending = [];
        if (held.trim() === '') {
          return [{ row: 1, ok: false, errors: [{ field: 'header', message: msg('Tệp trống', 'The file is empty') }] }];
        }
        tokenizer = new Tokenizer(detectDelimiter(held));
        const records: RawRecord[] = [];
        tokenizer.push(held, records);
        tokenizer.end(records);
        return handle(records);
      }
      const records: RawRecord[] = [];
      tokenizer.end(records);
      const results = handle(records);
      if (columns === null && !headerFailed) {
        results.push({ row: 1, ok: false, errors: [{ field: 'header', message: msg('Tệp trống', 'The file is empty') }] });
      }
      return results;
    },
  };
}

/** Whole-text convenience over the streaming parser. */
export function parseRegistryCsv(text: string, options: { resolveCommune?: CommuneResolver } = {}): RegistryRowResult[] {
  const parser = createRegistryParser(options);
  return [...parser.push(text), ...parser.end()];
}
