/**
 * The tool-inventory framework (sme-tools): structure, the worked examples of docs/frameworks.md, and the
 * properties its rule promises (bounds, monotonic in tools and in links, determinism), plus the plan it feeds.
 */
import { describe, expect, it } from 'vitest';
import { getFramework } from '#src/content/frameworks/registry.ts';
import { PLATFORM_CATALOG, getCatalogPlatform } from '#src/content/platforms/index.ts';
import { allQuestions, type Answers, type Framework, type MultiQuestion, type Profile } from '#src/domain/framework/schema.ts';
import { questionnairePages, toProfile } from '#src/domain/framework/questionnaire.ts';
import { applicableQuestions, scoreAssessment, validateAnswers } from '#src/domain/scoring/score.ts';
import { linkQuestionId, NO_TOOL, OTHER_TOOL, TOOL_FUNCTIONS, toolQuestionId, toolValues } from '#src/domain/framework/tool-inventory.ts';
import { recommend } from '#src/domain/recommendations/engine.ts';
import { NEEDS } from '#src/domain/platforms/schema.ts';
import { VSIC_CODES } from '#src/reference/vsic.ts';

const tools: Framework = getFramework('sme-tools')!;

const profileOf = (sector: string, employees = 3): Profile =>
  toProfile({ sector, employees, revenueVnd: 2e9, capitalVnd: null, producerType: 'enterprise', communeCode: '25000' });

const fn = (key: string) => TOOL_FUNCTIONS.find((f) => f.key === key)!;

describe('sme-tools: structure', () => {
  it('is the local SME framework with its sources, scored against what the profile is asked', () => {
    expect(tools.meta.status).toBe('local');
    expect(tools.meta.sources.length).toBeGreaterThan(0);
    expect(tools.maximum).toBe('profile');
    expect(tools.pillars.map((p) => [p.id, p.weight])).toEqual([
      ['tools', 2],
      ['links', 1],
    ]);
  });

  it('has a common part and sector modules for G, C, A, I, H and F, shown by the profile’s sector', () => {
    const sectors = new Set(TOOL_FUNCTIONS.flatMap((f) => (f.sector ? [f.sector] : [])));
    expect([...sectors].sort()).toEqual(['A', 'C', 'F', 'G', 'H', 'I']);
    expect(TOOL_FUNCTIONS.filter((f) => !f.sector).map((f) => f.key)).toEqual([
      'sell',
      'pay',
      'invoice',
      'accounting',
      'customers',
      'staff',
      'stock',
      'data',
    ]);
    for (const f of TOOL_FUNCTIONS.filter((x) => x.sector)) {
      const q = allQuestions(tools).find((x) => x.id === toolQuestionId(f))!;
      expect(q.condition).toEqual({ field: 'profile.sector', in: [f.sector] });
    }
  });

  it('every answer names a catalog tool, "another tool" or "none yet"; "none yet" cannot be combined', () => {
    for (const f of TOOL_FUNCTIONS) {
      const q = allQuestions(tools).find((x) => x.id === toolQuestionId(f)) as MultiQuestion;
      expect(q.type).toBe('multi');
      for (const o of q.options) {
        if (o.value === NO_TOOL) expect(o.exclusive).toBe(true);
        else if (o.value !== OTHER_TOOL && o.value !== 'spreadsheet') expect(getCatalogPlatform(o.value), o.value).toBeDefined();
      }
      expect(q.options.map((o) => o.value)).toEqual([...toolValues(f), NO_TOOL]);
      expect(q.why.vi.length).toBeGreaterThan(20);
    }
  });

  it('a function without a tool maps to needs the catalog has platforms for', () => {
    const needs = new Set(NEEDS.map((n) => n.id));
    for (const f of TOOL_FUNCTIONS)
      for (const need of f.needs) {
        expect(needs.has(need), need).toBe(true);
        expect(
          PLATFORM_CATALOG.some((p) => p.needs.includes(need)),
          need,
        ).toBe(true);
      }
  });

  it.each(VSIC_CODES.map((s) => [s]))(
    'sector %s: at most 30 questions even when every function has a tool, on at most 2 pages',
    (sector) => {
      const profile = profileOf(sector);
      const everything: Record<string, unknown> = {};
      for (const f of TOOL_FUNCTIONS) everything[toolQuestionId(f)] = [OTHER_TOOL];
      const shown = applicableQuestions(tools, profile, everything as Answers);
      expect(shown.length).toBeLessThanOrEqual(30);
      const pages = questionnairePages(tools, profile);
      expect(pages.length).toBeLessThanOrEqual(2);
      // Pages hold only questions this profile can be shown.
      const ids = new Set(shown.map((q) => q.id));
      for (const p of pages) for (const q of p.questions) expect(ids.has(q.id), q.id).toBe(true);
    },
  );

  it('a retail micro shop is asked 10 tool questions and at most 10 link questions', () => {
    const profile = profileOf('G', 2);
    expect(profile.sizeClass).toBe('micro');
    const pages = questionnairePages(tools, profile);
    expect(pages.map((p) => p.questions.length)).toEqual([10, 10]);
    expect(applicableQuestions(tools, profile, {}).length).toBe(10);
  });
});

// ---------------------------------------------------------------------------
// Worked examples (docs/frameworks.md)
// ---------------------------------------------------------------------------

describe('sme-tools: worked examples of docs/frameworks.md', () => {
  it('A. retail micro shop: 7 of 10 jobs with a tool, 6 of 20 link points → 56.67, level 2', () => {
    const answers: Answers = {
      t_sell: ['kiotviet'],
      t_pay: ['vietqr-napas'],
      t_invoice: ['viettel-sinvoice'],
      t_accounting: [NO_TOOL],
      t_customers: ['zalo-oa'],
      t_staff: [NO_TOOL],
      t_stock: ['kiotviet'],
      t_data: [NO_TOOL],
      t_g_online: ['shopee'],
      t_g_delivery: ['ghtk'],
      l_sell: 'auto',
      l_pay: 'manual',
      l_invoice: 'file',
      l_customers: 'manual',
      l_stock: 'auto',
      l_g_online: 'manual',
      l_g_delivery: 'file',
    };
    const profile = profileOf('G', 2);
    expect(validateAnswers(tools, profile, answers).ok).toBe(true);
    const r = scoreAssessment(tools, profile, answers);
    expect(r.pillars.map((p) => [p.id, p.points, p.maxPoints, p.score, p.level])).toEqual([
      ['tools', 7, 10, 70, 3],
      ['links', 6, 20, 30, 1],
    ]);
    expect(r.score).toBe(56.67);
    // Level 3 needs both pillars at level 3: the links are not there yet.
    expect(r.level).toBe(2);
    expect(r.levelName.vi).toBe('Công cụ số cho việc chính');
  });

  it('B. a workshop with no tool at all → 0, level 0', () => {
    const answers = Object.fromEntries(TOOL_FUNCTIONS.map((f) => [toolQuestionId(f), [NO_TOOL]]));
    const r = scoreAssessment(tools, profileOf('C', 12), answers);
    expect([r.score, r.level, r.maxPoints]).toEqual([0, 0, 30]);
  });

  it('C. a café with a tool for every job, all linked automatically → 100, level 4', () => {
    const answers: Record<string, unknown> = {};
    for (const f of TOOL_FUNCTIONS) {
      answers[toolQuestionId(f)] = [f.tools[0] ?? OTHER_TOOL];
      answers[linkQuestionId(f)] = 'auto';
    }
    const r = scoreAssessment(tools, profileOf('I', 6), answers as Answers);
    expect([r.score, r.level, r.points, r.maxPoints]).toEqual([100, 4, 30, 30]);
  });

  it('D. a service firm outside the six modules: only the 8 common jobs count → 37.5, level 2', () => {
    const answers: Answers = {
      t_sell: [OTHER_TOOL],
      t_pay: ['momo'],
      t_invoice: ['misa-meinvoice'],
      l_sell: 'auto',
      l_pay: 'auto',
      l_invoice: 'auto',
    };
    const r = scoreAssessment(tools, profileOf('M', 4), answers);
    expect(r.pillars.map((p) => [p.points, p.maxPoints, p.score])).toEqual([
      [3, 8, 37.5],
      [6, 16, 37.5],
    ]);
    expect([r.score, r.level]).toEqual([37.5, 2]);
  });

  it('another sector’s module never counts: the same answers score the same in G with the G module unused', () => {
    const base: Answers = { t_sell: ['sapo'], t_pay: ['vnpay'] };
    // Answers to the C module are ignored for a shop in G (not applicable), and C is out of its maximum.
    const withForeign = { ...base, t_c_production: ['odoo'], l_c_production: 'auto' };
    expect(scoreAssessment(tools, profileOf('G'), withForeign)).toEqual(scoreAssessment(tools, profileOf('G'), base));
    expect(scoreAssessment(tools, profileOf('G'), base).maxPoints).toBe(30);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINKS = ['manual', 'file', 'auto'] as const;

function randomCase(rnd: () => number): { profile: Profile; answers: Record<string, unknown> } {
  const sector = ['G', 'C', 'A', 'I', 'H', 'F', 'M', 'S'][Math.floor(rnd() * 8)]!;
  const answers: Record<string, unknown> = {};
  for (const f of TOOL_FUNCTIONS) {
    const r = rnd();
    if (r < 0.15) continue;
    if (r < 0.45) {
      answers[toolQuestionId(f)] = [NO_TOOL];
      continue;
    }
    const values = toolValues(f);
    answers[toolQuestionId(f)] = values
      .filter(() => rnd() < 0.3)
      .concat(values[0]!)
      .filter((v, i, a) => a.indexOf(v) === i);
    if (rnd() < 0.8) answers[linkQuestionId(f)] = LINKS[Math.floor(rnd() * 3)];
  }
  return { profile: profileOf(sector, 1 + Math.floor(rnd() * 80)), answers };
}

describe('sme-tools: properties (seeded)', () => {
  const rnd = mulberry32(1970);
  const cases = Array.from({ length: 250 }, () => randomCase(rnd));
  const valid = (profile: Profile, answers: Record<string, unknown>) => {
    const v = validateAnswers(tools, profile, answers);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    return v.answers;
  };

  it('bounds: score in [0, 100], pillar scores in [0, 100], level in [0, 4]', () => {
    for (const c of cases) {
      const r = scoreAssessment(tools, c.profile, valid(c.profile, c.answers));
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      for (const p of r.pillars) expect(p.score >= 0 && p.score <= 100).toBe(true);
      expect(r.level >= 0 && r.level <= 4).toBe(true);
    }
  });

  it('monotonic in tools: giving a job without a tool a tool never lowers the score or level', () => {
    for (const c of cases) {
      const before = scoreAssessment(tools, c.profile, valid(c.profile, c.answers));
      for (const f of TOOL_FUNCTIONS) {
        const current = c.answers[toolQuestionId(f)];
        if (Array.isArray(current) && !current.includes(NO_TOOL)) continue;
        const more = { ...c.answers, [toolQuestionId(f)]: [f.tools[0]!] };
        const after = scoreAssessment(tools, c.profile, valid(c.profile, more));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.level).toBeGreaterThanOrEqual(before.level);
      }
    }
  });

  it('monotonic in links: a better link answer never lowers the score or level', () => {
    for (const c of cases) {
      const before = scoreAssessment(tools, c.profile, valid(c.profile, c.answers));
      for (const f of TOOL_FUNCTIONS) {
        const current = c.answers[linkQuestionId(f)] as (typeof LINKS)[number] | undefined;
        const tool = c.answers[toolQuestionId(f)];
        if (!Array.isArray(tool) || tool.includes(NO_TOOL)) continue;
        const from = current === undefined ? -1 : LINKS.indexOf(current);
        for (const better of LINKS.slice(from + 1)) {
          const after = scoreAssessment(tools, c.profile, valid(c.profile, { ...c.answers, [linkQuestionId(f)]: better }));
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.level).toBeGreaterThanOrEqual(before.level);
        }
      }
    }
  });

  it('deterministic: the same answers always give the same result, whatever their key order', () => {
    for (const c of cases.slice(0, 100)) {
      const a = valid(c.profile, c.answers);
      const reversed = Object.fromEntries(Object.entries(a).reverse());
      expect(scoreAssessment(tools, c.profile, reversed)).toEqual(scoreAssessment(tools, c.profile, a));
    }
  });
});

describe('sme-tools: every job without a tool feeds the plan', () => {
  it('a shop with no tool gets the needs of every job, each with catalog platforms of that category', () => {
    const profile = profileOf('G', 2);
    const answers = Object.fromEntries(TOOL_FUNCTIONS.map((f) => [toolQuestionId(f), [NO_TOOL]]));
    const plan = recommend({ framework: tools, profile, answers, catalog: PLATFORM_CATALOG });
    const needs = new Set(plan.items.map((i) => i.need));
    for (const f of TOOL_FUNCTIONS.filter((x) => !x.sector || x.sector === 'G'))
      for (const need of f.needs) if (need !== 'hr' && need !== 'erp') expect(needs.has(need), `${f.key} → ${need}`).toBe(true);
    // Another sector's job is not this shop's need.
    expect(needs.has('farm_ocop_floor')).toBe(false);
    for (const item of plan.items) expect(item.platforms.length).toBeGreaterThan(0);
  });

  it('a job with a tool is done, not recommended', () => {
    const profile = profileOf('G', 2);
    const plan = recommend({
      framework: tools,
      profile,
      answers: { t_invoice: ['viettel-sinvoice'], t_pay: [OTHER_TOOL] },
      catalog: PLATFORM_CATALOG,
    });
    const items = new Set(plan.items.map((i) => i.need));
    for (const need of ['e_invoice', 'e_tax', 'cashless_payment'] as const) {
      expect(items.has(need)).toBe(false);
      expect(plan.done.some((d) => d.need === need)).toBe(true);
    }
    expect(fn('invoice').needs).toEqual(['e_invoice', 'e_tax']);
  });
});
