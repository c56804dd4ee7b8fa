import { describe, expect, it } from 'vitest';
import { ProvinceFigureFormSchema, meetsNationalTarget } from '#src/domain/indicators/province-figures.ts';

const ok = {
  figureId: 'digital_economy_grdp_share',
  period: '2026',
  value: '12,5',
  source: 'Cục Thống kê tỉnh, báo cáo 2026',
  asOf: '2026-12-31',
};
const issues = (form: Record<string, string>) => {
  const r = ProvinceFigureFormSchema.safeParse(form);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('province-level figure entry', () => {
  it('accepts a share with a Vietnamese decimal comma, dated inside its period', () => {
    expect(ProvinceFigureFormSchema.parse(ok)).toEqual({
      figureId: 'digital_economy_grdp_share',
      periodId: '2026',
      value: 12.5,
      source: 'Cục Thống kê tỉnh, báo cáo 2026',
      asOf: '2026-12-31',
      year: 2026,
    });
  });

  it('refuses a share outside 0–100 % with a Vietnamese-first message', () => {
    expect(issues({ ...ok, value: '120' })).toEqual(['value: Tỷ lệ phải từ 0 đến 100 % / A share must be between 0 and 100 %']);
  });

  it('refuses a date outside the period (quarters included, Vietnam calendar)', () => {
    expect(issues({ ...ok, asOf: '2025-12-31' })).toEqual(['asOf: Ngày số liệu phải nằm trong kỳ 2026 / The date must fall within 2026']);
    expect(issues({ ...ok, period: '2026-Q2', asOf: '2026-07-01' })).toHaveLength(1);
    expect(issues({ ...ok, period: '2026-Q2', asOf: '2026-06-30' })).toEqual([]);
  });

  it('refuses unknown figures, bad periods, missing sources, non-integer ranks and counts, and non-numbers', () => {
    expect(issues({ ...ok, figureId: 'gdp' })[0]).toContain('Vui lòng chọn số liệu');
    expect(issues({ ...ok, period: '2026-Q9' })[0]).toContain('Kỳ phải có dạng');
    expect(issues({ ...ok, source: '' })[0]).toContain('nguồn');
    expect(issues({ ...ok, figureId: 'dti_rank', value: '0' })[0]).toContain('Thứ hạng');
    expect(issues({ ...ok, figureId: 'dti_rank', value: '12' })).toEqual([]);
    expect(issues({ ...ok, figureId: 'provincial_floor_booths', value: '2,5' })[0]).toContain('số nguyên');
    expect(issues({ ...ok, value: '1e3' })[0]).toContain('Vui lòng chỉ nhập chữ số');
  });

  it('reads the QĐ 411 reference target of the year', () => {
    expect(meetsNationalTarget('digital_economy_grdp_share', 2025, 20)).toMatchObject({ met: true, target: { value: 20 } });
    expect(meetsNationalTarget('digital_economy_grdp_share', 2026, 25)).toMatchObject({ met: false, target: { value: 30, year: 2030 } });
    expect(meetsNationalTarget('dti_rank', 2026, 3)).toBeNull();
  });
});
