import type { DashboardData, TrendPoint } from '#src/server/services/dashboard.ts';
import type { Sheet } from './spreadsheet.ts';
import { STATUS_NAMES } from '#src/i18n/labels.ts';
import type { ProvinceFigureUnit } from '#src/domain/indicators/province-figures.ts';

const FIGURE_UNITS: Record<ProvinceFigureUnit, string> = {
  percent: '%',
  rank: 'hạng (rank)',
  billion_vnd: 'tỷ đồng (billion VND)',
  count: 'số lượng (count)',
};

/** The dashboard view as sheets with Vietnamese headers (English in brackets). */
export function dashboardSheets(d: DashboardData, trendPoints: TrendPoint[]): Sheet[] {
  const scope = d.filter.communeCode ? (d.communeNames.get(d.filter.communeCode) ?? d.filter.communeCode) : 'Toàn tỉnh';
  const filters = `Kỳ ${d.filter.period.id}; ${scope}; ngành ${d.filter.sector ?? 'tất cả'}; quy mô ${d.filter.sizeClass ?? 'tất cả'}; loại hình ${d.filter.producerType ?? 'tất cả'}`;
  const indicators: Sheet = {
    name: 'Chỉ số',
    rows: [
      ['Bộ lọc (Filters)', filters],
      [],
      [
        'Mã chỉ số (Id)',
        'Chỉ số (Indicator)',
        'Giá trị % (Value)',
        'Tử số (Numerator)',
        'Mẫu số (Denominator)',
        'Mục tiêu % (Target)',
        'Hạn mục tiêu (Deadline)',
        'Tình trạng (Status)',
        'Định nghĩa (Definition)',
      ],
      ...d.view.values.map((v) => {
        const t = d.targets.get(v.id);
        return [
          v.id,
          v.definition.name.vi,
          v.value,
          v.numerator,
          v.denominator,
          t?.value ?? null,
          t?.date ?? null,
          t ? STATUS_NAMES[t.status]!.vi : null,
          v.definition.definition.vi,
        ];
      }),
      [],
      ['Bao phủ (Coverage)', d.view.coverage, d.view.counters.n, Math.max(d.view.registered, d.view.counters.n)],
    ],
  };
  const levels: Sheet = {
    name: 'Cấp độ',
    rows: [['Cấp độ (Level)', 'Số doanh nghiệp (Businesses)'], ...d.view.levels.map((n, i) => [i, n])],
  };
  const trend: Sheet = {
    name: 'Xu hướng',
    rows: [
      ['Kỳ (Period)', 'DNNVV dùng nền tảng số % (SMEs on platforms)', 'Số DNNVV đã đánh giá (SMEs assessed)'],
      ...trendPoints.map((t) => [t.period.id, t.value, t.n]),
    ],
  };
  const breakdown: Sheet = {
    name: 'Chia theo',
    rows: [
      [
        'Nhóm (Group)',
        'Đã đánh giá (Assessed)',
        'Đã biết (Known)',
        'Bao phủ % (Coverage)',
        'DNNVV dùng nền tảng số % (SMEs on platforms)',
        'Hóa đơn điện tử % (E-invoice)',
        'Thanh toán điện tử % (E-payment)',
        'Thương mại điện tử % (E-commerce)',
        'Thiếu so với lộ trình (Gap)',
      ],
      ...d.breakdown.map((r) => {
        const v = (id: string) => r.values.find((x) => x.id === id)?.value ?? null;
        return [
          r.label,
          r.n,
          r.registered,
          v('assessment_coverage'),
          v('sme_platform_adoption'),
          v('einvoice_adoption'),
          v('epayment_adoption'),
          v('ecommerce_adoption'),
          r.gap,
        ];
      }),
    ],
  };
  // Figures no questionnaire gives, entered by province staff: beside the computed ones, with their source and date.
  const figures: Sheet = {
    name: 'Số liệu cấp tỉnh',
    rows: [
      [
        'Mã số liệu (Id)',
        'Số liệu (Figure)',
        'Giá trị (Value)',
        'Đơn vị (Unit)',
        'Nguồn (Source)',
        'Ngày số liệu (As of)',
        'Mục tiêu quốc gia (National target)',
        'Tình trạng (Status)',
      ],
      ...d.provinceFigures.map((f) => [
        f.definition.id,
        f.definition.name.vi,
        f.value,
        FIGURE_UNITS[f.definition.unit],
        f.source ?? 'Chưa nhập (Not entered)',
        f.asOf,
        f.target ? `≥ ${f.target.value} % (${f.target.year})` : null,
        f.target ? (f.target.met ? 'Đạt (Met)' : 'Chưa đạt (Not met)') : null,
      ]),
    ],
  };
  return [indicators, levels, trend, breakdown, figures];
}
