// Targets are the province's: its officers (and administrators) set them for the province and each commune, commune
// officers see their commune's on the dashboard with who set it and when, and every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless } from '../helpers/http.ts';

const DEMO_PASSWORD = 'demo-portal-2025';
let server: TestServer;
let commune = '';

async function login(login: string): Promise<Browserless> {
  const c = new Browserless(server.url);
  expect((await c.post('/login', { login, password: DEMO_PASSWORD })).status).toBe(303);
  return c;
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  const { rows } = await server.db.execute("SELECT scope_commune_code AS c FROM users WHERE email = 'demo-canbo-xa@example.com'");
  commune = String(rows[0]!.c);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const target = (communeCode: string) => ({
  indicatorId: 'einvoice_adoption',
  communeCode,
  baselineDate: '2026-01-01',
  baselineValue: '40',
  targetDate: '2027-12-31',
  targetValue: '87,5',
});

describe('targets set by the province', () => {
  it('a province officer sets a commune target; the commune officer sees it with who set it and when, dates as dd/mm/yyyy', async () => {
    const province = await login('demo-canbo-tinh@example.com');
    expect((await province.get('/admin/targets')).status).toBe(200);
    const res = await province.post('/admin/targets', target(commune));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã lưu mục tiêu');

    const officer = await login('demo-canbo-xa@example.com');
    const html = await (await officer.get('/dashboard')).text();
    expect(html).toContain('87,5 % (31/12/2027)');
    expect(html).toMatch(/Đặt bởi [^<]+\(Cán bộ[^)]*\) ngày \d{2}\/\d{2}\/\d{4}/);
    expect(html).not.toContain('2027-12-31');

    const { rows } = await server.db.execute({
      sql: "SELECT a.detail AS detail FROM audit_log a JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'set_target' AND u.email = 'demo-canbo-tinh@example.com' AND a.entity_id = ?",
      args: [`einvoice_adoption:${commune}`],
    });
    expect(rows).toHaveLength(1);
  });

  it('a commune officer and a helper cannot set targets (403), and nothing is written', async () => {
    const before = (await server.db.execute('SELECT count(*) AS n FROM indicator_targets')).rows[0]!.n;
    for (const who of ['demo-canbo-xa@example.com', 'demo-totruong@example.com']) {
      const c = await login(who);
      expect((await c.post('/admin/targets', { ...target(commune), targetValue: '99' })).status, who).toBe(403);
      expect((await c.get('/admin/targets')).status, who).toBe(403);
    }
    expect((await server.db.execute('SELECT count(*) AS n FROM indicator_targets')).rows[0]!.n).toBe(before);
  });

  it('a bad target gets field errors in Vietnamese and English and changes nothing', async () => {
    const province = await login('demo-canbo-tinh@example.com');
    const before = (await server.db.execute('SELECT count(*) AS n FROM indicator_targets')).rows[0]!.n;
    const res = await province.post('/admin/targets', { ...target(commune), targetValue: '120', targetDate: '2025-01-01' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Từ 0 đến 100');
    const en = await province.post('/en/admin/targets', { ...target(commune), targetValue: '120' });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('0 to 100');
    expect((await server.db.execute('SELECT count(*) AS n FROM indicator_targets')).rows[0]!.n).toBe(before);
  });
});
