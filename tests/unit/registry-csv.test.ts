import { describe, expect, it } from 'vitest';
import {
  createRegistryParser,
  headerKey,
  MAX_LINE_CHARS,
  RegistryLineTooLongError,
  parseRegistryCsv,
  parseVsic,
  vsicSectionOfDivision,
} from '#src/domain/imports/registry-csv.ts';
import type { RegistryRowResult } from '#src/domain/imports/registry-csv.ts';
import { makeTaxCode } from '#src/domain/identity/tax-code.ts';

const BOM = '\uFEFF';
// Valid codes (check digit by makeTaxCode): 0600123451, 0600543216, 0700111114, 2700000016.

function okRows(results: RegistryRowResult[]) {
  return results.map((r) => {
    if (!r.ok) throw new Error(`row ${r.row}: ${JSON.stringify(r.errors)}`);
    return { row: r.row, ...r.value };
  });
}

const SAMPLE =
  BOM +
  'Mã số thuế;Tên doanh nghiệp;Ngành;Mã xã;Số lao động;Doanh thu;Ghi chú\r\n' +
  '0600123451;"Công ty TNHH ""Hoa Sen""; chi nhánh Nam Định";4711;14001;25;3.000.000.000;\r\n' +
  '0600543216;"HTX Nông nghiệp\r\nÝ Yên";A;14002;;;"ghi chú; có ""ngoặc"""\r\n' +
  '\r\n' +
  '0700111114;Hộ kinh doanh Minh Anh;G;14003;3;450000000;x\n' +
  '12345;;Z9;14x;-1;abc;\n' +
  '2700000016;Cơ sở Tân Phú;10;1404;1.234;2,5;\r\n' +
  ';;;;;;\r\n';

describe('parseRegistryCsv', () => {
  it('reads a Vietnamese-header, semicolon, BOM, CRLF file with quoted delimiters, quotes and line breaks', () => {
    const results = parseRegistryCsv(SAMPLE);
    expect(results.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [6, true],
      [7, false],
      [8, true],
    ]);
    const ok = okRows(results.filter((r) => r.ok));
    expect(ok[0]).toEqual({
      row: 2,
      taxCode: '0600123451',
      name: 'Công ty TNHH "Hoa Sen"; chi nhánh Nam Định',
      vsic: 'G',
      communeCode: '14001',
      employees: 25,
      revenueVnd: 3_000_000_000,
    });
    // A line break inside a quoted name becomes one space; the record is reported at its first line.
    expect(ok[1]).toMatchObject({ row: 3, name: 'HTX Nông nghiệp Ý Yên', vsic: 'A', employees: null, revenueVnd: null });
    // Row 5 was blank; row 6 ends with LF only.
    expect(ok[2]).toMatchObject({ row: 6, taxCode: '0700111114', vsic: 'G', employees: 3, revenueVnd: 450_000_000 });
    // Division 10 → C; 4-digit commune code padded; 1.234 = 1 234 staff; "2,5" read as 2.5 VND → 3 (rounded).
    expect(ok[3]).toMatchObject({ row: 8, vsic: 'C', communeCode: '01404', employees: 1234, revenueVnd: 3 });
  });

  it('reports every problem of a bad row with its row number', () => {
    const bad = parseRegistryCsv(SAMPLE).find((r) => !r.ok)!;
    expect(bad.row).toBe(7);
    if (bad.ok) throw new Error('unreachable');
    expect(bad.errors.map((e) => e.field)).toEqual(['taxCode', 'name', 'vsic', 'communeCode', 'employees', 'revenueVnd']);
    for (const e of bad.errors) expect(e.message).toMatch(/ \/ /); // "vi / en"
    expect(bad.errors[0]!.message).toContain('Mã số thuế');
  });

  it('NFC-normalises names', () => {
    const decomposed = 'Ho\u0302\u0323 kinh doanh'; // "Hộ" decomposed
    const r = okRows(parseRegistryCsv(`mst,ten,ma_xa\n0600123451,${decomposed},14001\n`));
    expect(r[0]!.name).toBe('Hộ kinh doanh'.normalize('NFC'));
    expect(r[0]!.name).toBe(r[0]!.name.normalize('NFC'));
  });

  it('accepts English headers in any order, commas, optional columns absent', () => {
    const r = okRows(parseRegistryCsv('Commune code,Name,Tax code\n14001,"Minh Anh, Ltd",0600123451\n'));
    expect(r).toEqual([
      { row: 2, taxCode: '0600123451', name: 'Minh Anh, Ltd', vsic: null, communeCode: '14001', employees: null, revenueVnd: null },
    ]);
  });

  it('reports missing required columns on row 1 and parses nothing else', () => {
    const results = parseRegistryCsv('ten;nganh\nA;G\nB;C\n');
    expect(results).toHaveLength(1);
    const [h] = results;
    expect(h!.row).toBe(1);
    if (h!.ok) throw new Error('expected a header error');
    expect(h!.errors.map((e) => e.message)).toEqual([
      'Thiếu cột mã số thuế / Missing column: tax code',
      'Thiếu cột xã/phường (mã hoặc tên) / Missing column: commune (code or name)',
    ]);
  });

  it('reports a duplicated column', () => {
    const [h] = parseRegistryCsv('mst,tax_code,ten,ma_xa\n');
    expect(h!.ok).toBe(false);
  });

  it('reports an empty file', () => {
    expect(parseRegistryCsv('')).toEqual([{ row: 1, ok: false, errors: [expect.objectContaining({ field: 'header' })] }]);
    expect(parseRegistryCsv(BOM + '\r\n')[0]!.ok).toBe(false);
  });

  it('parses a header without a final line break, and a last record without one', () => {
    expect(parseRegistryCsv('mst,ten,ma_xa')).toEqual([]);
    expect(okRows(parseRegistryCsv('mst,ten,ma_xa\r\n0600123451,A,14001')).map((r) => r.row)).toEqual([2]);
  });

  it('reports broken quoting', () => {
    const results = parseRegistryCsv('mst,ten,ma_xa\n0600123451,A "B",14001\n0600543216,"C"x,14001\n0700111114,"never closed,14001\n');
    expect(results.map((r) => [r.row, r.ok, r.ok ? [] : r.errors.map((e) => e.field)])).toEqual([
      [2, false, ['csv']],
      [3, false, ['csv']],
      [4, false, ['csv', 'communeCode']], // the rest of the file is inside the name
    ]);
  });

  it('restores a leading zero lost in a spreadsheet when the check digit then holds', () => {
    const r = parseRegistryCsv('mst,ten,ma_xa\n600123451,A,14001\n600123452,B,14001\n600123451-002,C,14001\n');
    expect(r[0]).toMatchObject({ ok: true, value: { taxCode: '0600123451' } });
    expect(r[1]!.ok).toBe(false);
    expect(r[2]).toMatchObject({ ok: true, value: { taxCode: '0600123451-002' } });
  });

  it('reads revenue formats and million/billion headers', () => {
    const parse = (header: string, value: string) => {
      const [r] = parseRegistryCsv(`mst;ten;ma_xa;${header}\n0600123451;A;14001;${value}\n`);
      return r!.ok ? r!.value.revenueVnd : 'error';
    };
    expect(parse('doanh_thu', '3.000.000.000')).toBe(3e9);
    expect(parse('doanh_thu', '3,000,000,000')).toBe(3e9);
    expect(parse('doanh_thu', '3 000 000 000')).toBe(3e9);
    expect(parse('doanh_thu', '3E+09')).toBe(3e9);
    expect(parse('doanh_thu', '1.500')).toBe(1500);
    expect(parse('doanh_thu', '1.234.567,89')).toBe(1234568);
    expect(parse('doanh_thu', '-5')).toBe('error');
    expect(parse('doanh_thu', '3.000,000.000')).toBe('error');
    expect(parse('Doanh thu (triệu đồng)', '2,5')).toBe(2_500_000);
    expect(parse('Doanh thu (tỷ đồng)', '1.1')).toBe(1_100_000_000);
    expect(parse('Revenue', '')).toBeNull();
  });

  it('rejects fractional staff numbers', () => {
    const [r] = parseRegistryCsv('mst,ten,ma_xa,employees\n0600123451,A,14001,"12,5"\n');
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'employees' }] });
  });
});

describe('headers and VSIC', () => {
  it('normalises header text', () => {
    expect(headerKey('Mã số thuế')).toBe('ma_so_thue');
    expect(headerKey(' Số lao động ')).toBe('so_lao_dong');
    expect(headerKey('Doanh thu (triệu đồng)')).toBe('doanh_thu_trieu_dong');
    expect(headerKey('MÃ XÃ')).toBe('ma_xa');
    expect(headerKey('commune-code')).toBe('commune_code');
  });

  it('maps every 2-digit division boundary to its section', () => {
    const cases: [number, string | null][] = [
      [1, 'A'],
      [3, 'A'],
      [4, null],
      [5, 'B'],
      [9, 'B'],
      [10, 'C'],
      [33, 'C'],
      [34, null],
      [35, 'D'],
      [36, 'E'],
      [39, 'E'],
      [40, null],
      [41, 'F'],
      [43, 'F'],
      [44, null],
      [45, 'G'],
      [47, 'G'],
      [48, null],
      [49, 'H'],
      [53, 'H'],
      [54, null],
      [55, 'I'],
      [56, 'I'],
      [57, null],
      [58, 'J'],
      [63, 'J'],
      [64, 'K'],
      [66, 'K'],
      [67, null],
      [68, 'L'],
      [69, 'M'],
      [75, 'M'],
      [76, null],
      [77, 'N'],
      [82, 'N'],
      [83, null],
      [84, 'O'],
      [85, 'P'],
      [86, 'Q'],
      [88, 'Q'],
      [89, null],
      [90, 'R'],
      [93, 'R'],
      [94, 'S'],
      [96, 'S'],
      [97, 'T'],
      [98, 'T'],
      [99, 'U'],
      [0, null],
    ];
    for (const [division, section] of cases) expect(vsicSectionOfDivision(division), String(division)).toBe(section);
  });

  it('reads letters and numeric codes, with or without a description', () => {
    expect(parseVsic('4711')).toBe('G');
    expect(parseVsic('01110')).toBe('A');
    expect(parseVsic('47')).toBe('G');
    expect(parseVsic('4711 - Bán lẻ lương thực')).toBe('G');
    expect(parseVsic('g')).toBe('G');
    expect(parseVsic('C: Công nghiệp chế biến')).toBe('C');
    expect(parseVsic('U')).toBe('U');
    expect(parseVsic('V')).toBeNull();
    expect(parseVsic('Bán lẻ')).toBeNull();
    expect(parseVsic('4')).toBeNull();
    expect(parseVsic('471111')).toBeNull();
    expect(parseVsic('3400')).toBeNull();
  });
});

describe('streaming', () => {
  const whole = parseRegistryCsv(SAMPLE);

  it('gives identical results for a split at every position', () => {
    for (let i = 0; i <= SAMPLE.length; i++) {
      const p = createRegistryParser();
      const results = [...p.push(SAMPLE.slice(0, i)), ...p.push(SAMPLE.slice(i)), ...p.end()];
      expect(results, `split at ${i}`).toEqual(whole);
    }
  });

  it('gives identical results for every pair of split points, and one character at a time', () => {
    for (let i = 0; i <= SAMPLE.length; i += 3) {
      for (let j = i; j <= SAMPLE.length; j += 5) {
        const p = createRegistryParser();
        const results = [...p.push(SAMPLE.slice(0, i)), ...p.push(SAMPLE.slice(i, j)), ...p.push(SAMPLE.slice(j)), ...p.end()];
        expect(results, `split at ${i}, ${j}`).toEqual(whole);
      }
    }
    const p = createRegistryParser();
    const results: RegistryRowResult[] = [];
    for (const c of SAMPLE) results.push(...p.push(c));
    results.push(...p.end());
    expect(results).toEqual(whole);
  });

  it('returns each record as soon as it is complete', () => {
    const p = createRegistryParser();
    expect(p.push('mst,ten,ma_xa\n0600123451,A,14001')).toEqual([]);
    expect(p.push('\n')).toHaveLength(1);
    expect(p.push('0600543216,"B\n')).toEqual([]);
    expect(p.push('C",14002\r')).toHaveLength(1);
    expect(p.end()).toEqual([]);
  });

  it('parses a generated 100 000-row file through the streaming API, chunk by chunk', () => {
    const ROWS = 100_000;
    const codes: string[] = [];
    for (let n = 60_000_000; codes.length < 1000; n++) {
      const code = makeTaxCode(String(n).padStart(9, '0'));
      if (code) codes.push(code);
    }
    const p = createRegistryParser();
    let ok = 0;
    let bad = 0;
    let lastRow = 0;
    const count = (results: RegistryRowResult[]) => {
      for (const r of results) {
        if (r.ok) ok++;
        else bad++;
        lastRow = r.row;
      }
    };
    let buffer = BOM + 'ma_so_thue;ten;vsic;ma_xa;lao_dong;doanh_thu\r\n';
    for (let i = 0; i < ROWS; i++) {
      const name = i % 10 === 0 ? `"Công ty ""Số ${i}""; Nam Định"` : `Hộ kinh doanh ${i}`;
      buffer += `${codes[i % codes.length]};${name};${4711 + (i % 3)};${14000 + (i % 129)};${i % 50};${i * 1000}\r\n`;
      // Feed ~7 KB chunks cut at arbitrary places, so records and quotes straddle chunks.
      if (buffer.length > 7001) {
        count(p.push(buffer.slice(0, 7001)));
        buffer = buffer.slice(7001);
      }
    }
    count(p.push(buffer));
    count(p.end());
    expect(ok).toBe(ROWS);
    expect(bad).toBe(0);
    expect(lastRow).toBe(ROWS + 1);
  });
});

describe('a registry file with no newline', () => {
  const HEADER = 'ma_so_thue,ten,ma_xa\n';

  it('registry file with no newline: the line-length limit triggers as soon as it is exceeded, naming the limit', () => {
    const parser = createRegistryParser();
    // Up to the limit the parser only waits for the end of the line.
    for (let sent = 0; sent < MAX_LINE_CHARS; sent += 1024) expect(parser.push('x'.repeat(1024))).toEqual([]);
    let error: unknown;
    try {
      parser.push('x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryLineTooLongError);
    expect((error as RegistryLineTooLongError).row).toBe(1);
    expect((error as Error).message).toContain('65.536 ký tự');
    expect((error as Error).message).toContain('65,536 characters');
  });

  it('a data line past the limit is refused at its own line number, in whatever pieces it comes', () => {
    for (const piece of [1, 7, 4096]) {
      const parser = createRegistryParser();
      parser.push(HEADER + '0100109106,A,14001\n');
      const line = '0300588569,' + 'y'.repeat(MAX_LINE_CHARS);
      let thrownAt = -1;
      for (let i = 0; i < line.length && thrownAt < 0; i += piece) {
        try {
          parser.push(line.slice(i, i + piece));
        } catch (e) {
          expect(e).toBeInstanceOf(RegistryLineTooLongError);
          expect((e as RegistryLineTooLongError).row).toBe(3);
          thrownAt = Math.min(i + piece, line.length);
        }
      }
      // Refused within the piece that passed the limit, not at the end of the file.
      expect(thrownAt).toBeGreaterThan(MAX_LINE_CHARS);
      expect(thrownAt).toBeLessThanOrEqual(MAX_LINE_CHARS + piece);
    }
  });

  it('a quote never closed is refused once it has swallowed more than the limit', () => {
    const parser = createRegistryParser();
    parser.push(HEADER + '0100109106,"never closed,14001\n');
    expect(() => parser.push('0300588569,B,14001\n'.repeat(MAX_LINE_CHARS / 16))).toThrow(RegistryLineTooLongError);
  });

  it('lines just under the limit are still read', () => {
    // Names are length-bounded by the free-text rule, so the bulk is inner spaces, which that rule collapses.
    const name = `N${' '.repeat(MAX_LINE_CHARS - 42)}N`;
    const results = parseRegistryCsv(`${HEADER}0100109106,${name},14001\n`);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, value: { name: 'N N' } });
  });
});
