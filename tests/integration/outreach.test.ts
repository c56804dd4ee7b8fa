import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';
import { FACT_SHARES, INDICATORS } from '#src/domain/indicators/definitions.ts';

let server: TestServer;
let frameworks: Record<string, PublicFramework>;
let A: string;
let B: string;
let nameA: string;
let nameB: string;
let admin: Browserless;
let province: Browserless;
let officerA: Browserless;
let helperA: Browserless;
let helperAId: number;
let helperBId: number;
let owner: Browserless;
const ids: Record<string, number> = {};
const YEAR = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());

type Profile = { framework: 'dbi-sme' | 'producer'; sector: string; producerType: string; employees: string; revenueMillion: string };
const MICRO_SHOP: Profile = { framework: 'dbi-sme', sector: 'G', producerType: 'enterprise', employees: '3', revenueMillion: '2000' };
const LARGE_FACTORY: Profile = {
  framework: 'dbi-sme',
  sector: 'C',
  producerType: 'enterprise',
  employees: '600',
  revenueMillion: '900000',
};
const COOP: Profile = { framework: 'producer', sector: 'A', producerType: 'cooperative', employees: '5', revenueMillion: '' };

const EINVOICE = { i2_einvoice: 'g3' };
const BANKING = { c2_online_banking: 'g2' };
const MARKET = { c1_ecommerce_floor: 'g2' };

async function login(login: string, password: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password })).status, login).toBe(303);
  return c;
}

/** Registers a business through the web form and submits one assessment (worst answers except `overrides`). */
async function assessed(key: string, prefix: string, commune: string, p: Profile, overrides: Record<string, string>): Promise<Browserless> {
  const c = new Browserless(server.url);
  const res = await c.post('/register', {
    taxCode: taxCodeFrom(prefix),
    name: `Cơ sở Tiếp cận ${key}`,
    communeCode: commune,
    login: `${key.toLowerCase()}@example.com`,
    password: 'mat-khau-co-so',
    consent: 'yes',
  });
  expect(res.status, key).toBe(303);
  const id = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
  ids[key] = id;
  await c.post(`/businesses/${id}/assessment`, { framework: p.framework });
  const prof = await c.post(`/businesses/${id}/assessment/profile`, {
    sector: p.sector,
    producerType: p.producerType,
    employees: p.employees,
    revenueMillion: p.revenueMillion,
    capitalMillion: '',
    communeCode: commune,
  });
  expect(prof.status, `${key} profile`).toBe(303);
  const review = await answerPages(c, id, frameworks[p.framework]!, (q) => (q.id in overrides ? [overrides[q.id]!] : worstFormValue(q)));
  expect((await c.post(review, {})).status, `${key} submit`).toBe(303);
  return c;
}

/** Simple CSV reader (quoted cells, doubled quotes): the exports are ours, RFC 4180. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\n') (row.push(cell.replace(/\r$/, '')), out.push(row), (row = []), (cell = ''));
    else cell += ch;
  }
  if (cell || row.length) (row.push(cell), out.push(row));
  return out.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));
}

/** The data rows of a list export (after the header row). */
async function listExport(c: Browserless, query: string): Promise<{ status: number; rows: string[][]; header: string[] }> {
  const res = await c.get(`/dashboard/businesses.csv?${query}`);
  if (res.status !== 200) return { status: res.status, rows: [], header: [] };
  const all = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
  const h = all.findIndex((r) => r[0] === 'Mã DN (Id)');
  return { status: 200, header: all[h]!, rows: all.slice(h + 1).filter((r) => r.length > 1) };
}

/** Numerator and denominator per indicator id, as the dashboard's own export shows them. */
async function dashboardNumbers(c: Browserless, query: string): Promise<Map<string, { numerator: number; denominator: number }>> {
  const res = await c.get(`/dashboard/export.csv?${query}`);
  expect(res.status, query).toBe(200);
  const rows = parseCsv(await res.text());
  const out = new Map<string, { numerator: number; denominator: number }>();
  for (const r of rows) if (INDICATORS.some((d) => d.id === r[0])) out.set(r[0]!, { numerator: Number(r[3]), denominator: Number(r[4]) });
  return out;
}

async function pageTotal(c: Browserless, query: string): Promise<{ total: number; html: string }> {
  const res = await c.get(`/dashboard/businesses?${query}`);
  expect(res.status, query).toBe(200);
  const html = await res.text();
  return { total: Number(/<p>\s*(\d+) doanh nghiệp/.exec(html)![1]), html };
}

beforeAll(async () => {
  server = await startServer();
  frameworks = { 'dbi-sme': await fetchFramework(server.url, 'dbi-sme'), producer: await fetchFramework(server.url, 'producer') };
  const rs = await server.db.execute("SELECT code, name FROM communes WHERE province_code = '37' ORDER BY code LIMIT 2");
  [A, B] = [String(rs.rows[0]!.code), String(rs.rows[1]!.code)];
  [nameA, nameB] = [String(rs.rows[0]!.name), String(rs.rows[1]!.name)];
  admin = await login(ADMIN.email, ADMIN.password);
  const staff = [
    ['officer', 'Cán bộ Sở', 'so-ct@example.com', ''],
    ['officer', 'Cán bộ xã A', 'canbo-a@example.com', A],
    ['helper', 'Tổ CNS xã A', 'tocns-a@example.com', A],
    ['helper', 'Tổ CNS xã B', 'tocns-b@example.com', B],
  ] as const;
  for (const [role, displayName, login, communeCode] of staff)
    expect((await admin.post('/admin/users', { role, displayName, login, password: 'mat-khau-can-bo', communeCode })).status).toBe(200);
  const helperIds = await server.db.execute("SELECT id, email FROM users WHERE role = 'helper'");
  helperAId = Number(helperIds.rows.find((r) => r.email === 'tocns-a@example.com')!.id);
  helperBId = Number(helperIds.rows.find((r) => r.email === 'tocns-b@example.com')!.id);
  province = await login('so-ct@example.com', 'mat-khau-can-bo');
  officerA = await login('canbo-a@example.com', 'mat-khau-can-bo');
  helperA = await login('tocns-a@example.com', 'mat-khau-can-bo');

  owner = await assessed('A1', '086100010', A, MICRO_SHOP, { ...EINVOICE, ...MARKET });
  await assessed('A2', '086100020', A, MICRO_SHOP, BANKING);
  await assessed('A3', '086100030', A, MICRO_SHOP, {});
  await assessed('A4', '086100040', A, LARGE_FACTORY, { ...EINVOICE, ...MARKET });
  await assessed('A5', '086100050', A, COOP, {});
  await assessed('B1', '086100060', B, MICRO_SHOP, { ...EINVOICE, ...BANKING, ...MARKET });
  await assessed('B2', '086100070', B, MICRO_SHOP, {});
  await assessed('B3', '086100080', B, MICRO_SHOP, EINVOICE);
  // A1 and B1 agree to be contacted by the Department; nobody else does.
  expect((await owner.post(`/businesses/${ids.A1}/consents`, { intent: 'grant', purpose: 'share_province' })).status).toBe(303);
  const b1 = await login('b1@example.com', 'mat-khau-co-so');
  expect((await b1.post(`/businesses/${ids.B1}/consents`, { intent: 'grant', purpose: 'share_province' })).status).toBe(303);
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const VIEWS: { who: () => Browserless; name: string; query: string }[] = [
  { who: () => province, name: 'province officer, whole province', query: '' },
  { who: () => admin, name: 'administrator, commune B', query: `commune=${'B'}` },
  { who: () => officerA, name: 'commune officer A', query: '' },
  { who: () => province, name: 'province officer, micro enterprises', query: 'size=micro&producerType=enterprise' },
  { who: () => officerA, name: 'commune officer A, sector G', query: 'sector=G' },
];

describe('both sides of every indicator', () => {
  it('has + does not = the denominator and has = the numerator, for every assessment-based share, in every scope and filter', async () => {
    for (const view of VIEWS) {
      const query = [`period=${YEAR}`, view.query.replace('commune=B', `commune=${B}`)].filter(Boolean).join('&');
      const numbers = await dashboardNumbers(view.who(), query);
      let seen = { has: 0, not: 0 };
      for (const { id, measure } of FACT_SHARES) {
        const shown = numbers.get(id)!;
        const has = await pageTotal(view.who(), `${query}&flag=${measure.numerator}&side=has`);
        const not = await pageTotal(view.who(), `${query}&flag=${measure.numerator}&side=not`);
        const ctx = `${view.name}: ${id}`;
        expect(has.total, ctx).toBe(shown.numerator);
        expect(has.total + not.total, ctx).toBe(shown.denominator);
        // The page shows both counts whichever side is open.
        expect(has.html, ctx).toContain(`Chưa có (${not.total})`);
        expect(not.html, ctx).toContain(`Đã có (${has.total})`);
        // The exports list the same businesses, and no business is on both sides.
        const hasRows = (await listExport(view.who(), `${query}&flag=${measure.numerator}&side=has`)).rows.map((r) => r[0]);
        const notRows = (await listExport(view.who(), `${query}&flag=${measure.numerator}&side=not`)).rows.map((r) => r[0]);
        expect(hasRows.length, ctx).toBe(has.total);
        expect(notRows.length, ctx).toBe(not.total);
        expect(
          hasRows.filter((x) => notRows.includes(x)),
          ctx,
        ).toEqual([]);
        seen = { has: seen.has + has.total, not: seen.not + not.total };
      }
      // Every view has businesses on both sides somewhere: the sums above are not 0 + 0 = 0.
      expect(seen.has, view.name).toBeGreaterThan(0);
      expect(seen.not, view.name).toBeGreaterThan(0);
    }
  }, 240_000);

  it('the worked example: large firms are outside the SME share, the co-operative outside e-contracts', async () => {
    const q = `period=${YEAR}&commune=${A}`;
    const names = async (flag: string, side: string) =>
      (await listExport(province, `${q}&flag=${flag}&side=${side}`)).rows.map((r) => r[1]);
    expect((await names('platform', 'has')).sort()).toEqual(['Cơ sở Tiếp cận A1']);
    // A4 is large: neither side of the SME share.
    expect((await names('platform', 'not')).sort()).toEqual(['Cơ sở Tiếp cận A2', 'Cơ sở Tiếp cận A3', 'Cơ sở Tiếp cận A5']);
    // The producer questionnaire does not ask about e-contracts: A5 is on neither side.
    const econtract = [...(await names('econtract', 'has')), ...(await names('econtract', 'not'))];
    expect(econtract).not.toContain('Cơ sở Tiếp cận A5');
    expect(econtract).toHaveLength(4);
    expect((await names('einvoice', 'has')).sort()).toEqual(['Cơ sở Tiếp cận A1', 'Cơ sở Tiếp cận A4']);
  });

  it('the dashboard links both sides of every share from its row', async () => {
    const res = await province.get(`/dashboard?period=${YEAR}`);
    const html = (await res.text()).replaceAll('&amp;', '&');
    for (const { measure } of FACT_SHARES) {
      expect(html).toMatch(new RegExp(`/dashboard/businesses\\?[^"]*flag=${measure.numerator}[^"]*&side=has"`));
      expect(html).toMatch(new RegExp(`/dashboard/businesses\\?[^"]*flag=${measure.numerator}[^"]*&side=not"`));
    }
  });

  it('pages through a long list instead of cutting it (and says the total)', async () => {
    const res = await province.get(`/dashboard/businesses?period=${YEAR}&flag=all&page=2`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('8 doanh nghiệp');
    // 8 businesses fit one page of 50: page 2 is empty but still says the total.
    expect(html).toContain('Không có doanh nghiệp nào.');
  });

  it('refuses an unknown side or flag with a Vietnamese message, not a 500', async () => {
    for (const q of ['flag=einvoice&side=maybe', 'flag=nope', 'flag=einvoice&commune=99999']) {
      const res = await province.get(`/dashboard/businesses?period=${YEAR}&${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.text(), q).toMatch(/không hợp lệ|không thuộc tỉnh/);
    }
  });
});

describe('exports respect scope and contact consent', () => {
  it('attack: a commune officer asks the export for another commune and gets only their own', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await officerA.get(`/dashboard/businesses.${format}?period=${YEAR}&commune=${B}&flag=einvoice&side=not`);
      expect(res.status, format).toBe(200);
      const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
      expect(text, format).toContain(nameA);
      if (!nameA.includes(nameB)) expect(text, format).not.toContain(nameB);
      for (const k of ['B1', 'B2', 'B3']) expect(text, `${format} ${k}`).not.toContain(`Cơ sở Tiếp cận ${k}`);
    }
    const csv = await listExport(officerA, `period=${YEAR}&commune=${B}&flag=all`);
    expect(csv.rows.length).toBe(5);
    for (const r of csv.rows) expect(r[3]).toBe(nameA);
  });

  it('attack: contact details of a business that did not agree to be contacted leak into the list or an export', async () => {
    const csv = await listExport(province, `period=${YEAR}&flag=all`);
    const phoneCol = csv.header.indexOf('Điện thoại (Phone)');
    const emailCol = csv.header.indexOf('E-mail');
    const consentCol = csv.header.indexOf('Đồng ý liên hệ (Agreed to be contacted)');
    expect(csv.rows).toHaveLength(8);
    for (const r of csv.rows) {
      const key = r[1]!.replace('Cơ sở Tiếp cận ', '');
      if (key === 'A1' || key === 'B1') {
        expect(r[consentCol], key).toBe('Có');
        expect(r[emailCol], key).toBe(`${key.toLowerCase()}@example.com`);
      } else {
        expect(r[consentCol], key).toBe('chưa đồng ý liên hệ');
        expect(r[phoneCol], key).toBe('');
        expect(r[emailCol], key).toBe('');
      }
    }
    const xlsx = Buffer.from(await (await province.get(`/dashboard/businesses.xlsx?period=${YEAR}&flag=all`)).arrayBuffer()).toString(
      'utf8',
    );
    expect(xlsx).toContain('a1@example.com');
    for (const k of ['a2', 'a3', 'a4', 'a5', 'b2', 'b3']) expect(xlsx, k).not.toContain(`${k}@example.com`);
    const page = await (await province.get(`/dashboard/businesses?period=${YEAR}&flag=all`)).text();
    expect(page).toContain('a1@example.com');
    expect(page).toContain('chưa đồng ý liên hệ');
    for (const k of ['a2', 'a3', 'a4', 'a5', 'b2', 'b3']) expect(page, k).not.toContain(`${k}@example.com`);
  });

  it('a withdrawn consent empties the contact at once', async () => {
    expect((await owner.post(`/businesses/${ids.A1}/consents`, { intent: 'withdraw', purpose: 'share_province' })).status).toBe(303);
    const csv = await listExport(province, `period=${YEAR}&flag=all&commune=${A}`);
    expect(JSON.stringify(csv.rows)).not.toContain('a1@example.com');
    expect((await owner.post(`/businesses/${ids.A1}/consents`, { intent: 'grant', purpose: 'share_province' })).status).toBe(303);
  });

  it('attack: a helper, a business or a stranger downloads an outreach export', async () => {
    const b2 = await login('b2@example.com', 'mat-khau-co-so');
    for (const path of [
      `/dashboard/businesses.csv?period=${YEAR}&flag=all`,
      `/dashboard/businesses.xlsx?period=${YEAR}&flag=einvoice&side=not`,
    ]) {
      expect((await helperA.get(path)).status, `helper ${path}`).toBe(403);
      expect((await b2.get(path)).status, `business ${path}`).toBe(403);
      const anon = await new Browserless(server.url).get(path);
      expect(anon.status).toBe(303);
      expect(anon.headers.get('location')).toMatch(/\/login/);
    }
  });

  it('logs every export: who, which list and filters, how many rows', async () => {
    await server.db.execute("DELETE FROM audit_log WHERE action = 'outreach_export'");
    await listExport(officerA, `period=${YEAR}&flag=einvoice&side=not&sector=G`);
    const rs = await server.db.execute(
      "SELECT a.entity_id AS list, a.detail AS detail, u.email AS email FROM audit_log a JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'outreach_export'",
    );
    expect(rs.rows).toHaveLength(1);
    expect(rs.rows[0]!.email).toBe('canbo-a@example.com');
    expect(rs.rows[0]!.list).toBe('einvoice:not');
    expect(JSON.parse(String(rs.rows[0]!.detail))).toEqual({
      format: 'csv',
      period: YEAR,
      commune: A,
      sector: 'G',
      size: null,
      producerType: null,
      rows: 2,
    });
  });
});

describe('a selection becomes help tasks for a helper of the commune', () => {
  const count = async (q: string, args: (string | number)[] = []) => Number((await server.db.execute({ sql: q, args })).rows[0]![0]);
  const due = () => new Date(Date.now() + 7 * 3600e3 + 7 * 86400e3).toISOString().slice(0, 10);
  const listPath = `/dashboard/businesses?period=${YEAR}&flag=einvoice&side=not`;

  it('creates one "new" request per selected business, assigned, visible in the helper’s worklist; a repeat is skipped', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const res = await officerA.post(listPath, {
      business: [String(ids.A2), String(ids.A3)],
      need: 'e_invoice',
      helper: String(helperAId),
      dueDate: due(),
      note: 'Gọi điện hướng dẫn hóa đơn điện tử',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('created=2');
    expect(res.headers.get('location')).toContain('skipped=0');
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before + 2);
    const rows = await server.db.execute({
      sql: 'SELECT status, kind, need, assigned_to, due_date, note, created_by FROM help_requests WHERE business_id IN (?, ?)',
      args: [ids.A2!, ids.A3!],
    });
    for (const r of rows.rows)
      expect(r).toMatchObject({
        status: 'new',
        kind: 'advice',
        need: 'e_invoice',
        assigned_to: helperAId,
        due_date: due(),
        note: 'Gọi điện hướng dẫn hóa đơn điện tử',
      });
    expect(await count('SELECT count(*) FROM audit_log WHERE action = \'help_create\' AND detail LIKE \'%"source":"officer"%\'')).toBe(2);
    const worklist = await (await helperA.get('/worklist?mine=1')).text();
    expect(worklist).toContain('Cơ sở Tiếp cận A2');
    expect(worklist).toContain('Cơ sở Tiếp cận A3');
    // The confirmation after the redirect says what happened.
    const shown = await (await officerA.get(res.headers.get('location')!)).text();
    expect(shown).toContain('Đã tạo 2 yêu cầu hỗ trợ; bỏ qua 0 doanh nghiệp');

    const again = await officerA.post(listPath, {
      business: [String(ids.A2), String(ids.A5)],
      need: 'e_invoice',
      helper: '',
      dueDate: '',
      note: '',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain('created=1');
    expect(again.headers.get('location')).toContain('skipped=1');
    expect(await count('SELECT count(*) FROM help_requests WHERE business_id = ? AND need = ?', [ids.A2!, 'e_invoice'])).toBe(1);
  });

  it('attack: a commune officer assigns businesses of A to the helper of commune B', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const res = await officerA.post(listPath, {
      business: [String(ids.A3)],
      need: 'cashless_payment',
      helper: String(helperBId),
      dueDate: '',
      note: '',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Chỉ có thể giao cho thành viên tổ công nghệ số cộng đồng của xã/phường');
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before);
  });

  it('a selection spanning communes with one helper is refused as a whole, with a clear message', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const res = await province.post(listPath, {
      business: [String(ids.A3), String(ids.B2)],
      need: 'online_presence',
      helper: String(helperAId),
      dueDate: '',
      note: '',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('1 doanh nghiệp đã chọn không thuộc xã/phường của người được giao');
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before);
    // Without an assignee the province officer may open tasks across communes.
    const ok = await province.post(listPath, {
      business: [String(ids.A3), String(ids.B2)],
      need: 'online_presence',
      helper: '',
      dueDate: '',
      note: '',
    });
    expect(ok.status).toBe(303);
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before + 2);
  });

  it('attack: a commune officer slips a business of another commune into the selection', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const res = await officerA.post(listPath, {
      business: [String(ids.A3), String(ids.B3)],
      need: 'hr',
      helper: '',
      dueDate: '',
      note: '',
    });
    expect(res.status).toBe(403);
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before);
  });

  it('attack: a helper or a business creates tasks from the list', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const b2 = await login('b2@example.com', 'mat-khau-co-so');
    for (const c of [helperA, b2]) {
      const res = await c.post(listPath, { business: [String(ids.A3)], need: 'hr', helper: '', dueDate: '', note: '' });
      expect(res.status).toBe(403);
    }
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before);
  });

  it('attack: a cross-site form posts a selection with the officer’s cookie', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const res = await officerA.post(
      listPath,
      { business: [String(ids.A3)], need: 'hr', helper: '', dueDate: '', note: '' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before);
  });

  it('refuses a bad due date, an empty selection and an unknown need with Vietnamese messages', async () => {
    const before = await count('SELECT count(*) FROM help_requests');
    const cases: [Record<string, string | string[]>, string][] = [
      [{ business: [String(ids.A3)], need: 'hr', helper: '', dueDate: '2020-01-01', note: '' }, 'Hạn xử lý không được trước hôm nay'],
      [{ need: 'hr', helper: '', dueDate: '', note: '' }, 'Chọn ít nhất một doanh nghiệp'],
      [{ business: [String(ids.A3)], need: 'teleport', helper: '', dueDate: '', note: '' }, 'Vui lòng chọn nội dung hỗ trợ'],
    ];
    for (const [form, message] of cases) {
      const res = await officerA.post(listPath, form);
      expect(res.status, message).toBe(400);
      expect(await res.text(), message).toContain(message);
    }
    expect(await count('SELECT count(*) FROM help_requests')).toBe(before);
  });
});
