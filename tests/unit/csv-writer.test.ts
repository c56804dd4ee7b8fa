import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula, toCsv } from '#src/domain/csv.ts';
import { catalogToCsv } from '#src/domain/platforms/csv.ts';
import type { Platform } from '#src/domain/platforms/schema.ts';
import { PLATFORM_CATALOG } from '#src/content/platforms/index.ts';

describe('the one CSV writer', () => {
  it('CSV injection: cells starting with = + - @ tab or CR are neutralised, numbers are not', () => {
    const csv = toCsv([['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', -1, 'ok']], { bom: false });
    expect(csv).toBe(`'=1+1,'+1,'-1,'@SUM(A1),'\t=1,"'\r=1",-1,ok\r\n`);
  });

  it('CSV injection: the platform catalog export neutralises formulas too', () => {
    const evil = { ...PLATFORM_CATALOG[0]!, provider: '@SUM(1+1)*cmd|" /C calc"!A0' } as Platform;
    const line = catalogToCsv([evil], { bom: false }).split('\r\n')[1]!;
    expect(line).toContain(`,"'@SUM(1+1)*cmd|"" /C calc""!A0",`);
  });

  it('neutralisation is reversible, so a file we wrote reads back unchanged', () => {
    for (const s of ['', 'a', '=x', "'=x", "''+x", "'", "'a", '-', 'x=1', '\uFF1D1']) {
      expect(restoreFormula(neutraliseFormula(s))).toBe(s);
    }
  });
});
