/**
 * Framework `producer` version 1: a short questionnaire for co-operatives
 * (HTX), co-operative groups (tổ hợp tác), household businesses and OCOP
 * producers, often filled in with a community digital team member. 14 scored
 * questions in plain words, about 5 minutes on a phone.
 *
 * Scoring follows the DBI rules (QĐ 1970/QĐ-BTTTT, docs/domain.md §1) scaled to 4 pillars
 * of equal weight:
 * - pillar levels by share of the pillar maximum: > 10 % → 1, > 20 % → 2,
 *   > 40 % → 3, > 60 % → 4, > 80 % → 5 (same as DBI Bảng 2);
 * - overall level: total > 6.25 % and ≥ 3 pillars at level ≥ 1 → 1;
 *   > 20 % and ≥ 3 pillars ≥ 2 → 2; > 40 % and ≥ 3 pillars ≥ 3 → 3;
 *   > 60 % and all 4 pillars ≥ 4 → 4; > 80 % and all 4 pillars at 5 → 5.
 *   DBI asks 4, 4, 4, 5, 6 of 6 pillars; "3 of 4" and "4 of 4" are the
 *   closest analogues. This is our product decision, not an official index.
 *
 * Versions are never edited once assessments exist: changing a question,
 * weight or threshold ships as version 2.
 */
import type { FrameworkInput, LevelInput, Localized } from '#src/domain/framework/schema.ts';
import { barriersQuestion } from './dbi-sme-2021/extras.ts';
import { LEVEL_NAMES, PILLAR_LEVELS } from './dbi-sme-2021/levels.ts';
import { LOCAL_READING, SOURCES } from './sources.ts';

const name = (level: number): Localized => LEVEL_NAMES[level]!;

const PRODUCER_LEVELS: LevelInput[] = [
  {
    level: 0,
    minScore: 0,
    minPillars: 0,
    name: name(0),
    description: {
      vi: 'Chưa dùng công cụ số trong bán hàng, thanh toán hay quản lý. Để lên mức Khởi động: bắt đầu từ việc dễ nhất, như nhận tiền bằng mã QR hay đăng sản phẩm lên Zalo, Facebook, ở ít nhất 3 trong 4 mảng.',
      en: 'No digital tools yet for selling, payments or running the business. To reach Starting: begin with the easiest steps, such as taking QR payments or posting products on Zalo or Facebook, in at least 3 of the 4 areas.',
    },
  },
  {
    level: 1,
    minScore: 6.25,
    minPillars: 3,
    name: name(1),
    description: {
      vi: 'Đã dùng vài công cụ số nhưng còn ít và chưa đều. Để lên mức Bắt đầu: dùng đều đặn hơn ở ít nhất 3 mảng, ví dụ đăng bán hằng tuần và tự xuất hóa đơn điện tử.',
      en: 'A few digital tools are in use, but rarely and unevenly. To reach Beginning: use them regularly in at least 3 areas, for example posting every week and issuing your own e-invoices.',
    },
  },
  {
    level: 2,
    minScore: 20,
    minPillars: 3,
    name: name(2),
    description: {
      vi: 'Công cụ số đã giúp bán hàng và nhận tiền hằng ngày. Để lên mức Hình thành: đưa sản phẩm lên sàn thương mại điện tử, ghi chép bằng ứng dụng và đạt trên 40% ở ít nhất 3 mảng.',
      en: 'Digital tools help you sell and get paid every day. To reach Forming: list your products on e-commerce marketplaces, keep records in an app and score above 40 % in at least 3 areas.',
    },
  },
  {
    level: 3,
    minScore: 40,
    minPillars: 3,
    name: name(3),
    description: {
      vi: 'Bán hàng, thanh toán và ghi chép chủ yếu đã làm trên công cụ số. Để lên mức Nâng cao: nối các công cụ với nhau (bán hàng, hóa đơn, kho) và đạt trên 60% ở cả 4 mảng.',
      en: 'Selling, payments and record keeping are mostly digital. To reach Advanced: link your tools together (sales, invoices, stock) and score above 60 % in all 4 areas.',
    },
  },
  {
    level: 4,
    minScore: 60,
    minPillars: 4,
    name: name(4),
    description: {
      vi: 'Kinh doanh số bài bản: nhiều kênh bán, số liệu đầy đủ, quyết định dựa trên số liệu. Để lên mức Dẫn dắt: đạt trên 80% ở cả 4 mảng và giúp các hộ, thành viên khác cùng làm.',
      en: 'A well-run digital business: several sales channels, complete records, decisions based on figures. To reach Leading: score above 80 % in all 4 areas and help other households or members do the same.',
    },
  },
  {
    level: 5,
    minScore: 80,
    minPillars: 4,
    name: name(5),
    description: {
      vi: 'Điển hình chuyển đổi số của địa phương: bán tốt trên nhiều sàn, quản lý bằng công cụ số và dùng số liệu để phát triển. Tiếp theo: chia sẻ kinh nghiệm và dẫn dắt các hộ, HTX khác.',
      en: 'A local digital role model: selling well on several marketplaces, managed with digital tools and growing with data. Next: share your experience and lead other households and co-operatives.',
    },
  },
];

const YES_NO = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } };

export const producerV1: FrameworkInput = {
  id: 'producer',
  version: 1,
  title: {
    vi: 'Chuyển đổi số cho HTX, tổ hợp tác, hộ kinh doanh và chủ thể OCOP',
    en: 'Going digital: co-operatives, co-operative groups, household businesses and OCOP producers',
  },
  description: {
    vi: '14 câu hỏi ngắn, khoảng 5 phút trên điện thoại.',
    en: '14 short questions, about 5 minutes on a phone.',
  },
  meta: {
    status: 'local',
    legalBasis: {
      vi: `${LOCAL_READING.vi}: bộ câu hỏi ngắn, chấm điểm theo quy tắc của QĐ 1970/QĐ-BTTTT thu gọn cho 4 trụ cột`,
      en: `${LOCAL_READING.en}: a short questionnaire scored with the rules of Decision 1970/QĐ-BTTTT scaled to 4 pillars`,
    },
    sources: [SOURCES.qd1970],
    reading: {
      vi: 'Toàn bộ câu hỏi, trụ cột và điều kiện "3 trên 4", "4 trên 4" trụ cột là quyết định của cổng.',
      en: 'Every question, the pillars and the "3 of 4" / "4 of 4" pillar conditions are our product decision.',
    },
  },
  levels: PRODUCER_LEVELS,
  pillarLevels: [...PILLAR_LEVELS],
  pillars: [
    {
      id: 'sell',
      name: { vi: 'Bán hàng trực tuyến', en: 'Online selling' },
      weight: 1,
      maxPoints: 15,
      questions: [
        {
          id: 'p_social',
          type: 'single',
          text: {
            vi: 'Bạn giới thiệu, bán sản phẩm trên mạng xã hội (Facebook, Zalo, TikTok) thế nào?',
            en: 'How do you show and sell your products on social media (Facebook, Zalo, TikTok)?',
          },
          why: { vi: 'Mạng xã hội là cách rẻ nhất để có thêm khách.', en: 'Social media is the cheapest way to find more customers.' },
          options: [
            { value: 'none', points: 0, label: { vi: 'Không dùng mạng xã hội để bán hàng', en: 'We do not use social media to sell' } },
            {
              value: 'rarely',
              points: 1,
              label: { vi: 'Có trang hoặc nhóm nhưng ít khi đăng', en: 'A page or group, rarely used' },
              platformCategory: 'marketing',
            },
            {
              value: 'monthly',
              points: 3,
              label: { vi: 'Đăng sản phẩm vài lần mỗi tháng', en: 'We post products a few times a month' },
              platformCategory: 'marketing',
            },
            {
              value: 'weekly',
              points: 4,
              label: { vi: 'Đăng hằng tuần và trả lời tin nhắn của khách', en: 'We post every week and answer customers’ messages' },
              platformCategory: 'marketing',
            },
            {
              value: 'daily',
              points: 5,
              label: { vi: 'Đăng thường xuyên, livestream, chốt đơn qua mạng', en: 'We post often, livestream and take orders online' },
              platformCategory: 'marketing',
            },
          ],
        },
        {
          id: 'p_on_floor',
          type: 'boolean',
          text: {
            vi: 'Sản phẩm của bạn có đang bán trên sàn thương mại điện tử (Postmart, Voso, sàn của tỉnh, Shopee…) không?',
            en: 'Are your products on sale on an e-commerce marketplace (Postmart, Voso, the provincial marketplace, Shopee…)?',
          },
          why: { vi: 'Sàn đưa sản phẩm của bạn tới khách ở khắp nơi.', en: 'Marketplaces bring your products to customers everywhere.' },
          options: [
            { value: true, points: 5, label: YES_NO.yes, platformCategory: 'ecommerce' },
            { value: false, points: 0, label: YES_NO.no },
          ],
        },
        {
          id: 'p_floor_products',
          type: 'number',
          // Only for those on a marketplace; hidden means "none listed", which scores 0 anyway.
          condition: { field: 'answers.p_on_floor', in: [true] },
          text: {
            vi: 'Bao nhiêu sản phẩm của bạn đang bán trên sàn thương mại điện tử?',
            en: 'How many of your products are on sale on e-commerce marketplaces?',
          },
          why: { vi: 'Càng nhiều sản phẩm trên sàn, càng nhiều cơ hội bán.', en: 'More products listed means more chances to sell.' },
          unit: { vi: 'sản phẩm', en: 'products' },
          min: 0,
          max: 1000,
          bands: [
            { min: 0, max: 0, points: 0 },
            { min: 1, max: 2, points: 3 },
            { min: 3, max: 5, points: 4 },
            { min: 6, max: 1000, points: 5 },
          ],
        },
      ],
    },
    {
      id: 'pay',
      name: { vi: 'Thanh toán và hóa đơn', en: 'Payments and invoices' },
      weight: 1,
      maxPoints: 15,
      questions: [
        {
          id: 'p_qr',
          type: 'boolean',
          text: { vi: 'Bạn có nhận thanh toán bằng mã QR không?', en: 'Do you accept payment by QR code?' },
          why: {
            vi: 'Khách ngày càng ít mang tiền mặt; mã QR miễn phí và tiền về ngay.',
            en: 'Customers carry less cash; QR codes are free and the money arrives at once.',
          },
          options: [
            { value: true, points: 5, label: YES_NO.yes, platformCategory: 'e_payment' },
            { value: false, points: 0, label: YES_NO.no },
          ],
        },
        {
          id: 'p_einvoice',
          type: 'single',
          text: { vi: 'Bạn xuất hóa đơn điện tử cho khách thế nào?', en: 'How do you issue e-invoices to customers?' },
          why: {
            vi: 'Hóa đơn điện tử là bắt buộc và giúp bán cho doanh nghiệp, siêu thị.',
            en: 'E-invoices are mandatory and let you sell to businesses and supermarkets.',
          },
          options: [
            { value: 'none', points: 0, label: { vi: 'Chưa dùng hóa đơn điện tử', en: 'We do not use e-invoices' } },
            {
              value: 'per_sale',
              points: 2,
              label: { vi: 'Xin hóa đơn từ cơ quan thuế khi khách cần', en: 'We request one from the tax office when a customer needs it' },
              platformCategory: 'finance_accounting',
            },
            {
              value: 'some',
              points: 4,
              label: { vi: 'Tự xuất hóa đơn điện tử cho một phần đơn hàng', en: 'We issue our own e-invoices for some sales' },
              platformCategory: 'finance_accounting',
            },
            {
              value: 'all',
              points: 5,
              label: {
                vi: 'Tự xuất hóa đơn điện tử cho mọi đơn hàng (kể cả từ máy tính tiền)',
                en: 'We issue our own e-invoices for every sale (cash-register invoices included)',
              },
              platformCategory: 'finance_accounting',
            },
          ],
        },
        {
          id: 'p_tax_online',
          type: 'single',
          text: { vi: 'Bạn kê khai và nộp thuế thế nào?', en: 'How do you declare and pay taxes?' },
          why: { vi: 'Nộp thuế qua mạng đỡ mất công đi lại.', en: 'Paying taxes online saves trips to the tax office.' },
          options: [
            {
              value: 'in_person',
              points: 0,
              label: { vi: 'Đến cơ quan thuế nộp giấy tờ, tiền mặt', en: 'In person at the tax office, on paper or in cash' },
            },
            {
              value: 'helper',
              points: 2,
              label: { vi: 'Nhờ người khác nộp qua mạng giúp', en: 'Someone else does it online for us' },
              platformCategory: 'finance_accounting',
            },
            {
              value: 'partly',
              points: 4,
              label: {
                vi: 'Tự nộp qua mạng (eTax Mobile, ngân hàng số) một phần',
                en: 'We do part of it online ourselves (eTax Mobile, online banking)',
              },
              platformCategory: 'finance_accounting',
            },
            {
              value: 'fully',
              points: 5,
              label: { vi: 'Tự kê khai và nộp thuế hoàn toàn qua mạng', en: 'We declare and pay entirely online ourselves' },
              platformCategory: 'finance_accounting',
            },
          ],
        },
      ],
    },
    {
      id: 'run',
      name: { vi: 'Quản lý sản xuất, kinh doanh', en: 'Running the business' },
      weight: 1,
      maxPoints: 15,
      questions: [
        {
          id: 'p_records',
          type: 'single',
          text: {
            vi: 'Bạn ghi chép bán hàng, thu chi, tồn kho bằng cách nào?',
            en: 'How do you keep track of sales, income, spending and stock?',
          },
          why: { vi: 'Có ghi chép mới biết lãi lỗ thật.', en: 'Only records show your real profit or loss.' },
          variants: [
            {
              sectors: ['A'],
              text: {
                vi: 'Bạn ghi chép mùa vụ, thu hoạch, bán hàng và thu chi bằng cách nào?',
                en: 'How do you keep track of seasons, harvests, sales, income and spending?',
              },
            },
          ],
          options: [
            { value: 'none', points: 0, label: { vi: 'Không ghi chép', en: 'We keep no records' } },
            { value: 'notebook', points: 1, label: { vi: 'Ghi sổ tay', en: 'In a notebook' } },
            {
              value: 'spreadsheet',
              points: 3,
              label: { vi: 'Bảng tính trên máy tính hoặc điện thoại', en: 'A spreadsheet on a computer or phone' },
            },
            {
              value: 'sales_app',
              points: 4,
              label: { vi: 'Ứng dụng bán hàng (KiotViet, Sapo, MISA eShop…)', en: 'A sales app (KiotViet, Sapo, MISA eShop…)' },
              platformCategory: 'sales_management',
            },
            {
              value: 'linked_app',
              points: 5,
              label: { vi: 'Ứng dụng bán hàng nối với hóa đơn điện tử và kho', en: 'A sales app linked to e-invoices and stock' },
              platformCategory: 'sales_management',
            },
          ],
        },
        {
          id: 'p_tools',
          type: 'multi',
          cap: 5,
          text: {
            vi: 'Bạn đang dùng những công cụ số nào cho việc kinh doanh? (chọn tất cả các ý đúng)',
            en: 'Which digital tools do you use for the business? (choose all that apply)',
          },
          why: { vi: 'Mỗi công cụ phù hợp bớt cho bạn một việc làm tay.', en: 'Each suitable tool takes one manual job off your hands.' },
          options: [
            {
              value: 'zalo_group',
              points: 1,
              label: { vi: 'Nhóm Zalo với khách, thành viên, đối tác', en: 'Zalo groups with customers, members or partners' },
              platformCategory: 'customer_care',
            },
            {
              value: 'delivery_app',
              points: 2,
              label: {
                vi: 'Ứng dụng giao hàng (Viettel Post, VNPost, GHN, Giao Hàng Tiết Kiệm…)',
                en: 'Delivery apps (Viettel Post, VNPost, GHN, Giao Hàng Tiết Kiệm…)',
              },
              platformCategory: 'logistics',
            },
            {
              value: 'accounting',
              points: 2,
              label: { vi: 'Phần mềm kế toán (MISA, Easybooks…)', en: 'Accounting software (MISA, Easybooks…)' },
              platformCategory: 'finance_accounting',
            },
            {
              value: 'digital_signature',
              points: 1,
              label: { vi: 'Chữ ký số', en: 'Digital signature' },
              platformCategory: 'finance_accounting',
            },
            {
              value: 'cloud_storage',
              points: 1,
              label: { vi: 'Lưu trữ trên mạng (Google Drive, Zalo Cloud…)', en: 'Online storage (Google Drive, Zalo Cloud…)' },
              platformCategory: 'cloud',
            },
            {
              value: 'traceability',
              points: 2,
              label: { vi: 'Tem truy xuất nguồn gốc điện tử (mã QR)', en: 'Electronic traceability labels (QR codes)' },
              platformCategory: 'logistics',
            },
            { value: 'none', points: 0, exclusive: true, label: { vi: 'Chưa dùng công cụ nào', en: 'None yet' } },
          ],
        },
        {
          id: 'p_inputs_online',
          type: 'single',
          text: {
            vi: 'Bạn mua vật tư, nguyên liệu, bao bì qua mạng đến mức nào?',
            en: 'How far do you buy supplies, raw materials and packaging online?',
          },
          why: {
            vi: 'Mua qua mạng giúp so sánh giá và giao tận nơi.',
            en: 'Buying online lets you compare prices and get delivery to your door.',
          },
          variants: [
            {
              sectors: ['A'],
              text: {
                vi: 'Bạn mua giống, phân bón, thức ăn chăn nuôi, bao bì qua mạng đến mức nào?',
                en: 'How far do you buy seed, fertiliser, feed and packaging online?',
              },
            },
          ],
          options: [
            { value: 'none', points: 0, label: { vi: 'Không, chỉ mua trực tiếp', en: 'Not at all, only in person' } },
            {
              value: 'chat',
              points: 2,
              label: { vi: 'Đặt qua điện thoại, Zalo với mối quen', en: 'We order from regular suppliers by phone or Zalo' },
            },
            {
              value: 'sometimes',
              points: 3,
              label: { vi: 'Thỉnh thoảng mua trên sàn hoặc trang của nhà cung cấp', en: 'Sometimes on marketplaces or suppliers’ sites' },
              platformCategory: 'ecommerce',
            },
            {
              value: 'often',
              points: 5,
              label: { vi: 'Thường xuyên mua qua mạng và trả tiền không dùng tiền mặt', en: 'Regularly online, paying cashless' },
              platformCategory: 'ecommerce',
            },
          ],
        },
      ],
    },
    {
      id: 'skills',
      name: { vi: 'Kỹ năng và dữ liệu', en: 'Skills and data' },
      weight: 1,
      maxPoints: 20,
      questions: [
        {
          id: 'p_phone_skills',
          type: 'single',
          text: {
            vi: 'Ở cơ sở của bạn, ai tự dùng được điện thoại thông minh để kinh doanh (đăng bán, nhận tiền, khai thuế)?',
            en: 'Who in your business can use a smartphone for business on their own (posting products, taking payments, filing taxes)?',
          },
          why: {
            vi: 'Kỹ năng của con người quyết định công cụ số có được dùng hay không.',
            en: 'People’s skills decide whether digital tools get used at all.',
          },
          options: [
            { value: 'nobody', points: 0, label: { vi: 'Chưa ai', en: 'Nobody yet' } },
            {
              value: 'with_help',
              points: 2,
              label: {
                vi: 'Làm được khi có người hướng dẫn (ví dụ tổ công nghệ số cộng đồng)',
                en: 'We manage with help (e.g. the community digital team)',
              },
            },
            { value: 'one', points: 3, label: { vi: 'Một người tự làm được', en: 'One person on their own' } },
            { value: 'several', points: 5, label: { vi: 'Nhiều người tự làm được', en: 'Several people on their own' } },
          ],
        },
        {
          id: 'p_training',
          type: 'single',
          text: {
            vi: 'Bạn đã học về bán hàng trực tuyến, chuyển đổi số (lớp của xã, Hội, tổ công nghệ số cộng đồng hoặc khóa học trên mạng) chưa?',
            en: 'Have you had training on online selling or going digital (by the commune, an association, the community digital team, or online courses)?',
          },
          why: {
            vi: 'Một buổi tập huấn có thể tiết kiệm nhiều tháng tự mày mò.',
            en: 'One training session can save months of trial and error.',
          },
          options: [
            { value: 'never', points: 0, label: { vi: 'Chưa', en: 'Not yet' } },
            { value: 'once', points: 2, label: { vi: 'Một lần', en: 'Once' } },
            { value: 'several', points: 4, label: { vi: 'Vài lần', en: 'Several times' } },
            {
              value: 'regularly',
              points: 5,
              label: { vi: 'Thường xuyên, và tự học thêm trên mạng', en: 'Regularly, and we also learn online on our own' },
              platformCategory: 'consulting_training',
            },
          ],
        },
        {
          id: 'p_product_info',
          type: 'single',
          text: {
            vi: 'Thông tin sản phẩm của bạn (ảnh, mô tả, giá, chứng nhận OCOP, nguồn gốc) đã có trên mạng đến mức nào?',
            en: 'How complete is your product information online (photos, description, price, OCOP certificate, origin)?',
          },
          why: {
            vi: 'Khách mua qua mạng chỉ dựa vào ảnh và thông tin bạn đưa lên.',
            en: 'Online buyers rely only on the photos and information you post.',
          },
          options: [
            { value: 'none', points: 0, label: { vi: 'Chưa có trên mạng', en: 'Nothing online yet' } },
            { value: 'photos', points: 2, label: { vi: 'Có vài ảnh chụp bằng điện thoại', en: 'A few phone photos' } },
            {
              value: 'complete',
              points: 4,
              label: { vi: 'Có ảnh đẹp, mô tả và giá đầy đủ', en: 'Good photos, full description and price' },
            },
            {
              value: 'traceable',
              points: 5,
              label: { vi: 'Đầy đủ và có mã QR truy xuất nguồn gốc', en: 'Complete, with a traceability QR code' },
            },
          ],
        },
        {
          id: 'p_use_numbers',
          type: 'single',
          text: {
            vi: 'Bạn có xem lại số liệu bán hàng để quyết định sản xuất, nhập hàng không?',
            en: 'Do you look at your sales figures to decide what to produce or buy in?',
          },
          why: {
            vi: 'Số liệu cho biết sản phẩm nào bán chạy, sản phẩm nào lãi.',
            en: 'Figures show which products sell and which make money.',
          },
          options: [
            { value: 'no', points: 0, label: { vi: 'Không, làm theo kinh nghiệm', en: 'No, we go by experience' } },
            { value: 'notebook', points: 2, label: { vi: 'Thỉnh thoảng xem lại sổ ghi chép', en: 'We check our notebook now and then' } },
            { value: 'monthly', points: 4, label: { vi: 'Hằng tháng xem báo cáo trên ứng dụng', en: 'Every month, in the app’s reports' } },
            {
              value: 'always',
              points: 5,
              label: {
                vi: 'Thường xuyên, biết rõ sản phẩm nào bán chạy, lãi bao nhiêu',
                en: 'Regularly; we know which products sell and what they earn',
              },
            },
          ],
        },
      ],
    },
  ],
  extraSections: [
    {
      id: 'cooperative',
      name: { vi: 'Dành cho HTX, tổ hợp tác', en: 'For co-operatives and co-operative groups' },
      questions: [
        {
          id: 'p_coop_members',
          type: 'single',
          scored: false,
          // Unscored on purpose: a scored question hidden for households would
          // count 0 against them, because pillar maxima are fixed.
          condition: { field: 'profile.producerType', in: ['cooperative', 'cooperative_group'] },
          text: {
            vi: 'HTX, tổ hợp tác quản lý thành viên và sản lượng thu mua của thành viên bằng cách nào?',
            en: 'How does the co-operative keep track of members and of the produce bought from them?',
          },
          why: {
            vi: 'Giúp chọn phần mềm quản lý HTX phù hợp; không ảnh hưởng đến điểm.',
            en: 'Helps choose suitable co-operative software; it does not affect your score.',
          },
          options: [
            { value: 'paper', points: 0, label: { vi: 'Sổ sách giấy', en: 'Paper ledgers' } },
            { value: 'spreadsheet', points: 0, label: { vi: 'Bảng tính', en: 'Spreadsheets' } },
            {
              value: 'software',
              points: 0,
              label: { vi: 'Phần mềm quản lý HTX', en: 'Co-operative management software' },
              platformCategory: 'enterprise_management',
            },
          ],
        },
      ],
    },
    {
      id: 'barriers',
      name: { vi: 'Khó khăn khi chuyển đổi số', en: 'Barriers to going digital' },
      questions: [barriersQuestion],
    },
  ],
  // Presentation only: "Không biết" scores like no answer (0), as it always could be left blank.
  allowUnknown: true,
};
