/**
 * Maturity levels of the national SME index (QĐ 1970/QĐ-BTTTT, 2021, Bảng 2
 * and the overall-level table; docs/domain.md §1).
 *
 * Scores here are percentages (0–100). The DBI SME index has 320 points and
 * pillar weights proportional to the pillar maxima, so the total score is
 * points ÷ 320 × 100 and the official point thresholds become:
 *   > 20 pts = 6.25 %, > 64 = 20 %, > 128 = 40 %, > 192 = 60 %, > 256 = 80 %.
 *
 * Changing a name, a threshold or a pillar count is a product decision (and a
 * new framework version), not a refactor: tests/unit/framework-dbi.test.ts pins them.
 */
import type { LevelInput, Localized, PillarLevelInput } from '#src/domain/framework/schema.ts';

/** Official level names, shared by every framework of the portal. */
export const LEVEL_NAMES: readonly Localized[] = [
  { vi: 'Chưa khởi động', en: 'Not started' },
  { vi: 'Khởi động', en: 'Starting' },
  { vi: 'Bắt đầu', en: 'Beginning' },
  { vi: 'Hình thành', en: 'Forming' },
  { vi: 'Nâng cao', en: 'Advanced' },
  { vi: 'Dẫn dắt', en: 'Leading' },
];

/** Bảng 2: a pillar's level by its share of the pillar maximum (strictly greater than). */
export const PILLAR_LEVELS: readonly PillarLevelInput[] = [
  { level: 1, minScore: 10 },
  { level: 2, minScore: 20 },
  { level: 3, minScore: 40 },
  { level: 4, minScore: 60 },
  { level: 5, minScore: 80 },
];

const name = (level: number): Localized => LEVEL_NAMES[level]!;

export const DBI_LEVELS: readonly LevelInput[] = [
  {
    level: 0,
    minScore: 0,
    minPillars: 0,
    name: name(0),
    description: {
      vi: 'Doanh nghiệp gần như chưa dùng công cụ số trong kinh doanh, hoặc mới dùng lẻ tẻ ở một hai việc. Để lên mức Khởi động: dùng các công cụ số cơ bản (hóa đơn điện tử, ngân hàng số, trang mạng xã hội…) ở ít nhất 4 trong 6 trụ cột.',
      en: 'The business hardly uses digital tools yet, or only for one or two tasks. To reach Starting: use basic digital tools (e-invoices, online banking, a social-media page…) in at least 4 of the 6 pillars.',
    },
  },
  {
    level: 1,
    minScore: 6.25, // > 20 of 320 points
    minPillars: 4,
    name: name(1),
    description: {
      vi: 'Đã có công cụ số cơ bản ở nhiều mảng nhưng còn rời rạc, mỗi việc một công cụ và dùng chưa đều. Để lên mức Bắt đầu: dùng đều đặn hơn, đạt trên 64 điểm và trên 20% số điểm ở ít nhất 4 trụ cột.',
      en: 'Basic digital tools are in place in several areas, but they are separate, one per task, and used irregularly. To reach Beginning: use them regularly, score above 64 points and above 20 % in at least 4 pillars.',
    },
  },
  {
    level: 2,
    minScore: 20, // > 64 of 320 points
    minPillars: 4,
    name: name(2),
    description: {
      vi: 'Công cụ số đã được dùng hằng ngày trong bán hàng, kế toán và liên lạc với khách hàng. Để lên mức Hình thành: có kế hoạch chuyển đổi số, dùng phần mềm quản lý cho các khâu chính, đạt trên 128 điểm và trên 40% ở ít nhất 4 trụ cột.',
      en: 'Digital tools are used every day for sales, accounting and talking to customers. To reach Forming: write a digital-transformation plan, run the main activities on management software, score above 128 points and above 40 % in at least 4 pillars.',
    },
  },
  {
    level: 3,
    minScore: 40, // > 128 of 320 points
    minPillars: 4,
    name: name(3),
    description: {
      vi: 'Doanh nghiệp số đã hình thành: có kế hoạch, có phần mềm cho các khâu chính và bắt đầu dùng dữ liệu để quản lý. Để lên mức Nâng cao: kết nối các hệ thống với nhau, có chính sách an toàn thông tin, đạt trên 192 điểm và trên 60% ở ít nhất 5 trụ cột.',
      en: 'A digital business has taken shape: there is a plan, software for the main activities, and data starts to be used for management. To reach Advanced: connect the systems to each other, adopt security policies, score above 192 points and above 60 % in at least 5 pillars.',
    },
  },
  {
    level: 4,
    minScore: 60, // > 192 of 320 points
    minPillars: 5,
    name: name(4),
    description: {
      vi: 'Các hệ thống số được kết nối, nhiều quy trình đã tự động và quyết định dựa trên dữ liệu. Để lên mức Dẫn dắt: đạt trên 256 điểm và trên 80% ở cả 6 trụ cột, nhất là đổi mới sáng tạo và khai thác dữ liệu.',
      en: 'Digital systems are connected, many processes are automated and decisions rest on data. To reach Leading: score above 256 points and above 80 % in all 6 pillars, especially innovation and the use of data.',
    },
  },
  {
    level: 5,
    minScore: 80, // > 256 of 320 points
    minPillars: 6,
    name: name(5),
    description: {
      vi: 'Công nghệ số và dữ liệu là nền tảng của mô hình kinh doanh; doanh nghiệp tạo ra giá trị mới và dẫn dắt đối tác trong ngành. Tiếp theo: giữ vững, đổi mới liên tục và chia sẻ kinh nghiệm cho doanh nghiệp khác.',
      en: 'Digital technology and data are the foundation of the business model; the business creates new value and leads its partners. Next: keep it up, keep innovating and share the experience with other businesses.',
    },
  },
];
