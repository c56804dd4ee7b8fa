/**
 * Unscored questions of the SME questionnaire (`scored: false`, 0 points
 * everywhere): the barriers question of the official survey forms and one
 * "which digital tools do you use" question per business function. Officers
 * count platform use by category from the options' `platformCategory`.
 */
import type { PlatformCategoryId } from '#src/reference/platform-categories.ts';
import type { ExtraSectionInput, QuestionInput } from '#src/domain/framework/schema.ts';

/** An unscored option; `category` is the ministry's platform category it counts towards. */
function opt(value: string, vi: string, en: string, category?: PlatformCategoryId) {
  return { value, points: 0, label: { vi, en }, ...(category !== undefined ? { platformCategory: category } : {}) };
}

/** "None of these": exclusive, and deliberately in no category. */
const NO_TOOL = {
  value: 'none',
  points: 0,
  exclusive: true as const,
  label: { vi: 'Chưa dùng công cụ số nào', en: 'No digital tool yet' },
};

const CHOOSE_ALL = { vi: ' (chọn tất cả các ý đúng)', en: ' (choose all that apply)' };

/** Barriers (rào cản) as listed in the official survey forms, plus "other" and "none". */
export const barriersQuestion: QuestionInput = {
  id: 'x_barriers',
  type: 'multi',
  scored: false,
  text: {
    vi: `Bạn gặp những khó khăn nào khi chuyển đổi số?${CHOOSE_ALL.vi}`,
    en: `What holds you back from going digital?${CHOOSE_ALL.en}`,
  },
  why: {
    vi: 'Giúp cơ quan quản lý biết doanh nghiệp cần hỗ trợ gì; không ảnh hưởng đến điểm.',
    en: 'Tells the authorities what support is needed; it does not affect your score.',
  },
  options: [
    opt('cost', 'Chi phí đầu tư cao', 'High cost'),
    opt('habits', 'Khó thay đổi thói quen làm việc', 'Hard to change work habits'),
    opt('skills', 'Thiếu nhân lực có kỹ năng số', 'Lack of staff with digital skills'),
    opt('infrastructure', 'Hạ tầng mạng, thiết bị chưa đáp ứng', 'Network or equipment not good enough'),
    opt('information', 'Thiếu thông tin về giải pháp phù hợp', 'Lack of information on suitable solutions'),
    opt('integration', 'Khó tích hợp các giải pháp với nhau', 'Solutions hard to integrate'),
    opt('leadership', 'Lãnh đạo chưa quyết tâm', 'Leadership not committed'),
    opt('staff_commitment', 'Nhân viên chưa sẵn sàng', 'Staff not on board'),
    opt('data_leak', 'Lo lộ dữ liệu cá nhân, dữ liệu kinh doanh', 'Fear of personal or business data leaks'),
    opt('other', 'Khó khăn khác', 'Other'),
    { value: 'none', points: 0, exclusive: true, label: { vi: 'Không gặp khó khăn', en: 'No difficulties' } },
  ],
};

function toolsQuestion(id: string, vi: string, en: string, options: ReturnType<typeof opt>[]): QuestionInput {
  return {
    id,
    type: 'multi',
    scored: false,
    text: { vi: `${vi}${CHOOSE_ALL.vi}`, en: `${en}${CHOOSE_ALL.en}` },
    why: {
      vi: 'Để gợi ý công cụ phù hợp và thống kê việc dùng nền tảng số; không ảnh hưởng đến điểm.',
      en: 'Used to suggest suitable tools and to count platform use; it does not affect your score.',
    },
    options: [...options, NO_TOOL],
  };
}

export const platformQuestions: readonly QuestionInput[] = [
  toolsQuestion('x_tools_sales', 'Bạn dùng công cụ số nào để bán hàng?', 'Which digital tools do you use to sell?', [
    opt(
      'sales_app',
      'Phần mềm quản lý bán hàng (KiotViet, Sapo, MISA eShop…)',
      'Sales-management software (KiotViet, Sapo, MISA eShop…)',
      'sales_management',
    ),
    opt(
      'marketplace',
      'Sàn TMĐT (Shopee, Lazada, Tiki, TikTok Shop, Postmart, Voso…)',
      'E-commerce marketplaces (Shopee, Lazada, Tiki, TikTok Shop, Postmart, Voso…)',
      'ecommerce',
    ),
    opt('provincial_floor', 'Sàn thương mại điện tử của tỉnh', 'The provincial e-commerce marketplace', 'ecommerce'),
    opt('website', 'Website hoặc trang đặt hàng riêng', 'Our own website or ordering page', 'web_portal'),
    opt('social', 'Trang mạng xã hội (Facebook, Zalo, TikTok)', 'Social-media pages (Facebook, Zalo, TikTok)', 'marketing'),
    opt(
      'online_ads',
      'Quảng cáo trực tuyến (Facebook Ads, Google Ads, Zalo Ads)',
      'Online ads (Facebook Ads, Google Ads, Zalo Ads)',
      'marketing',
    ),
    opt(
      'booking',
      'Nền tảng đặt phòng, đặt tour (Booking, Agoda, Traveloka…)',
      'Room and tour booking platforms (Booking, Agoda, Traveloka…)',
      'tourism',
    ),
  ]),
  toolsQuestion(
    'x_tools_accounting',
    'Bạn dùng công cụ số nào cho kế toán, hóa đơn và chứng từ?',
    'Which digital tools do you use for accounting, invoices and documents?',
    [
      opt(
        'accounting_software',
        'Phần mềm kế toán (MISA, FAST, Easybooks…)',
        'Accounting software (MISA, FAST, Easybooks…)',
        'finance_accounting',
      ),
      opt(
        'einvoice',
        'Hóa đơn điện tử (S-Invoice, VNPT Invoice, MISA meInvoice, Bkav eHoadon…)',
        'E-invoices (S-Invoice, VNPT Invoice, MISA meInvoice, Bkav eHoadon…)',
        'finance_accounting',
      ),
      opt(
        'digital_signature',
        'Chữ ký số (Viettel-CA, VNPT SmartCA, FPT-CA…)',
        'Digital signatures (Viettel-CA, VNPT SmartCA, FPT-CA…)',
        'finance_accounting',
      ),
      opt(
        'etax',
        'Khai và nộp thuế điện tử (eTax, eTax Mobile)',
        'Online tax filing and payment (eTax, eTax Mobile)',
        'finance_accounting',
      ),
      opt(
        'social_insurance',
        'Bảo hiểm xã hội điện tử (VssID, vBHXH…)',
        'Electronic social insurance (VssID, vBHXH…)',
        'finance_accounting',
      ),
      opt(
        'e_contract',
        'Hợp đồng điện tử (FPT.eContract, vContract, VNPT eContract…)',
        'E-contracts (FPT.eContract, vContract, VNPT eContract…)',
        'e_contract',
      ),
    ],
  ),
  toolsQuestion('x_tools_payment', 'Bạn nhận và trả tiền bằng công cụ số nào?', 'Which digital tools do you use to get paid and to pay?', [
    opt(
      'qr_wallet',
      'Ví điện tử / mã QR (VietQR, MoMo, VNPAY, ZaloPay, Viettel Money, VNPT Money…)',
      'E-wallets / QR codes (VietQR, MoMo, VNPAY, ZaloPay, Viettel Money, VNPT Money…)',
      'e_payment',
    ),
    opt('mobile_banking', 'Ngân hàng số (internet banking, mobile banking)', 'Online banking (internet or mobile banking)', 'e_payment'),
    opt('card_terminal', 'Máy quẹt thẻ (POS)', 'Card terminals (POS)', 'e_payment'),
    opt('payment_gateway', 'Cổng thanh toán trực tuyến trên website, ứng dụng', 'Online payment gateway on a website or app', 'e_payment'),
    opt('cod', 'Thu hộ tiền qua đơn vị giao hàng (COD)', 'Cash on delivery collected by the carrier (COD)', 'logistics'),
  ]),
  toolsQuestion(
    'x_tools_customer_care',
    'Bạn chăm sóc khách hàng bằng công cụ số nào?',
    'Which digital tools do you use for customer care?',
    [
      opt('messaging', 'Zalo OA, Messenger, tin nhắn chăm sóc khách hàng', 'Zalo OA, Messenger, customer-care messaging', 'customer_care'),
      opt(
        'crm',
        'Phần mềm quản lý khách hàng (CRM: MISA AMIS CRM, Getfly, Bitrix24…)',
        'Customer-relationship software (CRM: MISA AMIS CRM, Getfly, Bitrix24…)',
        'customer_care',
      ),
      opt('call_center', 'Tổng đài ảo, tổng đài chăm sóc khách hàng', 'Virtual switchboard or call centre', 'customer_care'),
      opt('chatbot', 'Chatbot, trả lời tự động', 'Chatbots, automatic replies', 'customer_care'),
      opt('email_sms', 'E-mail, SMS tiếp thị', 'Marketing e-mail and SMS', 'marketing'),
    ],
  ),
  toolsQuestion('x_tools_inventory', 'Bạn quản lý hàng tồn kho bằng công cụ số nào?', 'Which digital tools do you use to manage stock?', [
    opt('inventory_app', 'Phần mềm quản lý kho (KiotViet, Sapo, MISA…)', 'Stock-management software (KiotViet, Sapo, MISA…)', 'logistics'),
    opt('barcode', 'Máy quét mã vạch, mã QR', 'Barcode or QR scanners', 'logistics'),
    opt('traceability', 'Tem truy xuất nguồn gốc điện tử (mã QR)', 'Electronic traceability labels (QR codes)', 'logistics'),
    opt('spreadsheet', 'Bảng tính (Excel, Google Sheets)', 'Spreadsheets (Excel, Google Sheets)'),
  ]),
  toolsQuestion('x_tools_hr', 'Bạn quản lý nhân sự bằng công cụ số nào?', 'Which digital tools do you use for HR?', [
    opt(
      'hrm',
      'Phần mềm nhân sự, tính lương (MISA AMIS, 1Office, EasyHRM…)',
      'HR and payroll software (MISA AMIS, 1Office, EasyHRM…)',
      'hr_jobs',
    ),
    opt(
      'timekeeping',
      'Máy chấm công vân tay, khuôn mặt nối với phần mềm',
      'Fingerprint or face time clocks linked to software',
      'hr_jobs',
    ),
    opt('recruiting', 'Trang tuyển dụng trực tuyến (TopCV, VietnamWorks…)', 'Online job boards (TopCV, VietnamWorks…)', 'hr_jobs'),
    opt('e_learning', 'Khóa học trực tuyến cho nhân viên', 'Online courses for staff', 'consulting_training'),
  ]),
  toolsQuestion('x_tools_production', 'Bạn dùng công cụ số nào trong sản xuất?', 'Which digital tools do you use in production?', [
    opt(
      'production_software',
      'Phần mềm quản lý sản xuất (lệnh sản xuất, định mức, MES)',
      'Production-management software (work orders, bills of materials, MES)',
      'enterprise_management',
    ),
    opt('quality_software', 'Phần mềm quản lý chất lượng', 'Quality-management software', 'enterprise_management'),
    opt('farm_log', 'Nhật ký sản xuất điện tử (nhật ký đồng ruộng, chuồng trại)', 'Electronic production logs (field or barn logs)'),
    opt('iot', 'Cảm biến, thiết bị IoT theo dõi máy móc, nhà kính, ao nuôi', 'IoT sensors monitoring machines, greenhouses or ponds'),
    opt('cad_cnc', 'Phần mềm thiết kế (CAD), máy CNC, máy in 3D', 'Design software (CAD), CNC machines, 3D printers'),
  ]),
  toolsQuestion(
    'x_tools_logistics',
    'Bạn dùng công cụ số nào để giao hàng, vận chuyển?',
    'Which digital tools do you use for delivery and transport?',
    [
      opt(
        'carrier_app',
        'Ứng dụng giao hàng (Viettel Post, VNPost, GHN, Giao Hàng Tiết Kiệm, Ahamove…)',
        'Delivery apps (Viettel Post, VNPost, GHN, Giao Hàng Tiết Kiệm, Ahamove…)',
        'logistics',
      ),
      opt('fleet_gps', 'Định vị, quản lý đội xe (GPS)', 'Vehicle tracking and fleet management (GPS)', 'logistics'),
      opt('wms', 'Phần mềm quản lý kho vận', 'Warehouse and transport software', 'logistics'),
    ],
  ),
  toolsQuestion(
    'x_tools_management',
    'Bạn dùng công cụ số nào để quản lý, điều hành chung?',
    'Which digital tools do you use to run the business as a whole?',
    [
      opt(
        'erp',
        'Phần mềm quản trị tổng thể (ERP: MISA AMIS, 1Office, Odoo, SAP Business One…)',
        'Whole-enterprise management software (ERP: MISA AMIS, 1Office, Odoo, SAP Business One…)',
        'enterprise_management',
      ),
      opt(
        'work_management',
        'Quản lý công việc, văn bản (1Office, Base, Trello…)',
        'Task and document management (1Office, Base, Trello…)',
        'enterprise_management',
      ),
      opt(
        'office_cloud',
        'Văn phòng trên đám mây (Google Workspace, Microsoft 365)',
        'Cloud office suites (Google Workspace, Microsoft 365)',
        'cloud',
      ),
      opt(
        'cloud_server',
        'Máy chủ, lưu trữ đám mây (Viettel Cloud, VNPT Cloud, FPT Cloud…)',
        'Cloud servers and storage (Viettel Cloud, VNPT Cloud, FPT Cloud…)',
        'cloud',
      ),
      opt(
        'online_meeting',
        'Họp trực tuyến (Zoom, Google Meet, Microsoft Teams, Zalo)',
        'Online meetings (Zoom, Google Meet, Microsoft Teams, Zalo)',
        'online_meeting',
      ),
      opt(
        'security',
        'Phần mềm an toàn thông tin (diệt virus, tường lửa, sao lưu)',
        'Security software (antivirus, firewall, backup)',
        'cybersecurity',
      ),
    ],
  ),
];

export const dbiExtraSections: readonly ExtraSectionInput[] = [
  {
    id: 'barriers',
    name: { vi: 'Khó khăn khi chuyển đổi số', en: 'Barriers to going digital' },
    questions: [barriersQuestion],
  },
  {
    id: 'platforms',
    name: { vi: 'Công cụ số đang dùng', en: 'Digital tools in use' },
    questions: [...platformQuestions],
  },
];
