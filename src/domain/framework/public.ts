import type { Framework } from './schema.ts';

/** The public JSON shape of a framework (GET /api/v1/frameworks/{id}). */
export function publicFramework(fw: Framework) {
  return {
    id: fw.id,
    version: fw.version,
    title: fw.title,
    levels: fw.levels.map((l) => ({ level: l.level, minScore: l.minScore, minPillars: l.minPillars, name: l.name })),
    pillarLevels: fw.pillarLevels.map((l) => ({ level: l.level, minScore: l.minScore })),
    pillars: fw.pillars.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      questions: p.questions.map((q) => ({
        id: q.id,
        type: q.type,
        text: q.text,
        ...(q.type === 'number'
          ? { min: q.min, max: q.max, bands: q.bands }
          : { options: q.options.map((o) => ({ value: o.value, points: o.points, label: o.label })) }),
        ...(q.condition ? { condition: q.condition } : {}),
        ...(q.scored === false ? { scored: false } : {}),
      })),
    })),
    extraSections: (fw.extraSections ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      questions: s.questions.map((q) => ({
        id: q.id,
        type: q.type,
        text: q.text,
        ...(q.type === 'number' ? { min: q.min, max: q.max } : { options: q.options.map((o) => ({ value: o.value, points: o.points, label: o.label })) }),
      })),
    })),
  };
}
