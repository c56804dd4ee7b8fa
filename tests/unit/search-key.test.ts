import { describe, expect, it } from 'vitest';
import { toSearchKey } from '#src/domain/identity/search-key.ts';

// "Hà Nội" typed with combining marks: H a U+0300 N o U+0323 U+0302 i
const HA_NOI_DECOMPOSED: string = 'Ha\u0300 No\u0323\u0302i';

describe('toSearchKey', () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['ha noi', 'ha noi'],
    ['HÀ NỘI', 'ha noi'],
    [HA_NOI_DECOMPOSED, 'ha noi'],
    ['Đông Đô', 'dong do'],
    ['đường Trần Hưng Đạo', 'duong tran hung dao'],
    ['  Công ty   TNHH\tMay mặc\nNam Định ', 'cong ty tnhh may mac nam dinh'],
    ['Hợp tác xã Nông nghiệp Ý Yên', 'hop tac xa nong nghiep y yen'],
    // every vowel with every tone, both cases
    ['ăắằẳẵặâấầẩẫậêếềểễệôốồổỗộơớờởỡợưứừửữự', 'aaaaaaaaaaaaeeeeeeoooooooooooouuuuuu'],
    ['ÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ', 'aaaaaeeeeeiiiiiooooouuuuuyyyyy'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(toSearchKey(input)).toBe(expected);
  });

  it('makes precomposed and decomposed input equal', () => {
    expect(HA_NOI_DECOMPOSED).not.toBe('Hà Nội'); // the raw strings differ…
    expect(toSearchKey('Hà Nội')).toBe(toSearchKey(HA_NOI_DECOMPOSED));
  });

  it('lets an unaccented query find accented text by substring', () => {
    const haystack = toSearchKey('Triển khai hóa đơn điện tử cho hộ kinh doanh');
    expect(haystack).toContain(toSearchKey('hoa don'));
    expect(haystack).toContain(toSearchKey('dien tu'));
    expect(haystack).toContain(toSearchKey('HÓA ĐƠN ĐIỆN TỬ'));
  });

  it('is idempotent and leaves only ASCII for Vietnamese input', () => {
    for (const s of ['Thừa Thiên Huế', 'Đắk Lắk', 'Ninh Bình', HA_NOI_DECOMPOSED, 'Quỳnh Lưu']) {
      const key = toSearchKey(s);
      expect(toSearchKey(key)).toBe(key);
      expect(key).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('keeps digits and punctuation', () => {
    expect(toSearchKey('Phường 12, Quận Gò Vấp')).toBe('phuong 12, quan go vap');
  });
});
