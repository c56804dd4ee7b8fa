import type { Assessment } from '#src/db/schema/index.ts';
import { pick, type Lang } from '#src/i18n/index.ts';
import { frameworkOf, resultOf } from '#src/server/services/assessments.ts';
import type { ShareCard } from './share-image.ts';
import type { Framework } from '#src/domain/framework/schema.ts';
import { FRAMEWORK_STATUS_NAMES } from '#src/i18n/labels.ts';

/** "Tự đánh giá theo QĐ 1970/QĐ-BTTTT, 13/12/2021 — đã được thay thế" (the badge of FrameworkBadge.astro, in one line). */
export function frameworkLine(framework: Pick<Framework, 'meta'>, lang: Lang): string {
  const status = pick(lang, FRAMEWORK_STATUS_NAMES[framework.meta.status]);
  if (framework.meta.status === 'local')
    return pick(lang, {
      vi: 'Tự đánh giá bằng bộ câu hỏi của cổng (không phải bộ chỉ số chính thức)',
      en: 'Self-assessed with the portal’s questionnaire (not an official index)',
    });
  const basis = pick(lang, framework.meta.legalBasis);
  return pick(lang, { vi: `Tự đánh giá theo ${basis} — ${status}`, en: `Self-assessed under ${basis} — ${status}` });
}

/** What the share image of an assessment shows; a null name (the owner did not choose to show it) is never guessed. */
export function shareCardOf(assessment: Assessment, businessName: string | null, lang: Lang): ShareCard {
  const result = resultOf(assessment)!;
  const framework = frameworkOf(assessment);
  const L = (vi: string, en: string) => pick(lang, { vi, en });
  const shown = businessName ?? L('Một cơ sở sản xuất, kinh doanh trong tỉnh', 'A business in the province');
  // Four lines of the card's left column hold about 80 characters.
  const name = shown.length > 80 ? `${shown.slice(0, 79).trimEnd()}…` : shown;
  return {
    businessName: name,
    title: L('Mức độ chuyển đổi số', 'Digital transformation level'),
    scoreLabel: `${Math.round(result.score)}/100`,
    levelLabel: `${L('Cấp độ', 'Level')} ${result.level}: ${pick(lang, framework.levels[result.level]!.name)}`,
    pillars: framework.pillars
      .filter((p) => p.weight > 0)
      .map((p) => ({ name: pick(lang, p.name), score: result.pillars.find((r) => r.id === p.id)?.score ?? 0 })),
    // The framework and its status: a superseded index or our own reading is never passed off as the national one.
    footer: `${frameworkLine(framework, lang)} · ${assessment.submittedAt?.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB') ?? ''}`,
  };
}

export function pngResponse(png: Buffer, cacheControl: string): Response {
  return new Response(new Uint8Array(png), {
    headers: { 'content-type': 'image/png', 'content-length': String(png.byteLength), 'cache-control': cacheControl },
  });
}
