/**
 * Evidence for the recommender: per framework and per need, which answers show
 * the need is already met, whether the need matters for this business, which
 * answers to quote back as reasons, and which answers adopting a platform for
 * the need amounts to (used for the score gain and to prefill the next
 * assessment).
 *
 * The rules are data (clues naming question ids and option values) so that a
 * test can walk every id and value against the framework it belongs to.
 * A question left unanswered never counts as evidence.
 *
 * Decisions a successor might otherwise undo:
 * - Thresholds on graded questions are "this option or better" and are written
 *   out as the full list of values; tests check each list is upward-closed in
 *   points, so raising an answer can never un-cover a need.
 * - `raise` only names answers the adoption really means. Where a graded
 *   criterion in the coverage rule measures something else (e-invoices for a
 *   digital signature, an ERP for a sales app, B2B frequency for e-contracts,
 *   linked warehouse software for a delivery app), only the tool answer is
 *   raised, so those needs show no score gain: honest, and fine.
 * - A need is in a framework's table only when that framework's answers can
 *   show it covered and an adoption can be written back into them. The
 *   producer questionnaire has nothing on online meetings, CRM, HR, ERP,
 *   e-contracts, security, cross-border sales or analytics, so those needs are
 *   not assessed (never recommended) for it.
 * - Cash on delivery (`cod`) does not count as cashless payment: the customer
 *   still pays cash.
 *
 * Pure module: no astro, no database, no clock.
 */
import type { AnswerValue, Answers, Localized, ProducerType, Profile, VsicCode } from '#src/domain/framework/schema.ts';
import { NEEDS } from '#src/domain/platforms/schema.ts';
import type { NeedId } from '#src/domain/platforms/schema.ts';
import { OTHER_TOOL, TOOL_FUNCTIONS, toolQuestionId, toolValues } from '#src/domain/framework/tool-inventory.ts';
import type { ToolFunction } from '#src/domain/framework/tool-inventory.ts';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** One observable fact in the answers. */
export type Clue =
  /** A single or boolean answer is one of these values. */
  | { readonly questionId: string; readonly oneOf: readonly (string | boolean)[] }
  /** A multi answer contains at least one of these values. */
  | { readonly questionId: string; readonly includes: readonly string[] }
  /** A number answer is at least this. */
  | { readonly questionId: string; readonly atLeast: number };

/** The answer an adoption means: an option to reach (never lowering) or a tool to add. */
export interface Raise {
  readonly questionId: string;
  readonly value: string | boolean | number;
}

/** Who a need matters for, by profile (all listed conditions must hold). */
export interface ProfileRule {
  readonly minEmployees?: number;
  /** Missing producerType counts as 'enterprise'. */
  readonly producerTypes?: readonly ProducerType[];
  readonly sectors?: readonly VsicCode[];
}

export interface NeedEvidence {
  readonly need: NeedId;
  /** Covered when any group holds; a group holds when all of its clues hold. */
  readonly coveredWhen: readonly (readonly Clue[])[];
  /** Relevant only when every one of these holds (besides `profileRule`). */
  readonly relevantWhen: readonly Clue[];
  readonly profileRule: ProfileRule;
  /** Questions whose answers are quoted back as reasons, in this order. */
  readonly citedQuestions: readonly string[];
  readonly raise: readonly Raise[];
  /** One line on why the need matters. */
  why(profile: Profile): Localized;
  /** Pass answers from `validateAnswers`. */
  covered(answers: Answers, profile: Profile): boolean;
  relevant(profile: Profile, answers: Answers): boolean;
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

function answerOf(answers: Answers, questionId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

export function clueHolds(clue: Clue, answers: Answers): boolean {
  const value = answerOf(answers, clue.questionId);
  if (value === undefined) return false;
  if ('oneOf' in clue) return !Array.isArray(value) && (clue.oneOf as readonly unknown[]).includes(value);
  if ('includes' in clue) return Array.isArray(value) && value.some((v) => clue.includes.includes(v));
  return typeof value === 'number' && value >= clue.atLeast;
}

export function profileRuleHolds(rule: ProfileRule, profile: Profile): boolean {
  if (rule.minEmployees !== undefined && !(profile.employees >= rule.minEmployees)) return false;
  if (rule.producerTypes !== undefined && !rule.producerTypes.includes(profile.producerType ?? 'enterprise')) return false;
  if (rule.sectors !== undefined && !rule.sectors.includes(profile.sector)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Table builders
// ---------------------------------------------------------------------------

const GRADES = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'] as const;

/** DBI graded criterion at grade `min` or better. */
const grade = (questionId: string, min: 1 | 2 | 3 | 4): Clue => ({ questionId, oneOf: GRADES.slice(min) });
const is = (questionId: string, ...oneOf: (string | boolean)[]): Clue => ({ questionId, oneOf });
const has = (questionId: string, ...includes: string[]): Clue => ({ questionId, includes });
const atLeast = (questionId: string, n: number): Clue => ({ questionId, atLeast: n });
const raise = (questionId: string, value: string | boolean | number): Raise => ({ questionId, value });

interface Spec {
  need: NeedId;
  /** Any of these; an array inside means all of its clues. */
  coveredWhen: readonly (Clue | readonly Clue[])[];
  relevantWhen?: readonly Clue[];
  profileRule?: ProfileRule;
  citedQuestions: readonly string[];
  raise: readonly Raise[];
  why: Localized | ((profile: Profile) => Localized);
}

function define(spec: Spec): NeedEvidence {
  const coveredWhen = Object.freeze(spec.coveredWhen.map((g) => Object.freeze(Array.isArray(g) ? [...g] : [g as Clue])));
  const relevantWhen = Object.freeze([...(spec.relevantWhen ?? [])]);
  const profileRule = Object.freeze({ ...(spec.profileRule ?? {}) });
  const why = spec.why;
  return Object.freeze({
    need: spec.need,
    coveredWhen,
    relevantWhen,
    profileRule,
    citedQuestions: Object.freeze([...spec.citedQuestions]),
    raise: Object.freeze(spec.raise.map((r) => Object.freeze({ ...r }))),
    why: (profile: Profile): Localized => (typeof why === 'function' ? why(profile) : why),
    covered: (answers: Answers, _profile: Profile): boolean => coveredWhen.some((group) => group.every((clue) => clueHolds(clue, answers))),
    relevant: (profile: Profile, answers: Answers): boolean =>
      profileRuleHolds(profileRule, profile) && relevantWhen.every((clue) => clueHolds(clue, answers)),
  });
}

// ---------------------------------------------------------------------------
// Why each need matters (docs/domain.md §2 and §4)
// ---------------------------------------------------------------------------

const WHY = {
  e_invoice: {
    vi: 'Hóa đơn điện tử bắt buộc với mọi doanh nghiệp từ 1/7/2022.',
    en: 'E-invoices have been mandatory for every business since 1 July 2022.',
  },
  e_invoice_producer: {
    vi: 'Hóa đơn điện tử là bắt buộc từ 1/7/2022 và giúp bạn bán được cho doanh nghiệp, siêu thị.',
    en: 'E-invoices have been mandatory since 1 July 2022 and let you sell to businesses and supermarkets.',
  },
  e_tax: {
    vi: 'Khai và nộp thuế qua mạng không phải đi lại, có ngay giấy nộp tiền điện tử để đối chiếu.',
    en: 'Filing and paying tax online saves trips to the tax office and gives you an electronic receipt at once.',
  },
  digital_signature: {
    vi: 'Chữ ký số cần để ký hóa đơn điện tử, tờ khai thuế và hợp đồng điện tử.',
    en: 'A digital signature is needed to sign e-invoices, tax returns and e-contracts.',
  },
  cashless_payment: {
    vi: 'Nhận tiền bằng mã QR, chuyển khoản thì nhanh, an toàn, dễ đối soát; tỉnh đặt mục tiêu phổ cập thanh toán không dùng tiền mặt.',
    en: 'QR and bank-transfer payments are fast, safe and easy to reconcile; the province aims to make cashless payment universal.',
  },
  online_presence: {
    vi: 'Khách tìm cửa hàng, sản phẩm trên mạng trước khi mua; một trang giới thiệu hay vị trí trên bản đồ giúp họ tìm thấy bạn.',
    en: 'Customers look you up online before they buy; a business page or a place on the map helps them find you.',
  },
  cloud_office: {
    vi: 'E-mail và tài liệu trên đám mây dùng được ở mọi nơi, có sao lưu, không mất khi hỏng máy.',
    en: 'Cloud e-mail and documents work anywhere, are backed up and survive a broken computer.',
  },
  online_meeting: {
    vi: 'Họp trực tuyến tiết kiệm thời gian đi lại và dễ mời đối tác ở xa.',
    en: 'Online meetings save travel time and make it easy to include distant partners.',
  },
  accounting: {
    vi: 'Phần mềm kế toán giữ sổ sách đúng, lập báo cáo thuế nhanh và nối được với hóa đơn điện tử.',
    en: 'Accounting software keeps the books right, produces tax reports quickly and links to e-invoices.',
  },
  sales_management: {
    vi: 'Phần mềm bán hàng ghi lại từng đơn, cho biết ngay doanh thu, hàng bán chạy và công nợ.',
    en: 'Sales software records every order and shows revenue, best sellers and money owed at a glance.',
  },
  inventory: {
    vi: 'Quản lý kho bằng phần mềm cho biết còn bao nhiêu hàng, tránh thiếu hàng và tồn đọng.',
    en: 'Stock software shows what you have left, so you neither run out nor overstock.',
  },
  customer_care: {
    vi: 'Lưu thông tin và lịch sử mua của khách giúp chăm sóc khách cũ, cách bán thêm rẻ nhất.',
    en: 'Keeping customer details and purchase history helps you look after existing customers, the cheapest way to sell more.',
  },
  logistics: {
    vi: 'Ứng dụng giao hàng đưa hàng tới khách ở xa, thu hộ tiền và cho theo dõi đơn trên điện thoại.',
    en: 'Delivery apps take goods to distant customers, collect payment for you and track orders on your phone.',
  },
  e_contract: {
    vi: 'Hợp đồng điện tử ký từ xa trong vài phút; mục tiêu quốc gia là mọi doanh nghiệp dùng hợp đồng điện tử vào năm 2030.',
    en: 'E-contracts are signed remotely in minutes; the national target is every enterprise using e-contracts by 2030.',
  },
  cybersecurity: {
    vi: 'Một lần mất dữ liệu hay bị mã độc tống tiền có thể làm dừng cả hoạt động kinh doanh.',
    en: 'One data loss or ransomware attack can stop the whole business.',
  },
  ecommerce_marketplace: {
    vi: 'Sàn thương mại điện tử mở thêm thị trường mà không cần mở thêm cửa hàng.',
    en: 'Marketplaces open new markets without opening another shop.',
  },
  farm_ocop_floor: {
    vi: 'Postmart, Voso và sàn của tỉnh đưa nông sản, sản phẩm OCOP tới khách cả nước; mục tiêu quốc gia là mọi sản phẩm OCOP từ 3 sao có mặt trên các sàn này.',
    en: 'Postmart, Voso and the provincial marketplace bring farm and OCOP products to customers nationwide; the national target is every OCOP product rated 3 stars or more on these floors.',
  },
  cross_border: {
    vi: 'Bạn đã có doanh thu bán trực tuyến; thương mại điện tử xuyên biên giới là đường xuất khẩu của doanh nghiệp nhỏ.',
    en: 'You already sell online; cross-border e-commerce is how small businesses export.',
  },
  digital_marketing: {
    vi: 'Quảng cáo trên mạng nhắm đúng người quan tâm đến sản phẩm, với mức chi do bạn tự quyết.',
    en: 'Online ads reach the people interested in your products, on a budget you set yourself.',
  },
  training: {
    vi: 'Một khóa học ngắn, nhiều khóa miễn phí, giúp chủ và người làm tự dùng được công cụ số thay vì mày mò.',
    en: 'A short course, many of them free, lets owners and staff use digital tools without months of trial and error.',
  },
} as const satisfies Record<string, Localized>;

const staffWhy =
  (vi: (n: number) => string, en: (n: number) => string) =>
  (profile: Profile): Localized => ({ vi: vi(profile.employees), en: en(profile.employees) });

const WHY_HR = staffWhy(
  (n) => `Với ${n} lao động, chấm công, tính lương và quản lý hồ sơ bằng phần mềm đỡ nhiều công và ít sai.`,
  (n) => `With ${n} staff, software for time-keeping, payroll and records saves a lot of work and errors.`,
);
const WHY_ERP = staffWhy(
  (n) => `Với ${n} lao động và nhiều bộ phận, một hệ thống chung giúp số liệu mua hàng, kho, bán hàng, kế toán khớp nhau.`,
  (n) => `With ${n} staff and several departments, one shared system keeps purchasing, stock, sales and accounting figures in step.`,
);
const WHY_DATA = staffWhy(
  (n) => `Với ${n} lao động, báo cáo tự động cho thấy tình hình kinh doanh mà không phải chờ cuối tháng.`,
  (n) => `With ${n} staff, automatic reports show how the business is doing without waiting for month end.`,
);

// ---------------------------------------------------------------------------
// dbi-sme (src/content/frameworks/dbi-sme-2021): graded criteria g0…g5, x_tools_* extras
// ---------------------------------------------------------------------------

const NOT_HOUSEHOLD: readonly ProducerType[] = ['enterprise', 'cooperative', 'cooperative_group'];
const ORGANISATIONS: readonly ProducerType[] = ['enterprise', 'cooperative'];

const DBI_EVIDENCE: readonly NeedEvidence[] = [
  define({
    need: 'e_invoice',
    coveredWhen: [grade('i2_einvoice', 3), has('x_tools_accounting', 'einvoice')],
    citedQuestions: ['i2_einvoice', 'x_tools_accounting'],
    raise: [raise('i2_einvoice', 'g3'), raise('x_tools_accounting', 'einvoice')],
    why: WHY.e_invoice,
  }),
  define({
    need: 'e_tax',
    coveredWhen: [grade('c2_government', 3), has('x_tools_accounting', 'etax')],
    citedQuestions: ['c2_government', 'x_tools_accounting'],
    raise: [raise('c2_government', 'g3'), raise('x_tools_accounting', 'etax')],
    why: WHY.e_tax,
  }),
  define({
    need: 'digital_signature',
    // Issuing e-invoices yourself means signing them.
    coveredWhen: [has('x_tools_accounting', 'digital_signature'), grade('c2_government', 4), grade('i2_einvoice', 3)],
    citedQuestions: ['x_tools_accounting', 'c2_government', 'i2_einvoice'],
    raise: [raise('x_tools_accounting', 'digital_signature')],
    why: WHY.digital_signature,
  }),
  define({
    need: 'cashless_payment',
    coveredWhen: [grade('c2_online_banking', 2), has('x_tools_payment', 'qr_wallet', 'mobile_banking', 'card_terminal', 'payment_gateway')],
    citedQuestions: ['c2_online_banking', 'x_tools_payment'],
    raise: [raise('c2_online_banking', 'g2'), raise('x_tools_payment', 'qr_wallet')],
    why: WHY.cashless_payment,
  }),
  define({
    need: 'online_presence',
    coveredWhen: [grade('c1_website', 3), grade('c1_social', 3), has('x_tools_sales', 'website', 'social')],
    citedQuestions: ['c1_website', 'c1_social', 'x_tools_sales'],
    raise: [raise('c1_website', 'g3'), raise('x_tools_sales', 'website')],
    why: WHY.online_presence,
  }),
  define({
    need: 'cloud_office',
    coveredWhen: [grade('i2_cloud', 2), grade('u1_email', 3), has('x_tools_management', 'office_cloud', 'cloud_server')],
    citedQuestions: ['i2_cloud', 'u1_email', 'x_tools_management'],
    raise: [raise('i2_cloud', 'g2'), raise('x_tools_management', 'office_cloud')],
    why: WHY.cloud_office,
  }),
  define({
    need: 'online_meeting',
    coveredWhen: [grade('u1_online_meeting', 2), has('x_tools_management', 'online_meeting')],
    citedQuestions: ['u1_online_meeting', 'x_tools_management'],
    raise: [raise('u1_online_meeting', 'g2'), raise('x_tools_management', 'online_meeting')],
    why: WHY.online_meeting,
  }),
  define({
    need: 'accounting',
    // i2_erp g1 is "separate software for one activity (usually accounting)".
    coveredWhen: [has('x_tools_accounting', 'accounting_software'), grade('i2_erp', 1)],
    citedQuestions: ['x_tools_accounting', 'i2_erp'],
    raise: [raise('x_tools_accounting', 'accounting_software'), raise('i2_erp', 'g1')],
    why: WHY.accounting,
  }),
  define({
    need: 'sales_management',
    coveredWhen: [has('x_tools_sales', 'sales_app'), grade('i2_erp', 3)],
    citedQuestions: ['x_tools_sales', 'i2_erp'],
    raise: [raise('x_tools_sales', 'sales_app')],
    why: WHY.sales_management,
  }),
  define({
    need: 'inventory',
    coveredWhen: [has('x_tools_inventory', 'inventory_app', 'barcode'), grade('i2_supply_chain', 2), grade('i2_erp', 3)],
    citedQuestions: ['x_tools_inventory', 'i2_supply_chain'],
    raise: [raise('i2_supply_chain', 'g2'), raise('x_tools_inventory', 'inventory_app')],
    why: WHY.inventory,
  }),
  define({
    need: 'customer_care',
    coveredWhen: [grade('i2_crm', 3), has('x_tools_customer_care', 'crm', 'call_center', 'chatbot')],
    citedQuestions: ['i2_crm', 'x_tools_customer_care'],
    raise: [raise('i2_crm', 'g3'), raise('x_tools_customer_care', 'crm')],
    why: WHY.customer_care,
  }),
  define({
    need: 'logistics',
    coveredWhen: [has('x_tools_logistics', 'carrier_app', 'fleet_gps', 'wms'), grade('i2_supply_chain', 3)],
    citedQuestions: ['x_tools_logistics', 'i2_supply_chain'],
    raise: [raise('x_tools_logistics', 'carrier_app')],
    why: WHY.logistics,
  }),
  define({
    need: 'hr',
    coveredWhen: [has('x_tools_hr', 'hrm', 'timekeeping')],
    profileRule: { minEmployees: 10 },
    citedQuestions: ['x_tools_hr'],
    raise: [raise('x_tools_hr', 'hrm')],
    why: WHY_HR,
  }),
  define({
    need: 'erp',
    coveredWhen: [grade('i2_erp', 4)],
    profileRule: { minEmployees: 20, producerTypes: ['enterprise'] },
    citedQuestions: ['i2_erp', 'x_tools_management'],
    raise: [raise('i2_erp', 'g4'), raise('x_tools_management', 'erp')],
    why: WHY_ERP,
  }),
  define({
    need: 'e_contract',
    coveredWhen: [has('x_tools_accounting', 'e_contract'), grade('c2_b2b', 4)],
    profileRule: { producerTypes: NOT_HOUSEHOLD },
    citedQuestions: ['x_tools_accounting', 'c2_b2b'],
    raise: [raise('x_tools_accounting', 'e_contract')],
    why: WHY.e_contract,
  }),
  define({
    need: 'cybersecurity',
    coveredWhen: [grade('i2_security', 3), has('x_tools_management', 'security')],
    profileRule: { producerTypes: ORGANISATIONS },
    citedQuestions: ['i2_security', 'x_tools_management'],
    raise: [raise('i2_security', 'g3'), raise('x_tools_management', 'security')],
    why: WHY.cybersecurity,
  }),
  define({
    need: 'ecommerce_marketplace',
    coveredWhen: [grade('c1_ecommerce_floor', 2), has('x_tools_sales', 'marketplace')],
    citedQuestions: ['c1_ecommerce_floor', 'x_tools_sales'],
    raise: [raise('c1_ecommerce_floor', 'g2'), raise('x_tools_sales', 'marketplace')],
    why: WHY.ecommerce_marketplace,
  }),
  define({
    need: 'farm_ocop_floor',
    coveredWhen: [has('x_tools_sales', 'provincial_floor')],
    profileRule: { sectors: ['A', 'C'] },
    citedQuestions: ['x_tools_sales', 'c1_ecommerce_floor'],
    // c1_ecommerce_floor names Postmart, Voso and the provincial floor, so
    // selling there is "a few orders in 6 months" at least.
    raise: [raise('x_tools_sales', 'provincial_floor'), raise('c1_ecommerce_floor', 'g2')],
    why: WHY.farm_ocop_floor,
  }),
  define({
    need: 'cross_border',
    coveredWhen: [grade('c1_cross_border', 2)],
    relevantWhen: [grade('c1_ecommerce_revenue', 2)],
    citedQuestions: ['c1_ecommerce_revenue', 'c1_cross_border'],
    raise: [raise('c1_cross_border', 'g2')],
    why: WHY.cross_border,
  }),
  define({
    need: 'digital_marketing',
    coveredWhen: [grade('c1_marketing_spend', 2), has('x_tools_sales', 'online_ads'), has('x_tools_customer_care', 'email_sms')],
    citedQuestions: ['c1_marketing_spend', 'x_tools_sales'],
    raise: [raise('c1_marketing_spend', 'g2'), raise('x_tools_sales', 'online_ads')],
    why: WHY.digital_marketing,
  }),
  define({
    need: 'data_analytics',
    coveredWhen: [grade('d1_bi', 3)],
    profileRule: { minEmployees: 10 },
    citedQuestions: ['d1_bi'],
    raise: [raise('d1_bi', 'g3')],
    why: WHY_DATA,
  }),
  define({
    need: 'training',
    // "Online courses for staff" in the HR tools is online training too.
    coveredWhen: [grade('o2_online_training', 2), grade('o2_ict_training', 3), has('x_tools_hr', 'e_learning')],
    citedQuestions: ['o2_online_training', 'o2_ict_training'],
    raise: [raise('o2_online_training', 'g2')],
    why: WHY.training,
  }),
];

// ---------------------------------------------------------------------------
// producer (src/content/frameworks/producer.ts)
// ---------------------------------------------------------------------------

const PRODUCER_EVIDENCE: readonly NeedEvidence[] = [
  define({
    need: 'e_invoice',
    coveredWhen: [is('p_einvoice', 'some', 'all')],
    citedQuestions: ['p_einvoice'],
    raise: [raise('p_einvoice', 'some')],
    why: WHY.e_invoice_producer,
  }),
  define({
    need: 'e_tax',
    coveredWhen: [is('p_tax_online', 'partly', 'fully')],
    citedQuestions: ['p_tax_online'],
    raise: [raise('p_tax_online', 'partly')],
    why: WHY.e_tax,
  }),
  define({
    need: 'digital_signature',
    coveredWhen: [has('p_tools', 'digital_signature'), is('p_einvoice', 'some', 'all')],
    citedQuestions: ['p_tools', 'p_einvoice'],
    raise: [raise('p_tools', 'digital_signature')],
    why: WHY.digital_signature,
  }),
  define({
    need: 'cashless_payment',
    coveredWhen: [is('p_qr', true)],
    citedQuestions: ['p_qr'],
    raise: [raise('p_qr', true)],
    why: WHY.cashless_payment,
  }),
  define({
    need: 'online_presence',
    coveredWhen: [is('p_social', 'monthly', 'weekly', 'daily')],
    citedQuestions: ['p_social', 'p_product_info'],
    raise: [raise('p_social', 'monthly')],
    why: WHY.online_presence,
  }),
  define({
    need: 'cloud_office',
    coveredWhen: [has('p_tools', 'cloud_storage')],
    citedQuestions: ['p_tools'],
    raise: [raise('p_tools', 'cloud_storage')],
    why: WHY.cloud_office,
  }),
  define({
    need: 'accounting',
    coveredWhen: [has('p_tools', 'accounting')],
    citedQuestions: ['p_tools', 'p_records'],
    raise: [raise('p_tools', 'accounting')],
    why: WHY.accounting,
  }),
  define({
    need: 'sales_management',
    coveredWhen: [is('p_records', 'sales_app', 'linked_app')],
    citedQuestions: ['p_records'],
    raise: [raise('p_records', 'sales_app')],
    why: WHY.sales_management,
  }),
  define({
    need: 'inventory',
    coveredWhen: [is('p_records', 'linked_app')],
    citedQuestions: ['p_records'],
    raise: [raise('p_records', 'linked_app')],
    why: WHY.inventory,
  }),
  define({
    need: 'logistics',
    coveredWhen: [has('p_tools', 'delivery_app')],
    citedQuestions: ['p_tools'],
    raise: [raise('p_tools', 'delivery_app')],
    why: WHY.logistics,
  }),
  define({
    need: 'ecommerce_marketplace',
    coveredWhen: [is('p_on_floor', true)],
    citedQuestions: ['p_on_floor'],
    raise: [raise('p_on_floor', true)],
    why: WHY.ecommerce_marketplace,
  }),
  define({
    need: 'farm_ocop_floor',
    coveredWhen: [[is('p_on_floor', true), atLeast('p_floor_products', 1)]],
    citedQuestions: ['p_on_floor', 'p_floor_products'],
    raise: [raise('p_on_floor', true), raise('p_floor_products', 1)],
    why: WHY.farm_ocop_floor,
  }),
  define({
    need: 'digital_marketing',
    coveredWhen: [is('p_social', 'weekly', 'daily')],
    citedQuestions: ['p_social'],
    raise: [raise('p_social', 'weekly')],
    why: WHY.digital_marketing,
  }),
  define({
    need: 'training',
    coveredWhen: [is('p_training', 'once', 'several', 'regularly')],
    citedQuestions: ['p_training'],
    raise: [raise('p_training', 'once')],
    why: WHY.training,
  }),
];

// ---------------------------------------------------------------------------
// sme-tools (src/content/frameworks/sme-tools.ts): one "which tools" question per function
// ---------------------------------------------------------------------------

/**
 * A function without a tool feeds the plan directly: its needs are recommended (platforms of their category).
 * A need shared by several functions (delivery in trade, farming and transport) is covered when any of them
 * has a tool; sector functions are relevant only in their sector. Adopting a platform for the need means
 * "another tool" is now in use for each of its functions (the adoption names the platform, the answer need not).
 */
function toolEvidence(): NeedEvidence[] {
  const byNeed = new Map<NeedId, ToolFunction[]>();
  for (const f of TOOL_FUNCTIONS) for (const need of f.needs) byNeed.set(need, [...(byNeed.get(need) ?? []), f]);
  return [...byNeed.entries()].map(([need, functions]) => {
    const sectors = functions.every((f) => f.sector) ? functions.map((f) => f.sector!) : undefined;
    return define({
      need,
      coveredWhen: functions.map((f) => has(toolQuestionId(f), ...toolValues(f))),
      ...(sectors ? { profileRule: { sectors } } : {}),
      citedQuestions: functions.map(toolQuestionId),
      raise: functions.map((f) => raise(toolQuestionId(f), OTHER_TOOL)),
      why: whyOf(need),
    });
  });
}

/** Why each need matters, reused from the tables above. */
const WHY_BY_NEED: Partial<Record<NeedId, Localized | ((profile: Profile) => Localized)>> = {
  ...WHY,
  hr: WHY_HR,
  erp: WHY_ERP,
  data_analytics: WHY_DATA,
};

function whyOf(need: NeedId): Localized | ((profile: Profile) => Localized) {
  const why = WHY_BY_NEED[need];
  if (!why) throw new Error(`no "why" for need ${need}`);
  return why;
}

const TOOLS_EVIDENCE: readonly NeedEvidence[] = toolEvidence();

/** Tables are kept in NEEDS order. */
function NEEDS_ORDER(table: readonly NeedEvidence[]): NeedEvidence[] {
  const order = new Map(NEEDS.map((n, i) => [n.id, i]));
  return [...table].sort((a, b) => order.get(a.need)! - order.get(b.need)!);
}

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

/** Evidence tables by framework id, each in NEEDS order. */
export const EVIDENCE: Readonly<Record<string, readonly NeedEvidence[]>> = Object.freeze({
  'dbi-sme': Object.freeze([...DBI_EVIDENCE]),
  producer: Object.freeze([...PRODUCER_EVIDENCE]),
  'sme-tools': Object.freeze(NEEDS_ORDER(TOOLS_EVIDENCE)),
});

const BY_FRAMEWORK: ReadonlyMap<string, ReadonlyMap<NeedId, NeedEvidence>> = new Map(
  Object.entries(EVIDENCE).map(([id, table]) => [id, new Map(table.map((e) => [e.need, e]))]),
);

/**
 * The evidence table of a framework (empty for a framework without one: the
 * recommender then recommends nothing rather than guess).
 */
export function evidenceFor(frameworkId: string): readonly NeedEvidence[] {
  return Object.hasOwn(EVIDENCE, frameworkId) ? EVIDENCE[frameworkId]! : [];
}

/** Evidence for one need, or undefined when the framework does not assess it. */
export function getNeedEvidence(frameworkId: string, need: NeedId): NeedEvidence | undefined {
  return BY_FRAMEWORK.get(frameworkId)?.get(need);
}
