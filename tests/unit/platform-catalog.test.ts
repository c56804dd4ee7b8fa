import { describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG, getCatalogPlatform } from '#src/content/platforms/index.ts';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { allQuestions } from '#src/domain/framework/schema.ts';
import { readFileSync } from 'node:fs';
import {
  NEEDS,
  NEED_IDS,
  REQUIREMENT_IDS,
  checkedDayVietnam,
  checkedUtcDay,
  getNeed,
  hasCheckTime,
  isCheckTime,
  parseCatalog,
  parsePlatform,
  safeParsePlatform,
} from '#src/domain/platforms/schema.ts';
import type { NeedId, Platform } from '#src/domain/platforms/schema.ts';

/** Fixed "today" for the tests: no clock in domain code or tests. */
const AS_OF = '2026-11-23';
/** The day of the latest catalog checks (issue 13). */
const CATALOG_AS_OF = '2026-11-30';

const active = PLATFORM_CATALOG.filter((p) => !p.retired);
const verified = PLATFORM_CATALOG.filter((p) => !p.unverified);
const unverified = PLATFORM_CATALOG.filter((p) => p.unverified);
const isNfc = (s: string) => s === s.normalize('NFC');
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-platform',
    name: 'Nền tảng thử',
    provider: 'Công ty thử',
    url: 'https://example.vn',
    category: 'finance_accounting',
    needs: ['e_invoice'],
    description: { vi: 'Mô tả ngắn.', en: 'Short description.' },
    costModel: 'paid',
    makeInVietnam: true,
    fits: { sizes: ['micro'], sectors: ['*'], producerTypes: ['household'] },
    requires: ['digital_signature'],
    improves: ['i2_einvoice'],
    lastChecked: '2026-11-01',
    source: 'https://example.vn/gioi-thieu',
    ...overrides,
  };
}

describe('NEED taxonomy', () => {
  it('has the steps and ministry categories of the brief', () => {
    const expected: Record<NeedId, [number, string]> = {
      e_invoice: [1, 'finance_accounting'],
      e_tax: [1, 'finance_accounting'],
      digital_signature: [1, 'finance_accounting'],
      cashless_payment: [2, 'e_payment'],
      online_presence: [2, 'web_portal'],
      cloud_office: [2, 'cloud'],
      online_meeting: [2, 'online_meeting'],
      accounting: [3, 'finance_accounting'],
      sales_management: [3, 'sales_management'],
      inventory: [3, 'logistics'],
      customer_care: [3, 'customer_care'],
      logistics: [3, 'logistics'],
      hr: [3, 'hr_jobs'],
      erp: [3, 'enterprise_management'],
      e_contract: [3, 'e_contract'],
      cybersecurity: [3, 'cybersecurity'],
      ecommerce_marketplace: [4, 'ecommerce'],
      farm_ocop_floor: [4, 'ecommerce'],
      cross_border: [4, 'ecommerce'],
      digital_marketing: [4, 'marketing'],
      data_analytics: [4, 'aggregate'],
      training: [4, 'consulting_training'],
    };
    expect(NEEDS.map((n) => n.id)).toEqual(Object.keys(expected));
    expect([...NEED_IDS]).toEqual(Object.keys(expected));
    for (const need of NEEDS) {
      expect([need.step, need.category], need.id).toEqual(expected[need.id]);
      expect(PLATFORM_CATEGORY_IDS).toContain(need.category);
      expect(need.name.vi).toMatch(VIETNAMESE_LETTER);
      expect(need.name.en.length).toBeGreaterThan(0);
    }
  });

  it('orders needs by step (mandatory first)', () => {
    const steps = NEEDS.map((n) => n.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('looks needs up by id', () => {
    expect(getNeed('e_tax')?.step).toBe(1);
    expect(getNeed('nope')).toBeUndefined();
  });
});

describe('platform catalog content', () => {
  it.each(PLATFORM_CATALOG.map((p) => [p.id, p] as const))('%s parses with the schema', (_id, entry) => {
    const result = safeParsePlatform(entry, { asOf: CATALOG_AS_OF });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('parses as a whole, unchanged (already trimmed and NFC)', () => {
    expect(parseCatalog(PLATFORM_CATALOG, { asOf: CATALOG_AS_OF })).toEqual(PLATFORM_CATALOG);
  });

  it('has unique ids', () => {
    const ids = PLATFORM_CATALOG.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least 60 platforms across at least 12 of the 17 categories', () => {
    expect(PLATFORM_CATALOG.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(PLATFORM_CATALOG.map((p) => p.category));
    expect(categories.size).toBeGreaterThanOrEqual(12);
    for (const c of categories) expect(PLATFORM_CATEGORY_IDS).toContain(c);
  });

  it.each(NEEDS.map((n) => [n.id, n.step] as const))('need %s (step %i) has at least two active platforms to choose from', (need) => {
    const offering = active.filter((p) => (p.needs as readonly string[]).includes(need));
    expect(offering.map((p) => p.id).length, need).toBeGreaterThanOrEqual(2);
  });

  it('uses only known needs and requirements', () => {
    for (const p of PLATFORM_CATALOG) {
      expect(p.needs.length, p.id).toBeGreaterThan(0);
      for (const n of p.needs) expect(NEED_IDS, p.id).toContain(n);
      for (const r of p.requires) expect(REQUIREMENT_IDS, p.id).toContain(r);
      for (const r of p.requires) expect(p.needs as readonly string[], `${p.id} requires what it offers`).not.toContain(r);
    }
  });

  it('links only to https addresses', () => {
    for (const p of PLATFORM_CATALOG) {
      const url = new URL(p.url);
      expect(url.protocol, p.id).toBe('https:');
      expect(url.hostname, p.id).toContain('.');
      expect(url.username + url.password, p.id).toBe('');
    }
  });

  it('has a real check day or check time for every entry, none after the reference day', () => {
    for (const p of PLATFORM_CATALOG) {
      expect(isCheckTime(p.lastChecked), `${p.id}: ${p.lastChecked}`).toBe(true);
      expect(checkedUtcDay(p.lastChecked) <= CATALOG_AS_OF, p.id).toBe(true);
    }
  });

  it('only claims to improve questions that exist in the shipped frameworks', () => {
    const sme = getFramework('dbi-sme');
    const producer = getFramework('producer');
    expect(sme).toBeDefined();
    expect(producer).toBeDefined();
    const known = new Set([...allQuestions(sme!), ...allQuestions(producer!)].map((q) => q.id));
    const unknown = PLATFORM_CATALOG.flatMap((p) => p.improves.filter((q) => !known.has(q)).map((q) => `${p.id}: ${q}`));
    expect(unknown).toEqual([]);
    // Most entries must point at something the assessment measures.
    expect(PLATFORM_CATALOG.filter((p) => p.improves.length > 0).length).toBeGreaterThan(PLATFORM_CATALOG.length * 0.9);
  });

  it('writes Vietnamese first, with diacritics, in NFC, one or two sentences', () => {
    for (const p of PLATFORM_CATALOG) {
      for (const text of [p.name, p.provider, p.description.vi, p.description.en]) expect(isNfc(text), p.id).toBe(true);
      expect(p.description.vi, p.id).toMatch(VIETNAMESE_LETTER);
      expect(p.description.vi, p.id).not.toBe(p.description.en);
      for (const d of [p.description.vi, p.description.en]) {
        expect(d.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length, `${p.id}: ${d}`).toBeLessThanOrEqual(2);
      }
      for (const note of [p.priceNote, p.freeTrial]) {
        if (!note) continue;
        expect(isNfc(note.vi) && isNfc(note.en), p.id).toBe(true);
        expect(note.vi, p.id).toMatch(VIETNAMESE_LETTER);
      }
    }
  });

  it('issue 13: every entry has a public source and a check time', () => {
    for (const p of PLATFORM_CATALOG) {
      expect(p.source, p.id).toMatch(/^https?:\/\/[^/\s]+/);
      expect(p.lastChecked, p.id).toBeTruthy();
    }
    // The schema itself refuses an entry without either (not only this data).
    const { source: _s, lastChecked: _l, ...bare } = PLATFORM_CATALOG[0]!;
    const r = safeParsePlatform(bare);
    expect(r.ok ? [] : r.issues.map((i) => i.path.join('.')).sort()).toEqual(['lastChecked', 'source']);
  });

  it('issue 13: no shared default check; every re-verified entry has its own check time', async () => {
    // The old catalog stamped every entry with one CHECKED constant; it is gone. Entries were re-checked one
    // after another against public sources, each recording the UTC time its check ended (docs/catalog.md).
    const common = await import('#src/content/platforms/common.ts');
    expect(Object.keys(common)).not.toContain('CHECKED');
    for (const p of verified) expect(hasCheckTime(p.lastChecked), `${p.id}: ${p.lastChecked}`).toBe(true);
    const times = verified.map((p) => p.lastChecked);
    const shared = times.filter((t, i) => times.indexOf(t) !== i);
    expect(shared, 'check times shared by two verified entries').toEqual([]);
    expect(verified.length).toBeGreaterThan(PLATFORM_CATALOG.length / 2);
    for (const id of ['sendo', 'tiktok-shop', 'checkvn']) {
      const p = getCatalogPlatform(id)!;
      expect(p.unverified, id).not.toBe(true);
      expect(checkedUtcDay(p.lastChecked), id).toBe('2026-11-30');
    }
  });

  it('issue 13: entries nobody could re-verify are flagged, keep their previous check and are listed in docs/catalog.md', () => {
    const doc = readFileSync(new URL('../../docs/catalog.md', import.meta.url), 'utf8');
    expect(unverified.length).toBeGreaterThan(0);
    for (const p of unverified) {
      // The previous check's day and source stay: no new time is invented for a check that found nothing.
      expect(hasCheckTime(p.lastChecked), p.id).toBe(false);
      expect(p.lastChecked, p.id).toBe('2026-11-01');
      expect(doc, p.id).toMatch(new RegExp('`' + p.id + '`[^\\n]*chưa xác minh lại'));
    }
    for (const p of verified) expect(doc, p.id).toContain('`' + p.id + '`');
  });

  it('issue 13: Sendo is retired (marketplace closed 15/4/2025), with the closure as its source', () => {
    const sendo = getCatalogPlatform('sendo')!;
    expect(sendo.retired).toBe(true);
    expect(sendo.source).toContain('doanhnhanvn.vn');
    expect(sendo.description.vi).toContain('15/4/2025');
  });

  it('issue 13: TikTok Shop is present, active and ahead of Lazada in the catalog order (2025 sales share)', () => {
    const tiktok = getCatalogPlatform('tiktok-shop')!;
    expect(tiktok.retired).not.toBe(true);
    expect(tiktok.needs).toContain('ecommerce_marketplace');
    const ids = PLATFORM_CATALOG.map((p) => p.id);
    expect(ids.indexOf('tiktok-shop')).toBeLessThan(ids.indexOf('lazada'));
  });

  it('issue 13: a traceability platform is listed for farm and processed products', () => {
    const checkvn = getCatalogPlatform('checkvn')!;
    expect(checkvn.retired).not.toBe(true);
    expect(checkvn.makeInVietnam).toBe(true);
    expect(checkvn.description.vi).toContain('truy xuất nguồn gốc');
  });

  it('includes the platforms the provinces name', () => {
    const expected = [
      'viettel-sinvoice',
      'vnpt-invoice',
      'misa-meinvoice',
      'bkav-ehoadon',
      'fpt-einvoice',
      'm-invoice',
      'gdt-thuedientu',
      'viettel-ca',
      'vnpt-ca',
      'vietqr-napas',
      'momo',
      'vnpay',
      'zalopay',
      'viettel-money',
      'vnpt-money',
      'misa-sme',
      'fast-accounting',
      '1office',
      'postmart',
      'voso',
      'smedx',
    ];
    for (const id of expected) expect(getCatalogPlatform(id), id).toBeDefined();
    expect(getCatalogPlatform('smedx')?.category).toBe('consulting_training');
    expect(getCatalogPlatform('unknown-platform')).toBeUndefined();
  });

  it('marks Vietnamese-made and foreign platforms correctly', () => {
    const vn = ['viettel-sinvoice', 'misa-amis', 'kiotviet', 'postmart', 'voso', 'momo', 'fpt-cloud', 'tiki'];
    const foreign = [
      'shopee',
      'lazada',
      'tiktok-shop',
      'google-workspace',
      'microsoft-365',
      'zoom',
      'amazon-global-selling',
      'alibaba-com',
      'odoo',
    ];
    for (const id of vn) expect(getCatalogPlatform(id)?.makeInVietnam, id).toBe(true);
    for (const id of foreign) expect(getCatalogPlatform(id)?.makeInVietnam, id).toBe(false);
  });

  it('has realistic fits', () => {
    const erp = PLATFORM_CATALOG.filter((p) => p.category === 'enterprise_management' || p.needs.includes('erp'));
    expect(erp.length).toBeGreaterThan(0);
    for (const p of erp) expect(p.fits.producerTypes, p.id).not.toContain('household');

    const farmFloors = PLATFORM_CATALOG.filter((p) => p.needs.includes('farm_ocop_floor'));
    for (const p of farmFloors) {
      expect(p.fits.sectors as readonly string[], p.id).toContain('A');
      expect(p.fits.producerTypes, p.id).toEqual(expect.arrayContaining(['cooperative', 'household']));
    }

    // Step 1 must be reachable by everyone, households included.
    for (const need of ['e_invoice', 'e_tax', 'digital_signature', 'cashless_payment'] as const) {
      const forHouseholds = active.filter((p) => p.needs.includes(need) && p.fits.producerTypes.includes('household'));
      expect(forHouseholds.length, need).toBeGreaterThanOrEqual(2);
    }

    // An e-invoice is signed: every e-invoice platform needs a digital signature first.
    for (const p of PLATFORM_CATALOG.filter((x) => x.needs.includes('e_invoice') && x.needs.length === 1)) {
      expect(p.requires, p.id).toContain('digital_signature');
    }
  });

  it('is frozen so callers cannot change it', () => {
    expect(Object.isFrozen(PLATFORM_CATALOG)).toBe(true);
    const first = PLATFORM_CATALOG[0] as Platform;
    expect(Object.isFrozen(first.fits.sizes)).toBe(true);
    expect(() => (first.needs as string[]).push('training')).toThrow();
  });
});

describe('parsePlatform', () => {
  const issuesOf = (data: unknown, asOf?: string) => {
    const r = safeParsePlatform(data, asOf === undefined ? {} : { asOf });
    return r.ok ? [] : r.issues.map((i) => i.path.join('.'));
  };

  it('accepts a minimal valid entry and trims and normalises text', () => {
    const p = parsePlatform(valid({ name: '  Nguye\u0302\u0303n  ' }));
    expect(p.name).toBe('Nguyễn');
  });

  it('rejects what the catalog must never contain', () => {
    expect(issuesOf(valid({ url: 'http://example.vn' }))).toEqual(['url']);
    expect(issuesOf(valid({ url: 'https://localhost' }))).toEqual(['url']);
    expect(issuesOf(valid({ category: 'crypto' }))).toEqual(['category']);
    expect(issuesOf(valid({ needs: [] }))).toEqual(['needs']);
    expect(issuesOf(valid({ needs: ['e_invoice', 'teleport'] }))).toEqual(['needs.1']);
    expect(issuesOf(valid({ needs: ['e_invoice', 'e_invoice'] }))).toEqual(['needs']);
    expect(issuesOf(valid({ requires: ['a_private_jet'] }))).toEqual(['requires.0']);
    expect(issuesOf(valid({ requires: ['e_invoice'] }))).toEqual(['requires.0']);
    expect(issuesOf(valid({ id: 'Viettel SInvoice' }))).toEqual(['id']);
    expect(issuesOf(valid({ name: '   ' }))).toEqual(['name']);
    expect(issuesOf(valid({ name: '=HYPERLINK("x")' }))).toEqual(['name']);
    expect(issuesOf(valid({ costModel: 'cheap' }))).toEqual(['costModel']);
    expect(issuesOf(valid({ lastChecked: '2026-02-30' }))).toEqual(['lastChecked']);
    expect(issuesOf(valid({ fits: { sizes: ['micro'], sectors: ['*', 'A'], producerTypes: ['household'] } }))).toEqual(['fits.sectors']);
    expect(issuesOf(valid({ fits: { sizes: ['huge'], sectors: ['A'], producerTypes: ['household'] } }))).toEqual(['fits.sizes.0']);
    expect(issuesOf(valid({ priceNote: { vi: 'liên hệ nhà cung cấp', en: '' } }))).toEqual(['priceNote.en']);
    expect(issuesOf(valid({ extra: 1 }))).toEqual(['']);
  });

  it('rejects a lastChecked after the given day, and only then', () => {
    expect(issuesOf(valid({ lastChecked: '2026-11-24' }), AS_OF)).toEqual(['lastChecked']);
    expect(issuesOf(valid({ lastChecked: '2026-11-23' }), AS_OF)).toEqual([]);
    expect(issuesOf(valid({ lastChecked: '2030-01-01' }))).toEqual([]);
    // A check time is compared by its UTC day.
    expect(issuesOf(valid({ lastChecked: '2026-11-23T23:59Z' }), AS_OF)).toEqual([]);
    expect(issuesOf(valid({ lastChecked: '2026-11-24T00:00Z' }), AS_OF)).toEqual(['lastChecked']);
  });

  it('issue 13: takes a check day or a UTC check time with minutes, and requires both a check and a source', () => {
    for (const ok of ['2026-11-01', '2026-11-30T22:44Z', '2026-11-30T22:44:31Z', '2024-02-29T00:00Z']) {
      expect(issuesOf(valid({ lastChecked: ok })), ok).toEqual([]);
    }
    for (const bad of [
      '2026-11-30T22Z',
      '2026-11-30T24:00Z',
      '2026-11-30T22:44',
      '2026-11-30T22:44+07:00',
      '2025-02-29T10:00Z',
      '30/11/2026',
      '',
    ]) {
      expect(issuesOf(valid({ lastChecked: bad })), bad).toEqual(['lastChecked']);
    }
    expect(issuesOf(valid({ lastChecked: undefined }))).toEqual(['lastChecked']);
    expect(issuesOf(valid({ source: undefined }))).toEqual(['source']);
    expect(issuesOf(valid({ source: 'not a url' }))).toEqual(['source']);
    expect(issuesOf(valid({ unverified: 'yes' }))).toEqual(['unverified']);
    const noSource = safeParsePlatform(valid({ source: undefined }));
    expect(noSource.ok ? '' : noSource.issues[0]!.message).toMatch(/Thiếu nguồn kiểm tra.* \/ source is required/);
  });

  it('issue 13: shows a check on the Vietnamese calendar (UTC+7), and a plain day as it is', () => {
    expect(checkedDayVietnam('2026-11-30T16:59Z')).toBe('2026-11-30');
    expect(checkedDayVietnam('2026-11-30T17:00Z')).toBe('2026-12-01');
    expect(checkedDayVietnam('2026-11-01')).toBe('2026-11-01');
    expect(checkedUtcDay('2026-11-30T22:44:31Z')).toBe('2026-11-30');
  });

  it('reports messages in Vietnamese and English', () => {
    const r = safeParsePlatform(valid({ url: 'http://example.vn' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/https.* \/ .*https/);
    expect(() => parsePlatform(valid({ category: 'x' }))).toThrow(/test-platform.*\n.*category/);
  });

  it('rejects duplicate ids across a catalog', () => {
    expect(() => parseCatalog([valid(), valid()])).toThrow(/duplicate id/);
    expect(parseCatalog([valid(), valid({ id: 'other' })])).toHaveLength(2);
  });
});
