/**
 * The ministry's 17 categories of digital platforms for businesses (Bộ Thông tin
 * và Truyền thông, programme "Đưa hoạt động của doanh nghiệp lên môi trường số
 * bằng nền tảng số Việt Nam"; docs/domain.md §3). The verbatim list was not
 * retrieved: the names below follow the ministry's wording as publicly quoted; the descriptions are ours, written for SME owners.
 *
 * `id` values are stable keys stored in the database: never rename them.
 * `order` is the ministry's numbering (1–17).
 */

export const PLATFORM_CATEGORY_IDS = [
  'cloud',
  'enterprise_management',
  'finance_accounting',
  'e_payment',
  'e_contract',
  'web_portal',
  'marketing',
  'customer_care',
  'sales_management',
  'cybersecurity',
  'logistics',
  'consulting_training',
  'hr_jobs',
  'ecommerce',
  'tourism',
  'online_meeting',
  'aggregate',
] as const;

export type PlatformCategoryId = (typeof PLATFORM_CATEGORY_IDS)[number];

export interface PlatformCategory {
  id: PlatformCategoryId;
  order: number;
  name: { vi: string; en: string };
  description: { vi: string; en: string };
}

export const PLATFORM_CATEGORIES: readonly PlatformCategory[] = [
  {
    id: 'cloud',
    order: 1,
    name: { vi: 'Điện toán đám mây', en: 'Cloud computing' },
    description: {
      vi: 'Thuê máy chủ, lưu trữ và phần mềm qua Internet thay vì tự mua và vận hành máy chủ tại doanh nghiệp.',
      en: 'Renting servers, storage and software over the internet instead of buying and running your own servers.',
    },
  },
  {
    id: 'enterprise_management',
    order: 2,
    name: { vi: 'Quản trị tổng thể doanh nghiệp', en: 'Whole-enterprise management (ERP)' },
    description: {
      vi: 'Một hệ thống dùng chung cho mua hàng, kho, sản xuất, bán hàng, kế toán và nhân sự, để số liệu các bộ phận khớp nhau.',
      en: 'One shared system for purchasing, stock, production, sales, accounting and HR, so that departments work from the same figures.',
    },
  },
  {
    id: 'finance_accounting',
    order: 3,
    name: {
      vi: 'Tài chính – kế toán, hóa đơn điện tử, chữ ký số',
      en: 'Finance and accounting, e-invoices, digital signatures',
    },
    description: {
      vi: 'Phần mềm kế toán, lập và gửi hóa đơn điện tử (bắt buộc với mọi doanh nghiệp từ 1/7/2022), ký số tờ khai thuế, bảo hiểm xã hội và chứng từ.',
      en: 'Accounting software, issuing and sending e-invoices (mandatory for all businesses since 1 July 2022), and digitally signing tax and social-insurance filings and documents.',
    },
  },
  {
    id: 'e_payment',
    order: 4,
    name: { vi: 'Thanh toán điện tử', en: 'Electronic payment' },
    description: {
      vi: 'Nhận và trả tiền không dùng tiền mặt: mã QR, ví điện tử, cổng thanh toán, chuyển khoản qua ngân hàng số.',
      en: 'Cashless payments in and out: QR codes, e-wallets, payment gateways and digital-banking transfers.',
    },
  },
  {
    id: 'e_contract',
    order: 5,
    name: { vi: 'Hợp đồng điện tử', en: 'Electronic contracts' },
    description: {
      vi: 'Soạn, ký và lưu hợp đồng với khách hàng, nhà cung cấp và người lao động trên môi trường số, có giá trị pháp lý như hợp đồng giấy.',
      en: 'Drafting, signing and storing contracts with customers, suppliers and staff online, with the same legal force as paper contracts.',
    },
  },
  {
    id: 'web_portal',
    order: 6,
    name: { vi: 'Quản lý cổng thông tin điện tử', en: 'Website and web portal management' },
    description: {
      vi: 'Tạo và cập nhật trang web giới thiệu doanh nghiệp, sản phẩm và tin tức mà không cần lập trình viên riêng.',
      en: 'Building and updating a website for the business, its products and news without an in-house developer.',
    },
  },
  {
    id: 'marketing',
    order: 7,
    name: { vi: 'Tiếp thị số', en: 'Digital marketing' },
    description: {
      vi: 'Quảng bá sản phẩm trên mạng xã hội, công cụ tìm kiếm, email và tin nhắn; đo lường hiệu quả từng chiến dịch.',
      en: 'Promoting products on social networks, search engines, email and messaging, and measuring what each campaign brings in.',
    },
  },
  {
    id: 'customer_care',
    order: 8,
    name: { vi: 'Chăm sóc khách hàng đa kênh', en: 'Multichannel customer care' },
    description: {
      vi: 'Gom tin nhắn, cuộc gọi và bình luận từ mọi kênh về một nơi, lưu lịch sử khách hàng (CRM) để trả lời nhanh và bán lại.',
      en: 'Bringing messages, calls and comments from every channel into one place and keeping customer history (CRM) to answer fast and sell again.',
    },
  },
  {
    id: 'sales_management',
    order: 9,
    name: { vi: 'Quản lý bán hàng', en: 'Sales management' },
    description: {
      vi: 'Bán hàng tại quầy và online, quản lý đơn hàng, tồn kho, giá và công nợ; phù hợp cả cửa hàng nhỏ và hộ kinh doanh.',
      en: 'Point-of-sale and online selling, orders, stock, prices and receivables; suitable for small shops and household businesses.',
    },
  },
  {
    id: 'cybersecurity',
    order: 10,
    name: { vi: 'An toàn thông tin mạng', en: 'Cybersecurity' },
    description: {
      vi: 'Phòng chống mã độc, lừa đảo và rò rỉ dữ liệu; sao lưu dữ liệu và giám sát an toàn cho máy tính, website và tài khoản.',
      en: 'Protection against malware, fraud and data leaks; backups and security monitoring for computers, websites and accounts.',
    },
  },
  {
    id: 'logistics',
    order: 11,
    name: { vi: 'Quản lý vận tải, kho bãi và logistics', en: 'Transport, warehouse and logistics management' },
    description: {
      vi: 'Quản lý kho, điều phối xe và giao hàng, kết nối với đơn vị vận chuyển và theo dõi đơn hàng trên đường đi.',
      en: 'Warehouse management, vehicle and delivery dispatch, links to carriers and tracking shipments on the way.',
    },
  },
  {
    id: 'consulting_training',
    order: 12,
    name: { vi: 'Tư vấn, đào tạo', en: 'Consulting and training' },
    description: {
      vi: 'Học trực tuyến và tư vấn chuyển đổi số cho chủ doanh nghiệp và người lao động; đào tạo nội bộ trên nền tảng số.',
      en: 'Online learning and digital-transformation advice for owners and staff; in-house training on a digital platform.',
    },
  },
  {
    id: 'hr_jobs',
    order: 13,
    name: { vi: 'Quản trị nhân sự, kết nối việc làm', en: 'HR management and job matching' },
    description: {
      vi: 'Hồ sơ nhân sự, chấm công, tính lương, bảo hiểm xã hội; đăng tin và tìm người lao động phù hợp.',
      en: 'Staff records, time-keeping, payroll and social insurance; posting vacancies and finding suitable workers.',
    },
  },
  {
    id: 'ecommerce',
    order: 14,
    name: { vi: 'Thương mại điện tử', en: 'E-commerce' },
    description: {
      vi: 'Mở gian hàng trên sàn thương mại điện tử (kể cả sàn của tỉnh, Postmart, Voso cho sản phẩm nông nghiệp và OCOP) hoặc bán trên website riêng.',
      en: 'Opening a shop on e-commerce marketplaces (including the provincial floor and Postmart or Voso for farm and OCOP products) or selling on your own website.',
    },
  },
  {
    id: 'tourism',
    order: 15,
    name: { vi: 'Quản lý và kinh doanh du lịch', en: 'Tourism management and business' },
    description: {
      vi: 'Quản lý phòng, đặt chỗ, tour và vé trực tuyến; kết nối với các kênh đặt phòng và du lịch cộng đồng.',
      en: 'Managing rooms, bookings, tours and tickets online; connecting to booking channels and community tourism.',
    },
  },
  {
    id: 'online_meeting',
    order: 16,
    name: { vi: 'Họp trực tuyến thế hệ mới', en: 'Next-generation online meetings' },
    description: {
      vi: 'Họp, làm việc nhóm và gặp khách hàng qua video, chia sẻ tài liệu, ghi biên bản, không cần đi lại.',
      en: 'Video meetings, team work and customer calls with document sharing and minutes, without travelling.',
    },
  },
  {
    id: 'aggregate',
    order: 17,
    name: { vi: 'Nền tảng tổng hợp', en: 'Aggregate platforms' },
    description: {
      vi: 'Bộ giải pháp gộp nhiều chức năng ở trên (bán hàng, kế toán, hóa đơn, thanh toán…) trong một gói cho doanh nghiệp nhỏ.',
      en: 'Suites that bundle several of the above (sales, accounting, invoicing, payment…) in one package for small businesses.',
    },
  },
];
