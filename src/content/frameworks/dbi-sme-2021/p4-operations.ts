/**
 * Pillar 4, "Vận hành" (65 points): ICT policies (30 = 6 criteria) and human
 * resources (35 = 7 criteria). Criteria follow the official order; wording is ours.
 */
import { graded, type Scale } from './scales.ts';
import type { PillarInput } from '#src/domain/framework/schema.ts';

/** Share-of-staff scale shared by the two staffing criteria. */
const STAFF_SHARE: Scale = [
  ['Không có', 'None'],
  ['Dưới 5%', 'Under 5 %'],
  ['Từ 5% đến 10%', '5 % to 10 %'],
  ['Từ 11% đến 20%', '11 % to 20 %'],
  ['Từ 21% đến 40%', '21 % to 40 %'],
  ['Trên 40%', 'Over 40 %'],
];

export const operationsPillar: PillarInput = {
  id: 'operations',
  name: { vi: 'Vận hành', en: 'Operations' },
  weight: 0.203125, // 65 / 320
  maxPoints: 65,
  components: [
    { id: 'ict_policy', name: { vi: 'Chính sách CNTT-TT', en: 'ICT policies' } },
    { id: 'human_resources', name: { vi: 'Nguồn nhân lực', en: 'Human resources' } },
  ],
  questions: [
    {
      id: 'o1_security_policy',
      type: 'single',
      component: 'ict_policy',
      text: {
        vi: 'Doanh nghiệp có quy định về an toàn thông tin (mật khẩu, quyền truy cập, xử lý sự cố) không?',
        en: 'Do you have rules on information security (passwords, access rights, incident handling)?',
      },
      why: {
        vi: 'Công cụ chỉ an toàn khi mọi người biết phải dùng thế nào.',
        en: 'Tools are only safe when everyone knows how to use them.',
      },
      options: graded([
        ['Không có', 'None'],
        ['Chỉ nhắc nhở bằng miệng', 'Only verbal reminders'],
        ['Có vài quy định viết ra', 'A few written rules'],
        ['Có quy chế bằng văn bản, phổ biến cho mọi nhân viên', 'A written policy shared with every employee'],
        ['Quy chế được kiểm tra và cập nhật định kỳ', 'The policy is checked and updated regularly'],
        [
          'Theo tiêu chuẩn (ISO 27001 hoặc tương đương), có diễn tập xử lý sự cố',
          'Follows a standard (ISO 27001 or similar), with incident drills',
        ],
      ]),
    },
    {
      id: 'o1_data_protection',
      type: 'single',
      component: 'ict_policy',
      text: {
        vi: 'Doanh nghiệp có quy định bảo vệ dữ liệu cá nhân của khách hàng và nhân viên không?',
        en: 'Do you have rules to protect the personal data of customers and staff?',
      },
      why: {
        vi: 'Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ 1/1/2026.',
        en: 'The Personal Data Protection Law has applied since 1 January 2026.',
      },
      options: graded([
        ['Không có', 'None'],
        ['Chỉ nhắc nhở bằng miệng', 'Only verbal reminders'],
        ['Có vài quy định cơ bản', 'A few basic rules'],
        ['Có văn bản, xin đồng ý của khách khi thu thập dữ liệu', 'Written rules, with customer consent when collecting data'],
        ['Có người phụ trách, rà soát định kỳ', 'A person in charge, with regular reviews'],
        ['Có đánh giá tác động và quy trình báo cáo sự cố trong 72 giờ', 'Impact assessments and a 72-hour breach-reporting procedure'],
      ]),
    },
    {
      id: 'o1_quality',
      type: 'single',
      component: 'ict_policy',
      text: {
        vi: 'Doanh nghiệp có quy định bảo đảm chất lượng khi đưa phần mềm, hệ thống mới vào dùng (thử trước, đánh giá nhà cung cấp) không?',
        en: 'Do you have quality-assurance rules for bringing in new software or systems (testing first, assessing suppliers)?',
      },
      why: {
        vi: 'Chọn sai phần mềm tốn tiền hai lần: lúc mua và lúc bỏ.',
        en: 'Choosing the wrong software costs twice: buying it and dropping it.',
      },
      options: graded([
        ['Không có', 'None'],
        ['Tùy từng người', 'Up to each person'],
        ['Có vài bước kiểm tra', 'A few checks'],
        ['Có quy trình bằng văn bản', 'A written procedure'],
        ['Quy trình được đo lường và cải tiến', 'The procedure is measured and improved'],
        [
          'Theo tiêu chuẩn chất lượng (ISO 9001…) áp dụng cả cho công nghệ số',
          'A quality standard (ISO 9001…) that also covers digital tools',
        ],
      ]),
    },
    {
      id: 'o1_performance',
      type: 'single',
      component: 'ict_policy',
      text: {
        vi: 'Doanh nghiệp có đánh giá hiệu quả công việc và hiệu quả của công cụ số bằng chỉ số (KPI) không?',
        en: 'Do you measure work performance and the benefit of digital tools with indicators (KPIs)?',
      },
      why: { vi: 'Có đo mới biết khoản đầu tư nào đáng tiền.', en: 'Only measurement shows which investment pays off.' },
      options: graded([
        ['Không', 'No'],
        ['Đánh giá theo cảm nhận', 'By gut feeling'],
        ['Thỉnh thoảng xem vài số liệu', 'We look at a few figures now and then'],
        ['Có KPI cho một vài bộ phận', 'KPIs for a few teams'],
        ['KPI cho phần lớn bộ phận, theo dõi trên phần mềm', 'KPIs for most teams, tracked in software'],
        ['KPI toàn doanh nghiệp, theo dõi tức thời, gắn với khen thưởng', 'Company-wide KPIs, tracked in real time and tied to rewards'],
      ]),
    },
    {
      id: 'o1_upgrades',
      type: 'single',
      component: 'ict_policy',
      text: {
        vi: 'Máy móc, phần mềm được nâng cấp, cập nhật thường xuyên đến đâu?',
        en: 'How often are your hardware and software upgraded or updated?',
      },
      why: { vi: 'Thiết bị và phần mềm cũ chậm và dễ bị tấn công.', en: 'Old devices and software are slow and easy to attack.' },
      options: graded([
        ['Không bao giờ', 'Never'],
        ['Chỉ khi hỏng', 'Only when something breaks'],
        ['Vài năm một lần', 'Every few years'],
        ['Hằng năm', 'Every year'],
        ['Theo kế hoạch; bản vá bảo mật cài ngay khi có', 'To a plan; security patches applied as soon as released'],
        ['Tự động và liên tục (phần mềm thuê bao, cập nhật tự động)', 'Automatically and continuously (subscriptions, auto-updates)'],
      ]),
    },
    {
      id: 'o1_ict_investment',
      type: 'single',
      component: 'ict_policy',
      text: {
        vi: 'Chi cho công nghệ thông tin (máy móc, phần mềm, dịch vụ) chiếm khoảng bao nhiêu phần trăm tổng chi phí hằng năm?',
        en: 'Roughly what share of your yearly costs goes to IT (devices, software, services)?',
      },
      why: { vi: 'Cho thấy doanh nghiệp dành nguồn lực cho công nghệ đến đâu.', en: 'Shows how much the business commits to technology.' },
      options: graded([
        ['Không chi', 'Nothing'],
        ['Dưới 1%', 'Under 1 %'],
        ['Từ 1% đến 2%', '1 % to 2 %'],
        ['Từ 3% đến 5%', '3 % to 5 %'],
        ['Từ 6% đến 10%', '6 % to 10 %'],
        ['Trên 10%', 'Over 10 %'],
      ]),
    },
    {
      id: 'o2_it_unit',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Doanh nghiệp có người hoặc bộ phận phụ trách công nghệ thông tin không?',
        en: 'Does anyone, or any team, look after IT in your business?',
      },
      why: {
        vi: 'Cần có người chịu trách nhiệm thì công cụ số mới chạy ổn định.',
        en: 'Digital tools run reliably only when someone is responsible.',
      },
      options: graded([
        ['Không có ai', 'Nobody'],
        ['Nhờ người quen khi cần', 'We ask a friend when needed'],
        ['Một nhân viên kiêm nhiệm', 'An employee does it on the side'],
        ['Thuê dịch vụ IT bên ngoài định kỳ', 'A regular outside IT service'],
        ['Có nhân viên IT chuyên trách', 'A full-time IT employee'],
        ['Có bộ phận IT hoặc chuyển đổi số, có lãnh đạo phụ trách', 'An IT or digital team led by a manager'],
      ]),
    },
    {
      id: 'o2_ict_staff',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm nhân viên có bằng cấp về công nghệ thông tin, kỹ thuật hoặc khoa học (STEM)?',
        en: 'Roughly what share of your staff hold IT, engineering or science (STEM) qualifications?',
      },
      why: {
        vi: 'Người có nền tảng kỹ thuật tiếp nhận công cụ số nhanh hơn.',
        en: 'People with a technical background adopt digital tools faster.',
      },
      options: graded(STAFF_SHARE),
    },
    {
      id: 'o2_business_experts',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm nhân viên làm công việc chuyên môn, nghiệp vụ (kế toán, kinh doanh, kỹ thuật, quản lý)?',
        en: 'Roughly what share of your staff work in specialist or professional roles (accounting, sales, engineering, management)?',
      },
      why: {
        vi: 'Chuyên gia nghiệp vụ biết quy trình nào nên số hóa trước.',
        en: 'Business experts know which processes to digitise first.',
      },
      options: graded(STAFF_SHARE),
    },
    {
      id: 'o2_remote_work',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Nhân viên có thể làm việc từ xa (dùng dữ liệu, phần mềm khi không ở nơi làm việc) đến mức nào?',
        en: 'How far can staff work remotely (use data and software away from the workplace)?',
      },
      why: {
        vi: 'Làm việc từ xa giữ cho doanh nghiệp chạy cả khi không thể đến nơi làm việc.',
        en: 'Remote work keeps the business running when people cannot come in.',
      },
      options: graded([
        ['Không thể', 'Not at all'],
        ['Chỉ liên lạc qua điện thoại, Zalo', 'Only by phone or Zalo'],
        ['Xem được e-mail và vài tài liệu', 'E-mail and a few documents'],
        ['Dùng được các phần mềm chính từ xa', 'The main software works remotely'],
        ['Phần lớn công việc làm được từ xa một cách an toàn', 'Most work can be done remotely and securely'],
        ['Hoàn toàn, có quy định và công cụ cộng tác trực tuyến', 'Fully, with rules and online collaboration tools'],
      ]),
    },
    {
      id: 'o2_ict_training',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Nhân viên được đào tạo kỹ năng số, công nghệ thông tin thường xuyên đến đâu?',
        en: 'How often are staff trained in digital and IT skills?',
      },
      why: { vi: 'Công cụ tốt mấy cũng vô ích nếu nhân viên không biết dùng.', en: 'The best tool is useless if staff cannot use it.' },
      options: graded([
        ['Không bao giờ', 'Never'],
        ['Chỉ khi có phần mềm mới', 'Only when new software arrives'],
        ['Vài năm một lần', 'Every few years'],
        ['Hằng năm', 'Every year'],
        ['Hai lần trở lên mỗi năm, có kế hoạch', 'Twice a year or more, to a plan'],
        ['Liên tục, có lộ trình cho từng vị trí', 'Continuously, with a path for each role'],
      ]),
    },
    {
      id: 'o2_online_training',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Doanh nghiệp dùng khóa học trực tuyến (e-learning, video, hội thảo trực tuyến) để đào tạo nhân viên đến mức nào?',
        en: 'How far do you use online courses (e-learning, videos, webinars) to train staff?',
      },
      why: {
        vi: 'Học trực tuyến rẻ, linh hoạt và không phải nghỉ việc để đi học.',
        en: 'Online learning is cheap, flexible and needs no time off work.',
      },
      options: graded(
        [
          ['Không dùng', 'Not at all'],
          ['Nhân viên tự xem video trên mạng', 'Staff watch videos on their own'],
          ['Thỉnh thoảng gửi đường dẫn khóa học', 'We share course links now and then'],
          ['Có khóa học trực tuyến cho vài vị trí', 'Online courses for some roles'],
          ['Có nền tảng học trực tuyến cho phần lớn nhân viên', 'An e-learning platform for most staff'],
          [
            'Nền tảng học trực tuyến theo dõi kết quả, gắn với lộ trình nghề nghiệp',
            'An e-learning platform that tracks results and career paths',
          ],
        ],
        'consulting_training',
      ),
    },
    {
      id: 'o2_knowledge_base',
      type: 'single',
      component: 'human_resources',
      text: {
        vi: 'Doanh nghiệp có kho tri thức dạng số (hướng dẫn, quy trình, kinh nghiệm) để nhân viên tra cứu không?',
        en: 'Do you keep a digital knowledge base (guides, procedures, lessons learned) for staff to look things up?',
      },
      why: {
        vi: 'Kinh nghiệm được ghi lại thì không mất đi khi người cũ nghỉ việc.',
        en: 'Written-down know-how does not leave when people do.',
      },
      options: graded([
        ['Không có', 'None'],
        ['Truyền miệng, vài file rời rạc', 'Word of mouth and a few scattered files'],
        ['Thư mục chung chứa tài liệu hướng dẫn', 'A shared folder of guides'],
        ['Kho tài liệu được sắp xếp, tìm kiếm được', 'An organised, searchable document store'],
        ['Công cụ quản lý tri thức (wiki…), cập nhật thường xuyên', 'A knowledge tool (wiki…), updated regularly'],
        [
          'Kho tri thức chung, tìm kiếm thông minh, mọi người cùng đóng góp',
          'A company-wide knowledge base with smart search, fed by everyone',
        ],
      ]),
    },
  ],
};
