import { describe, expect, it } from 'vitest';
import {
  OCOP_GROUPS,
  OCOP_GROUP_IDS,
  OCOP_STAR_BANDS,
  OcopProducerSchema,
  isCertificateValid,
  makeOcopProductSchema,
  starsForPoints,
  vietnamYear,
} from '#src/domain/ocop/schema.ts';
import { makeTaxCode } from '#src/domain/identity/tax-code.ts';

const YEAR = 2026;
const ProductSchema = makeOcopProductSchema(YEAR);

const validProduct = {
  name: 'Nước mắm Vạn Phần',
  group: 'food',
  stars: 4,
  certificateNo: '1234/QĐ-UBND',
  certificateYear: 2024,
  communeCode: '14380',
};

/** The first issue message for a field, or undefined when the field is fine. */
function messageFor(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) {
  return result.error?.issues.find((issue) => issue.path[0] === field)?.message;
}

describe('OCOP groups and stars (QĐ 148/QĐ-TTg)', () => {
  it('has the six groups with Vietnamese and English names', () => {
    expect(OCOP_GROUP_IDS).toEqual(['food', 'beverage', 'herbal', 'handicraft', 'ornamental', 'tourism']);
    expect(OCOP_GROUPS.food.vi).toBe('Thực phẩm');
    expect(OCOP_GROUPS.beverage.vi).toBe('Đồ uống');
    expect(OCOP_GROUPS.herbal.vi).toBe('Dược liệu và sản phẩm từ dược liệu');
    expect(OCOP_GROUPS.handicraft.vi).toBe('Hàng thủ công mỹ nghệ');
    expect(OCOP_GROUPS.ornamental.vi).toBe('Sinh vật cảnh');
    expect(OCOP_GROUPS.tourism.vi).toBe('Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch');
    for (const id of OCOP_GROUP_IDS) {
      expect(OCOP_GROUPS[id].vi).toBe(OCOP_GROUPS[id].vi.normalize('NFC'));
      expect(OCOP_GROUPS[id].en.length).toBeGreaterThan(0);
    }
  });

  // Pinned: changing the bands is a product decision (QĐ 148/QĐ-TTg).
  it('pins the certified bands', () => {
    expect(OCOP_STAR_BANDS).toEqual({ 3: { min: 50, max: 69 }, 4: { min: 70, max: 89 }, 5: { min: 90, max: 100 } });
  });

  it.each([
    [0, null],
    [49, null],
    [49.5, null],
    [50, 3],
    [69, 3],
    [69.5, 3],
    [70, 4],
    [89, 4],
    [90, 5],
    [100, 5],
    [100.5, null],
    [-1, null],
    [Number.NaN, null],
  ])('starsForPoints(%s) = %s', (points, stars) => {
    expect(starsForPoints(points)).toBe(stars);
  });
});

describe('certificate validity (36 months, approximated by years)', () => {
  it('uses the calendar year in Vietnam (UTC+7)', () => {
    expect(vietnamYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(vietnamYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });

  it.each([
    [2023, '2025-06-01T00:00:00Z', true],
    [2023, '2025-12-31T16:59:59Z', true], // last second of 2025 in Hà Nội
    [2023, '2025-12-31T17:00:00Z', false], // already 1 January 2026 in Hà Nội
    [2023, '2026-01-15T00:00:00Z', false],
    [2026, '2026-01-01T00:00:00Z', true],
    [2027, '2026-06-01T00:00:00Z', false], // a certificate from the future is not valid
  ])('certificate of %i at %s → %s', (year, now, valid) => {
    expect(isCertificateValid(year, new Date(now))).toBe(valid);
  });
});

describe('OCOP product schema', () => {
  it('accepts a valid product and normalises its text', () => {
    const decomposed = 'Nước mắm Vạn Phần'.normalize('NFD');
    const result = ProductSchema.safeParse({
      ...validProduct,
      name: `  ${decomposed}  `,
      description: '  Ủ chượp 12 tháng.\r\nĐóng chai thủy tinh.  ',
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      ...validProduct,
      name: 'Nước mắm Vạn Phần',
      description: 'Ủ chượp 12 tháng.\nĐóng chai thủy tinh.',
    });
  });

  it('takes stars and year as form text', () => {
    const result = ProductSchema.safeParse({ ...validProduct, stars: '5', certificateYear: ' 2026 ' });
    expect(result.data).toMatchObject({ stars: 5, certificateYear: 2026 });
  });

  it('treats a blank description as absent', () => {
    expect(ProductSchema.parse({ ...validProduct, description: '   ' }).description).toBeUndefined();
  });

  it.each([
    ['name', { name: 'A' }, 'Tên sản phẩm cần ít nhất 2 ký tự / The product name needs at least 2 characters'],
    ['name', { name: '   ' }, 'Vui lòng nhập tên sản phẩm / Please enter the product name'],
    ['name', { name: undefined }, 'Vui lòng nhập tên sản phẩm / Please enter the product name'],
    ['name', { name: 'x'.repeat(201) }, 'Tên sản phẩm tối đa 200 ký tự / The product name can have at most 200 characters'],
    ['name', { name: 'Mật ong\u0000rừng' }, 'Tên sản phẩm chứa ký tự không hợp lệ / The product name contains invalid characters'],
    ['group', { group: 'textile' }, 'Vui lòng chọn nhóm sản phẩm OCOP / Please choose the OCOP product group'],
    ['stars', { stars: 2 }, 'Hạng sao OCOP phải là 3, 4 hoặc 5 sao / The OCOP rating must be 3, 4 or 5 stars'],
    ['stars', { stars: 6 }, 'Hạng sao OCOP phải là 3, 4 hoặc 5 sao / The OCOP rating must be 3, 4 or 5 stars'],
    ['stars', { stars: '4.5' }, 'Hạng sao OCOP phải là 3, 4 hoặc 5 sao / The OCOP rating must be 3, 4 or 5 stars'],
    ['certificateNo', { certificateNo: '' }, 'Vui lòng nhập số giấy chứng nhận OCOP / Please enter the OCOP certificate number'],
    [
      'certificateNo',
      { certificateNo: '9'.repeat(51) },
      'Số giấy chứng nhận OCOP tối đa 50 ký tự / The OCOP certificate number can have at most 50 characters',
    ],
    [
      'certificateYear',
      { certificateYear: 2017 },
      'Năm cấp giấy chứng nhận phải từ 2018 đến 2026 / The certificate year must be between 2018 and 2026',
    ],
    [
      'certificateYear',
      { certificateYear: 2027 },
      'Năm cấp giấy chứng nhận phải từ 2018 đến 2026 / The certificate year must be between 2018 and 2026',
    ],
    [
      'certificateYear',
      { certificateYear: 2024.5 },
      'Năm cấp giấy chứng nhận phải từ 2018 đến 2026 / The certificate year must be between 2018 and 2026',
    ],
    [
      'certificateYear',
      { certificateYear: 'năm ngoái' },
      'Năm cấp giấy chứng nhận phải từ 2018 đến 2026 / The certificate year must be between 2018 and 2026',
    ],
    ['communeCode', { communeCode: '1438' }, 'Vui lòng chọn xã/phường / Please choose a commune or ward'],
    ['communeCode', { communeCode: undefined }, 'Vui lòng chọn xã/phường / Please choose a commune or ward'],
    ['description', { description: 'a'.repeat(2001) }, 'Mô tả tối đa 2000 ký tự / The description can have at most 2000 characters'],
  ])('%s: %j → %s', (field, patch, message) => {
    const result = ProductSchema.safeParse({ ...validProduct, ...patch });
    expect(result.success).toBe(false);
    expect(messageFor(result, field)).toBe(message);
  });

  it('accepts the boundaries', () => {
    expect(ProductSchema.safeParse({ ...validProduct, name: 'Ớt', certificateYear: 2018, stars: 3 }).success).toBe(true);
    expect(ProductSchema.safeParse({ ...validProduct, name: 'x'.repeat(200), certificateNo: '9'.repeat(50) }).success).toBe(true);
    expect(ProductSchema.safeParse({ ...validProduct, description: 'a'.repeat(2000) }).success).toBe(true);
  });

  it('moves the upper year bound with the year passed in', () => {
    expect(makeOcopProductSchema(2027).safeParse({ ...validProduct, certificateYear: 2027 }).success).toBe(true);
  });
});

describe('OCOP producer schema (assisted registration)', () => {
  const taxCode = makeTaxCode('010010010') ?? makeTaxCode('010010011')!;
  const validProducer = {
    displayName: 'Nguyễn Thị Lan',
    producerType: 'cooperative',
    phone: '0912 345 678',
    communeCode: '14380',
    businessName: 'HTX Nông nghiệp Giao Thủy',
  };

  it('accepts a cooperative and normalises phone and tax code', () => {
    const result = OcopProducerSchema.safeParse({ ...validProducer, taxCode: ` ${taxCode} ` });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ ...validProducer, phone: '+84912345678', taxCode });
  });

  it('treats a blank tax code as absent', () => {
    expect(OcopProducerSchema.parse({ ...validProducer, taxCode: '' }).taxCode).toBeUndefined();
  });

  it('lets a household leave the business name blank', () => {
    const result = OcopProducerSchema.safeParse({ ...validProducer, producerType: 'household', businessName: '' });
    expect(result.success).toBe(true);
    expect(result.data?.businessName).toBeUndefined();
  });

  it.each(['cooperative', 'cooperative_group', 'enterprise'])('requires a business name for %s', (producerType) => {
    const result = OcopProducerSchema.safeParse({ ...validProducer, producerType, businessName: '  ' });
    expect(messageFor(result, 'businessName')).toBe(
      'Vui lòng nhập tên hợp tác xã, tổ hợp tác hoặc doanh nghiệp / Please enter the name of the cooperative, cooperative group or enterprise',
    );
  });

  it.each([
    ['phone', { phone: '' }, 'Số điện thoại di động gồm 10 chữ số'],
    ['phone', { phone: undefined }, 'Vui lòng nhập số điện thoại / Please enter a phone number'],
    ['phone', { phone: '024 3825 1234' }, 'Đây là số máy bàn. Vui lòng nhập số điện thoại di động. / This is a landline number.'],
    ['taxCode', { taxCode: '12345' }, 'Mã số thuế gồm 10 chữ số'],
    [
      'taxCode',
      { taxCode: '0100100101' === taxCode ? '0100100102' : '0100100101' },
      'Mã số thuế không hợp lệ: chữ số kiểm tra không khớp.',
    ],
    ['producerType', { producerType: 'company' }, 'Vui lòng chọn loại chủ thể / Please choose the type of producer'],
    [
      'displayName',
      { displayName: 'L' },
      'Họ tên người đại diện hoặc tên hộ cần ít nhất 2 ký tự / The name of the person or household needs at least 2 characters',
    ],
    ['communeCode', { communeCode: 'abcde' }, 'Vui lòng chọn xã/phường / Please choose a commune or ward'],
  ])('%s: %j → "%s…"', (field, patch, start) => {
    const result = OcopProducerSchema.safeParse({ ...validProducer, ...patch });
    expect(result.success).toBe(false);
    expect(messageFor(result, field)?.startsWith(start)).toBe(true);
  });

  it('puts Vietnamese first, then English, in phone messages', () => {
    const result = OcopProducerSchema.safeParse({ ...validProducer, phone: '123' });
    expect(messageFor(result, 'phone')).toMatch(/^Số điện thoại .+ \/ A mobile number /);
  });
});
