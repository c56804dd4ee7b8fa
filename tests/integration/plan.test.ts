import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';

let server: TestServer;
let sme: PublicFramework;
let communeA: string;
let communeB: string;
beforeAll(async () => {
  server = await startServer({ demo: true });
  sme = await fetchFramework(server.url, 'dbi-sme');
  const rs = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-canbo-xa@example.com'");
  communeA = String(rs.rows[0]!.c);
  const other = await server.db.execute({
    sql: "SELECT code FROM communes WHERE province_code = '37' AND code <> ? ORDER BY code LIMIT 1",
    args: [communeA],
  });
  communeB = String(other.rows[0]!.code);
  const admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  const created = await admin.post('/admin/users', {
    role: 'officer',
    displayName: 'Cán bộ xã B',
    login: 'canbo-b@example.com',
    password: 'mat-khau-can-bo-b',
    communeCode: communeB,
  });
  expect(created.status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
});

async function login(email: string, password: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login: email, password })).status).toBe(303);
  return c;
}

describe('plan and adoption loop', () => {
  it('plan → adopt / not suitable / help → worklist scope → retake prefilled, dismissed stays hidden', async () => {
    const c = new Browserless(server.url);
    const reg = await c.post('/register', {
      taxCode: validTaxCode('084000001'),
      name: 'Cửa hàng Tạp hóa Bà Tư',
      communeCode: communeA,
      login: 'bantu@example.com',
      password: 'mat-khau-ba-tu',
      consent: 'yes',
    });
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'G',
      producerType: 'enterprise',
      employees: '2',
      revenueMillion: '900',
      capitalMillion: '',
      communeCode: communeA,
    });
    const review = await answerPages(c, id, sme, worstFormValue);
    const submitted = await c.post(review, {});
    const resultPath = submitted.headers.get('location')!;
    const page = await (await c.get(resultPath)).text();
    expect(page).toContain('Lộ trình nền tảng số đề xuất');
    expect(page).toContain('id="need-e_invoice"');
    expect(page).toContain('id="need-cashless_payment"');
    expect(page.indexOf('id="need-e_invoice"')).toBeLessThan(page.indexOf('id="need-cashless_payment"'));
    const options = [...page.matchAll(/<select id="adopt-e_invoice" name="platform" required>([\s\S]*?)<\/select>/g)][0]![1]!;
    const chosen = /<option value="([^"]+)">/.exec(options)![1]!;

    const adopt = await c.post(`/businesses/${id}/plan`, { intent: 'adopt', need: 'e_invoice', platform: chosen, back: resultPath });
    expect(adopt.status).toBe(303);
    const dismiss = await c.post(`/businesses/${id}/plan`, {
      intent: 'dismiss',
      need: 'cashless_payment',
      reason: 'Khách quen trả tiền mặt',
      back: resultPath,
    });
    expect(dismiss.status).toBe(303);
    const help = await c.post(`/businesses/${id}/plan`, {
      intent: 'help',
      need: 'online_presence',
      kind: 'advice',
      message: 'Cần hướng dẫn mở trang Zalo',
      back: resultPath,
    });
    expect(help.status).toBe(303);
    const consent = await server.db.execute({ sql: 'SELECT consent_vendor AS v FROM help_requests WHERE business_id = ?', args: [id] });
    expect(Number(consent.rows[0]!.v)).toBe(0); // never assumed

    const after = await (await c.get(resultPath)).text();
    expect(after).not.toContain('id="need-e_invoice"');
    expect(after).not.toContain('id="need-cashless_payment"');
    expect(after).toContain('mục bạn đã đánh dấu không phù hợp đang được ẩn');

    // A wrong platform for the need, or another business acting, is refused.
    expect(
      (await c.post(`/businesses/${id}/plan`, { intent: 'adopt', need: 'e_invoice', platform: 'postmart', back: resultPath })).status,
    ).toBe(400);
    const stranger = new Browserless(server.url);
    await stranger.post('/register', {
      taxCode: validTaxCode('084000003'),
      name: 'Người lạ',
      communeCode: communeB,
      login: 'nguoila@example.com',
      password: 'mat-khau-nguoi-la',
      consent: 'yes',
    });
    expect((await stranger.post(`/businesses/${id}/plan`, { intent: 'dismiss', need: 'e_tax', back: resultPath })).status).toBe(404);

    // Worklist: the officer of commune A sees the request, the officer of commune B does not and cannot touch it.
    const officerA = await login('demo-canbo-xa@example.com', 'demo-portal-2025');
    const listA = await (await officerA.get('/worklist')).text();
    expect(listA).toContain('Cửa hàng Tạp hóa Bà Tư');
    const officerB = await login('canbo-b@example.com', 'mat-khau-can-bo-b');
    const listB = await (await officerB.get('/worklist')).text();
    expect(listB).not.toContain('Cửa hàng Tạp hóa Bà Tư');
    const reqId = Number((await server.db.execute({ sql: 'SELECT id FROM help_requests WHERE business_id = ?', args: [id] })).rows[0]!.id);
    expect((await officerB.post('/worklist', { id: String(reqId), status: 'done' })).status).toBe(404);
    expect((await officerA.post('/worklist', { id: String(reqId), status: 'contacted', note: 'Đã gọi điện' })).status).toBe(200);
    const st = await server.db.execute({ sql: 'SELECT status FROM help_requests WHERE id = ?', args: [reqId] });
    expect(st.rows[0]!.status).toBe('contacted');

    // Retake: the adopted e-invoice is prefilled, the dismissed item stays hidden.
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'G',
      producerType: 'enterprise',
      employees: '2',
      revenueMillion: '900',
      capitalMillion: '',
      communeCode: communeA,
    });
    const draft = await server.db.execute({
      sql: "SELECT answers FROM assessments WHERE business_id = ? AND status = 'draft'",
      args: [id],
    });
    const answers = JSON.parse(String(draft.rows[0]!.answers));
    const einvoiceRaised =
      answers.i2_einvoice === 'g3' ||
      answers.i2_einvoice === 'g4' ||
      answers.i2_einvoice === 'g5' ||
      (answers.x_tools_accounting ?? []).includes('einvoice');
    expect(einvoiceRaised).toBe(true);
    // Keep the prefilled e-invoice answers (post them back as the form shows them), the worst for the rest.
    const keep = (qid: string): string[] => {
      const v = answers[qid];
      return v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
    };
    const review2 = await answerPages(
      c,
      id,
      sme,
      (q) => (q.id === 'i2_einvoice' || q.id === 'x_tools_accounting' ? keep(q.id) : worstFormValue(q)),
      { from: 1 },
    );
    expect(review2).toMatch(/review$/);
    const second = await (await c.get((await c.post(review2, {})).headers.get('location')!)).text();
    expect(second).not.toContain('id="need-cashless_payment"');
  });
});
