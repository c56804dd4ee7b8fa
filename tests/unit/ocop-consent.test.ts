import { describe, expect, it } from 'vitest';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_TEXT,
  CONSENT_RELATION_LABELS,
  CONSENT_TEXT_VERSION,
  ConsentPurposeSchema,
  ConsentRecordSchema,
  OnBehalfSchema,
} from '#src/domain/ocop/consent.ts';

const recordedAt = new Date('2026-03-02T08:00:00Z');
const valid = {
  consentedBy: 'Trần Văn Bình',
  relation: 'self',
  method: 'assisted_verbal',
  purposes: { processing: true },
  recordedAt,
};

function messageAt(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, path: string) {
  return result.error?.issues.find((issue) => issue.path.join('.') === path)?.message;
}

describe('ConsentRecordSchema', () => {
  it('records processing consent, with the optional purposes off unless ticked', () => {
    expect(ConsentRecordSchema.parse(valid)).toEqual({
      ...valid,
      purposes: { processing: true, share_province: false, share_vendors: false, publish_products: false },
      textVersion: CONSENT_TEXT_VERSION,
    });
  });

  it('reads HTML checkboxes: "on" is ticked, absent or empty is not', () => {
    const parsed = ConsentRecordSchema.parse({ ...valid, purposes: { processing: 'on', share_province: 'on', share_vendors: '' } });
    expect(parsed.purposes).toEqual({ processing: true, share_province: true, share_vendors: false, publish_products: false });
  });

  it('keeps each optional purpose separate', () => {
    const parsed = ConsentRecordSchema.parse({ ...valid, purposes: { processing: true, share_vendors: true } });
    expect(parsed.purposes).toEqual({ processing: true, share_province: false, share_vendors: true, publish_products: false });
  });

  it.each([[false], [undefined], [''], ['off']])('refuses processing = %j', (processing) => {
    const result = ConsentRecordSchema.safeParse({ ...valid, purposes: { processing } });
    expect(result.success).toBe(false);
    expect(messageAt(result, 'purposes.processing')).toBe(
      'Cần người dùng đồng ý cho xử lý dữ liệu để đăng ký tài khoản / The user’s consent to data processing is needed to register the account',
    );
  });

  it('refuses a record without purposes at all', () => {
    const result = ConsentRecordSchema.safeParse({ ...valid, purposes: undefined });
    expect(messageAt(result, 'purposes')).toMatch(/^Cần người dùng đồng ý/);
  });

  it('never turns a stray value into consent', () => {
    const result = ConsentRecordSchema.safeParse({ ...valid, purposes: { processing: true, share_vendors: 'yes please' } });
    expect(messageAt(result, 'purposes.share_vendors')).toBe('Lựa chọn đồng ý không hợp lệ / Invalid consent choice');
  });

  it.each([
    [
      'consentedBy',
      { consentedBy: ' B ' },
      'Vui lòng nhập họ tên người đồng ý (ít nhất 2 ký tự) / Please enter the name of the person giving consent (at least 2 characters)',
    ],
    ['consentedBy', { consentedBy: undefined }, 'Vui lòng nhập họ tên người đồng ý / Please enter the name of the person giving consent'],
    ['relation', { relation: 'neighbour' }, 'Vui lòng chọn quan hệ của người đồng ý / Please choose who is giving consent'],
    ['method', { method: 'online' }, 'Vui lòng chọn hình thức đồng ý / Please choose how consent was given'],
    ['recordedAt', { recordedAt: '2026-03-02' }, 'Thiếu thời điểm ghi nhận / The time of recording is missing'],
    ['recordedAt', { recordedAt: new Date('not a date') }, 'Thiếu thời điểm ghi nhận / The time of recording is missing'],
  ])('%s: %j → %s', (field, patch, message) => {
    const result = ConsentRecordSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(messageAt(result, field)).toBe(message);
  });

  it('normalises the name', () => {
    const parsed = ConsentRecordSchema.parse({ ...valid, consentedBy: '  Trần   Văn Bình '.normalize('NFD') });
    expect(parsed.consentedBy).toBe('Trần Văn Bình');
  });

  it('accepts every relation and method', () => {
    for (const relation of Object.keys(CONSENT_RELATION_LABELS)) {
      for (const method of Object.keys(CONSENT_METHOD_LABELS)) {
        expect(ConsentRecordSchema.safeParse({ ...valid, relation, method }).success).toBe(true);
      }
    }
  });
});

describe('consent wording', () => {
  it('has Vietnamese and English text for every purpose; only processing is required', () => {
    expect(Object.keys(CONSENT_PURPOSE_TEXT)).toEqual([...CONSENT_PURPOSES]);
    for (const purpose of CONSENT_PURPOSES) {
      const text = CONSENT_PURPOSE_TEXT[purpose];
      expect(text.label.vi && text.label.en && text.detail.vi && text.detail.en).toBeTruthy();
      expect(text.required).toBe(purpose === 'processing');
      if (!text.required) expect(text.label.vi).toContain('không bắt buộc');
    }
  });

  it('tells the producer they can withdraw', () => {
    expect(CONSENT_PURPOSE_TEXT.processing.detail.vi).toContain('rút lại sự đồng ý');
  });
});

describe('publication consent', () => {
  it('is a separate optional purpose, off unless ticked, and says what is published', () => {
    expect(ConsentRecordSchema.parse(valid).purposes.publish_products).toBe(false);
    expect(ConsentRecordSchema.parse({ ...valid, purposes: { processing: true, publish_products: 'on' } }).purposes.publish_products).toBe(
      true,
    );
    const t = CONSENT_PURPOSE_TEXT.publish_products;
    expect(t.detail.vi).toContain('Số điện thoại và mã số thuế không được công khai');
    expect(t.detail.en).toContain('never published');
  });

  it('a helper acting on behalf must say who asked and how; a purpose must be known', () => {
    expect(OnBehalfSchema.safeParse({ consentedBy: 'Trần Văn Bình', relation: 'self', method: 'assisted_paper' }).success).toBe(true);
    expect(OnBehalfSchema.safeParse({ consentedBy: '', relation: 'self', method: 'assisted_paper' }).success).toBe(false);
    expect(OnBehalfSchema.safeParse({ consentedBy: 'Trần Văn Bình', relation: 'self', method: 'online_form' }).success).toBe(false);
    expect(ConsentPurposeSchema.safeParse('publish_products').success).toBe(true);
    expect(ConsentPurposeSchema.safeParse('sell_data').success).toBe(false);
  });
});
