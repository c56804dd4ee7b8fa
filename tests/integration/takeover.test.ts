import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';

let server: TestServer;
let commune: string;
let officer: Browserless;
beforeAll(async () => {
  server = await startServer();
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
  const admin = new Browserless(server.url);
  expect((await admin.post('/login', { login: ADMIN.email, password: ADMIN.password })).status).toBe(303);
  expect(
    (
      await admin.post('/admin/users', {
        role: 'officer',
        displayName: 'Cán bộ tỉnh',
        login: 'canbo-tinh@example.com',
        password: 'mat-khau-can-bo-tinh',
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await admin.post('/admin/users', {
        role: 'officer',
        displayName: 'Cán bộ xã',
        login: 'canbo-xa@example.com',
        password: 'mat-khau-can-bo-xa',
        communeCode: commune,
      })
    ).status,
  ).toBe(200);
  officer = new Browserless(server.url);
  expect((await officer.post('/login', { login: 'canbo-tinh@example.com', password: 'mat-khau-can-bo-tinh' })).status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
});

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rs = await server.db.execute({ sql, args });
  return Number(rs.rows[0]![0]);
}

async function requestId(taxCode: string): Promise<number> {
  const rs = await server.db.execute({
    sql: 'SELECT id FROM takeover_requests WHERE tax_code = ? ORDER BY id DESC LIMIT 1',
    args: [taxCode],
  });
  return Number(rs.rows[0]!.id);
}

function takeoverForm(taxCode: string, login: string) {
  return {
    taxCode,
    businessName: 'Công ty TNHH Chính Chủ',
    contactName: 'Nguyễn Văn Chủ',
    login,
    password: 'mat-khau-chinh-chu',
    note: 'Giấy chứng nhận đăng ký doanh nghiệp số 0123, cấp ngày 01/02/2020; tôi là giám đốc.',
    consent: 'yes',
  };
}

describe('tax code takeover', () => {
  it('a business whose tax code was taken files a request; a province officer approves and the account moves (audited)', async () => {
    const tax = taxCodeFrom('089000001');
    const squatter = new Browserless(server.url);
    const reg = await squatter.post('/register', {
      taxCode: tax,
      name: 'Công ty Giả Mạo',
      communeCode: commune,
      login: 'giamao@example.com',
      password: 'mat-khau-gia-mao',
      consent: 'yes',
    });
    expect(reg.status).toBe(303);
    const businessId = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);

    // The honest owner is refused at registration and pointed to the takeover form.
    const owner = new Browserless(server.url);
    const refused = await owner.post('/register', {
      taxCode: tax,
      name: 'Công ty TNHH Chính Chủ',
      communeCode: commune,
      login: 'chinhchu@example.com',
      password: 'mat-khau-chinh-chu',
      consent: 'yes',
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('href="/takeover"');

    const filed = await owner.post('/takeover', takeoverForm(tax, 'chinhchu@example.com'));
    expect(filed.status).toBe(303);
    expect(owner.cookies.has('session')).toBe(true);
    const status = await owner.get(filed.headers.get('location')!);
    expect(status.status).toBe(200);
    expect(await status.text()).toContain('Đang chờ xem xét');
    expect(await count("SELECT count(*) FROM takeover_requests WHERE tax_code = ? AND status = 'pending'", [tax])).toBe(1);
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'takeover_request'")).toBe(1);

    // Only province officers and administrators see the requests.
    expect((await squatter.get('/admin/takeovers')).status).toBe(403);
    const communeOfficer = new Browserless(server.url);
    await communeOfficer.post('/login', { login: 'canbo-xa@example.com', password: 'mat-khau-can-bo-xa' });
    expect((await communeOfficer.get('/admin/takeovers')).status).toBe(403);

    const list = await officer.get('/admin/takeovers');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(tax);
    expect(html).toContain('Giấy chứng nhận đăng ký doanh nghiệp số 0123');
    expect(html).toContain('Công ty Giả Mạo');

    const id = await requestId(tax);
    const approved = await officer.post('/admin/takeovers', {
      intent: 'approve',
      id: String(id),
      decisionNote: 'Đã đối chiếu giấy tờ gốc.',
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('Đã chuyển doanh nghiệp');

    // The old owner's sessions ended; logging in again no longer reaches the business.
    expect((await squatter.get(`/businesses/${businessId}`)).status).toBe(303);
    const again = new Browserless(server.url);
    expect((await again.post('/login', { login: 'giamao@example.com', password: 'mat-khau-gia-mao' })).status).toBe(303);
    expect((await again.get(`/businesses/${businessId}`)).status).toBe(404);
    // The requester now manages it.
    const mine = await owner.get(`/businesses/${businessId}`);
    expect(mine.status).toBe(200);
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'takeover_approve' AND entity_id = ?", [String(businessId)])).toBe(1);
    expect(
      await count("SELECT count(*) FROM takeover_requests WHERE id = ? AND status = 'approved' AND decided_by IS NOT NULL", [id]),
    ).toBe(1);

    // A decided request cannot be decided again.
    const twice = await officer.post('/admin/takeovers', { intent: 'reject', id: String(id), decisionNote: 'Nhầm.' });
    expect(twice.status).toBe(409);
  });

  it('a province officer rejects a request; nothing moves and it is audited', async () => {
    const tax = taxCodeFrom('089000002');
    const holder = new Browserless(server.url);
    const reg = await holder.post('/register', {
      taxCode: tax,
      name: 'Công ty Thật',
      communeCode: commune,
      login: 'that@example.com',
      password: 'mat-khau-that',
      consent: 'yes',
    });
    const businessId = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    const claimant = new Browserless(server.url);
    expect((await claimant.post('/takeover', takeoverForm(tax, 'manhan@example.com'))).status).toBe(303);
    const id = await requestId(tax);
    const rejected = await officer.post('/admin/takeovers', { intent: 'reject', id: String(id), decisionNote: 'Giấy tờ không khớp.' });
    expect(rejected.status).toBe(200);
    expect(await count("SELECT count(*) FROM takeover_requests WHERE id = ? AND status = 'rejected'", [id])).toBe(1);
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'takeover_reject' AND entity_id = ?", [String(id)])).toBe(1);
    expect((await holder.get(`/businesses/${businessId}`)).status).toBe(200);
    expect((await claimant.get(`/businesses/${businessId}`)).status).toBe(404);
    expect(await (await claimant.get('/takeover')).text()).toContain('Bị từ chối');
  });

  it('the takeover form rejects bad input with a 400 and stores nothing', async () => {
    const before = await count('SELECT count(*) FROM takeover_requests');
    const c = new Browserless(server.url);
    const res = await c.post('/takeover', { ...takeoverForm('12345', 'xau@example.com'), note: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="f-taxCode-error"');
    expect(html).toContain('id="f-note-error"');
    expect(await count('SELECT count(*) FROM takeover_requests')).toBe(before);
    expect(await count("SELECT count(*) FROM users WHERE email = 'xau@example.com'")).toBe(0);
  });
});
