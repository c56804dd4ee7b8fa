/**
 * Pillar 6, "Dữ liệu và tài sản thông tin" (35 points): data use and
 * governance (35 = 7 criteria). Criteria follow the official order; wording is ours.
 */
import { graded } from './scales.ts';
import type { PillarInput } from '#src/domain/framework/schema.ts';

export const dataPillar: PillarInput = {
  id: 'data',
  name: { vi: 'Dữ liệu và tài sản thông tin', en: 'Data and information assets' },
  weight: 0.109375, // 35 / 320
  maxPoints: 35,
  components: [{ id: 'data_governance', name: { vi: 'Sử dụng và quản trị dữ liệu', en: 'Data use and governance' } }],
  questions: [
    {
      id: 'd1_database',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Doanh nghiệp có cơ sở dữ liệu riêng về khách hàng, sản phẩm, đơn hàng, nhà cung cấp không?',
        en: 'Do you keep your own database of customers, products, orders and suppliers?',
      },
      why: {
        vi: 'Dữ liệu của chính mình là tài sản mà đối thủ không sao chép được.',
        en: 'Your own data is an asset competitors cannot copy.',
      },
      options: graded([
        ['Không, chỉ có sổ sách', 'No, only paper records'],
        ['Dữ liệu rời rạc trong nhiều file Excel', 'Data scattered over many spreadsheets'],
        ['Vài danh sách chính được lưu tập trung', 'A few key lists kept in one place'],
        ['Cơ sở dữ liệu trong phần mềm cho các mảng chính', 'A database inside software for the main areas'],
        ['Cơ sở dữ liệu thống nhất, được làm sạch và cập nhật', 'One consistent database, cleaned and kept up to date'],
        [
          'Cơ sở dữ liệu thống nhất, có danh mục dữ liệu và người quản lý',
          'One consistent database with a data catalogue and a data owner',
        ],
      ]),
    },
    {
      id: 'd1_big_data',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Doanh nghiệp có thu thập và dùng dữ liệu lớn (hành vi khách hàng trên mạng, dữ liệu thị trường, dữ liệu cảm biến) không?',
        en: 'Do you collect and use big data (customer behaviour online, market data, sensor data)?',
      },
      why: {
        vi: 'Dữ liệu lớn cho thấy xu hướng mà từng đơn hàng riêng lẻ không cho thấy.',
        en: 'Big data shows trends that single orders cannot.',
      },
      options: graded([
        ['Không', 'No'],
        [
          'Xem số liệu thống kê có sẵn của Facebook, sàn thương mại điện tử',
          'We look at the built-in statistics of Facebook or marketplaces',
        ],
        ['Thỉnh thoảng tải dữ liệu về để phân tích', 'We download data for analysis now and then'],
        ['Thu thập định kỳ từ vài nguồn', 'Collected regularly from a few sources'],
        ['Thu thập tự động từ nhiều nguồn vào kho dữ liệu', 'Collected automatically from many sources into a data warehouse'],
        ['Phân tích liên tục trên kho dữ liệu lớn, có dùng trí tuệ nhân tạo', 'Analysed continuously in a big-data platform, with AI'],
      ]),
    },
    {
      id: 'd1_db_software',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Doanh nghiệp dùng phần mềm quản trị cơ sở dữ liệu (SQL Server, MySQL, PostgreSQL… hoặc cơ sở dữ liệu của phần mềm quản lý) đến mức nào?',
        en: 'How far do you use database-management software (SQL Server, MySQL, PostgreSQL… or the database of your management software)?',
      },
      why: {
        vi: 'Phần mềm quản trị dữ liệu giữ dữ liệu đúng, an toàn và dùng chung được.',
        en: 'Database software keeps data correct, safe and shareable.',
      },
      options: graded([
        ['Không dùng', 'Not at all'],
        ['Chỉ dùng bảng tính', 'Spreadsheets only'],
        ['Cơ sở dữ liệu có sẵn trong một phần mềm', 'The database built into one application'],
        ['Trong vài phần mềm', 'In several applications'],
        ['Hệ quản trị cơ sở dữ liệu riêng, có sao lưu và phân quyền', 'Our own database system, with backups and access rights'],
        [
          'Hệ quản trị tập trung, có giám sát hiệu năng và khôi phục sự cố',
          'A central database system with performance monitoring and disaster recovery',
        ],
      ]),
    },
    {
      id: 'd1_data_collection',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Doanh nghiệp tự thu thập dữ liệu qua kênh số (biểu mẫu trực tuyến, website, ứng dụng, máy bán hàng, cảm biến) đến mức nào?',
        en: 'How far do you collect your own data through digital channels (online forms, website, apps, point-of-sale, sensors)?',
      },
      why: {
        vi: 'Dữ liệu thu tự động thì đầy đủ và kịp thời hơn ghi chép tay.',
        en: 'Automatically collected data is more complete and timely than handwritten notes.',
      },
      variants: [
        {
          sectors: ['A'],
          text: {
            vi: 'Bạn ghi nhật ký đồng ruộng, chuồng trại, mùa vụ bằng ứng dụng điện thoại hoặc thiết bị tự động đến mức nào?',
            en: 'How far do you keep field, barn or season logs in a phone app or with automatic devices?',
          },
        },
        {
          sectors: ['G'],
          text: {
            vi: 'Cửa hàng tự thu thập dữ liệu bán hàng, khách hàng thành viên qua máy bán hàng, ứng dụng, website đến mức nào?',
            en: 'How far does your shop collect sales and loyalty-member data through point-of-sale, apps and the website?',
          },
        },
      ],
      options: graded([
        ['Không', 'No'],
        ['Thỉnh thoảng nhập tay vào máy', 'Typed in by hand now and then'],
        ['Biểu mẫu trực tuyến cho một việc', 'An online form for one purpose'],
        ['Thường xuyên, từ vài kênh số', 'Regularly, from a few digital channels'],
        ['Tự động, từ phần lớn hoạt động', 'Automatically, from most activities'],
        ['Tự động từ mọi hoạt động, đồng bộ tức thời', 'Automatically from every activity, synchronised in real time'],
      ]),
    },
    {
      id: 'd1_data_revenue',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Doanh nghiệp có tạo ra doanh thu nhờ khai thác dữ liệu (gợi ý sản phẩm để bán thêm, dịch vụ hoặc báo cáo dựa trên dữ liệu) không?',
        en: 'Do you earn revenue from using data (recommendations that sell more, data-based services or reports)?',
      },
      why: { vi: 'Dữ liệu được khai thác tốt có thể trở thành nguồn thu mới.', en: 'Well-used data can become a new source of income.' },
      options: graded([
        ['Không', 'No'],
        ['Đang tìm hiểu', 'Looking into it'],
        ['Dùng dữ liệu để bán thêm cho khách cũ', 'We use data to sell more to existing customers'],
        ['Có dịch vụ dựa trên dữ liệu, doanh thu còn nhỏ', 'A data-based service with small revenue'],
        ['Dữ liệu đóng góp rõ rệt vào doanh thu (trên 5%)', 'Data contributes clearly to revenue (over 5 %)'],
        ['Dữ liệu là một nguồn thu chính (trên 20%)', 'Data is a main source of revenue (over 20 %)'],
      ]),
    },
    {
      id: 'd1_bi',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Doanh nghiệp dùng công cụ báo cáo, phân tích kinh doanh (BI, dashboard) và quản lý tri thức đến mức nào?',
        en: 'How far do you use reporting and business-intelligence tools (BI, dashboards) and knowledge management?',
      },
      why: {
        vi: 'Báo cáo tự động cho thấy tình hình mà không phải chờ cuối tháng.',
        en: 'Automatic reports show where you stand without waiting for month end.',
      },
      options: graded([
        ['Không', 'No'],
        ['Tổng hợp tay trên giấy hoặc Excel khi cần', 'Compiled by hand on paper or in Excel when needed'],
        ['Báo cáo có sẵn trong phần mềm', 'Built-in software reports'],
        ['Dashboard cho vài mảng', 'Dashboards for a few areas'],
        ['Công cụ BI cho phần lớn các mảng, cập nhật tự động', 'BI tools for most areas, updated automatically'],
        ['Phân tích nâng cao và dự báo trên dữ liệu toàn doanh nghiệp', 'Advanced analytics and forecasting on company-wide data'],
      ]),
    },
    {
      id: 'd1_decision_support',
      type: 'single',
      component: 'data_governance',
      text: {
        vi: 'Lãnh đạo dùng công cụ hỗ trợ ra quyết định (cảnh báo, dự báo, mô phỏng, trí tuệ nhân tạo) đến mức nào?',
        en: 'How far do managers use decision-support tools (alerts, forecasts, simulations, AI)?',
      },
      why: {
        vi: 'Quyết định dựa trên dữ liệu ít rủi ro hơn quyết định theo cảm tính.',
        en: 'Data-based decisions carry less risk than gut feeling.',
      },
      options: graded([
        ['Không, quyết định theo kinh nghiệm', 'No, decisions rest on experience'],
        ['Xem vài số liệu trước khi quyết định', 'We check a few figures before deciding'],
        ['Báo cáo định kỳ là cơ sở ra quyết định', 'Regular reports are the basis for decisions'],
        ['Có cảnh báo tự động (tồn kho, công nợ…)', 'Automatic alerts (stock, receivables…)'],
        ['Có dự báo doanh số, nhu cầu', 'Sales and demand forecasts'],
        [
          'Mô phỏng kịch bản, gợi ý bằng trí tuệ nhân tạo; quyết định dựa trên dữ liệu là nếp làm việc',
          'Scenario simulation and AI suggestions; data-driven decisions are the norm',
        ],
      ]),
    },
  ],
};
