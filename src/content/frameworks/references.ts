/**
 * National frameworks the portal knows of but cannot offer as a questionnaire, because their official tables
 * (questions, scales, scoring, levels) could not be read from any public source found (docs/frameworks.md).
 * They are listed by the API with their status and exactly what is missing, so nobody mistakes the portal's
 * questionnaires for them; nothing official is invented to fill the gaps.
 */
import { FrameworkMetaSchema } from '#src/domain/framework/schema.ts';
import type { FrameworkMeta, Localized } from '#src/domain/framework/schema.ts';
import { MOST_2025_REPORTED, SOURCES } from './sources.ts';

export interface ReferenceFramework {
  id: string;
  title: Localized;
  meta: FrameworkMeta;
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
      validFrom: '2023-11-07',
      // Replaced by the MoST criteria v1.0, reported issued by 11/08/2025 (VietNamNet); the decision date was not found.
      validTo: MOST_2025_REPORTED,
      sources: [SOURCES.qd2158, SOURCES.dbiSme2023, SOURCES.dbiIntro, SOURCES.most2025],
    },
    missing: {
      vi: 'Chỉ đọc được tên 5 trong 7 trụ cột và cấp độ đầu tiên ("Cơ bản"). Chưa có: tên trụ cột 6 và 7, các chỉ số thành phần, câu hỏi, thang trả lời, điểm, trọng số, công thức và ngưỡng các cấp độ.',
      en: 'Only 5 of the 7 pillar names and the first level ("Cơ bản") could be read. Missing: pillars 6 and 7, the component indices, the questions, answer scales, points, weights, the formula and the level thresholds.',
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
        vi: 'Bộ tiêu chí của Bộ KH&CN, công bố năm 2025 (số và ngày quyết định chưa xác minh được)',
        en: 'MoST criteria published in 2025 (the decision number and date could not be verified)',
      },
      sources: [SOURCES.most2025, SOURCES.most2025Principles],
    },
    missing: {
      vi: 'Chỉ có các nguyên tắc đã công bố. Chưa có: danh mục công cụ theo ngành, bộ câu hỏi chung và theo ngành, cách tính điểm và các mức. Bộ "Kiểm kê công cụ số" của cổng làm theo các nguyên tắc này cho đến khi có bảng chính thức.',
      en: 'Only the published principles. Missing: the tool lists per sector, the common and sector questionnaires, the scoring and the levels. The portal\'s "Digital tool inventory" follows these principles until the official tables appear.',
    },
  },
];

for (const r of REFERENCES) FrameworkMetaSchema.parse(r.meta);

export const REFERENCE_FRAMEWORKS: readonly ReferenceFramework[] = Object.freeze(REFERENCES);
