// Registry files name communes the way offices keep them: by name, without accents, or by the names used before
// the 1 July 2025 reform. Worked examples on the real reference data of Ninh Bình (province 37).
import { describe, expect, it } from 'vitest';
import { loadAdminUnits } from '#src/reference/admin-units.ts';
import { createCommuneResolver } from '#src/domain/imports/commune-names.ts';
import { parseRegistryCsv } from '#src/domain/imports/registry-csv.ts';

const units = loadAdminUnits();
const wards = units.wards.filter((w) => w.provinceCode === '37');
const resolve = createCommuneResolver(wards, units.formerWards);
const code = (cell: string) => {
  const m = resolve(cell);
  return m.ok ? m.code : `error: ${m.message}`;
};

describe('communes by code or by name', () => {
  it('reads a code, padding the zeros a spreadsheet dropped, and refuses a code of another province', () => {
    expect(code('13285')).toBe('13285');
    expect(resolve('00004')).toMatchObject({ ok: false });
    expect(code('00004')).toContain('không thuộc tỉnh');
  });

  it('reads a current name with or without its prefix, accents or case', () => {
    for (const cell of [
      'Phường Phủ Lý',
      'phường phủ lý',
      'Phu Ly',
      'PHƯỜNG PHỦ LÝ',
      'Phường Phủ Lý'.normalize('NFD'),
      '  phuong   phu ly ',
    ]) {
      expect(code(cell), cell).toBe('13285');
    }
  });

  it('maps a former ward to the commune it became part of', () => {
    expect(resolve('Thị trấn Kiện Khê')).toEqual({ ok: true, code: '13318', via: 'former' });
    expect(code('thi tran kien khe')).toBe('13318');
    expect(code('Kiện Khê')).toBe('13318');
    expect(code('Phường Thanh Tuyền')).toBe('13318');
  });

  it('a former name shared by two former districts needs the district, and then resolves', () => {
    expect(code('Hồng Quang, Ý Yên')).toBe('13795');
    expect(code('Xã Hồng Quang (huyện Ý Yên)')).toBe('13795');
    expect(code('Hồng Quang (Huyện Nam Trực)')).toBe('13984');
  });

  it('never guesses: an unknown name is an error in Vietnamese and English', () => {
    const m = resolve('Xã Không Có Thật');
    expect(m.ok).toBe(false);
    expect(!m.ok && m.message).toMatch(/Không tìm thấy xã\/phường .* \/ No commune/);
    expect(resolve('')).toMatchObject({ ok: false });
  });

  it('the registry parser takes a name column and resolves it row by row', () => {
    const csv = [
      'Mã số thuế;Tên doanh nghiệp;Xã/phường',
      '0100109106;Công ty A;Phường Phủ Lý',
      '0100109106;Công ty B;kien khe',
      '0100109106;Công ty C;Xã Không Có',
    ].join('\n');
    const rows = parseRegistryCsv(csv, { resolveCommune: resolve });
    expect(rows.map((r) => (r.ok ? r.value.communeCode : 'error'))).toEqual(['13285', '13318', 'error']);
    const bad = rows[2]!;
    expect(!bad.ok && bad.errors[0]!.field).toBe('communeCode');
  });
});
