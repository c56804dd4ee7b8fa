/**
 * Deterministic demo businesses for one province, for the seed and for tests.
 *
 * Same arguments → the same list, byte for byte: randomness comes only from a
 * seeded PRNG (mulberry32) and time only from the `now` argument.
 *
 * Nothing here may look like real personal data (Law 91/2025/QH15):
 * - e-mails use the reserved domain example.com (RFC 2606), never a real one;
 * - phones come from one fixed block, 0900 000 000 upwards, and must never be
 *   called or texted: the seed must not notify anybody;
 * - household businesses are named after a shop, not an owner's full name;
 * - tax codes start with "99", which (to our knowledge) no tax office issues,
 *   so a demo code cannot collide with a real company's. They still carry a
 *   correct check digit, so forms accept them.
 */
import type { VsicCode } from '#src/reference/vsic.ts';
import { makeTaxCode } from '#src/domain/identity/tax-code.ts';
import { toSearchKey } from '#src/domain/identity/search-key.ts';

export type ProducerType = 'enterprise' | 'cooperative' | 'cooperative_group' | 'household';

export interface DemoBusiness {
  taxCode: string;
  name: string;
  sector: VsicCode;
  employees: number;
  revenueVnd: number;
  producerType: ProducerType;
  communeCode: string;
  /** Exactly one of email and phone is set. */
  email: string | null;
  /** E.164 ("+84…"), from the fake block described above. */
  phone: string | null;
  createdAt: Date;
}

export interface DemoWard {
  code: string;
  /** With its prefix, as in admin-units: "Xã Ý Yên", "Phường Hoa Lư". */
  name: string;
}

export interface GenerateDemoOptions {
  count: number;
  wards: readonly DemoWard[];
  seed: number;
  now: Date;
}

export const DEMO_EMAIL_DOMAIN = 'example.com';
export const DEMO_TAX_CODE_PREFIX = '99';
const DEMO_PHONE_BASE = 900_000_000; // +84 900 000 000, i.e. 0900 000 000
const SECONDS_PER_DAY = 24 * 60 * 60;
const CREATED_WITHIN_SECONDS = 730 * SECONDS_PER_DAY; // two years before `now`
const MILLION_VND = 1_000_000;

/** mulberry32: tiny, fast, good enough for demo data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(next: () => number) {
    this.next = next;
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
}

/*
 * Name templates. Each activity belongs to one VSIC section, so the sector and
 * the name always agree. Weights give a mix like a northern province's register:
 * mostly trade (G), manufacturing (C), agriculture (A), food and lodging (I) and
 * construction (F), with a tail of services.
 */
type Activity = readonly [sector: VsicCode, words: string, weight: number];

const ENTERPRISE_ACTIVITIES: readonly Activity[] = [
  ['G', 'Thương mại', 8],
  ['G', 'Thương mại và Dịch vụ', 8],
  ['G', 'Xuất nhập khẩu', 3],
  ['G', 'Vật tư nông nghiệp', 3],
  ['G', 'Điện máy', 2],
  ['G', 'Dược phẩm', 2],
  ['G', 'Phân phối hàng tiêu dùng', 2],
  ['C', 'May mặc', 4],
  ['C', 'Dệt may', 2],
  ['C', 'Chế biến thực phẩm', 3],
  ['C', 'Cơ khí', 3],
  ['C', 'Gỗ mỹ nghệ', 2],
  ['C', 'Bao bì', 1],
  ['C', 'Vật liệu xây dựng', 2],
  ['C', 'Sản xuất bánh kẹo', 1],
  ['F', 'Xây dựng', 5],
  ['F', 'Đầu tư và Xây dựng', 3],
  ['F', 'Xây lắp điện', 1],
  ['A', 'Nông nghiệp công nghệ cao', 2],
  ['A', 'Giống cây trồng', 1],
  ['A', 'Thủy sản', 1],
  ['I', 'Du lịch và Khách sạn', 2],
  ['I', 'Nhà hàng và Ẩm thực', 2],
  ['H', 'Vận tải', 3],
  ['H', 'Logistics', 1],
  ['M', 'Tư vấn thiết kế', 2],
  ['M', 'Dịch vụ kế toán và thuế', 1],
  ['J', 'Công nghệ thông tin', 2],
  ['J', 'Truyền thông và Quảng cáo', 1],
  ['N', 'Du lịch lữ hành', 1],
  ['N', 'Vệ sinh công nghiệp', 1],
  ['L', 'Bất động sản', 1],
  ['P', 'Giáo dục và Đào tạo', 1],
  ['Q', 'Phòng khám đa khoa', 1],
  ['E', 'Môi trường', 1],
  ['D', 'Năng lượng', 0.5],
  ['B', 'Khoáng sản', 0.5],
  ['R', 'Thể thao và Giải trí', 0.5],
  ['S', 'Dịch vụ tổng hợp', 0.5],
];

// Named after their commune, as Vietnamese co-operatives usually are.
const COOPERATIVE_ACTIVITIES: readonly Activity[] = [
  ['A', 'Nông nghiệp', 6],
  ['A', 'Dịch vụ nông nghiệp', 6],
  ['A', 'Chăn nuôi', 2],
  ['A', 'Rau an toàn', 2],
  ['A', 'Thủy sản', 2],
  ['A', 'Trồng cây dược liệu', 1],
  ['C', 'Mây tre đan', 2],
  ['C', 'Chế biến nông sản', 2],
  ['C', 'Thêu ren', 1],
  ['C', 'Nước mắm', 1],
  ['B', 'Sản xuất muối', 1],
  ['G', 'Dịch vụ thương mại', 1],
  ['H', 'Vận tải', 1],
  ['E', 'Dịch vụ môi trường', 1],
];

const COOPERATIVE_GROUP_ACTIVITIES: readonly Activity[] = [
  ['A', 'Trồng nấm', 2],
  ['A', 'Nuôi ong', 2],
  ['A', 'Trồng hoa cây cảnh', 2],
  ['A', 'Nuôi trồng thủy sản', 2],
  ['A', 'Sản xuất rau hữu cơ', 2],
  ['C', 'Dệt chiếu', 1],
  ['C', 'Làm bánh đa', 1],
  ['C', 'Mây tre đan', 1],
  ['C', 'Sản xuất hương', 1],
];

const HOUSEHOLD_ACTIVITIES: readonly Activity[] = [
  ['G', 'Tạp hóa', 6],
  ['G', 'Cửa hàng vật liệu xây dựng', 2],
  ['G', 'Đại lý phân bón', 2],
  ['G', 'Cửa hàng điện thoại', 1],
  ['G', 'Cửa hàng quần áo', 2],
  ['G', 'Sửa chữa xe máy', 2],
  ['I', 'Quán cơm', 2],
  ['I', 'Quán phở', 2],
  ['I', 'Quán cà phê', 2],
  ['I', 'Nhà nghỉ', 1],
  ['C', 'Cơ sở sản xuất bánh đa nem', 1],
  ['C', 'Cơ sở làm giò chả', 1],
  ['C', 'Xưởng mộc', 1],
  ['C', 'Cơ sở may đo', 1],
  ['A', 'Trang trại gà', 1],
  ['A', 'Vườn ươm cây giống', 1],
  ['S', 'Tiệm cắt tóc', 1],
  ['S', 'Tiệm giặt là', 1],
  ['N', 'Dịch vụ photocopy', 0.5],
  ['H', 'Dịch vụ vận tải', 0.5],
];

// Brand syllables common in Vietnamese company names ("An Phát", "Hưng Thịnh").
const BRAND_FIRST = [
  'An',
  'Bảo',
  'Đại',
  'Đông',
  'Gia',
  'Hoàng',
  'Hòa',
  'Hồng',
  'Hưng',
  'Kim',
  'Minh',
  'Nam',
  'Phúc',
  'Phú',
  'Quang',
  'Tân',
  'Thành',
  'Thiên',
  'Thịnh',
  'Trường',
  'Vạn',
  'Việt',
  'Xuân',
  'Ngọc',
  'Hải',
  'Đức',
  'Sơn',
  'Long',
  'Thái',
  'Lộc',
] as const;
const BRAND_SECOND = [
  'An',
  'Phát',
  'Thịnh',
  'Long',
  'Lộc',
  'Hưng',
  'Thành',
  'Khang',
  'Phú',
  'Việt',
  'Minh',
  'Tiến',
  'Đạt',
  'Hà',
  'Sơn',
  'Hải',
  'Dương',
  'Mai',
  'Nam',
  'Bình',
  'Quang',
  'Gia',
  'Phong',
  'Trung',
  'Tín',
  'Lợi',
  'Vượng',
  'Cường',
] as const;
// Shop names for household businesses: given-name style, never a full personal name.
const SHOP_NAMES = [
  'Minh Anh',
  'Hương Sen',
  'Bình Minh',
  'Thu Hà',
  'Hoa Mai',
  'Ngọc Lan',
  'Phương Nam',
  'Hải Yến',
  'Thanh Tâm',
  'Đức Thịnh',
  'Tuấn Phát',
  'Mạnh Hùng',
  'Thảo Nguyên',
  'Hồng Nhung',
  'Quang Vinh',
  'Kim Ngân',
  'Thúy Hằng',
  'Bảo Châu',
  'Gia Huy',
  'Tâm An',
  'Lan Chi',
  'Văn Toàn',
  'Hoàng Long',
  'Mai Phương',
] as const;

const ENTERPRISE_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['Công ty TNHH', 6],
  ['Công ty CP', 3],
  ['Công ty TNHH MTV', 1],
];

const PRODUCER_TYPE_WEIGHTS: ReadonlyArray<readonly [ProducerType, number]> = [
  ['enterprise', 55],
  ['household', 25],
  ['cooperative', 12],
  ['cooperative_group', 8],
];

/*
 * Revenue per worker per year, in million VND, by section: rough orders of
 * magnitude so that demo firms land in plausible size classes (trade turns over
 * far more per head than services). Not statistics; do not report them.
 */
const REVENUE_PER_WORKER_MVND: Partial<Record<VsicCode, number>> = {
  G: 700,
  C: 400,
  F: 500,
  A: 200,
  I: 150,
  H: 400,
  B: 500,
  D: 900,
  E: 300,
  J: 350,
  L: 600,
};
const DEFAULT_REVENUE_PER_WORKER_MVND = 250;

const WARD_PREFIX = /^(Phường|Xã|Đặc khu) /u;

function employeesFor(type: ProducerType, rnd: Random): number {
  switch (type) {
    case 'household':
      return rnd.int(1, 9);
    case 'cooperative_group':
      return rnd.int(3, 15);
    case 'cooperative':
      return rnd.int(7, 60);
    case 'enterprise': {
      // Mostly micro and small, as in any provincial register; a few large.
      const band = rnd.weighted([
        [[1, 10], 60],
        [[11, 50], 30],
        [[51, 100], 7],
        [[101, 200], 2.5],
        [[201, 450], 0.5],
      ] as const);
      return rnd.int(band[0], band[1]);
    }
  }
}

function revenueFor(type: ProducerType, sector: VsicCode, employees: number, rnd: Random): number {
  const perWorker = REVENUE_PER_WORKER_MVND[sector] ?? DEFAULT_REVENUE_PER_WORKER_MVND;
  const scale = type === 'enterprise' ? 1 : 0.35; // households and co-ops turn over less per head
  const millions = Math.max(60, Math.round(perWorker * scale * employees * (0.3 + rnd.float() * 2.2)));
  return millions * MILLION_VND;
}

function nameFor(type: ProducerType, activity: Activity, ward: DemoWard, rnd: Random): string {
  const words = activity[1];
  const place = ward.name.normalize('NFC').replace(WARD_PREFIX, '');
  switch (type) {
    case 'enterprise': {
      const first = rnd.pick(BRAND_FIRST);
      let second = rnd.pick(BRAND_SECOND);
      if (second === first) second = 'Phát';
      return `${rnd.weighted(ENTERPRISE_FORMS)} ${words} ${first} ${second}`;
    }
    case 'cooperative':
      return `HTX ${words} ${place}`;
    case 'cooperative_group':
      return `Tổ hợp tác ${words} ${place}`;
    case 'household':
      return `Hộ kinh doanh ${words} ${rnd.pick(SHOP_NAMES)}`;
  }
}

function activitiesFor(type: ProducerType): readonly Activity[] {
  switch (type) {
    case 'enterprise':
      return ENTERPRISE_ACTIVITIES;
    case 'cooperative':
      return COOPERATIVE_ACTIVITIES;
    case 'cooperative_group':
      return COOPERATIVE_GROUP_ACTIVITIES;
    case 'household':
      return HOUSEHOLD_ACTIVITIES;
  }
}

const MAX_NAME_ATTEMPTS = 40;

export function generateDemoBusinesses({ count, wards, seed, now }: GenerateDemoOptions): DemoBusiness[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  if (count > 0 && wards.length === 0) throw new RangeError('wards must not be empty');
  if (count > 100_000) throw new RangeError('count is capped at 100 000 demo businesses');

  const rnd = new Random(mulberry32(seed));
  // Whole seconds, as timestamps are stored; never after `now`.
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // Urban wards host more businesses than rural communes.
  const wardWeights = wards.map((w) => [w, w.name.startsWith('Phường') ? 3 : 1] as const);

  const taxCodes = new Set<string>();
  const nameKeys = new Set<string>();
  const businesses: DemoBusiness[] = [];

  for (let i = 0; i < count; i++) {
    const producerType = rnd.weighted(PRODUCER_TYPE_WEIGHTS);
    const activities = activitiesFor(producerType).map((a) => [a, a[2]] as const);

    // Draw activity, commune and name together until the name is new: a
    // co-operative's name includes its commune, so both must be redrawn.
    let activity = rnd.weighted(activities);
    let ward = rnd.weighted(wardWeights);
    let name = nameFor(producerType, activity, ward, rnd);
    for (let attempt = 1; nameKeys.has(toSearchKey(name)) && attempt < MAX_NAME_ATTEMPTS; attempt++) {
      activity = rnd.weighted(activities);
      ward = rnd.weighted(wardWeights);
      name = nameFor(producerType, activity, ward, rnd);
    }
    // Real registers do number look-alikes ("HTX Nông nghiệp … số 2").
    for (let n = 2; nameKeys.has(toSearchKey(name)); n++) name = `${name.replace(/ số \d+$/u, '')} số ${n}`;
    nameKeys.add(toSearchKey(name));

    let taxCode: string | null = null;
    while (taxCode === null || taxCodes.has(taxCode)) {
      taxCode = makeTaxCode(`${DEMO_TAX_CODE_PREFIX}${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`);
    }
    taxCodes.add(taxCode);

    const sector = activity[0];
    const employees = employeesFor(producerType, rnd);
    const revenueVnd = revenueFor(producerType, sector, employees, rnd);
    // Households and co-operative groups are usually reached by phone (often in
    // assisted mode); enterprises and co-operatives by e-mail.
    const byPhone = producerType === 'household' || producerType === 'cooperative_group';
    const createdAt = new Date((nowSeconds - rnd.int(0, CREATED_WITHIN_SECONDS - 1)) * 1000);

    businesses.push({
      taxCode,
      name,
      sector,
      employees,
      revenueVnd,
      producerType,
      communeCode: ward.code,
      email: byPhone ? null : `demo+${i + 1}@${DEMO_EMAIL_DOMAIN}`,
      phone: byPhone ? `+84${DEMO_PHONE_BASE + i + 1}` : null,
      createdAt,
    });
  }
  return businesses;
}
