import { describe, expect, it } from 'vitest';
import { PRICE_MAX_VND, PRICE_MESSAGES, PriceSchema, formatVnd, groupThousands, parseVnd, priceText } from '#src/domain/ocop/price.ts';
import { makeOcopProductSchema } from '#src/domain/ocop/schema.ts';
import { PHOTO_MESSAGES, sniffPhotoFormat } from '#src/domain/ocop/photo.ts';
import { mulberry32 } from '../../scripts/seed/demo-data.ts';

const NBSP = '\u00a0';

describe('OCOP price: parsing what people type', () => {
  it.each([
    ['120000', 120000],
    ['120.000', 120000],
    ['120 000', 120000],
    ['1.250.000', 1250000],
    ['1,250,000', 1250000],
    ['120.000 ₫', 120000],
    ['120.000đ', 120000],
    ['120000 VNĐ', 120000],
    ['  45000  ', 45000],
    ['0', 0],
  ])('"%s" is %i đồng', (typed, vnd) => {
    expect(parseVnd(typed)).toBe(vnd);
    expect(PriceSchema.parse(typed)).toBe(vnd);
  });

  it.each(['12,5', '12.50', '1.2345', '-5000', 'abc', '120k', '1.000,000', '٣٠٠'])('"%s" is refused with the format message', (typed) => {
    expect(parseVnd(typed)).toBeNull();
    const r = PriceSchema.safeParse(typed);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(PRICE_MESSAGES.format);
  });

  it('blank means no price; above the maximum is refused with its own message', () => {
    expect(PriceSchema.parse('')).toBeUndefined();
    expect(PriceSchema.parse('   ')).toBeUndefined();
    expect(PriceSchema.parse(String(PRICE_MAX_VND))).toBe(PRICE_MAX_VND);
    const r = PriceSchema.safeParse(String(PRICE_MAX_VND + 1));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(PRICE_MESSAGES.max);
    expect(PRICE_MESSAGES.max).toMatch(/^Giá bán tối đa 1\.000\.000\.000\s₫ \/ /u);
  });

  it('formatting and parsing agree for every price (property, seeded)', () => {
    const rand = mulberry32(20261130);
    const samples = [0, 1, 999, 1000, PRICE_MAX_VND, ...Array.from({ length: 2000 }, () => Math.floor(rand() ** 3 * PRICE_MAX_VND))];
    for (const n of samples) {
      expect(parseVnd(groupThousands(n)), String(n)).toBe(n);
      expect(parseVnd(formatVnd(n)), String(n)).toBe(n);
      expect(parseVnd(String(n)), String(n)).toBe(n);
    }
  });
});

describe('OCOP price: showing it as vi-VN writes it', () => {
  it('dots between thousands and the đồng sign after a no-break space', () => {
    expect(formatVnd(120000)).toBe(`120.000${NBSP}₫`);
    expect(formatVnd(0)).toBe(`0${NBSP}₫`);
    expect(formatVnd(999)).toBe(`999${NBSP}₫`);
    expect(formatVnd(1000)).toBe(`1.000${NBSP}₫`);
    expect(formatVnd(1_000_000_000)).toBe(`1.000.000.000${NBSP}₫`);
    // The same as the platform's own vi-VN currency format.
    expect(formatVnd(120000)).toBe(new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }).format(120000));
  });

  it('with the unit of sale, and nothing without a price', () => {
    expect(priceText(120000, 'hộp 500 g')).toBe(`120.000${NBSP}₫ / hộp 500 g`);
    expect(priceText(120000, null)).toBe(`120.000${NBSP}₫`);
    expect(priceText(null, 'hộp 500 g')).toBeNull();
  });
});

describe('the product form with a price', () => {
  const schema = makeOcopProductSchema(2026);
  const base = {
    name: 'Nước mắm Vạn Phần',
    group: 'food',
    stars: '4',
    certificateNo: '12/QĐ',
    certificateYear: '2024',
    communeCode: '14380',
  };

  it('stores the price in đồng and the unit as typed (cleaned)', () => {
    const v = schema.parse({ ...base, price: '120.000', priceUnit: '  chai   750 ml ' });
    expect(v.price).toBe(120000);
    expect(v.priceUnit).toBe('chai 750 ml');
    expect(schema.parse(base).price).toBeUndefined();
  });

  it('a unit without a price is refused at the price field', () => {
    const r = schema.safeParse({ ...base, price: '', priceUnit: 'hộp 500 g' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['price']);
  });

  it('a bad price is reported at the price field', () => {
    const r = schema.safeParse({ ...base, price: '12,5' });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['price', PRICE_MESSAGES.format]]);
  });
});

describe('photo formats are read from the first bytes, not the name', () => {
  const bytes = (...b: (number | string)[]) =>
    new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
    ['gif', bytes('GIF89a', 1, 0)],
    ['avif', bytes(0, 0, 0, 0x20, 'ftypavif', 0)],
  ])('%s', (format, head) => {
    expect(sniffPhotoFormat(head)).toBe(format);
  });

  it('text, PDF, HEIC and short files are not photos', () => {
    expect(sniffPhotoFormat(new TextEncoder().encode('hello, this is not a photo'))).toBeNull();
    expect(sniffPhotoFormat(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffPhotoFormat(bytes(0, 0, 0, 0x18, 'ftypheic'))).toBeNull();
    expect(sniffPhotoFormat(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffPhotoFormat(new Uint8Array(0))).toBeNull();
    expect(PHOTO_MESSAGES.notImage).toMatch(/^Tệp này không phải là ảnh.* \/ This file is not a photo/u);
  });
});
