import { describe, expect, it } from 'vitest';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { GLOSSARY } from '#src/content/glossary.ts';
import { answersFromForm, questionnairePages, toProfile, visibleQuestions } from '#src/domain/framework/questionnaire.ts';
import { allQuestions, frameworkIssues, isScored, questionText, UNKNOWN_ANSWER } from '#src/domain/framework/schema.ts';
import type { Framework, Profile } from '#src/domain/framework/schema.ts';
import { scoreAssessment, validateAnswers } from '#src/domain/scoring/score.ts';
import {
  followUpsOnPage,
  minutesFor,
  neighbourPage,
  oneVoice,
  pagesWithQuestions,
  remainingWork,
  termsIn,
  typicalMinutes,
  unknownAnswers,
} from '#src/domain/framework/presentation.ts';
import { landingPath } from '#src/domain/landing.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';

const sme = getFramework('dbi-sme')!;
const producer = getFramework('producer')!;
const smeProfile: Profile = toProfile({
  sector: 'G',
  employees: 12,
  revenueVnd: 5_000_000_000,
  capitalVnd: null,
  producerType: 'enterprise',
  communeCode: '14011',
});
const household: Profile = toProfile({
  sector: 'A',
  employees: 3,
  revenueVnd: null,
  capitalVnd: null,
  producerType: 'household',
  communeCode: '14011',
});

describe('"Không biết" (I do not know)', () => {
  const scored = allQuestions(sme).filter(isScored);

  it('the form value becomes the stored unknown answer, for every question type', () => {
    const byType = new Map(allQuestions(sme).map((q) => [q.type, q]));
    for (const q of byType.values()) {
      const { set, invalid } = answersFromForm([q], { [`q_${q.id}`]: UNKNOWN_ANSWER });
      expect(set[q.id], q.type).toBe(UNKNOWN_ANSWER);
      expect(invalid).toEqual({});
    }
  });

  it('a number typed next to a ticked "Không biết" wins', () => {
    const q = allQuestions(producer).find((x) => x.type === 'number')!;
    expect(answersFromForm([q], { [`q_${q.id}`]: ['3', UNKNOWN_ANSWER] }).set[q.id]).toBe(3);
  });

  it('is accepted where the framework allows it, refused where it does not', () => {
    const q = scored[0]!;
    expect(validateAnswers(sme, smeProfile, { [q.id]: UNKNOWN_ANSWER }).ok).toBe(true);
    const strict: Framework = { ...sme, allowUnknown: undefined };
    expect(validateAnswers(strict, smeProfile, { [q.id]: UNKNOWN_ANSWER }).ok).toBe(false);
  });

  it('scores exactly like the lowest answer (no answer) on every scored question', () => {
    for (const q of scored) {
      const unknown = scoreAssessment(sme, smeProfile, { [q.id]: UNKNOWN_ANSWER });
      const none = scoreAssessment(sme, smeProfile, {});
      expect(unknown.score, q.id).toBe(none.score);
      expect(unknown.points, q.id).toBe(0);
    }
  });

  it('cannot be ticked together with real options of a multi question', () => {
    const multi = allQuestions(sme).find((q) => q.type === 'multi' && !q.condition)!;
    const option = multi.type === 'multi' ? multi.options.find((o) => !o.exclusive)!.value : '';
    const res = validateAnswers(sme, smeProfile, { [multi.id]: [option, UNKNOWN_ANSWER] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues[0]!.message).toMatch(/Không biết/);
  });

  it('opens no follow-up', () => {
    const followUp = allQuestions(sme).find((q) => q.condition?.field.startsWith('answers.'))!;
    const source = followUp.condition!.field.slice('answers.'.length);
    const page = questionnairePages(sme).find((p) => p.questions.some((q) => q.id === followUp.id))!;
    expect(visibleQuestions(page, smeProfile, { [source]: UNKNOWN_ANSWER }).some((q) => q.id === followUp.id)).toBe(false);
  });

  it('is listed as "to check" in questionnaire order', () => {
    const [a, b] = [scored[3]!, scored[1]!];
    expect(unknownAnswers(sme, smeProfile, { [a.id]: UNKNOWN_ANSWER, [b.id]: UNKNOWN_ANSWER }).map((q) => q.id)).toEqual([b.id, a.id]);
  });

  it('no framework may use the reserved value as an option', () => {
    const q = scored.find((x) => x.type === 'single')!;
    const broken = structuredClone(sme) as Framework;
    const target = broken.pillars.flatMap((p) => p.questions).find((x) => x.id === q.id)!;
    if (target.type === 'single') target.options[1] = { ...target.options[1]!, value: UNKNOWN_ANSWER };
    expect(frameworkIssues(broken).some((i) => i.message.includes('reserved'))).toBe(true);
  });
});

describe('follow-ups and progress', () => {
  it('a follow-up whose trigger is on the same page is rendered (hidden) with it', () => {
    const pages = questionnairePages(sme);
    let found = 0;
    for (const page of pages) {
      const ups = followUpsOnPage(page, smeProfile, {});
      for (const q of ups) {
        const source = q.condition!.field.slice('answers.'.length);
        expect(page.questions.some((x) => x.id === source)).toBe(true);
        found++;
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('minutes left: 15 s a question, rounded up, at least one minute while something is left', () => {
    expect(minutesFor(0)).toBe(0);
    expect(minutesFor(1)).toBe(1);
    expect(minutesFor(4)).toBe(1);
    expect(minutesFor(5)).toBe(2);
    expect(minutesFor(60)).toBe(15);
  });

  it('what is left shrinks as questions are answered and counts from the current page', () => {
    const pages = questionnairePages(producer);
    const first = remainingWork(producer, pages, 1, household, {});
    const q = pages[0]!.questions[0]!;
    const after = remainingWork(producer, pages, 1, household, { [q.id]: UNKNOWN_ANSWER });
    expect(after.unanswered).toBe(first.unanswered - 1);
    expect(remainingWork(producer, pages, pages.length, household, {}).questions).toBeLessThan(first.questions);
    expect(typicalMinutes(producer)).toBeGreaterThan(0);
  });

  it('households never land on the co-operatives’ page', () => {
    const pages = questionnairePages(producer);
    const coop = pages.find((p) => p.sectionId === 'cooperative')!;
    expect(pagesWithQuestions(pages, household, {})).not.toContain(coop.number);
    expect(neighbourPage(pages, household, {}, coop.number - 1, 1)).not.toBe(coop.number);
    expect(neighbourPage(pages, household, {}, coop.number + 1, -1)).not.toBe(coop.number);
    const coopProfile = { ...household, producerType: 'cooperative' as const };
    expect(pagesWithQuestions(pages, coopProfile, {})).toContain(coop.number);
  });
});

describe('one voice', () => {
  it('rewrites the opening subject only', () => {
    expect(oneVoice({ vi: 'Cửa hàng của bạn dùng hóa đơn điện tử?', en: 'x' }, false).vi).toBe(
      'Doanh nghiệp của bạn dùng hóa đơn điện tử?',
    );
    expect(oneVoice({ vi: 'Cửa hàng, kho của bạn quét mã vạch?', en: 'x' }, false).vi).toBe('Doanh nghiệp của bạn quét mã vạch?');
    expect(oneVoice({ vi: 'Doanh nghiệp có quy trình?', en: 'x' }, false).vi).toBe('Doanh nghiệp của bạn có quy trình?');
    expect(oneVoice({ vi: 'Doanh nghiệp của bạn có quy trình?', en: 'x' }, false).vi).toBe('Doanh nghiệp của bạn có quy trình?');
    expect(oneVoice({ vi: 'Cửa hàng của bạn bán gì?', en: 'x' }, true).vi).toBe('Cơ sở của bạn bán gì?');
    expect(oneVoice({ vi: 'Bạn có nhận thanh toán bằng mã QR không?', en: 'x' }, true).vi).toBe('Bạn có nhận thanh toán bằng mã QR không?');
  });

  it('no SME page mixes "Cửa hàng…" or "Công ty…" with "Doanh nghiệp…", in any sector', () => {
    for (const sector of VSIC_CODES) {
      for (const q of allQuestions(sme)) {
        const text = oneVoice(questionText(q, sector), false).vi;
        expect(text, `${sector} ${q.id}`).not.toMatch(/^(Cửa hàng|Công ty)\b/u);
        expect(text, `${sector} ${q.id}`).not.toMatch(/^Doanh nghiệp (?!của bạn)/u);
      }
    }
  });
});

describe('plain words for technical terms', () => {
  it('finds whole terms only: "BI" in a list, not in "biết"; ERP and cloud', () => {
    expect(termsIn(GLOSSARY, ['Bạn có biết không?']).map((t) => t.term)).toEqual([]);
    expect(termsIn(GLOSSARY, ['Công cụ BI, ERP và lưu trữ cloud']).map((t) => t.term)).toEqual(['ERP', 'BI', 'đám mây']);
    expect(termsIn(GLOSSARY, ['ai tự dùng được điện thoại']).map((t) => t.term)).toEqual([]);
  });

  it('every technical term named in the issue is explained where a question uses it', () => {
    const texts = allQuestions(sme).flatMap((q) => [q.text.vi, ...(q.type === 'number' ? [] : q.options.map((o) => o.label.vi))]);
    const explained = new Set(termsIn(GLOSSARY, texts).map((t) => t.term));
    for (const term of ['IoT', 'blockchain', 'ERP', 'LAN', 'NAS', 'VPN', 'RFID', 'BI']) {
      if (texts.some((t) => t.includes(term))) expect(explained, term).toContain(term);
    }
  });
});

describe('landing after login', () => {
  it('each role lands on its workspace', () => {
    expect(landingPath({ role: 'business', businessId: 7 })).toBe('/businesses/7');
    expect(landingPath({ role: 'business', businessId: 7, draftStep: '3' })).toBe('/businesses/7/assessment/3');
    expect(landingPath({ role: 'business', businessId: 7, draftStep: 'profile' })).toBe('/businesses/7/assessment/profile');
    expect(landingPath({ role: 'business', businessId: 7, draftStep: '../x' })).toBe('/businesses/7/assessment');
    expect(landingPath({ role: 'business', businessId: null })).toBe('/takeover');
    expect(landingPath({ role: 'helper', businessId: null })).toBe('/assisted');
    expect(landingPath({ role: 'officer', businessId: null })).toBe('/dashboard');
    expect(landingPath({ role: 'admin', businessId: null })).toBe('/admin');
  });
});
