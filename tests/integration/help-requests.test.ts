import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { decodeMail, startSmtp, waitForMail, type TestSmtp } from '../helpers/smtp.ts';

// Help requests that come back (issue 14 item 4) and the staff worklist (issue 15 item 5): contact only
// with consent, the status flow, assignment within the commune, due dates, history, notices and e-mail.

let server: TestServer;
let smtp: TestSmtp;
let communeA = '';
let communeB = '';
const ids: Record<string, number> = {};
const clients: Record<string, Browserless> = {};

async function rows<T>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  return (await server.db.execute({ sql, args })).rows as unknown as T[];
}
async function one(sql: string, args: (string | number)[] = []): Promise<unknown> {
  const [r] = (await server.db.execute({ sql, args })).rows;
  return r ? Object.values(r)[0] : undefined;
}

async function login(s: TestServer, login: string, password: string): Promise<Browserless> {
  const c = new Browserless(s.url);
  expect((await c.post('/login', { login, password })).status).toBe(303);
  return c;
}

/** Registers a business in a commune; returns its id and the owner's client. */
async function register(s: TestServer, first9: string, name: string, commune: string, loginName: string) {
  const c = new Browserless(s.url);
  const res = await c.post('/register', {
    taxCode: taxCodeFrom(first9),
    name,
    communeCode: commune,
    login: loginName,
    password: 'mat-khau-doanh-nghiep',
    consent: 'yes',
  });
  expect(res.status).toBe(303);
  return { id: Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]), client: c };
}

async function createStaff(s: TestServer, admin: Browserless, role: 'helper' | 'officer', loginName: string, commune: string) {
  const res = await admin.post('/admin/users', {
    role,
    displayName: `${role} ${loginName}`,
    login: loginName,
    password: 'mat-khau-can-bo-1',
    communeCode: commune,
  });
  expect(res.status).toBe(200);
  const [u] = (await s.db.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [loginName] })).rows;
  return Number(u!.id);
}

async function ask(c: Browserless, businessId: number, fields: Record<string, string>) {
  return c.post(`/businesses/${businessId}/help`, { intent: 'help', kind: 'advice', back: `/businesses/${businessId}/help`, ...fields });
}

async function requestOf(businessId: number): Promise<number> {
  return Number(await one('SELECT max(id) FROM help_requests WHERE business_id = ?', [businessId]));
}

const snapshot = (id: number) =>
  rows<Record<string, unknown>>(
    'SELECT status, assigned_to, due_date, note, updated_at, (SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ?) AS audits FROM help_requests WHERE id = ?',
    ['help_request', String(id), id],
  ).then((r) => r[0]);

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'cong-thong-tin@example.vn' } });
  const [a, b] = await rows<{ code: string }>("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 2");
  communeA = a!.code;
  communeB = b!.code;
  const admin = await login(server, ADMIN.email, ADMIN.password);
  ids.helperA = await createStaff(server, admin, 'helper', 'helper-a@example.com', communeA);
  ids.helperA2 = await createStaff(server, admin, 'helper', 'helper-a2@example.com', communeA);
  ids.helperB = await createStaff(server, admin, 'helper', 'helper-b@example.com', communeB);
  ids.officerA = await createStaff(server, admin, 'officer', 'officer-a@example.com', communeA);
  for (const name of ['helperA', 'helperB', 'officerA'] as const) {
    clients[name] = await login(server, `${name.replace(/([AB])$/, '-$1').toLowerCase()}@example.com`, 'mat-khau-can-bo-1');
  }
  const withContact = await register(server, '087000010', 'Tiệm May Cô Ba', communeA, 'co-ba@example.com');
  ids.withContact = withContact.id;
  clients.owner = withContact.client;
  // The owner of this one logs in with a phone number: it must never reach staff without consent.
  const noContact = await register(server, '087000020', 'Quán Cơm Chú Năm', communeA, '0987 111 222');
  ids.noContact = noContact.id;
  clients.ownerNoContact = noContact.client;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

describe('asking for help: the contact is shared only with the agreement', () => {
  it('a contact typed without ticking the agreement is refused (400, vi + en), nothing is written', async () => {
    const before = await one('SELECT count(*) FROM help_requests');
    const res = await ask(clients.owner!, ids.withContact!, { need: 'e_invoice', contactMethod: 'phone', contactValue: '0912 345 678' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Vui lòng đánh dấu đồng ý để cán bộ xã/phường được xem thông tin liên hệ này');
    // The form comes back with what was typed.
    expect(html).toContain('value="0912 345 678"');
    const en = await clients.owner!.post(`/en/businesses/${ids.withContact}/help`, {
      intent: 'help',
      kind: 'advice',
      need: 'e_invoice',
      contactMethod: 'email',
      contactValue: 'not-an-address',
      contactConsent: 'yes',
    });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('The e-mail address is not valid');
    expect(await one('SELECT count(*) FROM help_requests')).toBe(before);
  });

  it('with the agreement the chosen contact is stored (normalised) and the commune’s staff see it', async () => {
    const res = await ask(clients.owner!, ids.withContact!, {
      need: 'e_invoice',
      contactMethod: 'zalo',
      contactValue: '0912.345.678',
      contactConsent: 'yes',
      message: 'Cần hướng dẫn xuất hoá đơn điện tử',
    });
    expect(res.status).toBe(303);
    const rid = await requestOf(ids.withContact!);
    ids.request = rid;
    const [row] = await rows<{ m: string; v: string; c: number | null }>(
      'SELECT contact_method AS m, contact_value AS v, contact_consent_at AS c FROM help_requests WHERE id = ?',
      [rid],
    );
    expect(row).toMatchObject({ m: 'zalo', v: '+84912345678' });
    expect(row!.c).not.toBeNull();
    // The request's own history starts with who sent it (the value itself stays out of the audit log).
    const [created] = await rows<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE entity = 'help_request' AND entity_id = ? AND action = 'help_create'",
      [String(rid)],
    );
    expect(JSON.parse(created!.detail)).toEqual({ status: 'new', kind: 'advice', contactMethod: 'zalo' });
    const list = await (await clients.officerA!.get('/worklist')).text();
    expect(list).toContain('Tiệm May Cô Ba');
    expect(list).toContain('0912 345 678');
    expect(list).toContain('https://zalo.me/0912345678');
  });

  it('without a contact, staff see "no contact" and never the phone the owner logs in with', async () => {
    const res = await ask(clients.ownerNoContact!, ids.noContact!, { need: 'online_presence' });
    expect(res.status).toBe(303);
    const rid = await requestOf(ids.noContact!);
    for (const path of ['/worklist', `/businesses/${ids.noContact}/help/${rid}`]) {
      const html = await (await clients.officerA!.get(path)).text();
      expect(html, path).toContain('Quán Cơm Chú Năm');
      expect(html, path).toContain('Doanh nghiệp chưa để lại liên hệ');
      for (const phone of ['0987 111 222', '0987111222', '+84987111222', '987111222']) expect(html, path).not.toContain(phone);
    }
  });

  it('a contact stored without a consent date (older data) is not shown either', async () => {
    const rid = await requestOf(ids.noContact!);
    await server.db.execute({
      sql: "UPDATE help_requests SET contact_method = 'phone', contact_value = '+84987111222' WHERE id = ?",
      args: [rid],
    });
    const html = await (await clients.officerA!.get('/worklist')).text();
    expect(html).not.toContain('0987 111 222');
    await server.db.execute({ sql: 'UPDATE help_requests SET contact_method = NULL, contact_value = NULL WHERE id = ?', args: [rid] });
  });
});

describe('attack: a helper of another commune reaches a request', () => {
  it('cannot read it, list it, change its status, assign it or set its due date (404, nothing written)', async () => {
    const rid = ids.request!;
    const before = await snapshot(rid);
    const helperB = clients.helperB!;
    expect((await helperB.get(`/businesses/${ids.withContact}/help/${rid}`)).status).toBe(404);
    expect((await helperB.get(`/businesses/${ids.withContact}/help`)).status).toBe(404);
    const list = await (await helperB.get('/worklist')).text();
    expect(list).not.toContain('Tiệm May Cô Ba');
    expect(list).not.toContain('0912 345 678');
    const attempts: Record<string, string>[] = [
      { id: String(rid), status: 'contacted' },
      { id: String(rid), status: 'new', assignedTo: String(ids.helperB) },
      { id: String(rid), status: 'new', dueDate: '2099-01-01' },
    ];
    for (const form of attempts) {
      expect((await helperB.post('/worklist', form)).status).toBe(404);
      expect((await helperB.post(`/businesses/${ids.withContact}/help/${rid}`, form)).status).toBe(404);
    }
    expect(await snapshot(rid)).toEqual(before);
  });

  it('the business itself cannot change its status (403) and reads no assignee', async () => {
    const rid = ids.request!;
    const before = await snapshot(rid);
    expect((await clients.owner!.post(`/businesses/${ids.withContact}/help/${rid}`, { status: 'done' })).status).toBe(403);
    expect((await clients.owner!.post('/worklist', { id: String(rid), status: 'done' })).status).toBe(403);
    expect(await snapshot(rid)).toEqual(before);
  });
});

describe('assignment: only to a helper of the business’s commune', () => {
  it('assigning a helper of another commune, or an officer, is a field error (400, vi + en) and nothing is written', async () => {
    const rid = ids.request!;
    const before = await snapshot(rid);
    for (const who of [ids.helperB!, ids.officerA!, 999_999]) {
      const res = await clients.officerA!.post('/worklist', { id: String(rid), status: 'new', assignedTo: String(who) });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Chỉ có thể giao cho thành viên tổ công nghệ số cộng đồng của xã/phường');
    }
    const en = await clients.officerA!.post('/en/worklist', { id: String(rid), status: 'new', assignedTo: String(ids.helperB) });
    expect(await en.text()).toContain('can only be assigned to a community digital team member');
    expect(await snapshot(rid)).toEqual(before);
  });

  it('the worklist offers only the commune’s helpers; assigning one with a due date is saved and audited', async () => {
    const rid = ids.request!;
    const list = await (await clients.officerA!.get('/worklist')).text();
    const select = new RegExp(`<select id="as-${rid}"[^>]*>([\\s\\S]*?)</select>`).exec(list)![1]!;
    expect(select).toContain(`value="${ids.helperA}"`);
    expect(select).toContain(`value="${ids.helperA2}"`);
    expect(select).not.toContain(`value="${ids.helperB}"`);
    expect(select).not.toContain(`value="${ids.officerA}"`);
    const res = await clients.officerA!.post('/worklist', {
      id: String(rid),
      status: 'new',
      assignedTo: String(ids.helperA),
      dueDate: '2099-12-31',
    });
    expect(res.status).toBe(200);
    const row = await snapshot(rid);
    expect(row).toMatchObject({ status: 'new', assigned_to: ids.helperA, due_date: '2099-12-31' });
    const [audit] = await rows<{ actor: number; detail: string }>(
      "SELECT actor_user_id AS actor, detail FROM audit_log WHERE entity = 'help_request' AND entity_id = ? AND action = 'help_update' ORDER BY id DESC LIMIT 1",
      [String(rid)],
    );
    expect(audit!.actor).toBe(ids.officerA);
    expect(JSON.parse(audit!.detail)).toEqual({ assignedTo: { from: null, to: ids.helperA }, dueDate: { from: null, to: '2099-12-31' } });
  });

  it('a due date in the past is refused; a request past its due date is highlighted as overdue', async () => {
    const rid = ids.request!;
    const before = await snapshot(rid);
    const res = await clients.officerA!.post('/worklist', { id: String(rid), status: 'new', dueDate: '2020-01-01' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Hạn xử lý không được trước hôm nay');
    expect(await snapshot(rid)).toEqual(before);
    // Time passes: the due date is now behind us.
    await server.db.execute({ sql: "UPDATE help_requests SET due_date = '2020-01-01' WHERE id = ?", args: [rid] });
    const overdue = await (await clients.helperA!.get('/worklist?overdue=1')).text();
    expect(overdue).toContain(`class="help-card overdue" id="request-${rid}"`);
    expect(overdue).toContain('Quá hạn');
    await server.db.execute({ sql: "UPDATE help_requests SET due_date = '2099-12-31' WHERE id = ?", args: [rid] });
    expect(await (await clients.helperA!.get('/worklist?overdue=1')).text()).not.toContain(`id="request-${rid}"`);
  });
});

describe('status flow', () => {
  it('invalid transitions are refused with a vi/en message (409) and nothing is written', async () => {
    const rid = ids.request!;
    const before = await snapshot(rid);
    for (const status of ['done', 'in_progress']) {
      const res = await clients.helperA!.post('/worklist', { id: String(rid), status });
      expect(res.status, status).toBe(409);
      expect(await res.text()).toContain('Không thể chuyển từ “Mới”');
    }
    const en = await clients.helperA!.post('/en/worklist', { id: String(rid), status: 'done' });
    expect(en.status).toBe(409);
    expect(await en.text()).toContain('A request cannot go from “New” to “Done”');
    const unknown = await clients.helperA!.post('/worklist', { id: String(rid), status: 'closed' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Trạng thái không hợp lệ');
    expect(await snapshot(rid)).toEqual(before);
  });

  it('new → contacted → in progress → done: each change audited with who and when, e-mailed to the business, shown to it once', async () => {
    const rid = ids.request!;
    const steps: [Browserless, string, string][] = [
      [clients.officerA!, 'contacted', 'Đã liên hệ'],
      [clients.helperA!, 'in_progress', 'Đang hỗ trợ'],
      [clients.helperA!, 'done', 'Đã xong'],
    ];
    for (const [client, status, label] of steps) {
      const res = await client.post(`/businesses/${ids.withContact}/help/${rid}`, { status, note: `Bước ${status}` });
      expect(res.status, status).toBe(200);
      expect(await one('SELECT status FROM help_requests WHERE id = ?', [rid])).toBe(status);
      const mail = await waitForMail(smtp, (m) => decodeMail(m.raw).subject.includes(label));
      expect(mail.to).toEqual(['co-ba@example.com']);
      const { subject, text } = decodeMail(mail.raw);
      expect(subject).toContain(`Yêu cầu hỗ trợ: ${label}`);
      expect(text).toContain(`/businesses/${ids.withContact}/help/${rid}`);
      expect(text).toContain('Tiệm May Cô Ba');
      // The business sees the new status on its page at its next visit, once.
      const page = await (await clients.owner!.get(`/businesses/${ids.withContact}`)).text();
      expect(page).toContain('Yêu cầu hỗ trợ của bạn có cập nhật mới');
      expect(page).toContain(`help-status-${status}`);
      const again = await (await clients.owner!.get(`/businesses/${ids.withContact}`)).text();
      expect(again).not.toContain('Yêu cầu hỗ trợ của bạn có cập nhật mới');
      expect(again).toContain(`help-status-${status}`);
    }
    const audits = await rows<{ actor: number; detail: string; at: number }>(
      "SELECT actor_user_id AS actor, detail, at FROM audit_log WHERE entity = 'help_request' AND entity_id = ? AND action = 'help_update' AND detail LIKE '%status%' ORDER BY id",
      [String(rid)],
    );
    expect(audits.map((a) => [a.actor, JSON.parse(a.detail).status])).toEqual([
      [ids.officerA, { from: 'new', to: 'contacted' }],
      [ids.helperA, { from: 'contacted', to: 'in_progress' }],
      [ids.helperA, { from: 'in_progress', to: 'done' }],
    ]);
    const history = await (await clients.officerA!.get(`/businesses/${ids.withContact}/help/${rid}`)).text();
    expect(history).toContain('Trạng thái: Mới → Đã liên hệ');
    expect(history).toContain('Trạng thái: Đang hỗ trợ → Đã xong');
    expect(history).toContain('officer officer-a@example.com');
    const english = await (await clients.owner!.get(`/en/businesses/${ids.withContact}/help/${rid}`)).text();
    expect(english).toContain('Status: New → Contacted');
    // The business reads the status history, not who on the staff it was assigned to or their notes.
    expect(english).not.toContain('Assigned to');
    expect(english).not.toContain('Bước contacted');
    // Done is final.
    expect((await clients.officerA!.post('/worklist', { id: String(rid), status: 'contacted' })).status).toBe(409);
  });

  it('the business withdraws its contact: erased, no longer shown to staff', async () => {
    const rid = ids.request!;
    const res = await clients.owner!.post(`/businesses/${ids.withContact}/help/${rid}`, { intent: 'withdraw' });
    expect(res.status).toBe(200);
    expect(
      await rows('SELECT 1 FROM help_requests WHERE id = ? AND contact_value IS NULL AND contact_consent_at IS NULL', [rid]),
    ).toHaveLength(1);
    const html = await (await clients.officerA!.get(`/businesses/${ids.withContact}/help/${rid}`)).text();
    expect(html).not.toContain('0912 345 678');
    expect(html).toContain('Doanh nghiệp rút lại thông tin liên hệ');
  });
});

describe('e-mail is a courtesy: the portal works without it and despite it', () => {
  it('SMTP not configured: the status changes, no e-mail is sent', async () => {
    const quiet = await startServer({});
    try {
      const admin = await login(quiet, ADMIN.email, ADMIN.password);
      await createStaff(quiet, admin, 'officer', 'officer-q@example.com', communeA);
      const officer = await login(quiet, 'officer-q@example.com', 'mat-khau-can-bo-1');
      const biz = await register(quiet, '087000030', 'Tạp hoá Không Thư', communeA, 'khong-thu@example.com');
      expect((await ask(biz.client, biz.id, { need: 'e_invoice' })).status).toBe(303);
      const [r] = (await quiet.db.execute('SELECT id FROM help_requests')).rows;
      const before = smtp.received.length;
      expect((await officer.post('/worklist', { id: String(r!.id), status: 'contacted' })).status).toBe(200);
      expect(String((await quiet.db.execute('SELECT status FROM help_requests')).rows[0]!.status)).toBe('contacted');
      await new Promise((res) => setTimeout(res, 1000));
      expect(smtp.received.length).toBe(before);
      expect(quiet.logs()).not.toContain('e-mail not sent');
    } finally {
      await quiet.stop();
    }
  }, 120_000);

  it('the mail server is down: the status still changes; the failure is logged without the address or the SMTP password', async () => {
    const closed = await startSmtp();
    await closed.stop();
    const broken = await startServer({ env: { SMTP_URL: `smtp://mailer:s3cret-pass@127.0.0.1:${closed.port}` } });
    try {
      const admin = await login(broken, ADMIN.email, ADMIN.password);
      await createStaff(broken, admin, 'officer', 'officer-x@example.com', communeA);
      const officer = await login(broken, 'officer-x@example.com', 'mat-khau-can-bo-1');
      const biz = await register(broken, '087000040', 'Tạp hoá Thư Lỗi', communeA, 'thu-loi@example.com');
      expect((await ask(biz.client, biz.id, { need: 'e_invoice' })).status).toBe(303);
      const [r] = (await broken.db.execute('SELECT id FROM help_requests')).rows;
      expect((await officer.post('/worklist', { id: String(r!.id), status: 'unreachable' })).status).toBe(200);
      expect(String((await broken.db.execute('SELECT status FROM help_requests')).rows[0]!.status)).toBe('unreachable');
      const deadline = Date.now() + 15_000;
      while (!broken.logs().includes('e-mail not sent') && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
      expect(broken.logs()).toContain('e-mail not sent');
      expect(broken.logs()).not.toContain('thu-loi@example.com');
      expect(broken.logs()).not.toContain('s3cret-pass');
    } finally {
      await broken.stop();
    }
  }, 120_000);

  it('an invalid SMTP_URL stops the start with a clear message', async () => {
    await expect(startServer({ env: { SMTP_URL: 'http://mail.example.vn' } })).rejects.toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});
