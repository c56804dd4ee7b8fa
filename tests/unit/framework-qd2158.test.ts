/**
 * QĐ 2158/QĐ-BTTTT (07/11/2023): only what the public text shows (docs/frameworks.md, docs/research/frameworks-2023-2025.md).
 * Its annex (questions, answer scales, points, weights, formula, level thresholds) could not be read, so it is listed
 * without a questionnaire; these tests pin the part that was read, word for word, and that nothing was added to it.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE_FRAMEWORKS } from '#src/content/frameworks/references.ts';
import { listFrameworks } from '#src/content/frameworks/registry.ts';
import { SOURCES } from '#src/content/frameworks/sources.ts';

const qd2158 = REFERENCE_FRAMEWORKS.find((r) => r.id === 'dbi-sme-2023')!;

describe('QĐ 2158: what the official text shows', () => {
  it('has 7 pillars, of which the 5 read are named and numbered as on the ministry portal', () => {
    expect(qd2158.published!.pillarCount).toBe(7);
    expect(qd2158.published!.pillars.map((p) => [p.number, p.name.vi])).toEqual([
      [1, 'Định hướng chiến lược'],
      [2, 'Trải nghiệm khách hàng và bán hàng đa kênh'],
      [3, 'Chuỗi cung ứng'],
      [4, 'Hệ thống thông tin và quản trị dữ liệu'],
      [5, 'Quản lý rủi ro và an toàn thông tin mạng'],
    ]);
  });

  it('gives the evaluation content of pillars 1–4 in full and marks pillar 5 as cut off', () => {
    const [p1, p2, p3, p4, p5] = qd2158.published!.pillars;
    expect(p1!.content!.vi.split('\n')).toEqual([
      '- Nhận thức của lãnh đạo đối với lợi ích và xu hướng chuyển đổi số đến hoạt động của doanh nghiệp.',
      '- Mức độ tích hợp giải pháp chuyển đổi số vào chiến lược chung của doanh nghiệp.',
    ]);
    expect(p2!.content!.vi.split('\n')).toHaveLength(2);
    expect(p3!.content!.vi.split('\n')).toHaveLength(2);
    expect(p4!.content!.vi.split('\n')).toEqual([
      '- Năng lực và khả năng tích hợp của hệ thống thông tin với các hệ thống khác để nâng cấp.',
      '- Khả năng cập nhật các giải pháp chuyển đổi số mới trên thị trường.',
      '- Các quy trình, chính sách về quản trị dữ liệu.',
    ]);
    expect([p1, p2, p3, p4].every((p) => p!.contentComplete)).toBe(true);
    expect(p5!.contentComplete).toBe(false);
    expect(p5!.content!.vi).toBe('- Nhận thức về các rủi ro khi áp dụng các giải pháp chuyển đổi số.');
  });

  it('knows only the first level, "Cơ bản", and who answers', () => {
    expect(qd2158.published!.levels.map((l) => l.name.vi)).toEqual(['Cơ bản']);
    expect(qd2158.published!.respondents.vi).toBe('Lãnh đạo các doanh nghiệp nhỏ và vừa');
    expect(qd2158.published!.sources.map((s) => s.url)).toEqual([SOURCES.dbiSme2023.url, SOURCES.dbiIntro.url]);
  });

  it('is superseded: valid from its signature until the 2025 criteria (1567/QĐ-BKHCN, 30/06/2025)', () => {
    expect(qd2158.meta).toMatchObject({ status: 'superseded', validFrom: '2023-11-07', validTo: '2025-06-30' });
    expect(qd2158.meta.legalBasis.vi).toBe('QĐ 2158/QĐ-BTTTT, 07/11/2023');
    const urls = qd2158.meta.sources.map((s) => s.url);
    for (const s of [SOURCES.qd2158, SOURCES.dbiSme2023, SOURCES.most2025, SOURCES.most2025Decision]) expect(urls).toContain(s.url);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('says exactly what is missing and is never offered as a questionnaire', () => {
    for (const gap of ['trụ cột 6 và 7', 'câu hỏi', 'thang trả lời và điểm', 'trọng số', 'công thức', 'ngưỡng', 'Phụ lục 2']) {
      expect(qd2158.missing.vi).toContain(gap);
    }
    expect(qd2158.missing.en).toContain('pillars 6 and 7');
    expect(listFrameworks().some((f) => f.id === 'dbi-sme-2023')).toBe(false);
  });
});
