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
 * for food/beverage/herbal, no packing or shipping for tourism services, and
 * e-invoices only for enterprises and cooperatives.
 *
 * The provincial floor has no URL or domain here: each province runs its own
 * and no official address was confirmed (docs/domain.md §4). The
 * domain is a deployment setting passed to the domain functions.
 */
import type { ChecklistItemId, Floor } from '#src/domain/ocop/floors.ts';
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
      vi: 'Doanh nghiệp, hợp tác xã bán trên sàn phải xuất hóa đơn điện tử cho đơn hàng.',
      en: 'Enterprises and cooperatives selling on a marketplace must issue e-invoices for orders.',
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
