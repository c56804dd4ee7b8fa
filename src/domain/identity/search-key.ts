/**
 * Accent-insensitive search key for Vietnamese text (docs/domain.md §9, "option A"):
 * one shared function fills every `*_search` column and normalises every query,
 * so "Ha Noi", "hà nội" and a decomposed "Hà Nội" all meet on "ha noi".
 *
 * Use it for matching only. For sorting use `Intl.Collator('vi')`, whose
 * ordering (a < ă < â, d < đ) this key deliberately throws away.
 */

// Combining marks: Vietnamese tone marks (U+0300, U+0301, U+0303, U+0309, U+0323)
// and vowel modifiers (breve U+0306, circumflex U+0302, horn U+031B) after NFD.
const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE_RUN = /\s+/gu;

export function toSearchKey(input: string): string {
  return (
    input
      // NFC first: stored text is always NFC, and mixed precomposed/decomposed
      // input must end up in one form.
      .normalize('NFC')
      // Lower-case before stripping marks (not after, as a plain reading of the
      // recipe suggests): a few non-Vietnamese letters gain a combining mark when
      // lower-cased ("İ" → "i" + U+0307). For Vietnamese the result is identical.
      .toLowerCase()
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      // đ (U+0111) has no canonical decomposition, so NFD leaves it alone and it
      // must be mapped explicitly (docs/domain.md §9). Đ is already lower-cased.
      .replace(/đ/g, 'd')
      .replace(WHITESPACE_RUN, ' ')
      .trim()
  );
}
