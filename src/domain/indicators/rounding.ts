/**
 * The one rounding of every published share and mean: computed exactly from integers, rounded once,
 * half up, to one decimal (1/8 → 12.5, 1/3 → 33.3, 2/3 → 66.7, 1/16 → 6.3). Floating-point
 * division can land a hair either side of an exact half, and two pages rounding their own way
 * published different figures for the same cell; hence one exact function.
 *
 * Pure module: no astro, no database, no clock.
 */

/** floor(a / b) for non-negative safe integers, exactly. */
function intDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** 100·num/den rounded half up to one decimal; null when den is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return intDiv(2000 * numerator + denominator, 2 * denominator) / 10;
}

/** A mean (sum ÷ n) of scores rounded half up to one decimal, the sum taken to hundredths; null for n = 0. */
export function roundedMean(sum: number, n: number): number | null {
  if (n <= 0) return null;
  const hundredths = Math.round(sum * 100);
  const abs = Math.abs(hundredths);
  const tenths = intDiv(2 * abs + 10 * n, 20 * n);
  return (hundredths < 0 ? -tenths : tenths) / 10;
}

/** A difference of two rounded values (percentage points), kept to one decimal without float noise. */
export function roundPoints(x: number): number {
  return Math.round(x * 10) / 10;
}
