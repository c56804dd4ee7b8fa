import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import {
  answerPages,
  bestFormValue,
  fetchFramework,
  questionIndex,
  shownIds,
  worstFormValue,
  type PublicFramework,
} from '../helpers/assessment.ts';

let server: TestServer;
let sme: PublicFramework;
beforeAll(async () => {
  server = await startServer();
  sme = await fetchFramework(server.url, 'dbi-sme');
});
afterAll(async () => {
  await server?.stop();
});

/** Time for the server to authenticate, load the draft and start waiting for the body. */
const SERVER_READS_DRAFT_MS = 700;

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A POST whose headers go out now and whose body goes out only when `sendBody` is called: the
 * server starts handling it (session, business, draft) and then waits for the body.
 */
function postInTwoParts(c: Browserless, path: string, body: string, headers: Record<string, string> = {}) {
  const url = new URL(path, c.base);
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      origin: c.base,
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...headers,
    },
  });
  const response = new Promise<RawResponse>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return {
    sendBody: async (): Promise<RawResponse> => {
      req.end(body);
      return response;
    },
  };
}

async function commune(): Promise<string> {
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1 OFFSET 7");
  return String(rs.rows[0]!.code);
}

/** A business whose draft is answered to the review page, ready to submit. */
async function draftAtReview(prefix: string, email: string): Promise<{ c: Browserless; id: number }> {
  const c = new Browserless(server.url);
  const res = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Công ty TNHH Đua ${prefix}`,
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
  expect(await answerPages(c, id, sme, bestFormValue)).toBe(`/businesses/${id}/assessment/review`);
  return { c, id };
}

async function state(id: number) {
  const a = await server.db.execute({
    sql: 'SELECT id, status, answers, score, current_step FROM assessments WHERE business_id = ? ORDER BY sequence',
    args: [id],
  });
  const events = await server.db.execute({
    sql: 'SELECT count(*) AS n FROM answer_events e JOIN assessments a ON a.id = e.assessment_id WHERE a.business_id = ?',
    args: [id],
  });
  const submits = await server.db.execute({
    sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'submit_assessment' AND entity_id = ?",
    args: [String(a.rows[0]!.id)],
  });
  return {
    assessments: a.rows.map((r) => ({
      id: Number(r.id),
      status: r.status,
      answers: JSON.parse(String(r.answers)),
      score: r.score,
      step: r.current_step,
    })),
    answerEvents: Number(events.rows[0]!.n),
    submitAudits: Number(submits.rows[0]!.n),
  };
}

/** Page 1 answered the worst way, as its form sends it. */
async function worstPage1(c: Browserless, id: number): Promise<string> {
  const ids = shownIds(await (await c.get(`/businesses/${id}/assessment/1`)).text());
  const questions = questionIndex(sme);
  const body = new URLSearchParams({ shown: ids.join(','), intent: 'next' });
  for (const qid of ids) for (const v of worstFormValue(questions.get(qid)!)) body.append(`q_${qid}`, v);
  return body.toString();
}

describe('a submitted assessment cannot change', () => {
  it('late page save: headers sent, then the assessment is submitted, then the body arrives → 409, nothing changes', async () => {
    const { c, id } = await draftAtReview('082100001', 'race-page@example.com');
    const late = postInTwoParts(c, `/businesses/${id}/assessment/1`, await worstPage1(c, id));
    await new Promise((r) => setTimeout(r, SERVER_READS_DRAFT_MS));

    const submit = await c.post(`/businesses/${id}/assessment/review`, {});
    expect(submit.status).toBe(303);
    const resultPath = submit.headers.get('location')!;
    const submitted = await state(id);
    expect(submitted.assessments[0]!.status).toBe('submitted');

    const res = await late.sendBody();
    expect(res.status).toBe(409);
    expect(res.body).toContain('Bài đánh giá đã được nộp');
    expect(res.body).toContain(`href="${resultPath}"`);
    expect(await state(id)).toEqual(submitted);
  });

  it('late autosave (JSON): body after the submit → 409 with a JSON error, nothing changes', async () => {
    const { c, id } = await draftAtReview('082100002', 'race-autosave@example.com');
    const late = postInTwoParts(c, `/businesses/${id}/assessment/1`, await worstPage1(c, id), { 'x-autosave': '1' });
    await new Promise((r) => setTimeout(r, SERVER_READS_DRAFT_MS));
    expect((await c.post(`/businesses/${id}/assessment/review`, {})).status).toBe(303);
    const submitted = await state(id);

    const res = await late.sendBody();
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { error: string; code: string };
    expect(body.code).toBe('conflict');
    expect(body.error).toContain('đã nộp');
    expect(body.error).toContain('submitted');
    expect(await state(id)).toEqual(submitted);
  });

  it('late profile save on the assessment: body after the submit → 409, neither the assessment nor the business changes', async () => {
    const { c, id } = await draftAtReview('082100003', 'race-profile@example.com');
    const form = new URLSearchParams({
      sector: 'C',
      producerType: 'enterprise',
      employees: '250',
      revenueMillion: '',
      capitalMillion: '',
      communeCode: await commune(),
    });
    const late = postInTwoParts(c, `/businesses/${id}/assessment/profile`, form.toString());
    await new Promise((r) => setTimeout(r, SERVER_READS_DRAFT_MS));
    expect((await c.post(`/businesses/${id}/assessment/review`, {})).status).toBe(303);
    const submitted = await state(id);
    const business = async () =>
      (await server.db.execute({ sql: 'SELECT sector, employees, size_class FROM businesses WHERE id = ?', args: [id] })).rows[0];
    const before = await business();

    const res = await late.sendBody();
    expect(res.status).toBe(409);
    expect(res.body).toContain('đã nộp');
    expect(await state(id)).toEqual(submitted);
    expect(await business()).toEqual(before);
  });

  it('double submit: a second submit whose body arrives after the first → 409, one result, one audit entry', async () => {
    const { c, id } = await draftAtReview('082100004', 'race-submit@example.com');
    const second = postInTwoParts(c, `/businesses/${id}/assessment/review`, 'confirm=1');
    await new Promise((r) => setTimeout(r, SERVER_READS_DRAFT_MS));
    expect((await c.post(`/businesses/${id}/assessment/review`, {})).status).toBe(303);
    const submitted = await state(id);
    expect(submitted.submitAudits).toBe(1);

    const res = await second.sendBody();
    expect(res.status).toBe(409);
    expect(res.body).toContain('Bài đánh giá đã được nộp');
    expect(await state(id)).toEqual(submitted);
  });
});
