/**
 * Pillar 5, "Chuyển đổi số văn hóa doanh nghiệp" (50 points): ICT use (25 = 5
 * criteria) and R&D infrastructure (25 = 5 criteria). Criteria follow the
 * official order; wording is ours.
 */
import { graded, type Scale } from './scales.ts';
import type { PillarInput } from '#src/domain/framework/schema.ts';

/** Share-of-staff scale for the "how many employees use…" criteria. */
const STAFF_SHARE: Scale = [
  ['Không ai', 'Nobody'],
  ['Dưới 20%', 'Under 20 %'],
  ['Từ 20% đến 40%', '20 % to 40 %'],
  ['Từ 41% đến 60%', '41 % to 60 %'],
  ['Từ 61% đến 80%', '61 % to 80 %'],
  ['Trên 80%', 'Over 80 %'],
];

export const culturePillar: PillarInput = {
  id: 'culture',
  name: { vi: 'Chuyển đổi số văn hóa doanh nghiệp', en: 'Digital business culture' },
  weight: 0.15625, // 50 / 320
  maxPoints: 50,
  components: [
    { id: 'ict_use', name: { vi: 'Sử dụng ICT', en: 'ICT use' } },
    { id: 'rnd', name: { vi: 'Cơ sở hạ tầng R&D', en: 'R&D infrastructure' } },
  ],
  questions: [
    {
      id: 'u1_devices',
      type: 'single',
      component: 'ict_use',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm nhân viên dùng máy tính hoặc điện thoại thông minh trong công việc?',
        en: 'Roughly what share of your staff use a computer or smartphone for work?',
      },
      why: {
        vi: 'Công cụ số chỉ phát huy khi nhân viên có thiết bị để dùng.',
        en: 'Digital tools only help when staff have devices to use them.',
      },
      options: graded(STAFF_SHARE),
    },
    {
      id: 'u1_internet',
      type: 'single',
      component: 'ict_use',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm nhân viên dùng Internet trong công việc?',
        en: 'Roughly what share of your staff use the internet for work?',
      },
      why: { vi: 'Hầu hết công cụ số hiện nay chạy qua Internet.', en: 'Most digital tools today run over the internet.' },
      options: graded(STAFF_SHARE),
    },
    {
      id: 'u1_email',
      type: 'single',
      component: 'ict_use',
      text: {
        vi: 'Doanh nghiệp dùng e-mail theo tên miền riêng (ten@congty.vn) đến mức nào?',
        en: 'How far do you use e-mail on your own domain (name@company.vn)?',
      },
      why: {
        vi: 'E-mail tên miền riêng tạo uy tín và giữ thư từ khi nhân viên nghỉ việc.',
        en: 'Company-domain e-mail builds trust and keeps mail when staff leave.',
      },
      options: graded([
        ['Không dùng e-mail', 'No e-mail'],
        ['Chỉ e-mail miễn phí (Gmail…)', 'Free e-mail only (Gmail…)'],
        ['Tên miền riêng cho lãnh đạo', 'Own domain for managers'],
        ['Tên miền riêng cho một số bộ phận', 'Own domain for some teams'],
        ['Tên miền riêng cho phần lớn nhân viên', 'Own domain for most staff'],
        ['Cho mọi nhân viên, có lịch và danh bạ dùng chung', 'For every employee, with shared calendars and contacts'],
      ]),
    },
    {
      id: 'u1_office_apps',
      type: 'single',
      component: 'ict_use',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm nhân viên dùng ứng dụng văn phòng (soạn thảo, bảng tính, tài liệu trực tuyến) trong công việc?',
        en: 'Roughly what share of your staff use office apps (word processing, spreadsheets, online documents) for work?',
      },
      why: {
        vi: 'Ứng dụng văn phòng là kỹ năng số nền tảng của mọi vị trí.',
        en: 'Office apps are the basic digital skill of every role.',
      },
      options: graded(STAFF_SHARE),
    },
    {
      id: 'u1_online_meeting',
      type: 'single',
      component: 'ict_use',
      text: {
        vi: 'Doanh nghiệp họp trực tuyến (Zoom, Google Meet, Microsoft Teams, Zalo…) thường xuyên đến đâu?',
        en: 'How often do you hold online meetings (Zoom, Google Meet, Microsoft Teams, Zalo…)?',
      },
      why: {
        vi: 'Họp trực tuyến tiết kiệm thời gian đi lại và dễ mời đối tác ở xa.',
        en: 'Online meetings save travel time and make it easy to include distant partners.',
      },
      options: graded(
        [
          ['Không bao giờ', 'Never'],
          ['Ít hơn mỗi quý một lần', 'Less than once a quarter'],
          ['Hằng quý', 'Every quarter'],
          ['Hằng tháng', 'Every month'],
          ['Hằng tuần', 'Every week'],
          ['Hằng ngày, là cách làm việc bình thường', 'Every day, as normal practice'],
        ],
        'online_meeting',
      ),
    },
    {
      id: 'r1_rnd_unit',
      type: 'single',
      component: 'rnd',
      text: {
        vi: 'Doanh nghiệp có người hoặc bộ phận nghiên cứu và phát triển (R&D) sản phẩm, quy trình không?',
        en: 'Does anyone, or any team, do research and development (R&D) on products or processes?',
      },
      why: { vi: 'R&D là nơi sinh ra sản phẩm và cách làm mới.', en: 'R&D is where new products and methods come from.' },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn có người hoặc nhóm thử nghiệm giống mới, quy trình canh tác, chăn nuôi mới không?',
            en: 'Does anyone, or any team, trial new varieties or new farming and breeding methods?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Doanh nghiệp có người hoặc bộ phận nghiên cứu sản phẩm mới, cải tiến công nghệ sản xuất không?',
            en: 'Does anyone, or any team, develop new products or improve production technology?',
          },
        },
      ],
      options: graded([
        ['Không có', 'No'],
        ['Lãnh đạo tự tìm tòi khi có thời gian', 'The owner experiments when there is time'],
        ['Một nhân viên kiêm nhiệm', 'An employee does it on the side'],
        ['Hợp tác với viện, trường hoặc chuyên gia bên ngoài', 'Work with institutes, universities or outside experts'],
        ['Có nhóm R&D chuyên trách', 'A dedicated R&D team'],
        ['Có bộ phận R&D với ngân sách và kế hoạch riêng', 'An R&D department with its own budget and plan'],
      ]),
    },
    {
      id: 'r1_rnd_spend',
      type: 'single',
      component: 'rnd',
      text: {
        vi: 'Chi cho nghiên cứu, phát triển chiếm khoảng bao nhiêu phần trăm doanh thu hằng năm?',
        en: 'Roughly what share of yearly revenue do you spend on research and development?',
      },
      why: { vi: 'Cho thấy doanh nghiệp đầu tư cho tương lai đến đâu.', en: 'Shows how much you invest in the future.' },
      options: graded([
        ['Không chi', 'Nothing'],
        ['Dưới 0,5%', 'Under 0.5 %'],
        ['Từ 0,5% đến 1%', '0.5 % to 1 %'],
        ['Từ 1% đến 2%', '1 % to 2 %'],
        ['Từ 2% đến 5%', '2 % to 5 %'],
        ['Trên 5%', 'Over 5 %'],
      ]),
    },
    {
      id: 'r1_ip',
      type: 'single',
      component: 'rnd',
      text: {
        vi: 'Doanh nghiệp có nhãn hiệu, kiểu dáng công nghiệp, sáng chế hoặc giải pháp hữu ích được bảo hộ không?',
        en: 'Do you hold registered trademarks, industrial designs, patents or utility solutions?',
      },
      why: {
        vi: 'Tài sản trí tuệ được bảo hộ giữ giá trị cho sản phẩm của bạn.',
        en: 'Protected intellectual property keeps the value of your products yours.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Sản phẩm của bạn có nhãn hiệu, chỉ dẫn địa lý hoặc giống cây trồng được bảo hộ không?',
            en: 'Are your products protected by a trademark, a geographical indication or plant-variety rights?',
          },
        },
      ],
      options: graded([
        ['Không có', 'None'],
        ['Đang tìm hiểu hoặc đã nộp đơn', 'Looking into it or applied'],
        ['Một nhãn hiệu đã được cấp', 'One registered trademark'],
        ['Vài nhãn hiệu hoặc kiểu dáng', 'Several trademarks or designs'],
        ['Có sáng chế hoặc giải pháp hữu ích', 'A patent or utility solution'],
        ['Nhiều sáng chế, có khai thác thương mại (bán, cấp phép)', 'Several patents, commercially exploited (sold or licensed)'],
      ]),
    },
    {
      id: 'r1_innovation',
      type: 'single',
      component: 'rnd',
      text: {
        vi: 'Trong 2 năm qua, doanh nghiệp tự đưa ra sản phẩm, dịch vụ hoặc cách làm mới đến mức nào?',
        en: 'Over the last 2 years, how far has your business come up with new products, services or ways of working on its own?',
      },
      why: {
        vi: 'Khả năng tự đổi mới quyết định sức cạnh tranh lâu dài.',
        en: 'The ability to innovate decides long-term competitiveness.',
      },
      options: graded([
        ['Không có', 'None'],
        ['Có ý tưởng nhưng chưa làm', 'Ideas, not yet acted on'],
        ['Một cải tiến nhỏ', 'One small improvement'],
        ['Vài cải tiến', 'Several improvements'],
        ['Có sản phẩm hoặc dịch vụ mới', 'A new product or service'],
        ['Đổi mới thường xuyên, có quy trình thu thập và thử ý tưởng', 'Regular innovation, with a way to collect and test ideas'],
      ]),
    },
    {
      id: 'r1_co_innovation',
      type: 'single',
      component: 'rnd',
      text: {
        vi: 'Doanh nghiệp cùng đối tác, khách hàng, trường, viện hoặc công ty khởi nghiệp phát triển sản phẩm, giải pháp mới đến mức nào?',
        en: 'How far do you develop new products or solutions together with partners, customers, universities, institutes or start-ups?',
      },
      why: {
        vi: 'Hợp tác giúp doanh nghiệp nhỏ đổi mới mà không phải tự làm mọi thứ.',
        en: 'Partnering lets small firms innovate without doing everything alone.',
      },
      options: graded([
        ['Không', 'No'],
        ['Trao đổi ý tưởng không chính thức', 'Informal exchange of ideas'],
        ['Một dự án nhỏ', 'One small project'],
        ['Vài dự án có thỏa thuận', 'Several projects under agreements'],
        ['Hợp tác thường xuyên', 'Regular collaboration'],
        ['Mạng lưới đổi mới, chia sẻ kết quả và quyền sở hữu trí tuệ', 'An innovation network sharing results and intellectual property'],
      ]),
    },
  ],
};
