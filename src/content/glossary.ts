/**
 * Plain-word explanations of the technical terms questionnaires use. Shown under any question whose
 * text or options contain the term, whatever the framework, so a shop owner never has to guess what
 * "ERP" or "NAS" means. General explanations in everyday words, not official definitions.
 */
import type { GlossaryEntry } from '#src/domain/framework/presentation.ts';

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'ERP',
    explain: {
      vi: 'ERP: một phần mềm quản lý chung cho cả doanh nghiệp (mua hàng, kho, bán hàng, kế toán, nhân sự dùng chung một dữ liệu).',
      en: 'ERP: one management software for the whole business (purchasing, stock, sales, accounting, staff sharing the same data).',
    },
  },
  {
    term: 'CRM',
    explain: {
      vi: 'CRM: phần mềm ghi danh sách khách hàng, lịch sử mua và việc chăm sóc từng khách.',
      en: 'CRM: software that keeps the customer list, what each bought and how each is looked after.',
    },
  },
  {
    term: 'IoT',
    explain: {
      vi: 'IoT: cảm biến, máy móc có nối mạng Internet, tự gửi số liệu (nhiệt độ, độ ẩm, sản lượng…) về điện thoại hoặc máy tính.',
      en: 'IoT: sensors and machines connected to the Internet that send readings (temperature, humidity, output…) to a phone or computer.',
    },
  },
  {
    term: 'blockchain',
    aliases: ['Blockchain'],
    explain: {
      vi: 'Blockchain (chuỗi khối): cách lưu dữ liệu ở nhiều nơi cùng lúc để không ai sửa lén được; thường dùng cho truy xuất nguồn gốc.',
      en: 'Blockchain: a way of keeping records in many places at once so nobody can alter them quietly; often used for traceability.',
    },
  },
  {
    term: 'RFID',
    explain: {
      vi: 'RFID: thẻ, tem gắn chip đọc được bằng sóng radio từ xa, không cần quét từng mã như mã vạch.',
      en: 'RFID: tags with a chip read by radio from a distance, without scanning each one like a barcode.',
    },
  },
  {
    term: 'BI',
    explain: {
      vi: 'BI: công cụ gom số liệu và vẽ biểu đồ, báo cáo tự động để xem tình hình kinh doanh.',
      en: 'BI (business intelligence): tools that gather figures and draw charts and reports automatically.',
    },
  },
  {
    term: 'LAN',
    explain: {
      vi: 'LAN: mạng nội bộ nối các máy tính, máy in trong cùng văn phòng, cửa hàng.',
      en: 'LAN: the local network linking the computers and printers of one office or shop.',
    },
  },
  {
    term: 'NAS',
    explain: {
      vi: 'NAS: ổ cứng dùng chung nối vào mạng nội bộ để lưu và sao lưu tài liệu của cả nhóm.',
      en: 'NAS: a shared hard drive on the local network for storing and backing up the team’s files.',
    },
  },
  {
    term: 'VPN',
    explain: {
      vi: 'VPN: đường kết nối được mã hóa để làm việc từ xa vào mạng của doanh nghiệp một cách an toàn.',
      en: 'VPN: an encrypted connection to reach the business’s network safely from elsewhere.',
    },
  },
  {
    term: 'MES',
    explain: {
      vi: 'MES: phần mềm theo dõi sản xuất tại xưởng (lệnh sản xuất, máy, sản lượng, lỗi) theo thời gian thực.',
      en: 'MES: software that follows production on the shop floor (orders, machines, output, defects) as it happens.',
    },
  },
  {
    term: 'CAD',
    explain: {
      vi: 'CAD: phần mềm vẽ thiết kế sản phẩm, bản vẽ kỹ thuật trên máy tính.',
      en: 'CAD: software for drawing product designs and technical drawings on a computer.',
    },
  },
  {
    term: 'CNC',
    explain: {
      vi: 'CNC: máy gia công (cắt, phay, khắc…) chạy theo chương trình trên máy tính.',
      en: 'CNC: machining tools (cutting, milling, engraving…) driven by a computer program.',
    },
  },
  {
    term: 'KPI',
    explain: {
      vi: 'KPI: vài con số chính để biết công việc đạt hay chưa (ví dụ doanh số tháng, số đơn giao đúng hẹn).',
      en: 'KPI: a few key figures that show whether work is on track (e.g. monthly sales, orders delivered on time).',
    },
  },
  {
    term: 'API',
    explain: {
      vi: 'API: cổng kết nối để hai phần mềm tự trao đổi dữ liệu với nhau, không phải nhập tay.',
      en: 'API: a connection through which two pieces of software exchange data by themselves, without retyping.',
    },
  },
  {
    term: 'POS',
    explain: {
      vi: 'POS: máy hoặc ứng dụng bán hàng tại quầy, in hóa đơn và nhận thẻ, mã QR.',
      en: 'POS: the till or sales app at the counter that prints receipts and takes cards or QR codes.',
    },
  },
  {
    term: 'WMS',
    aliases: ['wms'],
    explain: {
      vi: 'WMS: phần mềm quản lý kho (nhập, xuất, vị trí, tồn kho).',
      en: 'WMS: warehouse software (goods in, goods out, locations, stock).',
    },
  },
  {
    term: 'đám mây',
    aliases: ['cloud', 'Cloud'],
    explain: {
      vi: 'Đám mây (cloud): lưu dữ liệu, dùng phần mềm qua Internet trên máy chủ của nhà cung cấp, không cài trên máy của mình.',
      en: 'Cloud: storing data and using software over the Internet on a provider’s servers rather than on your own machines.',
    },
  },
  {
    term: 'tường lửa',
    aliases: ['firewall'],
    explain: {
      vi: 'Tường lửa (firewall): thiết bị hoặc phần mềm chặn truy cập lạ vào mạng, máy tính.',
      en: 'Firewall: a device or program that blocks unwanted access to a network or computer.',
    },
  },
  {
    term: 'sao lưu',
    aliases: ['backup'],
    explain: {
      vi: 'Sao lưu (backup): giữ thêm một bản dữ liệu ở nơi khác để lấy lại khi máy hỏng, mất hoặc bị mã độc.',
      en: 'Backup: keeping another copy of the data elsewhere to recover it after a breakdown, loss or malware.',
    },
  },
  {
    term: 'dữ liệu lớn',
    aliases: ['Dữ liệu lớn', 'big data', 'Big data'],
    explain: {
      vi: 'Dữ liệu lớn (big data): phân tích khối lượng số liệu rất lớn (bán hàng, khách hàng, máy móc) để tìm ra xu hướng.',
      en: 'Big data: analysing very large amounts of data (sales, customers, machines) to find patterns.',
    },
  },
  {
    term: 'AI',
    explain: {
      vi: 'AI (trí tuệ nhân tạo): phần mềm tự nhận biết, dự đoán hoặc trả lời, ví dụ trợ lý trả lời khách, dự báo hàng bán.',
      en: 'AI (artificial intelligence): software that recognises, predicts or answers by itself, e.g. a customer chat assistant or a sales forecast.',
    },
  },
];
