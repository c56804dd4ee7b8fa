/**
 * Pillar 3, "Hạ tầng và công nghệ số" (80 points): connectivity (10 = 2
 * criteria) and ICT infrastructure (70 = 14 criteria: basic, advanced,
 * production). Criteria follow the official order; wording is ours.
 */
import { graded } from './scales.ts';
import type { PillarInput } from '#src/domain/framework/schema.ts';

export const infrastructurePillar: PillarInput = {
  id: 'infrastructure',
  name: { vi: 'Hạ tầng và công nghệ số', en: 'Digital infrastructure and technology' },
  weight: 0.25, // 80 / 320
  maxPoints: 80,
  components: [
    { id: 'connectivity', name: { vi: 'Kết nối mạng', en: 'Connectivity' } },
    { id: 'ict_infrastructure', name: { vi: 'Cơ sở hạ tầng CNTT-TT', en: 'ICT infrastructure' } },
  ],
  questions: [
    {
      id: 'i1_broadband',
      type: 'single',
      component: 'connectivity',
      text: {
        vi: 'Tốc độ Internet cố định (cáp quang) của doanh nghiệp là bao nhiêu?',
        en: 'What is the speed of your fixed (fibre) internet connection?',
      },
      why: {
        vi: 'Đường truyền đủ nhanh là điều kiện để dùng phần mềm trực tuyến.',
        en: 'A fast enough line is what online software needs.',
      },
      options: graded([
        ['Không có Internet cố định', 'No fixed internet'],
        ['Dưới 50 Mbps', 'Under 50 Mbps'],
        ['Từ 50 đến 80 Mbps', '50 to 80 Mbps'],
        ['Từ 80 đến 100 Mbps', '80 to 100 Mbps'],
        ['Từ 100 đến 120 Mbps', '100 to 120 Mbps'],
        ['Trên 120 Mbps', 'Over 120 Mbps'],
      ]),
    },
    {
      id: 'i1_wifi',
      type: 'single',
      component: 'connectivity',
      text: { vi: 'Mạng Wi-Fi phủ nơi làm việc đến mức nào?', en: 'How well does Wi-Fi cover your workplace?' },
      why: { vi: 'Nhân viên cần kết nối ở nơi họ thật sự làm việc.', en: 'Staff need a connection where they actually work.' },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Mạng Wi-Fi phủ tới nhà kho, trang trại, ao nuôi, nhà sơ chế đến mức nào?',
            en: 'How well does Wi-Fi cover your storehouses, farm, ponds and packing house?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Mạng Wi-Fi phủ văn phòng, nhà xưởng và kho đến mức nào?',
            en: 'How well does Wi-Fi cover your office, workshop and warehouse?',
          },
        },
      ],
      options: graded([
        ['Không có Wi-Fi', 'No Wi-Fi'],
        ['Có nhưng chập chờn, chỉ ở vài chỗ', 'Patchy, only in a few spots'],
        ['Phủ khu văn phòng', 'Covers the office'],
        ['Phủ hầu hết nơi làm việc', 'Covers most work areas'],
        ['Phủ toàn bộ, mật khẩu riêng cho nhân viên và cho khách', 'Covers everything, with separate passwords for staff and guests'],
        [
          'Phủ toàn bộ, quản lý tập trung, tách mạng khách khỏi mạng nội bộ',
          'Covers everything, centrally managed, guest network separated from the internal one',
        ],
      ]),
    },
    {
      id: 'i2_lan',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Máy tính trong doanh nghiệp được nối mạng nội bộ (LAN, intranet) để dùng chung dữ liệu, máy in, phần mềm đến mức nào?',
        en: 'How far are your computers connected on a local network (LAN, intranet) to share data, printers and software?',
      },
      why: { vi: 'Mạng nội bộ là nền để các bộ phận làm việc chung.', en: 'A local network is the base for teams to work together.' },
      options: graded([
        ['Không có mạng nội bộ', 'No local network'],
        ['Vài máy nối với nhau', 'A few computers connected'],
        ['Dùng chung máy in và thư mục', 'Shared printers and folders'],
        ['Có máy chủ hoặc ổ lưu trữ chung (NAS)', 'A server or shared storage (NAS)'],
        ['Có phân quyền và truy cập từ xa an toàn (VPN)', 'Access rights and secure remote access (VPN)'],
        ['Quản lý tập trung, nối cả các chi nhánh', 'Centrally managed, linking every branch'],
      ]),
    },
    {
      id: 'i2_records',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Hồ sơ, chứng từ, tài liệu của doanh nghiệp được lưu ở dạng điện tử đến mức nào?',
        en: 'How far are your records, vouchers and documents kept electronically?',
      },
      why: {
        vi: 'Hồ sơ điện tử tìm nhanh, khó thất lạc và dùng lại được.',
        en: 'Electronic records are quick to find, hard to lose and reusable.',
      },
      options: graded([
        ['Chỉ lưu trên giấy', 'Paper only'],
        ['Một ít, nằm rải rác trên máy từng người', 'A little, scattered on personal computers'],
        ['Khoảng một nửa, trong thư mục chung', 'About half, in shared folders'],
        ['Phần lớn, sắp xếp và đặt tên thống nhất', 'Most, with one naming and filing scheme'],
        ['Gần như toàn bộ, tìm kiếm được và có sao lưu', 'Nearly all, searchable and backed up'],
        [
          'Toàn bộ, trên hệ thống quản lý văn bản có ký số và phân quyền',
          'All, in a document system with digital signatures and access rights',
        ],
      ]),
    },
    {
      id: 'i2_einvoice',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng hóa đơn điện tử (S-Invoice, VNPT Invoice, MISA meInvoice…) đến mức nào?',
        en: 'How far do you use e-invoices (S-Invoice, VNPT Invoice, MISA meInvoice…)?',
      },
      why: {
        vi: 'Hóa đơn điện tử bắt buộc với mọi doanh nghiệp từ 1/7/2022.',
        en: 'E-invoices have been mandatory for every business since 1 July 2022.',
      },
      variants: [
        {
          sectors: ['G'],
          text: {
            vi: 'Cửa hàng của bạn dùng hóa đơn điện tử (kể cả hóa đơn khởi tạo từ máy tính tiền) đến mức nào?',
            en: 'How far does your shop use e-invoices (including invoices generated from the cash register)?',
          },
        },
      ],
      options: graded(
        [
          ['Chưa dùng hóa đơn điện tử', 'We do not use e-invoices'],
          ['Chỉ xin hóa đơn điện tử theo từng lần từ cơ quan thuế', 'Only one-off e-invoices requested from the tax office'],
          ['Dùng cho một phần hóa đơn', 'For some of our invoices'],
          ['Dùng cho mọi hóa đơn, lập bằng tay trên trang của nhà cung cấp', 'For every invoice, typed in by hand on the provider’s site'],
          ['Mọi hóa đơn, lập từ phần mềm bán hàng hoặc kế toán', 'Every invoice, issued from our sales or accounting software'],
          ['Mọi hóa đơn, tự động nối với bán hàng, kho và kế toán', 'Every invoice, automatically linked to sales, stock and accounting'],
        ],
        'finance_accounting',
      ),
    },
    {
      id: 'i2_data_sharing',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Các bộ phận chia sẻ dữ liệu, tài liệu với nhau bằng cách nào?',
        en: 'How do your teams share data and documents with each other?',
      },
      why: {
        vi: 'Dữ liệu nhập một lần, dùng nhiều nơi thì ít sai và đỡ tốn công.',
        en: 'Data entered once and used everywhere means fewer errors and less work.',
      },
      options: graded([
        ['Chuyển giấy tờ tận tay, nói miệng', 'Paper handed over, word of mouth'],
        ['Gửi file qua Zalo, e-mail', 'Files sent over Zalo or e-mail'],
        ['Thư mục chung trên mạng hoặc đám mây', 'Shared folders on the network or the cloud'],
        ['Phần mềm dùng chung cho vài bộ phận', 'Software shared by a few teams'],
        ['Hệ thống dùng chung: nhập một lần, dùng nhiều nơi', 'One shared system: enter once, use everywhere'],
        ['Các hệ thống tự kết nối với nhau và với đối tác (API)', 'Systems linked automatically with each other and with partners (APIs)'],
      ]),
    },
    {
      id: 'i2_cloud',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng điện toán đám mây (lưu trữ, phần mềm thuê bao, máy chủ ảo) đến mức nào?',
        en: 'How far do you use cloud computing (storage, subscription software, virtual servers)?',
      },
      why: {
        vi: 'Thuê trên đám mây rẻ hơn tự mua máy chủ và dùng được ở mọi nơi.',
        en: 'Renting in the cloud costs less than owning servers and works anywhere.',
      },
      options: graded(
        [
          ['Không dùng', 'Not at all'],
          ['Lưu trữ cá nhân miễn phí (Google Drive, OneDrive…)', 'Free personal storage (Google Drive, OneDrive…)'],
          ['Lưu trữ đám mây dùng chung của doanh nghiệp', 'Shared company cloud storage'],
          ['Một vài phần mềm thuê bao trên đám mây (kế toán, bán hàng…)', 'A few cloud subscriptions (accounting, sales…)'],
          ['Phần lớn phần mềm chạy trên đám mây', 'Most of our software runs in the cloud'],
          [
            'Toàn bộ hạ tầng trên đám mây, có sao lưu và phương án khôi phục',
            'All infrastructure in the cloud, with backup and recovery plans',
          ],
        ],
        'cloud',
      ),
    },
    {
      id: 'i2_erp',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng phần mềm quản trị tổng thể (ERP) nối các khâu mua hàng, kho, sản xuất, bán hàng, kế toán, nhân sự đến mức nào?',
        en: 'How far do you use whole-enterprise management software (ERP) linking purchasing, stock, production, sales, accounting and HR?',
      },
      why: {
        vi: 'Khi các khâu dùng chung một hệ thống, số liệu khớp nhau và báo cáo có ngay.',
        en: 'When every activity shares one system, figures match and reports are instant.',
      },
      options: graded(
        [
          ['Không dùng phần mềm quản lý', 'No management software'],
          ['Phần mềm riêng cho một khâu (thường là kế toán)', 'Separate software for one activity (usually accounting)'],
          ['Phần mềm riêng cho vài khâu, chưa kết nối', 'Separate software for several activities, not linked'],
          ['Một hệ thống cho 2–3 khâu chính (bán hàng, kho, kế toán)', 'One system for 2–3 core activities (sales, stock, accounting)'],
          ['ERP cho phần lớn các khâu', 'ERP for most activities'],
          ['ERP cho toàn doanh nghiệp, nối với đối tác, báo cáo tức thời', 'Company-wide ERP linked to partners, with real-time reports'],
        ],
        'enterprise_management',
      ),
    },
    {
      id: 'i2_crm',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp quản lý thông tin và lịch sử mua hàng của khách bằng công cụ nào (CRM)?',
        en: 'What do you use to manage customer details and purchase history (CRM)?',
      },
      why: { vi: 'Hiểu khách cũ là cách rẻ nhất để bán thêm.', en: 'Knowing your existing customers is the cheapest way to sell more.' },
      options: graded(
        [
          ['Không lưu, hoặc chỉ ghi sổ', 'Nothing, or a paper notebook'],
          ['Danh bạ điện thoại, Zalo', 'Phone contacts, Zalo'],
          ['Bảng tính Excel', 'A spreadsheet'],
          ['Phần mềm CRM cơ bản (danh sách, lịch sử mua)', 'Basic CRM software (contacts, purchase history)'],
          ['CRM nối với bán hàng và chăm sóc khách hàng', 'CRM linked to sales and customer care'],
          ['CRM phân tích khách hàng, tự động chăm sóc trên mọi kênh', 'CRM with customer analytics and automated care on every channel'],
        ],
        'customer_care',
      ),
    },
    {
      id: 'i2_security',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng công cụ bảo vệ an toàn thông tin (phần mềm diệt virus, tường lửa, sao lưu) đến mức nào?',
        en: 'How far do you use security tools (antivirus, firewall, backups)?',
      },
      why: {
        vi: 'Một lần mất dữ liệu hay bị mã độc tống tiền có thể làm dừng cả doanh nghiệp.',
        en: 'One data loss or ransomware attack can stop the whole business.',
      },
      options: graded(
        [
          ['Không có', 'None'],
          ['Diệt virus miễn phí trên vài máy', 'Free antivirus on a few computers'],
          ['Diệt virus có bản quyền trên mọi máy', 'Licensed antivirus on every computer'],
          ['Thêm tường lửa và sao lưu định kỳ', 'Plus a firewall and regular backups'],
          ['Thêm giám sát, cập nhật bản vá, xác thực hai lớp', 'Plus monitoring, patching and two-factor login'],
          ['Có người chuyên trách hoặc thuê dịch vụ giám sát an toàn 24/7', 'A dedicated person or a 24/7 security-monitoring service'],
        ],
        'cybersecurity',
      ),
    },
    {
      id: 'i2_iot',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng thiết bị IoT (cảm biến, thiết bị nối Internet) để theo dõi máy móc, hàng hóa, môi trường đến mức nào?',
        en: 'How far do you use IoT devices (sensors, connected devices) to monitor machines, goods or the environment?',
      },
      why: { vi: 'Cảm biến báo sớm sự cố và giảm hao hụt.', en: 'Sensors warn early and cut losses.' },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn dùng cảm biến, thiết bị nối Internet để theo dõi đất, nước, ao nuôi, chuồng trại hoặc thời tiết đến mức nào?',
            en: 'How far do you use sensors and connected devices to monitor soil, water, ponds, barns or the weather?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Doanh nghiệp dùng cảm biến, thiết bị nối Internet để theo dõi máy móc, dây chuyền, điện năng đến mức nào?',
            en: 'How far do you use sensors and connected devices to monitor machines, lines and energy use?',
          },
        },
      ],
      options: graded([
        ['Không dùng', 'Not at all'],
        ['Camera hoặc thiết bị xem qua điện thoại', 'Cameras or devices viewed on a phone'],
        ['Vài cảm biến đơn lẻ', 'A few stand-alone sensors'],
        ['Cảm biến ở một khu vực, dữ liệu về một phần mềm', 'Sensors in one area, feeding one application'],
        ['Ở nhiều khu vực, có cảnh báo tự động', 'In many areas, with automatic alerts'],
        ['Khắp nơi, dữ liệu dùng để tự điều khiển và tối ưu', 'Everywhere, with data driving automatic control and optimisation'],
      ]),
    },
    {
      id: 'i2_blockchain',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp có dùng công nghệ chuỗi khối (blockchain), ví dụ để truy xuất nguồn gốc hoặc xác thực giao dịch, không?',
        en: 'Do you use blockchain technology, for example for traceability or to verify transactions?',
      },
      why: { vi: 'Chuỗi khối giúp chứng minh nguồn gốc và chống giả mạo.', en: 'Blockchain helps prove origin and prevent forgery.' },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn có dùng nền tảng truy xuất nguồn gốc nông sản dựa trên chuỗi khối (blockchain) không?',
            en: 'Do you use a blockchain-based traceability platform for your farm products?',
          },
        },
      ],
      options: graded([
        ['Không', 'No'],
        ['Đã tìm hiểu, chưa dùng', 'Looked into it, not used'],
        ['Đang thử nghiệm', 'Trialling it'],
        ['Dùng qua nền tảng của đơn vị khác cho một việc', 'Used through a provider’s platform for one purpose'],
        ['Dùng cho vài việc', 'Used for several purposes'],
        ['Dùng rộng rãi, kết nối với đối tác', 'Used widely, shared with partners'],
      ]),
    },
    {
      id: 'i2_robots',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng robot, máy in 3D hoặc máy tự động (CNC…) đến mức nào?',
        en: 'How far do you use robots, 3D printers or automatic machines (CNC…)?',
      },
      why: {
        vi: 'Máy tự động làm việc nặng, lặp lại với chất lượng đều.',
        en: 'Automatic machines do heavy, repetitive work at steady quality.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn dùng máy bay không người lái (drone), máy gieo cấy, hệ thống tưới hoặc cho ăn tự động đến mức nào?',
            en: 'How far do you use drones, planting machines, or automatic irrigation or feeding systems?',
          },
        },
        {
          sectors: ['C'],
          text: {
            vi: 'Nhà xưởng dùng robot, máy CNC hoặc máy in 3D trong các công đoạn sản xuất đến mức nào?',
            en: 'How far does your workshop use robots, CNC machines or 3D printers in production steps?',
          },
        },
        {
          sectors: ['G'],
          text: {
            vi: 'Kho hàng dùng máy tự động (đóng gói, phân loại, băng chuyền) đến mức nào?',
            en: 'How far does your warehouse use automatic machines (packing, sorting, conveyors)?',
          },
        },
      ],
      options: graded([
        ['Không dùng', 'Not at all'],
        ['Một máy đơn lẻ, thỉnh thoảng dùng', 'One machine, used now and then'],
        ['Vài máy cho một công đoạn', 'A few machines for one step'],
        ['Cho nhiều công đoạn', 'For several steps'],
        ['Cho phần lớn công đoạn chính', 'For most core steps'],
        ['Dây chuyền tự động nối với hệ thống điều hành', 'Automated lines linked to the management system'],
      ]),
    },
    {
      id: 'i2_automation',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Các quy trình công việc được tự động hóa bằng phần mềm (tự nhập đơn, gửi báo giá, nhắc công nợ, duyệt chứng từ…) đến mức nào?',
        en: 'How far are your work processes automated by software (order entry, quotes, payment reminders, approvals…)?',
      },
      why: { vi: 'Tự động hóa bớt việc lặp lại và sai sót khi làm tay.', en: 'Automation removes repetitive work and manual errors.' },
      variants: [
        {
          sectors: ['C'],
          text: {
            vi: 'Quy trình sản xuất và quản lý (lập lệnh sản xuất, kiểm tra chất lượng, duyệt chứng từ) được tự động hóa đến mức nào?',
            en: 'How far are production and management processes (work orders, quality checks, approvals) automated?',
          },
        },
      ],
      options: graded([
        ['Không có, làm tay hết', 'None, all by hand'],
        ['Vài việc nhỏ (tin nhắn tự động, công thức Excel)', 'A few small tasks (auto-replies, spreadsheet formulas)'],
        ['Một quy trình chạy tự động trên phần mềm', 'One process automated in software'],
        ['Vài quy trình', 'Several processes'],
        ['Phần lớn quy trình chính', 'Most core processes'],
        ['Hầu hết quy trình, được theo dõi và cải tiến liên tục', 'Nearly all processes, monitored and improved continuously'],
      ]),
    },
    {
      id: 'i2_rfid',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp dùng mã vạch, mã QR hoặc thẻ RFID để nhận diện, theo dõi hàng hóa đến mức nào?',
        en: 'How far do you use barcodes, QR codes or RFID tags to identify and track goods?',
      },
      why: {
        vi: 'Nhận diện tự động giúp kiểm kê nhanh và truy xuất nguồn gốc.',
        en: 'Automatic identification speeds up stock counts and traceability.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Sản phẩm của bạn có tem truy xuất nguồn gốc (mã QR) hoặc mã định danh vùng trồng, vùng nuôi không?',
            en: 'Do your products carry traceability labels (QR codes) or growing- or farming-area codes?',
          },
        },
        {
          sectors: ['G'],
          text: {
            vi: 'Cửa hàng, kho của bạn quét mã vạch, mã QR hoặc RFID khi nhập, bán và kiểm kê đến mức nào?',
            en: 'How far do your shop and warehouse scan barcodes, QR codes or RFID when receiving, selling and counting stock?',
          },
        },
      ],
      options: graded(
        [
          ['Không dùng', 'Not at all'],
          ['Có mã vạch in sẵn nhưng không đọc bằng máy', 'Printed barcodes, but we never scan them'],
          ['Quét mã khi bán hàng', 'Scanned at the till'],
          ['Quét mã ở cả kho và bán hàng', 'Scanned in the warehouse and at the till'],
          ['Mã QR truy xuất nguồn gốc hoặc RFID cho phần lớn hàng hóa', 'Traceability QR codes or RFID on most goods'],
          [
            'Theo dõi hàng hóa suốt chuỗi cung ứng bằng RFID hoặc mã định danh',
            'Goods tracked along the whole supply chain by RFID or unique IDs',
          ],
        ],
        'logistics',
      ),
    },
    {
      id: 'i2_supply_chain',
      type: 'single',
      component: 'ict_infrastructure',
      text: {
        vi: 'Doanh nghiệp quản lý chuỗi cung ứng và đối tác (nhà cung cấp, kho, vận chuyển) bằng công cụ số đến mức nào?',
        en: 'How far do you manage your supply chain and partners (suppliers, warehouses, transport) with digital tools?',
      },
      why: {
        vi: 'Thấy được hàng đang ở đâu thì giao đúng hẹn và ít tồn kho.',
        en: 'Seeing where goods are means on-time delivery and less stock.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn quản lý thu mua, bảo quản và vận chuyển nông sản bằng công cụ số đến mức nào?',
            en: 'How far do you manage purchasing, storage and transport of farm produce with digital tools?',
          },
        },
        {
          sectors: ['G'],
          text: {
            vi: 'Bạn quản lý nhập hàng, tồn kho và giao hàng bằng công cụ số đến mức nào?',
            en: 'How far do you manage restocking, inventory and deliveries with digital tools?',
          },
        },
      ],
      options: graded(
        [
          ['Không, dùng sổ sách và điện thoại', 'No, paper and phone calls'],
          ['Bảng tính Excel', 'Spreadsheets'],
          ['Phần mềm quản lý kho', 'Warehouse software'],
          ['Phần mềm kho nối với nhà cung cấp hoặc đơn vị vận chuyển', 'Warehouse software linked to suppliers or carriers'],
          ['Nền tảng chuỗi cung ứng, theo dõi đơn theo thời gian thực', 'A supply-chain platform with real-time order tracking'],
          [
            'Chuỗi cung ứng số nối với đối tác, tự dự báo và đặt hàng',
            'A digital supply chain shared with partners, with automatic forecasting and ordering',
          ],
        ],
        'logistics',
      ),
    },
  ],
};
