/**
 * Framework `dbi-sme` version 1: the national Digital Business Indicators for
 * SMEs (Bộ Chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp, QĐ 1970/QĐ-BTTTT,
 * 13/12/2021), the SME variant, which also covers micro businesses,
 * co-operatives and household establishments. Sources: docs/domain.md §1.
 *
 * Structure (official): 6 pillars, 10 component indicators, 60 criteria,
 * 320 points. Each ordinary criterion has a "nothing at all" option (0) and
 * the five official grades (1–5 points); the single strategy criterion is
 * weighted ×5 (0–25). Pillar weights are the pillar maxima ÷ 320, so the total
 * score is exactly points ÷ 320 × 100.
 *
 * Versions are never edited once assessments exist: a changed question,
 * option, weight or threshold is a product decision and ships as version 2.
 * The official index was replaced by QĐ 2158/2023 and by the 2025 "criteria
 * v1.0"; those belong beside this one as separate frameworks.
 */
import type { FrameworkInput } from '#src/domain/framework/schema.ts';
import { dbiExtraSections } from './extras.ts';
import { DBI_LEVELS, PILLAR_LEVELS } from './levels.ts';
import { customerPillar } from './p1-customer.ts';
import { strategyPillar } from './p2-strategy.ts';
import { infrastructurePillar } from './p3-infrastructure.ts';
import { operationsPillar } from './p4-operations.ts';
import { culturePillar } from './p5-culture.ts';
import { dataPillar } from './p6-data.ts';
import { SOURCES } from '#src/content/frameworks/sources.ts';

export const dbiSme2021: FrameworkInput = {
  id: 'dbi-sme',
  version: 1,
  title: {
    vi: 'Bộ chỉ số chuyển đổi số doanh nghiệp nhỏ và vừa (DBI, QĐ 1970/QĐ-BTTTT)',
    en: 'Digital Business Indicators for SMEs (DBI, Decision 1970/QĐ-BTTTT)',
  },
  description: {
    vi: '60 câu hỏi trong 6 trụ cột theo bộ chỉ số quốc gia năm 2021, khoảng 15 phút. Kết quả cho biết mức độ chuyển đổi số (0–5) và những việc nên làm tiếp.',
    en: '60 questions in 6 pillars following the 2021 national index, about 15 minutes. The result shows your digital-maturity level (0–5) and what to do next.',
  },
  meta: {
    status: 'superseded',
    legalBasis: { vi: 'QĐ 1970/QĐ-BTTTT, 13/12/2021', en: 'Decision 1970/QĐ-BTTTT, 13/12/2021' },
    validFrom: '2021-12-13',
    // Replaced by QĐ 2158/QĐ-BTTTT of 07/11/2023 (docs/frameworks.md: the replacement is stated by a third-party
    // summary and by the ministry's DBI portal now showing the 2023 index; the clause itself was not read).
    validTo: '2023-11-07',
    sources: [SOURCES.qd1970, SOURCES.replaces1970],
    reading: {
      vi: 'Cấu trúc, điểm và mức theo quyết định; cách diễn đạt câu hỏi và lựa chọn "chưa có gì" (0 điểm) là của cổng.',
      en: 'Structure, points and levels follow the decision; the question wording and the "nothing at all" option (0 points) are ours.',
    },
  },
  levels: [...DBI_LEVELS],
  pillarLevels: [...PILLAR_LEVELS],
  pillars: [customerPillar, strategyPillar, infrastructurePillar, operationsPillar, culturePillar, dataPillar],
  extraSections: [...dbiExtraSections],
  // Presentation only: "Không biết" scores like no answer (0), as it always could be left blank.
  allowUnknown: true,
};
