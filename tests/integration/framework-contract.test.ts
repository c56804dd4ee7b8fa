// The public framework documents tell the whole rule: requests built from what the API publishes alone
// (GET /api/v1/frameworks, GET /api/v1/frameworks/{id}, the OpenAPI document) are always accepted, and breaking a
// published rule is always refused. No module of the portal is imported here on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

type Option = { value: string | boolean; points: number; exclusive?: true };
type Question = {
  id: string;
  type: 'single' | 'multi' | 'boolean' | 'number';
  options?: Option[];
  min?: number;
  max?: number;
  integer?: true;
  cap?: number;
  condition?: { field: string; in: unknown[] };
};
type Document = {
  id: string;
  answerRules: Record<string, string>;
  pillars: { questions: Question[] }[];
  extraSections: { questions: Question[] }[];
};
type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  type?: string | string[];
};

let server: TestServer;
let documents: Document[];
let profileSchema: Record<string, JsonSchema>;

beforeAll(async () => {
  server = await startServer();
  const list = (await (await fetch(`${server.url}/api/v1/frameworks`)).json()) as { frameworks: { id: string }[] };
  documents = await Promise.all(
    list.frameworks.map(async (f) => (await (await fetch(`${server.url}/api/v1/frameworks/${f.id}`)).json()) as Document),
  );
  const openapi = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
    components: { schemas: Record<string, JsonSchema> };
  };
  profileSchema = openapi.components.schemas.ScoreRequest!.properties!.profile!.properties!;
});
afterAll(async () => {
  await server?.stop();
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Gen = ReturnType<typeof generator>;

function randomProfile(g: Gen): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  profile.sector = g.pick(profileSchema.sector!.enum!);
  profile.employees = g.int(0, 300);
  if (g.next() < 0.8) profile.revenueVnd = g.int(0, 400) * 1e9;
  if (profileSchema.producerType?.enum && g.next() < 0.7) profile.producerType = g.pick(profileSchema.producerType.enum);
  return profile;
}

/** Does a published condition hold, read the way the document's answerRules say? */
function applies(q: Question, profile: Record<string, unknown>, answers: Record<string, unknown>): boolean {
  if (!q.condition) return true;
  const [kind, name] = q.condition.field.split('.', 2) as [string, string];
  const value = kind === 'profile' ? profile[name] : answers[name];
  if (value === undefined) return false;
  return Array.isArray(value) ? value.some((v) => q.condition!.in.includes(v)) : q.condition.in.includes(value);
}

function randomAnswer(q: Question, g: Gen): unknown {
  switch (q.type) {
    case 'number':
      return g.int(q.min!, q.max!);
    case 'boolean':
      return g.next() < 0.5;
    case 'single':
      return g.pick(q.options!).value;
    case 'multi': {
      const exclusive = q.options!.filter((o) => o.exclusive);
      if (exclusive.length && g.next() < 0.25) return [g.pick(exclusive).value];
      const others = q.options!.filter((o) => !o.exclusive);
      const chosen = others.filter(() => g.next() < 0.5).map((o) => o.value);
      return chosen.length ? chosen : [others[0]!.value];
    }
  }
}

function randomAnswers(doc: Document, profile: Record<string, unknown>, g: Gen): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of [...doc.pillars, ...doc.extraSections].flatMap((s) => s.questions)) {
    if (!applies(q, profile, answers) || g.next() < 0.1) continue;
    answers[q.id] = randomAnswer(q, g);
  }
  return answers;
}

async function score(framework: string, profile: unknown, answers: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ framework, profile, answers }),
  });
}

describe('the public framework document tells the whole rule', () => {
  it('every framework publishes its answer rules and marks its exclusive options', () => {
    expect(documents.length).toBeGreaterThanOrEqual(2);
    for (const doc of documents) {
      expect(Object.keys(doc.answerRules).sort()).toEqual(['answers', 'boolean', 'condition', 'multi', 'number', 'single', 'unknown']);
      for (const q of [...doc.pillars, ...doc.extraSections].flatMap((s) => s.questions))
        if (q.type === 'number') expect(q.integer, q.id).toBe(true);
    }
    // "Chưa dùng công cụ nào" on the producer's p_tools was dropped from the document before.
    const producer = documents.find((d) => d.id === 'producer')!;
    const tools = producer.pillars.flatMap((p) => p.questions).find((q) => q.id === 'p_tools')!;
    expect(tools.options!.filter((o) => o.exclusive).map((o) => o.value)).toEqual(['none']);
  });

  it('answer sets generated from the public documents alone all score with 200, for every framework', async () => {
    for (const doc of documents) {
      const g = generator(2026 + doc.id.length);
      for (let i = 0; i < 60; i++) {
        const profile = randomProfile(g);
        const answers = randomAnswers(doc, profile, g);
        const res = await score(doc.id, profile, answers);
        const context = `${doc.id} #${i} ${JSON.stringify({ profile, answers })}`;
        if (res.status !== 200) expect(await res.text(), context).toBe('');
        expect(res.status, context).toBe(200);
      }
    }
  });

  it('breaking a published rule is refused with 400 and a path: exclusive combined, a fraction, out of range, an unknown option', async () => {
    for (const doc of documents) {
      const questions = [...doc.pillars, ...doc.extraSections].flatMap((s) => s.questions).filter((q) => !q.condition);
      const profile = { sector: 'G', employees: 3, revenueVnd: 1e9, producerType: doc.id === 'producer' ? 'cooperative' : 'enterprise' };
      const multi = questions.find((q) => q.type === 'multi' && q.options!.some((o) => o.exclusive));
      if (multi) {
        const other = multi.options!.find((o) => !o.exclusive)!.value;
        const res = await score(doc.id, profile, { [multi.id]: [multi.options!.find((o) => o.exclusive)!.value, other] });
        expect(res.status, `${doc.id} ${multi.id}`).toBe(400);
      }
      const number = questions.find((q) => q.type === 'number');
      if (number) {
        for (const bad of [number.min! + 0.5, number.max! + 1]) {
          const res = await score(doc.id, profile, { [number.id]: bad });
          expect(res.status, `${doc.id} ${number.id} ${bad}`).toBe(400);
          expect(JSON.stringify(await res.json())).toContain(number.id);
        }
      }
      // A framework whose single questions all follow an earlier answer (sme-tools: "do the tools exchange data")
      // is tested through one of them, with the answer its published condition asks for.
      const all = [...doc.pillars, ...doc.extraSections].flatMap((s) => s.questions);
      const single =
        questions.find((q) => q.type === 'single') ??
        all.find(
          (q) =>
            q.type === 'single' &&
            q.condition?.field.startsWith('answers.') &&
            questions.some((r) => r.id === q.condition!.field.slice('answers.'.length)),
        )!;
      const setup: Record<string, unknown> = {};
      if (single.condition) {
        const source = questions.find((r) => r.id === single.condition!.field.slice('answers.'.length))!;
        setup[source.id] = source.type === 'multi' ? [single.condition.in[0]] : single.condition.in[0];
      }
      expect((await score(doc.id, profile, setup)).status, `${doc.id} setup`).toBe(200);
      const refused = await score(doc.id, profile, { ...setup, [single.id]: 'not-an-option' });
      expect(refused.status, `${doc.id} ${single.id}`).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain(single.id);
    }
  });
});
