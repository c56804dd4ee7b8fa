import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { toCsv, toXlsx, zipStored } from '#src/server/output/spreadsheet.ts';

/** Reads back our own STORED zip: name → content, checking every CRC. */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let o = 0;
  while (buf.readUInt32LE(o) === 0x04034b50) {
    const crc = buf.readUInt32LE(o + 14);
    const size = buf.readUInt32LE(o + 18);
    const nameLen = buf.readUInt16LE(o + 26);
    const name = buf.subarray(o + 30, o + 30 + nameLen).toString('utf8');
    const data = buf.subarray(o + 30 + nameLen, o + 30 + nameLen + size);
    expect(crc32(data) >>> 0).toBe(crc);
    out.set(name, data.toString('utf8'));
    o += 30 + nameLen + size;
  }
  expect(buf.readUInt32LE(buf.length - 22)).toBe(0x06054b50);
  return out;
}

describe('spreadsheets', () => {
  it('CSV keeps Vietnamese, quotes what needs quoting, neutralises formulas', () => {
    const csv = toCsv([
      ['Chỉ số', 'Giá trị'],
      ['Tỷ lệ "SME", có nền tảng', 51.2],
      ['=HYPERLINK("x")', null],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFChỉ số,Giá trị\r\n"Tỷ lệ ""SME"", có nền tảng",51.2\r\n"\'=HYPERLINK(""x"")",\r\n');
  });

  it('XLSX is a valid zip with a workbook, the sheet and inline Vietnamese strings', () => {
    const xlsx = toXlsx([
      {
        name: 'Chỉ số',
        rows: [
          ['Xã/phường', 'Tỷ lệ'],
          ['Phường Phủ Lý', 47.5],
          ['<b>&', null],
        ],
      },
    ]);
    const files = unzip(xlsx);
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<t xml:space="preserve">Phường Phủ Lý</t>');
    expect(sheet).toContain('<c r="B2"><v>47.5</v></c>');
    expect(sheet).toContain('&lt;b&gt;&amp;');
    expect(files.get('xl/workbook.xml')).toContain('name="Chỉ số"');
  });

  it('the zip container is readable by the system unzip when present', () => {
    const zip = zipStored([
      ['a.txt', Buffer.from('xin chào')],
      ['thư mục/b.txt', Buffer.from('Đồng')],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    writeFileSync(join(dir, 'x.zip'), zip);
    let listing = '';
    try {
      listing = execFileSync('python3', [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("|".join(z.namelist()))',
        join(dir, 'x.zip'),
      ]).toString();
    } catch (e) {
      throw new Error(`python3 zipfile could not read the archive: ${e}`);
    }
    expect(listing.trim()).toBe('a.txt|thư mục/b.txt');
  });
});
