/**
 * National frameworks the portal knows of but cannot offer as a questionnaire, because their official tables
 * (questions, scales, scoring, levels) could not be read from any public source found (docs/frameworks.md).
 * They are listed by the API with their status and exactly what is missing, so nobody mistakes the portal's
 * questionnaires for them; nothing official is invented to fill the gaps.
 */
import { FrameworkMetaSchema } from '#src/domain/framework/schema.ts';
import type { FrameworkMeta, Localized } from '#src/domain/framework/schema.ts';
import { MOST_2025_DECISION_DATE, SOURCES } from './sources.ts';

/** One published pillar, numbered as in the official table; `content` is its "Nội dung đánh giá" as far as it could be read. */
export interface PublishedPillar {
  number: number;
  name: Localized;
  content: Localized | null;
  /** False when the stored copy stops inside the content (or before it). */
  contentComplete: boolean;
}

/**
 * The part of an official framework that could be read, verbatim in Vietnamese (the English is our translation), with
 * the address it was read at. Never completed by guesswork: whatever is not here is in `missing`.
 */
export interface PublishedPart {
  /** How many pillars the official text says the index has. */
  pillarCount: number;
  pillars: PublishedPillar[];
  /** Level names that could be read, lowest first; how many follow is unknown. */
  levels: { name: Localized }[];
  respondents: Localized;
  sources: { title: string; url: string }[];
}

export interface ReferenceFramework {
  id: string;
  title: Localized;
  meta: FrameworkMeta;
  /** What could be read of the official tables, if anything. */
  published?: PublishedPart;
  /** What could not be found, so the framework cannot be offered. */
  missing: Localized;
}

const REFERENCES: ReferenceFramework[] = [
  {
    id: 'dbi-sme-2023',
    title: {
      vi: 'Bộ chỉ số đánh giá mức độ sẵn sàng chuyển đổi số dành cho doanh nghiệp nhỏ và vừa (QĐ 2158/QĐ-BTTTT)',
      en: 'Digital transformation readiness index for SMEs (Decision 2158/QĐ-BTTTT)',
    },
    meta: {
      status: 'superseded',
      legalBasis: { vi: 'QĐ 2158/QĐ-BTTTT, 07/11/2023', en: 'Decision 2158/QĐ-BTTTT, 07/11/2023' },
      // Signature date: the effective-date article (Điều 2/3) could not be read.
      validFrom: '2023-11-07',
      // Replaced by the MoST criteria (VietNamNet, 11/08/2025), issued by 1567/QĐ-BKHCN and in force from 30/06/2025.
      validTo: MOST_2025_DECISION_DATE,
      sources: [
        SOURCES.qd2158,
        SOURCES.dbiSme2023,
        SOURCES.dbiIntro,
        SOURCES.dbiSme2023Hoabinh,
        SOURCES.most2025,
        SOURCES.most2025Decision,
      ],
    },
    // Verbatim from the ministry's DBI portal (docs/research/frameworks-2023-2025.md §1.4); nothing beyond what was read.
    published: {
      pillarCount: 7,
      pillars: [
        {
          number: 1,
          name: { vi: 'Định hướng chiến lược', en: 'Strategic orientation' },
          content: {
            vi: '- Nhận thức của lãnh đạo đối với lợi ích và xu hướng chuyển đổi số đến hoạt động của doanh nghiệp.\n- Mức độ tích hợp giải pháp chuyển đổi số vào chiến lược chung của doanh nghiệp.',
            en: "- Leaders' awareness of the benefits and trends of digital transformation for the business's activities.\n- How far digital transformation solutions are built into the business's overall strategy.",
          },
          contentComplete: true,
        },
        {
          number: 2,
          name: { vi: 'Trải nghiệm khách hàng và bán hàng đa kênh', en: 'Customer experience and multichannel sales' },
          content: {
            vi: '- Mức độ áp dụng giải pháp chuyển đổi số vào tiếp thị, phân phối, bán hàng để nâng cao trải nghiệm khách hàng.\n- Mức độ áp dụng giải pháp phân tích dữ liệu để đo lường và dự báo hiệu quả hoạt động kinh doanh.',
            en: '- How far digital transformation solutions are applied to marketing, distribution and sales to improve the customer experience.\n- How far data analysis solutions are applied to measure and forecast business performance.',
          },
          contentComplete: true,
        },
        {
          number: 3,
          name: { vi: 'Chuỗi cung ứng', en: 'Supply chain' },
          content: {
            vi: '- Khả năng áp dụng giải pháp chuyển đổi số để kết nối với nhu cầu của khách hàng và với các nhà cung cấp của doanh nghiệp;\n- Mức độ áp dụng giải pháp chuyển đổi số vào các quy trình và hoạt động kinh doanh cốt lõi.',
            en: "- The ability to apply digital transformation solutions to connect with customers' demand and with the business's suppliers;\n- How far digital transformation solutions are applied to core business processes and activities.",
          },
          contentComplete: true,
        },
        {
          number: 4,
          name: { vi: 'Hệ thống thông tin và quản trị dữ liệu', en: 'Information systems and data governance' },
          content: {
            vi: '- Năng lực và khả năng tích hợp của hệ thống thông tin với các hệ thống khác để nâng cấp.\n- Khả năng cập nhật các giải pháp chuyển đổi số mới trên thị trường.\n- Các quy trình, chính sách về quản trị dữ liệu.',
            en: '- The capacity of the information system and its ability to integrate with other systems for upgrading.\n- The ability to take up new digital transformation solutions on the market.\n- Data governance processes and policies.',
          },
          contentComplete: true,
        },
        {
          number: 5,
          name: { vi: 'Quản lý rủi ro và an toàn thông tin mạng', en: 'Risk management and cybersecurity' },
          // The stored copy stops inside the second point: only the first is given.
          content: {
            vi: '- Nhận thức về các rủi ro khi áp dụng các giải pháp chuyển đổi số.',
            en: '- Awareness of the risks of applying digital transformation solutions.',
          },
          contentComplete: false,
        },
      ],
      levels: [{ name: { vi: 'Cơ bản', en: 'Basic' } }],
      respondents: { vi: 'Lãnh đạo các doanh nghiệp nhỏ và vừa', en: 'Leaders of small and medium-sized enterprises' },
      sources: [SOURCES.dbiSme2023, SOURCES.dbiIntro],
    },
    missing: {
      vi: 'Đã đọc được: bộ chỉ số có 7 trụ cột; tên và nội dung đánh giá của trụ cột 1–4; tên trụ cột 5 và ý đầu của nội dung; cấp độ đầu tiên ("Cơ bản"); đối tượng đánh giá. Chưa có: tên trụ cột 6 và 7, phần còn lại của nội dung trụ cột 5, các chỉ số thành phần, câu hỏi, thang trả lời và điểm, trọng số, công thức tính tổng, các cấp độ sau "Cơ bản" và ngưỡng của chúng, Điều 2–3 của quyết định (ngày hiệu lực, điều khoản thay thế QĐ 1970) và Phụ lục 2 (doanh nghiệp lớn).',
      en: 'Read: the index has 7 pillars; the names and evaluation content of pillars 1–4; the name of pillar 5 and the first point of its content; the first level ("Cơ bản", basic); who answers. Missing: the names of pillars 6 and 7, the rest of pillar 5\'s content, the component indices, the questions, answer scales and points, the weights, the formula of the total, the levels after "Cơ bản" and their thresholds, Articles 2–3 of the decision (effective date, the clause replacing Decision 1970) and Annex 2 (large enterprises).',
    },
  },
  {
    id: 'most-2025',
    title: {
      vi: 'Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp (Phiên bản 1.0), Bộ KH&CN',
      en: 'Criteria for assessing enterprise digital transformation (version 1.0), Ministry of Science and Technology',
    },
    meta: {
      status: 'current',
      legalBasis: {
        vi: 'QĐ 1567/QĐ-BKHCN, 30/06/2025 (theo bản ghi văn bản của nhansu.vn; chưa đọc được toàn văn quyết định)',
        en: "QĐ 1567/QĐ-BKHCN, 30/06/2025 (from nhansu.vn's record of the decision; its full text was not read)",
      },
      validFrom: MOST_2025_DECISION_DATE,
      sources: [SOURCES.most2025, SOURCES.most2025Principles, SOURCES.most2025Decision],
    },
    missing: {
      vi: 'Chỉ có các nguyên tắc đã công bố. Chưa có: danh mục công cụ theo ngành, bộ câu hỏi chung và theo ngành, cách tính điểm và các mức. Bộ "Kiểm kê công cụ số" của cổng làm theo các nguyên tắc này cho đến khi có bảng chính thức.',
      en: 'Only the published principles. Missing: the tool lists per sector, the common and sector questionnaires, the scoring and the levels. The portal\'s "Digital tool inventory" follows these principles until the official tables appear.',
    },
  },
];

for (const r of REFERENCES) {
  FrameworkMetaSchema.parse(r.meta);
  if (r.published && r.published.pillars.length > r.published.pillarCount) throw new Error(`${r.id}: more pillars than published`);
}

export const REFERENCE_FRAMEWORKS: readonly ReferenceFramework[] = Object.freeze(REFERENCES);
