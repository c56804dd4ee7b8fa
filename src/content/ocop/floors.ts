/**
 * E-commerce floors that take OCOP and farm products, and the listing checklist.
 *
 * Sources: docs/domain.md §4 (Postmart, Voso, the marketplaces, the
 * provincial floor) and §5 (national target: every 3★+ OCOP product on
 * Postmart/Voso). The same floors appear as platforms in
 * src/content/platforms/ecommerce.ts; ids here use the listing vocabulary
 * (`tiktok_shop`), not the catalog's.
 *
 * The checklist is what a community digital team should help a producer
 * prepare before listing, following the floors' seller guidance and the OCOP
 * programme. It is NOT a copy of each floor's contractual terms, which change;
 * the requirement lists are our judgement. Per product and seller they are
 * narrowed by `requirementsFor` (src/domain/ocop/floors.ts): food safety only
 * for food/beverage/herbal, no packing or shipping for tourism services,
 * e-invoices for enterprises and cooperatives and for household businesses
 * above the revenue threshold, and the household tax items of 2025–26, each
 * citing its rule (CHECKLIST_RULES, sources in docs/catalog.md).
 *
 * The provincial floor has no URL or domain here: each province runs its own
 * and no official address was confirmed (docs/domain.md §4). The
 * domain is a deployment setting passed to the domain functions.
 */
import type { ChecklistItemId, ChecklistRuleId, Floor } from '#src/domain/ocop/floors.ts';
import type { OcopGroupId, Text } from '#src/domain/ocop/schema.ts';

export interface ChecklistItem {
  id: ChecklistItemId;
  label: Text;
  /** One line the helper can read to the producer. */
  hint: Text;
}

export const CHECKLIST_ITEMS: Readonly<Record<ChecklistItemId, ChecklistItem>> = {
  photos: {
    id: 'photos',
    label: { vi: 'Ảnh sản phẩm rõ nét (ít nhất 3 ảnh)', en: 'Clear product photos (at least 3)' },
    hint: {
      vi: 'Chụp ban ngày trên nền trơn: mặt trước, mặt sau có nhãn, và sản phẩm khi dùng.',
      en: 'Shoot in daylight on a plain background: front, back with the label, and the product in use.',
    },
  },
  description: {
    id: 'description',
    label: { vi: 'Mô tả sản phẩm', en: 'Product description' },
    hint: {
      vi: 'Nêu nguồn gốc, thành phần, cách dùng, cách bảo quản và câu chuyện sản phẩm.',
      en: 'Give the origin, ingredients, how to use and store it, and the product’s story.',
    },
  },
  price_unit: {
    id: 'price_unit',
    label: { vi: 'Giá bán và đơn vị tính', en: 'Price and unit of sale' },
    hint: {
      vi: 'Ghi rõ giá cho từng đơn vị (gói 500 g, chai 750 ml, hộp 10 cái…).',
      en: 'State the price per unit (500 g pack, 750 ml bottle, box of 10…).',
    },
  },
  traceability: {
    id: 'traceability',
    label: { vi: 'Tem truy xuất nguồn gốc / mã QR', en: 'Traceability stamp / origin QR code' },
    hint: {
      vi: 'Dán tem hoặc mã QR truy xuất nguồn gốc lên bao bì để người mua kiểm tra.',
      en: 'Put a traceability stamp or QR code on the pack so buyers can check the origin.',
    },
  },
  packaging_label: {
    id: 'packaging_label',
    label: { vi: 'Bao bì, nhãn mác đúng quy định', en: 'Compliant packaging and label' },
    hint: {
      vi: 'Nhãn có tên sản phẩm, cơ sở sản xuất, địa chỉ, khối lượng, ngày sản xuất và hạn dùng.',
      en: 'The label shows the product name, producer, address, quantity, production and expiry dates.',
    },
  },
  shipping: {
    id: 'shipping',
    label: { vi: 'Phương án giao hàng', en: 'Delivery arrangement' },
    hint: {
      vi: 'Chọn đơn vị vận chuyển hoặc bưu cục gần nhất và cách đóng gói để hàng không hỏng.',
      en: 'Choose a carrier or the nearest post office, and packing that keeps the goods intact.',
    },
  },
  cashless_payment: {
    id: 'cashless_payment',
    label: { vi: 'Nhận thanh toán không dùng tiền mặt', en: 'Cashless payment' },
    hint: {
      vi: 'Có tài khoản ngân hàng hoặc ví điện tử đứng tên người bán để nhận tiền hàng.',
      en: 'Have a bank account or e-wallet in the seller’s name to receive payments.',
    },
  },
  e_invoice: {
    id: 'e_invoice',
    label: { vi: 'Hóa đơn điện tử', en: 'E-invoices' },
    hint: {
      vi: 'Doanh nghiệp, hợp tác xã phải xuất hóa đơn điện tử; hộ kinh doanh doanh thu từ 1 tỷ đồng/năm bán cho người tiêu dùng dùng hóa đơn điện tử khởi tạo từ máy tính tiền.',
      en: 'Enterprises and cooperatives must issue e-invoices; household businesses with revenue of 1 billion VND a year or more selling to consumers use e-invoices generated from cash registers.',
    },
  },
  tax_id: {
    id: 'tax_id',
    label: { vi: 'Mã số thuế hoặc số định danh cá nhân', en: 'Tax code or personal identification number' },
    hint: {
      vi: 'Sàn có chức năng thanh toán khấu trừ và nộp thuế thay cho hộ, cá nhân bán hàng: khai mã số thuế hoặc số định danh cá nhân trên tài khoản người bán.',
      en: 'Marketplaces with payment functions withhold and pay tax for household and individual sellers: enter the tax code or personal identification number in the seller account.',
    },
  },
  tax_declaration: {
    id: 'tax_declaration',
    label: { vi: 'Tự kê khai thuế theo doanh thu thực tế', en: 'Self-declare tax on actual revenue' },
    hint: {
      vi: 'Từ 1/1/2026 hộ kinh doanh không còn nộp thuế khoán mà tự kê khai, tự nộp theo doanh thu thực tế: ghi chép doanh thu bán trên sàn và bán trực tiếp.',
      en: 'From 1/1/2026 household businesses no longer pay lump-sum tax but declare and pay on actual revenue: keep records of sales on the floor and in person.',
    },
  },
  ocop_certificate: {
    id: 'ocop_certificate',
    label: { vi: 'Giấy chứng nhận OCOP', en: 'OCOP certificate' },
    hint: {
      vi: 'Chụp giấy chứng nhận OCOP còn hiệu lực (36 tháng kể từ ngày cấp) để đăng kèm sản phẩm.',
      en: 'Photograph the OCOP certificate, still valid (36 months from issue), to list with the product.',
    },
  },
  food_safety: {
    id: 'food_safety',
    label: { vi: 'Giấy chứng nhận an toàn thực phẩm', en: 'Food safety certificate' },
    hint: {
      vi: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, hoặc bản tự công bố sản phẩm.',
      en: 'The food-safety certificate of the premises, or the product’s self-declaration.',
    },
  },
};

export interface ChecklistRule {
  id: ChecklistRuleId;
  /** The rule as cited beside the item. */
  cite: Text;
  /** The public page the rule was verified against (docs/catalog.md). */
  source: string;
}

/** The rules checklist items cite (ruleFor in src/domain/ocop/floors.ts picks one per seller). */
export const CHECKLIST_RULES: Readonly<Record<ChecklistRuleId, ChecklistRule>> = {
  nd123_2020: {
    id: 'nd123_2020',
    cite: { vi: 'Nghị định 123/2020/NĐ-CP (bắt buộc từ 1/7/2022)', en: 'Decree 123/2020/ND-CP (mandatory from 1 July 2022)' },
    source: 'https://ecpvn.com/hoa-don-dien-tu-thoi-han-bat-buoc-su-dung-la-1-11-2020-hay-1-7-2022.html',
  },
  nd70_2025: {
    id: 'nd70_2025',
    cite: {
      vi: 'Nghị định 70/2025/NĐ-CP: hộ kinh doanh doanh thu từ 1 tỷ đồng/năm dùng hóa đơn điện tử khởi tạo từ máy tính tiền (từ 1/6/2025)',
      en: 'Decree 70/2025/ND-CP: households with revenue of 1 billion VND a year or more use e-invoices from cash registers (from 1 June 2025)',
    },
    source: 'https://news.laodong.vn/doanh-nghiep-doanh-nhan/7-quy-dinh-moi-ho-kinh-doanh-can-biet-truoc-ngay-16-1507980.ldo',
  },
  nd117_2025: {
    id: 'nd117_2025',
    cite: {
      vi: 'Nghị định 117/2025/NĐ-CP: sàn thương mại điện tử có chức năng thanh toán khấu trừ, nộp thuế thay hộ, cá nhân kinh doanh (từ 1/7/2025)',
      en: 'Decree 117/2025/ND-CP: e-commerce platforms with payment functions withhold and pay tax for household and individual sellers (from 1 July 2025)',
    },
    source:
      'https://www.ey.com/en_vn/technical/tax/tax-and-law-updates/people-advisory-service-tax-alert-june-2025-decree-117-on-tax-management-for-business-activities-on-e-commerce-platforms-and-digital-platforms',
  },
  nq198_2025: {
    id: 'nq198_2025',
    cite: {
      vi: 'Nghị quyết 198/2025/QH15: chấm dứt thuế khoán với hộ kinh doanh từ 1/1/2026',
      en: 'Resolution 198/2025/QH15: lump-sum tax for household businesses ends on 1 January 2026',
    },
    source: 'https://www.vietnam.vn/en/ho-kinh-doanh-duoi-200-trieu-dong-nam-duoc-mien-thue-nhung-can-luu-y-cac-quy-dinh-bat-buoc',
  },
};

/** Groups the goods floors take. Tourism services are not sold as parcels (see floorsForProduct). */
const GOODS: OcopGroupId[] = ['food', 'beverage', 'herbal', 'handicraft', 'ornamental'];
const ALL_GROUPS: OcopGroupId[] = [...GOODS, 'tourism'];

const FARM_FLOOR_REQUIREMENTS: ChecklistItemId[] = [
  'photos',
  'description',
  'price_unit',
  'ocop_certificate',
  'food_safety',
  'packaging_label',
  'traceability',
  'shipping',
  'cashless_payment',
  'tax_declaration',
];

const MARKETPLACE_REQUIREMENTS: ChecklistItemId[] = [
  'photos',
  'description',
  'price_unit',
  'food_safety',
  'packaging_label',
  'shipping',
  'cashless_payment',
  'e_invoice',
  'tax_id',
  'tax_declaration',
];

export const OCOP_FLOORS: Floor[] = [
  {
    id: 'postmart',
    name: { vi: 'Postmart', en: 'Postmart' },
    operator: { vi: 'Tổng Công ty Bưu điện Việt Nam (Vietnam Post)', en: 'Vietnam Post Corporation' },
    url: 'https://postmart.vn',
    domains: ['postmart.vn'],
    sellerHosts: [],
    kind: 'farm_ocop',
    fits: { groups: GOODS },
    requirements: FARM_FLOOR_REQUIREMENTS,
    description: {
      vi: 'Sàn nông sản, đặc sản và sản phẩm OCOP của Bưu điện Việt Nam; bưu điện xã giúp đăng sản phẩm và nhận hàng.',
      en: 'Vietnam Post’s floor for farm produce, specialities and OCOP products; commune post offices help list and collect.',
    },
  },
  {
    id: 'voso',
    name: { vi: 'Voso (Vỏ Sò)', en: 'Voso' },
    operator: { vi: 'Tổng Công ty Cổ phần Bưu chính Viettel (Viettel Post)', en: 'Viettel Post' },
    url: 'https://voso.vn',
    domains: ['voso.vn'],
    sellerHosts: [],
    kind: 'farm_ocop',
    fits: { groups: GOODS },
    requirements: FARM_FLOOR_REQUIREMENTS,
    description: {
      vi: 'Sàn thương mại điện tử của Viettel Post, ưu tiên nông sản và sản phẩm OCOP, giao bằng mạng lưới Viettel Post.',
      en: 'Viettel Post’s marketplace, prioritising farm and OCOP products and delivering through its own network.',
    },
  },
  {
    id: 'provincial',
    name: { vi: 'Sàn thương mại điện tử của tỉnh', en: 'Provincial e-commerce floor' },
    operator: { vi: 'Sở Công Thương', en: 'Department of Industry and Trade' },
    url: null,
    domains: [],
    sellerHosts: [],
    kind: 'provincial',
    // Provincial floors also promote local tourism sites and services.
    fits: { groups: ALL_GROUPS },
    requirements: FARM_FLOOR_REQUIREMENTS,
    description: {
      vi: 'Sàn do tỉnh vận hành để giới thiệu và bán sản phẩm OCOP, đặc sản và điểm du lịch của địa phương.',
      en: 'The floor the province runs to promote and sell local OCOP products, specialities and tourist sites.',
    },
  },
  {
    id: 'shopee',
    name: { vi: 'Shopee', en: 'Shopee' },
    operator: { vi: 'Shopee (Sea Group)', en: 'Shopee (Sea Group)' },
    url: 'https://shopee.vn',
    domains: ['shopee.vn'],
    sellerHosts: ['banhang.shopee.vn'],
    kind: 'marketplace',
    fits: { groups: GOODS },
    requirements: MARKETPLACE_REQUIREMENTS,
    description: {
      vi: 'Sàn có nhiều người mua nhất Việt Nam; mở gian hàng miễn phí, sàn thu phí trên mỗi đơn bán được.',
      en: 'Vietnam’s largest marketplace by buyers; opening a shop is free, fees are taken on each order sold.',
    },
  },
  {
    id: 'lazada',
    name: { vi: 'Lazada', en: 'Lazada' },
    operator: { vi: 'Lazada (Tập đoàn Alibaba)', en: 'Lazada (Alibaba Group)' },
    url: 'https://www.lazada.vn',
    domains: ['lazada.vn'],
    sellerHosts: ['sellercenter.lazada.vn'],
    kind: 'marketplace',
    fits: { groups: GOODS },
    requirements: MARKETPLACE_REQUIREMENTS,
    description: {
      vi: 'Sàn thương mại điện tử lớn, có dịch vụ kho vận của sàn.',
      en: 'A major marketplace with its own fulfilment services.',
    },
  },
  {
    id: 'tiktok_shop',
    name: { vi: 'TikTok Shop', en: 'TikTok Shop' },
    operator: { vi: 'TikTok (ByteDance)', en: 'TikTok (ByteDance)' },
    url: 'https://shop.tiktok.com',
    // Product pages and share links live on tiktok.com subdomains (www.,
    // shop., vt., vm.); "shop.tiktok.com" is covered by "tiktok.com" but kept
    // to say where product pages are. Matching is on a dot boundary, so
    // "eviltiktok.com" or "tiktok.com.evil.vn" never pass.
    domains: ['tiktok.com', 'shop.tiktok.com'],
    sellerHosts: ['seller-vn.tiktok.com', 'seller.tiktok.com'],
    kind: 'marketplace',
    fits: { groups: GOODS },
    requirements: MARKETPLACE_REQUIREMENTS,
    description: {
      vi: 'Bán ngay trong video và phiên livestream trên TikTok; nhiều tỉnh đã tổ chức phiên livestream sản phẩm OCOP.',
      en: 'Sell inside TikTok videos and live streams; several provinces have run OCOP live-stream sales.',
    },
  },
  {
    id: 'tiki',
    name: { vi: 'Tiki', en: 'Tiki' },
    operator: { vi: 'Công ty Cổ phần Ti Ki', en: 'Tiki Corporation' },
    url: 'https://tiki.vn',
    domains: ['tiki.vn'],
    sellerHosts: ['sellercenter.tiki.vn'],
    kind: 'marketplace',
    // Live plants and animals are not a Tiki category we could confirm.
    fits: { groups: ['food', 'beverage', 'herbal', 'handicraft'] },
    requirements: MARKETPLACE_REQUIREMENTS,
    description: {
      vi: 'Sàn thương mại điện tử Việt Nam chú trọng hàng chính hãng; đã cùng Sở Công Thương TP.HCM đưa sản phẩm OCOP lên sàn.',
      en: 'A Vietnamese marketplace focused on genuine goods; it has listed OCOP products with the HCMC Department of Industry and Trade.',
    },
  },
];
