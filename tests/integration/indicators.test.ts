import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ADMIN, type TestServer } from '../helpers/server.ts';
import { Browserless, importRegistry, taxCodeFrom as validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue, type PublicFramework } from '../helpers/assessment.ts';

let server: TestServer;
let sme: PublicFramework;
let admin: Browserless;
let A: string;
let B: string;
const ids: Record<string, number> = {};
const YEAR = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());

type Pub = {
  period: string;
  unit: string;
  indicators: {
    id: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    suppressed: boolean;
    target: number | null;
    status: string | null;
  }[];
  levelDistribution: { counts: (number | null)[] };
};

async function pub(query: string): Promise<Pub> {
  const res = await fetch(`${server.url}/api/v1/indicators?${query}`);
  expect(res.status, query).toBe(200);
  return (await res.json()) as Pub;
}
const ind = (p: Pub, id: string) => p.indicators.find((i) => i.id === id)!;

/** Registers a micro retail shop and submits an assessment with the worst answers except `overrides`. */
async function assessed(key: string, prefix: string, commune: string, overrides: Record<string, string>): Promise<Browserless> {
  const c = new Browserless(server.url);
  const res = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Cửa hàng ${key}`,
    communeCode: commune,
    login: `${key.toLowerCase()}@example.com`,
    password: 'mat-khau-cua-hang',
    consent: 'yes',
  });
  expect(res.status, key).toBe(303);
  ids[key] = Number(/\/businesses\/(\d+)/.exec(res.headers.get('location')!)![1]);
  await submit(c, key, commune, overrides);
  clients[key] = c;
  return c;
}
const clients: Record<string, Browserless> = {};

async function submit(c: Browserless, key: string, commune: string, overrides: Record<string, string>) {
  const id = ids[key]!;
  await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
  await c.post(`/businesses/${id}/assessment/profile`, {
    sector: 'G',
    producerType: 'enterprise',
    employees: '3',
    revenueMillion: '2000',
    capitalMillion: '',
    communeCode: commune,
  });
  const review = await answerPages(c, id, sme, (q) => (q.id in overrides ? [overrides[q.id]!] : worstFormValue(q)));
  expect((await c.post(review, {})).status).toBe(303);
}

const EINVOICE = { i2_einvoice: 'g3' };
const BANKING = { c2_online_banking: 'g2' };
// Selling on a marketplace: a platform beyond what the law requires (e-invoices) and beyond online banking.
const MARKET = { c1_ecommerce_floor: 'g2' };
let a1: Browserless;

beforeAll(async () => {
  server = await startServer();
  sme = await fetchFramework(server.url, 'dbi-sme');
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 2");
  A = String(rs.rows[0]!.code);
  B = String(rs.rows[1]!.code);
  admin = new Browserless(server.url);
  await admin.post('/login', { login: ADMIN.email, password: ADMIN.password });
  a1 = await assessed('A1', '086000010', A, { ...EINVOICE, ...MARKET });
  await assessed('A2', '086000020', A, { ...EINVOICE, ...MARKET });
  await assessed('A3', '086000030', A, { ...EINVOICE, ...MARKET });
  await assessed('A4', '086000040', A, BANKING);
  await assessed('A5', '086000050', A, {});
  await assessed('A6', '086000060', A, {});
  await assessed('B1', '086000070', B, { ...EINVOICE, ...BANKING, ...MARKET });
  for (const [i, p] of ['086000080', '086000090', '086000100', '086000110', '086000120'].entries()) await assessed(`B${i + 2}`, p, B, {});
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('indicators: worked example', () => {
  it('gives exactly the expected values per commune and province-wide', async () => {
    const prov = await pub(`period=${YEAR}`);
    // A4 (online banking only) is not an SME "using digital platforms" (nor would e-invoices alone make one).
    expect(ind(prov, 'sme_platform_adoption')).toMatchObject({ numerator: 4, denominator: 12, value: 33.3, suppressed: false });
    expect(ind(prov, 'einvoice_adoption')).toMatchObject({ numerator: 4, denominator: 12, value: 33.3 });
    expect(ind(prov, 'epayment_adoption')).toMatchObject({ numerator: 2, denominator: 12, value: 16.7 });
    expect(ind(prov, 'assessment_coverage')).toMatchObject({ numerator: 12, denominator: 12, value: 100 });
    expect(prov.levelDistribution.counts).toEqual([12, 0, 0, 0, 0, 0]);
    const a = await pub(`period=${YEAR}&unit=${A}`);
    expect(ind(a, 'sme_platform_adoption')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    expect(ind(a, 'einvoice_adoption')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    const b = await pub(`period=${YEAR}&unit=${B}`);
    expect(ind(b, 'sme_platform_adoption')).toMatchObject({ numerator: 1, denominator: 6, value: 16.7 });
    // The quarter view holds the same businesses (all submitted now).
    const q = Math.floor(new Date(Date.now() + 7 * 3600e3).getUTCMonth() / 3) + 1;
    expect(ind(await pub(`period=${YEAR}-Q${q}`), 'sme_platform_adoption')).toMatchObject({ numerator: 4, denominator: 12 });
    // Nothing in another year.
    expect(ind(await pub(`period=${Number(YEAR) - 1}`), 'sme_platform_adoption').suppressed).toBe(true);
  });

  it('counts a retake in the same period once (the newest)', async () => {
    const before = await pub(`period=${YEAR}`);
    await submit(a1, 'A1', A, {});
    // Open data moves on in batches of 5 changed businesses (decision 002): one retake alone shows nothing.
    expect((await pub(`period=${YEAR}`)).indicators).toEqual(before.indicators);
    // Four businesses of B resubmit the same answers: the batch is complete, nothing else changes.
    for (const k of ['B2', 'B3', 'B4', 'B5']) await submit(clients[k]!, k, B, {});
    // The next snapshot is taken in the background while the previous one still answers.
    let prov = await pub(`period=${YEAR}`);
    for (let tries = 0; ind(prov, 'sme_platform_adoption').numerator === 4 && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 200));
      prov = await pub(`period=${YEAR}`);
    }
    expect(ind(prov, 'sme_platform_adoption')).toMatchObject({ numerator: 3, denominator: 12 });
    expect(ind(prov, 'einvoice_adoption')).toMatchObject({ numerator: 3, denominator: 12 });
    const a = await pub(`period=${YEAR}&unit=${A}`);
    expect(ind(a, 'sme_platform_adoption')).toMatchObject({ numerator: 2, denominator: 6, value: 33.3 });
  });

  it('suppresses cells built on fewer than 5 businesses and never names a business', async () => {
    const small = await pub(`period=${YEAR}&unit=${A}&size=small`);
    expect(
      small.indicators
        .filter((i) => i.id !== 'ocop_products_on_ecommerce')
        .every((i) => i.suppressed && i.value === null && i.numerator === null),
    ).toBe(true);
    // OCOP products have no size: under a size filter the indicator does not apply.
    expect(ind(small, 'ocop_products_on_ecommerce')).toMatchObject({ value: null, numerator: null });
    // One category filter at a time in open data.
    expect((await fetch(`${server.url}/api/v1/indicators?sector=G&size=micro`)).status).toBe(400);
    // A commune with a category: A has 6 micro SMEs, B has 6 too; both cells and the column total are safe.
    const micro = await pub(`period=${YEAR}&unit=${A}&size=micro`);
    expect(ind(micro, 'einvoice_adoption')).toMatchObject({ numerator: 2, denominator: 6, suppressed: false });
    const raw = await (await fetch(`${server.url}/api/v1/indicators?period=${YEAR}&unit=${A}`)).text();
    expect(raw).not.toContain('Cửa hàng');
    const csv = await fetch(`${server.url}/api/v1/indicators?period=${YEAR}`, { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('sme_platform_adoption');
    expect(text).toContain('Tỷ lệ');
    expect(text).not.toContain('Cửa hàng');
    for (const bad of ['period=2026-Q9', 'unit=abc', 'sector=Z', 'size=huge', 'unit=99999']) {
      expect((await fetch(`${server.url}/api/v1/indicators?${bad}`)).status, bad).toBe(400);
    }
    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/api/v1/indicators');
  });

  it('target status follows the straight-line trajectory', async () => {
    const res = await admin.post('/admin/targets', {
      indicatorId: 'sme_platform_adoption',
      communeCode: '',
      baselineDate: `${YEAR}-01-01`,
      baselineValue: '0',
      targetDate: `${Number(YEAR) + 5}-01-01`,
      targetValue: '100',
    });
    expect(res.status).toBe(200);
    // Expected now is under 20 % (less than a year into a five-year line from 0 to 100): 25 % is on track.
    const prov = await pub(`period=${YEAR}`);
    expect(ind(prov, 'sme_platform_adoption')).toMatchObject({ target: 100, status: 'on_track' });
    await admin.post('/admin/targets', {
      indicatorId: 'sme_platform_adoption',
      communeCode: '',
      baselineDate: `${Number(YEAR) - 1}-01-01`,
      baselineValue: '30',
      targetDate: `${Number(YEAR) + 1}-01-01`,
      targetValue: '90',
    });
    expect(ind(await pub(`period=${YEAR}`), 'sme_platform_adoption').status).toBe('off_track');
    const bad = await admin.post('/admin/targets', {
      indicatorId: 'sme_platform_adoption',
      baselineDate: `${YEAR}-06-01`,
      baselineValue: '10',
      targetDate: `${YEAR}-01-01`,
      targetValue: '200',
    });
    expect(bad.status).toBe(400);
  });
});

describe('registry import and the officer dashboard', () => {
  const header = 'ma_so_thue,ten,vsic,ma_xa,lao_dong,doanh_thu';
  const good = (i: number, commune: string) =>
    `${validTaxCode(`087000${String(i * 10).padStart(3, '0')}`)},Công ty Danh Bạ ${i},4711,${commune},5,1000000000`;

  it('reports bad rows with their numbers, keeps good rows, and re-import is idempotent', async () => {
    const rows = [
      header,
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => good(i, A)),
      '0123456780,Sai mã số thuế,4711,' + A + ',3,1',
      `${validTaxCode('087000099')},Xã ngoài tỉnh,4711,00004,3,1`,
      validTaxCode('087000098') + ',,4711,' + A + ',1,1',
    ];
    const bom = '\uFEFF' + rows.join('\r\n');
    const count = async () => Number((await server.db.execute('SELECT count(*) AS n FROM businesses WHERE in_registry = 1')).rows[0]!.n);
    const first = await importRegistry(admin, bom);
    expect(first.preview.status).toBe(200);
    expect(first.previewHtml).toContain('8 dòng hợp lệ, 3 dòng lỗi');
    for (const line of [10, 11, 12]) expect(first.previewHtml).toContain(`<td>${line}</td>`);
    expect(first.confirm?.status).toBe(200);
    expect(first.confirmHtml).toContain('Đã nhập 8 doanh nghiệp (mới 8, cập nhật 0)');
    expect(await count()).toBe(8);
    const again = await importRegistry(admin, rows.join('\n').replaceAll(',', ';'));
    expect(again.confirmHtml).toContain('cập nhật 8');
    expect(await count()).toBe(8);
    // Coverage in commune A: 6 assessed of 6 + 8 known.
    const a = await pub(`period=${YEAR}&unit=${A}`);
    expect(ind(a, 'assessment_coverage')).toMatchObject({ numerator: 6, denominator: 14, value: 42.9 });
    // Assessed businesses not in the registry are still counted, and flagged.
    const officer = new Browserless(server.url);
    await admin.post('/admin/users', {
      role: 'officer',
      displayName: 'Cán bộ tỉnh',
      login: 'canbo-tinh@example.com',
      password: 'mat-khau-can-bo-tinh',
    });
    await officer.post('/login', { login: 'canbo-tinh@example.com', password: 'mat-khau-can-bo-tinh' });
    const dash = await (await officer.get(`/dashboard?period=${YEAR}`)).text();
    expect(dash).toContain('12 chưa có trong danh bạ');
  });

  it('an officer of commune A sees only commune A, with drill-downs, exports and filters in the URL', async () => {
    await admin.post('/admin/users', {
      role: 'officer',
      displayName: 'Cán bộ xã A',
      login: 'canbo-a@example.com',
      password: 'mat-khau-can-bo-a',
      communeCode: A,
    });
    const o = new Browserless(server.url);
    await o.post('/login', { login: 'canbo-a@example.com', password: 'mat-khau-can-bo-a' });
    const dash = await o.get(`/dashboard?period=${YEAR}&commune=${B}`);
    expect(dash.status).toBe(200);
    const html = await dash.text();
    expect(html).toContain('<span class="score-big">6</span>');
    const drill = await (await o.get(`/dashboard/businesses?period=${YEAR}&commune=${B}&flag=all`)).text();
    expect(drill).toContain('Cửa hàng A2');
    expect(drill).not.toContain('Cửa hàng B1');
    const einv = await (await o.get(`/dashboard/businesses?period=${YEAR}&flag=einvoice`)).text();
    expect(einv).toContain('Cửa hàng A2');
    expect(einv).not.toContain('Cửa hàng A5');
    const csv = await o.get(`/dashboard/export.csv?period=${YEAR}&by=commune`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvText = await csv.text();
    expect(csvText).toContain('Chỉ số (Indicator)');
    expect(csvText).toContain('Tỷ lệ doanh nghiệp nhỏ và vừa');
    // The trend sheet: the chosen year and the three before it, oldest first, ending on the year shown.
    const lines = csvText.split(/\r?\n/);
    const trendAt = lines.indexOf('# Xu hướng');
    expect(trendAt).toBeGreaterThan(-1);
    const trendRows = lines.slice(trendAt + 2, trendAt + 6).map((l) => l.split(',')[0]);
    expect(trendRows).toEqual([Number(YEAR) - 3, Number(YEAR) - 2, Number(YEAR) - 1, Number(YEAR)].map(String));
    const xlsx = await o.get(`/dashboard/export.xlsx?period=${YEAR}`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const buf = Buffer.from(await xlsx.arrayBuffer());
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(buf.toString('utf8')).toContain('Chỉ số');
    // A business cannot reach the dashboard at all; the anonymous public can only see open data.
    expect((await a1.get('/dashboard')).status).toBe(403);
    expect((await a1.get(`/dashboard/businesses?flag=all`)).status).toBe(403);
    expect((await new Browserless(server.url).get('/dashboard/export.csv')).status).toBe(303);
  });
});

describe('counter maintenance on the running server', () => {
  it('a hand-damaged counter is visible on /admin/indicators and the audited rebuild button repairs it', async () => {
    const before = await pub(`period=${YEAR}`);
    // Damage: one commune cell loses a business (as an interrupted write of an older version would leave it).
    await server.db.execute({
      sql: 'UPDATE indicator_cells SET n = n - 1, n_sme = n_sme - 1 WHERE period_id = ? AND commune_code = ?',
      args: [YEAR, A],
    });
    const page = await (await admin.get('/admin/indicators')).text();
    expect(page).toContain('các bộ đếm đang lệch');
    expect(page).toContain(`${YEAR}: commune cells differ from the facts`);
    const res = await admin.post('/admin/indicators', {});
    expect(res.status).toBe(200);
    const after = await res.text();
    expect(after).toContain('Đã tính lại');
    expect(after).toContain('các bộ đếm khớp với bài đánh giá đã lưu');
    const audit = await server.db.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'indicators_rebuild'");
    expect(Number(audit.rows[0]!.n)).toBe(1);
    // Nothing published changed: the rebuild restores exactly what the submissions had written.
    expect((await pub(`period=${YEAR}`)).indicators).toEqual(before.indicators);
    // Only administrators may rebuild.
    expect((await a1.post('/admin/indicators', {})).status).toBe(403);
  });
});

describe('province-level figures entered by province staff', () => {
  it('a province officer enters a figure with its source; bad input is a 400 with a clear message and writes nothing; commune officers cannot', async () => {
    const p = new Browserless(server.url);
    await admin.post('/admin/users', {
      role: 'officer',
      displayName: 'Cán bộ số liệu',
      login: 'canbo-so-lieu@example.com',
      password: 'mat-khau-can-bo-so-lieu',
    });
    await p.post('/login', { login: 'canbo-so-lieu@example.com', password: 'mat-khau-can-bo-so-lieu' });
    const count = async () => Number((await server.db.execute('SELECT count(*) AS n FROM province_figures')).rows[0]!.n);
    const bad = await p.post('/dashboard/figures', {
      figureId: 'digital_economy_grdp_share',
      period: YEAR,
      value: '140',
      source: 'Cục Thống kê tỉnh',
      asOf: `${Number(YEAR) - 1}-12-31`,
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Tỷ lệ phải từ 0 đến 100 %');
    expect(html).toContain(`Ngày số liệu phải nằm trong kỳ ${YEAR}`);
    expect(await count()).toBe(0);
    const good = await p.post('/dashboard/figures', {
      figureId: 'digital_economy_grdp_share',
      period: YEAR,
      value: '12,5',
      source: 'Cục Thống kê tỉnh, báo cáo năm',
      asOf: `${YEAR}-06-30`,
    });
    expect(good.status).toBe(200);
    expect(await count()).toBe(1);
    const dash = await (await p.get(`/dashboard?period=${YEAR}`)).text();
    expect(dash).toContain('Tỷ trọng kinh tế số trong GRDP của tỉnh');
    expect(dash).toContain('Cục Thống kê tỉnh, báo cáo năm');
    expect(dash).toContain('Chưa đạt');
    // A commune officer sees the figures but cannot enter them; a business cannot even see them.
    const c = new Browserless(server.url);
    await c.post('/login', { login: 'canbo-a@example.com', password: 'mat-khau-can-bo-a' });
    expect(
      (await c.post('/dashboard/figures', { figureId: 'dti_rank', period: YEAR, value: '5', source: 'Bộ', asOf: `${YEAR}-06-30` })).status,
    ).toBe(403);
    expect((await a1.get('/dashboard/figures')).status).toBe(403);
    expect(await count()).toBe(1);
  });

  it('the dashboard exports (CSV and XLSX) carry the province-level figures with their source and date', async () => {
    const p = new Browserless(server.url);
    await p.post('/login', { login: 'canbo-so-lieu@example.com', password: 'mat-khau-can-bo-so-lieu' });
    const csv = await (await p.get(`/dashboard/export.csv?period=${YEAR}`)).text();
    expect(csv).toContain('# Số liệu cấp tỉnh');
    const line = csv.split(/\r?\n/).find((l) => l.startsWith('digital_economy_grdp_share,'));
    expect(line).toBeDefined();
    expect(line).toContain('Tỷ trọng kinh tế số trong GRDP của tỉnh');
    expect(line).toContain('12.5');
    expect(line).toContain('Cục Thống kê tỉnh, báo cáo năm');
    expect(line).toContain(`${YEAR}-06-30`);
    expect(line).toContain('Chưa đạt');
    // A figure nobody entered says so instead of a blank that reads as zero.
    expect(csv.split(/\r?\n/).find((l) => l.startsWith('dti_rank,'))).toContain('Chưa nhập');
    const xlsx = Buffer.from(await (await p.get(`/dashboard/export.xlsx?period=${YEAR}`)).arrayBuffer());
    expect(xlsx.toString('utf8')).toContain('Số liệu cấp tỉnh');
    expect(xlsx.toString('utf8')).toContain('Cục Thống kê tỉnh, báo cáo năm');
    // Commune officers export the same province-level figures (they see them on the dashboard too).
    const c = new Browserless(server.url);
    await c.post('/login', { login: 'canbo-a@example.com', password: 'mat-khau-can-bo-a' });
    expect(await (await c.get(`/dashboard/export.csv?period=${YEAR}`)).text()).toContain('Cục Thống kê tỉnh, báo cáo năm');
  });
});
