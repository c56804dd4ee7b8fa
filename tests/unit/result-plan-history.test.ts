/**
 * The result page's lead actions and the answer history in words (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { firstActions, isMandatoryNeed, FIRST_ACTIONS_MAX } from '#src/domain/recommendations/first-actions.ts';
import { NEED_STEPS, NEEDS } from '#src/domain/platforms/schema.ts';
import { answerLabel, collapseAnswerEvents, SITTING_GAP_MS, type AnswerEventRow } from '#src/domain/framework/answer-history.ts';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { allQuestions } from '#src/domain/framework/schema.ts';
import { questionnairePages } from '#src/domain/framework/questionnaire.ts';

describe('first actions', () => {
  const catalog = [
    { id: 'with-trial', freeTrial: { vi: '30 ngày', en: '30 days' } },
    { id: 'no-trial', freeTrial: undefined },
  ];
  it('at most three, in plan order; mandatory → "done", a free trial → "trial", else → "help"', () => {
    const items = [
      { need: 'e_invoice' as const, platforms: ['with-trial'] },
      { need: 'cashless_payment' as const, platforms: ['no-trial', 'with-trial'] },
      { need: 'online_presence' as const, platforms: ['no-trial'] },
      { need: 'accounting' as const, platforms: ['with-trial'] },
    ];
    expect(firstActions(items, catalog)).toEqual([
      { need: 'e_invoice', kind: 'done' },
      { need: 'cashless_payment', kind: 'trial', platform: 'with-trial' },
      { need: 'online_presence', kind: 'help' },
    ]);
    expect(FIRST_ACTIONS_MAX).toBe(3);
    expect(firstActions([], catalog)).toEqual([]);
  });
  it('the mandatory needs are exactly the step-1 needs: e-invoice, e-tax, digital signature', () => {
    expect(NEEDS.filter((n) => isMandatoryNeed(n.id)).map((n) => n.id)).toEqual(['e_invoice', 'e_tax', 'digital_signature']);
    expect(isMandatoryNeed('nope')).toBe(false);
  });
  it('step names are natural Vietnamese, not the calque "Không hối tiếc"', () => {
    expect(Object.values(NEED_STEPS).map((s) => s.vi)).toEqual([
      'Bắt buộc theo quy định',
      'Nên làm ngay',
      'Tăng hiệu quả',
      'Tạo giá trị mới',
    ]);
  });
});

describe('answer history', () => {
  const sme = getFramework('dbi-sme')!;
  const pages = questionnairePages(sme);
  const single = allQuestions(sme).find((q) => q.type === 'single')!;
  const multi = allQuestions(sme).find((q) => q.type === 'multi');
  const pageOf = (id: string) => pages.find((p) => p.questions.some((q) => q.id === id))!.number;
  const t0 = Date.UTC(2026, 0, 5, 2, 0, 0);
  const ev = (at: number, question: string, value: unknown, actor = 'Chủ cửa hàng'): AnswerEventRow => ({
    at,
    actor,
    role: 'business',
    frameworkId: 'dbi-sme',
    seq: 1,
    question,
    value: value === null ? null : JSON.stringify(value),
  });

  it('shows option labels, never raw codes like g3', () => {
    const opt = single.type === 'single' ? single.options[1]! : undefined;
    expect(answerLabel(single, JSON.stringify(opt!.value))).toEqual(opt!.label);
    if (multi && multi.type === 'multi') {
      const [a, b] = multi.options;
      expect(answerLabel(multi, JSON.stringify([a!.value, b!.value])).vi).toBe(`${a!.label.vi}; ${b!.label.vi}`);
    }
    expect(answerLabel(single, null).vi).toBe('(bỏ trống)');
    expect(answerLabel(undefined, '"g3"').vi).toBe('g3'); // a question the framework no longer has: the value as stored
  });

  it('autosaves of one sitting on one page collapse into one entry with the last answer', () => {
    const opts = single.type === 'single' ? single.options : [];
    const events = [
      ev(t0, single.id, opts[0]!.value),
      ev(t0 + 5_000, single.id, opts[1]!.value),
      ev(t0 + 60_000, single.id, opts[2]!.value),
    ];
    const entries = collapseAnswerEvents(events, [sme]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.page).toBe(pageOf(single.id));
    expect(entries[0]!.changes).toEqual([{ question: single.id, text: single.text, answer: opts[2]!.label }]);
    expect([entries[0]!.from, entries[0]!.to]).toEqual([t0, t0 + 60_000]);
  });

  it('a new sitting, another page or another person makes a new entry; newest first', () => {
    const other = pages[1]!.questions[0]!;
    const opts = single.type === 'single' ? single.options : [];
    const events = [
      ev(t0, single.id, opts[0]!.value),
      ev(t0 + SITTING_GAP_MS + 1, single.id, opts[1]!.value),
      ev(t0 + SITTING_GAP_MS + 2, other.id, null),
      ev(t0 + SITTING_GAP_MS + 3, single.id, opts[2]!.value, 'Cán bộ xã'),
    ];
    const entries = collapseAnswerEvents(events, [sme]);
    expect(entries).toHaveLength(4);
    expect(entries[0]!.actor).toBe('Cán bộ xã');
    expect(entries.at(-1)!.from).toBe(t0);
  });

  it('property: 139 autosaves on six pages in one sitting are at most one entry per page', () => {
    const ids = pages.slice(0, 6).map((p) => p.questions[0]!);
    const events = Array.from({ length: 139 }, (_, i) => ev(t0 + i * 20_000, ids[i % ids.length]!.id, null));
    const entries = collapseAnswerEvents(events, [sme]);
    expect(entries.length).toBe(new Set(ids.map((q) => pageOf(q.id))).size);
  });
});
