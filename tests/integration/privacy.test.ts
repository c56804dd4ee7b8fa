import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { CONSENT_PURPOSE_TEXT } from '#src/domain/ocop/consent.ts';

let server: TestServer;
let helper: Browserless;
let otherHelper: Browserless;
let communeA: string;
let producerId: number;
let productId: number;
let producer: Browserless;

const PHONE = '0913 111 222';
const PHONE_E164 = '+84913111222';
const PERSON = 'Lê Thị Sen';
const HOUSEHOLD = 'Hộ bà Lê Thị Sen';
const PRODUCT = 'Trà sen Tây Hồ ướp bông';
const CERTIFICATE = 'OCOP-SEN-2024-77';
const LISTING_URL = 'https://postmart.vn/san-pham/tra-sen-tay-ho-ubong';
const DESCRIPTION = 'Trà ướp bông sen Tây Hồ của bà Sen';

const assisted = { relation: 'self', method: 'assisted_verbal' };

beforeAll(async () => {
  server = await startServer();
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 2");
  communeA = String(rs.rows[0]!.code);
  const communeB = String(rs.rows[1]!.code);
  const admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  await admin.post('/admin/users', {
    role: 'helper',
    displayName: 'Tổ CNS xã A',
    login: 'helper-a@example.com',
    password: 'mat-khau-helper-a',
    communeCode: communeA,
  });
  await admin.post('/admin/users', {
    role: 'helper',
    displayName: 'Tổ CNS xã B',
    login: 'helper-b@example.com',
    password: 'mat-khau-helper-b',
    communeCode: communeB,
  });
  helper = new Browserless(server.url);
  expect((await helper.post('/login', { login: 'helper-a@example.com', password: 'mat-khau-helper-a' })).status).toBe(303);
  otherHelper = new Browserless(server.url);
  expect((await otherHelper.post('/login', { login: 'helper-b@example.com', password: 'mat-khau-helper-b' })).status).toBe(303);

  const reg = await helper.post('/assisted/new', {
    producerType: 'household',
    displayName: HOUSEHOLD,
    businessName: '',
    phone: PHONE,
    taxCode: '',
    consentedBy: PERSON,
    ...assisted,
    consent_processing: 'true',
    consent_share_province: 'true',
  });
  expect(reg.status).toBe(303);
  producerId = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
  const prod = await helper.post(`/businesses/${producerId}/products/new`, {
    intent: 'product',
    name: PRODUCT,
    group: 'food',
    stars: '4',
    certificateNo: CERTIFICATE,
    certificateYear: '2024',
    communeCode: communeA,
    description: DESCRIPTION,
  });
  expect(prod.status).toBe(303);
  productId = Number(/\/products\/(\d+)/.exec(prod.headers.get('location')!)![1]);
  const path = `/businesses/${producerId}/products/${productId}`;
  expect((await helper.post(path, { intent: 'status', floor: 'postmart', status: 'preparing', url: '' })).status).toBe(200);
  expect((await helper.post(path, { intent: 'status', floor: 'postmart', status: 'listed', url: LISTING_URL })).status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
});

async function published(): Promise<{ api: boolean; list: boolean; detail: number; cacheControl: string | null }> {
  const api = await fetch(`${server.url}/api/v1/ocop-products`);
  const body = (await api.json()) as { products: { id: number; name: string }[] };
  const list = await (await fetch(`${server.url}/ocop?q=tra%20sen`)).text();
  const detail = await fetch(`${server.url}/ocop/${productId}`);
  return {
    api: body.products.some((p) => p.id === productId),
    list: list.includes(PRODUCT),
    detail: detail.status,
    cacheControl: api.headers.get('cache-control'),
  };
}

const count = async (sql: string, args: (string | number)[] = []) => Number((await server.db.execute({ sql, args })).rows[0]![0]);

/** Every row of every table, as text: what a copy of the database file would reveal. */
async function wholeDatabase(): Promise<string> {
  const tables = await server.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  let out = '';
  for (const t of tables.rows) {
    const rows = await server.db.execute(`SELECT * FROM "${String(t.name)}"`);
    out += `\n${String(t.name)}: ${JSON.stringify(rows.rows)}`;
  }
  return out;
}

describe('publication of OCOP products needs its own consent', () => {
  it('a producer who consented only to processing and sharing is not published on /ocop, /ocop/{id} or the API', async () => {
    expect(await published()).toMatchObject({ api: false, list: false, detail: 404 });
  });

  it('granting "publish my products" publishes them; withdrawing it hides them at once, with no cache in between', async () => {
    const page = await (await helper.get(`/businesses/${producerId}/consents`)).text();
    expect(page).toContain(CONSENT_PURPOSE_TEXT.publish_products.label.vi);
    const grant = await helper.post(`/businesses/${producerId}/consents`, {
      intent: 'grant',
      purpose: 'publish_products',
      consentedBy: PERSON,
      ...assisted,
    });
    expect(grant.status).toBe(303);
    const on = await published();
    expect(on).toMatchObject({ api: true, list: true, detail: 200 });
    // A shared cache must not keep serving the list after a withdrawal.
    expect(on.cacheControl).toMatch(/no-cache|no-store/);
    expect(on.cacheControl).not.toMatch(/max-age=[1-9]/);

    const withdraw = await helper.post(`/businesses/${producerId}/consents`, {
      intent: 'withdraw',
      purpose: 'publish_products',
      consentedBy: PERSON,
      ...assisted,
    });
    expect(withdraw.status).toBe(303);
    expect(await published()).toMatchObject({ api: false, list: false, detail: 404 });
  });

  it('the new purpose says plainly what is published, in Vietnamese and English, and is optional', () => {
    const t = CONSENT_PURPOSE_TEXT.publish_products;
    expect(t.required).toBe(false);
    for (const word of ['tên sản phẩm', 'tên', 'xã', 'liên kết']) expect(`${t.label.vi} ${t.detail.vi}`.toLowerCase()).toContain(word);
    for (const word of ['product name', 'producer', 'commune', 'link'])
      expect(`${t.label.en} ${t.detail.en}`.toLowerCase()).toContain(word);
  });
});

describe('the producer and a helper on its behalf manage each consent purpose', () => {
  it('a helper of another commune cannot see or change the consents', async () => {
    expect([403, 404]).toContain((await otherHelper.get(`/businesses/${producerId}/consents`)).status);
    const post = await otherHelper.post(`/businesses/${producerId}/consents`, {
      intent: 'grant',
      purpose: 'publish_products',
      consentedBy: 'Kẻ lạ',
      ...assisted,
    });
    expect([403, 404]).toContain(post.status);
    expect(
      await count("SELECT count(*) FROM consents WHERE business_id = ? AND purpose = 'publish_products' AND withdrawn_at IS NULL", [
        producerId,
      ]),
    ).toBe(0);
  });

  it('the producer sees each purpose with its wording, date and who recorded it (the helper, on its behalf)', async () => {
    const issued = await helper.post(`/businesses/${producerId}/claim-code`, {});
    const code = /class="slip-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(await issued.text())![1]!;
    producer = new Browserless(server.url);
    expect((await producer.post('/claim', { phone: PHONE, code, password: 'mat-khau-sen-1' })).status).toBe(303);
    const res = await producer.get(`/businesses/${producerId}/consents`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const p of ['processing', 'share_province', 'share_vendors', 'publish_products'] as const) {
      expect(html).toContain(CONSENT_PURPOSE_TEXT[p].label.vi);
      expect(html).toContain(CONSENT_PURPOSE_TEXT[p].detail.vi);
    }
    expect(html).toContain('Tổ CNS xã A');
    expect(html).toContain('thay mặt');
    expect(html).toContain(PERSON);
    const today = new Date().toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    expect(html).toContain(today);
    expect(html).toContain('Đã rút lại'); // the publication the helper withdrew
  });

  it('the producer corrects the consenting person’s name; the change is recorded', async () => {
    const bad = await producer.post(`/businesses/${producerId}/consents`, { intent: 'correct', purpose: 'processing', consentedBy: 'x' });
    expect(bad.status).toBe(400);
    const ok = await producer.post(`/businesses/${producerId}/consents`, {
      intent: 'correct',
      purpose: 'processing',
      consentedBy: 'Lê Thị Sen (chủ hộ)',
      relation: 'self',
    });
    expect(ok.status).toBe(303);
    const row = await server.db.execute({
      sql: "SELECT consented_by_name FROM consents WHERE business_id = ? AND purpose = 'processing' AND withdrawn_at IS NULL",
      args: [producerId],
    });
    expect(row.rows[0]!.consented_by_name).toBe('Lê Thị Sen (chủ hộ)');
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'consent_correct' AND entity_id = ?", [String(producerId)])).toBe(1);
  });

  it('the producer grants and withdraws publication itself; it takes effect at once', async () => {
    expect((await producer.post(`/businesses/${producerId}/consents`, { intent: 'grant', purpose: 'publish_products' })).status).toBe(303);
    expect(await published()).toMatchObject({ api: true, list: true, detail: 200 });
    expect((await producer.post(`/businesses/${producerId}/consents`, { intent: 'withdraw', purpose: 'share_province' })).status).toBe(303);
    expect((await producer.post(`/businesses/${producerId}/consents`, { intent: 'withdraw', purpose: 'publish_products' })).status).toBe(
      303,
    );
    expect(await published()).toMatchObject({ api: false, list: false, detail: 404 });
    expect(await count('SELECT count(*) FROM consents WHERE business_id = ? AND withdrawn_at IS NULL', [producerId])).toBe(1); // processing only
  });

  it('withdrawing the processing consent is not a silent switch: it explains that it means erasing the account', async () => {
    const res = await producer.post(`/businesses/${producerId}/consents`, { intent: 'withdraw', purpose: 'processing' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('xóa tài khoản');
    expect(html).toContain('/account/data');
    expect(
      await count("SELECT count(*) FROM consents WHERE business_id = ? AND purpose = 'processing' AND withdrawn_at IS NULL", [producerId]),
    ).toBe(1);
    // The producer has its own account now: a helper cannot erase it on its behalf.
    const byHelper = await helper.post(`/businesses/${producerId}/consents`, {
      intent: 'withdraw',
      purpose: 'processing',
      consentedBy: PERSON,
      ...assisted,
      confirm: 'XOA',
    });
    expect(byHelper.status).toBe(409);
    expect(await count('SELECT count(*) FROM businesses WHERE id = ?', [producerId])).toBe(1);
  });
});

describe('erasure pseudonymises the audit trail', () => {
  it('after a producer erases its data, no table holds its personal data; the events stay under a pseudonym', async () => {
    // A failed login leaves the phone number in the throttle table.
    expect((await new Browserless(server.url).post('/login', { login: PHONE, password: 'wrong-password' })).status).toBe(400);
    const userId = Number((await server.db.execute({ sql: 'SELECT id FROM users WHERE business_id = ?', args: [producerId] })).rows[0]!.id);
    const before = await count("SELECT count(*) FROM audit_log WHERE (entity = 'business' AND entity_id = ?) OR actor_user_id = ?", [
      String(producerId),
      userId,
    ]);
    expect(before).toBeGreaterThan(5);
    expect(await wholeDatabase()).toContain(PERSON);

    const erased = await producer.post('/account/data', { password: 'mat-khau-sen-1', confirm: 'XOA' });
    expect(erased.status).toBe(303);

    const dump = await wholeDatabase();
    for (const secret of [PERSON, HOUSEHOLD, PHONE_E164, '913111222', PRODUCT, CERTIFICATE, LISTING_URL, DESCRIPTION]) {
      expect(dump, secret).not.toContain(secret);
    }
    expect(
      await count("SELECT count(*) FROM audit_log WHERE (entity = 'business' AND entity_id = ?) OR actor_user_id = ?", [
        String(producerId),
        userId,
      ]),
    ).toBe(0);
    const pseudonyms = await server.db.execute("SELECT DISTINCT entity_id FROM audit_log WHERE entity_id LIKE 'đã xóa #%'");
    expect(pseudonyms.rows).toHaveLength(1);
    const pseudonym = String(pseudonyms.rows[0]!.entity_id);
    // Every event stays, plus the erasure itself, under one stable pseudonym; the helper's actions still name the helper.
    expect(await count('SELECT count(*) FROM audit_log WHERE entity_id = ?', [pseudonym])).toBe(before + 1);
    expect(await count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'erase_business'", [pseudonym])).toBe(1);
    // What the producer did itself is attributed to the pseudonym, not to the deleted account.
    expect(
      await count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND actor_user_id IS NULL AND json_extract(detail, '$.actor') = ?", [
        pseudonym,
        pseudonym,
      ]),
    ).toBeGreaterThanOrEqual(5);
    expect(
      await count(
        "SELECT count(*) FROM audit_log l JOIN users u ON u.id = l.actor_user_id WHERE l.entity_id = ? AND u.email = 'helper-a@example.com'",
        [pseudonym],
      ),
    ).toBeGreaterThan(3);
  });

  it('after a business registered online erases its data, its e-mail, tax code and name are gone from every table', async () => {
    const taxCode = taxCodeFrom('077123450');
    const c = new Browserless(server.url);
    const reg = await c.post('/register', {
      taxCode,
      name: 'Công ty Mây Tre Đan Phú Vinh',
      communeCode: communeA,
      login: 'maytre.phuvinh@example.com',
      password: 'mat-khau-may-tre',
      consent: 'yes',
    });
    expect(reg.status).toBe(303);
    expect((await c.post('/account', { current: 'mat-khau-may-tre', next: 'mat-khau-may-tre-2' })).status).toBe(200);
    expect(
      (await new Browserless(server.url).post('/login', { login: 'maytre.phuvinh@example.com', password: 'sai-mat-khau' })).status,
    ).toBe(400);
    expect((await c.post('/account/data', { password: 'mat-khau-may-tre-2', confirm: 'XOA' })).status).toBe(303);
    const dump = await wholeDatabase();
    for (const secret of ['maytre.phuvinh@example.com', taxCode, 'Mây Tre Đan Phú Vinh']) expect(dump, secret).not.toContain(secret);
    expect(
      await count("SELECT count(*) FROM audit_log WHERE action IN ('register', 'change_password') AND entity_id NOT LIKE 'đã xóa #%'"),
    ).toBe(0);
  });

  it('a helper records that a producer without an account withdraws processing consent: the producer is erased, events pseudonymised', async () => {
    const reg = await helper.post('/assisted/new', {
      producerType: 'household',
      displayName: 'Hộ ông Đinh Văn Cốm',
      businessName: '',
      phone: '0913 444 555',
      taxCode: '',
      consentedBy: 'Đinh Văn Cốm',
      ...assisted,
      consent_processing: 'true',
      consent_publish_products: 'true',
    });
    expect(reg.status).toBe(303);
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    // Ticked at registration: published straight away.
    expect(
      await count("SELECT count(*) FROM consents WHERE business_id = ? AND purpose = 'publish_products' AND withdrawn_at IS NULL", [id]),
    ).toBe(1);
    const noConfirm = await helper.post(`/businesses/${id}/consents`, {
      intent: 'withdraw',
      purpose: 'processing',
      consentedBy: 'Đinh Văn Cốm',
      ...assisted,
      confirm: '',
    });
    expect(noConfirm.status).toBe(400);
    expect(await count('SELECT count(*) FROM businesses WHERE id = ?', [id])).toBe(1);
    const res = await helper.post(`/businesses/${id}/consents`, {
      intent: 'withdraw',
      purpose: 'processing',
      consentedBy: 'Đinh Văn Cốm',
      ...assisted,
      confirm: 'XOA',
    });
    expect(res.status).toBe(303);
    expect(await count('SELECT count(*) FROM businesses WHERE id = ?', [id])).toBe(0);
    const dump = await wholeDatabase();
    for (const secret of ['Đinh Văn Cốm', '913444555']) expect(dump, secret).not.toContain(secret);
    expect(await count("SELECT count(*) FROM audit_log WHERE entity = 'business' AND entity_id = ?", [String(id)])).toBe(0);
  });
});
