import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { bestFormValue, fetchFramework, questionIndex, shownIds, type PublicFramework } from '../helpers/assessment.ts';

// The questionnaire's background save (a page POST with `x-autosave: 1`) answers in JSON, never cached,
// and keeps the person on the page they are filling in.

let server: TestServer;
let sme: PublicFramework;
beforeAll(async () => {
  server = await startServer();
  sme = await fetchFramework(server.url, 'dbi-sme');
});
afterAll(async () => {
  await server?.stop();
});

async function commune(): Promise<string> {
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1 OFFSET 3");
  return String(rs.rows[0]!.code);
}

/** A business with a draft whose profile is filled in, on page 1. */
async function draftOnPage1(prefix: string, email: string): Promise<{ c: Browserless; id: number }> {
  const c = new Browserless(server.url);
  const res = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Công ty TNHH Lưu Nháp ${prefix}`,
    communeCode: await commune(),
    login: email,
    password: 'mat-khau-thu-1',
    consent: 'yes',
  });
  expect(res.status).toBe(303);
  const id = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
  expect((await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' })).status).toBe(303);
  const profile = await c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'G',
    producerType: 'enterprise',
    employees: '12',
    revenueMillion: '8000',
    capitalMillion: '',
    communeCode: await commune(),
  });
  expect(profile.status).toBe(303);
  return { c, id };
}

async function draftRow(id: number) {
  const rs = await server.db.execute({
    sql: "SELECT answers, current_step FROM assessments WHERE business_id = ? AND status = 'draft'",
    args: [id],
  });
  return { answers: JSON.parse(String(rs.rows[0]!.answers)) as Record<string, unknown>, step: String(rs.rows[0]!.current_step) };
}

describe('autosave of a questionnaire page', () => {
  it('valid answers → 200 JSON {saved, issues: []}, not cached, answers stored, the step stays on the page', async () => {
    const { c, id } = await draftOnPage1('083100001', 'autosave-ok@example.com');
    const ids = shownIds(await (await c.get(`/businesses/${id}/assessment/1`)).text());
    expect(ids.length).toBeGreaterThan(0);
    const questions = questionIndex(sme);
    const form: Record<string, string | string[]> = { shown: ids.join(',') };
    for (const qid of ids) form[`q_${qid}`] = bestFormValue(questions.get(qid)!);

    const res = await c.post(`/businesses/${id}/assessment/1`, form, { 'x-autosave': '1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ saved: true, issues: [] });
    const row = await draftRow(id);
    expect(row.step).toBe('1');
    for (const qid of ids) expect(row.answers[qid], qid).toBeDefined();
  });

  it('an answer that is not one of the options → 400 JSON naming the question; the other answers are kept', async () => {
    const { c, id } = await draftOnPage1('083100002', 'autosave-bad@example.com');
    const ids = shownIds(await (await c.get(`/businesses/${id}/assessment/1`)).text());
    const questions = questionIndex(sme);
    const bad = ids.find((qid) => questions.get(qid)!.type === 'single')!;
    expect(bad).toBeDefined();
    const form: Record<string, string | string[]> = { shown: ids.join(',') };
    for (const qid of ids) form[`q_${qid}`] = qid === bad ? ['khong-co-lua-chon-nay'] : bestFormValue(questions.get(qid)!);

    const res = await c.post(`/businesses/${id}/assessment/1`, form, { 'x-autosave': '1' });
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { saved: boolean; issues: { path: string[]; message: string }[] };
    expect(body.saved).toBe(true);
    expect(body.issues.map((i) => i.path[0])).toContain(bad);
    const row = await draftRow(id);
    expect(row.answers[bad]).toBeUndefined();
    for (const qid of ids.filter((q) => q !== bad)) expect(row.answers[qid], qid).toBeDefined();
    expect(row.step).toBe('1');
  });

  it('a body over the limit → 413 JSON error, not cached, nothing stored', async () => {
    const { c, id } = await draftOnPage1('083100003', 'autosave-big@example.com');
    const before = await draftRow(id);
    const res = await c.post(`/businesses/${id}/assessment/1`, { shown: 'x'.repeat(300 * 1024) }, { 'x-autosave': '1' });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large');
    expect(await draftRow(id)).toEqual(before);
  });
});
