/**
 * Pillar 2, "Chiến lược" (25 points): one criterion, building a
 * digital-transformation strategy or plan, weighted ×5 in the official index
 * (grades worth 5, 10, 15, 20, 25; "nothing at all" is 0). Wording is ours.
 */
import type { PillarInput } from '#src/domain/framework/schema.ts';

type Grade = readonly [vi: string, en: string];

const GRADES: readonly Grade[] = [
  ['Chưa nghĩ tới', 'Not considered yet'],
  ['Lãnh đạo đã tìm hiểu nhưng chưa có gì trên giấy', 'The owner has looked into it, but nothing is written down'],
  [
    'Có kế hoạch sơ bộ cho một vài việc (ví dụ: hóa đơn điện tử, bán hàng trên mạng)',
    'A rough plan for a few tasks (e.g. e-invoices, online selling)',
  ],
  ['Có kế hoạch chuyển đổi số bằng văn bản, có mục tiêu và ngân sách', 'A written digital-transformation plan with goals and a budget'],
  [
    'Kế hoạch gắn với chiến lược kinh doanh, có người phụ trách và được theo dõi định kỳ',
    'The plan is tied to the business strategy, has an owner and is reviewed regularly',
  ],
  [
    'Chuyển đổi số là một phần của chiến lược doanh nghiệp, cập nhật hằng năm và đo bằng chỉ tiêu cụ thể',
    'Digital transformation is part of the company strategy, updated yearly and measured with clear targets',
  ],
];

export const strategyPillar: PillarInput = {
  id: 'strategy',
  name: { vi: 'Chiến lược', en: 'Strategy' },
  weight: 0.078125, // 25 / 320
  maxPoints: 25,
  components: [{ id: 'dx_strategy', name: { vi: 'Chiến lược/kế hoạch chuyển đổi số', en: 'Digital-transformation strategy or plan' } }],
  questions: [
    {
      id: 's1_strategy',
      type: 'single',
      component: 'dx_strategy',
      text: {
        vi: 'Doanh nghiệp đã có chiến lược hoặc kế hoạch chuyển đổi số chưa?',
        en: 'Does your business have a digital-transformation strategy or plan?',
      },
      why: {
        vi: 'Có kế hoạch thì tiền và công sức dành cho công nghệ số mới đi đúng hướng.',
        en: 'With a plan, money and effort spent on digital tools go in the right direction.',
      },
      // Weighted ×5: the official index counts this single criterion as 25 points.
      options: GRADES.map(([vi, en], i) => ({ value: `g${i}`, points: 5 * i, label: { vi, en } })),
    },
  ],
};
