import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';

let server: TestServer;
let admin: Browserless;
beforeAll(async () => {
  server = await startServer();
  admin = new Browserless(server.url);
  expect((await admin.post('/login', { login: ADMIN.email, password: ADMIN.password })).status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
});

type ApiPlatform = {
  id: string;
  name: string;
  provider: string;
  url: string;
  category: { id: string; name: { vi: string } };
  costModel: string;
  makeInVietnam: boolean;
  needs: string[];
};

async function platforms(query = ''): Promise<ApiPlatform[]> {
  const res = await fetch(`${server.url}/api/v1/platforms${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { platforms: ApiPlatform[] }).platforms;
}

async function uploadCsv(c: Browserless, csv: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'catalog.csv');
  return fetch(`${server.url}/admin/platforms`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
}

describe('public catalog', () => {
  it('lists at least 60 platforms over at least 12 categories, with the documented shape', async () => {
    const all = await platforms();
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((p) => p.category.id)).size).toBeGreaterThanOrEqual(12);
    for (const p of all) {
      expect(p).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        provider: expect.any(String),
        costModel: expect.stringMatching(/^(free|freemium|paid)$/),
        makeInVietnam: expect.any(Boolean),
      });
      expect(p.url).toMatch(/^https:\/\//);
      expect(p.category.name.vi.length).toBeGreaterThan(0);
    }
    const cats = await (await fetch(`${server.url}/api/v1/platform-categories`)).json();
    expect(cats.categories).toHaveLength(17);
  });

  it.each([
    ['hoa don', 'hóa đơn'],
    ['HÓA ĐƠN', 'hóa đơn'],
    ['ho\u0301a đơn', 'hóa đơn'], // decomposed accent
    ['dien tu', 'điện tử'],
    ['Điện Tử', 'điện tử'],
    ['giao hang', 'giao hàng'],
  ])('search %s finds entries about "%s"', async (q, expected) => {
    const found = await platforms(`?q=${encodeURIComponent(q)}`);
    expect(found.length).toBeGreaterThan(0);
    const all = await platforms();
    // Every hit really mentions the words (accent-insensitively), and every entry whose name mentions them is a hit.
    const key = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    const byName = all.filter((p) => key(p.name).includes(key(expected)));
    for (const p of byName) expect(found.map((f) => f.id)).toContain(p.id);
  });

  it('filters by category and sector, and refuses unknown filters', async () => {
    const invoices = await platforms('?category=finance_accounting');
    expect(invoices.length).toBeGreaterThan(3);
    expect(invoices.every((p) => p.category.id === 'finance_accounting')).toBe(true);
    const farm = await platforms('?sector=A&category=ecommerce');
    expect(farm.map((p) => p.id)).toEqual(expect.arrayContaining(['postmart', 'voso']));
    expect((await fetch(`${server.url}/api/v1/platforms?category=nope`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/platforms?sector=ZZ`)).status).toBe(400);
    const page = await fetch(`${server.url}/platforms?q=hoa%20don`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Hóa đơn');
    expect((await fetch(`${server.url}/platforms/postmart`)).status).toBe(200);
    expect((await fetch(`${server.url}/platforms/no-such-platform`)).status).toBe(404);
  });
});

describe('admin catalog', () => {
  const base = {
    name: 'Nền tảng Thử Nghiệm',
    provider: 'Công ty Thử',
    url: 'https://example.com',
    category: 'sales_management',
    needs: 'sales_management',
    descriptionVi: 'Quản lý bán hàng cho cửa hàng nhỏ.',
    descriptionEn: 'Sales management for small shops.',
    costModel: 'freemium',
    sizes: ['micro', 'small'],
    allSectors: 'yes',
    producerTypes: ['enterprise', 'household'],
    lastChecked: '2026-11-01',
    source: 'https://example.com/gioi-thieu',
    makeInVietnam: 'yes',
  };

  it('only admins reach the catalog admin', async () => {
    const anon = new Browserless(server.url);
    expect((await anon.get('/admin/platforms')).status).toBe(303);
    expect((await anon.get('/admin/platforms/export.csv')).status).toBe(303);
  });

  it('creates with validation, edits, retires, and records every change', async () => {
    const bad = await admin.post('/admin/platforms/new', { ...base, id: 'thu-nghiem', url: 'http://insecure.example' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('https://');
    expect((await platforms()).some((p) => p.id === 'thu-nghiem')).toBe(false);
    const ok = await admin.post('/admin/platforms/new', { ...base, id: 'thu-nghiem' });
    expect(ok.status).toBe(303);
    expect((await platforms('?q=thu nghiem')).map((p) => p.id)).toContain('thu-nghiem');
    const dup = await admin.post('/admin/platforms/new', { ...base, id: 'thu-nghiem' });
    expect(dup.status).toBe(409);
    const edit = await admin.post('/admin/platforms/thu-nghiem', { ...base, name: 'Nền tảng Thử Nghiệm 2' });
    expect(edit.status).toBe(200);
    const retire = await admin.post('/admin/platforms/thu-nghiem', { ...base, name: 'Nền tảng Thử Nghiệm 2', retired: 'yes' });
    expect(retire.status).toBe(200);
    expect((await platforms()).some((p) => p.id === 'thu-nghiem')).toBe(false);
    const page = await (await admin.get('/admin/platforms/thu-nghiem')).text();
    for (const word of ['Tạo', 'Sửa', 'Ngừng giới thiệu']) expect(page).toContain(word);
    const audit = await server.db.execute(
      "SELECT action, actor_user_id FROM audit_log WHERE entity = 'platform' AND entity_id = 'thu-nghiem' ORDER BY id",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['platform_create', 'platform_update', 'platform_retire']);
    expect(audit.rows.every((r) => Number(r.actor_user_id) > 0)).toBe(true);
  });

  it('CSV export → import → export is identical', async () => {
    const first = await admin.get('/admin/platforms/export.csv');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/csv');
    const csv = await first.text();
    const imported = await uploadCsv(admin, csv);
    expect(imported.status).toBe(200);
    expect(await imported.text()).toContain('Đã nhập');
    const second = await (await admin.get('/admin/platforms/export.csv')).text();
    expect(second).toBe(csv);
  });

  it('an invalid CSV is reported with row numbers and nothing is half-imported', async () => {
    const csv = await (await admin.get('/admin/platforms/export.csv')).text();
    const lines = csv.split('\r\n');
    // Change the name on row 2 (valid) and break the category on row 4.
    const renamed = lines[1]!.replace(/^([^,]*),([^,]*),/, '$1,ĐÃ ĐỔI TÊN,');
    const broken = lines[3]!.replace(
      /,(finance_accounting|e_payment|ecommerce|cloud|logistics|sales_management|enterprise_management|e_contract|customer_care|hr_jobs|cybersecurity|online_meeting|web_portal|marketing|tourism|aggregate|consulting_training),/,
      ',khong-co-nhom,',
    );
    expect(broken).not.toBe(lines[3]);
    const bad = [lines[0], renamed, lines[2], broken, ...lines.slice(4)].join('\r\n');
    const before = await server.db.execute('SELECT count(*) AS n, group_concat(data) AS d FROM platforms');
    const res = await uploadCsv(admin, bad);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Dòng 4');
    expect(html).toContain('Không nhập dòng nào');
    const after = await server.db.execute('SELECT count(*) AS n, group_concat(data) AS d FROM platforms');
    expect(after.rows[0]!.d).toBe(before.rows[0]!.d);
  });
});

describe('issue 13: check times and not-re-verified entries', () => {
  it('the platform page, the catalog list and the API flag an entry nobody could re-verify, and only that one', async () => {
    const flagged = await (await fetch(`${server.url}/platforms/fpt-einvoice`)).text();
    expect(flagged).toContain('Chưa xác minh lại');
    expect(flagged).toContain('chưa xác minh lại');
    expect(flagged).toContain('data-unverified');
    // Its previous check is kept and shown as dd/mm/yyyy.
    expect(flagged).toMatch(/<time datetime="2026-11-01">01\/11\/2026<\/time>/);
    const english = await (await fetch(`${server.url}/en/platforms/fpt-einvoice`)).text();
    expect(english).toContain('not re-verified');

    const checked = await (await fetch(`${server.url}/platforms/viettel-sinvoice`)).text();
    expect(checked).not.toContain('data-unverified');
    expect(checked).not.toContain('chưa xác minh lại');
    // A check time (UTC) reads as the day in Vietnam: 22:44 UTC on 30/11 is 01/12 in Vietnam.
    expect(checked).toMatch(/<time datetime="2026-11-30T22:44:\d\dZ">01\/12\/2026<\/time>/);

    const list = await (await fetch(`${server.url}/platforms?category=finance_accounting`)).text();
    expect(list).toContain('Chưa xác minh lại');

    const api = (await (await fetch(`${server.url}/api/v1/platforms/fpt-einvoice`)).json()) as { unverified: boolean; source: string };
    expect(api.unverified).toBe(true);
    expect(api.source).toMatch(/^https:\/\//);
    const ok = (await (await fetch(`${server.url}/api/v1/platforms/viettel-sinvoice`)).json()) as {
      unverified: boolean;
      lastChecked: string;
    };
    expect(ok.unverified).toBe(false);
    expect(ok.lastChecked).toMatch(/^2026-11-30T\d\d:\d\d(:\d\d)?Z$/);
  });

  it('an administrator cannot save an entry without a source, and saving an unchanged day keeps the check time', async () => {
    const admins = await (await admin.get('/admin/platforms')).text();
    expect(admins).toContain('data-unverified');
    const form = {
      name: 'Nền tảng Có Giờ Kiểm Tra',
      provider: 'Công ty Thử',
      url: 'https://example.com',
      category: 'sales_management',
      needs: 'sales_management',
      descriptionVi: 'Quản lý bán hàng cho cửa hàng nhỏ.',
      descriptionEn: 'Sales management for small shops.',
      costModel: 'freemium',
      sizes: ['micro', 'small'],
      allSectors: 'yes',
      producerTypes: ['enterprise', 'household'],
      lastChecked: '2026-11-01',
      makeInVietnam: 'yes',
    };
    const noSource = await admin.post('/admin/platforms/new', { ...form, id: 'co-gio-kiem-tra' });
    expect(noSource.status).toBe(400);
    expect(await noSource.text()).toContain('Thiếu nguồn kiểm tra');
    expect((await platforms()).some((p) => p.id === 'co-gio-kiem-tra')).toBe(false);

    // A shipped entry with a check time: the form shows its UTC day; saving that day unchanged keeps the time.
    const before = (await (await fetch(`${server.url}/api/v1/platforms/kiotviet`)).json()) as { lastChecked: string; source: string };
    expect(before.lastChecked).toMatch(/T/);
    const editPage = await (await admin.get('/admin/platforms/kiotviet')).text();
    expect(editPage).toContain(`value="${before.lastChecked.slice(0, 10)}"`);
    const save = await admin.post('/admin/platforms/kiotviet', {
      ...form,
      name: 'KiotViet',
      source: before.source,
      lastChecked: before.lastChecked.slice(0, 10),
    });
    expect(save.status).toBe(200);
    const after = (await (await fetch(`${server.url}/api/v1/platforms/kiotviet`)).json()) as { lastChecked: string; unverified: boolean };
    expect(after.lastChecked).toBe(before.lastChecked);
    expect(after.unverified).toBe(false);
    // Ticking "not re-verified" flags the entry.
    const flag = await admin.post('/admin/platforms/kiotviet', {
      ...form,
      name: 'KiotViet',
      source: before.source,
      lastChecked: '2026-11-01',
      unverified: 'yes',
    });
    expect(flag.status).toBe(200);
    const flagged = (await (await fetch(`${server.url}/api/v1/platforms/kiotviet`)).json()) as { lastChecked: string; unverified: boolean };
    expect(flagged).toMatchObject({ lastChecked: '2026-11-01', unverified: true });
  });
});
