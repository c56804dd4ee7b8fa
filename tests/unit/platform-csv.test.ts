import { describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';
import { CSV_COLUMNS, catalogToCsv, detectDelimiter, parseCatalogCsv, tokenizeCsv } from '#src/domain/platforms/csv.ts';
import type { CsvError, ParseCatalogCsvResult } from '#src/domain/platforms/csv.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';

const BOM = '\uFEFF';

const base: Platform = {
  id: 'htx-demo',
  name: 'Sàn thử nghiệm',
  provider: 'Hợp tác xã Nông nghiệp Thử',
  url: 'https://example.vn',
  category: 'ecommerce',
  needs: ['farm_ocop_floor', 'ecommerce_marketplace'],
  description: { vi: 'Mô tả ngắn.', en: 'Short description.' },
  costModel: 'freemium',
  makeInVietnam: true,
  fits: { sizes: ['micro', 'small'], sectors: ['A', 'C'], producerTypes: ['cooperative', 'household'] },
  requires: ['smartphone'],
  improves: ['p_on_floor'],
  lastChecked: '2026-11-01',
  source: 'https://example.vn/gioi-thieu',
};

function ok(result: ParseCatalogCsvResult): Platform[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.platforms;
}

function errors(result: ParseCatalogCsvResult): CsvError[] {
  if (result.ok) throw new Error('expected errors, got ok');
  expect(result).not.toHaveProperty('platforms');
  return result.errors;
}

/** Builds rows that do not pass the schema: catalogToCsv writes whatever it is given. */
const loose = (p: Record<string, unknown>) => p as unknown as Platform;

describe('catalogToCsv / parseCatalogCsv round trip', () => {
  it('export → import → export is byte-identical for the whole catalog', () => {
    const csv = catalogToCsv(PLATFORM_CATALOG);
    const platforms = ok(parseCatalogCsv(csv));
    expect(platforms).toEqual(PLATFORM_CATALOG);
    expect(catalogToCsv(platforms)).toBe(csv);
  });

  it('writes a UTF-8 BOM, the header and one CRLF-terminated line per platform', () => {
    const csv = catalogToCsv([base]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([CSV_COLUMNS.join(','), expect.stringMatching(/^htx-demo,/), '']);
    expect(catalogToCsv([base], { bom: false }).startsWith('id,')).toBe(true);
  });

  it('writes list fields as |-separated values and empty cells for missing optional fields', () => {
    const line = catalogToCsv([base], { bom: false }).split('\r\n')[1]!;
    expect(line).toBe(
      'htx-demo,Sàn thử nghiệm,Hợp tác xã Nông nghiệp Thử,https://example.vn,ecommerce,farm_ocop_floor|ecommerce_marketplace,' +
        'Mô tả ngắn.,Short description.,freemium,,,,,true,micro|small,A|C,cooperative|household,smartphone,p_on_floor,2026-11-01,,' +
        'https://example.vn/gioi-thieu,',
    );
  });

  it('round-trips commas, quotes, CR/LF newlines and Vietnamese text inside fields', () => {
    const tricky: Platform = {
      ...base,
      id: 'cho-que',
      name: 'Chợ "Quê", Ninh Bình',
      description: {
        vi: 'Dòng một, có dấu phẩy; và "ngoặc kép".\nDòng hai: giá; ưu đãi',
        en: 'Line one, with a comma.\r\nLine two "quoted"',
      },
      priceNote: { vi: 'Liên hệ nhà cung cấp', en: 'Ask the provider' },
      freeTrial: { vi: 'Miễn phí 3–6 tháng', en: 'Free for 3–6 months' },
      retired: false,
    };
    for (const delimiter of [',', ';'] as const) {
      const csv = catalogToCsv([tricky, base], { delimiter });
      const back = ok(parseCatalogCsv(csv));
      expect(back).toEqual([tricky, base]);
      expect(catalogToCsv(back, { delimiter })).toBe(csv);
    }
    const csv = catalogToCsv([tricky]);
    expect(csv).toContain('"Chợ ""Quê"", Ninh Bình"');
  });

  it('keeps retired: true and the absence of retired apart', () => {
    const back = ok(
      parseCatalogCsv(
        catalogToCsv([
          { ...base, retired: true },
          { ...base, id: 'b' },
        ]),
      ),
    );
    expect(back[0]!.retired).toBe(true);
    expect(back[1]).not.toHaveProperty('retired');
  });
});

describe('parseCatalogCsv input formats', () => {
  const header = CSV_COLUMNS.join(';');
  const row = [
    'mot-nen-tang',
    'Một nền tảng',
    'Công ty A',
    'https://a.vn',
    'sales_management',
    'sales_management | inventory',
    '"Bán hàng; quản lý kho."',
    '"Sales; stock."',
    'paid',
    '',
    '',
    '',
    '',
    'TRUE',
    'micro|small',
    '*',
    'household',
    'smartphone',
    'p_records',
    '2026-10-01',
    '',
    'https://a.vn/gioi-thieu',
    '',
  ].join(';');

  it('issue 13: reads a file exported before the source column existed, but refuses its rows without a source', () => {
    // Every entry must name the public page it was checked against (docs/catalog.md), so an old file
    // still reads as a file, and each of its rows is reported by line and column until a source is added.
    const old = CSV_COLUMNS.filter((c) => c !== 'source' && c !== 'unverified').join(';');
    const oldRow = row.split(';').slice(0, -2).join(';');
    expect(errors(parseCatalogCsv(`${old}\n${oldRow}\n`))).toEqual([
      { row: 2, field: 'source', message: expect.stringMatching(/Thiếu nguồn kiểm tra.* \/ source is required/) },
    ]);
    const sourced = ok(parseCatalogCsv(`${old};source\n${oldRow};https://a.vn/gioi-thieu\n`));
    expect(sourced[0]!.source).toBe('https://a.vn/gioi-thieu');
    expect(sourced[0]).not.toHaveProperty('unverified');
  });

  it('issue 13: keeps the check time and the not-re-verified flag of a row', () => {
    const timed = { ...base, lastChecked: '2026-11-30T22:44:31Z' };
    const flagged = { ...base, id: 'chua-xac-minh', unverified: true };
    const back = ok(parseCatalogCsv(catalogToCsv([timed, flagged])));
    expect(back).toEqual([timed, flagged]);
    expect(back[0]).not.toHaveProperty('unverified');
    const badTime = catalogToCsv([{ ...base, lastChecked: '2026-11-30T25:00Z' }], { bom: false });
    expect(errors(parseCatalogCsv(badTime)).map((e) => [e.row, e.field])).toEqual([[2, 'lastChecked']]);
  });

  it('reads a semicolon file without BOM, with LF line ends and Excel-style TRUE', () => {
    const platforms = ok(parseCatalogCsv(`${header}\n${row}\n`));
    expect(platforms).toHaveLength(1);
    expect(platforms[0]).toMatchObject({
      id: 'mot-nen-tang',
      needs: ['sales_management', 'inventory'],
      description: { vi: 'Bán hàng; quản lý kho.', en: 'Sales; stock.' },
      makeInVietnam: true,
      fits: { sectors: ['*'] },
    });
  });

  it('reads BOM + comma + CRLF, CR-only line ends, blank lines and columns in any order', () => {
    const exported = catalogToCsv([base]);
    expect(ok(parseCatalogCsv(exported))).toEqual([base]);
    expect(ok(parseCatalogCsv(exported.slice(1).replaceAll('\r\n', '\r')))).toEqual([base]);
    expect(ok(parseCatalogCsv(`${exported}\r\n\r\n`))).toEqual([base]);

    const [head, line] = exported.slice(1).split('\r\n') as [string, string];
    const reversed = (s: string) => s.split(',').reverse().join(',');
    // base has no commas inside fields, so splitting on ',' is safe here.
    expect(ok(parseCatalogCsv(`${reversed(head)}\n${reversed(line)}\n`))).toEqual([base]);
  });

  it('accepts a header-only file as an empty catalog', () => {
    expect(ok(parseCatalogCsv(`${BOM}${CSV_COLUMNS.join(',')}\r\n`))).toEqual([]);
  });

  it('detects the delimiter from the header line only', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('"x;y;z",b\n')).toBe(',');
  });

  it('tokenizes quoted newlines and reports the line each record starts on', () => {
    const { records, errors: errs } = tokenizeCsv('a,b\r\n"x\r\ny",z\r\nlast,"q"""\r\n', ',');
    expect(errs).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\r\ny', 'z'] },
      { line: 4, fields: ['last', 'q"'] },
    ]);
  });
});

describe('parseCatalogCsv errors', () => {
  it('reports every invalid row with its line and field, and imports nothing', () => {
    const csv = catalogToCsv(
      [
        base, // line 2
        { ...base, id: 'multi-line', description: { vi: 'Dòng một\nDòng hai', en: 'One, two' } }, // lines 3–4
        loose({ ...base, id: 'bad-category', category: 'crypto' }), // line 5
        loose({ ...base, id: 'bad-url', url: 'http://example.vn' }), // line 6
        loose({ ...base, id: 'no-name', name: '' }), // line 7
        { ...base }, // line 8: duplicate of line 2
        loose({ ...base, id: 'bad-list', needs: ['e_invoice', 'teleport'] }), // line 9
      ],
      { bom: false },
    );
    const withShortRow = `${csv}too-short,Thiếu cột\r\n`; // line 10
    const errs = errors(parseCatalogCsv(withShortRow));
    const found = errs.map((e) => [e.row, e.field ?? null]);
    expect(found).toEqual([
      [5, 'category'],
      [6, 'url'],
      [7, 'name'],
      [8, 'id'],
      [9, 'needs'],
      [10, null],
    ]);
    for (const e of errs) expect(e.message).toContain(' / ');
    expect(errs.find((e) => e.row === 8)!.message).toMatch(/dòng 2.*row 2/);
    expect(errs.find((e) => e.row === 10)!.message).toMatch(/2 cột, cần 23.*2 columns, expected 23/);
  });

  it('fails the whole import for a single bad row', () => {
    const csv = catalogToCsv([...PLATFORM_CATALOG, loose({ ...base, costModel: 'cheap' })]);
    const errs = errors(parseCatalogCsv(csv));
    expect(errs).toEqual([{ row: PLATFORM_CATALOG.length + 2, field: 'costModel', message: expect.any(String) }]);
  });

  it('checks the header', () => {
    const missing = CSV_COLUMNS.filter((c) => c !== 'url').join(',');
    expect(errors(parseCatalogCsv(`${missing}\n`))).toEqual([
      { row: 1, field: 'url', message: expect.stringMatching(/Thiếu cột.*Missing column/) },
    ]);
    const extra = `${CSV_COLUMNS.join(',')},price\n`;
    expect(errors(parseCatalogCsv(extra))).toEqual([{ row: 1, field: 'price', message: expect.stringMatching(/price/) }]);
    const twice = `${CSV_COLUMNS.join(',')},id\n`;
    expect(errors(parseCatalogCsv(twice))[0]).toMatchObject({ row: 1, field: 'id' });
    expect(errors(parseCatalogCsv(''))).toEqual([{ row: 1, message: expect.stringMatching(/trống.*empty/) }]);
    expect(errors(parseCatalogCsv(`${BOM}\r\n`))[0]!.row).toBe(1);
  });

  it('reports broken quoting', () => {
    const head = catalogToCsv([], { bom: false });
    const good = catalogToCsv([base], { bom: false }).split('\r\n')[1]!;
    const unterminated = `${head}${good}\r\n"never closed,${good.slice(good.indexOf(',') + 1)}\r\n`;
    expect(errors(parseCatalogCsv(unterminated))).toEqual([{ row: 3, message: expect.stringMatching(/ngoặc kép.*never closed/) }]);

    const stray = `${head}${good.replace('Sàn thử nghiệm', 'Sàn "thử" nghiệm')}\r\n`;
    expect(errors(parseCatalogCsv(stray))).toEqual([{ row: 2, message: expect.stringMatching(/quoted/) }]);

    const trailing = `${head}${good.replace('Sàn thử nghiệm', '"Sàn"x')}\r\n`;
    expect(errors(parseCatalogCsv(trailing))).toEqual([{ row: 2, message: expect.stringMatching(/closing quote/) }]);
  });

  it('rejects a half-filled bilingual note, a bad boolean and a future date', () => {
    const csv = catalogToCsv(
      [
        loose({ ...base, id: 'a', priceNote: { vi: 'Liên hệ nhà cung cấp', en: '' } }),
        loose({ ...base, id: 'b', makeInVietnam: 'có' }),
        { ...base, id: 'c', lastChecked: '2026-12-01' },
      ],
      { bom: false },
    );
    expect(errors(parseCatalogCsv(csv, { asOf: '2026-11-23' })).map((e) => [e.row, e.field])).toEqual([
      [2, 'priceNote_en'],
      [3, 'makeInVietnam'],
      [4, 'lastChecked'],
    ]);
    // Without a reference day the future date alone is not an error.
    expect(errors(parseCatalogCsv(csv)).map((e) => e.row)).toEqual([2, 3]);
  });

  it('refuses spreadsheet formulas in text cells', () => {
    const csv = catalogToCsv([loose({ ...base, provider: '=cmd|"/c calc"!A1' })], { bom: false });
    expect(errors(parseCatalogCsv(csv))).toEqual([{ row: 2, field: 'provider', message: expect.stringMatching(/= \+ - @/) }]);
  });
});
