import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, bestFormValue, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';

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
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1 OFFSET 5");
  return String(rs.rows[0]!.code);
}

async function registerBusiness(prefix: string, email: string): Promise<{ c: Browserless; id: number }> {
  const c = new Browserless(server.url);
  const res = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Công ty TNHH Thử ${prefix}`,
    communeCode: await commune(),
    login: email,
    password: 'mat-khau-thu-1',
    consent: 'yes',
  });
  expect(res.status).toBe(303);
  const id = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
  return { c, id };
}

async function fillProfile(c: Browserless, id: number, overrides: Record<string, string> = {}): Promise<Response> {
  return c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'G',
    producerType: 'enterprise',
    employees: '12',
    revenueMillion: '8000',
    capitalMillion: '',
    communeCode: await commune(),
    ...overrides,
  });
}

describe('assessment flow without JavaScript', () => {
  it('profile → pages → log out → resume on another device → submit → result → retake → history', async () => {
    const { c, id } = await registerBusiness('082000001', 'flow@example.com');
    const start = await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe(`/businesses/${id}/assessment/profile`);

    const badProfile = await fillProfile(c, id, { employees: 'mười', sector: 'Z' });
    expect(badProfile.status).toBe(400);
    const badHtml = await badProfile.text();
    expect(badHtml).toContain('Vui lòng chọn ngành');
    expect(badHtml).toContain('Vui lòng nhập số lao động');

    const profile = await fillProfile(c, id);
    expect(profile.status).toBe(303);
    expect(profile.headers.get('location')).toBe(`/businesses/${id}/assessment/1`);
    const size = await server.db.execute({ sql: 'SELECT profile FROM assessments WHERE business_id = ?', args: [id] });
    expect(JSON.parse(String(size.rows[0]!.profile)).sizeClass).toBe('small'); // trade, 12 staff, 8 bn revenue

    // Two pages, then leave.
    const stoppedAt = await answerPages(c, id, sme, bestFormValue, { stopAfter: 2 });
    expect(stoppedAt).toBe(`/businesses/${id}/assessment/3`);
    await c.post('/logout', {});

    // Another device: log in, open the assessment, land on page 3.
    const d = new Browserless(server.url);
    expect((await d.post('/login', { login: 'flow@example.com', password: 'mat-khau-thu-1' })).status).toBe(303);
    const resume = await d.get(`/businesses/${id}/assessment`);
    expect(resume.status).toBe(303);
    expect(resume.headers.get('location')).toBe(`/businesses/${id}/assessment/3`);
    // Page 1's answers are still there.
    const page1 = await (await d.get(`/businesses/${id}/assessment/1`)).text();
    expect(page1).toMatch(/checked/);

    const review = await answerPages(d, id, sme, bestFormValue, { from: 3 });
    expect(review).toBe(`/businesses/${id}/assessment/review`);
    const reviewHtml = await (await d.get(review)).text();
    expect(reviewHtml).toContain('Bạn đã trả lời tất cả các câu hỏi');
    const submit = await d.post(review, {});
    expect(submit.status).toBe(303);
    const resultPath = submit.headers.get('location')!;
    const result = await (await d.get(resultPath)).text();
    expect(result).toContain('<span class="score-big">100</span>');
    expect(result).toContain('Cấp độ 5: Dẫn dắt');
    expect(result).toMatch(/<svg[^>]*role="img"/);
    expect(result).toContain('Xem dạng bảng');

    // The share image: private by default, public only when its owner says so.
    const aid = Number(/assessments\/(\d+)/.exec(resultPath)![1]);
    const imagePath = `/businesses/${id}/assessments/${aid}/share.png`;
    const img = await d.get(imagePath);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await img.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(png.byteLength).toBeLessThan(150 * 1024);
    expect((await new Browserless(server.url).get(imagePath)).status).toBe(303); // anonymous → log in
    expect(result).not.toContain('og:image');
    const officerLike = await registerBusiness('082000005', 'nosy@example.com');
    expect((await officerLike.c.post(resultPath, { share: 'public' })).status).toBe(404);
    const shared = await d.post(resultPath, { share: 'public' });
    expect(shared.status).toBe(200);
    const sharedHtml = await shared.text();
    const token = /\/share\/([a-z2-7]{26})\.png/.exec(sharedHtml)![1]!;
    expect(sharedHtml).toContain(`property="og:image" content="${server.url}/share/${token}.png"`);
    const pub = await fetch(`${server.url}/share/${token}.png`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/png');
    await d.post(resultPath, { share: 'private' });
    expect((await fetch(`${server.url}/share/${token}.png`)).status).toBe(404);

    // A submitted assessment is read-only.
    const late = await d.post(`/businesses/${id}/assessment/1`, { shown: '', intent: 'next' });
    expect(late.status).toBe(303); // no draft any more: sent to the start page
    const row = await server.db.execute({
      sql: "SELECT count(*) AS n FROM assessments WHERE business_id = ? AND status = 'submitted'",
      args: [id],
    });
    expect(Number(row.rows[0]!.n)).toBe(1);

    // Retake with worse answers: answers start prefilled, history shows both with the change.
    expect((await d.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' })).status).toBe(303);
    expect((await fillProfile(d, id)).status).toBe(303);
    const prefilled = await (await d.get(`/businesses/${id}/assessment/1`)).text();
    expect(prefilled).toMatch(/checked/);
    const review2 = await answerPages(d, id, sme, worstFormValue);
    const submit2 = await d.post(review2, {});
    expect(submit2.status).toBe(303);
    const result2 = await (await d.get(submit2.headers.get('location')!)).text();
    expect(result2).toContain('<span class="score-big">0</span>');
    expect(result2).toContain('Cấp độ 0: Chưa khởi động');
    expect(result2).toContain('So với lần trước');
    const history = await (await d.get(`/businesses/${id}/assessments`)).text();
    expect(history).toContain('Lần 1');
    expect(history).toContain('Lần 2');
    expect(history).toContain('-100');
  });

  it('invalid answers are reported on the page and valid ones on the same page are kept', async () => {
    const { c, id } = await registerBusiness('082000002', 'invalid@example.com');
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    await fillProfile(c, id);
    const page = await (await c.get(`/businesses/${id}/assessment/1`)).text();
    const ids = /name="shown" value="([^"]*)"/.exec(page)![1]!.split(',');
    const q0 = sme.pillars[0]!.questions.find((q) => q.id === ids[0])!;
    const form: Record<string, string> = {
      shown: ids.join(','),
      intent: 'next',
      [`q_${ids[0]}`]: 'not-an-option',
      [`q_${ids[1]}`]: bestFormValue(sme.pillars[0]!.questions.find((q) => q.id === ids[1])!)[0]!,
    };
    const res = await c.post(`/businesses/${id}/assessment/1`, form);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`href="#q-${q0.id}"`);
    const saved = await server.db.execute({ sql: 'SELECT answers FROM assessments WHERE business_id = ?', args: [id] });
    const answers = JSON.parse(String(saved.rows[0]!.answers));
    expect(answers[ids[0]!]).toBeUndefined();
    expect(answers[ids[1]!]).toBeDefined();
  });

  it('other businesses and officers cannot fill in someone else’s assessment', async () => {
    const { c, id } = await registerBusiness('082000003', 'owner3@example.com');
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    const other = await registerBusiness('082000004', 'other4@example.com');
    expect((await other.c.get(`/businesses/${id}/assessment/profile`)).status).toBe(404);
    expect((await other.c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' })).status).toBe(404);
    expect((await other.c.get(`/businesses/${id}/assessments`)).status).toBe(404);
    const anon = new Browserless(server.url);
    expect((await anon.get(`/businesses/${id}/assessment/1`)).status).toBe(303);
  });
});
