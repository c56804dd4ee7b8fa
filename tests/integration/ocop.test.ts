import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';
import { answerPages, bestFormValue, fetchFramework, type PublicFramework } from '../helpers/assessment.ts';

let server: TestServer;
let producerFw: PublicFramework;
let helperA: Browserless;
let helperB: Browserless;
let communeA: string;
let producerId: number;
let productIds: number[] = [];
let claimCode = '';
const PHONE = '0912 345 678';

beforeAll(async () => {
  server = await startServer({ demo: true });
  producerFw = await fetchFramework(server.url, 'producer');
  const rs = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-totruong@example.com'");
  communeA = String(rs.rows[0]!.c);
  const other = await server.db.execute({
    sql: "SELECT code FROM communes WHERE province_code = '37' AND code <> ? ORDER BY code LIMIT 1",
    args: [communeA],
  });
  const admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  await admin.post('/admin/users', {
    role: 'helper',
    displayName: 'Tổ CNS xã B',
    login: 'helper-b@example.com',
    password: 'mat-khau-helper-b',
    communeCode: String(other.rows[0]!.code),
  });
  helperA = new Browserless(server.url);
  expect((await helperA.post('/login', { login: 'demo-totruong@example.com', password: 'demo-portal-2025' })).status).toBe(303);
  helperB = new Browserless(server.url);
  expect((await helperB.post('/login', { login: 'helper-b@example.com', password: 'mat-khau-helper-b' })).status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
});

const producerForm = {
  producerType: 'household',
  displayName: 'Hộ bà Nguyễn Thị Nghêu',
  businessName: '',
  phone: PHONE,
  taxCode: '',
  consentedBy: 'Nguyễn Thị Nghêu',
  relation: 'self',
  method: 'assisted_verbal',
  consent_processing: 'true',
};

describe('assisted mode', () => {
  it('refuses a registration without consent and stores nothing', async () => {
    const before = Number((await server.db.execute('SELECT count(*) AS n FROM businesses')).rows[0]!.n);
    const res = await helperA.post('/assisted/new', { ...producerForm, consent_processing: '' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('đồng ý');
    expect(Number((await server.db.execute('SELECT count(*) AS n FROM businesses')).rows[0]!.n)).toBe(before);
  });

  it('a helper registers a household producer with consent, in their own commune', async () => {
    const res = await helperA.post('/assisted/new', producerForm);
    expect(res.status).toBe(303);
    producerId = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
    const biz = await server.db.execute({
      sql: 'SELECT commune_code, contact_phone, tax_code, producer_type FROM businesses WHERE id = ?',
      args: [producerId],
    });
    expect(biz.rows[0]).toMatchObject({
      commune_code: communeA,
      contact_phone: '+84912345678',
      tax_code: null,
      producer_type: 'household',
    });
    const consent = await server.db.execute({
      sql: 'SELECT purpose, method, consented_by_name, relation, recorded_by FROM consents WHERE business_id = ?',
      args: [producerId],
    });
    expect(consent.rows).toHaveLength(1);
    expect(consent.rows[0]).toMatchObject({
      purpose: 'processing',
      method: 'assisted_verbal',
      consented_by_name: 'Nguyễn Thị Nghêu',
      relation: 'self',
    });
    expect(Number(consent.rows[0]!.recorded_by)).toBeGreaterThan(0);
    const dup = await helperA.post('/assisted/new', producerForm);
    expect(dup.status).toBe(409);
  });

  it('adds two OCOP products (a bad one is refused with messages)', async () => {
    const bad = await helperA.post(`/businesses/${producerId}/products/new`, {
      intent: 'product',
      name: 'N',
      group: 'x',
      stars: '2',
      certificateNo: '',
      certificateYear: '1999',
      communeCode: communeA,
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Năm cấp giấy chứng nhận');
    for (const [name, stars] of [
      ['Nghêu Giao Thủy hấp sả', '4'],
      ['Mắm tôm Hạ Long Ninh Bình', '3'],
    ] as const) {
      const res = await helperA.post(`/businesses/${producerId}/products/new`, {
        intent: 'product',
        name,
        group: 'food',
        stars,
        certificateNo: `OCOP-${stars}-2024`,
        certificateYear: '2024',
        communeCode: communeA,
        description: '',
      });
      expect(res.status).toBe(303);
      productIds.push(Number(/\/products\/(\d+)/.exec(res.headers.get('location')!)![1]));
    }
  });

  it('completes the producer assessment on their behalf; every answer records the helper', async () => {
    expect((await helperA.post(`/businesses/${producerId}/assessment`, {})).status).toBe(303);
    const profile = await helperA.post(`/businesses/${producerId}/assessment/profile`, {
      sector: 'A',
      producerType: 'household',
      employees: '3',
      revenueMillion: '',
      capitalMillion: '',
      communeCode: communeA,
    });
    expect(profile.status).toBe(303);
    const review = await answerPages(helperA, producerId, producerFw, bestFormValue);
    const submit = await helperA.post(review, {});
    expect(submit.status).toBe(303);
    const result = await (await helperA.get(submit.headers.get('location')!)).text();
    expect(result).toContain('Cấp độ 5');
    const events = await server.db.execute({
      sql: 'SELECT count(*) AS n, count(DISTINCT e.actor_user_id) AS actors, max(u.role) AS role FROM answer_events e JOIN assessments a ON a.id = e.assessment_id JOIN users u ON u.id = e.actor_user_id WHERE a.business_id = ?',
      args: [producerId],
    });
    expect(Number(events.rows[0]!.n)).toBeGreaterThan(5);
    expect(events.rows[0]).toMatchObject({ actors: 1, role: 'helper' });
  });

  it('ticks the common checklist once for every floor; "listed" needs a valid link on that floor; status history is kept in order', async () => {
    const pid = productIds[0]!;
    const path = `/businesses/${producerId}/products/${pid}`;
    const tick = await helperA.post(path, { intent: 'checklist', floor: '*', items: ['photos', 'description', 'not-a-real-item'] });
    expect(tick.status).toBe(200);
    const html = await tick.text();
    // Every floor of the product counts the two common items.
    const floorsShown = [...html.matchAll(/Đã chuẩn bị (\d+)\/\d+ yêu cầu/g)].map((m) => Number(m[1]));
    expect(floorsShown.length).toBeGreaterThan(1);
    expect(floorsShown.every((n) => n === 2)).toBe(true);
    const ticks = await server.db.execute({
      sql: "SELECT item_id FROM product_checklist WHERE product_id = ? AND floor_id = '*' ORDER BY item_id",
      args: [pid],
    });
    expect(ticks.rows.map((r) => r.item_id)).toEqual(['description', 'photos']);
    // A common item posted as a floor's own is ignored (it belongs to the shared list).
    await helperA.post(path, { intent: 'checklist', floor: 'postmart', items: ['shipping'] });
    expect(
      (
        await server.db.execute({
          sql: "SELECT count(*) AS n FROM product_checklist WHERE product_id = ? AND floor_id = 'postmart'",
          args: [pid],
        })
      ).rows[0]!.n,
    ).toBe(0);

    const noUrl = await helperA.post(path, { intent: 'status', floor: 'postmart', status: 'listed', url: '' });
    expect(noUrl.status).toBe(400);
    expect(await noUrl.text()).toContain('Postmart');
    const wrongFloor = await helperA.post(path, {
      intent: 'status',
      floor: 'postmart',
      status: 'listed',
      url: 'https://voso.vn/san-pham/ngheu',
    });
    expect(wrongFloor.status).toBe(400);
    const lookalike = await helperA.post(path, {
      intent: 'status',
      floor: 'postmart',
      status: 'listed',
      url: 'https://postmart.vn.evil.example/ngheu',
    });
    expect(lookalike.status).toBe(400);
    expect((await helperA.post(path, { intent: 'status', floor: 'postmart', status: 'preparing', url: '' })).status).toBe(200);
    expect(
      (
        await helperA.post(path, {
          intent: 'status',
          floor: 'postmart',
          status: 'listed',
          url: 'https://postmart.vn/san-pham/ngheu-giao-thuy-123',
        })
      ).status,
    ).toBe(200);
    expect((await helperA.post(path, { intent: 'status', floor: 'postmart', status: 'withdrawn', url: '' })).status).toBe(200);
    expect(
      (
        await helperA.post(path, {
          intent: 'status',
          floor: 'postmart',
          status: 'listed',
          url: 'https://www.postmart.vn/san-pham/ngheu-giao-thuy-123',
        })
      ).status,
    ).toBe(200);
    const hist = await server.db.execute({
      sql: "SELECT status FROM product_listings WHERE product_id = ? AND floor_id = 'postmart' ORDER BY id",
      args: [pid],
    });
    expect(hist.rows.map((r) => r.status)).toEqual(['preparing', 'listed', 'withdrawn', 'listed']);
  });

  it('a listing link on the wrong floor: the field error sits by the link, which gets the focus, and nothing of the form is saved', async () => {
    const pid = productIds[0]!;
    const path = `/businesses/${producerId}/products/${pid}`;
    const count = async (sql: string) => Number((await server.db.execute({ sql, args: [pid] })).rows[0]!.n);
    const before = {
      listings: await count('SELECT count(*) AS n FROM product_listings WHERE product_id = ?'),
      ticks: await count('SELECT count(*) AS n FROM product_checklist WHERE product_id = ?'),
    };
    const res = await helperA.post(path, {
      intent: 'floor',
      floor: 'lazada',
      status: 'listed',
      url: 'https://shopee.vn/ngheu-123',
      items: ['e_invoice'],
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<details class="floor" id="floor-lazada" open/);
    expect(html).toMatch(/<span class="error" id="url-lazada-error">[^<]*Lazada/);
    expect(html).toMatch(/<input id="url-lazada"[^>]*aria-invalid="true"[^>]*autofocus/);
    expect(html).toContain('value="https://shopee.vn/ngheu-123"');
    // The error is said once at the top, not repeated.
    expect(html.match(/url-lazada-error/g)?.length).toBe(2);
    expect(await count('SELECT count(*) AS n FROM product_listings WHERE product_id = ?')).toBe(before.listings);
    expect(await count('SELECT count(*) AS n FROM product_checklist WHERE product_id = ?')).toBe(before.ticks);
  });

  it('public search finds "Nghêu" from "ngheu", filters by stars, and exposes no personal data', async () => {
    // Publication is its own consent purpose, recorded by the helper on the producer's behalf.
    const grant = await helperA.post(`/businesses/${producerId}/consents`, {
      intent: 'grant',
      purpose: 'publish_products',
      consentedBy: 'Nguyễn Thị Nghêu',
      relation: 'self',
      method: 'assisted_verbal',
    });
    expect(grant.status).toBe(303);
    const res = await fetch(`${server.url}/api/v1/ocop-products?q=ngheu`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.products.map((p: { name: string }) => p.name)).toContain('Nghêu Giao Thủy hấp sả');
    const p = body.products.find((x: { name: string }) => x.name === 'Nghêu Giao Thủy hấp sả');
    expect(Object.keys(p).sort()).toEqual(['communeCode', 'group', 'id', 'listings', 'name', 'photos', 'price', 'producerName', 'stars']);
    expect([p.price, p.photos]).toEqual([null, []]);
    expect(p.listings).toEqual([{ floor: 'postmart', status: 'listed', url: 'https://www.postmart.vn/san-pham/ngheu-giao-thuy-123' }]);
    expect(JSON.stringify(body)).not.toContain('912345678');
    const three = await (await fetch(`${server.url}/api/v1/ocop-products?stars=3`)).json();
    expect(three.products.every((x: { stars: number }) => x.stars === 3)).toBe(true);
    expect(three.products.map((x: { name: string }) => x.name)).toContain('Mắm tôm Hạ Long Ninh Bình');
    expect((await fetch(`${server.url}/api/v1/ocop-products?stars=9`)).status).toBe(400);
    const page = await fetch(`${server.url}/ocop?q=NGHEU`);
    expect(await page.text()).toContain('Nghêu Giao Thủy hấp sả');
  });

  it('a helper of another commune cannot read or change this producer (every route)', async () => {
    const pid = productIds[0]!;
    const gets = [
      `/businesses/${producerId}`,
      `/businesses/${producerId}/history`,
      `/businesses/${producerId}/products/new`,
      `/businesses/${producerId}/products/${pid}`,
      `/businesses/${producerId}/assessment`,
      `/businesses/${producerId}/assessment/profile`,
      `/businesses/${producerId}/assessment/1`,
      `/businesses/${producerId}/assessment/review`,
      `/businesses/${producerId}/assessments`,
    ];
    for (const path of gets) expect([403, 404], `GET ${path}`).toContain((await helperB.get(path)).status);
    const posts: [string, Record<string, string | string[]>][] = [
      [
        `/businesses/${producerId}/products/new`,
        {
          intent: 'product',
          name: 'Xâm nhập',
          group: 'food',
          stars: '3',
          certificateNo: 'X',
          certificateYear: '2024',
          communeCode: communeA,
        },
      ],
      [
        `/businesses/${producerId}/products/${pid}`,
        {
          intent: 'product',
          name: 'Đổi tên',
          group: 'food',
          stars: '3',
          certificateNo: 'X',
          certificateYear: '2024',
          communeCode: communeA,
        },
      ],
      [`/businesses/${producerId}/products/${pid}`, { intent: 'checklist', floor: 'postmart', items: ['photos'] }],
      [`/businesses/${producerId}/products/${pid}`, { intent: 'status', floor: 'postmart', status: 'withdrawn' }],
      [`/businesses/${producerId}/claim-code`, {}],
      [`/businesses/${producerId}/assessment`, {}],
      [`/businesses/${producerId}/plan`, { intent: 'dismiss', need: 'e_tax' }],
    ];
    for (const [path, form] of posts) expect([403, 404], `POST ${path}`).toContain((await helperB.post(path, form)).status);
    const name = await server.db.execute({ sql: 'SELECT name FROM ocop_products WHERE id = ?', args: [pid] });
    expect(name.rows[0]!.name).toBe('Nghêu Giao Thủy hấp sả');
    // The product of one producer is not reachable under another business's id either.
    const otherBiz = Number(
      (
        await server.db.execute({
          sql: 'SELECT id FROM businesses WHERE commune_code = ? AND id <> ? LIMIT 1',
          args: [communeA, producerId],
        })
      ).rows[0]!.id,
    );
    expect((await helperA.get(`/businesses/${otherBiz}/products/${pid}`)).status).toBe(404);
  });

  it('the producer claims the account with the code; the code cannot be reused or used after expiry', async () => {
    const issued = await helperA.post(`/businesses/${producerId}/claim-code`, {});
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toContain('no-store');
    claimCode = /class="slip-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(await issued.text())![1]!;
    const stored = await server.db.execute({ sql: 'SELECT code_hash FROM account_claims WHERE business_id = ?', args: [producerId] });
    expect(String(stored.rows[0]!.code_hash)).not.toContain(claimCode.replace('-', ''));
    // Keyed with the secret generated at first start, not the plain SHA-256 anyone could brute-force.
    const secret = Buffer.from(
      String((await server.db.execute("SELECT value FROM server_secrets WHERE name = 'claim_code_hmac'")).rows[0]!.value),
      'hex',
    );
    expect(secret.length).toBe(32);
    expect(String(stored.rows[0]!.code_hash)).not.toBe(createHash('sha256').update(claimCode.replace('-', '')).digest('hex'));
    expect(String(stored.rows[0]!.code_hash)).toBe(createHmac('sha256', secret).update(claimCode.replace('-', '')).digest('hex'));

    const p = new Browserless(server.url);
    const wrong = await p.post('/claim', { phone: PHONE, code: 'BCDF-GHJK', password: 'mat-khau-nghe-1' });
    expect(wrong.status).toBe(400);
    const wrongPhone = await p.post('/claim', { phone: '0987 654 321', code: claimCode, password: 'mat-khau-nghe-1' });
    expect(wrongPhone.status).toBe(400);
    const ok = await p.post('/claim', { phone: PHONE, code: claimCode.toLowerCase(), password: 'mat-khau-nghe-1' });
    expect(ok.status).toBe(303);
    // A welcome page says what to do next, for this producer's own page.
    expect(ok.headers.get('location')).toBe('/welcome');
    const welcome = await p.get('/welcome');
    expect(welcome.status).toBe(200);
    expect(await welcome.text()).toContain(`href="/businesses/${producerId}"`);
    const history = await (await p.get(`/businesses/${producerId}/history`)).text();
    expect(history).toContain('Tổ công nghệ số (mẫu)');
    expect(history).toContain('Thành viên Tổ công nghệ số cộng đồng');

    const again = await new Browserless(server.url).post('/claim', { phone: PHONE, code: claimCode, password: 'mat-khau-khac-2' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('đã được dùng');

    // An expired code: issue one for another producer and move its expiry into the past.
    const second = await helperA.post('/assisted/new', {
      ...producerForm,
      phone: '0912 000 111',
      displayName: 'Hộ ông Trần Văn Hến',
      consentedBy: 'Trần Văn Hến',
    });
    const secondId = Number(/\/businesses\/(\d+)/.exec(second.headers.get('location')!)![1]);
    const code2 = /class="slip-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(
      await (await helperA.post(`/businesses/${secondId}/claim-code`, {})).text(),
    )![1]!;
    await server.db.execute({ sql: 'UPDATE account_claims SET expires_at = ? WHERE business_id = ?', args: [Date.now() - 1000, secondId] });
    const expired = await new Browserless(server.url).post('/claim', { phone: '0912 000 111', code: code2, password: 'mat-khau-hen-1' });
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('hết hạn');
  });
});
