/**
 * The result page's server rules (issue 14): adoption marks record a platform the person chose,
 * mandatory items cannot be dismissed, shared results are public until revoked, and the benchmark
 * compares like with like.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Browserless, validTaxCode } from '../helpers/http.ts';
import { answerPages, fetchFramework, worstFormValue } from '../helpers/assessment.ts';

let server: TestServer;
let commune: string;
beforeAll(async () => {
  server = await startServer();
  const rs = await server.db.execute("SELECT code FROM communes WHERE province_code = '37' ORDER BY code LIMIT 1");
  commune = String(rs.rows[0]!.code);
});
afterAll(async () => {
  await server?.stop();
});

async function submitted(prefix: string, login: string, producerType: 'enterprise' | 'household', sector = 'G') {
  const c = new Browserless(server.url);
  const reg = await c.post('/register', {
    taxCode: validTaxCode(prefix),
    name: `Cơ sở ${prefix}`,
    communeCode: commune,
    login,
    password: 'mat-khau-co-so',
    consent: 'yes',
  });
  expect(reg.status).toBe(303);
  const id = Number(/\/businesses\/(\d+)/.exec(reg.headers.get('location')!)![1]);
  // The 2021 questionnaire by name (the default for SMEs is now the tool inventory).
  await c.post(`/businesses/${id}/assessment`, producerType === 'enterprise' ? { framework: 'dbi-sme' } : {});
  const profile = await c.post(`/businesses/${id}/assessment/profile`, {
    sector,
    producerType,
    employees: '2',
    revenueMillion: '',
    capitalMillion: '',
    communeCode: commune,
  });
  expect(profile.status).toBe(303);
  const fwId = producerType === 'enterprise' ? 'dbi-sme' : 'producer';
  const review = await answerPages(c, id, await fetchFramework(server.url, fwId), worstFormValue);
  const res = await c.post(review, {});
  return { c, id, resultPath: res.headers.get('location')! };
}

const marks = async (id: number) =>
  Number((await server.db.execute({ sql: 'SELECT count(*) AS n FROM recommendation_marks WHERE business_id = ?', args: [id] })).rows[0]!.n);

describe('plan actions record the truth', () => {
  it('"Tôi đã dùng" without choosing a platform is refused: no default vendor is ever recorded', async () => {
    const { c, id, resultPath } = await submitted('087000011', 'no-default@example.com', 'enterprise');
    const page = await (await c.get(resultPath)).text();
    const select = /<select id="adopt-e_invoice"[^>]*>([\s\S]*?)<\/select>/.exec(page)![1]!;
    expect(select).toMatch(/^\s*<option value="" disabled selected>/);
    expect(select).toContain('<option value="other">Nền tảng khác</option>');
    const res = await c.post(`/businesses/${id}/plan`, { intent: 'adopt', need: 'e_invoice', back: resultPath });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Vui lòng chọn nền tảng bạn đã dùng');
    expect(await marks(id)).toBe(0);
    // "Khác" is a choice: adopted, no vendor.
    expect(
      (await c.post(`/businesses/${id}/plan`, { intent: 'adopt', need: 'e_invoice', platform: 'other', back: resultPath })).status,
    ).toBe(303);
    const row = await server.db.execute({
      sql: 'SELECT kind, platform_id AS p FROM recommendation_marks WHERE business_id = ?',
      args: [id],
    });
    expect([row.rows[0]!.kind, row.rows[0]!.p]).toEqual(['adopted', null]);
  });

  it('dismissing a mandatory item (e-invoice, e-tax, digital signature) is a 400 and writes nothing; others may still be dismissed', async () => {
    const { c, id, resultPath } = await submitted('087000003', 'mandatory@example.com', 'enterprise');
    for (const need of ['e_invoice', 'e_tax', 'digital_signature']) {
      const res = await c.post(`/businesses/${id}/plan`, { intent: 'dismiss', need, reason: 'Không cần', back: resultPath });
      expect(res.status, need).toBe(400);
      expect(await res.text()).toContain('Mục bắt buộc theo quy định không thể ẩn');
    }
    expect(await marks(id)).toBe(0);
    const page = await (await c.get(resultPath)).text();
    const einvoice = page.slice(page.indexOf('id="need-e_invoice"'), page.indexOf('</article>', page.indexOf('id="need-e_invoice"')));
    expect(einvoice).not.toContain('value="dismiss"');
    expect(einvoice).toContain('value="help"');
    expect((await c.post(`/businesses/${id}/plan`, { intent: 'dismiss', need: 'cashless_payment', back: resultPath })).status).toBe(303);
    expect(await marks(id)).toBe(1);
  });
});

describe('sharing', () => {
  it('a shared result page opens without login, names the business only when ticked, and is 404 (image too) once revoked', async () => {
    const { c, resultPath } = await submitted('087000005', 'share@example.com', 'enterprise');
    const shared = await (await c.post(resultPath, { share: 'public' })).text();
    const token = /\/share\/([a-z2-7]{26})"/.exec(shared)![1]!;
    const anon = new Browserless(server.url);
    const pub = await anon.get(`/share/${token}`);
    expect(pub.status).toBe(200);
    const html = await pub.text();
    expect(html).toContain(`<meta property="og:image" content="${server.url}/share/${token}.png"`);
    expect(html).toContain('Điểm theo trụ cột');
    expect(html).toContain('Bộ chỉ số chuyển đổi số doanh nghiệp nhỏ và vừa');
    expect(html).not.toContain('Cơ sở 087000005');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect((await anon.get(`/share/${token}.png`)).status).toBe(200);

    await c.post(resultPath, { share: 'private' });
    expect((await anon.get(`/share/${token}`)).status).toBe(404);
    expect((await anon.get(`/share/${token}.png`)).status).toBe(404);

    const again = await (await c.post(resultPath, { share: 'public', showName: 'yes' })).text();
    const token2 = /\/share\/([a-z2-7]{26})"/.exec(again)![1]!;
    expect(token2).not.toBe(token);
    expect(await (await anon.get(`/share/${token2}`)).text()).toContain('Cơ sở 087000005');
    // Someone else cannot share or name another business's result.
    const other = await submitted('087000007', 'other-share@example.com', 'enterprise');
    expect((await other.c.post(resultPath, { share: 'public', showName: 'yes' })).status).toBe(404);
  });
});

describe('fair benchmark', () => {
  it('a household is compared with households only (same framework, sector and size), never with co-operatives or enterprises', async () => {
    const hh = await submitted('087000009', 'household@example.com', 'household', 'A');
    const me = await server.db.execute({
      sql: "SELECT framework_id AS f, sector AS s, size_class AS z, profile FROM assessments WHERE business_id = ? AND status = 'submitted'",
      args: [hh.id],
    });
    const { f, s, z } = me.rows[0]! as unknown as { f: string; s: string; z: string };
    const now = Date.now();
    async function peer(i: number, producerType: string, score: number) {
      const b = await server.db.execute({
        sql: 'INSERT INTO businesses (name, name_search, sector, producer_type, commune_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
        args: [`Peer ${producerType} ${i}`, `peer ${producerType} ${i}`, s, producerType, commune, now, now],
      });
      await server.db.execute({
        sql: `INSERT INTO assessments (business_id, sequence, framework_id, framework_version, status, profile, answers, score, points, level, sector, size_class, commune_code, started_at, updated_at, submitted_at)
              VALUES (?, 1, ?, 1, 'submitted', ?, '{}', ?, 0, 0, ?, ?, ?, ?, ?, ?)`,
        args: [
          Number(b.rows[0]!.id),
          f,
          JSON.stringify({ sector: s, employees: 3, producerType, sizeClass: z }),
          score,
          s,
          z,
          commune,
          now,
          now,
          now,
        ],
      });
    }
    for (let i = 0; i < 6; i++) await peer(i, 'cooperative', 50);
    const before = await (await hh.c.get(hh.resultPath)).text();
    expect(before).toContain('Chưa có cơ sở nào khác cùng nhóm (hộ kinh doanh');
    expect(before).not.toMatch(/cao hơn \d+ ?%|\d+ ?% /);

    for (let i = 0; i < 22; i++) await peer(i, 'household', 80);
    const after = await (await hh.c.get(hh.resultPath)).text();
    expect(after).toContain('thấp nhất trong 23 cơ sở cùng nhóm (hộ kinh doanh');
  });
});
