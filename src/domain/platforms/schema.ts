/**
 * Digital-platform catalog: the zod schema of one entry (also the shape of the
 * `platforms` DB table and of the public JSON API), its TypeScript types, the
 * NEED taxonomy the recommender plans with, and `parsePlatform`.
 *
 * Needs are ordered in the four steps the provinces recommend: what is
 * mandatory, then what is no-regret, then what gives outstanding efficiency,
 * then what creates new value (docs/domain.md §2).
 *
 * Pure module: no astro, no database, no clock (the "today" used to reject
 * future `lastChecked` checks is always passed in).
 */
import { z } from 'zod';
import { PLATFORM_CATEGORY_IDS } from '#src/reference/platform-categories.ts';
import type { PlatformCategoryId } from '#src/reference/platform-categories.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';
import { freeText } from '#src/domain/text.ts';
import { issuesFromZod } from '#src/domain/issues.ts';
import { vietnamDay } from '#src/domain/time.ts';
import type { VsicCode } from '#src/reference/vsic.ts';
import { PRODUCER_TYPES } from '#src/reference/producer-types.ts';
import type { ProducerType } from '#src/reference/producer-types.ts';

/** "Tiếng Việt / English": the format of every validation message of the catalog. */
const msg = (vi: string, en: string): string => `${vi} / ${en}`;

// ---------------------------------------------------------------------------
// NEED taxonomy
// ---------------------------------------------------------------------------

export type NeedStep = 1 | 2 | 3 | 4;

/** The provinces' order of adoption: mandatory → no-regret → efficiency → new value. */
export const NEED_STEPS: Readonly<Record<NeedStep, { vi: string; en: string }>> = {
  // Plain words a shop owner uses; "Không hối tiếc" (a calque of "no-regret") read as nonsense.
  1: { vi: 'Bắt buộc theo quy định', en: 'Required by law' },
  2: { vi: 'Nên làm ngay', en: 'Worth doing now' },
  3: { vi: 'Tăng hiệu quả', en: 'Greater efficiency' },
  4: { vi: 'Tạo giá trị mới', en: 'New value' },
};

export const NEED_IDS = [
  // step 1: mandatory
  'e_invoice',
  'e_tax',
  'digital_signature',
  // step 2: no-regret
  'cashless_payment',
  'online_presence',
  'cloud_office',
  'online_meeting',
  // step 3: outstanding efficiency
  'accounting',
  'sales_management',
  'inventory',
  'customer_care',
  'logistics',
  'hr',
  'erp',
  'e_contract',
  'cybersecurity',
  // step 4: new value
  'ecommerce_marketplace',
  'farm_ocop_floor',
  'cross_border',
  'digital_marketing',
  'data_analytics',
  'training',
] as const;

export type NeedId = (typeof NEED_IDS)[number];

export interface Need {
  id: NeedId;
  step: NeedStep;
  /** The ministry category (1 of 17) this need belongs to. */
  category: PlatformCategoryId;
  name: { vi: string; en: string };
}

export const NEEDS: readonly Need[] = [
  { id: 'e_invoice', step: 1, category: 'finance_accounting', name: { vi: 'Hóa đơn điện tử', en: 'E-invoices' } },
  {
    id: 'e_tax',
    step: 1,
    category: 'finance_accounting',
    name: { vi: 'Khai và nộp thuế điện tử', en: 'Electronic tax filing and payment' },
  },
  { id: 'digital_signature', step: 1, category: 'finance_accounting', name: { vi: 'Chữ ký số', en: 'Digital signature' } },

  { id: 'cashless_payment', step: 2, category: 'e_payment', name: { vi: 'Thanh toán không dùng tiền mặt', en: 'Cashless payment' } },
  {
    id: 'online_presence',
    step: 2,
    category: 'web_portal',
    name: { vi: 'Hiện diện trực tuyến (website, bản đồ, trang giới thiệu)', en: 'Online presence (website, maps, business page)' },
  },
  {
    id: 'cloud_office',
    step: 2,
    category: 'cloud',
    name: { vi: 'Văn phòng số trên đám mây (e-mail, tài liệu, lưu trữ)', en: 'Cloud office (e-mail, documents, storage)' },
  },
  { id: 'online_meeting', step: 2, category: 'online_meeting', name: { vi: 'Họp trực tuyến', en: 'Online meetings' } },

  { id: 'accounting', step: 3, category: 'finance_accounting', name: { vi: 'Kế toán', en: 'Accounting' } },
  { id: 'sales_management', step: 3, category: 'sales_management', name: { vi: 'Quản lý bán hàng', en: 'Sales management' } },
  { id: 'inventory', step: 3, category: 'logistics', name: { vi: 'Quản lý kho', en: 'Inventory management' } },
  { id: 'customer_care', step: 3, category: 'customer_care', name: { vi: 'Chăm sóc khách hàng (CRM)', en: 'Customer care (CRM)' } },
  { id: 'logistics', step: 3, category: 'logistics', name: { vi: 'Vận chuyển, giao hàng', en: 'Shipping and delivery' } },
  {
    id: 'hr',
    step: 3,
    category: 'hr_jobs',
    name: { vi: 'Nhân sự, chấm công, tiền lương, tuyển dụng', en: 'HR, time-keeping, payroll and hiring' },
  },
  {
    id: 'erp',
    step: 3,
    category: 'enterprise_management',
    name: { vi: 'Quản trị tổng thể doanh nghiệp (ERP)', en: 'Whole-enterprise management (ERP)' },
  },
  { id: 'e_contract', step: 3, category: 'e_contract', name: { vi: 'Hợp đồng điện tử', en: 'Electronic contracts' } },
  { id: 'cybersecurity', step: 3, category: 'cybersecurity', name: { vi: 'An toàn thông tin', en: 'Cybersecurity' } },

  {
    id: 'ecommerce_marketplace',
    step: 4,
    category: 'ecommerce',
    name: { vi: 'Bán trên sàn thương mại điện tử', en: 'Selling on e-commerce marketplaces' },
  },
  {
    id: 'farm_ocop_floor',
    step: 4,
    category: 'ecommerce',
    name: {
      vi: 'Sàn nông sản, sản phẩm OCOP (bưu điện, Viettel, sàn của tỉnh)',
      en: 'Farm and OCOP product floors (postal, Viettel, provincial)',
    },
  },
  { id: 'cross_border', step: 4, category: 'ecommerce', name: { vi: 'Thương mại điện tử xuyên biên giới', en: 'Cross-border e-commerce' } },
  { id: 'digital_marketing', step: 4, category: 'marketing', name: { vi: 'Tiếp thị số', en: 'Digital marketing' } },
  {
    id: 'data_analytics',
    step: 4,
    category: 'aggregate',
    name: { vi: 'Phân tích dữ liệu, báo cáo quản trị', en: 'Data analytics and management reports' },
  },
  {
    id: 'training',
    step: 4,
    category: 'consulting_training',
    name: { vi: 'Tư vấn, đào tạo chuyển đổi số', en: 'Digital-transformation advice and training' },
  },
];

const NEED_BY_ID: ReadonlyMap<string, Need> = new Map(NEEDS.map((n) => [n.id, n]));

export function getNeed(id: string): Need | undefined {
  return NEED_BY_ID.get(id);
}

export function isNeedId(value: string): value is NeedId {
  return NEED_BY_ID.has(value);
}

// ---------------------------------------------------------------------------
// Plain prerequisites (what a business must already have)
// ---------------------------------------------------------------------------

export const PREREQUISITE_IDS = [
  'bank_account',
  'tax_code',
  'business_registration',
  'citizen_id',
  'smartphone',
  'computer',
  'internet',
  'domain_name',
  'product_papers',
] as const;

export type PrerequisiteId = (typeof PREREQUISITE_IDS)[number];

export const PREREQUISITES: Readonly<Record<PrerequisiteId, { vi: string; en: string }>> = {
  bank_account: { vi: 'Tài khoản ngân hàng', en: 'A bank account' },
  tax_code: { vi: 'Mã số thuế', en: 'A tax code' },
  business_registration: {
    vi: 'Giấy đăng ký kinh doanh (doanh nghiệp, hợp tác xã hoặc hộ kinh doanh)',
    en: 'Business registration (enterprise, co-operative or household business)',
  },
  citizen_id: { vi: 'Căn cước công dân của người đại diện', en: "The representative's citizen ID card" },
  smartphone: { vi: 'Điện thoại thông minh', en: 'A smartphone' },
  computer: { vi: 'Máy tính', en: 'A computer' },
  internet: { vi: 'Kết nối Internet ổn định', en: 'A reliable internet connection' },
  domain_name: { vi: 'Tên miền riêng của doanh nghiệp', en: 'Your own domain name' },
  product_papers: {
    vi: 'Giấy tờ sản phẩm (công bố chất lượng, an toàn thực phẩm, chứng nhận OCOP nếu có)',
    en: 'Product papers (quality declaration, food-safety certificate, OCOP certificate if any)',
  },
};

/** What `requires` may contain: a need (another platform comes first) or a plain prerequisite. */
export const REQUIREMENT_IDS = [...NEED_IDS, ...PREREQUISITE_IDS] as const;
export type RequirementId = NeedId | PrerequisiteId;

// ---------------------------------------------------------------------------
// Fits
// ---------------------------------------------------------------------------

export const PLATFORM_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type PlatformSize = (typeof PLATFORM_SIZES)[number];

/** Platforms fit the same producer kinds as profiles. */
export const PLATFORM_PRODUCER_TYPES = PRODUCER_TYPES;
export type PlatformProducerType = ProducerType;

export const COST_MODELS = ['free', 'freemium', 'paid'] as const;
export type CostModel = (typeof COST_MODELS)[number];

/** `['*']` = every sector. */
export const ALL_SECTORS = '*';

// ---------------------------------------------------------------------------
// Zod schema
// ---------------------------------------------------------------------------

/** A check day ("2026-11-01") or a UTC check time with minutes ("2026-11-30T22:44Z", seconds allowed). */
const CHECK_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHECK_TIME = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?Z$/;

/** True for a real calendar day or a real UTC check time (see `lastChecked`). */
export function isCheckTime(value: string): boolean {
  const time = CHECK_TIME.exec(value);
  const day = time ? time[1]! : CHECK_DAY.test(value) ? value : undefined;
  return day !== undefined && z.iso.date().safeParse(day).success;
}

/** True when `lastChecked` holds a check time (not only a day). */
export function hasCheckTime(lastChecked: string): boolean {
  return CHECK_TIME.test(lastChecked);
}

/** The UTC day of a check ("2026-11-30" for "2026-11-30T22:44Z"): what `asOf` is compared with. */
export function checkedUtcDay(lastChecked: string): string {
  return lastChecked.slice(0, 10);
}

/**
 * The day a reader in Vietnam sees for a check: a check time is read on Vietnam's wall clock
 * (UTC+7), so a check at 22:44 UTC on 30/11 was made on 01/12 in Vietnam; a plain day is kept.
 */
export function checkedDayVietnam(lastChecked: string): string {
  if (!hasCheckTime(lastChecked)) return lastChecked;
  return vietnamDay(new Date(lastChecked));
}

export const PLATFORM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const QUESTION_ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/**
 * A text starting with one of these is run as a formula when an exported CSV
 * is opened in a spreadsheet (CSV injection); such text is rejected instead of
 * being escaped, so that export → import → export stays byte-identical.
 */
const FORMULA_START = /^[=+\-@]/;

/** Names and providers are one line; descriptions and notes may have several. */
const ONE_LINE_MAX = 200;
const PARAGRAPH_MAX = 2000;

/** The shared free-text rule (src/domain/text.ts), plus no leading formula character. */
function text(vi: string, en: string, opts: { multiline?: boolean } = {}) {
  const max = opts.multiline ? PARAGRAPH_MAX : ONE_LINE_MAX;
  return freeText({
    label: { vi, en },
    max,
    multiline: opts.multiline,
    lineEnds: 'keep',
    messages: {
      required: msg(`Thiếu ${vi}`, `${en} is required`),
      forbidden: msg(
        `${vi} chứa ký tự không hợp lệ (ký tự điều khiển hoặc ký tự ẩn)`,
        `${en} contains invalid (control or invisible) characters`,
      ),
      max: msg(`${vi} tối đa ${max} ký tự`, `${en} can have at most ${max} characters`),
    },
  }).refine((s) => !FORMULA_START.test(s), {
    error: msg(`${vi} không được bắt đầu bằng = + - @`, `${en} must not start with = + - @`),
  });
}

function localized(vi: string, en: string) {
  return z.strictObject(
    {
      vi: text(`${vi} (tiếng Việt)`, `${en} (Vietnamese)`, { multiline: true }),
      en: text(`${vi} (tiếng Anh)`, `${en} (English)`, { multiline: true }),
    },
    { error: msg(`Thiếu ${vi}`, `${en} is required`) },
  );
}

function uniqueList<T extends z.ZodType>(item: T, vi: string, en: string, min: number) {
  return z
    .array(item, { error: msg(`${vi} phải là một danh sách`, `${en} must be a list`) })
    .min(min, { error: msg(`Cần ít nhất ${min} giá trị cho ${vi}`, `${en} needs at least ${min} value(s)`) })
    .refine((list) => new Set(list).size === list.length, {
      error: msg(`${vi} có giá trị lặp lại`, `${en} has repeated values`),
    });
}

const SectorsSchema = z.union([z.tuple([z.literal(ALL_SECTORS)]), uniqueList(z.enum(VSIC_CODES), 'ngành', 'sectors', 1)], {
  error: msg('Ngành phải là "*" (mọi ngành) hoặc các chữ cái A–U của VSIC 2018', 'Sectors must be "*" (all) or VSIC 2018 letters A–U'),
});

export const PlatformSchema = z.strictObject({
  id: z.string({ error: msg('Thiếu mã nền tảng', 'id is required') }).regex(PLATFORM_ID_PATTERN, {
    error: msg(
      'Mã nền tảng phải viết thường, nối bằng dấu gạch ngang (vd. viettel-sinvoice)',
      'id must be lowercase kebab-case (e.g. viettel-sinvoice)',
    ),
  }),
  name: text('tên nền tảng', 'Name'),
  provider: text('nhà cung cấp', 'Provider'),
  url: z.url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: msg('Địa chỉ web phải bắt đầu bằng https:// và có tên miền hợp lệ', 'URL must start with https:// and have a valid domain name'),
  }),
  category: z.enum(PLATFORM_CATEGORY_IDS, {
    error: msg('Nhóm nền tảng không thuộc 17 nhóm của Bộ', "Category is not one of the ministry's 17 ids"),
  }),
  needs: uniqueList(z.enum(NEED_IDS, { error: msg('Nhu cầu không có trong danh mục', 'Unknown need id') }), 'nhu cầu', 'needs', 1),
  description: localized('mô tả', 'Description'),
  costModel: z.enum(COST_MODELS, {
    error: msg('Hình thức chi phí phải là free, freemium hoặc paid', 'costModel must be free, freemium or paid'),
  }),
  /** Indicative public price; omitted when unknown (never invented). */
  priceNote: localized('ghi chú giá', 'Price note').optional(),
  freeTrial: localized('dùng thử miễn phí', 'Free trial').optional(),
  makeInVietnam: z.boolean({
    error: msg('makeInVietnam phải là true hoặc false', 'makeInVietnam must be true or false'),
  }),
  fits: z.strictObject({
    sizes: uniqueList(z.enum(PLATFORM_SIZES, { error: msg('Quy mô không hợp lệ', 'Unknown size') }), 'quy mô', 'sizes', 1),
    sectors: SectorsSchema,
    producerTypes: uniqueList(
      z.enum(PLATFORM_PRODUCER_TYPES, { error: msg('Loại chủ thể không hợp lệ', 'Unknown producer type') }),
      'loại chủ thể',
      'producerTypes',
      1,
    ),
  }),
  requires: uniqueList(
    z.enum(REQUIREMENT_IDS, {
      error: msg('Điều kiện cần không có trong danh mục', 'Unknown prerequisite'),
    }),
    'điều kiện cần',
    'requires',
    0,
  ),
  /** Question ids of the shipped frameworks that this platform helps lift. */
  improves: uniqueList(
    z.string().regex(QUESTION_ID_PATTERN, { error: msg('Mã câu hỏi không hợp lệ', 'Invalid question id') }),
    'câu hỏi được cải thiện',
    'improves',
    0,
  ),
  /**
   * When the entry was last checked against `source`: a UTC check time with minutes
   * ("2026-11-30T22:44Z", seconds allowed) for entries checked one by one, or a plain
   * day ("2026-11-01") for older checks and entries an administrator dates by hand.
   */
  lastChecked: z
    .string({
      error: msg(
        'Thiếu thời điểm kiểm tra (YYYY-MM-DD hoặc YYYY-MM-DDTHH:MMZ)',
        'lastChecked is required (YYYY-MM-DD or YYYY-MM-DDTHH:MMZ)',
      ),
    })
    .refine(isCheckTime, {
      error: msg(
        'Thời điểm kiểm tra phải là ngày có thật dạng YYYY-MM-DD hoặc giờ UTC dạng YYYY-MM-DDTHH:MMZ',
        'lastChecked must be a real date as YYYY-MM-DD or a UTC time as YYYY-MM-DDTHH:MMZ',
      ),
    }),
  retired: z.boolean({ error: msg('retired phải là true hoặc false', 'retired must be true or false') }).optional(),
  /**
   * The public page the entry was checked against at `lastChecked` (the provider's own page, a
   * news item about its status, or the page that reports a closure). Required: an entry nobody
   * can trace to a public page is not shown as checked.
   */
  source: z
    .url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: (issue) =>
        issue.input === undefined
          ? msg('Thiếu nguồn kiểm tra (địa chỉ web công khai)', 'source is required (a public web address)')
          : msg('Nguồn kiểm tra phải là địa chỉ web http(s) hợp lệ', 'source must be a valid http(s) web address'),
    })
    .max(500, { error: msg('Nguồn kiểm tra tối đa 500 ký tự', 'source can have at most 500 characters') }),
  /**
   * True when the last re-check found no public page confirming the entry is still offered: the
   * entry keeps the date and source of its previous check and the UI says it was not re-verified.
   */
  unverified: z.boolean({ error: msg('unverified phải là true hoặc false', 'unverified must be true or false') }).optional(),
});

export type Platform = z.infer<typeof PlatformSchema>;
/** What catalog data modules are typed as (checked by parsePlatform). */
export type PlatformInput = z.input<typeof PlatformSchema>;
export type Localized = Platform['description'];
export type PlatformFits = Platform['fits'];
export type { PlatformCategoryId, VsicCode };

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

export interface PlatformIssue {
  /** Path inside the entry, e.g. ['fits', 'sizes'] or ['description', 'vi']. */
  path: (string | number)[];
  /** "Tiếng Việt / English". */
  message: string;
}

export interface ParsePlatformOptions {
  /** 'YYYY-MM-DD' (UTC): a `lastChecked` whose UTC day is after this day is rejected. */
  asOf?: string;
}

export type SafeParsePlatformResult = { ok: true; platform: Platform } | { ok: false; issues: PlatformIssue[] };

function crossFieldIssues(p: Platform, options: ParsePlatformOptions): PlatformIssue[] {
  const issues: PlatformIssue[] = [];
  const needs = new Set<string>(p.needs);
  p.requires.forEach((r, i) => {
    if (needs.has(r)) {
      issues.push({
        path: ['requires', i],
        message: msg(`Nền tảng không thể vừa đáp ứng vừa đòi hỏi "${r}"`, `A platform cannot both meet and require "${r}"`),
      });
    }
  });
  if (options.asOf !== undefined && checkedUtcDay(p.lastChecked) > options.asOf) {
    issues.push({
      path: ['lastChecked'],
      message: msg(
        `Ngày kiểm tra ${p.lastChecked} ở tương lai (sau ${options.asOf})`,
        `lastChecked ${p.lastChecked} is in the future (after ${options.asOf})`,
      ),
    });
  }
  return issues;
}

/** Validates one entry; never throws. */
export function safeParsePlatform(data: unknown, options: ParsePlatformOptions = {}): SafeParsePlatformResult {
  if (options.asOf !== undefined && !z.iso.date().safeParse(options.asOf).success) {
    throw new Error(`asOf must be a YYYY-MM-DD date, got "${options.asOf}"`);
  }
  const result = PlatformSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      issues: issuesFromZod(result.error),
    };
  }
  const issues = crossFieldIssues(result.data, options);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, platform: result.data };
}

/** Validates one entry and returns it (text trimmed, NFC); throws listing every problem. */
export function parsePlatform(data: unknown, options: ParsePlatformOptions = {}): Platform {
  const result = safeParsePlatform(data, options);
  if (result.ok) return result.platform;
  const id = typeof data === 'object' && data !== null && 'id' in data ? String((data as { id: unknown }).id) : '?';
  const lines = result.issues.map((i) => `  ${i.path.join('.') || '(entry)'}: ${i.message}`);
  throw new Error(`Invalid platform "${id}":\n${lines.join('\n')}`);
}

/** True when the platform claims to fit every sector. */
export function fitsAllSectors(fits: PlatformFits): boolean {
  return (fits.sectors as readonly string[]).includes(ALL_SECTORS);
}

/**
 * Validates a whole catalog: every entry, and ids unique across it. Throws
 * listing every broken entry; returns the parsed entries in the same order.
 */
export function parseCatalog(data: readonly unknown[], options: ParsePlatformOptions = {}): Platform[] {
  const problems: string[] = [];
  const platforms: Platform[] = [];
  const seen = new Map<string, number>();
  data.forEach((entry, index) => {
    const result = safeParsePlatform(entry, options);
    if (!result.ok) {
      const id = typeof entry === 'object' && entry !== null && 'id' in entry ? String((entry as { id: unknown }).id) : '?';
      for (const issue of result.issues) problems.push(`#${index} "${id}" ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      return;
    }
    const first = seen.get(result.platform.id);
    if (first !== undefined) {
      problems.push(`#${index} "${result.platform.id}": ${msg(`mã trùng với mục #${first}`, `duplicate id (first at #${first})`)}`);
      return;
    }
    seen.set(result.platform.id, index);
    platforms.push(result.platform);
  });
  if (problems.length > 0) throw new Error(`Invalid platform catalog:\n  ${problems.join('\n  ')}`);
  return platforms;
}
