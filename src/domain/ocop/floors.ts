/**
 * E-commerce floors (sàn thương mại điện tử) for OCOP and farm products: which
 * floors fit a product, what a producer must prepare before listing, whether a
 * pasted listing link really points at the floor, and how a listing's status
 * may change.
 *
 * The floor data live in src/content/ocop/floors.ts; every function here takes the
 * floors (and the provincial floor's domain, a deployment setting) as
 * arguments. Pure module: no astro, no database, no clock.
 */
import type { OcopGroupId, ProducerType, Text } from './schema.ts';

/** "Tiếng Việt / English": the format of every message. */
const msg = (vi: string, en: string): string => `${vi} / ${en}`;

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export const CHECKLIST_ITEM_IDS = [
  'photos',
  'description',
  'price_unit',
  'traceability',
  'packaging_label',
  'shipping',
  'cashless_payment',
  'e_invoice',
  'ocop_certificate',
  'food_safety',
  'tax_id',
  'tax_declaration',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export const FLOOR_KINDS = ['farm_ocop', 'provincial', 'marketplace'] as const;
/** farm_ocop: Postmart, Voso (national target: every 3★+ product there); provincial: the province's own floor; marketplace: the big commercial floors. */
export type FloorKind = (typeof FLOOR_KINDS)[number];

export interface Floor {
  id: string;
  name: Text;
  operator: Text;
  /** Home page; null for the provincial floor, whose address is a deployment setting. */
  url: string | null;
  /** Registrable domains whose hosts (the domain itself or any subdomain) carry product pages. */
  domains: string[];
  /**
   * Hosts under `domains` that are seller back offices, not product pages
   * (a pasted seller-centre link only works for the logged-in seller).
   */
  sellerHosts: string[];
  kind: FloorKind;
  fits: { groups: OcopGroupId[] };
  /** Everything this floor can ask for; `requirementsFor` narrows it to one product and seller. */
  requirements: ChecklistItemId[];
  description: Text;
}

export const PROVINCIAL_FLOOR_ID = 'provincial';

// ---------------------------------------------------------------------------
// Which floors fit a product
// ---------------------------------------------------------------------------

const KIND_ORDER: Readonly<Record<FloorKind, number>> = { farm_ocop: 0, provincial: 1, marketplace: 2 };

/**
 * The floors that accept the product's group, farm/OCOP floors first (the
 * national target is every 3★+ OCOP product on Postmart/Voso, docs/domain.md §5),
 * then the provincial floor, then the marketplaces; the seed order is kept
 * within a kind.
 *
 * `tourism` (community/eco-tourism services and tourist sites) is a service,
 * not a parcel: none of the goods floors takes it, so with the seed data it
 * fits the provincial floor only. Tourism products need booking channels,
 * which are platforms in the catalog (src/content/platforms), not floors.
 *
 * The provincial floor is returned even when its domain is not configured:
 * the producer can still prepare, only marking it 'listed' needs the domain.
 */
export function floorsForProduct<F extends Floor>(product: { group: OcopGroupId }, floors: readonly F[]): F[] {
  return floors
    .map((floor, index) => ({ floor, index }))
    .filter(({ floor }) => floor.fits.groups.includes(product.group))
    .sort((a, b) => KIND_ORDER[a.floor.kind] - KIND_ORDER[b.floor.kind] || a.index - b.index)
    .map(({ floor }) => floor);
}

// ---------------------------------------------------------------------------
// Requirements and checklist
// ---------------------------------------------------------------------------

/**
 * Items that only apply to some product groups. Product decisions, pinned in tests:
 * - a food-safety certificate only for food, beverages and herbal products;
 * - traceability stamps, packaging labels and shipping only for goods: a
 *   tourism service is neither packed nor shipped.
 */
export const ITEM_GROUPS: Readonly<Partial<Record<ChecklistItemId, readonly OcopGroupId[]>>> = {
  food_safety: ['food', 'beverage', 'herbal'],
  traceability: ['food', 'beverage', 'herbal', 'handicraft', 'ornamental'],
  packaging_label: ['food', 'beverage', 'herbal', 'handicraft', 'ornamental'],
  shipping: ['food', 'beverage', 'herbal', 'handicraft', 'ornamental'],
};

/**
 * Sellers who must issue e-invoices to list where the floor asks for them:
 * enterprises and cooperatives are legal entities bound by the e-invoice rules
 * (mandatory for businesses since 1/7/2022, Nghị định 123/2020/NĐ-CP). Cooperative
 * groups are not asked for it. When the seller type is unknown the item is kept.
 */
export const E_INVOICE_SELLERS: readonly ProducerType[] = ['enterprise', 'cooperative'];

/**
 * Household businesses with revenue of 1 billion VND a year or more that sell to consumers must use
 * e-invoices generated from cash registers, from 1/6/2025 (Nghị định 70/2025/NĐ-CP; docs/catalog.md).
 */
export const HOUSEHOLD_E_INVOICE_THRESHOLD_VND = 1_000_000_000;

/** Seller types that sell under a personal tax code or identification number (no enterprise tax code). */
export const PERSONAL_TAX_ID_SELLERS: readonly ProducerType[] = ['household', 'cooperative_group'];

/** The legal rule a checklist item rests on, for this seller; cited beside the item. */
export const CHECKLIST_RULE_IDS = ['nd123_2020', 'nd70_2025', 'nd117_2025', 'nq198_2025'] as const;
export type ChecklistRuleId = (typeof CHECKLIST_RULE_IDS)[number];

export function ruleFor(item: ChecklistItemId, producerType?: ProducerType): ChecklistRuleId | undefined {
  switch (item) {
    case 'e_invoice':
      return producerType === 'household' ? 'nd70_2025' : 'nd123_2020';
    case 'tax_id':
      return 'nd117_2025';
    case 'tax_declaration':
      return 'nq198_2025';
    default:
      return undefined;
  }
}

export interface SellerFacts {
  /** Last year's revenue in VND; null or absent when unknown. */
  revenueVnd?: number | null;
}

/**
 * The checklist for one product on one floor, in the floor's order. Tax items follow the 2025–26
 * rules for household businesses: e-invoices from cash registers above the revenue threshold, a
 * tax code or personal identification number where the marketplace withholds tax, and
 * self-declared tax once lump-sum tax ends (1/1/2026). A household of unknown revenue is not told
 * it is above the threshold.
 */
export function requirementsFor(
  floor: Floor,
  product: { group: OcopGroupId },
  producerType?: ProducerType,
  seller: SellerFacts = {},
): ChecklistItemId[] {
  return floor.requirements.filter((item) => {
    const groups = ITEM_GROUPS[item];
    if (groups && !groups.includes(product.group)) return false;
    if (item === 'e_invoice' && producerType !== undefined && !E_INVOICE_SELLERS.includes(producerType)) {
      return producerType === 'household' && (seller.revenueVnd ?? 0) >= HOUSEHOLD_E_INVOICE_THRESHOLD_VND;
    }
    if (item === 'tax_id') return producerType !== undefined && PERSONAL_TAX_ID_SELLERS.includes(producerType);
    if (item === 'tax_declaration') return producerType === 'household';
    return true;
  });
}

export interface ChecklistProgress {
  done: number;
  total: number;
  /** Required items not ticked yet, in requirement order. */
  missing: ChecklistItemId[];
}

/** Ticked items that are not required (or unknown ids) do not count; duplicates count once. */
export function checklistProgress(requirements: readonly ChecklistItemId[], ticked: readonly string[]): ChecklistProgress {
  const required = [...new Set(requirements)];
  const tickedSet = new Set(ticked);
  const missing = required.filter((item) => !tickedSet.has(item));
  return { done: required.length - missing.length, total: required.length, missing };
}

/** The checklist scope of the items every floor asks for: ticked once per product, counted for every floor. */
export const COMMON_CHECKLIST = '*';

/**
 * A product's checklist split as a helper works through it: the items every one of its floors asks for (prepared
 * once: photos, a description…), and per floor only what that floor adds. Order: the first floor's, then each
 * floor's own.
 */
export function splitChecklist(
  floors: readonly Floor[],
  product: { group: OcopGroupId },
  producerType?: ProducerType,
  seller: { revenueVnd?: number | null } = {},
): { common: ChecklistItemId[]; extras: Map<string, ChecklistItemId[]> } {
  const lists = floors.map((f) => ({ id: f.id, items: requirementsFor(f, product, producerType, seller) }));
  const common = (lists[0]?.items ?? []).filter((item) => lists.every((l) => l.items.includes(item)));
  return { common, extras: new Map(lists.map((l) => [l.id, l.items.filter((item) => !common.includes(item))])) };
}

/** One floor's progress: its requirements against the common ticks and its own. */
export function floorProgress(
  requirements: readonly ChecklistItemId[],
  ticks: readonly { floorId: string; itemId: string }[],
  floorId: string,
): ChecklistProgress {
  return checklistProgress(
    requirements,
    ticks.filter((t) => t.floorId === COMMON_CHECKLIST || t.floorId === floorId).map((t) => t.itemId),
  );
}

// ---------------------------------------------------------------------------
// Listing URL validation
// ---------------------------------------------------------------------------

export type ListingUrlFailure =
  | 'empty'
  | 'too_long'
  | 'not_url'
  | 'not_https'
  | 'credentials'
  | 'ip_address'
  | 'port'
  | 'wrong_domain'
  | 'seller_page'
  | 'home_page'
  | 'not_configured';

export type ListingUrlResult = { ok: true; url: string } | { ok: false; reason: ListingUrlFailure; message: string };

export interface ListingUrlOptions {
  /** The provincial floor's domain (deployment setting), e.g. "sangiaodich.example.gov.vn". */
  provincialDomain?: string | null;
}

export const LISTING_URL_MAX = 2048;

/**
 * Second-level suffixes under .vn (and the like) that are not one owner's
 * domain: a provincial domain equal to one of these would accept every site
 * under it.
 */
const SHARED_SUFFIXES = new Set([
  'vn',
  'com.vn',
  'gov.vn',
  'org.vn',
  'net.vn',
  'edu.vn',
  'biz.vn',
  'info.vn',
  'name.vn',
  'pro.vn',
  'health.vn',
  'int.vn',
  'ac.vn',
]);
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A configured floor domain in canonical form (lower case, punycode, no
 * trailing dot), or null when it is not a usable registrable domain: empty,
 * a URL with a path, an IP address, a single label or a shared suffix such as
 * "gov.vn". Accepts a bare host or a https:// origin; use it to check the
 * setting at start-up.
 */
export function normaliseFloorDomain(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  let raw = input.trim().toLowerCase();
  if (raw === '') return null;
  raw = raw.replace(/^https:\/\//, '').replace(/\/$/, '');
  if (/[/?#@:\s\\]/.test(raw)) return null;
  let host: string;
  try {
    host = new URL(`https://${raw}/`).hostname;
  } catch {
    return null;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (isIpHost(host)) return null;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => HOST_LABEL.test(label))) return null;
  if (SHARED_SUFFIXES.has(host)) return null;
  return host;
}

function isIpHost(hostname: string): boolean {
  // The WHATWG parser already turns "0x7f.1", "2130706433" and friends into
  // dotted IPv4, and IPv6 hosts keep their brackets.
  return hostname.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

function hostMatches(hostname: string, domain: string): boolean {
  // Exact or a dot boundary: "www.shopee.vn" matches, "evil-shopee.vn" and
  // "shopee.vn.evil.com" do not.
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** The domains a floor's listing links may use (the provincial floor's come from the setting). */
export function floorDomains(floor: Floor, options: ListingUrlOptions = {}): string[] {
  if (floor.kind !== 'provincial') return floor.domains;
  const configured = normaliseFloorDomain(options.provincialDomain);
  return configured ? [configured] : [];
}

/** The floor's name inside a sentence: brands as they are, "the provincial e-commerce floor" in lower case. */
function nameInSentence(floor: Floor): Text {
  if (floor.kind !== 'provincial') return floor.name;
  const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  return { vi: lowerFirst(floor.name.vi), en: `the ${lowerFirst(floor.name.en)}` };
}

function floorLabel(floor: Floor, domains: readonly string[]): Text {
  const name = nameInSentence(floor);
  const suffix = domains.length > 0 ? ` (${domains.join(', ')})` : '';
  return { vi: `${name.vi}${suffix}`, en: `${name.en}${suffix}` };
}

/** The message shown when 'listed' has no usable link. */
export function listingUrlRequiredMessage(floor: Floor): string {
  const name = nameInSentence(floor);
  return msg(`Cần đường dẫn https tới sản phẩm trên ${name.vi}`, `A https link to the product on ${name.en} is required`);
}

function fail(reason: ListingUrlFailure, message: string): ListingUrlResult {
  return { ok: false, reason, message };
}

/**
 * Checks a pasted link to a product page on `floor` and returns it normalised
 * (WHATWG serialisation: lower-case punycode host, default port dropped,
 * fragment removed; the query is kept because some floors put the product id there).
 *
 * Refused: anything but an absolute https URL; user name or password in the
 * URL; IP addresses; explicit ports; hosts that are neither a floor domain nor
 * a subdomain of one; seller-centre hosts; a bare home page; and, for the
 * provincial floor, any link while its domain is not configured.
 *
 * Short share links on a floor subdomain (s.shopee.vn, s.lazada.vn,
 * vt.tiktok.com) are accepted: they redirect, so we cannot see the product
 * behind them, but they are on the floor's own domain.
 */
export function validateListingUrl(floor: Floor, url: unknown, options: ListingUrlOptions = {}): ListingUrlResult {
  const required = listingUrlRequiredMessage(floor);
  const name = nameInSentence(floor);
  const domains = floorDomains(floor, options);
  if (domains.length === 0) {
    return fail(
      'not_configured',
      msg(
        `Chưa cấu hình tên miền của ${name.vi}; vui lòng báo quản trị viên`,
        `The domain of ${name.en} is not configured; please tell the administrator`,
      ),
    );
  }
  if (typeof url !== 'string' || url.trim() === '') return fail('empty', required);
  const text = url.trim();
  if (text.length > LISTING_URL_MAX) {
    return fail(
      'too_long',
      msg(`Đường dẫn quá dài (tối đa ${LISTING_URL_MAX} ký tự)`, `The link is too long (at most ${LISTING_URL_MAX} characters)`),
    );
  }
  // The URL parser silently drops tabs and new lines inside a URL; a link with
  // spaces or control characters in it is a paste gone wrong, not a link.
  if (/[\s\p{Cc}]/u.test(text)) return fail('not_url', required);

  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return fail('not_url', required);
  }
  if (parsed.protocol !== 'https:') {
    return fail(
      'not_https',
      msg(
        `Đường dẫn phải bắt đầu bằng https:// và trỏ tới sản phẩm trên ${name.vi}`,
        `The link must start with https:// and point to the product on ${name.en}`,
      ),
    );
  }
  if (parsed.username !== '' || parsed.password !== '' || /^https:\/\/[^/?#]*@/i.test(text)) {
    return fail(
      'credentials',
      msg('Đường dẫn không được chứa tên đăng nhập hoặc mật khẩu', 'The link must not contain a user name or password'),
    );
  }
  if (isIpHost(parsed.hostname)) {
    return fail(
      'ip_address',
      msg('Đường dẫn phải dùng tên miền của sàn, không dùng địa chỉ IP', 'The link must use the floor’s domain name, not an IP address'),
    );
  }
  if (parsed.port !== '') {
    return fail('port', msg('Đường dẫn không được chỉ định cổng (port)', 'The link must not specify a port'));
  }
  const label = floorLabel(floor, domains);
  const hostname = parsed.hostname;
  if (!domains.some((domain) => hostMatches(hostname, domain))) {
    return fail('wrong_domain', msg(`Đường dẫn không thuộc ${label.vi}`, `The link is not on ${label.en}`));
  }
  if (floor.sellerHosts.some((host) => hostMatches(hostname, host))) {
    return fail(
      'seller_page',
      msg(
        'Đây là trang quản lý của người bán; hãy dán đường dẫn trang sản phẩm mà người mua nhìn thấy',
        'This is the seller centre; paste the link of the product page buyers see',
      ),
    );
  }
  if ((parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '') {
    return fail(
      'home_page',
      msg(
        `Đây là trang chủ; hãy dán đường dẫn tới trang sản phẩm trên ${name.vi}`,
        `This is the home page; paste the link to the product page on ${name.en}`,
      ),
    );
  }
  parsed.hash = '';
  return { ok: true, url: parsed.href };
}

// ---------------------------------------------------------------------------
// Listing status
// ---------------------------------------------------------------------------

export const LISTING_STATUSES = ['not_listed', 'preparing', 'listed', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const LISTING_STATUS_LABELS: Readonly<Record<ListingStatus, Text>> = {
  not_listed: { vi: 'Chưa đưa lên sàn', en: 'Not listed' },
  preparing: { vi: 'Đang chuẩn bị', en: 'Preparing' },
  listed: { vi: 'Đã lên sàn', en: 'Listed' },
  withdrawn: { vi: 'Đã gỡ khỏi sàn', en: 'Withdrawn' },
};

/** Statuses 'withdrawn' may be reached from: something must have been (about to be) on the floor. */
export const WITHDRAWN_FROM: readonly ListingStatus[] = ['listed', 'preparing', 'withdrawn'];

export type TransitionResult = { ok: true; url?: string } | { ok: false; message: string };

function isListingStatus(value: unknown): value is ListingStatus {
  return typeof value === 'string' && (LISTING_STATUSES as readonly string[]).includes(value);
}

/**
 * Rules (product decisions, pinned in tests):
 * - any status may move to any other, and staying put is allowed (for 'listed'
 *   that is how the link is updated);
 * - 'listed' always needs a valid link to the product on the floor, even when
 *   it was already listed; the normalised link is returned;
 * - 'withdrawn' only from 'listed' or 'preparing' (a producer who stops half
 *   way withdraws too); from 'not_listed' there is nothing to withdraw;
 * - for every status other than 'listed' a `url` argument is ignored and none
 *   is returned: keeping the last link for history is the caller's choice.
 */
export function validateTransition(args: {
  from: ListingStatus;
  to: ListingStatus;
  url?: string | null;
  floor: Floor;
  provincialDomain?: string | null;
}): TransitionResult {
  const { from, to, url, floor, provincialDomain } = args;
  if (!isListingStatus(from) || !isListingStatus(to)) {
    return { ok: false, message: msg('Trạng thái đăng bán không hợp lệ', 'Invalid listing status') };
  }
  if (to === 'withdrawn' && !WITHDRAWN_FROM.includes(from)) {
    return {
      ok: false,
      message: msg(
        'Chỉ gỡ được sản phẩm đã lên sàn hoặc đang chuẩn bị lên sàn',
        'Only a product that is listed or being prepared can be withdrawn',
      ),
    };
  }
  if (to === 'listed') {
    const result = validateListingUrl(floor, url, { provincialDomain });
    if (!result.ok) {
      // A missing link gets the plain "link required" message; a wrong one says what is wrong.
      return { ok: false, message: result.message };
    }
    return { ok: true, url: result.url };
  }
  return { ok: true };
}
