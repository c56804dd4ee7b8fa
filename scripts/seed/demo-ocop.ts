/**
 * Sample OCOP producers and products for the demo province (Ninh Bình, code 37, by default).
 *
 * Product names are the kinds of product the province is known for (mountain goat, scorched rice,
 * sedge mats, embroidery, fish sauce…), written generically and suffixed "(mẫu)" so that none can
 * be taken for a real, certified product or business. Certificate numbers start with "MẪU-": no
 * real OCOP certificate looks like that. Listing links open the floor's own search for the kind of
 * product, never a made-up seller page.
 */
import type { OcopGroupId, OcopStars } from '#src/domain/ocop/schema.ts';
import type { ListingStatus } from '#src/domain/ocop/floors.ts';
import type { ProducerType } from './demo-data.ts';

export const DEMO_MARK = '(mẫu)';

export interface DemoListingStep {
  status: ListingStatus;
  /** Days before the seed's `now`. */
  daysAgo: number;
}

export interface DemoOcopProduct {
  name: string;
  group: OcopGroupId;
  stars: OcopStars;
  certificateYear: number;
  description: string;
  /** Status history per floor id (from src/content/ocop/floors.ts), oldest first. */
  listings?: Readonly<Record<string, readonly DemoListingStep[]>>;
  /** Words for the floor's search when listed. */
  searchWords?: string;
}

export interface DemoOcopProducer {
  producerType: ProducerType;
  /** VSIC section the producer's business is drawn from. */
  sectors: readonly ('A' | 'C' | 'I' | 'N')[];
  /** Has agreed to show its products publicly (consent `publish_products`). */
  publish: boolean;
  products: readonly DemoOcopProduct[];
}

const LISTED: readonly DemoListingStep[] = [
  { status: 'preparing', daysAgo: 150 },
  { status: 'listed', daysAgo: 120 },
];
const LISTED_LATE: readonly DemoListingStep[] = [
  { status: 'preparing', daysAgo: 60 },
  { status: 'listed', daysAgo: 25 },
];
const PREPARING: readonly DemoListingStep[] = [{ status: 'preparing', daysAgo: 30 }];
const WITHDRAWN: readonly DemoListingStep[] = [
  { status: 'preparing', daysAgo: 300 },
  { status: 'listed', daysAgo: 270 },
  { status: 'withdrawn', daysAgo: 90 },
];

/**
 * Twelve producers of all four types, 24 products over five groups, 3★ to 5★; about half listed on
 * at least one floor, a few preparing, one withdrawn, one producer without the publication consent
 * (its products stay off the public directory, as for a real producer).
 */
export const DEMO_OCOP_PRODUCERS: readonly DemoOcopProducer[] = [
  {
    producerType: 'cooperative',
    sectors: ['A'],
    publish: true,
    products: [
      {
        name: 'Thịt dê núi hun khói (mẫu)',
        group: 'food',
        stars: 4,
        certificateYear: 2024,
        description: 'Dê thả núi đá vôi, hun khói củi nhãn, đóng gói hút chân không 500 g.',
        listings: { postmart: LISTED, shopee: LISTED_LATE },
        searchWords: 'thit de hun khoi',
      },
      {
        name: 'Dê núi tái chanh đóng hộp (mẫu)',
        group: 'food',
        stars: 3,
        certificateYear: 2025,
        description: 'Dê núi sơ chế sẵn kèm lá sung và gia vị, bảo quản lạnh.',
        listings: { voso: PREPARING },
      },
    ],
  },
  {
    producerType: 'cooperative',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Cơm cháy chà bông (mẫu)',
        group: 'food',
        stars: 4,
        certificateYear: 2023,
        description: 'Cơm cháy gạo tám chiên giòn, phủ chà bông và mỡ hành; túi 200 g.',
        listings: { postmart: LISTED, shopee: LISTED, tiktok_shop: LISTED_LATE },
        searchWords: 'com chay cha bong',
      },
      {
        name: 'Cơm cháy rong biển (mẫu)',
        group: 'food',
        stars: 3,
        certificateYear: 2025,
        description: 'Cơm cháy vị rong biển, hộp giấy 150 g.',
        listings: { postmart: PREPARING },
      },
      {
        name: 'Cơm cháy mắm hành (mẫu)',
        group: 'food',
        stars: 3,
        certificateYear: 2024,
        description: 'Vị truyền thống, ăn kèm chè hoặc làm quà.',
        listings: { shopee: WITHDRAWN },
      },
    ],
  },
  {
    producerType: 'cooperative',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Chiếu cói dệt máy (mẫu)',
        group: 'handicraft',
        stars: 4,
        certificateYear: 2024,
        description: 'Chiếu cói nhuộm màu tự nhiên, khổ 1,6 m và 1,8 m.',
        listings: { voso: LISTED, lazada: LISTED_LATE },
        searchWords: 'chieu coi',
      },
      {
        name: 'Túi cói thủ công (mẫu)',
        group: 'handicraft',
        stars: 3,
        certificateYear: 2025,
        description: 'Túi xách cói đan tay, quai da, nhiều cỡ.',
        listings: { shopee: LISTED },
        searchWords: 'tui coi',
      },
    ],
  },
  {
    producerType: 'cooperative_group',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Tranh thêu ren tay (mẫu)',
        group: 'handicraft',
        stars: 4,
        certificateYear: 2023,
        description: 'Tranh thêu phong cảnh non nước, khung gỗ, thêu hoàn toàn bằng tay.',
        listings: { postmart: LISTED },
        searchWords: 'tranh theu tay',
      },
      {
        name: 'Khăn trải bàn thêu ren (mẫu)',
        group: 'handicraft',
        stars: 3,
        certificateYear: 2024,
        description: 'Khăn lanh thêu ren viền, 120 × 160 cm.',
      },
    ],
  },
  {
    producerType: 'cooperative_group',
    sectors: ['A'],
    publish: true,
    products: [
      {
        name: 'Mật ong hoa nhãn (mẫu)',
        group: 'food',
        stars: 3,
        certificateYear: 2024,
        description: 'Mật ong nuôi thả vùng đồi, chai thủy tinh 500 ml.',
        listings: { voso: LISTED_LATE },
        searchWords: 'mat ong hoa nhan',
      },
      { name: 'Phấn hoa sấy khô (mẫu)', group: 'food', stars: 3, certificateYear: 2025, description: 'Phấn hoa sấy lạnh, lọ 200 g.' },
    ],
  },
  {
    producerType: 'cooperative_group',
    sectors: ['A'],
    publish: true,
    products: [
      {
        name: 'Bưởi cảnh tạo dáng (mẫu)',
        group: 'ornamental',
        stars: 3,
        certificateYear: 2024,
        description: 'Bưởi trồng chậu tạo dáng, chơi Tết.',
      },
      { name: 'Đào thế bonsai (mẫu)', group: 'ornamental', stars: 4, certificateYear: 2023, description: 'Đào cổ thụ uốn thế, chậu men.' },
    ],
  },
  {
    producerType: 'household',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Rượu nếp cái hoa vàng (mẫu)',
        group: 'beverage',
        stars: 4,
        certificateYear: 2024,
        description: 'Nấu thủ công bằng men lá, hạ thổ sáu tháng; chai 500 ml, 29 độ.',
        listings: { postmart: LISTED },
        searchWords: 'ruou nep cai hoa vang',
      },
      {
        name: 'Rượu ngâm mơ rừng (mẫu)',
        group: 'beverage',
        stars: 3,
        certificateYear: 2025,
        description: 'Rượu nếp ngâm mơ, bình 1 lít.',
        listings: { postmart: PREPARING },
      },
    ],
  },
  {
    producerType: 'household',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Nem chua lá ổi (mẫu)',
        group: 'food',
        stars: 3,
        certificateYear: 2024,
        description: 'Nem chua gói lá ổi, chục 10 cái, bảo quản mát.',
        listings: { shopee: LISTED_LATE },
        searchWords: 'nem chua',
      },
      { name: 'Giò lụa truyền thống (mẫu)', group: 'food', stars: 3, certificateYear: 2025, description: 'Giò lụa giã tay, cây 1 kg.' },
    ],
  },
  {
    producerType: 'household',
    sectors: ['A'],
    publish: false,
    products: [
      { name: 'Gạo nếp cái hoa vàng (mẫu)', group: 'food', stars: 3, certificateYear: 2024, description: 'Gạo nếp vụ mùa, túi 2 kg.' },
    ],
  },
  {
    producerType: 'enterprise',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Nước mắm cá cơm truyền thống (mẫu)',
        group: 'food',
        stars: 4,
        certificateYear: 2023,
        description: 'Ủ chượp 12 tháng trong thùng gỗ, độ đạm 35; chai 500 ml.',
        listings: { postmart: LISTED, lazada: LISTED, tiki: LISTED_LATE },
        searchWords: 'nuoc mam ca com',
      },
      {
        name: 'Mắm tép chưng thịt (mẫu)',
        group: 'food',
        stars: 3,
        certificateYear: 2024,
        description: 'Mắm tép đồng chưng thịt ba chỉ, hũ 250 g.',
        listings: { shopee: LISTED },
        searchWords: 'mam tep chung thit',
      },
    ],
  },
  {
    producerType: 'enterprise',
    sectors: ['A'],
    publish: true,
    products: [
      {
        name: 'Trà hoa vàng sấy lạnh (mẫu)',
        group: 'herbal',
        stars: 5,
        certificateYear: 2024,
        description: 'Hoa trà vàng sấy lạnh giữ màu, hộp 50 g.',
        listings: { postmart: LISTED, shopee: LISTED, tiktok_shop: LISTED },
        searchWords: 'tra hoa vang',
      },
      {
        name: 'Cao cà gai leo (mẫu)',
        group: 'herbal',
        stars: 4,
        certificateYear: 2025,
        description: 'Cao dược liệu cô đặc từ cà gai leo trồng theo GACP, lọ 100 g.',
        listings: { voso: LISTED_LATE },
        searchWords: 'cao ca gai leo',
      },
      { name: 'Tinh dầu sả chanh (mẫu)', group: 'herbal', stars: 3, certificateYear: 2023, description: 'Chưng cất hơi nước, chai 30 ml.' },
    ],
  },
  {
    producerType: 'enterprise',
    sectors: ['C'],
    publish: true,
    products: [
      {
        name: 'Miến dong sợi nhỏ (mẫu)',
        group: 'food',
        stars: 4,
        certificateYear: 2024,
        description: 'Miến làm từ tinh bột dong riềng, phơi nắng; gói 500 g.',
        listings: { postmart: LISTED, shopee: WITHDRAWN },
        searchWords: 'mien dong',
      },
      { name: 'Bánh đa vừng (mẫu)', group: 'food', stars: 3, certificateYear: 2025, description: 'Bánh đa nướng than hoa, túi 10 chiếc.' },
    ],
  },
];

/** The listing link for a demo product: the floor's search for its kind of product. */
export function demoListingUrl(floorId: string, words: string): string | null {
  const q = encodeURIComponent(words);
  switch (floorId) {
    case 'postmart':
      return `https://postmart.vn/search?q=${q}`;
    case 'voso':
      return `https://voso.vn/search?q=${q}`;
    case 'shopee':
      return `https://shopee.vn/search?keyword=${q}`;
    case 'lazada':
      return `https://www.lazada.vn/catalog/?q=${q}`;
    case 'tiki':
      return `https://tiki.vn/search?q=${q}`;
    case 'tiktok_shop':
      return `https://www.tiktok.com/search?q=${q}`;
    default:
      return null;
  }
}
