/**
 * Pillar 1, "Trải nghiệm số cho khách hàng" (65 points): online presence
 * (45 = 9 criteria) and online activity (20 = 4 criteria). Criteria follow the
 * official order (QĐ 1970/QĐ-BTTTT, docs/domain.md §1); wording is ours.
 */
import { graded } from './scales.ts';
import type { PillarInput } from '#src/domain/framework/schema.ts';

const SERVICES = ['H', 'I', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'S'] as const;

export const customerPillar: PillarInput = {
  id: 'customer',
  name: { vi: 'Trải nghiệm số cho khách hàng', en: 'Digital customer experience' },
  weight: 0.203125, // 65 / 320
  maxPoints: 65,
  components: [
    { id: 'online_presence', name: { vi: 'Hiện diện trực tuyến', en: 'Online presence' } },
    { id: 'online_activity', name: { vi: 'Hoạt động trực tuyến', en: 'Online activity' } },
  ],
  questions: [
    {
      id: 'c1_website',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Website của doanh nghiệp được cập nhật (tin tức, sản phẩm, giá) thường xuyên đến đâu?',
        en: 'How often is your company website updated (news, products, prices)?',
      },
      why: {
        vi: 'Website được cập nhật giúp khách tìm thấy và tin tưởng doanh nghiệp.',
        en: 'An up-to-date website helps customers find and trust you.',
      },
      options: graded(
        [
          ['Chưa có website', 'We have no website'],
          ['Có website nhưng không cập nhật trong 6 tháng qua', 'We have one, but it has not been updated in the last 6 months'],
          ['Ít nhất 6 tháng một lần', 'At least once every 6 months'],
          ['Hằng quý', 'Every quarter'],
          ['Hằng tháng', 'Every month'],
          ['Hằng tuần', 'Every week'],
        ],
        'web_portal',
      ),
    },
    {
      id: 'c1_social',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Doanh nghiệp đăng bài và trả lời khách trên mạng xã hội (Facebook, Zalo OA, TikTok…) thường xuyên đến đâu?',
        en: 'How often do you post and answer customers on social media (Facebook, Zalo OA, TikTok…)?',
      },
      why: { vi: 'Mạng xã hội là cách rẻ nhất để tiếp cận khách hàng.', en: 'Social media is the cheapest way to reach customers.' },
      options: graded(
        [
          ['Không có trang hay tài khoản mạng xã hội', 'No social-media page or account'],
          ['Có trang nhưng không đăng bài trong 6 tháng qua', 'We have a page, but no posts in the last 6 months'],
          ['Vài lần trong 6 tháng', 'A few times in 6 months'],
          ['Hằng tháng', 'Every month'],
          ['Hằng tuần', 'Every week'],
          ['Hằng ngày', 'Every day'],
        ],
        'marketing',
      ),
    },
    {
      id: 'c1_marketing_spend',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm chi phí tiếp thị, quảng cáo dành cho kênh số (quảng cáo Facebook, Google, Zalo, TikTok…)?',
        en: 'Roughly what share of your marketing and advertising budget goes to digital channels (Facebook, Google, Zalo, TikTok ads…)?',
      },
      why: { vi: 'Cho thấy doanh nghiệp đầu tư vào tiếp thị số đến đâu.', en: 'Shows how much you invest in digital marketing.' },
      options: graded(
        [
          ['Không chi cho tiếp thị số', 'Nothing on digital marketing'],
          ['Dưới 10%', 'Under 10 %'],
          ['Từ 10% đến 25%', '10 % to 25 %'],
          ['Từ 26% đến 50%', '26 % to 50 %'],
          ['Từ 51% đến 75%', '51 % to 75 %'],
          ['Trên 75%', 'Over 75 %'],
        ],
        'marketing',
      ),
    },
    {
      id: 'c1_ecommerce_floor',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Doanh nghiệp bán hàng trên sàn thương mại điện tử (Shopee, Lazada, Tiki, Postmart, Voso, sàn của tỉnh, sàn B2B…) thường xuyên đến đâu?',
        en: 'How often do you sell on e-commerce marketplaces (Shopee, Lazada, Tiki, Postmart, Voso, the provincial marketplace, B2B platforms…)?',
      },
      why: {
        vi: 'Sàn thương mại điện tử mở thêm thị trường mà không cần mở cửa hàng.',
        en: 'Marketplaces open new markets without opening a shop.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn bán nông sản, thực phẩm (kể cả sản phẩm OCOP) trên sàn thương mại điện tử (Postmart, Voso, sàn của tỉnh, Shopee…) thường xuyên đến đâu?',
            en: 'How often do you sell farm and food products (OCOP products included) on e-commerce marketplaces (Postmart, Voso, the provincial marketplace, Shopee…)?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Sản phẩm do doanh nghiệp sản xuất được bán trên sàn bán lẻ hoặc sàn B2B (Alibaba, sàn giao dịch của ngành…) thường xuyên đến đâu?',
            en: 'How often are the products you make sold on retail or B2B marketplaces (Alibaba, industry trading platforms…)?',
          },
        },
        {
          sectors: ['G'],
          text: {
            vi: 'Cửa hàng của bạn bán trên sàn thương mại điện tử (Shopee, Lazada, Tiki, TikTok Shop…) thường xuyên đến đâu?',
            en: 'How often does your shop sell on marketplaces (Shopee, Lazada, Tiki, TikTok Shop…)?',
          },
        },
        {
          sectors: [...SERVICES],
          text: {
            vi: 'Dịch vụ của bạn được đặt, bán qua nền tảng trực tuyến (Grab, ShopeeFood, Traveloka, Booking…) thường xuyên đến đâu?',
            en: 'How often is your service booked or sold through online platforms (Grab, ShopeeFood, Traveloka, Booking…)?',
          },
        },
      ],
      options: graded(
        [
          ['Không bán trên sàn nào', 'We do not sell on any marketplace'],
          ['Có gian hàng nhưng không có đơn trong 6 tháng qua', 'We have a store, but no orders in the last 6 months'],
          ['Vài đơn trong 6 tháng', 'A few orders in 6 months'],
          ['Có đơn hằng tháng', 'Orders every month'],
          ['Có đơn hằng tuần', 'Orders every week'],
          ['Có đơn hằng ngày', 'Orders every day'],
        ],
        'ecommerce',
      ),
    },
    {
      id: 'c1_ecommerce_revenue',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Doanh thu bán hàng trực tuyến (sàn, website, mạng xã hội) chiếm khoảng bao nhiêu phần trăm doanh thu năm?',
        en: 'Roughly what share of your annual revenue comes from online sales (marketplaces, website, social media)?',
      },
      why: { vi: 'Đo mức đóng góp thật của kênh số vào doanh thu.', en: 'Measures how much digital channels really bring in.' },
      options: graded([
        ['Không có doanh thu trực tuyến', 'No online revenue'],
        ['Dưới 5%', 'Under 5 %'],
        ['Từ 5% đến 10%', '5 % to 10 %'],
        ['Từ 11% đến 25%', '11 % to 25 %'],
        ['Từ 26% đến 50%', '26 % to 50 %'],
        ['Trên 50%', 'Over 50 %'],
      ]),
    },
    {
      id: 'c1_cross_border',
      type: 'single',
      component: 'online_presence',
      // Hidden when there is no online revenue at all, which implies the worst
      // answer: the hidden question counts 0, exactly what "none" would give.
      condition: { field: 'answers.c1_ecommerce_revenue', in: ['g1', 'g2', 'g3', 'g4', 'g5'] },
      text: {
        vi: 'Doanh thu bán trực tuyến cho khách ở nước ngoài chiếm khoảng bao nhiêu phần trăm doanh thu năm?',
        en: 'Roughly what share of your annual revenue comes from online sales to customers abroad?',
      },
      why: {
        vi: 'Thương mại điện tử xuyên biên giới mở đường xuất khẩu cho doanh nghiệp nhỏ.',
        en: 'Cross-border e-commerce lets small firms export.',
      },
      options: graded([
        ['Không có', 'None'],
        ['Dưới 1%', 'Under 1 %'],
        ['Từ 1% đến 5%', '1 % to 5 %'],
        ['Từ 6% đến 10%', '6 % to 10 %'],
        ['Từ 11% đến 25%', '11 % to 25 %'],
        ['Trên 25%', 'Over 25 %'],
      ]),
    },
    {
      id: 'c1_catalogue',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Danh mục sản phẩm, dịch vụ trực tuyến (trên website, sàn, Zalo…) được cập nhật thường xuyên đến đâu?',
        en: 'How often is your online catalogue of products or services (website, marketplace, Zalo…) updated?',
      },
      why: {
        vi: 'Khách chỉ mua được thứ họ thấy, và thông tin phải đúng.',
        en: 'Customers only buy what they can see, and it must be accurate.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Danh sách nông sản theo mùa vụ trên mạng (giá, sản lượng, chứng nhận VietGAP, OCOP) được cập nhật thường xuyên đến đâu?',
            en: 'How often is your online list of seasonal farm products (prices, quantities, VietGAP or OCOP certificates) updated?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Catalogue sản phẩm trực tuyến (thông số kỹ thuật, bảng giá cho đại lý) được cập nhật thường xuyên đến đâu?',
            en: 'How often is your online product catalogue (specifications, dealer price lists) updated?',
          },
        },
      ],
      options: graded([
        ['Chưa có danh mục trực tuyến', 'No online catalogue'],
        ['Có nhưng không cập nhật trong 6 tháng qua', 'We have one, but it has not been updated in 6 months'],
        ['Ít nhất 6 tháng một lần', 'At least once every 6 months'],
        ['Hằng quý', 'Every quarter'],
        ['Hằng tháng', 'Every month'],
        ['Hằng tuần, hoặc tự động theo hàng tồn kho', 'Every week, or automatically from stock'],
      ]),
    },
    {
      id: 'c1_customer_channels',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Doanh nghiệp liên lạc, chăm sóc khách hàng qua kênh số (Zalo, Messenger, e-mail, tổng đài, chatbot) đến mức nào?',
        en: 'How far do you talk to and look after customers over digital channels (Zalo, Messenger, e-mail, call centre, chatbot)?',
      },
      why: {
        vi: 'Khách hàng muốn được trả lời nhanh, trên kênh họ quen dùng.',
        en: 'Customers expect quick answers on the channels they already use.',
      },
      options: graded(
        [
          ['Không dùng kênh số nào', 'No digital channel'],
          ['Thỉnh thoảng trả lời tin nhắn khi khách hỏi', 'We sometimes answer messages when customers ask'],
          ['Trả lời đều đặn trên một kênh', 'We answer regularly on one channel'],
          ['Dùng nhiều kênh, có người phụ trách', 'Several channels, with someone in charge'],
          ['Nhiều kênh gom về một nơi, có lưu lịch sử khách hàng', 'Several channels in one inbox, with customer history'],
          [
            'Đa kênh, có tự động hóa (chatbot, tin nhắn chăm sóc) và đo mức hài lòng',
            'Multichannel with automation (chatbot, follow-up messages) and satisfaction tracking',
          ],
        ],
        'customer_care',
      ),
    },
    {
      id: 'c1_configurator',
      type: 'single',
      component: 'online_presence',
      text: {
        vi: 'Khách hàng có thể tự chọn, thiết kế hoặc đặt sản phẩm, dịch vụ theo ý mình bằng công cụ số không?',
        en: 'Can customers choose, design or order products and services to their own needs with digital tools?',
      },
      why: {
        vi: 'Để khách tự chọn giúp bán đúng thứ họ cần mà tốn ít công tư vấn.',
        en: 'Self-service sells customers what they need with less advice work.',
      },
      variants: [
        {
          sectors: ['C'],
          text: {
            vi: 'Khách hàng có thể tự đặt sản phẩm theo yêu cầu (kích thước, vật liệu, in logo…) bằng công cụ trực tuyến không?',
            en: 'Can customers order made-to-order products (size, material, logo printing…) with an online tool?',
          },
        },
        {
          sectors: [...SERVICES],
          text: {
            vi: 'Khách hàng có thể tự đặt lịch, chọn gói dịch vụ và xem giá trực tuyến không?',
            en: 'Can customers book a time, choose a service package and see the price online?',
          },
        },
      ],
      options: graded([
        ['Không có', 'No'],
        ['Khách gửi yêu cầu qua tin nhắn hoặc e-mail', 'Customers send requests by message or e-mail'],
        ['Có mẫu đặt hàng trực tuyến', 'An online order form'],
        ['Khách tự chọn loại, màu, kích cỡ… và thấy giá ngay', 'Customers pick type, colour, size… and see the price at once'],
        ['Có công cụ tự thiết kế, báo giá tự động', 'A self-design tool with automatic quotes'],
        [
          'Công cụ tự thiết kế nối thẳng với sản xuất hoặc kho, khách theo dõi được đơn',
          'A self-design tool linked to production or stock, with order tracking',
        ],
      ]),
    },
    {
      id: 'c2_b2b',
      type: 'single',
      component: 'online_activity',
      text: {
        vi: 'Doanh nghiệp giao dịch với nhà cung cấp, đối tác bằng phương tiện số (đặt hàng trực tuyến, hợp đồng điện tử, chứng từ điện tử) thường xuyên đến đâu?',
        en: 'How often do you deal with suppliers and partners digitally (online orders, e-contracts, electronic documents)?',
      },
      why: {
        vi: 'Giao dịch số với đối tác rút ngắn thời gian và bớt giấy tờ.',
        en: 'Digital dealings with partners save time and paperwork.',
      },
      options: graded(
        [
          ['Không bao giờ', 'Never'],
          ['Ít hơn mỗi quý một lần', 'Less than once a quarter'],
          ['Hằng quý', 'Every quarter'],
          ['Hằng tháng', 'Every month'],
          ['Hằng tuần', 'Every week'],
          ['Hằng ngày', 'Every day'],
        ],
        'e_contract',
      ),
    },
    {
      id: 'c2_government',
      type: 'single',
      component: 'online_activity',
      text: {
        vi: 'Doanh nghiệp làm việc với cơ quan nhà nước qua mạng (khai thuế điện tử, bảo hiểm xã hội điện tử, dịch vụ công trực tuyến) đến mức nào?',
        en: 'How far do you deal with state agencies online (e-tax filing, electronic social insurance, online public services)?',
      },
      why: {
        vi: 'Khai thuế, nộp hồ sơ qua mạng là việc bắt buộc và tiết kiệm thời gian nhất.',
        en: 'Filing online is mandatory and the quickest time saver.',
      },
      options: graded(
        [
          ['Không, làm hoàn toàn trên giấy', 'No, everything on paper'],
          ['Nhờ dịch vụ làm hộ qua mạng', 'An agent does it online for us'],
          ['Tự làm một vài thủ tục qua mạng', 'We do a few procedures online ourselves'],
          ['Tự khai thuế điện tử, việc khác vẫn trên giấy', 'We file taxes online; the rest is on paper'],
          ['Phần lớn thủ tục làm qua mạng, có chữ ký số', 'Most procedures online, with a digital signature'],
          [
            'Hầu như mọi thủ tục qua mạng, kể cả dịch vụ công trực tuyến toàn trình',
            'Nearly everything online, including fully online public services',
          ],
        ],
        'finance_accounting',
      ),
    },
    {
      id: 'c2_online_banking',
      type: 'single',
      component: 'online_activity',
      text: {
        vi: 'Doanh nghiệp dùng ngân hàng điện tử (internet banking, mobile banking) để trả và nhận tiền thường xuyên đến đâu?',
        en: 'How often do you use online banking (internet or mobile banking) to pay and get paid?',
      },
      why: {
        vi: 'Thanh toán không dùng tiền mặt nhanh hơn, an toàn hơn và dễ đối soát.',
        en: 'Cashless payments are faster, safer and easier to reconcile.',
      },
      options: graded(
        [
          ['Không dùng', 'Never'],
          ['Ít hơn mỗi tháng một lần', 'Less than once a month'],
          ['Hằng tháng', 'Every month'],
          ['Hằng tuần', 'Every week'],
          ['Vài lần mỗi tuần', 'Several times a week'],
          ['Hằng ngày', 'Every day'],
        ],
        'e_payment',
      ),
    },
    {
      id: 'c2_online_purchasing',
      type: 'single',
      component: 'online_activity',
      text: {
        vi: 'Khoảng bao nhiêu phần trăm hàng hóa, vật tư, dịch vụ doanh nghiệp mua vào được đặt qua mạng?',
        en: 'Roughly what share of the goods, supplies and services you buy is ordered online?',
      },
      why: {
        vi: 'Mua trực tuyến giúp so sánh giá và giảm chi phí đầu vào.',
        en: 'Buying online lets you compare prices and cut input costs.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Khoảng bao nhiêu phần trăm vật tư nông nghiệp (giống, phân bón, thức ăn chăn nuôi, thuốc thú y…) bạn mua được đặt qua mạng?',
            en: 'Roughly what share of your farm inputs (seed, fertiliser, feed, veterinary drugs…) is ordered online?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Khoảng bao nhiêu phần trăm nguyên vật liệu, linh kiện, phụ tùng doanh nghiệp mua được đặt qua mạng?',
            en: 'Roughly what share of the raw materials, components and spare parts you buy is ordered online?',
          },
        },
      ],
      options: graded(
        [
          ['Không mua qua mạng', 'None'],
          ['Dưới 10%', 'Under 10 %'],
          ['Từ 10% đến 25%', '10 % to 25 %'],
          ['Từ 26% đến 50%', '26 % to 50 %'],
          ['Từ 51% đến 75%', '51 % to 75 %'],
          ['Trên 75%', 'Over 75 %'],
        ],
        'ecommerce',
      ),
    },
  ],
};
