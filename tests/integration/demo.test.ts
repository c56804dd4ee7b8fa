// The demo province on a first start (SEED_DEMO=1), and `npm run demo:remove`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, taxCodeFrom } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue } from '../helpers/assessment.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'demo-portal-2025';
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ demo: true });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function rows<T>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  return (await server.db.execute({ sql, args })).rows as unknown as T[];
}
const one = async (sql: string, args: (string | number)[] = []) =>
  Number(Object.values((await rows<Record<string, unknown>>(sql, args))[0]!)[0]);

async function login(email: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login: email, password: PASSWORD })).status).toBe(303);
  return c;
}

describe('demo province on first start', () => {
  it('lists the demo OCOP products on /ocop and /api/v1/ocop-products, only for producers who consented', async () => {
    const res = await fetch(`${server.url}/api/v1/ocop-products`);
    expect(res.status).toBe(200);
    const { products } = (await res.json()) as {
      products: { name: string; group: string; stars: number; listings: { floor: string; status: string; url: string | null }[] }[];
    };
    expect(products.length).toBeGreaterThanOrEqual(20);
    expect(products.every((p) => p.name.endsWith('(mẫu)'))).toBe(true);
    expect(new Set(products.map((p) => p.group)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(products.map((p) => p.stars))).toEqual(new Set([3, 4, 5]));
    const listed = products.filter((p) => p.listings.some((l) => l.status === 'listed' && l.url?.startsWith('https://')));
    expect(listed.length).toBeGreaterThanOrEqual(10);
    // The producer without the publication consent stays off the public directory.
    expect(products.map((p) => p.name)).not.toContain('Gạo nếp cái hoa vàng (mẫu)');
    expect(await one("SELECT count(*) FROM ocop_products WHERE name = 'Gạo nếp cái hoa vàng (mẫu)' AND is_demo = 1")).toBe(1);
    // At least 10 producers, of all four types.
    const producers = await rows<{ t: string }>(
      'SELECT DISTINCT b.producer_type AS t, b.id FROM ocop_products p JOIN businesses b ON b.id = p.business_id',
    );
    expect(producers.length).toBeGreaterThanOrEqual(10);
    expect(new Set(producers.map((p) => p.t))).toEqual(new Set(['cooperative', 'cooperative_group', 'household', 'enterprise']));
    // Status histories: some products went through preparing → listed, one was withdrawn.
    expect(await one("SELECT count(DISTINCT product_id) FROM product_listings WHERE status = 'withdrawn'")).toBeGreaterThanOrEqual(1);
    expect(
      await one('SELECT max(n) FROM (SELECT count(*) AS n FROM product_listings GROUP BY product_id, floor_id)'),
    ).toBeGreaterThanOrEqual(2);

    const page = await fetch(`${server.url}/ocop`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Cơm cháy chà bông (mẫu)');
    expect(html).not.toContain('Gạo nếp cái hoa vàng (mẫu)');
  });

  it('shows the demo province officer targets with on-track, at-risk and off-track statuses and their basis', async () => {
    const officer = await login('demo-canbo-tinh@example.com');
    const res = await officer.get('/dashboard');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const status of ['Đúng lộ trình', 'Có nguy cơ chậm', 'Chậm so với lộ trình']) expect(html, status).toContain(status);
    expect(html).toContain('QĐ 411/QĐ-TTg');
    expect(html).toContain('Mục tiêu mẫu');
    // Every demo target says where its figure comes from.
    expect(await one("SELECT count(*) FROM indicator_targets WHERE is_demo = 1 AND (basis IS NULL OR basis = '')")).toBe(0);
    expect(await one('SELECT count(*) FROM indicator_targets WHERE is_demo = 1')).toBeGreaterThanOrEqual(3);
  });

  it("an administrator replaces a sample target by the province's own, with its basis", async () => {
    const admin = new Browserless(server.url);
    expect((await admin.post('/login', { login: 'admin@test.example.vn', password: 'admin-test-password' })).status).toBe(303);
    const basis = 'Kế hoạch chuyển đổi số của tỉnh (thử nghiệm) / Provincial plan (test)';
    const res = await admin.post('/admin/targets', {
      indicatorId: 'epayment_adoption',
      communeCode: '',
      baselineDate: '2025-01-01',
      baselineValue: '40',
      targetDate: '2030-12-31',
      targetValue: '90',
      basis,
    });
    expect(res.status).toBeLessThan(400);
    expect(
      await rows("SELECT basis, is_demo FROM indicator_targets WHERE indicator_id = 'epayment_adoption' AND commune_code = ''"),
    ).toEqual([{ basis, is_demo: 0 }]);
    expect(await (await admin.get('/admin/targets')).text()).toContain('Kế hoạch chuyển đổi số của tỉnh (thử nghiệm)');
  });

  it('reads a realistic coverage: registry rows make the denominator, about one business in ten assessed', async () => {
    const year = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
    const res = await fetch(`${server.url}/api/v1/indicators?period=${year}`);
    const body = (await res.json()) as {
      indicators: { id: string; value: number | null; numerator: number | null; denominator: number | null }[];
    };
    const coverage = body.indicators.find((i) => i.id === 'assessment_coverage')!;
    expect(coverage.denominator).toBeGreaterThanOrEqual(1500);
    expect(coverage.value).toBeGreaterThan(3);
    expect(coverage.value).toBeLessThan(30);
    expect(await one('SELECT count(*) FROM businesses WHERE is_demo = 1 AND in_registry = 1')).toBeGreaterThanOrEqual(1500);
  });

  it('puts help requests in the worklist of the demo commune and of the province', async () => {
    const communeOfficer = await login('demo-canbo-xa@example.com');
    const local = await (await communeOfficer.get('/worklist')).text();
    expect(local.match(/dữ liệu mẫu\)/gu)?.length ?? 0).toBeGreaterThanOrEqual(3);
    const province = await login('demo-canbo-tinh@example.com');
    const all = await (await province.get('/worklist')).text();
    expect(all.match(/\(dữ liệu mẫu\)\./gu)?.length ?? 0).toBeGreaterThanOrEqual(8);
  });
});

describe('npm run demo:remove', () => {
  it('deletes every demo row, keeps real data, and leaves counters equal to a recount of the facts', async () => {
    // A real business submits an assessment first: its contribution must survive the removal.
    const sme = await fetchFramework(server.url, 'dbi-sme');
    const commune = String(
      (await rows<{ code: string }>("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1"))[0]!.code,
    );
    const c = new Browserless(server.url);
    const reg = await c.post('/register', {
      taxCode: taxCodeFrom('087000010'),
      name: 'Cửa hàng thật',
      communeCode: commune,
      login: 'that@example.com',
      password: 'mat-khau-cua-hang',
      consent: 'yes',
    });
    expect(reg.status).toBe(303);
    const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
    await c.post(`/businesses/${id}/assessment`, { framework: 'dbi-sme' });
    await c.post(`/businesses/${id}/assessment/profile`, {
      sector: 'G',
      producerType: 'enterprise',
      employees: '3',
      revenueMillion: '2000',
      capitalMillion: '',
      communeCode: commune,
    });
    const review = await answerPages(c, id, sme, (q) => (q.id === 'i2_einvoice' ? ['g3'] : worstFormValue(q)));
    expect((await c.post(review, {})).status).toBe(303);

    // Asynchronously: a blocked event loop would keep reusing sockets the server has meanwhile closed.
    const run = await promisify(execFile)(process.execPath, ['scripts/demo-remove.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: server.dbUrl, PROVINCE_CODE: '37' },
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('Demo data removed');

    expect(await one('SELECT count(*) FROM businesses WHERE is_demo = 1')).toBe(0);
    expect(await one('SELECT count(*) FROM ocop_products')).toBe(0);
    expect(await one('SELECT count(*) FROM product_listings')).toBe(0);
    expect(await one('SELECT count(*) FROM help_requests')).toBe(0);
    expect(await one('SELECT count(*) FROM indicator_targets WHERE is_demo = 1')).toBe(0);
    expect(await one("SELECT count(*) FROM indicator_targets WHERE indicator_id = 'epayment_adoption'")).toBe(1);
    expect(await one("SELECT count(*) FROM users WHERE email LIKE 'demo-%@example.com'")).toBe(0);
    expect(await one('SELECT count(*) FROM assessments WHERE business_id NOT IN (SELECT id FROM businesses)')).toBe(0);
    expect(await one('SELECT count(*) FROM indicator_facts WHERE business_id NOT IN (SELECT id FROM businesses)')).toBe(0);
    // The real business is still counted, once per period (quarter and year).
    expect(await one('SELECT count(*) FROM indicator_facts WHERE business_id = ?', [id])).toBe(2);

    // Counters equal a recount of the remaining facts, cell by cell, in both cubes.
    const recount = `SELECT period_id, commune_code, sector, size_class, producer_type, count(*) AS n, sum(einvoice) AS e, sum(sme) AS s FROM indicator_facts GROUP BY 1, 2, 3, 4, 5`;
    const facts = await rows<{ period_id: string; commune_code: string; n: number; e: number; s: number }>(recount);
    const cells = await rows<{ period_id: string; commune_code: string; n: number; n_einvoice: number; n_sme: number }>(
      'SELECT * FROM indicator_cells WHERE n <> 0 OR n_einvoice <> 0 OR n_sme <> 0',
    );
    expect(cells.map((c) => [c.period_id, c.commune_code, Number(c.n), Number(c.n_einvoice), Number(c.n_sme)]).sort()).toEqual(
      facts.map((f) => [f.period_id, f.commune_code, Number(f.n), Number(f.e), Number(f.s)]).sort(),
    );
    // Score sums are floating point: an emptied cell keeps at most rounding noise.
    expect(await one('SELECT count(*) FROM indicator_cells WHERE n = 0 AND abs(score_sum) > 1e-6')).toBe(0);
    expect(await one('SELECT coalesce(sum(n), 0) FROM province_cells')).toBe(await one('SELECT count(*) FROM indicator_facts'));
    expect(await one('SELECT count(*) FROM province_cells WHERE n < 0 OR n_einvoice < 0 OR n_sme_platform < 0')).toBe(0);
    expect(await one('SELECT coalesce(sum(n), 0) FROM pillar_cells')).toBe(
      await one('SELECT coalesce(sum(json_array_length(pillars)), 0) FROM indicator_facts'),
    );

    // The public numbers now describe the real business alone; the next start does not seed the demo again.
    const year = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
    const pub = (await (await fetch(`${server.url}/api/v1/indicators?period=${year}`)).json()) as {
      indicators: { id: string; suppressed: boolean }[];
    };
    expect(pub.indicators.find((i) => i.id === 'assessment_coverage')!.suppressed).toBe(true);
    const { prepareDatabase } = await import('../../scripts/seed/boot.ts');
    const { getEnv } = await import('#src/server/config/env.ts');
    const again = await prepareDatabase(
      getEnv({
        DATABASE_URL: server.dbUrl,
        SEED_DEMO: '1',
        PROVINCE_CODE: '37',
        ADMIN_EMAIL: 'admin@test.example.vn',
        ADMIN_PASSWORD: 'admin-test-password',
      }),
    );
    expect(again.demo).toBeNull();
    expect(await one('SELECT count(*) FROM businesses WHERE is_demo = 1')).toBe(0);
    expect(await one("SELECT count(*) FROM audit_log WHERE action = 'demo_remove'")).toBe(1);
  }, 120_000);
});
