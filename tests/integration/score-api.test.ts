import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { fetchFramework, questionIndex, type PublicFramework, type PublicQuestion } from '../helpers/assessment.ts';

let server: TestServer;
let sme: PublicFramework;
let producer: PublicFramework;
beforeAll(async () => {
  server = await startServer();
  [sme, producer] = await Promise.all([fetchFramework(server.url, 'dbi-sme'), fetchFramework(server.url, 'producer')]);
});
afterAll(async () => {
  await server?.stop();
});

function score(body: unknown, raw = false): Promise<Response> {
  return fetch(`${server.url}/api/v1/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
}

function bestAnswer(q: PublicQuestion): unknown {
  if (q.type === 'number') return [...q.bands!].sort((a, b) => b.points - a.points)[0]!.min;
  if (q.type === 'multi') return q.options!.filter((o) => o.points > 0).map((o) => o.value);
  return [...q.options!].sort((a, b) => b.points - a.points)[0]!.value;
}

const PROFILE = { sector: 'C', employees: 40, revenueVnd: 30e9 };

describe('GET /api/v1/frameworks', () => {
  it('lists the frameworks and serves their structure', async () => {
    const list = await (await fetch(`${server.url}/api/v1/frameworks`)).json();
    expect(list.frameworks.map((f: { id: string }) => f.id).sort()).toEqual(['dbi-sme', 'producer', 'sme-tools']);
    expect(sme.pillars).toHaveLength(6);
    expect(sme.pillars.reduce((n, p) => n + p.questions.filter((q) => q.scored !== false).length, 0)).toBe(60);
    expect((await fetch(`${server.url}/api/v1/frameworks/nope`)).status).toBe(404);
  });
});

describe('POST /api/v1/score', () => {
  it('scores all-best answers as 100 and level 5, all-empty as 0 and level 0', async () => {
    const answers = Object.fromEntries(
      sme.pillars.flatMap((p) => p.questions.filter((q) => q.scored !== false && !q.condition).map((q) => [q.id, bestAnswer(q)])),
    );
    // Conditional questions: answer them too; the server ignores any whose condition does not hold.
    for (const p of sme.pillars) for (const q of p.questions) if (q.condition && q.scored !== false) answers[q.id] = bestAnswer(q);
    const res = await score({ framework: 'dbi-sme', profile: PROFILE, answers });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ framework: 'dbi-sme', version: 1, score: 100, points: 320, level: 5 });
    // Everything mandatory is covered by the answers: no step-1 recommendation.
    expect(body.recommendations.filter((r: { step: number }) => r.step === 1)).toEqual([]);
    expect(body.levelName.vi).toBe('Dẫn dắt');
    expect(body.pillars).toHaveLength(6);
    const empty = await (await score({ framework: 'dbi-sme', profile: PROFILE, answers: {} })).json();
    expect(empty).toMatchObject({ score: 0, points: 0, level: 0 });
    const einvoice = empty.recommendations.find((r: { need: string }) => r.need === 'e_invoice');
    expect(einvoice).toMatchObject({ step: 1, category: 'finance_accounting' });
    expect(einvoice.platforms.length).toBeGreaterThanOrEqual(2);
    expect(einvoice.reasons.length).toBeGreaterThanOrEqual(1);
    const steps = empty.recommendations.map((r: { step: number }) => r.step);
    expect(steps).toEqual([...steps].sort((a: number, b: number) => a - b));
  });

  it('scores the producer framework', async () => {
    const qs = [...questionIndex(producer).values()].filter((q) => q.scored !== false);
    const answers = Object.fromEntries(qs.map((q) => [q.id, bestAnswer(q)]));
    const body = await (
      await score({ framework: 'producer', profile: { sector: 'A', employees: 3, producerType: 'household' }, answers })
    ).json();
    expect(body.score).toBe(100);
    expect(body.level).toBe(5);
  });

  it.each([
    ['missing framework', { profile: PROFILE, answers: {} }, ['framework']],
    ['unknown framework', { framework: 'x', profile: PROFILE, answers: {} }, ['framework']],
    ['bad sector', { framework: 'dbi-sme', profile: { ...PROFILE, sector: 'Z' }, answers: {} }, ['profile', 'sector']],
    ['string employees', { framework: 'dbi-sme', profile: { ...PROFILE, employees: '40' }, answers: {} }, ['profile', 'employees']],
    ['answers not an object', { framework: 'dbi-sme', profile: PROFILE, answers: [] }, ['answers']],
    ['unknown question', { framework: 'dbi-sme', profile: PROFILE, answers: { no_such_question: 'x' } }, ['answers', 'no_such_question']],
  ])('rejects %s with a field path', async (_label, body, path) => {
    const res = await score(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(typeof json.error).toBe('string');
    expect(json.issues.some((i: { path: unknown[] }) => JSON.stringify(i.path) === JSON.stringify(path))).toBe(true);
  });

  it('rejects an unknown option and a wrong type for a known question', async () => {
    const single = sme.pillars[0]!.questions.find((q) => q.type === 'single')!;
    const bad = await (await score({ framework: 'dbi-sme', profile: PROFILE, answers: { [single.id]: 'nope' } })).json();
    expect(bad.issues[0].path).toEqual(['answers', single.id]);
    const wrongType = await score({ framework: 'dbi-sme', profile: PROFILE, answers: { [single.id]: 42 } });
    expect(wrongType.status).toBe(400);
  });

  it('never answers 500 to fuzzed JSON', async () => {
    // Deterministic fuzz: random JSON shapes around the real body.
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids = [...questionIndex(sme).keys()];
    const atoms = [
      null,
      true,
      false,
      0,
      -1,
      1e308,
      -1e308,
      3.5,
      '',
      'x',
      '\u0000',
      'Đ',
      [],
      {},
      [1, 'a'],
      { a: 1 },
      '__proto__',
      'constructor',
    ];
    const anyValue = (depth: number): unknown => {
      const r = rnd();
      if (depth > 2 || r < 0.6) return atoms[Math.floor(rnd() * atoms.length)];
      if (r < 0.8) return Array.from({ length: Math.floor(rnd() * 4) }, () => anyValue(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rnd() * 4) }, () => [ids[Math.floor(rnd() * ids.length)]!, anyValue(depth + 1)]),
      );
    };
    const bodies: unknown[] = [];
    for (let i = 0; i < 150; i++) {
      const answers: Record<string, unknown> = {};
      for (let k = 0; k < 5; k++) answers[rnd() < 0.8 ? ids[Math.floor(rnd() * ids.length)]! : '__proto__'] = anyValue(0);
      bodies.push(
        rnd() < 0.3
          ? anyValue(0)
          : {
              framework: rnd() < 0.8 ? 'dbi-sme' : anyValue(1),
              profile: rnd() < 0.7 ? PROFILE : anyValue(1),
              answers: rnd() < 0.9 ? answers : anyValue(1),
            },
      );
    }
    for (const body of bodies) {
      const res = await score(body);
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBeLessThan(500);
      expect([200, 400]).toContain(res.status);
    }
    for (const raw of ['{', 'null', '[]', '"x"', '{"framework":', '\u0000', '{"a":1}'.repeat(1000)]) {
      const res = await score(raw, true);
      expect(res.status, raw.slice(0, 40)).toBe(400);
    }
    const huge = await score('{"framework":"' + 'a'.repeat(200 * 1024) + '"}', true);
    expect(huge.status).toBe(413);
    const notJson = await fetch(`${server.url}/api/v1/score`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect([400, 403]).toContain(notJson.status);
  });
});
