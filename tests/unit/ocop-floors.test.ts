import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, CHECKLIST_RULES, OCOP_FLOORS } from '#src/content/ocop/floors.ts';
import {
  CHECKLIST_ITEM_IDS,
  HOUSEHOLD_E_INVOICE_THRESHOLD_VND,
  ruleFor,
  checklistProgress,
  COMMON_CHECKLIST,
  floorProgress,
  floorsForProduct,
  normaliseFloorDomain,
  requirementsFor,
  splitChecklist,
  validateListingUrl,
  validateTransition,
} from '#src/domain/ocop/floors.ts';
import type { Floor, ListingStatus } from '#src/domain/ocop/floors.ts';
import { OCOP_GROUP_IDS } from '#src/domain/ocop/schema.ts';

function floor(id: string): Floor {
  const found = OCOP_FLOORS.find((f) => f.id === id);
  if (!found) throw new Error(`no floor ${id}`);
  return found;
}

const ids = (floors: readonly Floor[]) => floors.map((f) => f.id);
const PROVINCIAL_DOMAIN = 'sangiaodich.ninhbinh.gov.vn';

describe('floor seed data', () => {
  it('has the expected floors with their domains', () => {
    expect(Object.fromEntries(OCOP_FLOORS.map((f) => [f.id, f.domains]))).toEqual({
      postmart: ['postmart.vn'],
      voso: ['voso.vn'],
      provincial: [],
      shopee: ['shopee.vn'],
      lazada: ['lazada.vn'],
      tiktok_shop: ['tiktok.com', 'shop.tiktok.com'],
      tiki: ['tiki.vn'],
    });
  });

  it('has consistent entries', () => {
    const seen = new Set<string>();
    for (const f of OCOP_FLOORS) {
      expect(seen.has(f.id), f.id).toBe(false);
      seen.add(f.id);
      expect(f.name.vi && f.name.en && f.operator.vi && f.operator.en && f.description.vi && f.description.en).toBeTruthy();
      if (f.kind === 'provincial') {
        expect(f.url).toBeNull();
      } else {
        expect(f.url).toMatch(/^https:\/\//);
        // The home page must be on one of the floor's own domains.
        expect(
          f.domains.some((d) => new URL(f.url!).hostname === d || new URL(f.url!).hostname.endsWith(`.${d}`)),
          f.id,
        ).toBe(true);
      }
      for (const d of f.domains) expect(normaliseFloorDomain(d)).toBe(d);
      for (const host of f.sellerHosts)
        expect(
          f.domains.some((d) => host.endsWith(`.${d}`)),
          host,
        ).toBe(true);
      expect(new Set(f.requirements).size).toBe(f.requirements.length);
      for (const item of f.requirements) expect(CHECKLIST_ITEM_IDS).toContain(item);
      for (const group of f.fits.groups) expect(OCOP_GROUP_IDS).toContain(group);
      // Food safety is asked on every floor (and narrowed by group in requirementsFor).
      expect(f.requirements).toContain('food_safety');
    }
  });

  it('asks for the OCOP certificate on Postmart, Voso and the provincial floor only', () => {
    expect(OCOP_FLOORS.filter((f) => f.requirements.includes('ocop_certificate')).map((f) => f.id)).toEqual([
      'postmart',
      'voso',
      'provincial',
    ]);
  });

  it('asks for e-invoices on the marketplaces only', () => {
    expect(OCOP_FLOORS.filter((f) => f.requirements.includes('e_invoice')).map((f) => f.id)).toEqual([
      'shopee',
      'lazada',
      'tiktok_shop',
      'tiki',
    ]);
  });

  it('labels every checklist item in both languages with a hint', () => {
    expect(Object.keys(CHECKLIST_ITEMS).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort());
    for (const id of CHECKLIST_ITEM_IDS) {
      const item = CHECKLIST_ITEMS[id];
      expect(item.id).toBe(id);
      expect(item.label.vi && item.label.en && item.hint.vi && item.hint.en).toBeTruthy();
      expect(item.hint.vi).not.toContain('\n');
    }
    expect(CHECKLIST_ITEMS.photos.label.vi).toContain('ít nhất 3');
  });
});

describe('floorsForProduct', () => {
  it.each([
    ['food', ['postmart', 'voso', 'provincial', 'shopee', 'lazada', 'tiktok_shop', 'tiki']],
    ['beverage', ['postmart', 'voso', 'provincial', 'shopee', 'lazada', 'tiktok_shop', 'tiki']],
    ['herbal', ['postmart', 'voso', 'provincial', 'shopee', 'lazada', 'tiktok_shop', 'tiki']],
    ['handicraft', ['postmart', 'voso', 'provincial', 'shopee', 'lazada', 'tiktok_shop', 'tiki']],
    ['ornamental', ['postmart', 'voso', 'provincial', 'shopee', 'lazada', 'tiktok_shop']],
    ['tourism', ['provincial']],
  ] as const)('%s → %j', (group, expected) => {
    expect(ids(floorsForProduct({ group }, OCOP_FLOORS))).toEqual(expected);
  });

  it('orders farm/OCOP floors, then provincial, then marketplaces, whatever the input order', () => {
    const shuffled = [floor('tiki'), floor('provincial'), floor('shopee'), floor('voso'), floor('postmart')];
    expect(ids(floorsForProduct({ group: 'food' }, shuffled))).toEqual(['voso', 'postmart', 'provincial', 'tiki', 'shopee']);
  });

  it('does not modify the list it is given', () => {
    const input = [floor('shopee'), floor('postmart')];
    floorsForProduct({ group: 'food' }, input);
    expect(ids(input)).toEqual(['shopee', 'postmart']);
  });
});

describe('requirementsFor', () => {
  it('keeps food safety for food, beverages and herbal products', () => {
    for (const group of ['food', 'beverage', 'herbal'] as const) {
      expect(requirementsFor(floor('postmart'), { group })).toContain('food_safety');
    }
  });

  it.each(['handicraft', 'ornamental', 'tourism'] as const)('drops food safety for %s', (group) => {
    for (const f of OCOP_FLOORS) expect(requirementsFor(f, { group })).not.toContain('food_safety');
  });

  it('gives the full farm-floor checklist for a food product', () => {
    expect(requirementsFor(floor('voso'), { group: 'food' })).toEqual([
      'photos',
      'description',
      'price_unit',
      'ocop_certificate',
      'food_safety',
      'packaging_label',
      'traceability',
      'shipping',
      'cashless_payment',
    ]);
  });

  it('asks nothing about packing or shipping for a tourism service', () => {
    expect(requirementsFor(floor('provincial'), { group: 'tourism' })).toEqual([
      'photos',
      'description',
      'price_unit',
      'ocop_certificate',
      'cashless_payment',
    ]);
  });

  it('issue 13: a household above the revenue threshold gets the e-invoice item, citing Decree 70/2025', () => {
    const shopee = floor('shopee');
    expect(requirementsFor(shopee, { group: 'food' }, 'household', { revenueVnd: HOUSEHOLD_E_INVOICE_THRESHOLD_VND })).toContain(
      'e_invoice',
    );
    expect(requirementsFor(shopee, { group: 'food' }, 'household', { revenueVnd: 3e9 })).toContain('e_invoice');
    expect(requirementsFor(shopee, { group: 'food' }, 'household', { revenueVnd: HOUSEHOLD_E_INVOICE_THRESHOLD_VND - 1 })).not.toContain(
      'e_invoice',
    );
    // Unknown revenue: not told it is above the threshold.
    expect(requirementsFor(shopee, { group: 'food' }, 'household', { revenueVnd: null })).not.toContain('e_invoice');
    expect(ruleFor('e_invoice', 'household')).toBe('nd70_2025');
    expect(CHECKLIST_RULES.nd70_2025.cite.vi).toContain('Nghị định 70/2025/NĐ-CP');
    expect(CHECKLIST_RULES.nd70_2025.cite.vi).toContain('1/6/2025');
    expect(ruleFor('e_invoice', 'enterprise')).toBe('nd123_2020');
  });

  it('issue 13: household and individual sellers on marketplaces need a tax code or personal ID (Decree 117/2025); households self-declare from 1/1/2026', () => {
    const shopee = floor('shopee');
    expect(requirementsFor(shopee, { group: 'food' }, 'household')).toEqual(expect.arrayContaining(['tax_id', 'tax_declaration']));
    expect(requirementsFor(shopee, { group: 'food' }, 'cooperative_group')).toContain('tax_id');
    expect(requirementsFor(shopee, { group: 'food' }, 'cooperative_group')).not.toContain('tax_declaration');
    expect(requirementsFor(shopee, { group: 'food' }, 'enterprise')).not.toContain('tax_id');
    expect(requirementsFor(floor('postmart'), { group: 'food' }, 'household')).toContain('tax_declaration');
    expect(requirementsFor(floor('postmart'), { group: 'food' }, 'household')).not.toContain('tax_id');
    expect(ruleFor('tax_id', 'household')).toBe('nd117_2025');
    expect(ruleFor('tax_declaration', 'household')).toBe('nq198_2025');
    expect(CHECKLIST_RULES.nq198_2025.cite.vi).toContain('1/1/2026');
    // Every rule has a public source.
    for (const r of Object.values(CHECKLIST_RULES)) expect(r.source).toMatch(/^https:\/\//);
  });

  it('asks e-invoices of enterprises and cooperatives, not of households or cooperative groups', () => {
    const shopee = floor('shopee');
    expect(requirementsFor(shopee, { group: 'handicraft' }, 'enterprise')).toContain('e_invoice');
    expect(requirementsFor(shopee, { group: 'handicraft' }, 'cooperative')).toContain('e_invoice');
    expect(requirementsFor(shopee, { group: 'handicraft' }, 'household')).not.toContain('e_invoice');
    expect(requirementsFor(shopee, { group: 'handicraft' }, 'cooperative_group')).not.toContain('e_invoice');
    // Unknown seller: keep the item rather than hide an obligation.
    expect(requirementsFor(shopee, { group: 'handicraft' })).toContain('e_invoice');
    // Floors that do not list it never gain it.
    expect(requirementsFor(floor('postmart'), { group: 'food' }, 'enterprise')).not.toContain('e_invoice');
  });
});

describe('checklistProgress', () => {
  const reqs = requirementsFor(floor('shopee'), { group: 'food' }, 'household');

  it('counts nothing ticked', () => {
    expect(checklistProgress(reqs, [])).toEqual({ done: 0, total: 9, missing: reqs });
  });

  it('counts ticked items and lists the missing ones in order', () => {
    expect(checklistProgress(reqs, ['shipping', 'photos'])).toEqual({
      done: 2,
      total: 9,
      missing: ['description', 'price_unit', 'food_safety', 'packaging_label', 'cashless_payment', 'tax_id', 'tax_declaration'],
    });
  });

  it('ignores duplicates, unknown ids and items not required', () => {
    expect(checklistProgress(reqs, ['photos', 'photos', 'ocop_certificate', 'e_invoice', 'nonsense'])).toMatchObject({ done: 1, total: 9 });
  });

  it('is complete when everything is ticked', () => {
    expect(checklistProgress(reqs, [...CHECKLIST_ITEM_IDS])).toEqual({ done: 9, total: 9, missing: [] });
  });

  it('handles an empty checklist', () => {
    expect(checklistProgress([], ['photos'])).toEqual({ done: 0, total: 0, missing: [] });
  });
});

describe('validateListingUrl', () => {
  const accepted: [string, string, string][] = [
    ['shopee', 'https://shopee.vn/Nuoc-mam-Van-Phan-i.123.456', 'https://shopee.vn/Nuoc-mam-Van-Phan-i.123.456'],
    ['shopee', 'https://www.shopee.vn/product/123/456', 'https://www.shopee.vn/product/123/456'],
    ['shopee', '  https://SHOPEE.VN/product/123/456#reviews  ', 'https://shopee.vn/product/123/456'],
    ['shopee', 'https://shopee.vn:443/product/1/2', 'https://shopee.vn/product/1/2'],
    ['shopee', 'https://s.shopee.vn/AbC123', 'https://s.shopee.vn/AbC123'],
    ['shopee', 'https://shopee.vn/?x=1', 'https://shopee.vn/?x=1'],
    [
      'lazada',
      'https://www.lazada.vn/products/mat-ong-i123-s456.html?spm=a2o4n',
      'https://www.lazada.vn/products/mat-ong-i123-s456.html?spm=a2o4n',
    ],
    ['tiktok_shop', 'https://shop.tiktok.com/view/product/1729?region=VN', 'https://shop.tiktok.com/view/product/1729?region=VN'],
    ['tiktok_shop', 'https://vt.tiktok.com/ZSabc123/', 'https://vt.tiktok.com/ZSabc123/'],
    [
      'tiktok_shop',
      'https://www.tiktok.com/@htxgiaothuy/video/7300000000000000000',
      'https://www.tiktok.com/@htxgiaothuy/video/7300000000000000000',
    ],
    ['tiki', 'https://tiki.vn/mat-ong-p123.html?spid=456', 'https://tiki.vn/mat-ong-p123.html?spid=456'],
    ['postmart', 'https://postmart.vn/san-pham/nuoc-mam-123', 'https://postmart.vn/san-pham/nuoc-mam-123'],
    ['voso', 'https://voso.vn/nuoc-mam-van-phan-p123', 'https://voso.vn/nuoc-mam-van-phan-p123'],
    ['provincial', `https://${PROVINCIAL_DOMAIN}/san-pham/123`, `https://${PROVINCIAL_DOMAIN}/san-pham/123`],
  ];

  it.each(accepted)('%s accepts %j', (floorId, url, normalised) => {
    expect(validateListingUrl(floor(floorId), url, { provincialDomain: PROVINCIAL_DOMAIN })).toEqual({ ok: true, url: normalised });
  });

  const refused: [string, unknown, string][] = [
    ['shopee', '', 'empty'],
    ['shopee', '   ', 'empty'],
    ['shopee', undefined, 'empty'],
    ['shopee', 42, 'empty'],
    ['shopee', 'shopee.vn/product/1/2', 'not_url'], // no scheme
    ['shopee', '//shopee.vn/product/1/2', 'not_url'], // scheme-relative
    ['shopee', '/product/1/2', 'not_url'],
    ['shopee', 'https://shopee.vn/product/1 2', 'not_url'], // space inside
    ['shopee', 'https://shopee.vn/prod\nuct/1/2', 'not_url'], // the URL parser would silently drop the new line
    ['shopee', 'http://shopee.vn/product/1/2', 'not_https'],
    ['shopee', 'javascript:alert(1)//shopee.vn', 'not_https'],
    ['shopee', 'JavaScript:fetch("https://shopee.vn")', 'not_https'],
    ['shopee', 'data:text/html,https://shopee.vn', 'not_https'],
    ['shopee', 'ftp://shopee.vn/product', 'not_https'],
    ['shopee', 'https://shopee.vn.evil.com/product/1', 'wrong_domain'],
    ['shopee', 'https://evil-shopee.vn/product/1', 'wrong_domain'],
    ['shopee', 'https://evilshopee.vn/product/1', 'wrong_domain'],
    ['shopee', 'https://evil.com/https://shopee.vn/product', 'wrong_domain'],
    ['shopee', 'https://evil.com?u=shopee.vn', 'wrong_domain'],
    ['shopee', 'https://evil.com#shopee.vn', 'wrong_domain'],
    ['shopee', 'https://evil.com\\@shopee.vn/product', 'credentials'],
    ['shopee', 'https://shopeе.vn/product/1', 'wrong_domain'], // Cyrillic "е": punycode host
    ['shopee', 'https://lazada.vn/products/1', 'wrong_domain'], // another floor
    ['shopee', 'https://shopee.vn./product/1', 'wrong_domain'], // trailing dot
    ['shopee', 'https://shopee.vn@evil.com/product', 'credentials'],
    ['shopee', 'https://user:pass@shopee.vn/product/1', 'credentials'],
    ['shopee', 'https://user@shopee.vn/product/1', 'credentials'],
    ['shopee', 'https://@shopee.vn/product/1', 'credentials'],
    ['shopee', 'https://203.0.113.7/product/1', 'ip_address'],
    ['shopee', 'https://0xCB.0.113.7/product/1', 'ip_address'], // hex IPv4 normalised by the parser
    ['shopee', 'https://3405803783/product/1', 'ip_address'], // IPv4 as one number
    ['shopee', 'https://[2001:db8::1]/product/1', 'ip_address'],
    ['shopee', 'https://shopee.vn:8443/product/1', 'port'],
    ['shopee', 'https://shopee.vn', 'home_page'],
    ['shopee', 'https://www.shopee.vn/', 'home_page'],
    ['shopee', 'https://banhang.shopee.vn/portal/product/123', 'seller_page'],
    ['lazada', 'https://sellercenter.lazada.vn/apps/product/list', 'seller_page'],
    ['tiktok_shop', 'https://seller-vn.tiktok.com/product/manage', 'seller_page'],
    ['tiktok_shop', 'https://eviltiktok.com/view/product/1', 'wrong_domain'],
    ['tiktok_shop', 'https://shop.tiktok.com.evil.vn/view/product/1', 'wrong_domain'],
    ['tiktok_shop', 'https://tiktokshop.com/view/product/1', 'wrong_domain'],
    ['postmart', 'https://voso.vn/nuoc-mam-p123', 'wrong_domain'],
    ['shopee', `https://shopee.vn/${'a'.repeat(2100)}`, 'too_long'],
  ];

  it('has a table of at least 20 refusals', () => {
    expect(refused.length).toBeGreaterThanOrEqual(20);
  });

  it.each(refused)('%s refuses %j (%s)', (floorId, url, reason) => {
    const result = validateListingUrl(floor(floorId), url);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message).toMatch(/^.+ \/ .+$/);
  });

  it('says what is needed when the link is missing', () => {
    expect(validateListingUrl(floor('shopee'), '')).toEqual({
      ok: false,
      reason: 'empty',
      message: 'Cần đường dẫn https tới sản phẩm trên Shopee / A https link to the product on Shopee is required',
    });
  });

  it('names the floor and its domain when the link is elsewhere', () => {
    const result = validateListingUrl(floor('voso'), 'https://postmart.vn/p/1');
    expect(result.ok ? '' : result.message).toBe('Đường dẫn không thuộc Voso (Vỏ Sò) (voso.vn) / The link is not on Voso (voso.vn)');
  });

  describe('provincial floor', () => {
    const provincial = floor('provincial');

    it('refuses every link while its domain is not configured', () => {
      for (const provincialDomain of [undefined, null, '', '   ']) {
        expect(validateListingUrl(provincial, 'https://sangiaodich.ninhbinh.gov.vn/p/1', { provincialDomain })).toMatchObject({
          ok: false,
          reason: 'not_configured',
        });
      }
    });

    it('accepts the configured domain and its subdomains, not its look-alikes', () => {
      const opts = { provincialDomain: 'https://SanGiaoDich.NinhBinh.gov.vn/' };
      expect(validateListingUrl(provincial, 'https://www.sangiaodich.ninhbinh.gov.vn/p/1', opts).ok).toBe(true);
      expect(validateListingUrl(provincial, 'https://ninhbinh.gov.vn/p/1', opts).ok).toBe(false);
      expect(validateListingUrl(provincial, 'https://sangiaodich.ninhbinh.gov.vn.evil.com/p/1', opts).ok).toBe(false);
    });

    it('ignores the provincial setting on the other floors', () => {
      expect(validateListingUrl(floor('shopee'), `https://${PROVINCIAL_DOMAIN}/p/1`, { provincialDomain: PROVINCIAL_DOMAIN }).ok).toBe(
        false,
      );
    });

    it.each([
      ['sangiaodich.ninhbinh.gov.vn', 'sangiaodich.ninhbinh.gov.vn'],
      ['  https://SANGIAODICH.ninhbinh.gov.vn/ ', 'sangiaodich.ninhbinh.gov.vn'],
      ['ninhbinh.gov.vn.', 'ninhbinh.gov.vn'],
      ['gov.vn', null], // a shared suffix would accept every government site
      ['com.vn', null],
      ['vn', null],
      ['localhost', null],
      ['203.0.113.7', null],
      ['http://sangiaodich.ninhbinh.gov.vn', null],
      ['sangiaodich.ninhbinh.gov.vn/path', null],
      ['user@sangiaodich.ninhbinh.gov.vn', null],
      ['-bad-.gov.vn', null],
      ['', null],
    ])('normaliseFloorDomain(%j) = %j', (input, expected) => {
      expect(normaliseFloorDomain(input)).toBe(expected);
    });

    it('speaks of "the provincial e-commerce floor" in messages', () => {
      const result = validateTransition({ from: 'preparing', to: 'listed', floor: provincial, provincialDomain: PROVINCIAL_DOMAIN });
      expect(result).toEqual({
        ok: false,
        message:
          'Cần đường dẫn https tới sản phẩm trên sàn thương mại điện tử của tỉnh / A https link to the product on the provincial e-commerce floor is required',
      });
    });
  });
});

describe('validateTransition', () => {
  const shopee = floor('shopee');
  const url = 'https://shopee.vn/product/123/456';
  const STATUSES: ListingStatus[] = ['not_listed', 'preparing', 'listed', 'withdrawn'];

  it('refuses "listed" without a link', () => {
    for (const from of STATUSES) {
      expect(validateTransition({ from, to: 'listed', floor: shopee })).toEqual({
        ok: false,
        message: 'Cần đường dẫn https tới sản phẩm trên Shopee / A https link to the product on Shopee is required',
      });
    }
  });

  it('refuses "listed" with a link to another site, saying why', () => {
    const result = validateTransition({ from: 'preparing', to: 'listed', url: 'https://shopee.vn.evil.com/p', floor: shopee });
    expect(result).toEqual({ ok: false, message: 'Đường dẫn không thuộc Shopee (shopee.vn) / The link is not on Shopee (shopee.vn)' });
  });

  it('accepts "listed" with a valid link and returns it normalised', () => {
    expect(validateTransition({ from: 'preparing', to: 'listed', url: `${url}#top`, floor: shopee })).toEqual({ ok: true, url });
    // Staying listed is how the link is updated; it is checked again.
    expect(validateTransition({ from: 'listed', to: 'listed', url, floor: shopee })).toEqual({ ok: true, url });
    expect(validateTransition({ from: 'listed', to: 'listed', url: 'http://shopee.vn/p/1', floor: shopee }).ok).toBe(false);
  });

  it('refuses "listed" on an unconfigured provincial floor', () => {
    const result = validateTransition({
      from: 'preparing',
      to: 'listed',
      url: `https://${PROVINCIAL_DOMAIN}/p/1`,
      floor: floor('provincial'),
    });
    expect(result.ok).toBe(false);
  });

  // The full matrix: withdrawn only from listed or preparing (or staying withdrawn); every other move is free.
  const matrix: [ListingStatus, ListingStatus, boolean][] = [];
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      if (to === 'listed') continue; // covered above
      matrix.push([from, to, to !== 'withdrawn' || from !== 'not_listed']);
    }
  }
  it.each(matrix)('%s → %s allowed: %s', (from, to, allowed) => {
    const result = validateTransition({ from, to, floor: shopee, url: 'ignored' });
    expect(result.ok).toBe(allowed);
    if (result.ok) expect(result).toEqual({ ok: true });
  });

  it('explains why a product never listed cannot be withdrawn', () => {
    expect(validateTransition({ from: 'not_listed', to: 'withdrawn', floor: shopee })).toEqual({
      ok: false,
      message:
        'Chỉ gỡ được sản phẩm đã lên sàn hoặc đang chuẩn bị lên sàn / Only a product that is listed or being prepared can be withdrawn',
    });
  });

  it('refuses unknown statuses coming from a form', () => {
    const result = validateTransition({ from: 'preparing', to: 'sold_out' as ListingStatus, floor: shopee });
    expect(result).toEqual({ ok: false, message: 'Trạng thái đăng bán không hợp lệ / Invalid listing status' });
  });
});

describe('one product checklist: common items once, each floor only its own', () => {
  it('worked example: a 4★ food product of a cooperative', () => {
    const product = { group: 'food' as const };
    const floors = floorsForProduct(product, OCOP_FLOORS);
    const { common, extras } = splitChecklist(floors, product, 'cooperative');
    // Photos, description, price… are asked by every floor: they appear once.
    expect(common).toEqual(expect.arrayContaining(['photos', 'description', 'price_unit']));
    for (const f of floors) {
      const own = extras.get(f.id)!;
      // Every requirement of a floor is either common or its own, never both.
      expect(new Set([...common, ...own])).toEqual(new Set(requirementsFor(f, product, 'cooperative')));
      expect(own.filter((i) => common.includes(i))).toEqual([]);
    }
  });

  it('an item ticked once in the common list counts for every floor', () => {
    const product = { group: 'food' as const };
    const floors = floorsForProduct(product, OCOP_FLOORS);
    const ticks = [{ floorId: COMMON_CHECKLIST, itemId: 'photos' }];
    for (const f of floors) {
      const p = floorProgress(requirementsFor(f, product, 'cooperative'), ticks, f.id);
      expect(p.done, f.id).toBe(1);
      expect(p.missing).not.toContain('photos');
    }
  });

  it('a floor’s own tick counts for that floor only', () => {
    const product = { group: 'food' as const };
    const floors = floorsForProduct(product, OCOP_FLOORS);
    const { extras } = splitChecklist(floors, product, 'cooperative');
    const withExtra = floors.find((f) => extras.get(f.id)!.length > 0);
    if (!withExtra) return; // every floor asks the same: nothing floor-specific to check
    const item = extras.get(withExtra.id)![0]!;
    const ticks = [{ floorId: withExtra.id, itemId: item }];
    for (const f of floors) {
      const p = floorProgress(requirementsFor(f, product, 'cooperative'), ticks, f.id);
      expect(p.missing.includes(item), f.id).toBe(f.id !== withExtra.id && requirementsFor(f, product, 'cooperative').includes(item));
    }
  });

  it('one floor: everything is common', () => {
    const only = OCOP_FLOORS.slice(0, 1);
    const { common, extras } = splitChecklist(only, { group: 'food' }, 'enterprise');
    expect(common).toEqual(requirementsFor(only[0]!, { group: 'food' }, 'enterprise'));
    expect(extras.get(only[0]!.id)).toEqual([]);
    expect(splitChecklist([], { group: 'food' }).common).toEqual([]);
  });
});
