import { describe, expect, it } from 'vitest';
import { checkFreeText, cleanText, freeText, optionalFreeText } from '#src/domain/text.ts';

const name = freeText({ label: { vi: 'tên doanh nghiệp', en: 'business name' }, min: 2, max: 20 });
const note = freeText({ label: { vi: 'ghi chú', en: 'note' }, max: 50, multiline: true });
const FORBIDDEN = 'Tên doanh nghiệp chứa ký tự không hợp lệ / The business name contains invalid characters';

function message(r: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return r.success ? undefined : r.error!.issues[0]!.message;
}

describe('free text: one rule for every field', () => {
  it.each([
    ['NUL', 'Công ty\u0000An'],
    ['right-to-left override', '\u202EAn Phát'],
    ['left-to-right embedding', 'An\u202APhát'],
    ['pop directional formatting', 'An Phát\u202C'],
    ['right-to-left isolate', 'An\u2067Phát\u2069'],
    ['first strong isolate', '\u2068An Phát'],
    ['right-to-left mark', 'An Phát\u200F'],
    ['left-to-right mark', '\u200EAn Phát'],
    ['Arabic letter mark', 'An\u061CPhát'],
    ['zero-width space', 'An\u200BPhát'],
    ['word joiner', 'An\u2060Phát'],
    ['soft hyphen', 'An\u00ADPhát'],
    ['C1 control (NEL)', 'An\u0085Phát'],
    ['C1 control (CSI)', 'An\u009BPhát'],
    ['DEL', 'An\u007FPhát'],
    ['escape', 'An\u001B[31mPhát'],
    ['lone surrogate', 'An\uD800Phát'],
  ])('refuses a business name with a %s', (_, input) => {
    expect(message(name.safeParse(input))).toBe(FORBIDDEN);
  });

  it('normalises to NFC, collapses white space and trims one-line text', () => {
    const decomposed = '  Hợp  tác\txã\nAn Phát\u00A0 '.normalize('NFD');
    const r = name.safeParse(decomposed);
    expect(r.success).toBe(true);
    expect(r.data).toBe('Hợp tác xã An Phát'.normalize('NFC'));
    expect(r.data!.normalize('NFC')).toBe(r.data);
  });

  it('keeps line breaks and tabs in multi-line text, unifying line ends; still refuses other controls', () => {
    expect(note.parse('Dòng một\r\nDòng hai\rDòng\tba\u2028bốn')).toBe('Dòng một\nDòng hai\nDòng\tba\nbốn');
    expect(note.safeParse('Dòng một\u0000').success).toBe(false);
    expect(note.safeParse('Dòng \u202Emột').success).toBe(false);
    expect(note.safeParse('Dòng \u000Bmột').success).toBe(false); // vertical tab is not a line end we keep
  });

  it('bounds the length after cleaning and requires something', () => {
    expect(message(name.safeParse('x'.repeat(21)))).toBe(
      'Tên doanh nghiệp tối đa 20 ký tự / The business name can have at most 20 characters',
    );
    expect(name.safeParse(`  ${'x'.repeat(20)}  `).success).toBe(true);
    expect(message(name.safeParse('A'))).toBe('Tên doanh nghiệp cần ít nhất 2 ký tự / The business name needs at least 2 characters');
    expect(message(name.safeParse('   '))).toBe('Vui lòng nhập tên doanh nghiệp / Please enter the business name');
    expect(message(name.safeParse(undefined))).toBe('Vui lòng nhập tên doanh nghiệp / Please enter the business name');
  });

  it('optional fields: absent, null and blank are undefined; a bad value is still refused', () => {
    const opt = optionalFreeText({ label: { vi: 'lời nhắn', en: 'message' }, max: 10, multiline: true });
    expect(opt.parse(undefined)).toBeUndefined();
    expect(opt.parse(null)).toBeUndefined();
    expect(opt.parse(' \n ')).toBeUndefined();
    expect(opt.parse(' Chào ')).toBe('Chào');
    expect(opt.safeParse('Ch\u202Eào').success).toBe(false);
  });

  it('checkFreeText gives the same answer for importers', () => {
    const opts = { label: { vi: 'tên doanh nghiệp', en: 'business name' }, max: 20 };
    expect(checkFreeText(' Công ty  An ', opts)).toEqual({ ok: true, value: 'Công ty An' });
    expect(checkFreeText('Công ty\u202EAn', opts)).toEqual({ ok: false, message: FORBIDDEN });
    expect(cleanText('a\r\nb', true)).toBe('a\nb');
  });
});

describe('every free-text schema applies the rule (a right-to-left override is refused)', () => {
  const RLO = '\u202E';

  it('platform catalog text edited by the administrator', async () => {
    const { PLATFORM_CATALOG } = await import('#src/content/platforms/index.ts');
    const { PlatformSchema } = await import('#src/domain/platforms/schema.ts');
    const first = PLATFORM_CATALOG[0]!;
    expect(PlatformSchema.safeParse(first).success).toBe(true);
    for (const patch of [
      { name: `${RLO}${first.name}` },
      { provider: `x\u0000y` },
      { description: { vi: `Mô tả ${RLO}`, en: 'Description' } },
    ]) {
      expect(PlatformSchema.safeParse({ ...first, ...patch }).success, JSON.stringify(patch)).toBe(false);
    }
  });

  it('OCOP products, producers and consent names', async () => {
    const { makeOcopProductSchema, OcopProducerSchema } = await import('#src/domain/ocop/schema.ts');
    const { ConsentRecordSchema } = await import('#src/domain/ocop/consent.ts');
    const product = {
      name: 'Nước mắm Vạn Phần',
      group: 'food',
      stars: 4,
      certificateNo: '1234/QĐ-UBND',
      certificateYear: 2024,
      communeCode: '14380',
    };
    const schema = makeOcopProductSchema(2026);
    expect(schema.safeParse(product).success).toBe(true);
    expect(schema.safeParse({ ...product, name: `Nước mắm${RLO}` }).success).toBe(false);
    expect(schema.safeParse({ ...product, description: `Dòng một\nDòng ${RLO}hai` }).success).toBe(false);
    expect(schema.safeParse({ ...product, description: 'Dòng một\nDòng hai' }).success).toBe(true);
    const producer = OcopProducerSchema.safeParse({
      producerType: 'household',
      displayName: `Hộ ông ${RLO}Bình`,
      phone: '0912345678',
      communeCode: '14380',
    });
    expect(producer.error?.issues.map((i) => i.path[0])).toContain('displayName');
    const consent = {
      consentedBy: 'Trần Văn Bình',
      relation: 'self',
      method: 'assisted_verbal',
      purposes: { processing: true },
      recordedAt: new Date(),
    };
    expect(ConsentRecordSchema.safeParse(consent).success).toBe(true);
    expect(ConsentRecordSchema.safeParse({ ...consent, consentedBy: `Trần ${RLO}Bình` }).success).toBe(false);
  });

  it('tax-code takeover requests', async () => {
    const { TakeoverRequestSchema } = await import('#src/server/services/takeover.ts');
    const request = {
      taxCode: '0100109106',
      businessName: 'Công ty TNHH Hoa Lư',
      contactName: 'Trần Văn Bình',
      note: 'Giấy chứng nhận đăng ký doanh nghiệp số 0100109106, cấp ngày 01/02/2020',
      consent: 'yes',
    };
    expect(TakeoverRequestSchema.safeParse(request).success).toBe(true);
    expect(TakeoverRequestSchema.safeParse({ ...request, contactName: `Trần ${RLO}Bình` }).success).toBe(false);
    expect(TakeoverRequestSchema.safeParse({ ...request, note: `${request.note}\u0000` }).success).toBe(false);
  });

  it('registry import names', async () => {
    const { parseRegistryCsv } = await import('#src/domain/imports/registry-csv.ts');
    const rows = parseRegistryCsv(
      'Mã số thuế;Tên doanh nghiệp;Mã xã\r\n0600123451;Công ty An Phát;14001\r\n0600543216;Công ty\u202EAn;14002\r\n0700111114;"Công ty \u0000";14003\r\n',
    );
    expect(rows.map((r) => r.ok)).toEqual([true, false, false]);
    const bad = rows[1]!;
    expect(bad.ok ? [] : bad.errors).toEqual([
      { field: 'name', message: 'Tên doanh nghiệp chứa ký tự không hợp lệ / The business name contains invalid characters' },
    ]);
  });

  it('search boxes', async () => {
    const { OcopQuerySchema } = await import('#src/server/http/ocop-query.ts');
    const { PlatformQuerySchema } = await import('#src/server/http/platform-filter.ts');
    expect(OcopQuerySchema.safeParse({ q: `mật ${RLO}ong` }).success).toBe(false);
    expect(PlatformQuerySchema.safeParse({ q: `hóa\u0000đơn` }).success).toBe(false);
    expect(PlatformQuerySchema.parse({ q: null }).q).toBeUndefined();
    expect(OcopQuerySchema.parse({ q: ' mật ong ' }).q).toBe('mật ong');
  });
});
