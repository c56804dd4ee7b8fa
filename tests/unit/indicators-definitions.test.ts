import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS, SCALAR_INDICATOR_IDS, getIndicator, nationalTargetFor } from '#src/domain/indicators/definitions.ts';
import { NEED_IDS } from '#src/domain/platforms/schema.ts';

const VIETNAMESE_MARKS = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

describe('indicator catalogue', () => {
  it('has every id once, in INDICATOR_IDS order', () => {
    expect(INDICATORS.map((d) => d.id)).toEqual([...INDICATOR_IDS]);
  });

  it('includes the indicators the province reports', () => {
    for (const id of [
      'sme_platform_adoption',
      'digital_tech_adoption',
      'einvoice_adoption',
      'epayment_adoption',
      'econtract_adoption',
      'ecommerce_adoption',
      'ocop_products_on_ecommerce',
      'assessment_coverage',
      'recommendation_adoption',
      'level_distribution',
      'pillar_mean_score',
    ]) {
      expect(getIndicator(id), id).toBeDefined();
    }
  });

  it('has Vietnamese text with diacritics and English text for every label', () => {
    for (const d of INDICATORS) {
      for (const text of [d.name, d.definition, d.source]) {
        expect(text.vi.trim().length, d.id).toBeGreaterThan(0);
        expect(text.en.trim().length, d.id).toBeGreaterThan(0);
        expect(VIETNAMESE_MARKS.test(text.vi), `${d.id}: ${text.vi}`).toBe(true);
        expect(text.vi).toBe(text.vi.normalize('NFC'));
      }
    }
  });

  it('pins the QĐ 411 targets', () => {
    const sme = getIndicator('sme_platform_adoption')!;
    expect(sme.nationalTargets.map((t) => [t.value, t.year, t.comparator])).toEqual([
      [50, 2025, 'gt'],
      [70, 2030, 'gt'],
    ]);
    expect(sme.source.vi).toContain('QĐ 411/QĐ-TTg');
    const ec = getIndicator('econtract_adoption')!;
    expect(ec.nationalTargets[0]).toMatchObject({ value: 80, year: 2025, comparator: 'gt' });
  });

  it('picks the target that applies in a year', () => {
    const sme = getIndicator('sme_platform_adoption')!;
    expect(nationalTargetFor(sme, 2024)!.value).toBe(50);
    expect(nationalTargetFor(sme, 2025)!.value).toBe(50);
    expect(nationalTargetFor(sme, 2026)!.value).toBe(70);
    expect(nationalTargetFor(sme, 2031)!.value).toBe(70);
    expect(nationalTargetFor(getIndicator('assessment_coverage')!, 2026)).toBeUndefined();
  });

  it('maps need-based indicators to real needs', () => {
    expect(getIndicator('einvoice_adoption')!.needs).toEqual(['e_invoice']);
    expect(getIndicator('epayment_adoption')!.needs).toEqual(['cashless_payment']);
    expect(getIndicator('econtract_adoption')!.needs).toEqual(['e_contract']);
    expect(getIndicator('ecommerce_adoption')!.needs).toEqual(['ecommerce_marketplace', 'farm_ocop_floor']);
    for (const d of INDICATORS) for (const n of d.needs ?? []) expect(NEED_IDS).toContain(n);
  });

  it('lists the multi-value indicators apart from the scalar ones', () => {
    expect(SCALAR_INDICATOR_IDS).not.toContain('level_distribution');
    expect(SCALAR_INDICATOR_IDS).not.toContain('pillar_mean_score');
    expect(getIndicator('level_distribution')!.kind).toBe('distribution');
    expect(getIndicator('pillar_mean_score')!.unit).toBe('score');
  });
});
