/**
 * The one rule for free text people type (names, addresses, messages, descriptions, catalog text)
 * and text that arrives in imported files.
 *
 * - NFC: the same Vietnamese word is stored with the same code points whatever keyboard typed it.
 * - One-line text: every run of white space (tabs, line breaks, no-break spaces) becomes one space.
 *   Multi-line text keeps line breaks (Windows and Unicode line ends become "\n") and tabs.
 * - Trimmed, then the length is checked on what is stored.
 * - Refused, not silently stripped (the person sees what they must fix, and stored text is exactly
 *   what they confirmed): control characters (C0, DEL, C1) other than the white space above, and
 *   every invisible format character (Unicode Cf). Cf covers the bidirectional embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C) that
 *   reverse how a name is displayed, zero-width characters that make two names look the same but
 *   never match in search, soft hyphens and byte-order marks. Lone surrogates (Cs) are refused too.
 *
 * Pure module: no astro, no database, no clock.
 */
import { z } from 'zod';

export type TextLabel = { vi: string; en: string };

/** Business names, typed or imported. */
export const BUSINESS_NAME_MAX = 200;

export type FreeTextOptions = {
  /** Field name in messages ("tên doanh nghiệp" / "business name"). */
  label: TextLabel;
  /** Characters after cleaning. */
  max: number;
  /** Characters after cleaning; 1 unless said otherwise (blank is "missing"). */
  min?: number;
  /** Keeps line breaks and tabs (descriptions, messages, notes). */
  multiline?: boolean;
  /**
   * Multi-line only: 'keep' leaves CR LF as typed (the platform catalog's CSV export must give
   * back the same bytes); by default every line end becomes "\n".
   */
  lineEnds?: 'unify' | 'keep';
  /** Field-specific wording, "Tiếng Việt / English", instead of the generic messages. */
  messages?: Partial<Record<'required' | 'min' | 'max' | 'forbidden', string>>;
};

/** Characters no free text may contain (after white space is handled). */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/u;
/** The same, for multi-line text: line feed, carriage return and tab are allowed there. */
const FORBIDDEN_MULTILINE = /[^\P{Cc}\n\r\t]|[\p{Cf}\p{Cs}]/u;
const WHITESPACE_RUN = /\s+/gu;
const LINE_END = /\r\n?|[\u2028\u2029\u0085]/g;

const both = (vi: string, en: string): string => `${vi} / ${en}`;
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** NFC, white space tidied and trimmed, as stored; does not check anything. */
export function cleanText(input: string, multiline = false, lineEnds: 'unify' | 'keep' = 'unify'): string {
  const nfc = input.normalize('NFC');
  if (!multiline) return nfc.replace(WHITESPACE_RUN, ' ').trim();
  return (lineEnds === 'keep' ? nfc : nfc.replace(LINE_END, '\n')).trim();
}

/** True when cleaned text still holds a control, invisible format or bidirectional character. */
export function hasForbiddenCharacters(cleaned: string, multiline = false): boolean {
  return (multiline ? FORBIDDEN_MULTILINE : FORBIDDEN).test(cleaned);
}

export function forbiddenCharactersMessage(label: TextLabel): string {
  return both(`${capitalise(label.vi)} chứa ký tự không hợp lệ`, `The ${label.en} contains invalid characters`);
}

/**
 * Validates one free-text value by the rule above; returns the cleaned text or a message
 * ("Tiếng Việt / English"). For code that is not zod-shaped (CSV importers).
 */
export function checkFreeText(input: string, opts: FreeTextOptions): { ok: true; value: string } | { ok: false; message: string } {
  const value = cleanText(input, opts.multiline, opts.lineEnds);
  const min = opts.min ?? 1;
  const { label, messages = {} } = opts;
  if (value === '') return { ok: false, message: messages.required ?? requiredMessage(label) };
  if (hasForbiddenCharacters(value, opts.multiline)) return { ok: false, message: messages.forbidden ?? forbiddenCharactersMessage(label) };
  if (value.length < min) {
    return {
      ok: false,
      message: messages.min ?? both(`${capitalise(label.vi)} cần ít nhất ${min} ký tự`, `The ${label.en} needs at least ${min} characters`),
    };
  }
  if (value.length > opts.max) {
    return {
      ok: false,
      message:
        messages.max ?? both(`${capitalise(label.vi)} tối đa ${opts.max} ký tự`, `The ${label.en} can have at most ${opts.max} characters`),
    };
  }
  return { ok: true, value };
}

const requiredMessage = (label: TextLabel): string => both(`Vui lòng nhập ${label.vi}`, `Please enter the ${label.en}`);

/** A required free-text field (zod): cleaned text out, one message per problem. */
export function freeText(opts: FreeTextOptions) {
  return z.string({ error: opts.messages?.required ?? requiredMessage(opts.label) }).transform((input, ctx) => {
    const checked = checkFreeText(input, opts);
    if (checked.ok) return checked.value;
    ctx.issues.push({ code: 'custom', message: checked.message, input });
    return z.NEVER;
  });
}

/** An optional free-text field: absent, null (a missing query parameter) or blank gives undefined. */
export function optionalFreeText(opts: FreeTextOptions) {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && cleanText(v, opts.multiline) === '') ? undefined : v),
    freeText(opts).optional(),
  );
}
