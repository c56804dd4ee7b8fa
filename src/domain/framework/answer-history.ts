/**
 * The change history of a business's answers, as people read it: option labels instead of codes,
 * and one entry per questionnaire page per sitting instead of one row per autosave.
 *
 * Pure: events and frameworks in, entries out (newest first).
 */
import { questionnairePages } from './questionnaire.ts';
import type { Framework, Localized, Question } from './schema.ts';

/** Autosaves of one person on one page less than this apart belong to one sitting. */
export const SITTING_GAP_MS = 30 * 60 * 1000;

export interface AnswerEventRow {
  /** Epoch milliseconds. */
  at: number;
  actor: string | null;
  role: string | null;
  frameworkId: string;
  /** The assessment's sequence number for its business. */
  seq: number;
  question: string;
  /** The stored JSON text of the answer; null when it was cleared. */
  value: string | null;
}

export interface HistoryChange {
  question: string;
  text: Localized;
  answer: Localized;
}

export interface HistoryEntry {
  seq: number;
  /** 1-based questionnaire page, or null for a question the framework no longer has. */
  page: number | null;
  pageTitle: Localized | null;
  actor: string | null;
  role: string | null;
  from: number;
  to: number;
  /** The last answer given to each question in the sitting, in page order. */
  changes: HistoryChange[];
}

type Located = { page: number; title: Localized; order: number; question: Question };

function locate(frameworks: readonly Framework[]): Map<string, Map<string, Located>> {
  const out = new Map<string, Map<string, Located>>();
  for (const fw of frameworks) {
    const m = new Map<string, Located>();
    let order = 0;
    for (const page of questionnairePages(fw)) {
      for (const q of page.questions) m.set(q.id, { page: page.number, title: page.title, order: order++, question: q });
    }
    out.set(fw.id, m);
  }
  return out;
}

const CLEARED: Localized = { vi: '(bỏ trống)', en: '(cleared)' };

/** An answer in words: option labels for choices, the number with its unit, the raw value as a last resort. */
export function answerLabel(question: Question | undefined, json: string | null): Localized {
  if (json === null) return CLEARED;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { vi: json, en: json };
  }
  const one = (v: unknown): Localized => {
    if (question && question.type !== 'number') {
      const opt = (question.options as readonly { value: unknown; label: Localized }[]).find((o) => o.value === v);
      if (opt) return opt.label;
    }
    if (question?.type === 'number' && typeof v === 'number' && question.unit) {
      return { vi: `${v} ${question.unit.vi}`, en: `${v} ${question.unit.en}` };
    }
    return { vi: String(v), en: String(v) };
  };
  if (Array.isArray(value)) {
    if (value.length === 0) return { vi: '(không chọn)', en: '(none selected)' };
    const parts = value.map(one);
    return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
  }
  return one(value);
}

export function collapseAnswerEvents(
  events: readonly AnswerEventRow[],
  frameworks: readonly Framework[],
  gapMs = SITTING_GAP_MS,
): HistoryEntry[] {
  const where = locate(frameworks);
  const sorted = [...events].sort((a, b) => a.at - b.at);
  type Open = { frameworkId: string; entry: HistoryEntry; last: Map<string, { at: number; value: string | null; order: number }> };
  const open = new Map<string, Open>();
  const done: Open[] = [];
  for (const e of sorted) {
    const loc = where.get(e.frameworkId)?.get(e.question);
    const key = `${e.seq}|${loc?.page ?? e.question}|${e.actor ?? ''}|${e.role ?? ''}`;
    let cur = open.get(key);
    if (cur && e.at - cur.entry.to >= gapMs) cur = undefined;
    if (!cur) {
      cur = {
        frameworkId: e.frameworkId,
        entry: {
          seq: e.seq,
          page: loc?.page ?? null,
          pageTitle: loc?.title ?? null,
          actor: e.actor,
          role: e.role,
          from: e.at,
          to: e.at,
          changes: [],
        },
        last: new Map(),
      };
      open.set(key, cur);
      done.push(cur);
    }
    cur.entry.to = e.at;
    cur.last.set(e.question, { at: e.at, value: e.value, order: loc?.order ?? Number.MAX_SAFE_INTEGER });
  }
  for (const o of done) {
    const fwMap = (q: string) => where.get(o.frameworkId)?.get(q);
    o.entry.changes = [...o.last.entries()]
      .sort((a, b) => a[1].order - b[1].order)
      .map(([question, v]) => {
        const loc = fwMap(question);
        return { question, text: loc?.question.text ?? { vi: question, en: question }, answer: answerLabel(loc?.question, v.value) };
      });
  }
  return done.map((o) => o.entry).sort((a, b) => b.to - a.to);
}
