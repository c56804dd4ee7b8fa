/**
 * Framework `sme-tools` version 1: a tool inventory for SMEs following the published principles of the
 * Ministry of Science and Technology's "Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp (Phiên bản 1.0)"
 * (2025): the level shows which digital platforms and tools the business uses, the tool list follows the
 * sector, a common questionnaire plus a sector one, and the score depends on how many tools are used and how
 * they are linked. The ministry's tables (tools per sector, scoring, levels) were not found, so everything
 * concrete here is OUR reading (status `local`), documented with worked examples in docs/frameworks.md.
 *
 * Scoring (our reading):
 * - Pillar "tools": one point per function that has at least one tool in use (a spreadsheet or "another
 *   tool" counts); out of the functions this business is asked about (common ones + its sector's module).
 * - Pillar "links": per function with a tool, 0 (data typed in again by hand), 1 (passed by exporting and
 *   importing files) or 2 (passed automatically, or one app does both); out of 2 × the same functions.
 * - Total = (2 × tools % + links %) ÷ 3. Levels by total, levels 3 and 4 also need both pillars there.
 * - `maximum: 'profile'`: another sector's module is left out of the maximum (docs/frameworks.md).
 *
 * Versions are never edited once assessments exist: a change ships as version 2.
 */
import type { FrameworkInput, LevelInput, Localized, QuestionInput } from '#src/domain/framework/schema.ts';
import {
  linkQuestionId,
  NO_TOOL,
  OTHER_TOOL,
  SPREADSHEET,
  TOOL_FUNCTIONS,
  toolQuestionId,
  toolValues,
  type ToolFunction,
} from '#src/domain/framework/tool-inventory.ts';
import { getCatalogPlatform } from '#src/content/platforms/index.ts';
import { LOCAL_READING, MOST_2025_REPORTED, SOURCES } from './sources.ts';

interface Wording {
  /** The function in a few plain words (used in the link question too). */
  name: Localized;
  question: Localized;
  /** Short explanation of any technical word, shown under the question. */
  why: Localized;
  /** What the tool's data would go to, for the link question. */
  linksTo: Localized;
}

const WORDING: Record<string, Wording> = {
  sell: {
    name: { vi: 'Bán hàng và quảng bá', en: 'Selling and promotion' },
    question: { vi: 'Bạn ghi đơn, bán hàng và quảng bá bằng công cụ nào?', en: 'Which tools do you use to take orders, sell and promote?' },
    why: {
      vi: 'Phần mềm bán hàng (máy tính tiền trên điện thoại hay máy tính) ghi từng đơn và cho biết doanh thu ngay.',
      en: 'Sales software (a till on a phone or computer) records every order and shows your takings at once.',
    },
    linksTo: { vi: 'hóa đơn, kho hay sổ sách', en: 'invoices, stock or the books' },
  },
  pay: {
    name: { vi: 'Nhận tiền', en: 'Getting paid' },
    question: { vi: 'Khách trả tiền cho bạn qua công cụ nào?', en: 'Which tools do customers pay you with?' },
    why: {
      vi: 'Mã QR: khách quét bằng ứng dụng ngân hàng để chuyển tiền. Ví điện tử: tài khoản trả tiền trên điện thoại (MoMo, ZaloPay…).',
      en: 'QR code: the customer scans it with a banking app to pay. E-wallet: a payment account on the phone (MoMo, ZaloPay…).',
    },
    linksTo: { vi: 'đơn hàng hay sổ sách', en: 'orders or the books' },
  },
  invoice: {
    name: { vi: 'Hóa đơn và thuế', en: 'Invoices and tax' },
    question: { vi: 'Bạn lập hóa đơn và khai thuế bằng công cụ nào?', en: 'Which tools do you use for invoices and tax returns?' },
    why: {
      vi: 'Hóa đơn điện tử: hóa đơn lập và gửi qua mạng, có giá trị như hóa đơn giấy. eTax Mobile: ứng dụng khai, nộp thuế của ngành thuế.',
      en: 'E-invoice: an invoice issued and sent online, worth the same as a paper one. eTax Mobile: the tax office’s app for filing and paying tax.',
    },
    linksTo: { vi: 'bán hàng hay kế toán', en: 'sales or accounting' },
  },
  accounting: {
    name: { vi: 'Sổ sách, kế toán', en: 'Books and accounting' },
    question: { vi: 'Bạn ghi sổ thu chi, kế toán bằng công cụ nào?', en: 'Which tools do you keep your books with?' },
    why: {
      vi: 'Phần mềm kế toán tự cộng thu chi, công nợ và lập báo cáo thuế. Sổ tay giấy thì chọn “Chưa dùng công cụ nào”.',
      en: 'Accounting software adds up income, spending and debts and prepares tax reports. A paper notebook counts as “No tool yet”.',
    },
    linksTo: { vi: 'hóa đơn hay bán hàng', en: 'invoices or sales' },
  },
  customers: {
    name: { vi: 'Chăm sóc khách hàng', en: 'Customer care' },
    question: {
      vi: 'Bạn lưu thông tin và chăm sóc khách hàng bằng công cụ nào?',
      en: 'Which tools do you keep customer details and follow up with?',
    },
    why: {
      vi: 'CRM: sổ khách hàng điện tử, ghi ai đã mua gì để nhắn tin, chăm sóc lại. Zalo OA: trang Zalo chính thức của cửa hàng.',
      en: 'CRM: an electronic customer book that records who bought what so you can follow up. Zalo OA: the shop’s official Zalo page.',
    },
    linksTo: { vi: 'bán hàng', en: 'sales' },
  },
  staff: {
    name: { vi: 'Nhân viên và công việc', en: 'Staff and work' },
    question: {
      vi: 'Bạn chấm công, tính lương, giao việc bằng công cụ nào?',
      en: 'Which tools do you use for time-keeping, pay and handing out work?',
    },
    why: {
      vi: 'Nếu chỉ có mình bạn làm, chọn “Chưa dùng công cụ nào” cũng được; kế hoạch sẽ gợi ý khi bạn cần.',
      en: 'If you work alone, “No tool yet” is fine; the plan will suggest something when you need it.',
    },
    linksTo: { vi: 'kế toán (tiền lương)', en: 'accounting (payroll)' },
  },
  stock: {
    name: { vi: 'Hàng tồn kho, sản xuất', en: 'Stock and production' },
    question: { vi: 'Bạn theo dõi hàng tồn, nguyên liệu bằng công cụ nào?', en: 'Which tools do you track stock and materials with?' },
    why: {
      vi: 'Phần mềm kho trừ hàng mỗi lần bán, báo khi sắp hết, nên không phải đếm tay.',
      en: 'Stock software takes items off with every sale and warns you before you run out, so you need not count by hand.',
    },
    linksTo: { vi: 'bán hàng hay kế toán', en: 'sales or accounting' },
  },
  data: {
    name: { vi: 'Lưu trữ và an toàn dữ liệu', en: 'Storing and protecting data' },
    question: {
      vi: 'Bạn cất giữ, bảo vệ dữ liệu (sổ sách, ảnh, hợp đồng) bằng công cụ nào?',
      en: 'Which tools keep your data (books, photos, contracts) safe?',
    },
    why: {
      vi: 'Lưu trữ đám mây: cất tài liệu trên mạng, không mất khi hỏng máy. Phần mềm diệt virus chặn mã độc (chương trình phá hoại).',
      en: 'Cloud storage: keeps documents online so a broken computer loses nothing. Antivirus stops malware (harmful programs).',
    },
    linksTo: { vi: 'các công cụ khác (sao lưu tự động)', en: 'your other tools (automatic back-up)' },
  },
  g_online: {
    name: { vi: 'Bán trên mạng', en: 'Selling online' },
    question: { vi: 'Bạn bán hàng trên mạng qua đâu?', en: 'Where do you sell online?' },
    why: {
      vi: 'Sàn thương mại điện tử: chợ trên mạng như Shopee, nơi nhiều cửa hàng cùng bán. Cửa hàng trực tuyến: trang bán hàng riêng của bạn.',
      en: 'Marketplace: an online market such as Shopee where many shops sell. Online shop: your own selling website.',
    },
    linksTo: { vi: 'bán hàng và kho', en: 'sales and stock' },
  },
  g_delivery: {
    name: { vi: 'Giao hàng', en: 'Delivery' },
    question: { vi: 'Bạn gửi hàng cho khách qua dịch vụ nào?', en: 'Which services deliver your goods to customers?' },
    why: {
      vi: 'Ứng dụng giao hàng nhận hàng tận nơi, thu hộ tiền (COD) và cho theo dõi đơn trên điện thoại.',
      en: 'Delivery apps pick up at your door, collect cash on delivery (COD) and let you track parcels on your phone.',
    },
    linksTo: { vi: 'đơn hàng', en: 'orders' },
  },
  c_production: {
    name: { vi: 'Kế hoạch sản xuất, nguyên vật liệu', en: 'Production planning and materials' },
    question: {
      vi: 'Bạn lập kế hoạch sản xuất, theo dõi nguyên vật liệu bằng công cụ nào?',
      en: 'Which tools plan production and track materials?',
    },
    why: {
      vi: 'Phần mềm quản trị tổng thể (ERP): một hệ thống chung cho mua hàng, kho, sản xuất, bán hàng và kế toán.',
      en: 'Whole-business software (ERP): one shared system for buying, stock, production, sales and accounting.',
    },
    linksTo: { vi: 'kho và kế toán', en: 'stock and accounting' },
  },
  c_contracts: {
    name: { vi: 'Hợp đồng với khách doanh nghiệp', en: 'Contracts with business customers' },
    question: {
      vi: 'Bạn ký hợp đồng với khách hàng, nhà cung cấp bằng công cụ nào?',
      en: 'Which tools do you sign contracts with customers and suppliers?',
    },
    why: {
      vi: 'Hợp đồng điện tử: hợp đồng ký trên mạng bằng chữ ký số (con dấu điện tử), không cần gặp mặt.',
      en: 'E-contract: a contract signed online with a digital signature (an electronic seal), without meeting.',
    },
    linksTo: { vi: 'bán hàng hay kế toán', en: 'sales or accounting' },
  },
  a_market: {
    name: { vi: 'Bán nông sản trên mạng', en: 'Selling farm produce online' },
    question: { vi: 'Bạn bán nông sản, thủy sản trên mạng qua đâu?', en: 'Where do you sell farm or fish produce online?' },
    why: {
      vi: 'Postmart, Voso là sàn nông sản của Bưu điện và Viettel; Zalo OA là trang Zalo chính thức để nhận đơn.',
      en: 'Postmart and Voso are the farm marketplaces of Vietnam Post and Viettel; Zalo OA is an official Zalo page for taking orders.',
    },
    linksTo: { vi: 'sổ sách bán hàng', en: 'your sales records' },
  },
  a_delivery: {
    name: { vi: 'Vận chuyển nông sản', en: 'Shipping produce' },
    question: { vi: 'Bạn gửi nông sản cho khách ở xa qua dịch vụ nào?', en: 'Which services ship your produce to distant customers?' },
    why: {
      vi: 'Ứng dụng vận chuyển nhận hàng tận nơi, thu hộ tiền và cho theo dõi đơn.',
      en: 'Shipping apps pick up at your door, collect payment and let you track orders.',
    },
    linksTo: { vi: 'đơn hàng', en: 'orders' },
  },
  i_booking: {
    name: { vi: 'Nhận đặt phòng, đặt bàn', en: 'Bookings' },
    question: { vi: 'Khách đặt phòng, đặt bàn với bạn qua đâu?', en: 'Where do guests book rooms or tables with you?' },
    why: {
      vi: 'Trang đặt phòng (Booking.com, Agoda) đưa khách đến; phần mềm quản lý khách sạn ghi phòng trống và hóa đơn.',
      en: 'Booking sites (Booking.com, Agoda) bring guests; hotel software keeps rooms and bills.',
    },
    linksTo: { vi: 'bán hàng, lịch phòng hay sổ sách', en: 'sales, the room plan or the books' },
  },
  i_presence: {
    name: { vi: 'Trang giới thiệu, bản đồ, đánh giá', en: 'Business page, maps and reviews' },
    question: { vi: 'Khách tìm thấy và đánh giá cơ sở của bạn trên mạng qua đâu?', en: 'Where do customers find and review you online?' },
    why: {
      vi: 'Google Business Profile đưa cơ sở của bạn lên Google Maps, nơi khách xem đường đi, giờ mở cửa và đánh giá.',
      en: 'Google Business Profile puts you on Google Maps, where customers see the way, opening hours and reviews.',
    },
    linksTo: { vi: 'đặt chỗ hay bán hàng', en: 'bookings or sales' },
  },
  h_orders: {
    name: { vi: 'Nhận đơn, điều phối chuyến', en: 'Orders and trip planning' },
    question: {
      vi: 'Bạn nhận đơn vận chuyển và điều phối chuyến hàng bằng công cụ nào?',
      en: 'Which tools take transport orders and plan trips?',
    },
    why: {
      vi: 'Các nền tảng giao nhận đưa đơn đến và cho theo dõi hàng; phần mềm đơn hàng ghi ai gửi gì, đi đâu.',
      en: 'Delivery platforms bring orders and track goods; order software records who sends what, where.',
    },
    linksTo: { vi: 'hóa đơn hay kế toán', en: 'invoices or accounting' },
  },
  f_contracts: {
    name: { vi: 'Hợp đồng, hồ sơ công trình', en: 'Contracts and project files' },
    question: {
      vi: 'Bạn ký hợp đồng và giữ hồ sơ công trình bằng công cụ nào?',
      en: 'Which tools do you sign contracts and keep project files with?',
    },
    why: {
      vi: 'Hợp đồng điện tử: ký trên mạng bằng chữ ký số. Lưu trữ đám mây: hồ sơ, bản vẽ xem được ở công trường.',
      en: 'E-contract: signed online with a digital signature. Cloud storage: files and drawings you can open on site.',
    },
    linksTo: { vi: 'kế toán hay tiến độ công trình', en: 'accounting or project progress' },
  },
};

const SECTOR_NAMES: Record<string, Localized> = {
  G: { vi: 'bán buôn, bán lẻ', en: 'wholesale and retail' },
  C: { vi: 'sản xuất, chế biến', en: 'manufacturing and processing' },
  A: { vi: 'nông, lâm nghiệp, thủy sản', en: 'farming, forestry and fishing' },
  I: { vi: 'lưu trú, ăn uống', en: 'accommodation and food service' },
  H: { vi: 'vận tải, kho bãi', en: 'transport and storage' },
  F: { vi: 'xây dựng', en: 'construction' },
};

function wording(f: ToolFunction): Wording {
  const w = WORDING[f.key];
  if (!w) throw new Error(`sme-tools: no wording for function "${f.key}"`);
  return w;
}

function platformName(id: string): string {
  const p = getCatalogPlatform(id);
  if (!p) throw new Error(`sme-tools: "${id}" is not in the platform catalog`);
  return p.name;
}

const componentOf = (f: ToolFunction): string => (f.sector ? `sector_${f.sector.toLowerCase()}` : 'common');
const sectorCondition = (f: ToolFunction) => (f.sector ? { condition: { field: 'profile.sector', in: [f.sector] } } : {});

function toolQuestion(f: ToolFunction): QuestionInput {
  const w = wording(f);
  return {
    id: toolQuestionId(f),
    type: 'multi',
    component: componentOf(f),
    ...sectorCondition(f),
    text: { vi: `${w.question.vi} (chọn tất cả các ý đúng)`, en: `${w.question.en} (choose all that apply)` },
    why: w.why,
    // Any tool counts once: the pillar counts functions covered, not apps installed.
    cap: 1,
    options: [
      ...f.tools.map((id) => ({ value: id, points: 1, label: { vi: platformName(id), en: platformName(id) } })),
      ...(f.spreadsheet
        ? [
            {
              value: SPREADSHEET,
              points: 1,
              label: { vi: 'Bảng tính (Excel, Google Trang tính)', en: 'A spreadsheet (Excel, Google Sheets)' },
            },
          ]
        : []),
      { value: OTHER_TOOL, points: 1, label: { vi: 'Công cụ khác', en: 'Another tool' } },
      { value: NO_TOOL, points: 0, exclusive: true, label: { vi: 'Chưa dùng công cụ nào', en: 'No tool yet' } },
    ],
  };
}

function linkQuestion(f: ToolFunction): QuestionInput {
  const w = wording(f);
  return {
    id: linkQuestionId(f),
    type: 'single',
    // Asked only when the function has a tool: a function without one has nothing to link.
    condition: { field: `answers.${toolQuestionId(f)}`, in: toolValues(f) },
    text: {
      vi: `${w.name.vi}: số liệu có tự chuyển sang ${w.linksTo.vi} không?`,
      en: `${w.name.en}: does the data pass on to ${w.linksTo.en} by itself?`,
    },
    why: {
      vi: 'Công cụ liên kết với nhau thì nhập một lần, không phải gõ lại, ít sai sót.',
      en: 'Linked tools mean typing things once, not twice, with fewer mistakes.',
    },
    options: [
      { value: 'manual', points: 0, label: { vi: 'Không, phải nhập lại bằng tay', en: 'No, it is typed in again by hand' } },
      {
        value: 'file',
        points: 1,
        label: { vi: 'Có, bằng cách xuất rồi nhập tệp (Excel…)', en: 'Yes, by exporting and importing files (Excel…)' },
      },
      {
        value: 'auto',
        points: 2,
        label: { vi: 'Có, tự động (đã kết nối, hoặc cùng một phần mềm)', en: 'Yes, automatically (connected, or the same app)' },
      },
    ],
  };
}

const name = (vi: string, en: string): Localized => ({ vi, en });

const LEVELS: LevelInput[] = [
  {
    level: 0,
    minScore: 0,
    minPillars: 0,
    name: name('Chưa dùng công cụ số', 'No digital tools yet'),
    description: name(
      'Chưa việc nào dùng công cụ số. Để lên mức tiếp: bắt đầu với nhận tiền bằng mã QR và hóa đơn điện tử.',
      'No job uses a digital tool yet. Next: start with QR payments and e-invoices.',
    ),
  },
  {
    level: 1,
    minScore: 10,
    minPillars: 1,
    name: name('Vài công cụ rời rạc', 'A few separate tools'),
    description: name(
      'Một vài việc đã có công cụ số. Để lên mức tiếp: dùng công cụ cho các việc chính (bán hàng, nhận tiền, hóa đơn, sổ sách).',
      'A few jobs have a digital tool. Next: use tools for the main jobs (selling, payments, invoices, books).',
    ),
  },
  {
    level: 2,
    minScore: 30,
    minPillars: 1,
    name: name('Công cụ số cho việc chính', 'Digital tools for the main jobs'),
    description: name(
      'Các việc chính đã có công cụ số. Để lên mức tiếp: cho các công cụ chuyển số liệu cho nhau thay vì nhập lại.',
      'The main jobs have digital tools. Next: let the tools pass data to each other instead of typing it again.',
    ),
  },
  {
    level: 3,
    minScore: 55,
    minPillars: 2,
    name: name('Công cụ kết nối với nhau', 'Connected tools'),
    description: name(
      'Phần lớn công việc có công cụ số và chúng trao đổi số liệu. Để lên mức tiếp: phủ hết các việc và kết nối tự động.',
      'Most jobs have digital tools that exchange data. Next: cover every job and connect them automatically.',
    ),
  },
  {
    level: 4,
    minScore: 80,
    minPillars: 2,
    name: name('Vận hành trên nền tảng số', 'Running on digital platforms'),
    description: name(
      'Gần như mọi việc chạy trên công cụ số được kết nối tự động.',
      'Almost every job runs on digital tools that are connected automatically.',
    ),
  },
];

const common = TOOL_FUNCTIONS.filter((f) => !f.sector);
const sectors = [...new Set(TOOL_FUNCTIONS.flatMap((f) => (f.sector ? [f.sector] : [])))];

export const smeTools: FrameworkInput = {
  id: 'sme-tools',
  version: 1,
  title: {
    vi: 'Kiểm kê công cụ số của doanh nghiệp (theo nguyên tắc Bộ tiêu chí 2025 của Bộ KH&CN)',
    en: 'Digital tool inventory (following the principles of the 2025 MoST criteria)',
  },
  description: {
    vi: 'Bạn dùng công cụ số nào cho từng việc và chúng có chuyển số liệu cho nhau không: dưới 25 câu, khoảng 10 phút.',
    en: 'Which digital tools you use for each job and whether they pass data to each other: under 25 questions, about 10 minutes.',
  },
  meta: {
    status: 'local',
    legalBasis: {
      vi: `${LOCAL_READING.vi} theo nguyên tắc của "Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp (Phiên bản 1.0)", Bộ KH&CN, 2025; bảng chính thức chưa công bố`,
      en: `${LOCAL_READING.en} following the principles of the MoST "Criteria for assessing enterprise digital transformation (version 1.0)", 2025; the official tables are not published`,
    },
    validFrom: MOST_2025_REPORTED,
    sources: [SOURCES.most2025, SOURCES.most2025Principles],
    reading: {
      vi: 'Danh sách việc, công cụ theo ngành, cách tính điểm (độ phủ công cụ ×2, liên kết ×1) và các mức là cách đọc của cổng.',
      en: 'The list of jobs, the tools per sector, the scoring (tool coverage ×2, links ×1) and the levels are our reading.',
    },
  },
  maximum: 'profile',
  levels: LEVELS,
  pillarLevels: [
    { level: 1, minScore: 10 },
    { level: 2, minScore: 30 },
    { level: 3, minScore: 55 },
    { level: 4, minScore: 80 },
  ],
  pillars: [
    {
      id: 'tools',
      name: { vi: 'Công cụ số cho từng việc', en: 'Digital tools for each job' },
      weight: 2,
      components: [
        { id: 'common', name: { vi: 'Việc chung của mọi doanh nghiệp', en: 'Jobs every business has' } },
        ...sectors.map((s) => ({
          id: `sector_${s.toLowerCase()}`,
          name: { vi: `Riêng ngành ${SECTOR_NAMES[s]!.vi}`, en: `For ${SECTOR_NAMES[s]!.en}` },
        })),
      ],
      questions: [...common, ...TOOL_FUNCTIONS.filter((f) => f.sector)].map(toolQuestion),
    },
    {
      id: 'links',
      name: { vi: 'Các công cụ có liên kết với nhau không', en: 'Do the tools work together' },
      weight: 1,
      questions: [...common, ...TOOL_FUNCTIONS.filter((f) => f.sector)].map(linkQuestion),
    },
  ],
};
