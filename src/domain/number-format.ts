/**
 * Numbers as staff pages print them: always the Vietnamese way (vi-VN), in both languages, like the
 * dates (dd/mm/yyyy). A decimal comma and dotted thousands: 52,8 · 1.234 · 13.474,5. One formatter
 * for every figure, so a score never reads "52.81" on one page and "52,8" on the next.
 *
 * - At most one decimal (the project's one rounding, rounding.ts, already gives one), no trailing
 *   zero: 50 → "50", 52.81 → "52,8".
 * - A missing value (null, NaN, ±Infinity) prints as an em dash "—".
 * - Shares carry " %" after a plain space ("87,5 %"), as the existing pages write them.
 * - Changes in percentage points carry their sign: "+3,2 điểm %", "-1,5 điểm %", "0 điểm %".
 *
 * Pure module: no astro, no database, no clock.
 */
import type { Lang } from '#src/i18n/index.ts';

const VI = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const VI_SIGNED = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

function known(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** 52.81 → "52,8", 1234 → "1.234", null → "—". */
export function formatNumber(n: number | null | undefined): string {
  return known(n) ? VI.format(n) : '—';
}

/** 87.5 → "87,5 %", null → "—". */
export function formatPercent(n: number | null | undefined): string {
  return known(n) ? `${VI.format(n)} %` : '—';
}

/** A change in percentage points with its sign: 3.2 → "+3,2 điểm %" (English "+3,2 pp"), null → "—". */
export function formatPoints(n: number | null | undefined, lang: Lang = 'vi'): string {
  if (!known(n)) return '—';
  // -0.04 rounds to "-0": a change that rounds to nothing is written without a sign.
  const text = VI_SIGNED.format(n).replace(/^[-+]0$/, '0');
  return `${text} ${lang === 'en' ? 'pp' : 'điểm %'}`;
}
